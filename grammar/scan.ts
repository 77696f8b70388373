/**
 * Character-level scanners for the tokenizer: each takes the text and an offset and returns the offset where its
 * construct ends, or -1 when none starts there. They replace the sticky regexes the token rules ran per token (an
 * exec, a match array and a substring each time) and keep their exact semantics — JavaScript's `\s`, `\w` and `.`
 * classes, the regex alternatives' order — which the comment on each function spells out as the regex it stands for.
 */

const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32, BACKTICK = 96;

/** JavaScript's `\s` (what the bareword and argument-end patterns stop at). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= TAB && c <= CR);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\w`. */
export function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `[A-Za-z_]`. */
export function isNameStart(c: number): boolean {
  return isLetter(c) || c === 95;
}

function isLineTerminator(c: number): boolean {
  return c === LF || c === CR || c === 0x2028 || c === 0x2029;
}

/** ASCII characters that end a bareword (besides `\s`): `| ; & ( ) { } , < > ' "`. */
const BAREWORD_STOP = new Uint8Array(128);
for (const ch of "|;&(){},<>'\"") BAREWORD_STOP[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) if (isSpace(c)) BAREWORD_STOP[c] = 1;

/** `[\s|;&(){},<>]`: what may follow a number or `--` in an argument. */
export function isArgumentEnd(c: number): boolean {
  return c < 128 ? BAREWORD_STOP[c] === 1 && c !== 39 && c !== 34 : isSpace(c);
}

/** `(?:[^\s|;&(){},<>'"`]|`[\s\S])+`: a bareword's characters; a backtick escapes the next code unit. */
export function scanBareword(text: string, offset: number): number {
  const length = text.length;
  let i = offset;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === BACKTICK) {
      if (i + 1 >= length) break;
      i += 2;
    } else if (c < 128 ? BAREWORD_STOP[c] === 1 : isSpace(c)) break;
    else i++;
  }
  return i > offset ? i : -1;
}

/** `[A-Za-z_]\w*`, or `[A-Za-z_][\w-]*` when `dashes` (hash keys and switch clauses). */
export function scanIdentifier(text: string, offset: number, dashes: boolean): number {
  if (!isNameStart(text.charCodeAt(offset))) return -1;
  let i = offset + 1;
  for (let c = text.charCodeAt(i); isWord(c) || (dashes && c === 45); c = text.charCodeAt(++i));
  return i;
}

/** `[A-Za-z]+`. */
export function scanLetters(text: string, offset: number): number {
  let i = offset;
  while (isLetter(text.charCodeAt(i))) i++;
  return i > offset ? i : -1;
}

/** `(?:[ \t\f\v\u00a0\ufeff]|`(?:\r\n|\n|\r))+`: blanks and line continuations. */
export function scanWhitespace(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === FF || c === VT || c === 0xa0 || c === 0xfeff) i++;
    else if (c === BACKTICK) {
      const next = text.charCodeAt(i + 1);
      if (next === CR) i += text.charCodeAt(i + 2) === LF ? 3 : 2;
      else if (next === LF) i += 2;
      else break;
    } else break;
  }
  return i > offset ? i : -1;
}

/** `[ \t]*(?:`?(?:\r\n|\n|\r)[ \t]*)*`: the blanks and (continued) line breaks between a keyword and its `(` / `{`. */
export function skipBlankLines(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    let c = text.charCodeAt(i);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    const at = c === BACKTICK ? i + 1 : i;
    const b = text.charCodeAt(at);
    if (b === LF) i = at + 1;
    else if (b === CR) i = text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    else return i;
  }
}

/** `#[^\r\n]*`: a line comment. */
export function scanLineComment(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 35) return -1;
  let i = offset + 1;
  for (let c = text.charCodeAt(i); i < text.length && c !== LF && c !== CR; c = text.charCodeAt(++i));
  return i;
}

/**
 * A number: `[-+]?` (when `signed`) then `0[xX][0-9a-fA-F]+[lL]?`, `0[bB][01]+[lL]?` or
 * `(?:\d+\.\d+|\.\d+|\d+)(?:[eE][+-]?\d+)?[lLdD]?`, then an optional `[kKmMgGtTpP][bB]` multiplier.
 */
export function scanNumber(text: string, offset: number, signed: boolean): number {
  let i = offset;
  let c = text.charCodeAt(i);
  if (signed && (c === 43 || c === 45)) c = text.charCodeAt(++i);
  if (c === 48) {
    const kind = text.charCodeAt(i + 1) | 0x20;
    if (kind === 120 && isHex(text.charCodeAt(i + 2))) {
      i += 3;
      while (isHex(text.charCodeAt(i))) i++;
      if ((text.charCodeAt(i) | 0x20) === 108) i++;
      return multiplier(text, i);
    }
    if (kind === 98 && isBinary(text.charCodeAt(i + 2))) {
      i += 3;
      while (isBinary(text.charCodeAt(i))) i++;
      if ((text.charCodeAt(i) | 0x20) === 108) i++;
      return multiplier(text, i);
    }
  }
  if (isDigit(c)) {
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) i = digits(text, i + 1);
  } else if (c === 46 && isDigit(text.charCodeAt(i + 1))) i = digits(text, i + 1);
  else return -1;
  if ((text.charCodeAt(i) | 0x20) === 101) {
    let e = i + 1;
    const sign = text.charCodeAt(e);
    if (sign === 43 || sign === 45) e++;
    if (isDigit(text.charCodeAt(e))) i = digits(text, e);
  }
  const suffix = text.charCodeAt(i) | 0x20;
  if (suffix === 108 || suffix === 100) i++;
  return multiplier(text, i);
}

function digits(text: string, offset: number): number {
  let i = offset;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function isHex(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102 && c < 128);
}

function isBinary(c: number): boolean {
  return c === 48 || c === 49;
}

/** `(?:[kKmMgGtTpP][bB])?` at `offset`. */
function multiplier(text: string, offset: number): number {
  const m = text.charCodeAt(offset) | 0x20;
  const isMultiplier = m === 107 || m === 109 || m === 103 || m === 116 || m === 112;
  return isMultiplier && (text.charCodeAt(offset + 1) | 0x20) === 98 ? offset + 2 : offset;
}

/** `\$(?:\{(?:[^}`]|`.)*\}|[A-Za-z_]\w*(?::[A-Za-z_\d]\w*)?|\d+|[$?^])`. */
export function scanVariable(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 36) return -1;
  const i = offset + 1;
  const c = text.charCodeAt(i);
  if (c === 123) {
    for (let j = i + 1; j < text.length;) {
      const d = text.charCodeAt(j);
      if (d === 125) return j + 1;
      if (d !== BACKTICK) j++;
      else if (j + 1 < text.length && !isLineTerminator(text.charCodeAt(j + 1))) j += 2;
      else return -1;
    }
    return -1;
  }
  if (isNameStart(c)) {
    let j = i + 1;
    while (isWord(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 58 && isWord(text.charCodeAt(j + 1))) {
      j += 2;
      while (isWord(text.charCodeAt(j))) j++;
    }
    return j;
  }
  if (isDigit(c)) return digits(text, i);
  return c === 36 || c === 63 || c === 94 ? i + 1 : -1;
}

/** `@[A-Za-z_\d]\w*`. */
export function scanSplat(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 64 || !isWord(text.charCodeAt(offset + 1))) return -1;
  let j = offset + 2;
  while (isWord(text.charCodeAt(j))) j++;
  return j;
}

/** `(?:[1-6*])?>>?(?:&[12])?` (the pattern's other alternative never matches where this one fails). */
export function scanRedirection(text: string, offset: number): number {
  let i = offset;
  const c = text.charCodeAt(i);
  if ((c >= 49 && c <= 54) || c === 42) i++;
  if (text.charCodeAt(i) !== 62) return -1;
  i++;
  if (text.charCodeAt(i) === 62) i++;
  if (text.charCodeAt(i) === 38) {
    const n = text.charCodeAt(i + 1);
    if (n === 49 || n === 50) i += 2;
  }
  return i;
}

/** `-[A-Za-z]+(?![\w-])`: a word that may be a dash operator. */
export function scanDashWord(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 45) return -1;
  const end = scanLetters(text, offset + 1);
  if (end < 0) return -1;
  const next = text.charCodeAt(end);
  return isWord(next) || next === 45 ? -1 : end;
}

/** `-[A-Za-z_?][\w-]*:?`: a parameter name. */
export function scanParameter(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 45) return -1;
  const c = text.charCodeAt(offset + 1);
  if (!isNameStart(c) && c !== 63) return -1;
  let i = offset + 2;
  for (let d = text.charCodeAt(i); isWord(d) || d === 45; d = text.charCodeAt(++i));
  return text.charCodeAt(i) === 58 ? i + 1 : i;
}

/** `:[A-Za-z_]\w*`: a loop label. */
export function scanLabel(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 58) return -1;
  return scanIdentifier(text, offset + 1, false);
}

// ------------------------------------------------------------------ quoted strings

/** Length of a double-quoted string starting at `offset`, or -1 when it never closes; skips `$( … )` bodies. */
export function scanDoubleQuoted(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 34) return -1;
  let i = offset + 1;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === BACKTICK) i += 2;
    else if (c === 34) {
      if (text.charCodeAt(i + 1) === 34) i += 2;
      else return i + 1 - offset;
    } else if (c === 36 && text.charCodeAt(i + 1) === 40) {
      const end = scanBalanced(text, i + 1);
      if (end < 0) return -1;
      i = end;
    } else i++;
  }
  return -1;
}

/** Given `(` at `open`, returns the offset after its matching `)`, skipping strings and comments; -1 if none. */
export function scanBalanced(text: string, open: number): number {
  let depth = 0;
  let i = open;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === 34) {
      const n = scanDoubleQuoted(text, i);
      if (n < 0) return -1;
      i += n;
      continue;
    } else if (c === 39) {
      const n = scanSingleQuoted(text, i);
      if (n < 0) return -1;
      i += n;
      continue;
    } else if (c === BACKTICK) i++;
    i++;
  }
  return -1;
}

/** Length of a single-quoted string starting at `offset`, or -1 when it never closes. */
export function scanSingleQuoted(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 39) return -1;
  let i = offset + 1;
  const length = text.length;
  while (i < length) {
    if (text.charCodeAt(i) === 39) {
      if (text.charCodeAt(i + 1) === 39) i += 2;
      else return i + 1 - offset;
    } else i++;
  }
  return -1;
}

/**
 * Length of a here-string at `offset`: -2 when no `@'`/`@"` + line break opens one there, -1 when it never closes.
 * It opens with `@["'][ \t]*(?:\r\n|\n|\r)` and closes at the first line break followed by the quote and `@`, searched
 * from the opening line break's last character.
 */
export function scanHereString(text: string, offset: number): number {
  const quote = text.charCodeAt(offset + 1);
  if (text.charCodeAt(offset) !== 64 || (quote !== 39 && quote !== 34)) return -2;
  let i = offset + 2;
  for (let c = text.charCodeAt(i); c === SPACE || c === TAB; c = text.charCodeAt(++i));
  const c = text.charCodeAt(i);
  if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
  else if (c === LF) i++;
  else return -2;
  const from = i - 1;
  const closing = quote === 39 ? "'@" : '"@';
  for (let at = text.indexOf(closing, from + 1); at >= 0; at = text.indexOf(closing, at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === LF || before === CR) return at + 2 - offset;
  }
  return -1;
}
