/**
 * rsh's tokens: chevrotain token types (what the parser consumes) with the rules that recognise them (run by the
 * tokenizer in lexer.ts). Mode-dependent tokens are custom matchers that ask the ModeTracker what the current position
 * means (command mode vs expression mode, see modes.ts); their logic is in matchers.ts and scan.ts, which the fast path
 * of fast_path.ts calls directly. Tokens are grouped by family and made by one small factory; order matters only where
 * two patterns can match the same text, and is noted there.
 */
import { createToken, type TokenType } from "chevrotain";
import { createFastPath } from "./fast_path.ts";
import { type Matcher, RshLexer, type TokenRule } from "./lexer.ts";
import { Effect, Mode, type TrackedTokenType } from "./modes.ts";
import {
  commandNameAt,
  dashOperatorAt,
  dotSourceAt,
  endOfParametersAt,
  genericArgumentAt,
  identifierAt,
  keywordAt,
  loopLabelAt,
  memberDotAt,
  numberAt,
  parameterAt,
  redirectionAt,
  resetMatchers,
  tracker,
  typeOpenAt,
} from "./matchers.ts";
import {
  scanDoubleQuoted,
  scanHereString,
  scanLineComment,
  scanSingleQuoted,
  scanSplat,
  scanVariable,
  scanWhitespace,
} from "./scan.ts";

export { DASH_OPERATORS, tracker } from "./matchers.ts";
export { scanBalanced, scanDoubleQuoted } from "./scan.ts";

interface TokenOptions {
  effect?: Effect;
  keywordMode?: Mode;
  /** The characters a match can start with (a regex's first character when not given). */
  hint?: string[];
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
  rules.set(type, { type, pattern: compiled, first: first!, skipped: options.skipped ?? false });
  return type;
}

/** A rule from a scanner that returns where its match ends (or -1). */
function scanned(scan: (text: string, offset: number) => number): Matcher {
  return (text, offset) => {
    const end = scan(text, offset);
    return end < 0 ? null : text.slice(offset, end);
  };
}

/** A rule from a mode-dependent pattern of matchers.ts, given the mode at the offset. */
function moded(match: (text: string, offset: number, mode: Mode) => number): Matcher {
  return (text, offset, matched, count) => {
    const end = match(text, offset, tracker.sync(matched, count));
    return end < 0 ? null : text.slice(offset, end);
  };
}

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

export const NewLine = token("NewLine", /\r\n|\n|\r/, { effect: Effect.StatementEnd, hint: ["\r", "\n"] });
export const WhiteSpace = token("WhiteSpace", scanned(scanWhitespace), {
  skipped: true,
  hint: [" ", "\t", "\f", "\v", "\u00a0", "\ufeff", "`"],
});
export const BlockComment = token("BlockComment", scanned(scanBlockComment), {
  skipped: true,
  hint: ["<"],
});
export const LineComment = token("LineComment", scanned(scanLineComment), { skipped: true, hint: ["#"] });

/** `<#[\s\S]*?#>`. */
function scanBlockComment(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 60 || text.charCodeAt(offset + 1) !== 35) return -1;
  const close = text.indexOf("#>", offset + 2);
  return close < 0 ? -1 : close + 2;
}

// ------------------------------------------------------------------ strings

export const HereString = token("HereString", (text, offset) => {
  const n = scanHereString(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ["@"], categories: [StringToken] });

export const DoubleQuoted = token("DoubleQuoted", (text, offset) => {
  const n = scanDoubleQuoted(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ['"'], categories: [StringToken] });

export const SingleQuoted = token("SingleQuoted", (text, offset) => {
  const n = scanSingleQuoted(text, offset);
  return n > 0 ? text.slice(offset, offset + n) : null;
}, { hint: ["'"], categories: [StringToken] });

/** A string, here-string or block comment that never ends: it runs to the end of the input (the REPL reads on). */
export const Unterminated = token("Unterminated", (text, offset) => {
  const ch = text[offset];
  const opens = ch === '"' || ch === "'" || (ch === "<" && text[offset + 1] === "#") ||
    (ch === "@" && scanHereString(text, offset) === -1);
  return opens ? text.slice(offset) : null;
}, { hint: ['"', "'", "<", "@"] });

// ------------------------------------------------------------------ variables

export const Variable = token("Variable", scanned(scanVariable), { hint: ["$"] });
export const SplatVariable = token("SplatVariable", scanned(scanSplat), { hint: ["@"] });

// ------------------------------------------------------------------ redirections (before numbers: `2>` is one token)

export const Redirection = token("Redirection", moded(redirectionAt), {
  hint: [">", "*", "1", "2", "3", "4", "5", "6"],
  effect: Effect.Redirection,
});

// ------------------------------------------------------------------ numbers

export const NumberLiteral = token("NumberLiteral", moded(numberAt), { hint: [...DIGIT_HINT, ".", "-", "+"] });

// ------------------------------------------------------------------ dash words: operators and parameters

const unaryDashOperatorAt = (text: string, offset: number, mode: Mode) => dashOperatorAt(text, offset, mode, true);
const binaryDashOperatorAt = (text: string, offset: number, mode: Mode) => dashOperatorAt(text, offset, mode, false);

export const DashUnaryOperator = token("DashUnaryOperator", moded(unaryDashOperatorAt), {
  hint: ["-"],
  categories: [Operator],
});

export const DashOperator = token("DashOperator", moded(binaryDashOperatorAt), {
  hint: ["-"],
  categories: [Operator, BinaryOperator],
});

export const EndOfParameters = token("EndOfParameters", moded(endOfParametersAt), {
  hint: ["-"],
  effect: Effect.EndOfParameters,
});

export const Parameter = token("Parameter", moded(parameterAt), { hint: ["-"], effect: Effect.Parameter });

// ------------------------------------------------------------------ barewords: keywords, command names, arguments

/** Keyword rules by their lower-case word (the fast path looks a bareword up here). */
export const keywordRules = new Map<string, { type: TokenType; followedBy: string }>();

function keyword(word: string, mode: Mode, followedBy = "") {
  const name = word[0].toUpperCase() + word.slice(1);
  const type = token(name, moded((text, offset, m) => keywordAt(text, offset, m, word, followedBy)), {
    hint: [word[0], word[0].toUpperCase()],
    effect: Effect.Keyword,
    keywordMode: mode,
    categories: [Keyword],
  });
  keywordRules.set(word, { type, followedBy });
  return type;
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

export const CommandName = token("CommandName", moded(commandNameAt), {
  hint: [...LETTER_HINT, ...DIGIT_HINT, ".", "\\", "/", "~", "%", "?", "*", ":", ...NON_ASCII_HINT],
  effect: Effect.CommandName,
});

/** `[^\s|;&(){},<>'"#]`, the characters a bareword argument may start with, and a backtick. */
const GENERIC_HINT = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !"|;&(){},<>'\"#".includes(c));
export const GenericArgument = token("GenericArgument", moded(genericArgumentAt), {
  hint: [...GENERIC_HINT, "`", ...NON_ASCII_HINT],
});

export const Identifier = token("Identifier", moded(identifierAt), { hint: LETTER_HINT });

export const LoopLabel = token("LoopLabel", moded(loopLabelAt), { hint: [":"], effect: Effect.Label });

// ------------------------------------------------------------------ brackets and types

export const TypeOpen = token("TypeOpen", moded(typeOpenAt), { hint: ["["], effect: Effect.OpenType });

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
export const MemberDot = token("MemberDot", moded(memberDotAt), { hint: ["."], effect: Effect.MemberAccess });

export const DotSource = token("DotSource", moded(dotSourceAt), { hint: ["."], effect: Effect.Invocation });

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

const fastPath = createFastPath({
  NewLine, WhiteSpace, BlockComment, LineComment, HereString, DoubleQuoted, SingleQuoted, Unterminated, Variable,
  SplatVariable, Redirection, NumberLiteral, DashUnaryOperator, DashOperator, EndOfParameters, Parameter, LoopLabel,
  CommandName, GenericArgument, Identifier, TypeOpen, LBracket, QuestionBracket, RBracket, DollarParen, AtParen,
  AtBrace, LParen, RParen, LBrace, RBrace, MemberDot, DotSource, AndAnd, Ampersand, OrOr, Pipe, Semicolon, Comma,
  ColonColon, QuestionDot, DotDot, Dot, CoalesceAssign, Coalesce, Question, Colon, PlusPlus, MinusMinus, PlusAssign,
  MinusAssign, StarAssign, SlashAssign, PercentAssign, Equals, Exclaim, Plus, Minus, Star, Slash, Percent, LessThan,
}, rules, keywordRules);

const ruleList = allTokens.flatMap((type) => rules.get(type) ?? []);
export const lexer = new RshLexer(ruleList, fastPath);
/** The same rules without the fast path: the reference the fast path must agree with (tests compare the two). */
const ruleLexer = new RshLexer(ruleList);

/** Tokenizes `text`; the tracker is reset first, so one lexer serves every call (calls must not nest). */
export function tokenize(text: string) {
  resetMatchers();
  return lexer.tokenize(text);
}

/** Tokenizes `text` by the ordered rule list alone (slower; see `ruleLexer`). */
export function tokenizeByRules(text: string) {
  resetMatchers();
  return ruleLexer.tokenize(text);
}
