/**
 * The slice of .NET that real scripts reach for and rsh offers (the interpreter issue's list): `[List[T]]::new()` and
 * `[ArrayList]` with Add/Remove…, `[Text.Encoding]::UTF8` (and ASCII, Unicode), `[System.IO.Path]`, `[convert]`,
 * `[regex]`, `[guid]` and `[datetime]::Parse`. Paths follow Linux/macOS rules (`/`), as pwsh does there. Anything else
 * is left to members.ts, which reports PowerShell's "does not contain a method named" error.
 */
import { canonicalType, DOTNET_TYPE, enumerate, isListType, parseDate, roundHalfEven, toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSChar, PSCustomObject, PSHashtable, PSList } from "../values/objects.ts";
import { format, jsReplacement, toRegExp } from "./operators.ts";
import { constructException, type ExceptionValue } from "./exceptions.ts";
import { parseExact } from "../values/date_format.ts";
import { EMPTY_GUID, guidValue, parseGuid } from "../values/guid.ts";

/** What a void method returns (List.Add, Hashtable.Remove…): a statement of it writes nothing; as a value it is $null. */
export const VOID: unique symbol = Symbol("void");

/** Thrown for a .NET call that fails; members.ts turns it into PowerShell's `Exception calling "X"` error. */
export class DotNetError extends Error {}

const calling = (method: string, args: unknown[], message: string) =>
  new DotNetError(`Exception calling "${method}" with "${args.length}" argument(s): "${message}"`);

// ------------------------------------------------------------------------------------------------ lists

/**
 * `[List[T]]::new()`, `[ArrayList]::new()`, `[Text.StringBuilder]::new()`, `[SomeException]::new(msg)` and New-Object of those: a list empty or
 * filled from a collection argument, a builder empty or holding its string argument. Null for another type.
 */
export function construct(typeName: string, args: unknown[]): PSList | PSHashtable | StringBuilderValue | ExceptionValue | null {
  const type = canonicalType(typeName);
  const exception = constructException(typeName, args);
  if (exception) return exception;
  if (type === "text.stringbuilder") return new StringBuilderValue(typeof args[0] === "string" ? args[0] : "");
  if (/^(collections\.generic\.)?dictionary\[.+\]$/.test(type)) return dictionary(args);
  if (!isListType(type)) return null;
  const list = new PSList(type === "collections.arraylist");
  // A number is .NET's initial capacity, which sizes nothing here; a collection fills the list.
  if (args.length && typeof args[0] !== "number") list.push(...enumerate(args[0]));
  return list;
}

/**
 * `[Dictionary[string,int]]::new()`: a hashtable whose keys are case-sensitive, as .NET's default comparer is,
 * unless it is given `[StringComparer]::OrdinalIgnoreCase` (or another IgnoreCase comparer). Values are kept as
 * written (rsh's generic collections do not convert to their type arguments).
 */
function dictionary(args: unknown[]): PSHashtable {
  const table = new PSHashtable();
  table.dotnetType = "System.Collections.Generic.Dictionary`2";
  const comparer = args.find((a) => a instanceof StringComparerValue) as StringComparerValue | undefined;
  table.caseSensitive = !comparer?.ignoreCase;
  const source = args.find((a) => a instanceof PSHashtable);
  if (source instanceof PSHashtable) for (const [k, v] of source.entries()) table.set(k, v);
  return table;
}

/** `[StringComparer]::OrdinalIgnoreCase` and its kin: what a Dictionary is made with. */
export class StringComparerValue {
  constructor(readonly name: string) {}
  get ignoreCase(): boolean {
    return this.name.endsWith("IgnoreCase");
  }
  get [DOTNET_TYPE](): string {
    return "System.StringComparer";
  }
  toString(): string {
    return `System.${this.name}Comparer`;
  }
}

const STRING_COMPARERS = ["Ordinal", "OrdinalIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "CurrentCulture", "CurrentCultureIgnoreCase"];

// ------------------------------------------------------------------------------------------------ StringBuilder

/** System.Text.StringBuilder: appends in place; Append and friends return the builder, so calls chain. */
export class StringBuilderValue {
  constructor(public text: string) {}
  get [DOTNET_TYPE](): string {
    return "System.Text.StringBuilder";
  }
  toString(): string {
    return this.text;
  }
}

/** A StringBuilder's properties (Length, Capacity, MaxCapacity); undefined for another name. */
export function stringBuilderMember(builder: StringBuilderValue, name: string): unknown {
  if (name === "length") return builder.text.length;
  if (name === "capacity") return Math.max(16, builder.text.length);
  if (name === "maxcapacity") return 2147483647;
  return undefined;
}

/** A StringBuilder's methods; undefined for a name it does not have. */
export function stringBuilderMethod(builder: StringBuilderValue, name: string, args: unknown[]): unknown {
  const at = (i: unknown) => {
    const n = toNumber(i);
    if (!Number.isInteger(n) || n < 0 || n > builder.text.length) throw calling(name, args, "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'index')");
    return n;
  };
  switch (name) {
    // Append(value) and Append(char, repeatCount).
    case "append": builder.text += args.length === 2 && typeof args[1] === "number" ? toStr(args[0]).repeat(args[1]) : toStr(args[0]); return builder;
    case "appendline": builder.text += toStr(args[0] ?? "") + "\n"; return builder;
    case "appendformat": builder.text += format(toStr(args[0]), args.slice(1)); return builder;
    case "insert": {
      const i = at(args[0]);
      builder.text = builder.text.slice(0, i) + toStr(args[1]) + builder.text.slice(i);
      return builder;
    }
    case "remove": {
      const i = at(args[0]);
      builder.text = builder.text.slice(0, i) + builder.text.slice(i + toNumber(args[1]));
      return builder;
    }
    case "replace": builder.text = builder.text.split(toStr(args[0])).join(toStr(args[1] ?? "")); return builder;
    case "clear": builder.text = ""; return builder;
    case "tostring": return args.length === 2 ? builder.text.substr(toNumber(args[0]), toNumber(args[1])) : builder.text;
    default: return undefined;
  }
}

/** The methods of a List/ArrayList; undefined for a name it does not have. */
export function listMethod(list: PSList, name: string, args: unknown[]): unknown {
  const indexOf = (value: unknown) => list.findIndex((x) => x === value || toStr(x) === toStr(value));
  const index = (i: unknown, max: number) => {
    const n = toNumber(i);
    if (!Number.isInteger(n) || n < 0 || n > max) {
      throw calling(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
    }
    return n;
  };
  switch (name) {
    case "add":
      list.push(args[0] ?? null);
      // ArrayList.Add returns the new index (why scripts pipe it to Out-Null); List<T>.Add returns nothing.
      return list.arrayList ? list.length - 1 : VOID;
    case "addrange": list.push(...enumerate(args[0] ?? [])); return VOID;
    case "insert": list.splice(index(args[0], list.length), 0, args[1] ?? null); return VOID;
    case "remove": {
      const at = indexOf(args[0]);
      if (at >= 0) list.splice(at, 1);
      return list.arrayList ? VOID : at >= 0;
    }
    case "removeat": list.splice(index(args[0], list.length - 1), 1); return VOID;
    case "clear": list.length = 0; return VOID;
    case "contains": return indexOf(args[0]) >= 0;
    case "indexof": return indexOf(args[0]);
    case "toarray": return [...list];
    case "reverse": list.reverse(); return VOID;
    case "sort": list.sort((a, b) => (toStr(a) < toStr(b) ? -1 : toStr(a) > toStr(b) ? 1 : 0)); return VOID;
    default: return undefined;
  }
}

// ------------------------------------------------------------------------------------------------ encodings

/** `[Text.Encoding]::UTF8` and friends: GetBytes/GetString between strings and byte arrays. */
export class TextEncodingValue {
  constructor(readonly name: "utf-8" | "us-ascii" | "utf-16") {}

  getBytes(text: string): number[] {
    if (this.name === "utf-8") return [...new TextEncoder().encode(text)];
    if (this.name === "us-ascii") return [...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    return bytes;
  }

  getString(bytes: number[]): string {
    if (this.name === "utf-8") return new TextDecoder().decode(new Uint8Array(bytes));
    if (this.name === "us-ascii") return String.fromCharCode(...bytes.map((b) => (b < 128 ? b : 63)));
    let text = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
    return text;
  }
}

const ENCODINGS: Record<string, TextEncodingValue> = {
  utf8: new TextEncodingValue("utf-8"),
  ascii: new TextEncodingValue("us-ascii"),
  unicode: new TextEncodingValue("utf-16"),
};

export function encodingMethod(encoding: TextEncodingValue, name: string, args: unknown[]): unknown {
  if (name === "getbytes") return encoding.getBytes(toStr(args[0]));
  if (name === "getstring") return encoding.getString(bytesOf(args[0]));
  if (name === "tostring") return `System.Text.${encoding.name === "utf-8" ? "UTF8" : encoding.name === "us-ascii" ? "ASCII" : "Unicode"}Encoding`;
  return undefined;
}

function bytesOf(value: unknown): number[] {
  return enumerate(value ?? []).map((b) => toNumber(b) & 0xff);
}

// ------------------------------------------------------------------------------------------------ statics

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function extension(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf(".");
  return dot < 0 || dot === name.length - 1 ? "" : name.slice(dot);
}

/** Path.Combine: a rooted part starts over; a separator goes between parts that lack one. */
function combine(parts: string[]): string {
  return parts.reduce((joined, part) => {
    if (part === "") return joined;
    if (part.startsWith("/") || joined === "") return part;
    return joined.endsWith("/") ? joined + part : `${joined}/${part}`;
  }, "");
}

const PATH: Record<string, (args: unknown[]) => unknown> = {
  combine: (args) => combine(args.flatMap((a) => enumerate(a)).map(toStr)),
  getfilename: (args) => fileName(toStr(args[0])),
  getfilenamewithoutextension: (args) => {
    const name = fileName(toStr(args[0]));
    return name.slice(0, name.length - extension(name).length);
  },
  getextension: (args) => extension(toStr(args[0])),
  getdirectoryname: (args) => {
    const path = toStr(args[0]);
    const slash = path.lastIndexOf("/");
    return slash < 0 ? "" : slash === 0 ? (path === "/" ? null : "/") : path.slice(0, slash);
  },
  ispathrooted: (args) => toStr(args[0]).startsWith("/"),
  // pwsh on Linux answers $TMPDIR's value when set; rsh's engine does not read the process environment: /tmp/.
  gettemppath: () => "/tmp/",
  changeextension: (args) => {
    const path = toStr(args[0]);
    const base = path.slice(0, path.length - extension(path).length);
    return args[1] === null ? base : `${base}.${toStr(args[1]).replace(/^\./, "")}`;
  },
};

function base64(bytes: number[]): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function toInteger(method: string, args: unknown[], bits: 32 | 64): number {
  if (args.length > 1) {
    const radix = toNumber(args[1]);
    const text = toStr(args[0]).trim().replace(radix === 16 ? /^0x/i : /^$/, "");
    const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[+-]?\d+$/, 16: /^[0-9a-f]+$/i }[radix as 2 | 8 | 10 | 16];
    if (!valid) throw calling(method, args, "Invalid Base. (Parameter 'fromBase')");
    if (!valid.test(text)) throw calling(method, args, "Could not find any recognizable digits.");
    const n = parseInt(text, radix);
    // A 32-bit two's complement reading, as .NET does for bases other than 10 (`ffffffff` is -1).
    return bits === 32 && radix !== 10 && n >= 2 ** 31 ? n - 2 ** 32 : n;
  }
  const n = roundHalfEven(toNumber(args[0], bits === 32 ? "System.Int32" : "System.Int64"));
  if (bits === 32 && (n > 2147483647 || n < -2147483648)) throw calling(method, args, "Value was either too large or too small for an Int32.");
  return n;
}

const CONVERT: Record<string, (args: unknown[]) => unknown> = {
  tobase64string: (args) => base64(bytesOf(args[0])),
  frombase64string: (args) => {
    const text = toStr(args[0]).replace(/\s/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
      throw calling("FromBase64String", args, "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
    }
    return [...atob(text)].map((ch) => ch.charCodeAt(0));
  },
  toint32: (args) => toInteger("ToInt32", args, 32),
  toint64: (args) => toInteger("ToInt64", args, 64),
  todouble: (args) => toNumber(args[0]),
  toboolean: (args) => {
    if (typeof args[0] === "string") {
      const text = args[0].trim().toLowerCase();
      if (text !== "true" && text !== "false") throw calling("ToBoolean", args, "String was not recognized as a valid Boolean.");
      return text === "true";
    }
    return toNumber(args[0]) !== 0;
  },
  tostring: (args) => (args.length > 1 ? Math.trunc(toNumber(args[0])).toString(toNumber(args[1])) : toStr(args[0])),
};

/** A .NET Match or Group: its text, with Value, Index, Length, Success (and a match's Groups) as properties. */
function matchValue(m: RegExpExecArray | null, name = "0"): NotedScalar {
  const notes = new PSCustomObject();
  const value = m?.[0] ?? "";
  notes.set("Groups", m ? m.map((g, i) => groupValue(g, m, String(i))) : []);
  notes.set("Success", m !== null);
  notes.set("Name", name);
  notes.set("Value", value);
  notes.set("Index", m?.index ?? 0);
  notes.set("Length", value.length);
  return new NotedScalar(value, notes);
}

function groupValue(text: string | undefined, m: RegExpExecArray, name: string): NotedScalar {
  const notes = new PSCustomObject();
  notes.set("Success", text !== undefined);
  notes.set("Name", name);
  notes.set("Value", text ?? "");
  // JS reports only the whole match's index; a group's is found from there (exact for the usual non-repeating group).
  notes.set("Index", text === undefined ? 0 : m.index + Math.max(0, m[0].indexOf(text)));
  notes.set("Length", text?.length ?? 0);
  return new NotedScalar(text ?? "", notes);
}

/** [regex]'s statics are case-sensitive unless an `IgnoreCase` option is passed (RegexOptions). */
function regexOf(pattern: unknown, options: unknown, global = false): RegExp {
  const text = toStr(pattern);
  const ignoreCase = /^\(\?i\)/.test(text) || enumerate(options ?? []).some((o) => /ignorecase/i.test(toStr(o)));
  return toRegExp(text, !ignoreCase, global);
}

const REGEX: Record<string, (args: unknown[]) => unknown> = {
  match: (args) => matchValue(regexOf(args[1], args[2]).exec(toStr(args[0]))),
  matches: (args) => [...toStr(args[0]).matchAll(regexOf(args[1], args[2], true))].map((m) => matchValue(m as RegExpExecArray)),
  ismatch: (args) => regexOf(args[1], args[2]).test(toStr(args[0])),
  replace: (args) => toStr(args[0]).replace(regexOf(args[1], args[3], true), jsReplacement(toStr(args[2]))),
  split: (args) => toStr(args[0]).split(regexOf(args[1], args[2])),
  escape: (args) => toStr(args[0]).replace(/[\\*+?|{[()^$.# \t\n\r\f]/g, (ch) => ({ "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f" })[ch] ?? `\\${ch}`),
  unescape: (args) => toStr(args[0]).replace(/\\([\\*+?|{}[\]()^$.# ])/g, "$1").replace(/\\t/g, "\t").replace(/\\n/g, "\n"),
};

/** A Regex's own methods (`([regex]'a+').Matches($text)`): the static ones with its pattern, case-sensitive as .NET's. */
export function regexMethod(regex: RegExp, name: string, args: unknown[]): unknown {
  const pattern = regex.source;
  switch (name) {
    case "match": case "matches": case "ismatch": case "split": return REGEX[name]([args[0], pattern]);
    case "replace": return REGEX.replace([args[0], pattern, args[1]]);
    case "tostring": return pattern;
    default: return undefined;
  }
}

const GUID: Record<string, (args: unknown[]) => unknown> = {
  newguid: () => guidValue(crypto.randomUUID()),
  parse: (args) => {
    const text = parseGuid(toStr(args[0]));
    if (text === null) throw calling("Parse", args, "Unrecognized Guid format.");
    return guidValue(text);
  },
};

const DATETIME: Record<string, (args: unknown[]) => unknown> = {
  // ParseExact(text, format[, provider]): rsh's culture is en-US whatever the provider says.
  parseexact: (args) => {
    const date = enumerate(args[1]).map((format) => parseExact(toStr(args[0]), toStr(format))).find((d) => d !== null);
    if (!date) throw calling("ParseExact", args, `String '${toStr(args[0])}' was not recognized as a valid DateTime.`);
    return date;
  },
  parse: (args) => {
    const date = parseDate(toStr(args[0]));
    if (Number.isNaN(date.getTime())) throw calling("Parse", args, `String '${toStr(args[0])}' was not recognized as a valid DateTime.`);
    return date;
  },
};

/** The array an [array]:: method works on (in place, as .NET's Array methods do). */
function arrayArgument(method: string, args: unknown[]): unknown[] {
  if (Array.isArray(args[0])) return args[0];
  throw calling(method, args, args[0] === null ? "Value cannot be null. (Parameter 'array')" : "Object must be an array.");
}

/** .NET's Object.Equals for Array.IndexOf: the same value of the same type (`1` is not `'1'`; text is case-sensitive). */
const sameValue = (a: unknown, b: unknown) => a === b || (a instanceof PSChar && b instanceof PSChar && a.code === b.code);

/** Array.Sort's default order: numbers by value, anything else by its text under the culture's rules (en-US). */
function defaultOrder(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return toStr(a).localeCompare(toStr(b), "en-US");
}

const ARRAY: Record<string, (args: unknown[]) => unknown> = {
  sort: (args) => {
    arrayArgument("Sort", args).sort(defaultOrder);
    return VOID;
  },
  reverse: (args) => {
    arrayArgument("Reverse", args).reverse();
    return VOID;
  },
  indexof: (args) => arrayArgument("IndexOf", args).findIndex((item) => sameValue(item, args[1])),
  lastindexof: (args) => arrayArgument("LastIndexOf", args).findLastIndex((item) => sameValue(item, args[1])),
};

const METHODS: Record<string, Record<string, (args: unknown[]) => unknown>> = {
  array: ARRAY, "io.path": PATH, convert: CONVERT, regex: REGEX, "text.regularexpressions.regex": REGEX, guid: GUID, datetime: DATETIME,
};

/** `[type]::Name` (args null) or `[type]::Name(args)` for the types above; undefined when this module has no such member. */
export function dotnetStatic(typeName: string, name: string, args: unknown[] | null): unknown {
  const type = canonicalType(typeName);
  if (args === null) {
    if (type === "text.encoding") return ENCODINGS[name] ?? undefined;
    if (type === "io.path" && (name === "directoryseparatorchar" || name === "altdirectoryseparatorchar")) return "/";
    if (type === "io.path" && name === "pathseparator") return ":";
    if (type === "guid" && name === "empty") return guidValue(EMPTY_GUID);
    if (type === "stringcomparer") {
      const comparer = STRING_COMPARERS.find((c) => c.toLowerCase() === name);
      return comparer ? new StringComparerValue(comparer) : undefined;
    }
    // A culture passed to ParseExact and the like: rsh formats and parses as en-US whichever is given.
    if (type === "globalization.cultureinfo" && (name === "invariantculture" || name === "currentculture" || name === "currentuiculture")) {
      const culture = new PSCustomObject();
      culture.set("Name", name === "invariantculture" ? "" : "en-US");
      culture.set("DisplayName", name === "invariantculture" ? "Invariant Language (Invariant Country)" : "English (United States)");
      return culture;
    }
    // An enum value is its name, which the methods taking it (String.Split) read.
    if (type === "stringsplitoptions") return ({ none: "None", removeemptyentries: "RemoveEmptyEntries", trimentries: "TrimEntries" } as Record<string, string>)[name];
    if (type === "datetime" && name === "utcnow") return new Date();
    if (type === "datetime" && name === "today") {
      const today = new Date();
      today.setHours(0, 0, 0, 0);
      return today;
    }
    return undefined;
  }
  if (name === "new") return construct(typeName, args) ?? undefined;
  return METHODS[type]?.[name]?.(args);
}
