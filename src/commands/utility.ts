/** Utility commands: Start-Sleep, Invoke-Expression, JSON conversion. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { then } from "../engine/maybe.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable, timeSpanMs } from "../values/objects.ts";

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

type Quote = (text: string) => string;

const hex = (ch: string) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");

/**
 * A JSON string literal under -EscapeHandling (Newtonsoft's StringEscapeHandling): Default escapes only what JSON
 * needs, EscapeNonAscii also every character past ASCII, EscapeHtml also < > & ' and the double quote.
 */
function quoter(handling: string): Quote {
  const mode = handling.toLowerCase();
  if (mode === "default") return JSON.stringify;
  const pattern = mode === "escapenonascii" ? /[\u0080-\uffff]/g : /[<>&']|\\"/g;
  return (text) => {
    const json = JSON.stringify(text);
    return '"' + json.slice(1, -1).replace(pattern, (m) => hex(m === '\\"' ? '"' : m)) + '"';
  };
}

/** JSON text for a value, with PowerShell's ConvertTo-Json layout (2-space indent, `"key": value`). */
function toJson(value: unknown, depth: number, indent: string, compress: boolean, quote: Quote): string {
  const nl = compress ? "" : "\n";
  const inner = compress ? "" : indent + "  ";
  const sep = compress ? ":" : ": ";
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof Date) return quote(value.toISOString());
  // PowerShell 7 writes a primitive's base value, not the notes remoting added (PSComputerName …).
  if (value instanceof NotedScalar) return toJson(value.base, depth, indent, compress, quote);
  if (depth < 0) return quote(toStr(value));
  const pairs = value instanceof PSHashtable
    ? value.entries().map(([k, v]) => [toStr(k), v] as const)
    : value instanceof PSCustomObject
    ? value.names().map((n) => [n, value.get(n)] as const)
    : null;
  if (pairs) {
    if (pairs.length === 0) return "{}";
    return `{${nl}${pairs.map(([k, v]) => `${inner}${quote(k)}${sep}${toJson(v, depth - 1, inner, compress, quote)}`).join("," + nl)}${nl}${compress ? "" : indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${nl}${value.map((v) => inner + toJson(v, depth - 1, inner, compress, quote)).join("," + nl)}${nl}${compress ? "" : indent}]`;
  }
  return quote(toStr(value));
}

export const convertToJson: BuiltinCommand = {
  name: "ConvertTo-Json",
  parameters: [
    { name: "InputObject", position: 0, pipeline: true, type: "object" },
    { name: "Depth", type: "int", validateRange: [0, 100] },
    { name: "Compress", type: "switch" },
    { name: "AsArray", type: "switch" },
    { name: "EscapeHandling", type: "string", validateSet: ["Default", "EscapeNonAscii", "EscapeHtml"] },
  ],
  begin: () => [] as unknown[],
  process(_ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value !== undefined) (state as unknown[]).push(value);
  },
  end(ctx, params, state) {
    const items = state as unknown[];
    // -AsArray writes an array even for one object (or none).
    const value = items.length === 1 && !params.get("AsArray") ? items[0] : items;
    const depth = toNumber(params.get("Depth") ?? 2);
    if (deeper(value, depth)) ctx.host.warning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`);
    return ctx.emit(toJson(value, depth, "", params.get("Compress") === true, quoter(toStr(params.get("EscapeHandling") ?? "Default"))));
  },
};

/** Whether `value` has objects or arrays nested more than `depth` levels (toJson then writes their strings). */
function deeper(value: unknown, depth: number): boolean {
  const children = value instanceof NotedScalar
    ? null
    : value instanceof PSHashtable
    ? value.entries().map(([, v]) => v)
    : value instanceof PSCustomObject
    ? value.names().map((n) => value.get(n))
    : Array.isArray(value)
    ? value
    : null;
  if (children === null) return false;
  return depth < 0 || children.some((child) => deeper(child, depth - 1));
}

/** Parsed JSON as PowerShell objects: PSCustomObjects, or ordered hashtables with -AsHashtable (PowerShell 7.3+). */
function fromJson(value: unknown, asHashtable: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => fromJson(v, asHashtable));
  if (value !== null && typeof value === "object") {
    if (asHashtable) {
      const table = new PSHashtable();
      table.ordered = true;
      for (const [k, v] of Object.entries(value)) table.set(k, fromJson(v, true));
      return table;
    }
    const object = new PSCustomObject();
    for (const [k, v] of Object.entries(value)) object.set(k, fromJson(v, false));
    return object;
  }
  return value;
}

export const convertFromJson: BuiltinCommand = {
  name: "ConvertFrom-Json",
  parameters: [
    { name: "InputObject", position: 0, pipeline: true, type: "string", mandatory: true },
    { name: "AsHashtable", type: "switch" },
    { name: "NoEnumerate", type: "switch" },
  ],
  begin: () => [] as string[],
  process(_ctx, params, input, state) {
    (state as string[]).push(toStr(input === undefined ? params.get("InputObject") : input));
  },
  end(ctx, params, state) {
    const text = (state as string[]).join("\n");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      ctx.writeError(`Conversion from JSON failed with error: ${(e as Error).message}`, "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand", "ConvertFrom-Json");
      return;
    }
    const value = fromJson(parsed, params.get("AsHashtable") === true);
    // -NoEnumerate writes a JSON array as one object, not its elements.
    return params.get("NoEnumerate") ? ctx.emit(value) : ctx.emitAll(enumerate(value));
  },
};
