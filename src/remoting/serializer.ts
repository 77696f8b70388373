/**
 * Values cross the wire as data (about_Remote_Output; PowerShell's CliXml is the model), here as compact tagged JSON:
 *
 *   null, booleans, strings, finite numbers    themselves (the hot path: no tag, no wrapper)
 *   [w, …]                                     an array, element by element
 *   {"$":"num","v":"NaN"|"Infinity"|"-Infinity"|"-0"}
 *   {"$":"date","v":ms-since-epoch|null}       a DateTime (the instant; null for an invalid date)
 *   {"$":"char","v":code}                      a [char] (its UTF-16 code unit)
 *   {"$":"ht","e":[k,v,k,v,…],"o":true?,"c":true?}  a hashtable: keys are values too, insertion order, `[ordered]`
 *                                              flag, `c` when its keys are case-sensitive (a Dictionary)
 *   {"$":"obj","p":[name,v,…],"t":[…]?}        a PSCustomObject: properties in order, its PSTypeNames if any
 *   {"$":"err","m","id","c","s","src","b"?,"t"?,"cmd"?,"pc"?,"ed"?,"co"?}   an ErrorRecord (see Encoder.error)
 *
 * Every JSON object on the wire is a tagged value. Anything else — a live object such as a job, any engine object —
 * becomes a property bag whose type names are prefixed `Deserialized.`; script blocks and type literals go as their
 * text. Beyond `depth` levels of nesting a value goes as its string form, and a cycle is cut the same way; each kind
 * of loss yields one warning per call (PowerShell truncates silently). Receivers validate everything, ignore unknown
 * fields, and reject nesting deeper than MAX_NESTING.
 */
import type { Position, Span } from "../../grammar/ast.ts";
import { ErrorRecord } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { TypeValue } from "../engine/operators.ts";
import { JobView } from "../runspace/jobs.ts";
import { toStr, typeNameOf } from "../values/convert.ts";
import { NotedScalar, PSChar, PSCustomObject, PSHashtable } from "../values/objects.ts";

export type Wire = null | boolean | number | string | Wire[] | { [k: string]: Wire };

export interface SerializeOptions {
  /** Levels of nested containers kept as objects (arrays, hashtables, objects, error records); default 10. */
  depth?: number;
}

export class SerializationError extends Error {
  override name = "SerializationError";
}

export const DEFAULT_DEPTH = 10;
/** The deepest nesting a receiver accepts (and so the largest depth a sender uses). */
export const MAX_NESTING = 200;
/** Source lines shipped with an error beyond this size shrink to the span's first line (all the concise view shows). */
const MAX_EXCERPT = 16 * 1024;
const PREFIX = "Deserialized.";
const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };
const JOB_TYPES = ["System.Management.Automation.PSRemotingJob", "System.Management.Automation.Job", "System.Object"];

/** An ErrorRecord that arrived with only the lines its span touches: `source` starts at `sourceOffset`. */
export class DeserializedErrorRecord extends ErrorRecord {
  /** `sourceOffset`: where `source` begins in the original script (the span's offsets are the original ones). */
  constructor(fields: ConstructorParameters<typeof ErrorRecord>, readonly sourceOffset: number) {
    super(...fields);
  }

  override format(): string {
    return this.#local()?.format() ?? super.format();
  }

  override sourceLine(): string {
    return this.#local()?.sourceLine() ?? super.sourceLine();
  }

  /** The record with its span moved into the excerpt it carries; null when nothing needs moving. */
  #local(): ErrorRecord | null {
    if (!this.span || this.source === null || this.sourceOffset === 0) return null;
    const local = shiftSpan(this.span, -this.sourceOffset);
    return new ErrorRecord(this.message, this.fullyQualifiedErrorId, this.category, local, this.source, null, this.commandName);
  }
}

function shiftSpan(span: Span, by: number): Span {
  const at = (p: Position): Position => ({ line: p.line, column: p.column, offset: p.offset + by });
  return { file: span.file, start: at(span.start), end: at(span.end) };
}

/** Whether an excerpt starting at `base` holds the span's start (and its end, on the same line): what format() reads. */
function excerptFits(span: Span, src: string, base: number): boolean {
  const from = span.start.offset - base, limit = src.length + 1;
  return from >= 0 && from <= src.length && span.start.column <= limit && (span.end.line !== span.start.line || span.end.column <= limit);
}

// ------------------------------------------------------------------------------------------------ serializing

function plainNumber(n: number): boolean {
  return n - n === 0 && (n !== 0 || 1 / n > 0);
}

function stringForm(value: unknown): string {
  let text = "[object Object]";
  try {
    text = toStr(value);
  } catch { /* a cycle or absurd nesting inside toStr */ }
  return text === "[object Object]" ? typeNamesOf(value as object)[0] : text;
}

/** The .NET-like type names of a value that travels as a property bag (before the `Deserialized.` prefix). */
function typeNamesOf(value: object): string[] {
  if (value instanceof PSCustomObject && value.typeNames?.length) return value.typeNames;
  if (value instanceof JobView) return JOB_TYPES;
  const name = typeNameOf(value);
  if (name !== "System.Object") return [name, "System.Object"];
  const ctor = Object.getPrototypeOf(value)?.constructor;
  return typeof ctor === "function" && ctor !== Object && ctor.name ? [`rsh.${ctor.name}`, "System.Object"] : ["System.Object"];
}

/** The readable data of an arbitrary object: own fields, then getters up its prototype chain; no functions. */
function propertiesOf(value: object): [string, unknown][] {
  const found: [string, unknown][] = [];
  const seen = new Set<string>(["constructor", "stack"]);
  try {
    for (let o: object | null = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) {
        const descriptor = Object.getOwnPropertyDescriptor(o, name);
        if (!descriptor || seen.has(name.toLowerCase()) || (o !== value && !descriptor.get)) continue;
        seen.add(name.toLowerCase());
        let item: unknown;
        try {
          item = descriptor.get ? descriptor.get.call(value) : descriptor.value;
        } catch {
          continue;
        }
        if (typeof item !== "function") found.push([name, item]);
      }
    }
  } catch {
    // an exotic object (a revoked proxy): whatever was read so far
  }
  return found;
}

function pathText(path: (string | number)[]): string {
  if (path.length === 0) return "the value itself";
  return path.map((p) => typeof p === "number" ? `[${p}]` : /^[\p{L}_][\p{L}\p{N}_]*$/u.test(p) ? `.${p}` : `.'${p.replace(/'/g, "''")}'`).join("");
}

class Encoder {
  readonly path: (string | number)[] = [];
  readonly #ancestors = new Set<object>();
  #truncated = 0;
  #firstTruncated = "";
  #cycles = 0;
  #firstCycle = "";

  constructor(readonly depth: number) {}

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.#truncated) {
      warnings.push(`Serialization depth ${this.depth} exceeded: ${this.#truncated} value(s) nested deeper than ${this.depth} levels were sent as strings (first at ${this.#firstTruncated}). Use a larger depth to keep them as objects.`);
    }
    if (this.#cycles) {
      warnings.push(`Serialization cut ${this.#cycles} circular reference(s) (first at ${this.#firstCycle}); each was sent as a string.`);
    }
    return warnings;
  }

  encode(value: unknown, level: number): Wire {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return plainNumber(value) ? value : { $: "num", v: Object.is(value, -0) ? "-0" : String(value) };
      case "undefined":
        return null;
      case "bigint":
        return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
      case "object":
        return value === null ? null : this.#object(value, level + 1);
      default: // symbols and functions are not PowerShell values
        return String(typeof value === "symbol" ? value.description ?? "" : "System.Object");
    }
  }

  #object(value: object, level: number): Wire {
    if (value instanceof Date) {
      const t = value.getTime();
      return { $: "date", v: Number.isNaN(t) ? null : t };
    }
    if (value instanceof PSChar) return { $: "char", v: value.code };
    if (value instanceof ScriptBlockValue) return value.toString();
    // Remote-output notes are the receiver's to add: the base value travels.
    if (value instanceof NotedScalar) return this.encode(value.base, level - 1);
    if (value instanceof TypeValue) return value.name;
    if (this.#ancestors.has(value)) {
      if (this.#cycles++ === 0) this.#firstCycle = `${pathText(this.path)}, a ${typeNamesOf(value)[0]}`;
      return stringForm(value);
    }
    if (level > this.depth) {
      if (this.#truncated++ === 0) this.#firstTruncated = `${pathText(this.path)}, a ${typeNamesOf(value)[0]}`;
      return stringForm(value);
    }
    this.#ancestors.add(value);
    const wire = this.#container(value, level);
    this.#ancestors.delete(value);
    return wire;
  }

  #container(value: object, level: number): Wire {
    if (Array.isArray(value)) {
      const items: Wire[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === "string" || typeof item === "boolean" || item === null || (typeof item === "number" && plainNumber(item))) {
          items.push(item);
        } else {
          this.path.push(i);
          items.push(this.encode(item, level));
          this.path.pop();
        }
      }
      return items;
    }
    if (value instanceof PSHashtable) {
      const entries: Wire[] = [];
      for (const [key, item] of value.entries()) {
        const name = typeof key === "string" ? key : `[${stringForm(key)}]`;
        this.path.push(name);
        entries.push(this.encode(key, level), this.encode(item, level));
        this.path.pop();
      }
      const wire: Wire = value.ordered ? { $: "ht", e: entries, o: true } : { $: "ht", e: entries };
      // A Dictionary's keys may differ only in case: the receiver must keep them apart too.
      if (value.caseSensitive) wire.c = true;
      return wire;
    }
    if (value instanceof ErrorRecord) return this.error(value, level);
    // An ordinary PSCustomObject stays one (same views on the receiver); anything else is a Deserialized. bag.
    const plain = value instanceof PSCustomObject && value.constructor === PSCustomObject && !value.typeNames?.length;
    const properties: [string, unknown][] = value instanceof PSCustomObject
      ? value.names().map((name) => [name, value.get(name)])
      : value instanceof RegExp
      ? [["Pattern", value.source], ["Options", value.flags.includes("i") ? "IgnoreCase" : "None"]]
      : propertiesOf(value);
    const p: Wire[] = [];
    for (const [name, item] of properties) {
      this.path.push(name);
      p.push(name, this.encode(item, level));
      this.path.pop();
    }
    return plain ? { $: "obj", p } : { $: "obj", p, t: typeNamesOf(value).map((t) => t.startsWith(PREFIX) ? t : PREFIX + t) };
  }

  /**
   * `s` is [file, startLine, startColumn, startOffset, endLine, endColumn, endOffset] or null; `src` only the source
   * lines the span touches (null without a span), starting at offset `b` of the script; `t` the target object.
   */
  error(record: ErrorRecord, level: number): Wire {
    const { span } = record;
    let src: string | null = null;
    let base = 0;
    if (span && record.source !== null) {
      const prior = record instanceof DeserializedErrorRecord ? record.sourceOffset : 0;
      const s = record.source;
      const start = Math.min(Math.max(span.start.offset - prior, 0), s.length);
      const last = Math.min(Math.max(span.end.offset - prior - 1, start), s.length);
      const from = start > 0 ? s.lastIndexOf("\n", start - 1) + 1 : 0;
      let to = s.indexOf("\n", last);
      if (to < 0) to = s.length;
      if (to - from > MAX_EXCERPT && (to = s.indexOf("\n", start)) < 0) to = s.length;
      src = s.slice(from, to);
      base = prior + from;
      if (!excerptFits(span, src, base)) {
        src = null;
        base = 0;
      }
    }
    const wire: { [k: string]: Wire } = {
      $: "err",
      m: record.message,
      id: record.fullyQualifiedErrorId,
      c: record.category,
      s: span && [span.file, span.start.line, span.start.column, span.start.offset, span.end.line, span.end.column, span.end.offset],
      src,
    };
    if (base) wire.b = base;
    if (record.targetObject !== null && record.targetObject !== undefined) {
      this.path.push("TargetObject");
      wire.t = this.encode(record.targetObject, level);
      this.path.pop();
    }
    if (record.commandName !== null) wire.cmd = record.commandName;
    const computer = (record as { computerName?: unknown }).computerName; // PSComputerName, once a record went remote
    if (typeof computer === "string") wire.pc = computer;
    // Write-Error's -RecommendedAction and -Category* parts (what `$_.ErrorDetails` and `$_.CategoryInfo` show).
    if (record.errorDetails) wire.ed = [record.errorDetails.message, record.errorDetails.recommendedAction];
    const parts = record.categoryOverrides;
    if (parts) wire.co = [parts.activity ?? null, parts.reason ?? null, parts.targetName ?? null, parts.targetType ?? null];
    return wire;
  }
}

/** Turns a value into wire data; `warnings` says what was sent as a string (depth exceeded, cycles). */
export function serialize(value: unknown, options: SerializeOptions = {}): { data: Wire; warnings: string[] } {
  const requested = options.depth ?? DEFAULT_DEPTH;
  const depth = Math.max(0, Math.min(MAX_NESTING, Number.isFinite(requested) ? Math.floor(requested) : MAX_NESTING));
  const encoder = new Encoder(depth);
  const data = encoder.encode(value, 0);
  return { data, warnings: encoder.warnings() };
}

export function serializeError(record: ErrorRecord): Wire {
  return new Encoder(DEFAULT_DEPTH).error(record, 1);
}

// ---------------------------------------------------------------------------------------------- deserializing

function fail(message: string): never {
  throw new SerializationError(`Malformed serialized value: ${message}.`);
}

type Tagged = { [k: string]: unknown };

function field(data: Tagged, name: string, type: "string" | "number" | "boolean" | "array", optional = false): any {
  const v = Object.hasOwn(data, name) ? data[name] : undefined;
  if (v === undefined && optional) return undefined;
  const kind = Array.isArray(v) ? "array" : typeof v;
  if (kind === type) return v;
  return fail(`'${data.$}' needs ${optional ? "an optional " : ""}${type} field '${name}', not ${v === null ? "null" : typeof v}`);
}

function nullable(data: Tagged, name: string, type: "string" | "array"): any {
  return data[name] === null || data[name] === undefined ? null : field(data, name, type);
}

function integer(v: unknown, min: number): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= min) return v;
  return fail(`expected an integer of at least ${min}, got ${JSON.stringify(v) ?? typeof v}`);
}

function decode(data: unknown, level: number): unknown {
  switch (typeof data) {
    case "string":
    case "boolean":
      return data;
    case "number":
      return data - data === 0 ? data : fail("a bare number must be finite (NaN and infinities travel tagged)");
    case "object": {
      if (data === null) return null;
      if (++level > MAX_NESTING) fail(`nesting deeper than ${MAX_NESTING} levels`);
      if (Array.isArray(data)) {
        const items: unknown[] = [];
        for (let i = 0; i < data.length; i++) {
          const item = data[i];
          const plain = typeof item === "string" || typeof item === "boolean" || item === null || (typeof item === "number" && item - item === 0);
          items.push(plain ? item : decode(item, level));
        }
        return items;
      }
      const proto = Object.getPrototypeOf(data);
      if (proto !== Object.prototype && proto !== null) fail("not a JSON value");
      return decodeTagged(data as Tagged, level);
    }
    default:
      return fail(`${typeof data} is not a JSON value`);
  }
}

function decodeTagged(data: Tagged, level: number): unknown {
  switch (data.$) {
    case "num": {
      const v = field(data, "v", "string");
      return Object.hasOwn(SPECIAL_NUMBERS, v) ? SPECIAL_NUMBERS[v] : fail(`'${v}' is not a special number`);
    }
    case "char": {
      const v = field(data, "v", "number");
      return Number.isInteger(v) && v >= 0 && v <= 0xffff ? new PSChar(v) : fail("a char is a code unit from 0 to 65535");
    }
    case "date": {
      if (data.v === null) return new Date(NaN);
      const v = field(data, "v", "number");
      return Math.abs(v) <= 8.64e15 ? new Date(v) : fail("the date is out of range");
    }
    case "ht": {
      const entries: unknown[] = field(data, "e", "array");
      if (entries.length % 2) fail("the entry list has an odd length");
      const table = new PSHashtable();
      table.ordered = field(data, "o", "boolean", true) ?? false;
      table.caseSensitive = field(data, "c", "boolean", true) ?? false;
      for (let i = 0; i < entries.length; i += 2) {
        if (!table.add(decode(entries[i], level), decode(entries[i + 1], level))) fail("a hashtable has a duplicate key");
      }
      return table;
    }
    case "obj": {
      const list: unknown[] = field(data, "p", "array");
      if (list.length % 2) fail("the property list has an odd length");
      const object = new PSCustomObject();
      for (let i = 0; i < list.length; i += 2) {
        const name = list[i];
        if (typeof name !== "string") fail("a property name is not a string");
        if (object.has(name)) fail(`the property '${name}' appears twice`);
        object.set(name, decode(list[i + 1], level));
      }
      const types: unknown[] | undefined = field(data, "t", "array", true);
      if (types) {
        if (!types.every((t) => typeof t === "string")) fail("a type name is not a string");
        object.typeNames = types as string[];
      }
      return object;
    }
    case "err":
      return decodeError(data, level);
    default:
      return fail(typeof data.$ === "string" ? `unknown tag '${data.$.slice(0, 40)}'` : "an object without a '$' tag");
  }
}

function decodeError(data: Tagged, level: number): ErrorRecord {
  const s = nullable(data, "s", "array") as unknown[] | null;
  let span: Span | null = null;
  if (s) {
    if (s.length !== 7 || typeof s[0] !== "string") fail("an error span is [file, line, column, offset, line, column, offset]");
    const at = (i: number): Position => ({ line: integer(s[i], 1), column: integer(s[i + 1], 1), offset: integer(s[i + 2], 0) });
    span = { file: s[0] as string, start: at(1), end: at(4) };
    if (span.end.offset < span.start.offset || span.end.line < span.start.line) fail("an error span ends before it starts");
  }
  const src: string | null = nullable(data, "src", "string");
  const base = data.b === undefined ? 0 : integer(data.b, 0);
  if (src !== null && (!span || !excerptFits(span, src, base))) fail("an error's source excerpt does not hold its span");
  const target = data.t === undefined ? null : decode(data.t, level);
  const command: string | null = nullable(data, "cmd", "string");
  const message: string = field(data, "m", "string"), id: string = field(data, "id", "string");
  const category: string = field(data, "c", "string");
  const computer: string | null = nullable(data, "pc", "string");
  const record = new DeserializedErrorRecord([message, id, category, span, src, target, command], src === null ? 0 : base);
  if (computer !== null) (record as { computerName?: string | null }).computerName = computer;
  const details = data.ed === undefined ? null : data.ed;
  if (details !== null) {
    if (!Array.isArray(details) || details.length !== 2 || !details.every((d) => typeof d === "string")) fail("an error's details are [message, recommended action]");
    record.errorDetails = { message: details[0] as string, recommendedAction: details[1] as string };
  }
  const parts = data.co === undefined ? null : data.co;
  if (parts !== null) {
    if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => p === null || typeof p === "string")) fail("an error's category parts are four texts or nulls");
    const [activity, reason, targetName, targetType] = (parts as (string | null)[]).map((p) => p ?? undefined);
    record.categoryOverrides = { activity, reason, targetName, targetType };
  }
  return record;
}

/** Rebuilds a value from wire data; throws SerializationError (and nothing else) on anything malformed. */
export function deserialize(data: Wire): unknown {
  try {
    return decode(data, 0);
  } catch (error) {
    if (error instanceof SerializationError) throw error;
    throw new SerializationError(`Malformed serialized value: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

export function deserializeError(data: Wire): ErrorRecord {
  const record = deserialize(data);
  if (record instanceof ErrorRecord) return record;
  throw new SerializationError("Malformed serialized value: expected an error record.");
}
