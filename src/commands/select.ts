/**
 * Select-Object (microsoft.powershell.utility/select-object): properties (names, wildcards, calculated), one
 * expanded property, and which objects: -First/-Last/-Skip/-SkipLast, -Index/-SkipIndex, -Unique (-CaseInsensitive).
 * With -First or -Index it stops the commands before it once it has what it needs, unless -Wait.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { eachInOrder, type Maybe, then } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { entry, expressionValue } from "./calculated.ts";
import { oneSetOf } from "./parameter_sets.ts";
import { inputOf } from "./format.ts";

interface SelectState {
  seen: number;
  written: number;
  /** -Last's newest objects, or -SkipLast's held-back ones. */
  buffer: unknown[];
  unique: Set<string>;
  index: Set<number> | null;
  lastIndex: number;
  skipIndex: Set<number> | null;
}

const identity = (value: unknown, caseInsensitive: boolean): string => {
  const text = value instanceof PSCustomObject ? JSON.stringify(value.names().map((n) => [n, toStr(value.get(n))])) : `${typeof value}:${toStr(value)}`;
  return caseInsensitive ? text.toLowerCase() : text;
};

const WILDCARD = /[*?[]/;


/** -Property (about_Calculated_Properties): names, wildcards over the input's properties (less -ExcludeProperty), `@{ Name = …; Expression = … }` and script blocks. */
function project(ctx: CommandContext, params: Map<string, unknown>, input: unknown): Maybe<PSCustomObject> {
  const excluded = enumerate(params.get("ExcludeProperty") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
  const object = new PSCustomObject();
  const specs = params.has("Property") ? enumerate(params.get("Property")) : ["*"];
  return then(eachInOrder(specs, (spec) => {
    if (spec instanceof PSHashtable || spec instanceof ScriptBlockValue) {
      const expression = spec instanceof PSHashtable ? entry(spec, "expression") : spec;
      const label = spec instanceof PSHashtable ? entry(spec, "name", "label") : undefined;
      if (expression === undefined) {
        throw new RuntimeError(ctx.newErrorRecord(
          "A calculated property needs an Expression key (@{ Name = 'X'; Expression = { … } }).",
          "DictionaryKeyMissing,Microsoft.PowerShell.Commands.SelectObjectCommand", "Select-Object", "InvalidArgument", spec,
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

/**
 * -ExpandProperty: the property's value, each element of a collection on its own; with -Property, each gets the
 * selected properties as notes (a scalar becomes a noted scalar, as pwsh's PSObject wrapper carries them).
 */
function expand(ctx: CommandContext, params: Map<string, unknown>, input: unknown): Maybe<unknown[]> {
  const name = toStr(params.get("ExpandProperty"));
  const value = getMember(input, name);
  if (value === undefined) {
    ctx.writeError(`Property "${name}" cannot be found.`, "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand", "Select-Object");
    return [];
  }
  const values = Array.isArray(value) ? value : [value];
  if (!params.has("Property")) return values;
  return then(project(ctx, params, input), (notes) =>
    values.map((v) => {
      if (v instanceof PSCustomObject) {
        for (const n of notes.names()) if (!v.has(n)) v.set(n, notes.get(n));
        return v;
      }
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return new NotedScalar(v, notes);
      return v;
    }));
}

function picked(ctx: CommandContext, params: Map<string, unknown>, input: unknown): Maybe<unknown[]> {
  if (params.has("ExpandProperty")) return expand(ctx, params, input);
  if (!params.has("Property") && !params.has("ExcludeProperty")) return [input];
  return then(project(ctx, params, input), (object) => [object]);
}

const SETS = [["First", "Last", "Wait"], ["SkipLast"], ["Index"], ["SkipIndex"]];

export const selectObject: BuiltinCommand = {
  name: "Select-Object",
  aliases: ["select"],
  parameters: [
    { name: "Property", position: 0, type: "object[]" },
    { name: "ExcludeProperty", type: "string[]" },
    { name: "ExpandProperty", type: "string" },
    { name: "First", type: "int", validateRange: [0, 2147483647] },
    { name: "Last", type: "int", validateRange: [0, 2147483647] },
    { name: "Skip", type: "int", validateRange: [0, 2147483647] },
    { name: "SkipLast", type: "int", validateRange: [0, 2147483647] },
    { name: "Index", type: "int[]" },
    { name: "SkipIndex", type: "int[]" },
    { name: "Unique", type: "switch" },
    { name: "CaseInsensitive", type: "switch" },
    { name: "Wait", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params): SelectState {
    // -Wait belongs to the Index set too; only -Index with -First/-Last is a conflict there.
    oneSetOf(ctx, params, params.has("Index") ? SETS.slice(1).concat([["First", "Last"]]) : SETS, "Select-Object");
    const index = params.has("Index") ? new Set(enumerate(params.get("Index")).map(Number)) : null;
    return {
      seen: 0, written: 0, buffer: [], unique: new Set(), index, lastIndex: index ? Math.max(...index) : -1,
      skipIndex: params.has("SkipIndex") ? new Set(enumerate(params.get("SkipIndex")).map(Number)) : null,
    };
  },
  process(ctx, params, input, state) {
    // Without pipeline input, -InputObject's value is the one object (a collection is not enumerated).
    input = inputOf(params, input);
    if (input === undefined) return;
    const s = state as SelectState;
    const at = s.seen++;
    const wait = params.get("Wait") === true;
    if (s.index && !s.index.has(at)) {
      // Past the last index nothing more is wanted: the commands before this one are stopped (unless -Wait).
      if (at > s.lastIndex && !wait) return ctx.stopUpstream();
      return;
    }
    if (s.skipIndex?.has(at)) return;
    if (params.has("Skip") && at < toNumber(params.get("Skip"))) return;
    const first = params.has("First") ? toNumber(params.get("First")) : Infinity;
    if (s.written >= first) return wait ? undefined : ctx.stopUpstream();
    s.written++;
    return then(picked(ctx, params, input), (values) => {
      // -Unique: an object equal to one already written is dropped (compared by its properties' text).
      if (params.get("Unique") === true) {
        const caseInsensitive = params.get("CaseInsensitive") === true;
        values = values.filter((value) => {
          const key = identity(value, caseInsensitive);
          return !s.unique.has(key) && !!s.unique.add(key);
        });
      }
      if (params.has("Last") || params.has("SkipLast")) {
        s.buffer.push(...values);
        if (params.has("Last")) s.buffer.splice(0, Math.max(0, s.buffer.length - toNumber(params.get("Last"))));
        else return ctx.emitAll(s.buffer.splice(0, Math.max(0, s.buffer.length - toNumber(params.get("SkipLast")))));
        return;
      }
      return then(ctx.emitAll(values), () => {
        // With the n-th object (or the last index) written, the commands before this one have nothing left to give.
        if (wait) return;
        if (s.written >= first || (s.index && at === s.lastIndex)) ctx.stopUpstream();
      });
    });
  },
  end(ctx, params, state) {
    if (params.has("Last")) return ctx.emitAll((state as SelectState).buffer);
  },
};
