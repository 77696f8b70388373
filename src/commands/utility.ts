/** Utility commands: Start-Sleep, Invoke-Expression, JSON conversion. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { then } from "../engine/maybe.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";

export const startSleep: BuiltinCommand = {
  name: "Start-Sleep",
  // No `sleep` alias on Linux and macOS (the native `sleep`), as in PowerShell there.
  parameters: [{ name: "Seconds", position: 0, type: "double" }, { name: "Milliseconds", type: "int" }],
  process(ctx, params) {
    const ms = params.has("Milliseconds") ? toNumber(params.get("Milliseconds")) : toNumber(params.get("Seconds") ?? 0) * 1000;
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

/** JSON text for a value, with PowerShell's ConvertTo-Json layout (2-space indent, `"key": value`). */
function toJson(value: unknown, depth: number, indent: string, compress: boolean): string {
  const nl = compress ? "" : "\n";
  const inner = compress ? "" : indent + "  ";
  const sep = compress ? ":" : ": ";
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // PowerShell 7 writes a primitive's base value, not the notes remoting added (PSComputerName …).
  if (value instanceof NotedScalar) return toJson(value.base, depth, indent, compress);
  if (depth < 0) return JSON.stringify(toStr(value));
  const pairs = value instanceof PSHashtable
    ? value.entries().map(([k, v]) => [toStr(k), v] as const)
    : value instanceof PSCustomObject
    ? value.names().map((n) => [n, value.get(n)] as const)
    : null;
  if (pairs) {
    if (pairs.length === 0) return "{}";
    return `{${nl}${pairs.map(([k, v]) => `${inner}${JSON.stringify(k)}${sep}${toJson(v, depth - 1, inner, compress)}`).join("," + nl)}${nl}${compress ? "" : indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${nl}${value.map((v) => inner + toJson(v, depth - 1, inner, compress)).join("," + nl)}${nl}${compress ? "" : indent}]`;
  }
  return JSON.stringify(toStr(value));
}

export const convertToJson: BuiltinCommand = {
  name: "ConvertTo-Json",
  parameters: [
    { name: "InputObject", position: 0, pipeline: true, type: "object" },
    { name: "Depth", type: "int" },
    { name: "Compress", type: "switch" },
  ],
  begin: () => [] as unknown[],
  process(_ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value !== undefined) (state as unknown[]).push(value);
  },
  end(ctx, params, state) {
    const items = state as unknown[];
    const value = items.length === 1 ? items[0] : items;
    return ctx.emit(toJson(value, toNumber(params.get("Depth") ?? 2), "", params.get("Compress") === true));
  },
};

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === "object") {
    const object = new PSCustomObject();
    for (const [k, v] of Object.entries(value)) object.set(k, fromJson(v));
    return object;
  }
  return value;
}

export const convertFromJson: BuiltinCommand = {
  name: "ConvertFrom-Json",
  parameters: [{ name: "InputObject", position: 0, pipeline: true, type: "string", mandatory: true }],
  begin: () => [] as string[],
  process(_ctx, params, input, state) {
    (state as string[]).push(toStr(input === undefined ? params.get("InputObject") : input));
  },
  end(ctx, _params, state) {
    const text = (state as string[]).join("\n");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      ctx.writeError(`Conversion from JSON failed with error: ${(e as Error).message}`, "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand", "ConvertFrom-Json");
      return;
    }
    return ctx.emitAll(enumerate(fromJson(parsed)));
  },
};
