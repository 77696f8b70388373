/**
 * The mode-dependent token patterns: given the text, an offset and the mode there (from the tracker), where the token
 * ends, or -1. The token rules of tokens.ts wrap them for the ordered rule list; the fast path (fast_path.ts) calls
 * them directly once it has picked the rules a character can start, so both read the same logic.
 */
import { Mode, ModeTracker } from "./modes.ts";
import {
  isArgumentEnd,
  isLetter,
  isNameStart,
  isSpace,
  scanBareword,
  scanDashWord,
  scanIdentifier,
  scanLabel,
  scanNumber,
  scanParameter,
  scanRedirection,
  skipBlankLines,
} from "./scan.ts";

export const tracker = new ModeTracker();

export const isCommandMode = (mode: Mode) => mode === Mode.CommandArgs;
export const isStatementStart = (mode: Mode) => mode === Mode.Start || mode === Mode.CommandStart;

/** Names the lexer must not read as indexable values: `[int][0]` is no index, `$a [0]` is no index. */
const INDEXABLE = new Set(["Variable", "DoubleQuoted", "SingleQuoted", "HereString", "RParen", "RBracket", "RBrace",
  "Identifier"]);

/** Whether the previous token is a value that `[` or `.` right after it indexes or reads a member of. */
export function indexable(offset: number): boolean {
  const last = tracker.lastType;
  return last !== undefined && tracker.adjacent(offset) && INDEXABLE.has(last.name) && !tracker.closedType;
}

// ------------------------------------------------------------------ redirections and numbers

export function redirectionAt(text: string, offset: number, mode: Mode): number {
  if (mode === Mode.Member) return -1;
  if (text.charCodeAt(offset) !== 62 && text.charCodeAt(offset + 1) !== 62) return -1;
  return scanRedirection(text, offset);
}

export function numberAt(text: string, offset: number, mode: Mode): number {
  if (mode === Mode.Member || mode === Mode.FunctionName || mode === Mode.CommandName) return -1;
  if (isCommandMode(mode)) {
    // `Write-Output 2-1` passes the string "2-1": in argument mode a number must end where the argument ends.
    const end = scanNumber(text, offset, true);
    return end < 0 || end >= text.length || isArgumentEnd(text.charCodeAt(end)) ? end : -1;
  }
  const end = scanNumber(text, offset, false);
  // At a statement start, `7z` is a command name, not a number.
  if (end >= 0 && isStatementStart(mode) && isNameStart(text.charCodeAt(end))) return -1;
  return end;
}

// ------------------------------------------------------------------ dash words: operators and parameters

/** Lower-cased operator names (without the dash) that only have a unary form. */
const UNARY_ONLY = new Set(["not", "bnot"]);
const COMPARISONS = ["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains",
  "notcontains", "in", "notin", "replace", "split", "join"];
/** Every dash operator rsh knows, lower-cased without the dash. */
export const DASH_OPERATORS: ReadonlySet<string> = new Set([
  ...COMPARISONS,
  ...COMPARISONS.flatMap((op) => ["c" + op, "i" + op]),
  "and", "or", "xor", "not", "band", "bor", "bxor", "bnot", "shl", "shr", "is", "isnot", "as", "f",
]);

/** The dash operators by name length, so a dash word is compared with a few names and never copied. */
const DASH_OPERATORS_BY_LENGTH: string[][] = [];
for (const name of DASH_OPERATORS) (DASH_OPERATORS_BY_LENGTH[name.length] ??= []).push(name);

/** Whether the text at `offset` spells `word` (lower-case letters) in any case. */
function spells(text: string, offset: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(offset + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** The end of a dash operator at `offset` (`unary` tells whether it only has a unary form), or -1. */
export function dashOperatorAt(text: string, offset: number, mode: Mode, unary: boolean): number {
  if (isCommandMode(mode) || mode === Mode.SwitchKeyword || mode === Mode.Member) return -1;
  const end = scanDashWord(text, offset);
  const names = end < 0 ? undefined : DASH_OPERATORS_BY_LENGTH[end - offset - 1];
  if (names === undefined) return -1;
  for (const name of names) if (spells(text, offset + 1, name)) return UNARY_ONLY.has(name) === unary ? end : -1;
  return -1;
}

export function endOfParametersAt(text: string, offset: number, mode: Mode): number {
  if (!isCommandMode(mode) || tracker.noParameters) return -1;
  if (text.charCodeAt(offset) !== 45 || text.charCodeAt(offset + 1) !== 45) return -1;
  return offset + 2 >= text.length || isArgumentEnd(text.charCodeAt(offset + 2)) ? offset + 2 : -1;
}

export function parameterAt(text: string, offset: number, mode: Mode): number {
  if (mode === Mode.Member || mode === Mode.FunctionName) return -1;
  if (isCommandMode(mode) && tracker.noParameters) return -1;
  // Outside command mode a dash word that is no operator is still a parameter token, which the parser then reports.
  return scanParameter(text, offset);
}

// ------------------------------------------------------------------ barewords: keywords, command names, arguments

/** `[\s(){};|&,]` or the end of the text: what may follow a keyword. */
function endsWord(text: string, offset: number): boolean {
  if (offset >= text.length) return true;
  const c = text.charCodeAt(offset);
  return isSpace(c) || c === 40 || c === 41 || c === 123 || c === 125 || c === 59 || c === 124 || c === 38 || c === 44;
}

/**
 * The end of keyword `word` (lower case) at `offset`, spelt in any case and followed by no letter (what may follow it
 * is no letter); `followedBy` is the character it must come before.
 */
export function keywordAt(text: string, offset: number, mode: Mode, word: string, followedBy: string): number {
  // `[CmdletBinding()] param(…)` on one line: an attribute that just closed may precede `param`.
  const afterAttribute = word === "param" && mode === Mode.Expression && tracker.closedType;
  if (mode !== Mode.Start && mode !== Mode.Keyword && !afterAttribute) return -1;
  const end = offset + word.length;
  if (!spells(text, offset, word) || !endsWord(text, end)) return -1;
  // `param`, `begin`, `process`, `end` are keywords only before their `(` / `{`.
  if (followedBy !== "" && text[skipBlankLines(text, end)] !== followedBy) return -1;
  return end;
}

export function commandNameAt(text: string, offset: number, mode: Mode): number {
  if (!isStatementStart(mode) && mode !== Mode.CommandName && mode !== Mode.FunctionName) return -1;
  const c = text.charCodeAt(offset);
  // `[A-Za-z_.\\/~%?*:\d\u0080-\uffff]`
  const starts = isLetter(c) || (c >= 48 && c <= 58) || c >= 128 || c === 95 || c === 46 || c === 92 || c === 47 ||
    c === 126 || c === 37 || c === 63 || c === 42;
  if (!starts) return -1;
  // A lone `.` before a space or a quote is the dot-source operator (`. ./lib.rsh`, `. 'path'`), not a command.
  if (c === 46) {
    const next = text.charCodeAt(offset + 1);
    if (next === 32 || next === 9 || next === 123 || next === 36 || next === 39 || next === 34) return -1;
    if (next === 40) return -1;
  }
  return scanBareword(text, offset);
}

export function genericArgumentAt(text: string, offset: number, mode: Mode): number {
  if (!isCommandMode(mode)) return -1;
  const c = text.charCodeAt(offset);
  // `[^\s|;&(){},<>'"#]` or a backtick.
  if (c === 35 || (c < 128 ? isArgumentEnd(c) || c === 39 || c === 34 : isSpace(c))) return -1;
  if (c === 64) {
    // `@(`, `@{`, `@"`, `@'` and splats start no argument: `[({"'\w]`.
    const next = text.charCodeAt(offset + 1);
    if (next === 40 || next === 123 || next === 34 || next === 39 || isNameStart(next) || (next >= 48 && next <= 57)) {
      return -1;
    }
  }
  // `$a[0]` and `$a.b` in an argument index and read members of the value they follow.
  if ((c === 91 || c === 46) && indexable(offset)) return -1;
  return scanBareword(text, offset);
}

export function identifierAt(text: string, offset: number, mode: Mode): number {
  if (mode === Mode.HashKey || mode === Mode.SwitchClause) return scanIdentifier(text, offset, true);
  if (isStatementStart(mode) || isCommandMode(mode) || mode === Mode.CommandName || mode === Mode.FunctionName) {
    return -1;
  }
  return scanIdentifier(text, offset, false);
}

export function loopLabelAt(text: string, offset: number, mode: Mode): number {
  return mode === Mode.Start ? scanLabel(text, offset) : -1;
}

// ------------------------------------------------------------------ brackets and dots

const TYPE_NAME = /\[[ \t]*[A-Za-z_][\w.`]*(?:\[(?:[^\[\]\r\n]|\[[^\[\]\r\n]*\])*\])*(?=[ \t]*[\](])/y;

export function typeOpenAt(text: string, offset: number, mode: Mode): number {
  if (isCommandMode(mode) || mode === Mode.Member || mode === Mode.CommandName || mode === Mode.FunctionName) {
    return -1;
  }
  if (indexable(offset)) return -1;
  TYPE_NAME.lastIndex = offset;
  return TYPE_NAME.test(text) ? TYPE_NAME.lastIndex : -1;
}

/** `.` that reads a member: right after a value, with no space (`$a.b`, `(1).x`, `'s'.Length`). */
export function memberDotAt(text: string, offset: number, mode: Mode): number {
  if (text.charCodeAt(offset) !== 46 || text.charCodeAt(offset + 1) === 46) return -1;
  if (mode !== Mode.Expression && mode !== Mode.CommandArgs && mode !== Mode.Member) return -1;
  const last = tracker.lastType;
  if (last === undefined || !tracker.adjacent(offset) || !INDEXABLE.has(last.name)) return -1;
  if (mode !== Mode.CommandArgs) return offset + 1;
  // In an expression `$x.` with no name is still a member access (the parser then reports the missing name).
  const next = text.charCodeAt(offset + 1);
  return isNameStart(next) || next === 39 || next === 34 || next === 36 || next === 40 ? offset + 1 : -1;
}

export function dotSourceAt(text: string, offset: number, mode: Mode): number {
  if (!isStatementStart(mode) || text.charCodeAt(offset) !== 46) return -1;
  // `[\s{$'"(]` but no line break; a `.` that ends the text is one too.
  if (offset + 1 >= text.length) return offset + 1;
  const next = text.charCodeAt(offset + 1);
  if (next === 10 || next === 13) return -1;
  return isSpace(next) || next === 123 || next === 36 || next === 39 || next === 34 || next === 40 ? offset + 1 : -1;
}

/** Starts the tracker over for a new text. */
export function resetMatchers(): void {
  tracker.reset();
}
