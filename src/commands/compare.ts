/**
 * Compare-Object (two sets of objects, side by side) and Tee-Object (output both down the pipeline and to a file or
 * variable). As in PowerShell on Linux, neither has an alias: `compare`, `diff` and `tee` are native programs there.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { mapInOrder, type Maybe, then } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { OutputFormatter } from "../values/format.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { encodingOf, writeEncoded } from "./encoding.ts";
import { resolvePath } from "./files.ts";
import { culturalCompare } from "./collation.ts";

/**
 * One -Property entry: a name, a script block, or `@{ Expression = … }`. Its result column is named after the
 * expression's text (CompareObjectCommand.Emit: `hash["Expression"].ToString()`).
 */
interface Key {
  label: string;
  read: unknown;
}

function keysOf(properties: unknown): Key[] | null {
  if (properties === undefined || properties === null) return null;
  return enumerate(properties).map((property): Key => {
    const read = property instanceof PSHashtable ? property.get(property.keys().find((k) => "expression".startsWith(toStr(k).toLowerCase()))) : property;
    return { label: read instanceof ScriptBlockValue ? read.toString() : toStr(read), read };
  });
}

interface Entry {
  item: unknown;
  values: unknown[];
}

function entryOf(ctx: CommandContext, keys: Key[] | null, item: unknown): Maybe<Entry> {
  if (!keys) return { item, values: [item] };
  return then(mapInOrder(keys, (key) => {
    if (!(key.read instanceof ScriptBlockValue)) return getMember(item, toStr(key.read)) ?? null;
    return then(ctx.invoke(key.read, item), (r) => (r.length === 0 ? null : r.length === 1 ? r[0] : r));
  }), (values) => ({ item, values }));
}

interface CompareState {
  keys: Key[] | null;
  references: Entry[];
  next: number;
  referenceBacklog: Entry[];
  differenceBacklog: Entry[];
  window: number;
  /** Compares two values (strings by -Culture's rules and -CaseSensitive). */
  cmp: (a: unknown, b: unknown) => number;
  includeEqual: boolean;
  excludeDifferent: boolean;
  passThru: boolean;
}

const same = (s: CompareState, a: Entry, b: Entry) => a.values.every((v, i) => s.cmp(v, b.values[i]) === 0);

/** A result: `{ InputObject | the -Property values, SideIndicator }`, or with -PassThru the object marked with its side. */
function result(s: CompareState, entry: Entry, side: "==" | "=>" | "<="): unknown {
  if (side === "==" ? !s.includeEqual : s.excludeDifferent) return undefined;
  if (s.passThru) {
    if (entry.item instanceof PSCustomObject) {
      entry.item.set("SideIndicator", side);
      return entry.item;
    }
    const base = entry.item instanceof NotedScalar ? entry.item.base : entry.item;
    if (typeof base !== "string" && typeof base !== "number" && typeof base !== "boolean" && !(base instanceof Date)) return entry.item;
    const notes = new PSCustomObject();
    notes.set("SideIndicator", side);
    return new NotedScalar(base, notes);
  }
  const row = new PSCustomObject();
  if (s.keys) s.keys.forEach((key, i) => row.set(key.label, entry.values[i]));
  else row.set("InputObject", entry.item);
  row.set("SideIndicator", side);
  return row;
}

/** Takes the first entry of `backlog` equal to `entry` (compared with `entry` on the left) out of it. */
function matchAndRemove(s: CompareState, entry: Entry | null, backlog: Entry[]): Entry | null {
  if (!entry) return null;
  const i = backlog.findIndex((other) => same(s, entry, other));
  return i < 0 ? null : backlog.splice(i, 1)[0];
}

/** An unmatched entry joins its backlog, pushing out (as a difference) the oldest beyond -SyncWindow. */
function keep(s: CompareState, entry: Entry, backlog: Entry[], side: "=>" | "<=", out: unknown[]): void {
  if (s.window === 0) return void out.push(result(s, entry, side));
  while (backlog.length >= s.window) out.push(result(s, backlog.shift()!, side));
  backlog.push(entry);
}

/**
 * One step of CompareObjectCommand.Process: the next reference object meets this difference object; failing that,
 * each is looked for in the other side's backlog (objects seen but not yet matched); what stays unmatched joins its
 * own backlog. Returns the results in PowerShell's order (undefined for those the switches hide).
 */
function step(s: CompareState, difference: Entry | null): unknown[] {
  const out: unknown[] = [];
  let reference = s.next < s.references.length ? s.references[s.next++] : null;
  if (reference && difference && same(s, reference, difference)) return [result(s, reference, "==")];
  const fromReferences = matchAndRemove(s, difference, s.referenceBacklog);
  if (fromReferences) {
    out.push(result(s, fromReferences, "=="));
    difference = null;
  }
  if (matchAndRemove(s, reference, s.differenceBacklog)) {
    out.push(result(s, reference!, "=="));
    reference = null;
  }
  if (difference) keep(s, difference, s.differenceBacklog, "=>", out);
  if (reference) keep(s, reference, s.referenceBacklog, "<=", out);
  return out;
}

function nullArgument(name: string): never {
  throw new RuntimeError(new ErrorRecord(
    `Cannot bind argument to parameter '${name}' because it is null.`,
    "ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell.Commands.CompareObjectCommand",
    "InvalidData", null, null, null, "Compare-Object",
  ));
}

export const compareObject: BuiltinCommand = {
  name: "Compare-Object",
  parameters: [
    { name: "ReferenceObject", position: 0, type: "object", mandatory: true },
    { name: "DifferenceObject", position: 1, type: "object", mandatory: true, pipeline: true },
    { name: "SyncWindow", type: "int", validateRange: [0, 2147483647] },
    { name: "Property", type: "object[]" },
    { name: "ExcludeDifferent", type: "switch" },
    { name: "IncludeEqual", type: "switch" },
    { name: "PassThru", type: "switch" },
    { name: "CaseSensitive", type: "switch" },
    { name: "Culture", type: "string" },
  ],
  begin(ctx, params) {
    if (params.get("ReferenceObject") === null) nullArgument("ReferenceObject");
    const keys = keysOf(params.get("Property"));
    const excludeDifferent = params.get("ExcludeDifferent") === true;
    return then(mapInOrder(enumerate(params.get("ReferenceObject")), (item) => entryOf(ctx, keys, item)), (references): CompareState => ({
      keys, references, next: 0, referenceBacklog: [], differenceBacklog: [],
      window: (params.get("SyncWindow") as number | undefined) ?? 2147483647,
      cmp: culturalCompare(ctx, params.has("Culture") ? toStr(params.get("Culture")) : null, params.get("CaseSensitive") === true, "Compare-Object"),
      // -ExcludeDifferent shows only the equal ones, so it implies -IncludeEqual unless that is turned off explicitly.
      includeEqual: params.has("IncludeEqual") ? params.get("IncludeEqual") === true : excludeDifferent,
      excludeDifferent,
      passThru: params.get("PassThru") === true,
    }));
  },
  process(ctx, params, input, state) {
    const s = state as CompareState;
    const value = input === undefined ? params.get("DifferenceObject") : input;
    if (value === null) nullArgument("DifferenceObject");
    const items = input === undefined ? enumerate(value) : [input];
    return then(mapInOrder(items, (item) => entryOf(ctx, s.keys, item)), (entries) => ctx.emitAll(entries.flatMap((entry) => step(s, entry)).filter((o) => o !== undefined)));
  },
  end(ctx, _params, state) {
    const s = state as CompareState;
    const out: unknown[] = [];
    while (s.next < s.references.length) out.push(...step(s, null));
    for (const entry of s.differenceBacklog) out.push(result(s, entry, "=>"));
    for (const entry of s.referenceBacklog) out.push(result(s, entry, "<="));
    return ctx.emitAll(out.filter((o) => o !== undefined));
  },
};

interface TeeState {
  items: unknown[];
}

export const teeObject: BuiltinCommand = {
  name: "Tee-Object",
  parameters: [
    { name: "FilePath", aliases: ["Path"], position: 0, type: "string" },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "Variable", type: "string" },
    { name: "Append", type: "switch" },
    { name: "Encoding", type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(_ctx, params) {
    const targets = ["FilePath", "LiteralPath", "Variable"].filter((name) => params.has(name));
    if (targets.length !== 1) {
      throw new RuntimeError(new ErrorRecord(
        targets.length === 0
          ? "Cannot process command because of one or more missing mandatory parameters: FilePath."
          : "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
        `${targets.length === 0 ? "MissingMandatoryParameter" : "AmbiguousParameterSet"},Microsoft.PowerShell.Commands.TeeObjectCommand`,
        "InvalidArgument", null, null, null, "Tee-Object",
      ));
    }
    encodingOf(params, "Tee-Object");
    return { items: [] } as TeeState;
  },
  process(ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined) return;
    (state as TeeState).items.push(value);
    return ctx.emit(value);
  },
  end(ctx, params, state) {
    const { items } = state as TeeState;
    if (params.has("Variable")) {
      // As Set-Variable with piped values: one object is the value, several an array, none $null.
      ctx.scope.set(toStr(params.get("Variable")), items.length === 0 ? null : items.length === 1 ? items[0] : items);
      return;
    }
    // The file gets what the console would show (Tee-Object writes through Out-File), the table sized by all rows.
    const formatter = new OutputFormatter({ collectMs: Infinity });
    const text = items.map((item) => formatter.write(item)).join("") + formatter.flush();
    const path = resolvePath(ctx, toStr(params.get("FilePath") ?? params.get("LiteralPath")));
    writeEncoded(path, text, encodingOf(params, "Tee-Object"), params.get("Append") === true);
  },
};
