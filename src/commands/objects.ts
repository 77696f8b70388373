/** The object-pipeline family: ForEach-Object, Where-Object, Select-Object, Sort-Object, Measure-Object, Out-Null. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { getMember } from "../engine/members.ts";
import { then } from "../engine/maybe.ts";
import { compare } from "../engine/operators.ts";
import { toBool, toNumber, toNumberOrNull, toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

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
    if (params.has("Begin")) return then(ctx.invokeInScope(params.get("Begin"), null), ctx.emitAll);
  },
  process(ctx, params, input) {
    if (input === undefined) return;
    // `ForEach-Object Length`: a name in the script block's place reads that member (the MemberName set).
    const member = params.get("MemberName") ?? (typeof params.get("Process") === "string" ? params.get("Process") : undefined);
    if (member !== undefined) return ctx.emit(getMember(input, toStr(member)) ?? null);
    if (params.has("Process")) return then(ctx.invokeInScope(params.get("Process"), input), ctx.emitAll);
  },
  end(ctx, params) {
    if (params.has("End")) return then(ctx.invokeInScope(params.get("End"), null), ctx.emitAll);
  },
};

export const whereObject: BuiltinCommand = {
  name: "Where-Object",
  aliases: ["?", "where"],
  parameters: [
    { name: "FilterScript", position: 0, type: "scriptblock", mandatory: true },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  process(ctx, params, input) {
    if (input === undefined) return;
    return then(ctx.invokeInScope(params.get("FilterScript"), input), (result) => {
      if (toBool(result.length === 1 ? result[0] : result)) return ctx.emit(input);
    });
  },
};

interface SelectState {
  seen: number;
  buffer: unknown[];
}

export const selectObject: BuiltinCommand = {
  name: "Select-Object",
  aliases: ["select"],
  parameters: [
    { name: "Property", position: 0, type: "string[]" },
    { name: "First", type: "int" },
    { name: "Last", type: "int" },
    { name: "Skip", type: "int" },
    { name: "ExpandProperty", type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: (): SelectState => ({ seen: 0, buffer: [] }),
  process(ctx, params, input, state) {
    if (input === undefined) return;
    const s = state as SelectState;
    s.seen++;
    if (params.has("Skip") && s.seen <= toNumber(params.get("Skip"))) return;
    const picked = project(params, input);
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
  },
  end(ctx, _params, state) {
    return ctx.emitAll((state as SelectState).buffer);
  },
};

function project(params: Map<string, unknown>, input: unknown): unknown {
  if (params.has("ExpandProperty")) return getMember(input, toStr(params.get("ExpandProperty"))) ?? null;
  if (!params.has("Property")) return input;
  const object = new PSCustomObject();
  for (const name of params.get("Property") as string[]) object.set(name, getMember(input, name) ?? null);
  return object;
}

export const sortObject: BuiltinCommand = {
  name: "Sort-Object",
  // No `sort` alias: PowerShell on Linux and macOS leaves the native `sort` alone.
  parameters: [
    { name: "Property", position: 0, type: "string" },
    { name: "Descending", type: "switch" },
    { name: "Unique", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: () => [] as unknown[],
  process(_ctx, _params, input, state) {
    if (input !== undefined) (state as unknown[]).push(input);
  },
  end(ctx, params, state) {
    const key = (v: unknown) => (params.has("Property") ? getMember(v, toStr(params.get("Property"))) ?? null : v);
    const sign = params.get("Descending") ? -1 : 1;
    let items = [...(state as unknown[])].sort((a, b) => sign * compare(key(a), key(b), false));
    if (params.get("Unique")) items = items.filter((v, i) => i === 0 || compare(key(v), key(items[i - 1]), false) !== 0);
    return ctx.emitAll(items);
  },
};

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
  begin: () => [] as unknown[],
  process(_ctx, params, input, state) {
    if (input === undefined) return;
    (state as unknown[]).push(params.has("Property") ? getMember(input, toStr(params.get("Property"))) ?? null : input);
  },
  end(ctx, params, state) {
    const values = state as unknown[];
    const want = (name: string) => params.get(name) === true;
    // Only the numeric statistics need numbers: counting strings is fine (Measure-Object docs).
    const numbers: number[] = [];
    if (want("Sum") || want("Average") || want("Maximum") || want("Minimum")) {
      for (const value of values) {
        const n = toNumberOrNull(value);
        if (n === null) ctx.writeError(`Input object "${toStr(value)}" is not numeric.`, "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand", "Measure-Object");
        else numbers.push(n);
      }
    }
    const result = new PSCustomObject();
    result.set("Count", values.length);
    const sum = numbers.reduce((a, b) => a + b, 0);
    result.set("Average", want("Average") && numbers.length ? sum / numbers.length : null);
    result.set("Sum", want("Sum") ? sum : null);
    result.set("Maximum", want("Maximum") && numbers.length ? numbers.reduce((a, b) => (b > a ? b : a)) : null);
    result.set("Minimum", want("Minimum") && numbers.length ? numbers.reduce((a, b) => (b < a ? b : a)) : null);
    result.set("Property", params.has("Property") ? toStr(params.get("Property")) : null);
    return ctx.emit(result);
  },
};

export const outNull: BuiltinCommand = {
  name: "Out-Null",
  parameters: [{ name: "InputObject", pipeline: true, type: "object" }],
};
