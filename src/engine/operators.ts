/**
 * PowerShell's operators on values (about_Arithmetic_Operators, about_Comparison_Operators): the left operand decides
 * the operation; comparisons are case-insensitive unless the `c` form is used; with an array on the left a
 * comparison filters it. `-and`/`-or`/`??` short-circuit in the evaluator, not here.
 */
import { ConversionError, convertTo, enumerate, isOfType, toBool, toNumber, toNumberOrNull, toStr } from "../values/convert.ts";
import { NotedScalar, PSChar, PSHashtable, timeSpan, timeSpanMs } from "../values/objects.ts";
import { cultureDate, formatDate } from "../values/date_format.ts";

/** A type literal as a value (`[int]`), the right operand of `-is` / `-as`. */
export class TypeValue {
  constructor(readonly name: string) {}
  toString(): string {
    return this.name;
  }
}

export class OperatorError extends Error {}

function add(left: unknown, right: unknown): unknown {
  if (left === null || left === undefined) return right;
  if (typeof left === "string") return left + toStr(right);
  if (Array.isArray(left)) return [...left, ...(Array.isArray(right) ? right : [right])];
  if (left instanceof PSHashtable) {
    if (!(right instanceof PSHashtable)) throw new OperatorError("A hash table can only be added to another hash table.");
    const sum = new PSHashtable();
    for (const [k, v] of left.entries()) sum.set(k, v);
    for (const [k, v] of right.entries()) {
      if (sum.has(k)) throw new OperatorError(`Item has already been added. Key in dictionary: '${toStr(k)}'  Key being added: '${toStr(k)}'`);
      sum.set(k, v);
    }
    return sum;
  }
  // A date plus a TimeSpan is a date; plus a number, that many ticks (100 ns), as .NET's DateTime + long.
  if (left instanceof Date) return new Date(left.getTime() + (timeSpanMs(right) ?? toNumber(right) / 10_000));
  const span = timeSpanMs(left);
  if (span !== null) return timeSpan(span + (timeSpanMs(right) ?? toNumber(right) / 10_000));
  return toNumber(left) + toNumber(right, "System.Int32");
}

function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === "string") return left.repeat(Math.max(0, toNumber(right, "System.Int32")));
  if (Array.isArray(left)) {
    const times = Math.max(0, toNumber(right, "System.Int32"));
    return Array.from({ length: times }, () => left).flat();
  }
  return toNumber(left) * toNumber(right, "System.Int32");
}

function arithmetic(op: string, left: unknown, right: unknown): unknown {
  // DateTime - DateTime is a TimeSpan; DateTime - TimeSpan a DateTime (about_Arithmetic_Operators).
  if (op === "-" && left instanceof Date) {
    if (right instanceof Date) return timeSpan(left.getTime() - right.getTime());
    const span = timeSpanMs(right);
    if (span !== null) return new Date(left.getTime() - span);
  }
  if (op === "-" && timeSpanMs(left) !== null && timeSpanMs(right) !== null) return timeSpan(timeSpanMs(left)! - timeSpanMs(right)!);
  const a = toNumber(left);
  const b = toNumber(right, "System.Int32");
  switch (op) {
    case "-":
      return a - b;
    case "/":
      if (b === 0) throw new OperatorError("Attempted to divide by zero.");
      return a / b;
    default:
      if (b === 0) throw new OperatorError("Attempted to divide by zero.");
      return a % b;
  }
}

/** Compares two scalars the way PowerShell does: the right operand converted to the left one's kind. */
export function compare(left: unknown, right: unknown, caseSensitive: boolean): number {
  if (left instanceof NotedScalar) left = left.base;
  if (right instanceof NotedScalar) right = right.base;
  // A char compares with a number as its code (`[char]'a' -eq 97`), with anything else as text.
  if (typeof left === "number" || (left instanceof PSChar && typeof right === "number")) {
    const l = typeof left === "number" ? left : (left as PSChar).code;
    const r = toNumberOrNull(right);
    if (r !== null && right !== null) return l === r ? 0 : l < r ? -1 : 1;
  }
  if (left === null || left === undefined) return right === null || right === undefined ? 0 : -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === "boolean") return Number(left) - Number(toBool(right));
  if (left instanceof Date && right instanceof Date) return Math.sign(left.getTime() - right.getTime());
  let a = toStr(left);
  let b = toStr(right);
  if (!caseSensitive) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

function equals(left: unknown, right: unknown, caseSensitive: boolean): boolean {
  if (left instanceof NotedScalar) left = left.base;
  if (right instanceof NotedScalar) right = right.base;
  if (typeof left === "number" && typeof right === "string" && toNumberOrNull(right) === null) return false;
  if ((left === null) !== (right === null)) return false;
  return compare(left, right, caseSensitive) === 0;
}

/** `-like` wildcards (`*`, `?`, `[a-z]`) as an anchored regular expression. */
export function wildcardToRegExp(pattern: string, caseSensitive: boolean): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else if (ch === "[") {
      const close = pattern.indexOf("]", i);
      if (close > i) {
        source += "[" + pattern.slice(i + 1, close).replace(/\\/g, "\\\\") + "]";
        i = close;
      } else source += "\\[";
    } else if (ch === "`" && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseSensitive ? "" : "i");
}

/** Converts .NET regex syntax that JS lacks: named groups `(?<n>…)` are shared; inline `(?i)` is dropped. */
export function toRegExp(pattern: string, caseSensitive: boolean, global = false): RegExp {
  const source = pattern.replace(/^\(\?i\)/, "");
  return new RegExp(source, (caseSensitive ? "" : "i") + (global ? "g" : ""));
}

/** The result of `-match` on a scalar: whether it matched and the `$Matches` table. */
export function matchOne(left: unknown, pattern: unknown, caseSensitive: boolean): PSHashtable | null {
  const m = toRegExp(toStr(pattern), caseSensitive).exec(toStr(left));
  if (!m) return null;
  const table = new PSHashtable();
  m.forEach((group, i) => group !== undefined && table.set(i, group));
  for (const [name, group] of Object.entries(m.groups ?? {})) if (group !== undefined) table.set(name, group);
  return table;
}

/** A .NET replacement string for JS's String.replace: `$1` stays, `${name}` becomes `$<name>`, `$0` becomes `$&`. */
export function jsReplacement(replacement: string): string {
  return replacement.replace(/\$\{(\w+)\}/g, "$$<$1>").replace(/\$0/g, "$$&");
}

function replace(left: unknown, right: unknown, caseSensitive: boolean): string {
  const [pattern, replacement] = Array.isArray(right) ? [right[0], right[1] ?? ""] : [right, ""];
  return toStr(left).replace(toRegExp(toStr(pattern), caseSensitive, true), jsReplacement(toStr(replacement)));
}

function split(left: unknown, right: unknown, caseSensitive: boolean): string[] {
  const [pattern, limit] = Array.isArray(right) ? [right[0], toNumber(right[1])] : [right, 0];
  const parts = toStr(left).split(toRegExp(toStr(pattern), caseSensitive));
  if (limit > 0 && parts.length > limit) {
    const head = parts.slice(0, limit - 1);
    const re = toRegExp(toStr(pattern), caseSensitive, true);
    let rest = toStr(left);
    for (let i = 0; i < limit - 1; i++) {
      re.lastIndex = 0;
      const m = re.exec(rest);
      if (!m) break;
      rest = rest.slice(m.index + m[0].length);
    }
    return [...head, rest];
  }
  return parts;
}

/** `-f`: .NET composite formatting — `{0}`, `{0,5}`, `{0:N2}`, `{1:D3}`, `{0:X}`, `{0:P1}`. */
export function format(template: string, args: unknown[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (whole, index, align, spec) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    const value = args[Number(index)];
    // -f formats with the current culture (en-US): a date as `5/6/2021 1:14:15 PM`, or by its format string.
    const base = value instanceof NotedScalar ? value.base : value;
    let text = base instanceof Date ? (spec ? formatDate(base, spec) : cultureDate(base)) : spec ? formatSpec(value, spec) : toStr(value);
    if (align) {
      const width = Number(align);
      text = width < 0 ? text.padEnd(-width) : text.padStart(width);
    }
    return text;
  });
}

function formatSpec(value: unknown, spec: string): string {
  const kind = spec[0].toUpperCase();
  const digits = spec.length > 1 ? Number(spec.slice(1)) : undefined;
  const n = toNumberOrNull(value);
  if (n === null) return toStr(value);
  switch (kind) {
    case "N":
      return n.toLocaleString("en-US", { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 2 });
    case "F":
      return n.toFixed(digits ?? 2);
    case "D":
      return String(Math.trunc(n)).padStart(digits ?? 0, "0");
    case "X":
      return Math.trunc(n).toString(16)[spec[0] === "X" ? "toUpperCase" : "toLowerCase"]().padStart(digits ?? 0, "0");
    case "P":
      // en-US, the culture rsh reports (Get-Host): .NET writes "50.00%" there (" %" is the invariant culture's).
      return (n * 100).toFixed(digits ?? 2) + "%";
    case "C": {
      // en-US currency, as .NET 5+ writes it: `$1,234.50`, `-$3.00`.
      const amount = Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 2 });
      return (n < 0 ? "-$" : "$") + amount;
    }
    case "E": {
      // .NET's exponent has a sign and at least three digits: `1.23E+004`.
      const [mantissa, exponent] = n.toExponential(digits ?? 6).split("e");
      const power = Number(exponent);
      const text = `${mantissa}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(3, "0")}`;
      return spec[0] === "e" ? text.toLowerCase() : text;
    }
    case "G":
    case "R":
      return toStr(value);
    default:
      return /^[#0,.%]+$/.test(spec.replace(/^[^#0]*|[^#0]*$/g, "")) ? customNumber(n, spec) : toStr(value);
  }
}

/**
 * .NET's custom numeric format strings (`0.00`, `#,##0.0#`, `00`, `#.##%`): `0` a digit always written, `#` one
 * written when there is one, `,` between integer digits groups thousands, `%` multiplies by 100; text before the
 * first and after the last placeholder is kept as written.
 */
function customNumber(n: number, spec: string): string {
  const first = spec.search(/[#0]/);
  const last = Math.max(spec.lastIndexOf("#"), spec.lastIndexOf("0"));
  const prefix = spec.slice(0, first), suffix = spec.slice(last + 1), body = spec.slice(first, last + 1);
  const value = (prefix + suffix).includes("%") || body.includes("%") ? n * 100 : n;
  const [whole, fraction = ""] = body.replace(/%/g, "").split(".");
  const minDecimals = (/^0*/.exec(fraction)?.[0] ?? "").length;
  const maxDecimals = fraction.replace(/[^#0]/g, "").length;
  let [digits, decimals = ""] = Math.abs(value).toFixed(maxDecimals).split(".");
  while (decimals.length > minDecimals && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  const minInteger = whole.replace(/[^0]/g, "").length;
  if (digits === "0" && minInteger === 0) digits = "";
  digits = digits.padStart(minInteger, "0");
  if (whole.includes(",")) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = value < 0 && /[1-9]/.test(digits + decimals);
  return `${negative ? "-" : ""}${prefix}${digits}${decimals ? "." + decimals : ""}${suffix}`;
}

/** The most elements `a..b` builds as an array; a pipeline or foreach over a range enumerates it lazily instead. */
export const MAX_RANGE_ARRAY = 10_000_000;

/** The bounds of `a..b` (integers, as PowerShell converts them). */
export function rangeBounds(left: unknown, right: unknown): [number, number] {
  return [Math.trunc(toNumber(convertTo(left, "int"))), Math.trunc(toNumber(convertTo(right, "int")))];
}

/**
 * `'a'..'e'`: two one-character strings that are not digits make a range of characters (PowerShell 7); null for
 * anything else.
 */
export function charRange(left: unknown, right: unknown): PSChar[] | null {
  // [char] operands always make characters; strings do when they are one character that is not a digit.
  const code = (v: unknown) => v instanceof PSChar ? v.code : typeof v === "string" && v.length === 1 && !/\d/.test(v) ? v.charCodeAt(0) : -1;
  const from = code(left), to = code(right);
  if (from < 0 || to < 0) return null;
  const step = from <= to ? 1 : -1;
  const out: PSChar[] = [];
  for (let c = from; ; c += step) {
    out.push(new PSChar(c));
    if (c === to) return out;
  }
}

function range(left: unknown, right: unknown): unknown[] {
  const chars = charRange(left, right);
  if (chars) return chars;
  const [from, to] = rangeBounds(left, right);
  const size = Math.abs(to - from) + 1;
  if (size > MAX_RANGE_ARRAY) {
    throw new OperatorError(
      `The range ${from}..${to} has ${size} elements, more than rsh builds as an array (${MAX_RANGE_ARRAY}); ` +
        "enumerate it in a pipeline or a foreach loop instead, which never builds it.",
    );
  }
  const out: number[] = [];
  if (from <= to) for (let i = from; i <= to; i++) out.push(i);
  else for (let i = from; i >= to; i--) out.push(i);
  return out;
}

/** `-ceq` → `-eq`, case-sensitive; `-ieq` → `-eq` (a table: this runs for every comparison). */
const CASE_FORMS = new Map<string, [string, boolean]>(
  ["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains", "in", "notin", "replace", "split"]
    .flatMap((base) => [[`-c${base}`, [`-${base}`, true]], [`-i${base}`, [`-${base}`, false]]] as [string, [string, boolean]][]),
);

/** Applies a binary operator (not `-and`, `-or`, `??`, which the evaluator short-circuits). */
export function binary(operator: string, left: unknown, right: unknown, onMatch?: (m: PSHashtable) => void): unknown {
  // -is and -isnot ask about the value itself (a location is a PathInfo, not a string); the rest use its base.
  if (left instanceof NotedScalar && operator !== "-is" && operator !== "-isnot") left = left.base;
  if (right instanceof NotedScalar) right = right.base;
  const form = CASE_FORMS.get(operator);
  const op = form ? form[0] : operator;
  const caseSensitive = form ? form[1] : false;
  switch (op) {
    case "+":
      return add(left, right);
    case "*":
      return multiply(left, right);
    case "-":
    case "/":
    case "%":
      return arithmetic(op, left, right);
    case "..":
      return range(left, right);
    case "-f":
      return format(toStr(left), Array.isArray(right) ? right : [right]);
    case "-eq":
    case "-ne":
    case "-gt":
    case "-ge":
    case "-lt":
    case "-le":
    case "-like":
    case "-notlike":
    case "-match":
    case "-notmatch": {
      const test = (item: unknown): boolean => {
        switch (op) {
          case "-eq": return equals(item, right, caseSensitive);
          case "-ne": return !equals(item, right, caseSensitive);
          case "-gt": return compare(item, right, caseSensitive) > 0;
          case "-ge": return compare(item, right, caseSensitive) >= 0;
          case "-lt": return compare(item, right, caseSensitive) < 0;
          case "-le": return compare(item, right, caseSensitive) <= 0;
          case "-like": return wildcardToRegExp(toStr(right), caseSensitive).test(toStr(item));
          case "-notlike": return !wildcardToRegExp(toStr(right), caseSensitive).test(toStr(item));
          default: {
            const m = matchOne(item, right, caseSensitive);
            if (m && !Array.isArray(left)) onMatch?.(m);
            return op === "-match" ? m !== null : m === null;
          }
        }
      };
      return Array.isArray(left) ? left.filter(test) : test(left);
    }
    case "-contains":
      return enumerate(left).some((item) => equals(item, right, caseSensitive));
    case "-notcontains":
      return !enumerate(left).some((item) => equals(item, right, caseSensitive));
    case "-in":
      return enumerate(right).some((item) => equals(item, left, caseSensitive));
    case "-notin":
      return !enumerate(right).some((item) => equals(item, left, caseSensitive));
    case "-replace":
      return Array.isArray(left) ? left.map((item) => replace(item, right, caseSensitive)) : replace(left, right, caseSensitive);
    case "-split":
      return enumerate(left).flatMap((item) => split(item, right, caseSensitive));
    case "-join":
      return enumerate(left).map(toStr).join(toStr(right));
    case "-xor":
      return toBool(left) !== toBool(right);
    case "-band":
      return toNumber(left) & toNumber(right);
    case "-bor":
      return toNumber(left) | toNumber(right);
    case "-bxor":
      return toNumber(left) ^ toNumber(right);
    case "-shl":
      return toNumber(left) << toNumber(right);
    case "-shr":
      return toNumber(left) >> toNumber(right);
    case "-is":
    case "-isnot": {
      const result = isOfType(left, String(right));
      return op === "-is" ? result : !result;
    }
    case "-as":
      try {
        return convertTo(left, String(right));
      } catch (e) {
        if (e instanceof ConversionError) return null;
        throw e;
      }
    default:
      throw new OperatorError(`The operator '${operator}' is not supported.`);
  }
}

/** Applies a prefix unary operator (`++`/`--` are assignments, handled by the evaluator). */
export function unary(operator: string, operand: unknown): unknown {
  switch (operator) {
    case "-not":
    case "!":
      return !toBool(operand);
    case "-bnot":
      return ~toNumber(operand);
    case "-":
      return -toNumber(operand);
    case "+":
      return toNumber(operand);
    case "-split":
    case "-isplit":
    case "-csplit":
      return enumerate(operand).flatMap((item) => toStr(item).trim().split(/\s+/).filter((s) => s !== ""));
    case "-join":
      return enumerate(operand).map(toStr).join("");
    default:
      throw new OperatorError(`The unary operator '${operator}' is not supported.`);
  }
}
