/**
 * Measure-Object (microsoft.powershell.utility/measure-object): counts, and per -Property (names with wildcards, or
 * script blocks) the sum, average, maximum, minimum and standard deviation (GenericMeasure), or the lines, words and
 * characters of text (TextMeasure). Statistics are kept as objects go by, not the objects (as MeasureObjectCommand
 * does): measuring a million objects holds nothing of them.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { type Maybe, then } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { compare, wildcardToRegExp } from "../engine/operators.ts";
import { enumerate, toNumberOrNull, toStr, typeNameOf } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";
import { setFormatTypeName } from "../values/format.ts";
import { propertyNames, single } from "./calculated.ts";
import { oneSetOf } from "./parameter_sets.ts";
import { inputOf } from "./format.ts";

const GENERIC = ["Sum", "Average", "Maximum", "Minimum", "StandardDeviation", "AllStats"];
const TEXT = ["Line", "Word", "Character", "IgnoreWhiteSpace"];

/** One property's running statistics (Welford's method for the variance: one pass, no stored values). */
interface Statistics {
  /** The property as first written (or as a wildcard matched it). */
  name: string;
  count: number;
  sum: number;
  mean: number;
  squares: number;
  maximum: unknown;
  minimum: unknown;
  lines: number;
  words: number;
  characters: number;
}

interface MeasureState {
  /** By property name ("" without -Property), in the order first seen. */
  stats: Map<string, Statistics>;
  /** A -Sum/-Average/-StandardDeviation input was not a number: those statistics are left out (as pwsh does). */
  nonNumeric: boolean;
  want: (name: string) => boolean;
  text: boolean;
}

const fresh = (name: string): Statistics => ({ name, count: 0, sum: 0, mean: 0, squares: 0, maximum: null, minimum: null, lines: 0, words: 0, characters: 0 });

/** The values one object gives, by property name: each -Property that it has (a wildcard may give several). */
function valuesOf(ctx: CommandContext, properties: unknown[] | null, input: unknown): Maybe<[string, unknown][]> {
  if (!properties) return [["", input]];
  const found: [string, unknown][] = [];
  const next = (i: number): Maybe<[string, unknown][]> => {
    for (; i < properties.length; i++) {
      const property = properties[i];
      if (property instanceof ScriptBlockValue) {
        return then(ctx.invoke(property, input), (out) => (found.push([property.toString(), single(out)]), next(i + 1)));
      }
      const name = toStr(property);
      if (/[*?[]/.test(name)) {
        const pattern = wildcardToRegExp(name, false);
        for (const n of propertyNames(input)) if (pattern.test(n)) found.push([n, getMember(input, n) ?? null]);
        continue;
      }
      // Since 7.3 an object without the property is left out of its count (no error outside strict mode).
      const value = getMember(input, name);
      if (value !== undefined) found.push([name, value]);
    }
    return found;
  };
  return next(0);
}

/** char.IsWhiteSpace's characters, as far as JS's \s reaches. */
const SPACE = /\s/;

function measureText(text: string, stat: Statistics, ignoreWhiteSpace: boolean): void {
  // A line per "\n", plus one for text not ending in one ("a\nb" has two, "a\n" one).
  if (text.length > 0) stat.lines += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  stat.words += text.split(/\s+/).filter((w) => w.length > 0).length;
  stat.characters += ignoreWhiteSpace ? [...text].filter((c) => !SPACE.test(c)).length : text.length;
}

/**
 * Min/max (MeasureObjectCommand.Compare): numbers as numbers; two values of one type (dates, strings) as PowerShell
 * compares them; values of different types by their text.
 */
function extreme(current: unknown, value: unknown, sign: 1 | -1): unknown {
  if (current === null) return value;
  const a = toNumberOrNull(value);
  const b = toNumberOrNull(current);
  const c = a !== null && b !== null && value !== null ? a - b
    : typeNameOf(value) === typeNameOf(current) ? compare(value, current, false)
    : compare(toStr(value), toStr(current), false);
  return c * sign > 0 ? value : current;
}

function analyze(ctx: CommandContext, s: MeasureState, name: string, value: unknown, ignoreWhiteSpace: boolean): void {
  let stat = s.stats.get(name.toLowerCase());
  if (!stat) s.stats.set(name.toLowerCase(), stat = fresh(name));
  stat.count++;
  if (s.text) return measureText(value === null ? "" : toStr(value), stat, ignoreWhiteSpace);
  if (s.want("Sum") || s.want("Average") || s.want("StandardDeviation")) {
    const n = toNumberOrNull(value);
    if (n === null) {
      s.nonNumeric = true;
      return ctx.writeError(`Input object "${toStr(value)}" is not numeric.`, "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand", "Measure-Object");
    }
    stat.sum += n;
    const delta = n - stat.mean;
    stat.mean += delta / stat.count;
    stat.squares += delta * (n - stat.mean);
  }
  if (s.want("Maximum")) stat.maximum = extreme(stat.maximum, value, 1);
  if (s.want("Minimum")) stat.minimum = extreme(stat.minimum, value, -1);
}

/** GenericMeasureInfo: numbers as doubles; a non-numeric maximum or minimum as itself (GenericObjectMeasureInfo). */
function genericInfo(s: MeasureState, stat: Statistics, property: string | null): PSCustomObject {
  const numeric = (v: unknown) => (v === null ? null : toNumberOrNull(v) ?? v);
  const result = new PSCustomObject();
  result.set("Count", stat.count);
  result.set("Average", s.want("Average") && !s.nonNumeric && stat.count > 0 ? stat.sum / stat.count : null);
  result.set("Sum", s.want("Sum") && !s.nonNumeric ? stat.sum : null);
  result.set("Maximum", s.want("Maximum") ? numeric(stat.maximum) : null);
  result.set("Minimum", s.want("Minimum") ? numeric(stat.minimum) : null);
  // The sample standard deviation (n - 1), 0 for a single value: `1..5 | Measure-Object -AllStats` gives 1.58113883008419.
  result.set("StandardDeviation", s.want("StandardDeviation") && !s.nonNumeric ? (stat.count > 1 ? Math.sqrt(stat.squares / (stat.count - 1)) : 0) : null);
  result.set("Property", property);
  return setFormatTypeName(result, "Microsoft.PowerShell.Commands.GenericMeasureInfo");
}

function textInfo(s: MeasureState, stat: Statistics, property: string | null): PSCustomObject {
  const result = new PSCustomObject();
  result.set("Lines", s.want("Line") ? stat.lines : null);
  result.set("Words", s.want("Word") ? stat.words : null);
  result.set("Characters", s.want("Character") ? stat.characters : null);
  result.set("Property", property);
  return setFormatTypeName(result, "Microsoft.PowerShell.Commands.TextMeasureInfo");
}

export const measureObject: BuiltinCommand = {
  name: "Measure-Object",
  aliases: ["measure"],
  parameters: [
    { name: "Property", position: 0, type: "object[]" },
    ...[...GENERIC, ...TEXT].map((name) => ({ name, type: "switch" })),
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params): MeasureState {
    oneSetOf(ctx, params, [GENERIC, TEXT], "Measure-Object");
    const all = params.get("AllStats") === true;
    const want = (name: string) => params.get(name) === true || (all && GENERIC.includes(name));
    return { stats: new Map(), nonNumeric: false, want, text: TEXT.some((name) => params.get(name) === true) };
  },
  process(ctx, params, input, state) {
    // Without pipeline input, -InputObject's value is the one object (a collection is not enumerated).
    input = inputOf(params, input);
    if (input === undefined) return;
    const s = state as MeasureState;
    const properties = params.has("Property") ? enumerate(params.get("Property")) : null;
    const ignoreWhiteSpace = params.get("IgnoreWhiteSpace") === true;
    return then(valuesOf(ctx, properties, input), (values) => {
      for (const [name, value] of values) analyze(ctx, s, name, value, ignoreWhiteSpace);
    });
  },
  end(ctx, params, state) {
    const s = state as MeasureState;
    const properties = params.has("Property") ? enumerate(params.get("Property")) : null;
    // Nothing measured and no -Property: one result of zeros (as `wc` would say).
    if (!properties && s.stats.size === 0) s.stats.set("", fresh(""));
    const results: PSCustomObject[] = [];
    // A property named but found on no object gives no result, and under Set-StrictMode -Version 2 or later an error
    // (a wildcard that matched nothing is not one).
    for (const property of ctx.scope.effectiveStrictMode >= 2 ? properties ?? [] : []) {
      const name = property instanceof ScriptBlockValue ? property.toString() : toStr(property);
      if (/[*?[]/.test(name) || s.stats.has(name.toLowerCase())) continue;
      ctx.writeError(`The property "${name}" cannot be found in the input for any objects.`, `${s.text ? "Text" : "Generic"}MeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand`, "Measure-Object");
    }
    for (const stat of s.stats.values()) {
      const property = properties ? stat.name : null;
      results.push(s.text ? textInfo(s, stat, property) : genericInfo(s, stat, property));
    }
    return ctx.emitAll(results);
  },
};
