/**
 * Properties and methods of values (PowerShell's adapters, for the types rsh has): hashtable keys before members,
 * member-access enumeration on arrays (`@($a,$b).Name`), common string/array/hashtable methods, and the static
 * members of `[math]`, `[string]`, `[int]`, `[datetime]` (the rest of the .NET rsh offers is in dotnet.ts).
 */
import { canonicalType, enumerate, formatNumber, roundHalfEven, toNumber, toStr, typeNameOf } from "../values/convert.ts";
import { makeCredential, SecureString } from "../values/credentials.ts";
import { NotedScalar, PSChar, PSCustomObject, PSHashtable, PSList, timeSpan, timeSpanMs } from "../values/objects.ts";
import { dotnetStatic, encodingMethod, listMethod, regexMethod, StringBuilderValue, stringBuilderMember, stringBuilderMethod, TextEncodingValue, VOID } from "./dotnet.ts";
import { ErrorRecord } from "./errors.ts";
import { startedStopwatch, StopwatchValue } from "./stopwatch.ts";
import { PSCmdletValue } from "./pscmdlet.ts";
import { ExceptionValue } from "./exceptions.ts";
import { cultureDate, formatDate, universal } from "../values/date_format.ts";
import { type DotNetContext, RefValue, systemStatic } from "./dotnet_system.ts";
import { PropertyCollection, psObjectOf, PSObjectView } from "./psobject.ts";
import { format, TypeValue } from "./operators.ts";

export class MemberError extends Error {}

export { VOID };


function dateMember(date: Date, name: string): unknown {
  switch (name) {
    case "year": return date.getFullYear();
    case "month": return date.getMonth() + 1;
    case "day": return date.getDate();
    case "hour": return date.getHours();
    case "minute": return date.getMinutes();
    case "second": return date.getSeconds();
    case "dayofweek": return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][date.getDay()];
    case "ticks": return date.getTime() * 10000 + 621355968000000000;
    case "millisecond": return date.getMilliseconds();
    case "dayofyear": return Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(date.getFullYear(), 0, 0)) / 86_400_000);
    case "date": {
      const day = new Date(date.getTime());
      day.setHours(0, 0, 0, 0);
      return day;
    }
    default: return undefined;
  }
}

/** DateTime's Add* methods (a new date; the old one is unchanged), and Subtract. */
function dateMethod(date: Date, name: string, args: unknown[]): unknown {
  const shifted = (ms: number) => new Date(date.getTime() + ms);
  if (name === "subtract") {
    return args[0] instanceof Date ? timeSpan(date.getTime() - args[0].getTime()) : shifted(-(timeSpanMs(args[0]) ?? 0));
  }
  switch (name) {
    // DateTime.ToString() is en-US's `G`; with a format, .NET's standard or custom format string.
    case "tostring": return args.length ? formatDate(date, toStr(args[0])) : cultureDate(date);
    case "toshortdatestring": return formatDate(date, "d");
    case "tolongdatestring": return formatDate(date, "D");
    case "toshorttimestring": return formatDate(date, "t");
    case "tolongtimestring": return formatDate(date, "T");
    case "touniversaltime": return universal(date);
    case "tolocaltime": return date;
  }
  const n = args.length ? toNumber(args[0]) : 0;
  switch (name) {
    case "addmilliseconds": return shifted(n);
    case "addseconds": return shifted(n * 1000);
    case "addminutes": return shifted(n * 60_000);
    case "addhours": return shifted(n * 3_600_000);
    case "adddays": return shifted(n * 86_400_000);
    case "addticks": return shifted(n / 10_000);
    case "addmonths":
    case "addyears": {
      const moved = new Date(date.getTime());
      const months = name === "addmonths" ? Math.trunc(n) : Math.trunc(n) * 12;
      const day = moved.getDate();
      moved.setDate(1);
      moved.setMonth(moved.getMonth() + months);
      // .NET keeps the day, or the month's last day when it has fewer (Jan 31 + 1 month is Feb 28/29).
      const last = new Date(moved.getFullYear(), moved.getMonth() + 1, 0).getDate();
      moved.setDate(Math.min(day, last));
      return moved;
    }
    default: return undefined;
  }
}

/** Reads `target.name`; undefined when the member does not exist (PowerShell then yields $null). */
export function getMember(target: unknown, name: string): unknown {
  // Every value has the intrinsic `.PSObject` (about_Intrinsic_Members); a hashtable's own key of that name wins.
  if (name.length === 8 && name.toLowerCase() === "psobject" && !(target instanceof PSHashtable && target.has(name))) return psObjectOf(target);
  if (target instanceof NotedScalar) return target.notes.has(name) ? target.notes.get(name) : getMember(target.base, name);
  const lower = name.toLowerCase();
  if (target instanceof PSHashtable) {
    if (target.has(name)) return target.get(name);
    if (lower === "count") return target.count;
    if (lower === "keys") return target.keys();
    if (lower === "values") return target.values();
    return undefined;
  }
  if (target instanceof PSCustomObject) {
    if (target.has(name)) return target.get(name);
    return lower === "count" || lower === "length" ? 1 : undefined;
  }
  if (target instanceof ErrorRecord) {
    if (lower === "exception") return target.exception;
    if (lower === "fullyqualifiederrorid") return target.fullyQualifiedErrorId;
    if (lower === "pscomputername") return target.computerName;
    if (lower === "targetobject") return target.targetObject;
    if (lower === "categoryinfo") return categoryInfo(target);
    if (lower === "errordetails") return errorDetails(target);
    if (lower === "invocationinfo") return invocationInfo(target);
    return undefined;
  }
  if (typeof target === "string") return lower === "length" ? target.length : lower === "count" ? 1 : undefined;
  if (target instanceof SecureString) return lower === "length" ? target.length : undefined;
  if (Array.isArray(target)) {
    if (lower === "count" || lower === "length") return target.length;
    // Member-access enumeration: the member of each element that has it.
    const values = target.map((item) => getMember(item, name)).filter((v) => v !== undefined);
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values.flat();
  }
  if (target instanceof Date) return dateMember(target, lower);
  if (target instanceof RefValue) return lower === "value" ? target.read() : undefined;
  if (target instanceof ExceptionValue) {
    if (lower === "message") return target.message;
    if (lower === "innerexception") return target.innerException;
    return undefined;
  }
  if (target instanceof StringBuilderValue) return stringBuilderMember(target, lower);
  if (target instanceof StopwatchValue) return target.member(lower);
  if (target instanceof PSCmdletValue) return target.member(lower);
  if (target instanceof TypeValue) {
    if (lower === "name") return canonicalType(target.name);
    if (lower === "fullname") return target.name;
  }
  // `$null.Count` is 0 and a scalar's is 1 (about_Properties: PowerShell 3's Count/Length on every object).
  if (target === null || target === undefined) return lower === "count" || lower === "length" ? 0 : undefined;
  if (lower === "count" || lower === "length") return 1;
  return undefined;
}

/** Writes `target.name = value`. */
export function setMember(target: unknown, name: string, value: unknown): void {
  if (target instanceof RefValue && name.toLowerCase() === "value") return target.write(value);
  if (target instanceof PSHashtable) return target.set(name, value);
  if (target instanceof PSCustomObject) {
    if (!target.has(name)) throw new MemberError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`);
    if (!target.settable(name)) throw new MemberError(`Set accessor for property "${name}" is unavailable.`);
    return target.set(name, value);
  }
  throw new MemberError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`);
}

/**
 * A System.Collections.DictionaryEntry (`$h.GetEnumerator()`): Name and Value as pwsh displays it, and Key — the
 * same as Name — readable too (`$_.Key`), hidden from display as DictionaryEntry's format leaves it out.
 */
export function dictionaryEntry(key: unknown, value: unknown): PSCustomObject {
  const entry = new PSCustomObject();
  entry.typeNames = ["System.Collections.DictionaryEntry", "System.ValueType", "System.Object"];
  entry.set("Name", key);
  entry.set("Value", value);
  entry.setHidden("Key", key);
  return entry;
}

/**
 * `$_.CategoryInfo`: the category as text (what `"$($_.CategoryInfo)"` shows here) with ErrorCategoryInfo's parts to
 * read — Category, Activity (the command), Reason (the exception's type), TargetName and TargetType.
 */
function categoryInfo(record: ErrorRecord): NotedScalar {
  const parts = new PSCustomObject();
  const target = record.targetObject;
  const set = record.categoryOverrides ?? {};
  parts.set("Category", record.category);
  parts.set("Activity", set.activity ?? record.commandName ?? "");
  parts.set("Reason", set.reason ?? record.exception.typeName.slice(record.exception.typeName.lastIndexOf(".") + 1));
  parts.set("TargetName", set.targetName ?? (target === null ? "" : toStr(target)));
  parts.set("TargetType", set.targetType ?? (target === null ? "" : typeNameOf(target).slice(typeNameOf(target).lastIndexOf(".") + 1)));
  return new NotedScalar(record.category, parts);
}

/**
 * `$_.InvocationInfo`: where the error happened — ScriptName, ScriptLineNumber, OffsetInLine, Line, and pwsh's
 * PositionMessage (`At file:line char:column`, the line, a `~` marker); MyCommand names the command that reported it.
 */
function invocationInfo(record: ErrorRecord): PSCustomObject {
  const info = new PSCustomObject();
  info.typeNames = ["System.Management.Automation.InvocationInfo", "System.Object"];
  const span = record.span;
  const line = record.sourceLine();
  info.set("MyCommand", record.commandName);
  info.set("ScriptName", span?.file ?? "");
  info.set("ScriptLineNumber", span?.start.line ?? 0);
  info.set("OffsetInLine", span?.start.column ?? 0);
  info.set("Line", line);
  const width = span ? Math.max(1, (span.end.line === span.start.line ? span.end.column : line.length + 1) - span.start.column) : 0;
  info.set("PositionMessage", span ? `At ${span.file}:${span.start.line} char:${span.start.column}\n+ ${line}\n+ ${" ".repeat(span.start.column - 1)}${"~".repeat(width)}` : "");
  info.set("InvocationName", record.commandName ?? "");
  return info;
}

/** `$_.ErrorDetails`: null unless the error carries a message of its own or a recommended action. */
function errorDetails(record: ErrorRecord): PSCustomObject | null {
  if (!record.errorDetails) return null;
  const details = new PSCustomObject();
  details.set("Message", record.errorDetails.message);
  details.set("RecommendedAction", record.errorDetails.recommendedAction);
  return details;
}

function typeInfo(value: unknown): PSCustomObject {
  const info = new PSCustomObject();
  const full = typeNameOf(value);
  info.set("Name", full.split(".").pop()!);
  info.set("FullName", full);
  return info;
}

function stringMethod(s: string, name: string, args: unknown[]): unknown {
  const a = args.map(toStr);
  switch (name) {
    case "toupper": case "toupperinvariant": return s.toUpperCase();
    case "tolower": case "tolowerinvariant": return s.toLowerCase();
    case "trim": return a.length ? s.replace(new RegExp(`^[${escapeClass(a.join(""))}]+|[${escapeClass(a.join(""))}]+$`, "g"), "") : s.trim();
    case "trimstart": return a.length ? s.replace(new RegExp(`^[${escapeClass(a.join(""))}]+`), "") : s.trimStart();
    case "trimend": return a.length ? s.replace(new RegExp(`[${escapeClass(a.join(""))}]+$`), "") : s.trimEnd();
    case "split": return splitString(s, args);
    case "replace": return s.split(a[0]).join(a[1] ?? "");
    case "contains": return s.includes(a[0]);
    case "startswith": return s.startsWith(a[0]);
    case "endswith": return s.endsWith(a[0]);
    case "indexof": return s.indexOf(a[0]);
    case "lastindexof": return s.lastIndexOf(a[0]);
    case "substring": return args.length > 1 ? s.substr(toNumber(args[0]), toNumber(args[1])) : s.substring(toNumber(args[0]));
    case "padleft": return s.padStart(toNumber(args[0]), a[1] ?? " ");
    case "padright": return s.padEnd(toNumber(args[0]), a[1] ?? " ");
    case "tostring": return s;
    case "tochararray": case "getenumerator": return charsOf(s);
    case "insert": return s.slice(0, toNumber(args[0])) + a[1] + s.slice(toNumber(args[0]));
    case "remove": return s.slice(0, toNumber(args[0])) + (args.length > 1 ? s.slice(toNumber(args[0]) + toNumber(args[1])) : "");
    case "equals": return s === a[0];
    default: return undefined;
  }
}

/**
 * String.Split: on any of the separator characters (or on a separator string, when given a string and options), at
 * most `count` parts (a number argument: the last part is the rest, unsplit), with StringSplitOptions
 * (`[StringSplitOptions]::RemoveEmptyEntries`, `'TrimEntries'`, or both comma-separated).
 */
function splitString(s: string, args: unknown[]): string[] {
  if (args.length === 0) return s.split(/\s/);
  const count = args.slice(1).find((a): a is number => typeof a === "number");
  const options = args.slice(1).filter((a) => typeof a !== "number").map(toStr).join(",");
  const separators = enumerate(args[0]).map(toStr);
  // Split(string separator, options) takes the whole string; Split(char[] …) any of its characters.
  const byString = separators.length === 1 && separators[0].length > 1 && options !== "";
  const separator = byString ? new RegExp(separators[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : new RegExp(`[${escapeClass(separators.join(""))}]`, "g");
  let parts: string[] = [];
  let last = 0;
  for (let m = separator.exec(s); m && (count === undefined || parts.length < count - 1); m = separator.exec(s)) {
    parts.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  if (/trimentries/i.test(options)) parts = parts.map((p) => p.trim());
  if (/removeemptyentries/i.test(options)) parts = parts.filter((p) => p !== "");
  return parts;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, "\\$&");
}

/** Calls `target.name(args)` (`.ForEach({})` / `.Where({})` run script blocks, so the evaluator handles them). */
export function invokeMethod(target: unknown, name: string, args: unknown[]): unknown {
  const lower = name.toLowerCase();
  if (lower === "gettype") return typeInfo(target);
  if (target instanceof NotedScalar) return invokeMethod(target.base, name, args);
  if (target instanceof PSObjectView && lower === "copy") return target.copy();
  if (target instanceof PropertyCollection && lower === "remove") {
    target.remove(toStr(args[0]));
    return VOID;
  }
  if (typeof target === "string") {
    const result = stringMethod(target, lower, args);
    if (result !== undefined) return result;
  } else if (target instanceof Date) {
    const result = dateMethod(target, lower, args);
    if (result !== undefined) return result;
  } else if (target instanceof TextEncodingValue) {
    const result = encodingMethod(target, lower, args);
    if (result !== undefined) return result;
  } else if (target instanceof RegExp) {
    const result = regexMethod(target, lower, args);
    if (result !== undefined) return result;
  } else if (target instanceof StopwatchValue) {
    const result = target.method(lower);
    if (result !== undefined) return result;
  } else if (target instanceof PSCmdletValue) {
    const result = target.method(lower, args);
    if (result !== undefined) return result;
  } else if (target instanceof StringBuilderValue) {
    const result = stringBuilderMethod(target, lower, args);
    if (result !== undefined) return result;
  } else if (Array.isArray(target)) {
    const result = target instanceof PSList ? listMethod(target, lower, args) : undefined;
    if (result !== undefined) return result;
    if (!(target instanceof PSList) && ["add", "addrange", "insert", "remove", "removeat"].includes(lower)) {
      throw new MemberError(`Exception calling "${name}" with "${args.length}" argument(s): "Collection was of a fixed size."`);
    }
    switch (lower) {
      case "contains": return target.some((x) => x === args[0] || toStr(x) === toStr(args[0]));
      // `$Error.Clear()` and the like: arrays rsh uses as lists clear in place.
      case "clear": target.length = 0; return VOID;
      case "indexof": return target.findIndex((x) => toStr(x) === toStr(args[0]));
      case "tostring": return typeNameOf(target);
      // An enumerator written to the pipeline (or looped over) is enumerated: the elements themselves serve.
      case "getenumerator": return [...target];
    }
  } else if (target instanceof PSHashtable) {
    switch (lower) {
      case "containskey": return target.has(args[0]);
      case "containsvalue": return target.values().some((v) => toStr(v) === toStr(args[0]));
      case "getenumerator": return target.entries().map(([key, value]) => dictionaryEntry(key, value));
      case "add":
        if (!target.add(args[0], args[1])) {
          throw new MemberError(target.dotnetType
            ? `Exception calling "Add" with "2" argument(s): "An item with the same key has already been added. Key: ${toStr(args[0])}"`
            : `Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: '${toStr(args[0])}'  Key being added: '${toStr(args[0])}'"`);
        }
        return VOID;
      // Dictionary.TryGetValue(key, [ref]$value): the value (or $null) through the reference, and whether it was there.
      case "trygetvalue":
        if (args[1] instanceof RefValue) args[1].write(target.get(args[0]));
        return target.has(args[0]);
      case "remove": target.delete(args[0]); return VOID;
      case "clear": for (const key of target.keys()) target.delete(key); return VOID;
      case "clone": {
        const copy = new PSHashtable();
        for (const [k, v] of target.entries()) copy.set(k, v);
        return copy;
      }
    }
  } else if (typeof target === "number" && lower === "tostring") {
    return args.length ? format(`{0:${toStr(args[0])}}`, [target]) : formatNumber(target);
  }
  if (lower === "tostring") return toStr(target);
  throw new MemberError(`Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${name}'.`);
}

/** A string's characters as [char] values (`.ToCharArray()`, `'abc'[0]`, `[char[]]'abc'`). */
export function charsOf(text: string): PSChar[] {
  const chars: PSChar[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) chars[i] = new PSChar(text.charCodeAt(i));
  return chars;
}

/** `[char]::IsDigit('5')`: System.Char's tests, on a char or on the character at `args[1]` of a string. */
const CHAR_TESTS: Record<string, RegExp> = {
  isdigit: /^\p{Nd}$/u, isletter: /^\p{L}$/u, isletterordigit: /^[\p{L}\p{Nd}]$/u, isupper: /^\p{Lu}$/u,
  islower: /^\p{Ll}$/u, iswhitespace: /^[\s\u0085]$/u, ispunctuation: /^\p{P}$/u, isnumber: /^\p{N}$/u,
  issymbol: /^\p{S}$/u, iscontrol: /^\p{Cc}$/u, isseparator: /^\p{Z}$/u,
};

function charStatic(lower: string, args: unknown[] | null): unknown {
  if (lower === "maxvalue") return new PSChar(0xffff);
  if (lower === "minvalue") return new PSChar(0);
  if (!args || args.length === 0) return undefined;
  const text = toStr(args[0]);
  const at = args.length > 1 ? Math.trunc(toNumber(args[1])) : 0;
  if (args.length > 1 && (at < 0 || at >= text.length)) throw new MemberError(`Exception calling "${lower}" with "2" argument(s): "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')"`);
  if (args.length === 1 && !(args[0] instanceof PSChar) && text.length !== 1) return undefined;
  const ch = text.charAt(at);
  if (lower in CHAR_TESTS) return CHAR_TESTS[lower].test(ch);
  if (lower === "toupper" || lower === "toupperinvariant") return new PSChar(ch.toUpperCase().charCodeAt(0));
  if (lower === "tolower" || lower === "tolowerinvariant") return new PSChar(ch.toLowerCase().charCodeAt(0));
  return undefined;
}

/** System.Double's constants (`[double]::MaxValue` prints 1.79769313486232E+308, as .NET writes it). */
const DOUBLE_CONSTANTS: Record<string, number> = {
  maxvalue: Number.MAX_VALUE, minvalue: -Number.MAX_VALUE, epsilon: Number.MIN_VALUE, nan: NaN,
  positiveinfinity: Infinity, negativeinfinity: -Infinity,
};

const MATH: Record<string, (...n: number[]) => number> = {
  round: (x, digits = 0) => roundHalfEven(x * 10 ** digits) / 10 ** digits,
  floor: Math.floor, ceiling: Math.ceil, abs: Math.abs, sqrt: Math.sqrt, pow: Math.pow, truncate: Math.trunc,
  max: Math.max, min: Math.min, log: Math.log, log10: Math.log10, exp: Math.exp, sin: Math.sin, cos: Math.cos,
  sign: Math.sign,
};

/** `[type]::Member` and `[type]::Method(args)`. */
export function staticMember(type: TypeValue, name: string, args: unknown[] | null, context?: DotNetContext): unknown {
  const t = canonicalType(type.name);
  const lower = name.toLowerCase();
  const system = context ? systemStatic(t, lower, args, context) : undefined;
  if (system !== undefined) return system;
  if (t === "math") {
    if (lower === "pi") return Math.PI;
    if (lower === "e") return Math.E;
    const fn = MATH[lower];
    if (fn && args) return fn(...args.map((a) => toNumber(a)));
  }
  if (t === "string" && args) {
    if (lower === "join") return enumerate(args.length > 2 ? args.slice(1) : args[1]).map(toStr).join(toStr(args[0]));
    if (lower === "isnullorempty") return args[0] === null || toStr(args[0]) === "";
    if (lower === "isnullorwhitespace") return args[0] === null || toStr(args[0]).trim() === "";
    if (lower === "format") return format(toStr(args[0]), args.slice(1));
    if (lower === "concat") return args.map(toStr).join("");
  }
  if (t === "string" && lower === "empty") return "";
  if (t === "char") {
    const result = charStatic(lower, args);
    if (result !== undefined) return result;
  }
  if (t === "int" || t === "long") {
    if (lower === "maxvalue") return t === "int" ? 2147483647 : 9223372036854775807;
    if (lower === "minvalue") return t === "int" ? -2147483648 : -9223372036854775808;
    if (lower === "parse" && args) return toNumber(args[0]);
  }
  if (t === "double" && lower in DOUBLE_CONSTANTS) return DOUBLE_CONSTANTS[lower];
  if (t === "diagnostics.stopwatch" && args) {
    if (lower === "startnew") return startedStopwatch();
    if (lower === "new") return new StopwatchValue();
  }
  if (t === "double" && lower === "parse" && args) return toNumber(args[0]);
  if (t === "double" && lower === "isnan" && args) return Number.isNaN(toNumber(args[0]));
  if (t === "datetime" && lower === "now") return new Date();
  if ((t === "pscredential" || t === "management.automation.pscredential") && lower === "new" && args) {
    if (!(args[1] instanceof SecureString)) throw new MemberError('Cannot convert argument "password" to type "System.Security.SecureString".');
    return makeCredential(toStr(args[0]), args[1]);
  }
  if ((t === "pscustomobject" || t === "hashtable" || t === "ordered") && lower === "new" && args) {
    return t === "pscustomobject" ? new PSCustomObject() : new PSHashtable();
  }
  const other = dotnetStatic(type.name, lower, args);
  if (other !== undefined) return other;
  throw new MemberError(args
    ? `Method invocation failed because [${type.name}] does not contain a method named '${name}'.`
    : `The static member '${name}' of [${type.name}] is not supported.`);
}
