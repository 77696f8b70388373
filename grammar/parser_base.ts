/**
 * The parser's foundation: chevrotain set-up (lazy lookahead), the AST builder, and the helpers the grammar rules
 * share (newline skipping, PowerShell-worded errors). The rules are split by construct over parser_expressions.ts,
 * parser_commands.ts and parser.ts; each file's class extends the one below it.
 */
import { EmbeddedActionsParser, EOF, type IToken, LLkLookaheadStrategy, type ParserMethod, type TokenType } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { parserMessage, type ParserErrorId } from "./errors.ts";
import { Builder } from "./builder.ts";

/** Rule arguments made once (chevrotain only reads them). */
export const WITH_COMMA = { ARGS: [true] as [boolean] };
export const NO_COMMA = { ARGS: [false] as [boolean] };

const VALUE_START: ReadonlySet<TokenType> = new Set([T.Variable, T.NumberLiteral, T.SingleQuoted, T.DoubleQuoted, T.HereString, T.LParen,
  T.DollarParen, T.AtParen, T.AtBrace, T.LBrace, T.TypeOpen, T.Minus, T.Plus, T.Exclaim, T.DashUnaryOperator,
  T.PlusPlus, T.MinusMinus, T.Comma, T.Unterminated]);

/**
 * chevrotain computes every decision's lookahead function when the parser is built (~20 ms here); a one-line
 * `rsh -c` touches a handful of them. This strategy builds each one on its first use instead.
 */
type Strategy = InstanceType<typeof LLkLookaheadStrategy>;

class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<Strategy["buildLookaheadForAlternation"]>[0]) {
    let built: ReturnType<Strategy["buildLookaheadForAlternation"]> | undefined;
    const build = () => (built ??= super.buildLookaheadForAlternation(options));
    return function (this: unknown, alternatives: unknown) {
      return (build() as (a: unknown) => number | undefined).call(this, alternatives);
    };
  }

  override buildLookaheadForOptional(options: Parameters<Strategy["buildLookaheadForOptional"]>[0]) {
    let built: ReturnType<Strategy["buildLookaheadForOptional"]> | undefined;
    const build = () => (built ??= super.buildLookaheadForOptional(options));
    return function (this: unknown) {
      return (build() as () => boolean).call(this);
    };
  }
}

/** The rules each layer of the parser calls in another file (defined by the subclasses). */
export abstract class ParserBase extends EmbeddedActionsParser {
  b = new Builder();

  abstract statement: ParserMethod<[], A.Statement>;
  abstract statementList: ParserMethod<[], A.Statement[]>;
  abstract scriptBlockBody: ParserMethod<[IToken], A.ScriptBlock>;
  abstract pipelineChain: ParserMethod<[], A.Statement>;

  /** Newlines as grammar (not an action), where a GATE looks past them: `}` newline `else`, newline `| cmd`. */
  newlines = this.RULE("newlines", () => {
    this.MANY(() => this.CONSUME(T.NewLine));
  });

  constructor() {
    super(T.allTokens, {
      maxLookahead: 1,
      recoveryEnabled: false,
      skipValidations: true,
      lookaheadStrategy: new LazyLookahead({ maxLookahead: 1 }),
    });
  }

  // ---------------------------------------------------------------- helpers (not grammar)

  /**
   * False while chevrotain records the grammar (performSelfAnalysis), when actions must not run. The hottest rules
   * test it instead of wrapping each action in an ACTION closure, and keep their alternatives in arrays made once:
   * a closure or an alternatives array made per call was most of what a parse allocated besides tokens and nodes.
   */
  get live(): boolean {
    return !this.RECORDING_PHASE;
  }

  /** The token `k` ahead (0 = the last consumed one), for the builder and the error mapper. */
  peek(k: number): IToken {
    return this.LA(k);
  }

  /** Skips newlines where PowerShell lets a construct continue on the next line. */
  nl(): void {
    if (!this.live) return;
    while (this.LA(1).tokenType === T.NewLine) (this as any).SKIP_TOKEN();
  }

  is(type: TokenType, k = 1): boolean {
    return this.LA(k).tokenType === type;
  }

  /** The first token after any newlines. */
  peekPastNewlines(): IToken {
    let k = 1;
    while (this.LA(k).tokenType === T.NewLine) k++;
    return this.LA(k);
  }

  canStartValue(token: IToken = this.LA(1)): boolean {
    const type = token.tokenType;
    if (VALUE_START.has(type)) return true;
    return type === T.DashOperator && /^-[ic]?(split|join)$/i.test(token.image);
  }

  /** Throws a ParseError at `at`; the input is incomplete when the offending token is the end of input. */
  fail(id: ParserErrorId, arg?: string, at: IToken = this.LA(1), found: IToken = this.LA(1)): never {
    throw this.b.error(id, parserMessage(id, arg), at, found.tokenType === EOF || found.tokenType === T.Unterminated);
  }

  expect(type: TokenType, id: ParserErrorId, arg?: string, at?: IToken): void {
    if (this.live && !this.is(type)) this.fail(id, arg, at ?? this.LA(1));
  }

  unexpected(): never {
    const token = this.LA(1);
    if (token.tokenType === EOF) this.fail("UnexpectedToken", "<eof>", this.LA(0) ?? token);
    if (token.tokenType === T.Unterminated) this.unterminated(token);
    if (token.tokenType === T.LessThan) this.fail("RedirectionNotSupported");
    if (token.tokenType === T.LBracket) this.fail("MissingTypename");
    if (token.tokenType === T.Param) this.fail("ParamBlockNotFirst");
    this.fail("UnexpectedToken", token.image.split(/\r?\n/)[0]);
  }

  unterminated(token: IToken): never {
    const text = token.image;
    if (text.startsWith("<#")) this.fail("MissingTerminatorMultiLineComment", undefined, token);
    const quote = text.startsWith("@") ? text[1] + "@" : text[0];
    this.fail(text.startsWith("@") ? "IncompleteHereString" : "TerminatorExpectedAtEndOfString", quote, token);
  }

  /** After a statement: a separator, a closing bracket or the end must follow. */
  endOfStatement(): void {
    if (!this.live) return;
    const type = this.LA(1).tokenType;
    if (type === T.NewLine || type === T.Semicolon || type === T.RBrace || type === T.RParen || type === EOF) return;
    this.unexpected();
  }

  separators(): void {
    if (!this.live) return;
    while (this.is(T.NewLine) || this.is(T.Semicolon)) (this as any).SKIP_TOKEN();
  }
}
