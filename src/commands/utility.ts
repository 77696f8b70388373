/** Utility commands: Start-Sleep, Invoke-Expression. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { then } from "../engine/maybe.ts";
import { toNumber, toStr } from "../values/convert.ts";
import { timeSpanMs } from "../values/objects.ts";

/** -Duration's milliseconds: a TimeSpan, or TimeSpan text (`[d.]hh:mm[:ss[.fff]]`) as [timespan] converts it. */
function durationMs(value: unknown): number {
  const span = timeSpanMs(value);
  if (span !== null) return span;
  const m = /^\s*(?:(\d+)\.)?(\d+):(\d+)(?::(\d+(?:\.\d+)?))?\s*$/.exec(toStr(value));
  if (m) return (((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  const message = `Cannot process argument transformation on parameter 'Duration'. Cannot convert value "${toStr(value)}" to type "System.TimeSpan". Error: "String '${toStr(value)}' was not recognized as a valid TimeSpan."`;
  throw new RuntimeError(new ErrorRecord(message, "ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.StartSleepCommand", "InvalidData", null, null, value, "Start-Sleep"));
}

export const startSleep: BuiltinCommand = {
  name: "Start-Sleep",
  // No `sleep` alias on Linux and macOS (the native `sleep`), as in PowerShell there.
  parameters: [
    { name: "Seconds", aliases: ["s"], position: 0, pipeline: true, type: "double" },
    { name: "Milliseconds", aliases: ["ms"], type: "int" },
    // PowerShell 7.3+: a TimeSpan (or anything that converts to one).
    { name: "Duration", aliases: ["ts"], type: "object" },
  ],
  process(ctx, params, input) {
    const duration = params.has("Duration") ? durationMs(params.get("Duration")) : null;
    const seconds = input !== undefined ? toNumber(input) : toNumber(params.get("Seconds") ?? 0);
    const ms = duration !== null ? duration : params.has("Milliseconds") ? toNumber(params.get("Milliseconds")) : seconds * 1000;
    // The event loop stays free while a pipeline sleeps, and a stop request ends the sleep at once.
    if (ms > 0) return ctx.pacer.sleep(ms);
  },
};

export const invokeExpression: BuiltinCommand = {
  name: "Invoke-Expression",
  aliases: ["iex"],
  parameters: [{ name: "Command", position: 0, pipeline: true, type: "string", mandatory: true }],
  process: (ctx, params, input) => then(ctx.evaluateText(toStr(input === undefined ? params.get("Command") : input)), ctx.emitAll),
};
