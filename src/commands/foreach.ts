/**
 * ForEach-Object (microsoft.powershell.core/foreach-object): script blocks run in the caller's scope for each object
 * (-Begin/-Process/-End, several -Process blocks mapped to begin, process and end as pwsh maps them), a member's
 * value or a method's result (-MemberName, -ArgumentList), or -Parallel (foreach_parallel.ts).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { eachInOrder, type Maybe, then } from "../engine/maybe.ts";
import { getMember, invokeMethod, VOID } from "../engine/members.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { propertyNames } from "./calculated.ts";
import { oneSetOf } from "./parameter_sets.ts";
import { inputOf } from "./format.ts";
import { PARALLEL_PARAMETERS, parallelBegin, parallelEnd, parallelProcess } from "./foreach_parallel.ts";

/** The script blocks of one call, as pwsh maps -Process's (and -RemainingScripts') blocks onto begin/process/end. */
interface Blocks {
  begin: unknown;
  process: unknown[];
  end: unknown;
}

/**
 * Several blocks: without an explicit -Begin the first is the begin block; then, without an explicit -End and with
 * more than one left, the last is the end block; the rest run for each object (the cmdlet reference's examples 8–10).
 */
function blocksOf(params: Map<string, unknown>): Blocks {
  const scripts = [...enumerate(params.get("Process") ?? []), ...enumerate(params.get("RemainingScripts") ?? [])];
  let begin: unknown = params.get("Begin") ?? null;
  let end: unknown = params.get("End") ?? null;
  let from = 0;
  let to = scripts.length;
  if (!params.has("Begin") && scripts.length > 1) begin = scripts[from++];
  if (!params.has("End") && to - from > 1) end = scripts[--to];
  return { begin, process: scripts.slice(from, to), end };
}

const memberError = (ctx: CommandContext, message: string, id: string) =>
  ctx.writeError(message, `${id},Microsoft.PowerShell.Commands.ForEachObjectCommand`, "ForEach-Object");

/**
 * `ForEach-Object Name` / `-MemberName Name -ArgumentList …`: a property's value, else the method's result. A
 * wildcard name must match one property (ambiguous: an error); a member the object lacks gives $null, or an error
 * under Set-StrictMode -Version 2 (ForEachObjectCommand's PropertyAndMethodSet).
 */
function member(ctx: CommandContext, name: string, args: unknown[] | null, input: unknown): Maybe<void> {
  if (args === null && /[*?[]/.test(name)) {
    const pattern = wildcardToRegExp(name, false);
    const found = propertyNames(input).filter((n) => pattern.test(n));
    if (found.length > 1) {
      return memberError(ctx, `Input name "${name}" is ambiguous. It can be resolved to multiple matched members. Possible matches include:${found.map((n) => " " + n).join("")}.`, "AmbiguousPropertyOrMethodName");
    }
    if (found.length === 1) name = found[0];
  }
  if (args === null) {
    const value = getMember(input, name);
    if (value !== undefined) return ctx.emit(value);
  }
  let result: unknown;
  try {
    result = invokeMethod(input, name, args ?? []);
  } catch (e) {
    if (args !== null) throw e;
    if (ctx.scope.effectiveStrictMode >= 2) return memberError(ctx, `The input name "${name}" cannot be resolved to a member.`, "PropertyOrMethodNotFound");
    return ctx.emit(null);
  }
  if (result !== VOID) return ctx.emit(result);
}

/** The member name of the PropertyAndMethod set: -MemberName, or a non-script-block value in -Process's place. */
function memberName(params: Map<string, unknown>): string | null {
  if (params.has("MemberName")) return toStr(params.get("MemberName"));
  const process = params.get("Process");
  return process !== undefined && !(process instanceof ScriptBlockValue) && !Array.isArray(process) ? toStr(process) : null;
}

/** -ArgumentList, or (in `foreach Split '.'`) the positional values after the member name. */
function argumentsOf(params: Map<string, unknown>): unknown[] | null {
  if (params.has("ArgumentList")) return enumerate(params.get("ArgumentList"));
  return params.has("RemainingScripts") ? enumerate(params.get("RemainingScripts")) : null;
}

interface ForEachState {
  blocks: Blocks | null;
  member: string | null;
  args: unknown[] | null;
  parallel: unknown;
}

export const forEachObject: BuiltinCommand = {
  name: "ForEach-Object",
  aliases: ["%", "foreach"],
  parameters: [
    { name: "Process", position: 0, type: "object" },
    { name: "RemainingScripts", position: 1, remaining: true, type: "object" },
    { name: "Begin", type: "scriptblock" },
    { name: "End", type: "scriptblock" },
    { name: "MemberName", type: "string" },
    { name: "ArgumentList", aliases: ["Args"], type: "object[]" },
    ...PARALLEL_PARAMETERS,
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params): Maybe<ForEachState> {
    oneSetOf(ctx, params, [["Process", "Begin", "End", "MemberName", "ArgumentList"], PARALLEL_PARAMETERS.map((p) => p.name)], "ForEach-Object");
    if (params.has("Parallel")) return then(parallelBegin(ctx, params), (parallel) => ({ blocks: null, member: null, args: null, parallel }));
    const name = memberName(params);
    if (name !== null) return { blocks: null, member: name, args: argumentsOf(params), parallel: null };
    if (!params.has("Process")) {
      throw new RuntimeError(ctx.newErrorRecord(
        "Cannot process command because of one or more missing mandatory parameters: Process.",
        "MissingMandatoryParameter,Microsoft.PowerShell.Commands.ForEachObjectCommand", "ForEach-Object", "InvalidArgument",
      ));
    }
    const blocks = blocksOf(params);
    return then(blocks.begin !== null ? ctx.runInScope(blocks.begin, null) : undefined, () => ({ blocks, member: null, args: null, parallel: null }));
  },
  process(ctx, params, input, state) {
    // Without pipeline input, -InputObject's value is the one object (a collection is not enumerated).
    input = inputOf(params, input);
    if (input === undefined) return;
    const s = state as ForEachState;
    if (s.parallel) return parallelProcess(ctx, params, input, s.parallel);
    if (s.member !== null) return member(ctx, s.member, s.args, input);
    const blocks = s.blocks!.process;
    return blocks.length === 1 ? ctx.runInScope(blocks[0], input) : eachInOrder(blocks, (block) => ctx.runInScope(block, input));
  },
  end(ctx, _params, state) {
    const s = state as ForEachState;
    if (s.parallel) return parallelEnd(ctx, s.parallel);
    if (s.blocks?.end) return ctx.runInScope(s.blocks.end, null);
  },
};
