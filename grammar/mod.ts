/**
 * The grammar's public surface: `parse` returns the AST or diagnostics; `parseOrThrow` throws the first
 * diagnostic; `isIncomplete` tells a REPL to read another line.
 * @module
 */
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { ScriptBlock, Statement } from "./ast.ts";
import { ParseError, parserMessage } from "./errors.ts";
import { RshParser } from "./parser.ts";
import { tokenize, Unterminated } from "./tokens.ts";

export type * from "./ast.ts";
export { ParseError, ParserMessages } from "./errors.ts";

/**
 * The outcome of a parse: the AST, or the diagnostics that stopped it (the first one is the cause).
 *
 * @example
 * ```ts
 * import { parse } from "rsh";
 * const result: ParseResult = parse("1 +", "x.rsh");
 * console.log(result.ast, result.diagnostics[0].message); // null You must provide a value expression following the '+' operator.
 * ```
 */
export interface ParseResult {
  /** The script's AST, or null when it did not parse. */
  ast: ScriptBlock | null;
  /** Why it did not parse (empty when it did). */
  diagnostics: ParseError[];
}

let parser: RshParser | undefined;

/**
 * Parses rsh source. `file` names the source in spans and error messages. A syntax error is not thrown: the
 * result has no AST and the diagnostics say why.
 *
 * @example
 * ```ts
 * import { parse } from "rsh";
 * const { ast, diagnostics } = parse("Get-Item -Path $p |", "input.rsh");
 * console.log(ast === null, diagnostics[0].incomplete); // true true
 * ```
 */
export function parse(source: string, file = "<input>"): ParseResult {
  try {
    const ast = run(source, file, 0, (p) => p.script());
    return { ast: ast as ScriptBlock, diagnostics: [] };
  } catch (error) {
    if (error instanceof ParseError) return { ast: null, diagnostics: [error] };
    throw error;
  } finally {
    // The parser is shared: let go of this parse's tokens (~200 bytes each) instead of holding them until the next.
    if (parser) parser.input = [];
  }
}

/**
 * Parses rsh source and throws the first ParseError.
 *
 * @example
 * ```ts
 * import { parseOrThrow } from "rsh";
 * const ast = parseOrThrow("$x = 1; $x + 1", "calc.rsh");
 * console.log(ast.end?.statements.length); // 2
 * ```
 */
export function parseOrThrow(source: string, file = "<input>"): ScriptBlock {
  const { ast, diagnostics } = parse(source, file);
  if (!ast) throw diagnostics[0];
  return ast;
}

/**
 * True when `source` is an unfinished statement (open brace/paren/string, trailing `|` or backtick): an
 * interactive host should read another line (`>> `) instead of reporting an error.
 *
 * @example
 * ```ts
 * import { isIncomplete } from "rsh";
 * console.log(isIncomplete("function f {"), isIncomplete("1 +* 2")); // true false
 * ```
 */
export function isIncomplete(source: string): boolean {
  if (/`\s*$/.test(source) && !/``\s*$/.test(source)) return true;
  const { diagnostics } = parse(source);
  return diagnostics.length > 0 && diagnostics[0].incomplete;
}

/** Parses `text`, which starts at offset `shift` of `source` (all of it, or a `$( … )` of a string). */
function run(source: string, file: string, shift: number, rule: (p: RshParser) => unknown, text = source): unknown {
  parser ??= new RshParser();
  const p = parser;
  const lexed = tokenize(text);
  p.b.reset(source, file, shift);
  p.b.last = () => p.peek(0) ?? p.peek(1);
  if (lexed.errors.length) {
    const e = lexed.errors[0];
    const token = { image: text.substr(e.offset, e.length), startOffset: e.offset, endOffset: e.offset, tokenType: Unterminated } as unknown as IToken;
    const trailingBacktick = text[e.offset] === "`" && /^`\s*$/.test(text.slice(e.offset));
    throw p.b.error("UnexpectedToken", parserMessage("UnexpectedToken", token.image), token, trailingBacktick);
  }
  p.input = lexed.tokens;
  let result: unknown;
  try {
    result = rule(p);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    // The parser recurses per nesting level; JS's stack ends it long before any real script would.
    if (error instanceof RangeError) throw p.b.error("NestingTooDeep", parserMessage("NestingTooDeep"), p.peek(1), false);
    throw fromRecognition(p, error as IRecognitionException);
  }
  if (p.errors.length) throw fromRecognition(p, p.errors[0]);
  const pending = p.b.pending;
  // `$( … )` inside strings: parsed now that this parse is done, each over its own slice of the source.
  for (const item of pending) {
    item.node.statements = run(source, file, item.start, (q) => q.statementList(), source.slice(item.start, item.end)) as Statement[];
  }
  return result;
}

function fromRecognition(p: RshParser, error: IRecognitionException): ParseError {
  if (error instanceof ParseError) return error;
  const token = error.token ?? p.peek(1);
  if (token.tokenType === Unterminated) {
    try {
      p.unterminated(token);
    } catch (e) {
      return e as ParseError;
    }
  }
  const eof = token.tokenType === EOF || isNaN(token.startOffset);
  const image = eof ? "<eof>" : token.image.split(/\r?\n/)[0];
  return p.b.error("UnexpectedToken", parserMessage("UnexpectedToken", image), token, eof);
}
