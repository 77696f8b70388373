/**
 * ForEach-Object (microsoft.powershell.core/foreach-object): script blocks run in the caller's scope for each object
 * (-Begin/-Process/-End, several -Process blocks mapped to begin, process and end as pwsh maps them), a member's
 * value or a method's result (-MemberName, -ArgumentList), or -Parallel (foreach_parallel.ts).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { eachInOrder, type Maybe, then } from "../engine/maybe.ts";
import { getMember, invokeMethod, VOID } from "../engine/members.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { oneSetOf } from "./parameter_sets.ts";
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

/** `ForEach-Object Name` / `-MemberName Name -ArgumentList …`: a property's value, else the method's result. */
function member(ctx: CommandContext, name: string, args: unknown[] | null, input: unknown): Maybe<void> {
  if (args === null) {
    const value = getMember(input, name);
    if (value !== undefined) return ctx.emit(value);
  }
  let result: unknown;
  try {
    result = invokeMethod(input, name, args ?? []);
  } catch (e) {
    // No such method either: pwsh writes $null for a member the object lacks (outside strict mode).
    if (args === null) return ctx.emit(null);
    throw e;
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
    oneSetOf(params, [["Process", "Begin", "End", "MemberName", "ArgumentList"], PARALLEL_PARAMETERS.map((p) => p.name)], "ForEach-Object");
    if (params.has("Parallel")) return then(parallelBegin(ctx, params), (parallel) => ({ blocks: null, member: null, args: null, parallel }));
    const name = memberName(params);
    if (name !== null) return { blocks: null, member: name, args: argumentsOf(params), parallel: null };
    if (!params.has("Process")) {
      throw new RuntimeError(new ErrorRecord(
        "Cannot process command because of one or more missing mandatory parameters: Process.",
        "MissingMandatoryParameter,Microsoft.PowerShell.Commands.ForEachObjectCommand", "InvalidArgument", null, null, null, "ForEach-Object",
      ));
    }
    const blocks = blocksOf(params);
    return then(blocks.begin !== null ? ctx.runInScope(blocks.begin, null) : undefined, () => ({ blocks, member: null, args: null, parallel: null }));
  },
  process(ctx, params, input, state) {
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
