/** The object-pipeline family: ForEach-Object, Where-Object, Select-Object, Sort-Object, Measure-Object, Out-Null. */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { getMember } from "../engine/members.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { eachInOrder, mapInOrder, type Maybe, then } from "../engine/maybe.ts";
import { binary, compare, wildcardToRegExp } from "../engine/operators.ts";
import { entry, expressionValue } from "./calculated.ts";
import { enumerate, toBool, toNumber, toNumberOrNull, toStr } from "../values/convert.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";

export const forEachObject: BuiltinCommand = {
  name: "ForEach-Object",
  aliases: ["%", "foreach"],
  parameters: [
    { name: "Process", position: 0, type: "scriptblock" },
    { name: "Begin", type: "scriptblock" },
    { name: "End", type: "scriptblock" },
    { name: "MemberName", type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params) {
    if (params.has("Begin")) return ctx.runInScope(params.get("Begin"), null);
  },
  process(ctx, params, input) {
    if (input === undefined) return;
    // `ForEach-Object Length`: a name in the script block's place reads that member (the MemberName set).
    const member = params.get("MemberName") ?? (typeof params.get("Process") === "string" ? params.get("Process") : undefined);
    if (member !== undefined) return ctx.emit(getMember(input, toStr(member)) ?? null);
    if (params.has("Process")) return ctx.runInScope(params.get("Process"), input);
  },
  end(ctx, params) {
    if (params.has("End")) return ctx.runInScope(params.get("End"), null);
  },
};

/** Where-Object's comparison switches (its simplified syntax, `Where-Object Name -eq 'x'`), as binary operators. */
const WHERE_OPERATORS = [
  "EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains", "NotContains", "In", "NotIn",
  "CEQ", "CNE", "CGT", "CGE", "CLT", "CLE", "CLike", "CNotLike", "CMatch", "CNotMatch", "Is", "IsNot",
];

export const whereObject: BuiltinCommand = {
  name: "Where-Object",
  aliases: ["?", "where"],
  parameters: [
    // PowerShell has two parameter sets: a script block, or a property compared with -EQ, -GT, … and a value.
    { name: "FilterScript", aliases: ["Property"], position: 0, type: "object", mandatory: true },
    { name: "Value", position: 1, type: "object" },
    ...WHERE_OPERATORS.map((name) => ({ name, type: "switch" })),
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  process(ctx, params, input) {
    if (input === undefined) return;
    const filter = params.get("FilterScript");
    if (filter instanceof ScriptBlockValue) {
      return then(ctx.invokeInScope(filter, input), (result) => {
        if (toBool(result.length === 1 ? result[0] : result)) return ctx.emit(input);
      });
    }
    // `Where-Object Name -eq 'x'`: the property's value compared with -Value; a property alone tests its truth.
    const value = getMember(input, toStr(filter)) ?? null;
    const operator = WHERE_OPERATORS.find((name) => params.get(name) === true);
    const keep = operator ? binary(`-${operator.toLowerCase()}`, value, params.get("Value") ?? null) : value;
    if (toBool(keep)) return ctx.emit(input);
  },
};

interface SelectState {
  seen: number;
  buffer: unknown[];
  unique: Set<string>;
}

export const selectObject: BuiltinCommand = {
  name: "Select-Object",
  aliases: ["select"],
  parameters: [
    { name: "Property", position: 0, type: "object[]" },
    { name: "ExcludeProperty", type: "string[]" },
    { name: "First", type: "int" },
    { name: "Last", type: "int" },
    { name: "Skip", type: "int" },
    { name: "Index", type: "int[]" },
    { name: "Unique", type: "switch" },
    { name: "ExpandProperty", type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: (): SelectState => ({ seen: 0, buffer: [], unique: new Set() }),
  process(ctx, params, input, state) {
    if (input === undefined) return;
    const s = state as SelectState;
    s.seen++;
    if (params.has("Index") && !enumerate(params.get("Index")).map(Number).includes(s.seen - 1)) return;
    if (params.has("Skip") && s.seen <= toNumber(params.get("Skip"))) return;
    return then(project(ctx, params, input), (picked) => {
      // -Unique: an object equal to one already written is dropped (compared by its properties' text).
      if (params.get("Unique") === true) {
        const key = identity(picked);
        if (s.unique.has(key)) return;
        s.unique.add(key);
      }
      if (params.has("Last")) {
        s.buffer.push(picked);
        if (s.buffer.length > toNumber(params.get("Last"))) s.buffer.shift();
        return;
      }
      const skipped = params.has("Skip") ? toNumber(params.get("Skip")) : 0;
      const first = params.has("First") ? toNumber(params.get("First")) : Infinity;
      if (s.seen - skipped > first) return ctx.stopUpstream();
      // With the n-th object written, the commands before this one have nothing left to give (PowerShell stops them).
      return then(ctx.emit(picked), () => (s.seen - skipped >= first && !params.has("Last") ? ctx.stopUpstream() : undefined));
    });
  },
  end(ctx, _params, state) {
    return ctx.emitAll((state as SelectState).buffer);
  },
};

const identity = (value: unknown): string =>
  value instanceof PSCustomObject ? JSON.stringify(value.names().map((n) => [n, toStr(value.get(n))])) : `${typeof value}:${toStr(value)}`;

const WILDCARD = /[*?[]/;

/**
 * Select-Object's -Property (about_Calculated_Properties): names, wildcards over the input's properties (less
 * -ExcludeProperty), `@{ Name = …; Expression = … }` and script blocks; -ExpandProperty writes one property's value.
 */
function project(ctx: CommandContext, params: Map<string, unknown>, input: unknown): Maybe<unknown> {
  if (params.has("ExpandProperty")) return getMember(input, toStr(params.get("ExpandProperty"))) ?? null;
  if (!params.has("Property") && !params.has("ExcludeProperty")) return input;
  const excluded = enumerate(params.get("ExcludeProperty") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
  const object = new PSCustomObject();
  const specs = params.has("Property") ? enumerate(params.get("Property")) : ["*"];
  return then(eachInOrder(specs, (spec) => {
    if (spec instanceof PSHashtable || spec instanceof ScriptBlockValue) {
      const expression = spec instanceof PSHashtable ? entry(spec, "expression") : spec;
      const label = spec instanceof PSHashtable ? entry(spec, "name", "label") : undefined;
      if (expression === undefined) {
        throw new RuntimeError(new ErrorRecord(
          "A calculated property needs an Expression key (@{ Name = 'X'; Expression = { … } }).",
          "DictionaryKeyMissing,Microsoft.PowerShell.Commands.SelectObjectCommand", "InvalidArgument", null, null, spec, "Select-Object",
        ));
      }
      const name = toStr(label ?? (expression instanceof ScriptBlockValue ? expression.toString().trim() : expression));
      return then(expressionValue(ctx, expression, input), (value) => object.set(name, value));
    }
    const name = toStr(spec);
    if (!WILDCARD.test(name)) return object.set(name, getMember(input, name) ?? null);
    const pattern = wildcardToRegExp(name, false);
    if (!(input instanceof PSCustomObject)) return;
    for (const n of input.names()) if (pattern.test(n) && !excluded.some((e) => e.test(n))) object.set(n, input.get(n));
  }), () => object);
}

/** A Sort-Object key: a property name, a script block, or @{ Expression = …; Descending = $true }. */
interface SortKey {
  read: unknown;
  descending: boolean;
}

export const sortObject: BuiltinCommand = {
  name: "Sort-Object",
  // No `sort` alias: PowerShell on Linux and macOS leaves the native `sort` alone.
  parameters: [
    { name: "Property", position: 0, type: "object" },
    { name: "Descending", type: "switch" },
    { name: "Unique", type: "switch" },
    { name: "CaseSensitive", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: () => [] as unknown[],
  process(_ctx, _params, input, state) {
    if (input !== undefined) (state as unknown[]).push(input);
  },
  end(ctx, params, state) {
    const descending = params.get("Descending") === true;
    const keys: SortKey[] = params.has("Property")
      ? enumerate(params.get("Property")).map((p) => {
        if (p instanceof PSHashtable) {
          const expression = p.get("Expression") ?? p.get("E");
          const own = p.get("Descending");
          return { read: expression, descending: own === null ? descending : toBool(own) };
        }
        return { read: p, descending };
      })
      : [{ read: null, descending }];
    const items = state as unknown[];
    // Keys are computed once per object (a script block key may run a pipeline), then the objects sort by them in turn.
    const keyOf = (item: unknown, key: SortKey): Maybe<unknown> => {
      if (key.read === null) return item;
      if (key.read instanceof ScriptBlockValue) return then(ctx.invokeInScope(key.read, item), (out) => (out.length === 1 ? out[0] : out));
      return getMember(item, toStr(key.read)) ?? null;
    };
    const cs = params.get("CaseSensitive") === true;
    return then(mapInOrder(items, (item) => mapInOrder(keys, (key) => keyOf(item, key))), (values) => {
      const order = items.map((_, i) => i);
      const cmp = (a: number, b: number) => {
        for (let k = 0; k < keys.length; k++) {
          const c = compare(values[a][k], values[b][k], cs);
          if (c !== 0) return keys[k].descending ? -c : c;
        }
        return a - b;
      };
      order.sort(cmp);
      const unique = params.get("Unique") ? order.filter((v, i) => i === 0 || keys.some((_, k) => compare(values[v][k], values[order[i - 1]][k], cs) !== 0)) : order;
      return ctx.emitAll(unique.map((i) => items[i]));
    });
  },
};

interface Measurement {
  property: string | null;
  numeric: boolean;
  count: number;
  numbers: number;
  sum: number;
  maximum: number;
  minimum: number;
}

export const measureObject: BuiltinCommand = {
  name: "Measure-Object",
  aliases: ["measure"],
  parameters: [
    { name: "Property", position: 0, type: "string" },
    { name: "Sum", type: "switch" },
    { name: "Average", type: "switch" },
    { name: "Maximum", type: "switch" },
    { name: "Minimum", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  // The statistics are kept as the objects go by, not the objects (as MeasureObjectCommand does): measuring a
  // million objects holds nothing of them.
  begin: (_ctx, params): Measurement => ({
    property: params.has("Property") ? toStr(params.get("Property")) : null,
    // Only the numeric statistics need numbers: counting strings is fine (Measure-Object docs).
    numeric: ["Sum", "Average", "Maximum", "Minimum"].some((name) => params.get(name) === true),
    count: 0,
    numbers: 0,
    sum: 0,
    maximum: -Infinity,
    minimum: Infinity,
  }),
  process(ctx, _params, input, state) {
    if (input === undefined) return;
    const m = state as Measurement;
    const value = m.property !== null ? getMember(input, m.property) ?? null : input;
    m.count++;
    if (!m.numeric) return;
    const n = toNumberOrNull(value);
    if (n === null) {
      return ctx.writeError(`Input object "${toStr(value)}" is not numeric.`, "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand", "Measure-Object");
    }
    m.numbers++;
    m.sum += n;
    if (n > m.maximum) m.maximum = n;
    if (n < m.minimum) m.minimum = n;
  },
  end(ctx, params, state) {
    const m = state as Measurement;
    const want = (name: string) => params.get(name) === true;
    const result = new PSCustomObject();
    result.set("Count", m.count);
    result.set("Average", want("Average") && m.numbers ? m.sum / m.numbers : null);
    result.set("Sum", want("Sum") ? m.sum : null);
    result.set("Maximum", want("Maximum") && m.numbers ? m.maximum : null);
    result.set("Minimum", want("Minimum") && m.numbers ? m.minimum : null);
    result.set("Property", m.property);
    return ctx.emit(result);
  },
};

export const outNull: BuiltinCommand = {
  name: "Out-Null",
  parameters: [{ name: "InputObject", pipeline: true, type: "object" }],
};
