/** The Write-* family: output, host text, errors, warnings, verbose messages (about_Output_Streams). */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { enumerate, toStr } from "../values/convert.ts";

export const writeOutput: BuiltinCommand = {
  name: "Write-Output",
  // `write` is a native Unix command, so (as PowerShell on Linux) only `echo` is an alias.
  aliases: ["echo"],
  parameters: [
    { name: "InputObject", position: 0, pipeline: true, type: "object", remaining: true },
    { name: "NoEnumerate", type: "switch" },
  ],
  process(ctx, params, input) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (!params.has("InputObject") && input === undefined) return;
    return params.get("NoEnumerate") ? ctx.emit(value) : ctx.emitAll(enumerate(value));
  },
};

export const writeHost: BuiltinCommand = {
  name: "Write-Host",
  parameters: [
    { name: "Object", position: 0, pipeline: true, type: "object" },
    { name: "NoNewline", type: "switch" },
    { name: "Separator", type: "string" },
    { name: "ForegroundColor", type: "string" },
    { name: "BackgroundColor", type: "string" },
  ],
  process(ctx, params, input) {
    const value = input === undefined ? params.get("Object") : input;
    const separator = params.has("Separator") ? toStr(params.get("Separator")) : " ";
    const text = Array.isArray(value) ? value.map(toStr).join(separator) : toStr(value);
    ctx.host.host(text + (params.get("NoNewline") ? "" : "\n"));
  },
};

export const writeError: BuiltinCommand = {
  name: "Write-Error",
  parameters: [
    { name: "Message", position: 0, pipeline: true, type: "string" },
    { name: "ErrorId", type: "string" },
  ],
  process(ctx, params, input) {
    const message = toStr(input === undefined ? params.get("Message") : input);
    ctx.writeError(message, toStr(params.get("ErrorId") ?? "Microsoft.PowerShell.Commands.WriteErrorException"), "Write-Error");
  },
};

export const writeWarning: BuiltinCommand = {
  name: "Write-Warning",
  parameters: [{ name: "Message", position: 0, pipeline: true, type: "string", mandatory: true }],
  process(ctx, params, input) {
    ctx.host.warning(toStr(input === undefined ? params.get("Message") : input));
  },
};

export const writeVerbose: BuiltinCommand = {
  name: "Write-Verbose",
  parameters: [{ name: "Message", position: 0, pipeline: true, type: "string", mandatory: true }, { name: "Verbose", type: "switch" }],
  process(ctx, params, input) {
    const preference = toStr(ctx.scope.lookup("VerbosePreference")?.value ?? "SilentlyContinue").toLowerCase();
    if (params.get("Verbose") || preference === "continue") ctx.host.verbose(toStr(input === undefined ? params.get("Message") : input));
  },
};
