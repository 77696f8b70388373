/**
 * Colours the input line from the lexer's tokens (the same lexer the parser uses, so `-Path` at a command position
 * is a parameter and `-gt` in an expression an operator). The colours are PSReadLine's defaults ($PSStyle-style
 * 4-bit codes, readable on dark and light themes). An error the parser reports — not the "needs more input" kind —
 * is drawn in red from where it stands.
 */
import type { IToken, TokenType } from "chevrotain";
import { parse } from "../grammar/mod.ts";
import { tokenize } from "../grammar/tokens.ts";

/** PSReadLine's default colours (Set-PSReadLineOption -Colors). */
export const COLORS = {
  command: "\x1b[93m",
  parameter: "\x1b[90m",
  string: "\x1b[36m",
  variable: "\x1b[92m",
  operator: "\x1b[90m",
  number: "\x1b[97m",
  keyword: "\x1b[92m",
  type: "\x1b[37m",
  comment: "\x1b[32m",
  error: "\x1b[91m",
} as const;

const RESET = "\x1b[0m";

const BY_NAME: Record<string, string> = {
  CommandName: COLORS.command,
  Parameter: COLORS.parameter,
  EndOfParameters: COLORS.parameter,
  Variable: COLORS.variable,
  SplatVariable: COLORS.variable,
  NumberLiteral: COLORS.number,
  TypeOpen: COLORS.type,
  Redirection: COLORS.operator,
  Pipe: COLORS.operator,
  AndAnd: COLORS.operator,
  OrOr: COLORS.operator,
  DashOperator: COLORS.operator,
  DashUnaryOperator: COLORS.operator,
  Ampersand: COLORS.operator,
};

const BY_CATEGORY: Record<string, string> = {
  StringToken: COLORS.string,
  Keyword: COLORS.keyword,
  Operator: COLORS.operator,
  AssignmentOperator: COLORS.operator,
};

function colorOf(type: TokenType, image: string): string | undefined {
  const named = BY_NAME[type.name];
  if (named) return named;
  if (type.name === "Unterminated") return image.startsWith("<#") ? COLORS.comment : COLORS.string;
  for (const category of type.CATEGORIES ?? []) {
    const color = BY_CATEGORY[category.name];
    if (color) return color;
  }
  return undefined;
}

/** `text` with colours, one string per line (each line starts its colour again after the `>> ` prompt). */
export function highlight(text: string): string[] {
  if (text === "") return [""];
  const colors: (string | undefined)[] = new Array(text.length);
  let tokens: IToken[];
  try {
    tokens = tokenize(text).tokens;
  } catch {
    return text.split("\n");
  }
  let covered = 0;
  for (const token of tokens) {
    colorGap(text, colors, covered, token.startOffset);
    const color = colorOf(token.tokenType, token.image);
    if (color) colors.fill(color, token.startOffset, token.endOffset! + 1);
    covered = token.endOffset! + 1;
  }
  colorGap(text, colors, covered, text.length);
  const { diagnostics } = parse(text);
  const error = diagnostics[0];
  if (error && !error.incomplete && error.offset < text.length) colors.fill(COLORS.error, error.offset);
  const lines: string[] = [];
  let line = "";
  let current: string | undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") {
      lines.push(line + (current ? RESET : ""));
      line = "";
      current = undefined;
      continue;
    }
    if (colors[i] !== current) {
      line += colors[i] ?? RESET;
      current = colors[i];
    }
    line += text[i];
  }
  lines.push(line + (current ? RESET : ""));
  return lines;
}

/** Comments are skipped by the lexer: the text between tokens that starts with `#` or `<#` is one. */
function colorGap(text: string, colors: (string | undefined)[], from: number, to: number): void {
  const gap = text.slice(from, to);
  const at = gap.search(/<#|#/);
  if (at >= 0) colors.fill(COLORS.comment, from + at, to);
}
