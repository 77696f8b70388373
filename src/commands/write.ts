/** The Write-* family: output, host text, errors, warnings, verbose messages (about_Output_Streams). */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { PSCustomObject } from "../values/objects.ts";
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

/** System.ConsoleColor's names. */
const CONSOLE_COLORS = [
  "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
  "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White",
];

/** Write-Host's text: a collection's elements, nested ones too, joined by the separator (WriteHostCommand.ProcessObject). */
function hostText(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map((item) => hostText(item, separator)).join(separator) : toStr(value);
}

export const writeHost: BuiltinCommand = {
  name: "Write-Host",
  parameters: [
    { name: "Object", aliases: ["Msg", "Message"], position: 0, pipeline: true, type: "object" },
    { name: "NoNewline", type: "switch" },
    { name: "Separator", type: "string" },
    // ConsoleColor names; the text reaches the host without colour (as pwsh writes it to a redirected stdout).
    { name: "ForegroundColor", type: "string", validateSet: CONSOLE_COLORS },
    { name: "BackgroundColor", type: "string", validateSet: CONSOLE_COLORS },
  ],
  process(ctx, params, input) {
    const value = input === undefined ? params.get("Object") : input;
    const separator = params.has("Separator") ? toStr(params.get("Separator")) : " ";
    const text = hostText(value, separator);
    ctx.host.host(text + (params.get("NoNewline") ? "" : "\n"));
  },
};

export const writeWarning: BuiltinCommand = {
  name: "Write-Warning",
  parameters: [{ name: "Message", aliases: ["Msg"], position: 0, pipeline: true, type: "string", mandatory: true }],
  process(ctx, params, input) {
    // $WarningPreference (about_Preference_Variables): SilentlyContinue and Ignore hide warnings; Stop makes one an error.
    const pref = preference(ctx, "WarningPreference", "Continue");
    const message = toStr(input === undefined ? params.get("Message") : input);
    if (pref === "silentlycontinue" || pref === "ignore") return;
    if (pref === "stop") return ctx.writeError(message, "ActionPreferenceStop", "Write-Warning");
    ctx.host.warning(message);
  },
};

export const writeVerbose: BuiltinCommand = {
  name: "Write-Verbose",
  parameters: [{ name: "Message", aliases: ["Msg"], position: 0, pipeline: true, type: "string", mandatory: true }, { name: "Verbose", type: "switch" }],
  process(ctx, params, input) {
    const preference = toStr(ctx.scope.lookup("VerbosePreference")?.value ?? "SilentlyContinue").toLowerCase();
    if (params.get("Verbose") || preference === "continue") ctx.host.verbose(toStr(input === undefined ? params.get("Message") : input));
  },
};

/** A preference variable's value, lower-cased (`Continue`, `SilentlyContinue`, …). */
function preference(ctx: CommandContext, name: string, fallback: string): string {
  return toStr(ctx.scope.lookup(name)?.value ?? fallback).toLowerCase();
}

export const writeDebug: BuiltinCommand = {
  name: "Write-Debug",
  parameters: [{ name: "Message", aliases: ["Msg"], position: 0, pipeline: true, type: "string", mandatory: true }, { name: "Debug", type: "switch" }],
  process(ctx, params, input) {
    // $DebugPreference is SilentlyContinue by default; -Debug shows this one message (about_Preference_Variables).
    if (params.get("Debug") || preference(ctx, "DebugPreference", "SilentlyContinue") === "continue") {
      ctx.host.write("debug", toStr(input === undefined ? params.get("Message") : input));
    }
  },
};

export const writeInformation: BuiltinCommand = {
  name: "Write-Information",
  parameters: [
    { name: "MessageData", aliases: ["Msg", "Message"], position: 0, pipeline: true, type: "object", mandatory: true },
    { name: "Tags", position: 1, type: "string[]" },
    { name: "InformationAction", aliases: ["infa"], type: "string" },
  ],
  process(ctx, params, input) {
    // $InformationPreference is SilentlyContinue by default: the record is written only when it is Continue.
    const action = toStr(params.get("InformationAction") ?? "").toLowerCase() || preference(ctx, "InformationPreference", "SilentlyContinue");
    if (action === "continue") ctx.host.write("information", input === undefined ? params.get("MessageData") : input);
  },
};

export const writeProgress: BuiltinCommand = {
  name: "Write-Progress",
  parameters: [
    { name: "Activity", position: 0, type: "string" },
    { name: "Status", position: 1, type: "string" },
    { name: "Id", position: 2, type: "int" },
    { name: "PercentComplete", type: "int", validateRange: [-1, 100] },
    { name: "SecondsRemaining", type: "int" },
    { name: "CurrentOperation", type: "string" },
    { name: "ParentId", type: "int" },
    { name: "Completed", type: "switch" },
  ],
  process(ctx, params) {
    if (preference(ctx, "ProgressPreference", "Continue") === "silentlycontinue") return;
    const record = new PSCustomObject();
    record.set("Activity", toStr(params.get("Activity") ?? ""));
    record.set("StatusDescription", toStr(params.get("Status") ?? "Processing"));
    record.set("ActivityId", params.get("Id") ?? 0);
    record.set("PercentComplete", params.get("PercentComplete") ?? -1);
    record.set("ParentActivityId", params.get("ParentId") ?? -1);
    record.set("SecondsRemaining", params.get("SecondsRemaining") ?? -1);
    record.set("CurrentOperation", params.has("CurrentOperation") ? toStr(params.get("CurrentOperation")) : null);
    record.set("RecordType", params.get("Completed") ? "Completed" : "Processing");
    ctx.host.write("progress", record);
  },
};
