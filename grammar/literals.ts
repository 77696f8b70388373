/**
 * Number and string literals: PowerShell's number forms (hex, exponents, `l`/`d` suffixes, `kb`…`pb` multipliers)
 * and the contents of quoted strings (backtick escapes, `''`/`""` doubling, `$var` and `$( … )` in expandable ones).
 */
import type { NumberType } from "./ast.ts";
import { scanBalanced } from "./tokens.ts";

const MULTIPLIERS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };
const INT32_MAX = 2147483647;
const INT64_MAX = 9223372036854775807;

/** The value and PowerShell type of a number literal (`text` may carry a leading sign in argument mode). */
export function parseNumber(text: string): { value: number; numberType: NumberType } {
  let body = text;
  let sign = 1;
  if (body[0] === "-" || body[0] === "+") {
    if (body[0] === "-") sign = -1;
    body = body.slice(1);
  }
  let multiplier = 1;
  const tail = body.slice(-2).toLowerCase();
  // k, m, g, t and p are no hex digits, so a two-letter multiplier tail is never part of the number.
  if (MULTIPLIERS[tail]) {
    multiplier = MULTIPLIERS[tail];
    body = body.slice(0, -2);
  }
  let suffix = "";
  // PowerShell 7's binary literals (`0b1010`), typed like hex ones.
  if (/^0b/i.test(body)) {
    if (/l$/i.test(body)) {
      suffix = "l";
      body = body.slice(0, -1);
    }
    const value = parseInt(body.slice(2), 2) * multiplier * sign;
    return { value, numberType: suffix === "l" || Math.abs(value) > INT32_MAX ? "long" : "int" };
  }
  if (/^0x/i.test(body)) {
    if (/l$/i.test(body)) {
      suffix = "l";
      body = body.slice(0, -1);
    }
    const value = parseInt(body.slice(2), 16) * multiplier * sign;
    return { value, numberType: suffix === "l" || Math.abs(value) > INT32_MAX ? "long" : "int" };
  }
  if (/[ld]$/i.test(body)) {
    suffix = body.slice(-1).toLowerCase();
    body = body.slice(0, -1);
  }
  const value = Number(body) * multiplier * sign;
  const real = /[.e]/i.test(body);
  if (suffix === "d") return { value, numberType: "decimal" };
  if (suffix === "l") return { value, numberType: "long" };
  if (real) {
    // `1.5kb` is a double; an integral real with a multiplier stays a double as in PowerShell.
    return { value, numberType: "double" };
  }
  if (Math.abs(value) <= INT32_MAX) return { value, numberType: "int" };
  if (Math.abs(value) <= INT64_MAX) return { value, numberType: "long" };
  return { value, numberType: "double" };
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};

/** Applies PowerShell's backtick escapes (`` `n ``, `` `t ``, `` `u{1F600} ``, `` `$ `` …). */
export function unescapeBackticks(text: string): string {
  if (!text.includes("`")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "`" || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === "u" && text[i + 1] === "{") {
      const close = text.indexOf("}", i);
      if (close > 0) {
        out += String.fromCodePoint(parseInt(text.slice(i + 2, close), 16));
        i = close;
        continue;
      }
    }
    out += ESCAPES[next] ?? next;
  }
  return out;
}

/** A piece of an expandable string: literal text, a variable reference, or a `$( … )` subexpression. */
export type StringSegment =
  | { kind: "text"; text: string }
  | { kind: "variable"; image: string; offset: number }
  | { kind: "subexpression"; start: number; end: number };

const STRING_VARIABLE = /\$(?:\{(?:[^}`]|`.)*\}|[A-Za-z_][\w]*(?::[A-Za-z_\d][\w]*)?|[$?^])/y;

/**
 * Splits the body of an expandable string (text between the quotes, at `base` in the source) into segments.
 * `doubled` is the quote character whose doubling means one (`""` in double-quoted strings).
 */
export function splitExpandable(source: string, start: number, end: number, doubled: string | null): StringSegment[] {
  const segments: StringSegment[] = [];
  let text = "";
  let i = start;
  const flush = () => {
    if (text) segments.push({ kind: "text", text: unescapeBackticks(text) });
    text = "";
  };
  while (i < end) {
    const ch = source[i];
    if (ch === "`" && i + 1 < end) {
      text += source.slice(i, i + 2);
      i += 2;
    } else if (doubled !== null && ch === doubled && source[i + 1] === doubled) {
      text += ch;
      i += 2;
    } else if (ch === "$" && source[i + 1] === "(") {
      const close = scanBalanced(source, i + 1);
      flush();
      segments.push({ kind: "subexpression", start: i + 2, end: close < 0 ? end : close - 1 });
      i = close < 0 ? end : close;
    } else if (ch === "$") {
      STRING_VARIABLE.lastIndex = i;
      const m = STRING_VARIABLE.exec(source);
      if (m && i + m[0].length <= end) {
        flush();
        segments.push({ kind: "variable", image: m[0], offset: i });
        i += m[0].length;
      } else {
        text += ch;
        i++;
      }
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return segments;
}

/** Name and qualifier of a variable token image (`$global:x`, `${a b}`, `@splat`). */
export function variableName(image: string): { name: string; qualifier: string | null } {
  let body = image.slice(1);
  if (body.startsWith("{")) body = unescapeBackticks(body.slice(1, -1));
  const colon = body.indexOf(":");
  if (colon > 0 && !image.startsWith("${")) {
    return { qualifier: body.slice(0, colon).toLowerCase(), name: body.slice(colon + 1) };
  }
  if (colon > 0 && /^[A-Za-z]+:/.test(body)) {
    return { qualifier: body.slice(0, colon).toLowerCase(), name: body.slice(colon + 1) };
  }
  return { qualifier: null, name: body };
}
