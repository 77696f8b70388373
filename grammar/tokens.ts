/**
 * rsh's tokens: chevrotain token types (what the parser consumes) with the rules that recognise them (run by the
 * tokenizer in lexer.ts). Mode-dependent tokens are custom matchers that ask the ModeTracker what the current position
 * means (command mode vs expression mode, see modes.ts). Tokens are grouped by family and made by one small factory;
 * order matters only where two patterns can match the same text, and is noted there.
 */
import { createToken, type IToken, type TokenType } from "chevrotain";
import { type Matcher, RshLexer, type TokenRule } from "./lexer.ts";
import { Effect, Mode, ModeTracker, type TrackedTokenType } from "./modes.ts";

export const tracker = new ModeTracker();

interface TokenOptions {
  effect?: Effect;
  keywordMode?: Mode;
  /** The characters a match can start with (a regex's first character when not given). */
  hint?: string[];
  lineBreaks?: boolean;
  skipped?: boolean;
  categories?: TokenType[];
}

/** Each lexed token type's rule, by type. */
const rules = new Map<TokenType, TokenRule>();

/** A category: a token type that no rule produces, which the parser matches for any of its members. */
function category(name: string): TokenType {
  return createToken({ name });
}

function token(name: string, pattern: RegExp | Matcher, options: TokenOptions = {}): TokenType {
  // chevrotain treats a key that is present but undefined as set, so only defined options are passed.
  const config: Record<string, unknown> = { name };
  if (options.categories) config.categories = options.categories;
  const type = createToken(config as never) as TrackedTokenType;
  type.effect = options.effect;
  type.keywordMode = options.keywordMode;
  let first = options.hint;
  let compiled: TokenRule["pattern"] = pattern;
  if (pattern instanceof RegExp) {
    const source = pattern.source;
    const char = source[0] === "\\" ? source[1] : source[0];
    first ??= [char];
    // A one-character pattern is compared by character code.
    if (source.length === 1 || (source.length === 2 && source[0] === "\\" && !/\w/.test(char))) compiled = char;
  }
  rules.set(type, { type, pattern: compiled, first: first!, skipped: options.skipped ?? false, lineBreaks: options.lineBreaks ?? false });
  return type;
}

/** Runs a sticky regex at `offset`. */
function stick(re: RegExp, text: string, offset: number): string | null {
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m[0] : null;
}

const isCommandMode = (mode: Mode) => mode === Mode.CommandArgs;
const isStatementStart = (mode: Mode) => mode === Mode.Start || mode === Mode.CommandStart;
const LETTER_HINT = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"];
const DIGIT_HINT = [..."0123456789"];
/** Makes a token eligible for every character from 128 up (names may be written in any script; see lexer.ts). */
const NON_ASCII_HINT = ["\u0080"];

// ------------------------------------------------------------------ categories

export const Operator = category("Operator");
/** Binary operators resolved by precedence in the parser. */
export const BinaryOperator = category("BinaryOperator");
export const AssignmentOperator = category("AssignmentOperator");
export const StringToken = category("StringToken");
export const Keyword = category("Keyword");

// ------------------------------------------------------------------ trivia and separators

export const NewLine = token("NewLine", /\r\n|\n|\r/, { effect: Effect.StatementEnd, lineBreaks: true, hint: ["\r", "\n"] });
export const WhiteSpace = token("WhiteSpace", /(?:[ \t\f\v\u00a0\ufeff]|`(?:\r\n|\n|\r))+/, {
  skipped: true,
  lineBreaks: true,
  hint: [" ", "\t", "\f", "\v", "\u00a0", "\ufeff", "`"],
});
export const BlockComment = token("BlockComment", /<#[\s\S]*?#>/, { skipped: true, lineBreaks: true });
export const LineComment = token("LineComment", /#[^\r\n]*/, { skipped: true });

// ------------------------------------------------------------------ strings

/** Length of a double-quoted string starting at `offset`, or -1 when it never closes; skips `$( … )` bodies. */
export function scanDoubleQuoted(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "`") i += 2;
    else if (ch === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1 - offset;
    } else if (ch === "$" && text[i + 1] === "(") {
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
  while (i < text.length) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '"') {
      const n = scanDoubleQuoted(text, i);
      if (n < 0) return -1;
      i += n;
      continue;
    } else if (ch === "'") {
      const n = scanSingleQuoted(text, i);
      if (n < 0) return -1;
      i += n;
      continue;
    } else if (ch === "`") i++;
    i++;
  }
  return -1;
}

function scanSingleQuoted(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1 - offset;
    } else i++;
  }
  return -1;
}

const HERE_START = /@(["'])[ \t]*(?:\r\n|\n|\r)/y;
function scanHereString(text: string, offset: number): number {
  HERE_START.lastIndex = offset;
  const m = HERE_START.exec(text);
  if (!m) return -2;
  const close = new RegExp(`(?:\\r\\n|\\n|\\r)${m[1]}@`, "g");
  close.lastIndex = HERE_START.lastIndex - 1;
  const found = close.exec(text);
  return found ? close.lastIndex - offset : -1;
}

export const HereString = token("HereString", (text, offset) => {
  const n = scanHereString(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ["@"], lineBreaks: true, categories: [StringToken] });

export const DoubleQuoted = token("DoubleQuoted", (text, offset) => {
  if (text[offset] !== '"') return null;
  const n = scanDoubleQuoted(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ['"'], lineBreaks: true, categories: [StringToken] });

export const SingleQuoted = token("SingleQuoted", (text, offset) => {
  if (text[offset] !== "'") return null;
  const n = scanSingleQuoted(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ["'"], lineBreaks: true, categories: [StringToken] });

/** A string, here-string or block comment that never ends: it runs to the end of the input (the REPL reads on). */
export const Unterminated = token("Unterminated", (text, offset) => {
  const ch = text[offset];
  const opens = ch === '"' || ch === "'" || (ch === "<" && text[offset + 1] === "#") ||
    (ch === "@" && scanHereString(text, offset) === -1);
  return opens ? text.slice(offset) : null;
}, { hint: ['"', "'", "<", "@"], lineBreaks: true });

// ------------------------------------------------------------------ variables

const VARIABLE = /\$(?:\{(?:[^}`]|`.)*\}|[A-Za-z_][\w]*(?::[A-Za-z_\d][\w]*)?|\d+|[$?^])/y;
export const Variable = token("Variable", (text, offset) => stick(VARIABLE, text, offset), { hint: ["$"] });
const SPLAT = /@[A-Za-z_\d]\w*/y;
export const SplatVariable = token("SplatVariable", (text, offset) => stick(SPLAT, text, offset), { hint: ["@"] });

// ------------------------------------------------------------------ redirections (before numbers: `2>` is one token)

const REDIRECTION = /(?:[1-6*])?>>?(?:&[12])?|[1-6*]>&[12]/y;
export const Redirection = token("Redirection", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (mode === Mode.Member) return null;
  const ch = text[offset];
  if (ch !== ">" && text[offset + 1] !== ">") return null;
  return stick(REDIRECTION, text, offset);
}, { hint: [">", "*", "1", "2", "3", "4", "5", "6"], effect: Effect.Redirection });

// ------------------------------------------------------------------ numbers

const NUMBER = /(?:0[xX][0-9a-fA-F]+[lL]?|0[bB][01]+[lL]?|(?:\d+\.\d+|\.\d+|\d+)(?:[eE][+-]?\d+)?[lLdD]?)(?:[kKmMgGtTpP][bB])?/y;
const SIGNED_NUMBER = /[-+]?(?:0[xX][0-9a-fA-F]+[lL]?|0[bB][01]+[lL]?|(?:\d+\.\d+|\.\d+|\d+)(?:[eE][+-]?\d+)?[lLdD]?)(?:[kKmMgGtTpP][bB])?/y;
/** Characters that end a bareword argument (a number in an argument must be followed by one of them). */
const ARGUMENT_END = /[\s|;&(){},<>]/;

export const NumberLiteral = token("NumberLiteral", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (mode === Mode.Member || mode === Mode.FunctionName || mode === Mode.CommandName) return null;
  if (isCommandMode(mode)) {
    // `Write-Output 2-1` passes the string "2-1": in argument mode a number must end where the argument ends.
    const image = stick(SIGNED_NUMBER, text, offset);
    if (image === null) return null;
    const next = text[offset + image.length];
    return next === undefined || ARGUMENT_END.test(next) ? image : null;
  }
  const image = stick(NUMBER, text, offset);
  if (image === null) return null;
  const next = text[offset + image.length];
  // At a statement start, `7z` is a command name, not a number.
  if (isStatementStart(mode) && next !== undefined && /[A-Za-z_]/.test(next)) return null;
  return image;
}, { hint: [...DIGIT_HINT, ".", "-", "+"] });

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
const DASH_WORD = /-[A-Za-z]+(?![\w-])/y;

/** The dash operator at an offset (image and lower-cased name), found once: both dash operator rules ask for it. */
const dashMemo = { offset: -1, image: null as string | null, name: "" };

function dashOperator(text: string, offset: number, matched: IToken[]): typeof dashMemo | null {
  const mode = tracker.sync(matched);
  if (isCommandMode(mode) || mode === Mode.SwitchKeyword || mode === Mode.Member) return null;
  if (dashMemo.offset !== offset) {
    const image = stick(DASH_WORD, text, offset);
    const name = image === null ? "" : image.slice(1).toLowerCase();
    dashMemo.offset = offset;
    dashMemo.image = image !== null && DASH_OPERATORS.has(name) ? image : null;
    dashMemo.name = name;
  }
  return dashMemo.image === null ? null : dashMemo;
}

export const DashUnaryOperator = token("DashUnaryOperator", (text, offset, matched) => {
  const found = dashOperator(text, offset, matched);
  return found !== null && UNARY_ONLY.has(found.name) ? found.image : null;
}, { hint: ["-"], categories: [Operator] });

export const DashOperator = token("DashOperator", (text, offset, matched) => {
  const found = dashOperator(text, offset, matched);
  return found !== null && !UNARY_ONLY.has(found.name) ? found.image : null;
}, { hint: ["-"], categories: [Operator, BinaryOperator] });

export const EndOfParameters = token("EndOfParameters", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (!isCommandMode(mode) || tracker.noParameters) return null;
  return text.startsWith("--", offset) && (offset + 2 >= text.length || ARGUMENT_END.test(text[offset + 2]))
    ? "--"
    : null;
}, { hint: ["-"], effect: Effect.EndOfParameters });

const PARAMETER = /-[A-Za-z_?][\w-]*:?/y;
export const Parameter = token("Parameter", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (mode === Mode.Member || mode === Mode.FunctionName) return null;
  if (isCommandMode(mode) && tracker.noParameters) return null;
  // Outside command mode a dash word that is no operator is still a parameter token, which the parser then reports.
  return stick(PARAMETER, text, offset);
}, { hint: ["-"], effect: Effect.Parameter });

// ------------------------------------------------------------------ barewords: keywords, command names, arguments

const WORD = /[A-Za-z]+/y;
/** The lower-cased letters at an offset, computed once per offset: every keyword pattern compares against it. */
const wordMemo = { offset: -1, word: "" };
function lowerWordAt(text: string, offset: number): string {
  if (wordMemo.offset !== offset) {
    WORD.lastIndex = offset;
    wordMemo.word = WORD.test(text) ? text.slice(offset, WORD.lastIndex).toLowerCase() : "";
    wordMemo.offset = offset;
  }
  return wordMemo.word;
}
const wordEnds = (ch: string | undefined) => ch === undefined || /[\s(){};|&,]/.test(ch);

function keyword(word: string, mode: Mode, followedBy?: string) {
  const name = word[0].toUpperCase() + word.slice(1);
  return token(name, (text, offset, matched) => {
    const m = tracker.sync(matched);
    // `[CmdletBinding()] param(…)` on one line: an attribute that just closed may precede `param`.
    const afterAttribute = word === "param" && m === Mode.Expression && tracker.closedType;
    if (m !== Mode.Start && m !== Mode.Keyword && !afterAttribute) return null;
    if (lowerWordAt(text, offset) !== word || !wordEnds(text[offset + word.length])) return null;
    if (followedBy) {
      // `param`, `begin`, `process`, `end` are keywords only before their `(` / `{`.
      const rest = /[ \t]*(?:`?(?:\r\n|\n|\r)[ \t]*)*/y;
      rest.lastIndex = offset + word.length;
      rest.exec(text);
      if (text[rest.lastIndex] !== followedBy) return null;
    }
    return text.slice(offset, offset + word.length);
  }, { hint: [word[0], word[0].toUpperCase()], effect: Effect.Keyword, keywordMode: mode, categories: [Keyword] });
}

export const If = keyword("if", Mode.Keyword);
export const ElseIf = keyword("elseif", Mode.Keyword);
export const Else = keyword("else", Mode.Keyword);
export const Switch = keyword("switch", Mode.SwitchKeyword);
export const Foreach = keyword("foreach", Mode.Keyword);
export const For = keyword("for", Mode.Keyword);
export const While = keyword("while", Mode.Keyword);
export const Do = keyword("do", Mode.Keyword);
export const Until = keyword("until", Mode.Keyword);
export const FunctionKeyword = keyword("function", Mode.FunctionName);
export const Filter = keyword("filter", Mode.FunctionName);
export const Return = keyword("return", Mode.Start);
export const Exit = keyword("exit", Mode.Start);
export const Throw = keyword("throw", Mode.Start);
export const Break = keyword("break", Mode.Label);
export const Continue = keyword("continue", Mode.Label);
export const Try = keyword("try", Mode.Keyword);
export const Catch = keyword("catch", Mode.Keyword);
export const Finally = keyword("finally", Mode.Keyword);
export const Trap = keyword("trap", Mode.Keyword);
export const Param = keyword("param", Mode.Keyword, "(");
export const Begin = keyword("begin", Mode.Keyword, "{");
export const Process = keyword("process", Mode.Keyword, "{");
export const End = keyword("end", Mode.Keyword, "{");

/** A bareword's characters: everything up to whitespace or `| ; & ( ) { } , < > ' "`; a backtick escapes one. */
const BAREWORD = /(?:[^\s|;&(){},<>'"`]|`[\s\S])+/y;
const COMMAND_START = /[A-Za-z_.\\/~%?*:\d\u0080-\uffff]/;

export const CommandName = token("CommandName", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (!isStatementStart(mode) && mode !== Mode.CommandName && mode !== Mode.FunctionName) return null;
  if (!COMMAND_START.test(text[offset])) return null;
  // A lone `.` before a space or a quote is the dot-source operator (`. ./lib.rsh`, `. 'path'`), not a command.
  if (text[offset] === "." && /[ \t{$'"(]/.test(text[offset + 1] ?? "")) return null;
  return stick(BAREWORD, text, offset);
}, {
  hint: [...LETTER_HINT, ...DIGIT_HINT, ".", "\\", "/", "~", "%", "?", "*", ":", ...NON_ASCII_HINT],
  effect: Effect.CommandName,
});

const GENERIC_START = /[^\s|;&(){},<>'"#]/;
export const GenericArgument = token("GenericArgument", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (!isCommandMode(mode)) return null;
  const ch = text[offset];
  if (!GENERIC_START.test(ch) && ch !== "`") return null;
  if (ch === "@" && /[({"'\w]/.test(text[offset + 1] ?? "")) return null;
  // `$a[0]` and `$a.b` in an argument index and read members of the value they follow.
  if ((ch === "[" || ch === ".") && indexable(offset)) return null;
  return stick(BAREWORD, text, offset);
}, {
  hint: [...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => GENERIC_START.test(c)), "`",
    ...NON_ASCII_HINT],
});

const IDENTIFIER = /[A-Za-z_][\w]*/y;
const KEY_IDENTIFIER = /[A-Za-z_][\w-]*/y;
export const Identifier = token("Identifier", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (mode === Mode.HashKey || mode === Mode.SwitchClause) return stick(KEY_IDENTIFIER, text, offset);
  if (isStatementStart(mode) || isCommandMode(mode) || mode === Mode.CommandName || mode === Mode.FunctionName) {
    return null;
  }
  return stick(IDENTIFIER, text, offset);
}, { hint: LETTER_HINT });

const LABEL = /:[A-Za-z_]\w*/y;
export const LoopLabel = token("LoopLabel", (text, offset, matched) => {
  return tracker.sync(matched) === Mode.Start ? stick(LABEL, text, offset) : null;
}, { hint: [":"], effect: Effect.Label });

// ------------------------------------------------------------------ brackets and types

const TYPE_NAME = /\[[ \t]*[A-Za-z_][\w.`]*(?:\[(?:[^\[\]\r\n]|\[[^\[\]\r\n]*\])*\])*(?=[ \t]*[\](])/y;
/** Names the lexer must not read as indexable values: `[int][0]` is no index, `$a [0]` is no index. */
const INDEXABLE = new Set(["Variable", "DoubleQuoted", "SingleQuoted", "HereString", "RParen", "RBracket", "RBrace",
  "Identifier"]);

function indexable(offset: number): boolean {
  const last = tracker.lastType;
  return last !== undefined && tracker.adjacent(offset) && INDEXABLE.has(last.name) && !tracker.closedType;
}

export const TypeOpen = token("TypeOpen", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (isCommandMode(mode) || mode === Mode.Member || mode === Mode.CommandName || mode === Mode.FunctionName) {
    return null;
  }
  if (indexable(offset)) return null;
  return stick(TYPE_NAME, text, offset);
}, { hint: ["["], effect: Effect.OpenType });

export const LBracket = token("LBracket", /\[/, { effect: Effect.OpenIndex });
export const QuestionBracket = token("QuestionBracket", /\?\[/, { effect: Effect.OpenIndex });
export const RBracket = token("RBracket", /\]/, { effect: Effect.Close });
export const DollarParen = token("DollarParen", /\$\(/, { effect: Effect.OpenSubExpression });
export const AtParen = token("AtParen", /@\(/, { effect: Effect.OpenSubExpression });
export const AtBrace = token("AtBrace", /@\{/, { effect: Effect.OpenHash });
export const LParen = token("LParen", /\(/, { effect: Effect.OpenParen });
export const RParen = token("RParen", /\)/, { effect: Effect.Close });
export const LBrace = token("LBrace", /\{/, { effect: Effect.OpenBrace });
export const RBrace = token("RBrace", /\}/, { effect: Effect.Close });

// ------------------------------------------------------------------ dots

/** `.` that reads a member: right after a value, with no space (`$a.b`, `(1).x`, `'s'.Length`). */
export const MemberDot = token("MemberDot", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (text[offset] !== "." || text[offset + 1] === ".") return null;
  if (mode !== Mode.Expression && mode !== Mode.CommandArgs && mode !== Mode.Member) return null;
  const last = tracker.lastType;
  if (last === undefined || !tracker.adjacent(offset) || !INDEXABLE.has(last.name)) return null;
  // In an expression `$x.` with no name is still a member access (the parser then reports the missing name).
  return mode !== Mode.CommandArgs || /[A-Za-z_'"$(]/.test(text[offset + 1] ?? "") ? "." : null;
}, { hint: ["."], effect: Effect.MemberAccess });

export const DotSource = token("DotSource", (text, offset, matched) => {
  const mode = tracker.sync(matched);
  if (!isStatementStart(mode) || text[offset] !== ".") return null;
  return /[\s{$'"(]/.test(text[offset + 1] ?? "\n") && text[offset + 1] !== "\n" && text[offset + 1] !== "\r"
    ? "."
    : null;
}, { hint: ["."], effect: Effect.Invocation });

export const Ampersand = token("Ampersand", /&(?!&)/, { effect: Effect.Invocation });
export const AndAnd = token("AndAnd", /&&/, { effect: Effect.ChainOrBackground });
export const OrOr = token("OrOr", /\|\|/, { effect: Effect.ChainOrBackground });
export const Pipe = token("Pipe", /\|/, { effect: Effect.Pipe });
export const Semicolon = token("Semicolon", /;/, { effect: Effect.StatementEnd });
export const Comma = token("Comma", /,/, { effect: Effect.Comma, categories: [Operator] });
export const ColonColon = token("ColonColon", /::/, { effect: Effect.MemberAccess });
export const QuestionDot = token("QuestionDot", /\?\./, { effect: Effect.MemberAccess });
export const DotDot = token("DotDot", /\.\./, { categories: [Operator, BinaryOperator] });
export const Dot = token("Dot", /\./);

// ------------------------------------------------------------------ operators

const op = (name: string, re: RegExp, ...categories: TokenType[]) => token(name, re, { categories: [Operator, ...categories] });
const assign = (name: string, re: RegExp) =>
  token(name, re, { effect: Effect.Assign, categories: [Operator, AssignmentOperator] });

export const CoalesceAssign = assign("CoalesceAssign", /\?\?=/);
export const Coalesce = op("Coalesce", /\?\?/, BinaryOperator);
export const Question = op("Question", /\?/);
export const Colon = op("Colon", /:/);
export const PlusPlus = op("PlusPlus", /\+\+/);
export const MinusMinus = op("MinusMinus", /--/);
export const PlusAssign = assign("PlusAssign", /\+=/);
export const MinusAssign = assign("MinusAssign", /-=/);
export const StarAssign = assign("StarAssign", /\*=/);
export const SlashAssign = assign("SlashAssign", /\/=/);
export const PercentAssign = assign("PercentAssign", /%=/);
export const Equals = assign("Equals", /=/);
export const Exclaim = op("Exclaim", /!/);
export const Plus = op("Plus", /\+/, BinaryOperator);
export const Minus = op("Minus", /-/, BinaryOperator);
export const Star = op("Star", /\*/, BinaryOperator);
export const Slash = op("Slash", /\//, BinaryOperator);
export const Percent = op("Percent", /%/, BinaryOperator);
export const LessThan = token("LessThan", /</);

/** Every token type in matching order (custom mode-dependent patterns come before the plain punctuation). */
export const allTokens: TokenType[] = [
  NewLine, WhiteSpace, BlockComment, LineComment,
  HereString, DoubleQuoted, SingleQuoted, Unterminated,
  Variable, SplatVariable,
  Redirection, NumberLiteral,
  DashUnaryOperator, DashOperator, EndOfParameters, Parameter,
  If, ElseIf, Else, Switch, Foreach, For, While, Do, Until, FunctionKeyword, Filter, Return, Exit, Throw, Break,
  Continue, Try, Catch, Finally, Trap, Param, Begin, Process, End,
  LoopLabel, CommandName, GenericArgument, Identifier,
  TypeOpen, LBracket, QuestionBracket, RBracket,
  DollarParen, AtParen, AtBrace, LParen, RParen, LBrace, RBrace,
  MemberDot, DotSource, AndAnd, Ampersand, OrOr, Pipe, Semicolon, Comma, ColonColon, QuestionDot, DotDot, Dot,
  CoalesceAssign, Coalesce, Question, Colon, PlusPlus, MinusMinus,
  PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign, Equals,
  Exclaim, Plus, Minus, Star, Slash, Percent, LessThan,
  Operator, BinaryOperator, AssignmentOperator, StringToken, Keyword,
];

export const lexer = new RshLexer(allTokens.flatMap((type) => rules.get(type) ?? []));

/** Tokenizes `text`; the tracker is reset first, so one lexer serves every call (calls must not nest). */
export function tokenize(text: string) {
  tracker.reset();
  wordMemo.offset = -1;
  dashMemo.offset = -1;
  return lexer.tokenize(text);
}
