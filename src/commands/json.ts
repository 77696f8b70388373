/**
 * ConvertTo-Json and ConvertFrom-Json (microsoft.powershell.utility/convertto-json, convertfrom-json): PowerShell's
 * layout and escaping on the way out; on the way in, objects or ordered hashtables, ISO 8601 date strings read as
 * dates (Json.NET's DateParseHandling, -DateKind) and -Depth's limit with Json.NET's MaxDepth error.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { customFormat, universal } from "../values/date_format.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";

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
  // Json.NET's ISO form of a DateTime whose kind is not Utc: its own fields, no offset, trailing zero decimals left out.
  if (value instanceof Date) return quote(customFormat(value, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"));
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
    // rsh's enumeration values (DayOfWeek, …) are their names already: they are written as strings either way.
    { name: "EnumsAsStrings", type: "switch" },
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

/** An ISO 8601 date and time as Json.NET reads one (a `T`, seconds, up to 7 decimals, then `Z`, an offset or nothing). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A JSON string as -DateKind reads it: a date string becomes a DateTime (Default: as written when it has no zone,
 * the UTC time for `Z`, local time for an offset; Local: local time; Utc: universal time), other strings stay.
 * rsh's dates are local times: a universal one is the local date that shows its fields (as ToUniversalTime gives).
 * -DateKind Offset reads as Default (rsh has no DateTimeOffset); String keeps the text.
 */
function jsonString(text: string, kind: string): unknown {
  const m = kind === "string" ? null : ISO_DATE.exec(text);
  if (!m) return text;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const zone = m[8];
  if (!zone) return new Date(year, month - 1, day, hour, minute, second, ms);
  const offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
  const utc = kind === "utc" || (kind !== "local" && zone === "Z");
  return utc ? universal(instant) : instant;
}

/** Parsed JSON as PowerShell objects: PSCustomObjects, or ordered hashtables with -AsHashtable (PowerShell 7.3+). */
function fromJson(value: unknown, asHashtable: boolean, dateKind: string): unknown {
  if (typeof value === "string") return jsonString(value, dateKind);
  if (Array.isArray(value)) return value.map((v) => fromJson(v, asHashtable, dateKind));
  if (value !== null && typeof value === "object") {
    if (asHashtable) {
      const table = new PSHashtable();
      table.ordered = true;
      for (const [k, v] of Object.entries(value)) table.set(k, fromJson(v, true, dateKind));
      return table;
    }
    const object = new PSCustomObject();
    for (const [k, v] of Object.entries(value)) object.set(k, fromJson(v, false, dateKind));
    return object;
  }
  return value;
}

/**
 * Json.NET's MaxDepth check: the first object or array nested deeper than `max`, as its error names it — the path
 * to it (`a.b`, `[0].c`) and the line and position just after its opening bracket. Null when the text is not deeper.
 */
function depthError(text: string, max: number): string | null {
  const frames: { key: string | null; index: number; array: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  let lastString: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      line++;
      lineStart = i + 1;
    } else if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      lastString = JSON.parse(text.slice(i, end + 1));
      i = end;
    } else if (ch === ":") {
      frames[frames.length - 1].key = lastString;
    } else if (ch === ",") {
      const top = frames[frames.length - 1];
      if (top.array) top.index++;
    } else if (ch === "{" || ch === "[") {
      if (frames.length + 1 > max) {
        const path = frames.map((f) => (f.array ? `[${f.index}]` : `.${f.key}`)).join("").replace(/^\./, "");
        return `The reader's MaxDepth of ${max} has been exceeded. Path '${path}', line ${line}, position ${i - lineStart + 1}.`;
      }
      frames.push({ key: null, index: 0, array: ch === "[" });
    } else if (ch === "}" || ch === "]") {
      frames.pop();
    }
  }
  return null;
}

const CONVERT_FROM_JSON = "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand";

export const convertFromJson: BuiltinCommand = {
  name: "ConvertFrom-Json",
  parameters: [
    { name: "InputObject", position: 0, pipeline: true, type: "string", mandatory: true },
    { name: "AsHashtable", type: "switch" },
    { name: "Depth", type: "int", validateRange: [1, 2147483647] },
    { name: "NoEnumerate", type: "switch" },
    { name: "DateKind", type: "string", validateSet: ["Default", "Local", "Utc", "Offset", "String"] },
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
      ctx.writeError(`Conversion from JSON failed with error: ${(e as Error).message}`, CONVERT_FROM_JSON, "ConvertFrom-Json");
      return;
    }
    const tooDeep = depthError(text, params.has("Depth") ? toNumber(params.get("Depth")) : 1024);
    if (tooDeep) return ctx.writeError(`Conversion from JSON failed with error: ${tooDeep}`, CONVERT_FROM_JSON, "ConvertFrom-Json");
    const value = fromJson(parsed, params.get("AsHashtable") === true, toStr(params.get("DateKind") ?? "Default").toLowerCase());
    // -NoEnumerate writes a JSON array as one object, not its elements.
    return params.get("NoEnumerate") ? ctx.emit(value) : ctx.emitAll(enumerate(value));
  },
};
