/**
 * PowerShell's conversion rules (about_Type_Conversion): truthiness, number parsing, string forms, and casts to the
 * types the language names. A failed conversion throws a ConversionError the engine turns into an ErrorRecord.
 */
import { NotedScalar, PSChar, PSCustomObject, PSHashtable, PSList } from "./objects.ts";
import { invariantDate } from "./date_format.ts";

export class ConversionError extends Error {}

/** The values the language holds: JS primitives, arrays, and the classes in objects.ts (plus engine values). */
export type Value = unknown;

/** `[bool]$x` / conditions: "", 0, $null and empty collections are false; a one-element array is its element. */
export function toBool(value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return value.length > 0;
  if (value instanceof PSChar) return value.code !== 0;
  if (Array.isArray(value)) return value.length === 0 ? false : value.length === 1 ? toBool(value[0]) : true;
  if (value instanceof NotedScalar) return toBool(value.base);
  return true;
}

/** Rounds half to even, as .NET's Convert.ToInt32 does (`[int]2.5` is 2, `[int]3.5` is 4). */
export function roundHalfEven(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const NUMBER_TEXT = /^\s*[+-]?(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i;

/** A number from a value, or null when it has none (used by arithmetic and comparisons). */
export function toNumberOrNull(value: Value): number | null {
  if (typeof value === "number") return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    if (value.trim() === "") return 0;
    if (!NUMBER_TEXT.test(value)) return null;
    const text = value.trim();
    return /^[+-]?0x/i.test(text) ? (text.startsWith("-") ? -1 : 1) * parseInt(text.replace(/^[+-]?0x/i, ""), 16) : Number(text);
  }
  if (Array.isArray(value) && value.length === 1) return toNumberOrNull(value[0]);
  if (value instanceof NotedScalar) return toNumberOrNull(value.base);
  if (value instanceof PSChar) return value.code;
  return null;
}

export function toNumber(value: Value, typeName = "System.Double"): number {
  const n = toNumberOrNull(value);
  if (n === null) {
    throw new ConversionError(`Cannot convert value "${toStr(value)}" to type "${typeName}". Error: "The input string '${toStr(value)}' was not in a correct format."`);
  }
  return n;
}

/** `1.79769313486232e+308` without trailing zeros in its mantissa (`5.00000000000000e-1` → `5e-1`). */
function trimExponent(text: string): string {
  const [mantissa, exponent] = text.split("e");
  return `${mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa}e${exponent}`;
}

/** .NET's round-trip formatting of a double: `0.1+0.2` prints 0.3, `1e20` prints 1E+20. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const fifteen = n.toPrecision(15);
  const shortest = Number(fifteen);
  const abs = Math.abs(shortest);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-5 || !Number.isFinite(shortest))) {
    // Fifteen digits read back as a number can leave the range (Double.MaxValue) or lose a denormal's digits
    // (Double.Epsilon): the exponent form is then made from the fifteen digits themselves.
    const [mantissa, exponent] = (Number.isFinite(shortest) && abs >= Number.MIN_VALUE * 1e15 ? shortest.toExponential() : trimExponent(n.toExponential(14))).split("e");
    const e = Number(exponent);
    return `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(shortest);
}

/** `[string]$x` and string contexts: arrays join with spaces, $null is "". */
export function toStr(value: Value): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.map(toStr).join(" ");
  if (value instanceof PSHashtable) return typeNameOf(value);
  if (value instanceof PSCustomObject) {
    return "@{" + value.names().map((n) => `${n}=${toStr(value.get(n))}`).join("; ") + "}";
  }
  if (value instanceof Date) return invariantDate(value);
  if (value instanceof RegExp) return value.source;
  if (value instanceof NotedScalar) return toStr(value.base);
  if (value instanceof PSChar) return value.toString();
  return String(value);
}

/** Flattens a value into the items a pipeline or foreach enumerates (a scalar is one item, $null none in foreach). */
export function enumerate(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  return [value];
}

/** Whether a canonical type name is a growable list (`collections.arraylist`, `collections.generic.list[string]`). */
export const isListType = (type: string): boolean => type === "collections.arraylist" || /^(collections\.generic\.)?list\[.+\]$/.test(type);

/** The canonical lower-case name of a type literal (`[System.Int32]` → `int`). */
export function canonicalType(name: string): string {
  const lower = name.toLowerCase().replace(/^system\./, "");
  const aliases: Record<string, string> = {
    int32: "int", int64: "long", double: "double", single: "float", boolean: "bool", string: "string", char: "char",
    object: "object", decimal: "decimal", "collections.hashtable": "hashtable", "management.automation.pscustomobject":
      "pscustomobject", "text.regularexpressions.regex": "regex", datetime: "datetime", "object[]": "array",
    "collections.specialized.ordereddictionary": "ordered", byte: "byte", "management.automation.switchparameter": "switch",
  };
  return aliases[lower] ?? lower;
}

/** Converts `value` to a named type (a cast `[type]$value`, a typed parameter or `-as`). */
export function convertTo(value: Value, typeName: string): Value {
  const type = canonicalType(typeName);
  // A cast takes the base value; [object] and [psobject] keep the notes, as PowerShell's PSObject does.
  if (value instanceof NotedScalar && type !== "object" && type !== "psobject") return convertTo(value.base, typeName);
  if (type.endsWith("[]")) {
    const element = type.slice(0, -2);
    // A string converts to characters (`[char[]]'abc'`); any other scalar is one element.
    const items = value === null ? [] : element === "char" && typeof value === "string" ? [...value] : enumerate(value);
    if (element === "object") return [...items];
    const typed: Value[] & { [ELEMENT_TYPE]?: string } = items.map((item) => convertTo(item, element));
    if (Object.hasOwn(DOTNET_NAMES, element)) typed[ELEMENT_TYPE] = element;
    return typed;
  }
  switch (type) {
    case "int":
    case "long":
    case "byte": {
      if (typeof value === "string" && value.trim() === "") return 0;
      const n = toNumber(value, type === "int" ? "System.Int32" : "System.Int64");
      const rounded = roundHalfEven(n);
      const limit = type === "int" ? 2 ** 31 : 2 ** 63;
      if (rounded >= limit || rounded < -limit) {
        throw new ConversionError(`Cannot convert value "${toStr(value)}" to type "System.Int32". Error: "Value was either too large or too small for an Int32."`);
      }
      return rounded;
    }
    case "double":
    case "float":
    case "decimal":
      return toNumber(value);
    case "string":
      return toStr(value);
    case "bool":
      return toBool(value);
    case "char": {
      if (value instanceof PSChar) return value;
      if (typeof value === "number") {
        const code = roundHalfEven(value);
        if (code < 0 || code > 0xffff) throw new ConversionError(`Cannot convert value "${toStr(value)}" to type "System.Char". Error: "Value was either too large or too small for a character."`);
        return new PSChar(code);
      }
      const s = toStr(value);
      if (s.length !== 1) throw new ConversionError(`Cannot convert value "${s}" to type "System.Char". Error: "String must be exactly one character long."`);
      return new PSChar(s.charCodeAt(0));
    }
    case "array":
      return value === null ? [] : [...enumerate(value)];
    case "hashtable":
    case "ordered":
      if (value instanceof PSHashtable) return value;
      throw new ConversionError(`Cannot convert the "${toStr(value)}" value of type "${typeNameOf(value)}" to type "System.Collections.Hashtable".`);
    case "pscustomobject":
      return value instanceof PSHashtable ? PSCustomObject.from(value) : value;
    case "regex":
      try {
        return new RegExp(toStr(value), "i");
      } catch (e) {
        throw new ConversionError(`Cannot convert value "${toStr(value)}" to type "System.Text.RegularExpressions.Regex". Error: "${(e as Error).message}"`);
      }
    case "datetime": {
      if (value instanceof Date) return value;
      const d = parseDate(toStr(value));
      if (isNaN(d.getTime())) throw new ConversionError(`Cannot convert value "${toStr(value)}" to type "System.DateTime".`);
      return d;
    }
    case "object":
    case "psobject":
      return value;
    case "switch":
      return toBool(value);
    case "void":
      // `[void]$list.Add(1)`: the value is thrown away (a statement of it writes nothing: see the expression processor).
      return null;
    default:
      // `[System.Collections.ArrayList]@()`, `[List[string]]$names`: a new list of the value's elements.
      if (isListType(type)) {
        const list = new PSList(type === "collections.arraylist");
        if (value !== null) list.push(...enumerate(value));
        return list;
      }
      throw new ConversionError(`Unable to find type [${typeName}].`);
  }
}

/** The key under which a class of a higher layer (the engine's ErrorRecord) names its .NET type for typeNameOf and `-is`. */
export const DOTNET_TYPE: unique symbol = Symbol.for("rsh.dotnetType");

/**
 * A date written as text, as .NET's DateTime.Parse reads it: a date without a time (`2026-03-04`) is midnight local
 * time, as every form without an offset is — JS alone reads that one ISO form as UTC. An invalid date for bad text.
 */
export function parseDate(text: string): Date {
  const dateOnly = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const local = new Date(year, month - 1, day);
    return local.getMonth() === month - 1 ? local : new Date(NaN);
  }
  return new Date(text);
}

/** The element type a `[T[]]` cast gave an array: its GetType() is then `T[]`, not `Object[]`. */
export const ELEMENT_TYPE: unique symbol = Symbol("rsh.elementType");

/** The .NET names (after `System.`) of the element types a typed array can have. */
const DOTNET_NAMES: Record<string, string> = {
  int: "Int32", long: "Int64", byte: "Byte", double: "Double", float: "Single", decimal: "Decimal", string: "String",
  bool: "Boolean", char: "Char", datetime: "DateTime", hashtable: "Collections.Hashtable", regex: "Text.RegularExpressions.Regex",
  pscustomobject: "Management.Automation.PSCustomObject",
};

/** The .NET-style full type name PowerShell would report (`$x.GetType().FullName`, error messages). */
export function typeNameOf(value: Value): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "System.String";
  if (typeof value === "boolean") return "System.Boolean";
  if (value instanceof PSChar) return "System.Char";
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? "System.Int32" : "System.Double";
  if (value instanceof PSList) return value.arrayList ? "System.Collections.ArrayList" : "System.Collections.Generic.List`1";
  if (Array.isArray(value)) {
    const element = (value as { [ELEMENT_TYPE]?: string })[ELEMENT_TYPE];
    return element ? `System.${DOTNET_NAMES[element]}[]` : "System.Object[]";
  }
  if (value instanceof PSHashtable) return value.dotnetType ?? (value.ordered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable");
  if (value instanceof PSCustomObject) return "System.Management.Automation.PSCustomObject";
  if (value instanceof Date) return "System.DateTime";
  if (value instanceof RegExp) return "System.Text.RegularExpressions.Regex";
  if (value instanceof NotedScalar) return value.typeName ?? typeNameOf(value.base);
  if (typeof value === "object" && DOTNET_TYPE in value) return String(value[DOTNET_TYPE]);
  return "System.Object";
}

/** `-is`: whether `value` is of the named type. */
export function isOfType(value: Value, typeName: string): boolean {
  const type = canonicalType(typeName);
  if (value instanceof NotedScalar) {
    // A value standing for a type of its own (a PathInfo) is that type; remote output's is its base's.
    const own = value.typeName?.toLowerCase();
    if (own !== undefined) return type === "psobject" || type === "object" || own === "system." + type || own === type;
    return type === "psobject" || isOfType(value.base, typeName);
  }
  switch (type) {
    case "object":
      return value !== null && value !== undefined;
    case "int":
    case "long":
      return typeof value === "number" && Number.isInteger(value);
    case "double":
      return typeof value === "number";
    case "string":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "hashtable":
      return value instanceof PSHashtable;
    case "pscustomobject":
    case "psobject":
      return value instanceof PSCustomObject;
    case "datetime":
      return value instanceof Date;
    default:
      // `[int[]](1, 2) -is [int[]]`: an array made by that cast (or kept to it by a typed variable).
      if (type.endsWith("[]") && Array.isArray(value)) return (value as { [ELEMENT_TYPE]?: string })[ELEMENT_TYPE] === canonicalType(type.slice(0, -2));
      return typeNameOf(value).toLowerCase() === ("system." + type) || typeNameOf(value).toLowerCase() === type;
  }
}
