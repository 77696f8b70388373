/**
 * Calculated properties (about_Calculated_Properties), shared by Select-Object, Format-Table/-List and Sort-Object:
 * a hashtable whose keys may be any prefix of Name/Label, Expression, Width, Alignment, Descending.
 */
import type { CommandContext } from "../engine/command_types.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { then } from "../engine/maybe.ts";
import type { Maybe } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";

/** Reads an entry of a calculated-property hashtable by any prefix of its key (`n`, `l`, `e`, `w`, `a`). */
export function entry(table: PSHashtable, ...names: string[]): unknown {
  const key = table.keys().find((k) => names.some((n) => n.startsWith(toStr(k).toLowerCase())));
  return key === undefined ? undefined : table.get(key);
}

/** The value a script block wrote: one object as itself, several as an array, none as $null. */
export function single(results: unknown[]): unknown {
  return results.length === 0 ? null : results.length === 1 ? results[0] : results;
}

/** An Expression's value for `input`: a property name is read, a script block runs with `$_` set to it. */
export function expressionValue(ctx: CommandContext, expression: unknown, input: unknown): Maybe<unknown> {
  if (expression instanceof ScriptBlockValue) return then(ctx.invoke(expression, input) as Maybe<unknown[]>, single);
  return getMember(input, toStr(expression)) ?? null;
}

/** The property names a wildcard property name is matched against (Measure-Object -Property, ForEach-Object -MemberName). */
export function propertyNames(value: unknown): string[] {
  if (value instanceof NotedScalar) return [...value.notes.names(), ...propertyNames(value.base)];
  if (value instanceof PSCustomObject) return value.names();
  if (value instanceof PSHashtable) return value.keys().map(toStr);
  return typeof value === "string" ? ["Length"] : [];
}
