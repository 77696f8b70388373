/**
 * The tokenizer's fast path: one switch on the next character code that tries, in declaration order, exactly the rules
 * whose first-character set holds that character (the candidate lists of lexer.ts, written out per character) and
 * calls their scanners and matchers directly, with the mode looked up once. It is the ordered-rule contract of
 * lexer.ts made cheap: no per-rule closure calls, regexes or repeated tracker syncs. Where no rule matches (or for
 * characters it does not list, such as control characters and most of those from 128 up) it returns -1 and the
 * driver runs the rule list itself, which also reports and recovers from unexpected characters.
 */
import type { TokenType } from "chevrotain";
import type { FastMatch, FastPath, TokenRule } from "./lexer.ts";
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
  tracker,
  typeOpenAt,
} from "./matchers.ts";
import { Mode } from "./modes.ts";
import {
  scanDoubleQuoted,
  scanLetters,
  scanHereString,
  scanLineComment,
  scanSingleQuoted,
  scanSplat,
  scanVariable,
  scanWhitespace,
} from "./scan.ts";

/** The token types the fast path produces, by name. */
export interface FastTypes {
  NewLine: TokenType;
  WhiteSpace: TokenType;
  BlockComment: TokenType;
  LineComment: TokenType;
  HereString: TokenType;
  DoubleQuoted: TokenType;
  SingleQuoted: TokenType;
  Unterminated: TokenType;
  Variable: TokenType;
  SplatVariable: TokenType;
  Redirection: TokenType;
  NumberLiteral: TokenType;
  DashUnaryOperator: TokenType;
  DashOperator: TokenType;
  EndOfParameters: TokenType;
  Parameter: TokenType;
  LoopLabel: TokenType;
  CommandName: TokenType;
  GenericArgument: TokenType;
  Identifier: TokenType;
  TypeOpen: TokenType;
  LBracket: TokenType;
  QuestionBracket: TokenType;
  RBracket: TokenType;
  DollarParen: TokenType;
  AtParen: TokenType;
  AtBrace: TokenType;
  LParen: TokenType;
  RParen: TokenType;
  LBrace: TokenType;
  RBrace: TokenType;
  MemberDot: TokenType;
  DotSource: TokenType;
  AndAnd: TokenType;
  Ampersand: TokenType;
  OrOr: TokenType;
  Pipe: TokenType;
  Semicolon: TokenType;
  Comma: TokenType;
  ColonColon: TokenType;
  QuestionDot: TokenType;
  DotDot: TokenType;
  Dot: TokenType;
  CoalesceAssign: TokenType;
  Coalesce: TokenType;
  Question: TokenType;
  Colon: TokenType;
  PlusPlus: TokenType;
  MinusMinus: TokenType;
  PlusAssign: TokenType;
  MinusAssign: TokenType;
  StarAssign: TokenType;
  SlashAssign: TokenType;
  PercentAssign: TokenType;
  Equals: TokenType;
  Exclaim: TokenType;
  Plus: TokenType;
  Minus: TokenType;
  Star: TokenType;
  Slash: TokenType;
  Percent: TokenType;
  LessThan: TokenType;
}

/** A keyword's rule by its lower-case word, and the character it must come before ("" for any). */
export type KeywordTable = ReadonlyMap<string, { type: TokenType; followedBy: string }>;

/** Makes the fast path over the rules `rules` holds for `types` and `keywords` (tokens.ts passes its own). */
export function createFastPath(
  types: FastTypes,
  rules: ReadonlyMap<TokenType, TokenRule>,
  keywords: KeywordTable,
): FastPath {
  const R = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, rules.get(type)!])) as
    Record<keyof FastTypes, TokenRule>;
  /** Keyword rules by the code of their first letter and their length. */
  const keywordRules: { word: string; rule: TokenRule; followedBy: string }[][] = [];
  for (const [word, k] of keywords) {
    const rule = rules.get(k.type)!;
    (keywordRules[word.charCodeAt(0) * 16 + word.length] ??= []).push({ word, rule, followedBy: k.followedBy });
  }

  /** The one-character tokens no other rule can start with, by character code. */
  const alone: TokenRule[] = [];
  for (const rule of [R.LParen, R.RParen, R.Comma, R.Semicolon, R.LBrace, R.RBrace]) {
    alone[(rule.pattern as string).charCodeAt(0)] = rule;
  }

  let out: FastMatch;
  /** Records the rule that matched (its image `image`, or the text up to `end` when null) and returns `end`. */
  const hit = (rule: TokenRule, end: number, image: string | null = null) => {
    out.rule = rule;
    out.image = image;
    return end;
  };

  return (text, offset, code, tokens, count, match) => {
    out = match;
    // Replaying the tokens so far now rather than only before mode-dependent rules changes nothing but when it is done.
    const mode = tracker.sync(tokens, count);
    const next = text.charCodeAt(offset + 1);
    let end: number;
    switch (code) {
      case 32: // space, tab, vertical tab, form feed
      case 9:
      case 11:
      case 12:
        return hit(R.WhiteSpace, scanWhitespace(text, offset));
      case 10:
        return hit(R.NewLine, offset + 1, "\n");
      case 13:
        return next === 10 ? hit(R.NewLine, offset + 2, "\r\n") : hit(R.NewLine, offset + 1, "\r");
      case 35: // #
        return hit(R.LineComment, scanLineComment(text, offset));
      case 40: // ( ) , ; { }
      case 41:
      case 44:
      case 59:
      case 123:
      case 125: {
        const rule = alone[code];
        return hit(rule, offset + 1, rule.pattern as string);
      }
      case 34: // " '
      case 39: {
        const n = code === 34 ? scanDoubleQuoted(text, offset) : scanSingleQuoted(text, offset);
        if (n < 0) return hit(R.Unterminated, text.length);
        return hit(code === 34 ? R.DoubleQuoted : R.SingleQuoted, offset + n);
      }
      case 60: // <
        if (next === 35) {
          const close = text.indexOf("#>", offset + 2);
          return close >= 0 ? hit(R.BlockComment, close + 2) : hit(R.Unterminated, text.length);
        }
        return hit(R.LessThan, offset + 1, "<");
      case 124: // |
        return next === 124 ? hit(R.OrOr, offset + 2, "||") : hit(R.Pipe, offset + 1, "|");
      case 38: // &
        return next === 38 ? hit(R.AndAnd, offset + 2, "&&") : hit(R.Ampersand, offset + 1, "&");
      case 36: // $
        if ((end = scanVariable(text, offset)) >= 0) return hit(R.Variable, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return next === 40 ? hit(R.DollarParen, offset + 2, "$(") : -1;
      case 64: { // @
        const n = scanHereString(text, offset);
        if (n > 0) return hit(R.HereString, offset + n);
        if (n === -1) return hit(R.Unterminated, text.length);
        if ((end = scanSplat(text, offset)) >= 0) return hit(R.SplatVariable, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if (next === 40) return hit(R.AtParen, offset + 2, "@(");
        return next === 123 ? hit(R.AtBrace, offset + 2, "@{") : -1;
      }
      case 45: { // -
        if ((end = numberAt(text, offset, mode)) >= 0) return hit(R.NumberLiteral, end);
        if ((end = dashOperatorAt(text, offset, mode, true)) >= 0) return hit(R.DashUnaryOperator, end);
        if ((end = dashOperatorAt(text, offset, mode, false)) >= 0) return hit(R.DashOperator, end);
        if ((end = endOfParametersAt(text, offset, mode)) >= 0) return hit(R.EndOfParameters, end, "--");
        if ((end = parameterAt(text, offset, mode)) >= 0) return hit(R.Parameter, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if (next === 45) return hit(R.MinusMinus, offset + 2, "--");
        return next === 61 ? hit(R.MinusAssign, offset + 2, "-=") : hit(R.Minus, offset + 1, "-");
      }
      case 43: { // +
        if ((end = numberAt(text, offset, mode)) >= 0) return hit(R.NumberLiteral, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if (next === 43) return hit(R.PlusPlus, offset + 2, "++");
        return next === 61 ? hit(R.PlusAssign, offset + 2, "+=") : hit(R.Plus, offset + 1, "+");
      }
      case 46: { // .
        if ((end = numberAt(text, offset, mode)) >= 0) return hit(R.NumberLiteral, end);
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if ((end = memberDotAt(text, offset, mode)) >= 0) return hit(R.MemberDot, end, ".");
        if ((end = dotSourceAt(text, offset, mode)) >= 0) return hit(R.DotSource, end, ".");
        return next === 46 ? hit(R.DotDot, offset + 2, "..") : hit(R.Dot, offset + 1, ".");
      }
      case 91: { // [
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if ((end = typeOpenAt(text, offset, mode)) >= 0) return hit(R.TypeOpen, end);
        return hit(R.LBracket, offset + 1, "[");
      }
      case 93: // ]
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return hit(R.RBracket, offset + 1, "]");
      case 61: // =
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return hit(R.Equals, offset + 1, "=");
      case 33: // !
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return hit(R.Exclaim, offset + 1, "!");
      case 42: { // *
        if ((end = redirectionAt(text, offset, mode)) >= 0) return hit(R.Redirection, end);
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return next === 61 ? hit(R.StarAssign, offset + 2, "*=") : hit(R.Star, offset + 1, "*");
      }
      case 47: // /
      case 37: { // %
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if (code === 47) return next === 61 ? hit(R.SlashAssign, offset + 2, "/=") : hit(R.Slash, offset + 1, "/");
        return next === 61 ? hit(R.PercentAssign, offset + 2, "%=") : hit(R.Percent, offset + 1, "%");
      }
      case 63: { // ?
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        if (next === 91) return hit(R.QuestionBracket, offset + 2, "?[");
        if (next === 46) return hit(R.QuestionDot, offset + 2, "?.");
        if (next === 63) {
          if (text.charCodeAt(offset + 2) === 61) return hit(R.CoalesceAssign, offset + 3, "??=");
          return hit(R.Coalesce, offset + 2, "??");
        }
        return hit(R.Question, offset + 1, "?");
      }
      case 58: { // :
        if ((end = loopLabelAt(text, offset, mode)) >= 0) return hit(R.LoopLabel, end);
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
        return next === 58 ? hit(R.ColonColon, offset + 2, "::") : hit(R.Colon, offset + 1, ":");
      }
      case 62: // >
        return (end = redirectionAt(text, offset, mode)) >= 0 ? hit(R.Redirection, end) : -1;
      case 92: // \ ~
      case 126: {
        if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
        return (end = genericArgumentAt(text, offset, mode)) >= 0 ? hit(R.GenericArgument, end) : -1;
      }
      case 94: // ^
        return (end = genericArgumentAt(text, offset, mode)) >= 0 ? hit(R.GenericArgument, end) : -1;
      case 96: // `
        if ((end = scanWhitespace(text, offset)) >= 0) return hit(R.WhiteSpace, end);
        return (end = genericArgumentAt(text, offset, mode)) >= 0 ? hit(R.GenericArgument, end) : -1;
    }
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) {
      if (code <= 57) {
        if (code >= 49 && code <= 54 && (end = redirectionAt(text, offset, mode)) >= 0) return hit(R.Redirection, end);
        if ((end = numberAt(text, offset, mode)) >= 0) return hit(R.NumberLiteral, end);
      } else if (mode === Mode.Start || mode === Mode.Keyword || mode === Mode.Expression) {
        // Only a keyword as long as the bareword's letters can match it (keywordAt checks the mode in full).
        const length = scanLetters(text, offset) - offset;
        const candidates = length > 0 && length < 16 ? keywordRules[(code | 0x20) * 16 + length] : undefined;
        if (candidates !== undefined) {
          for (const k of candidates) {
            if ((end = keywordAt(text, offset, mode, k.word, k.followedBy)) >= 0) return hit(k.rule, end);
          }
        }
      }
      if ((end = commandNameAt(text, offset, mode)) >= 0) return hit(R.CommandName, end);
      if ((end = genericArgumentAt(text, offset, mode)) >= 0) return hit(R.GenericArgument, end);
      return (end = identifierAt(text, offset, mode)) >= 0 ? hit(R.Identifier, end) : -1;
    }
    return -1;
  };
}
