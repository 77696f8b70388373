/**
 * The chevrotain parser: tokens → rsh's AST (ast.ts). Actions build nodes directly (an embedded-actions parser, no
 * CST) because a parse of a 5 MB script must stay fast; every action is wrapped in ACTION so chevrotain's grammar
 * recording never runs it. Binary operators are parsed flat and folded by PowerShell's precedence table.
 * Newlines are real tokens (they end statements); where PowerShell lets a construct continue on the next line,
 * `nl()` skips them.
 */
import { EmbeddedActionsParser, EOF, type IToken, LLkLookaheadStrategy, type TokenType } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { parserMessage, type ParserErrorId } from "./errors.ts";
import { Builder } from "./builder.ts";

/** PowerShell's binary precedence (TokenFlags.BinaryPrecedence*): higher binds tighter. */
function precedence(op: string): number {
  switch (op) {
    case "..": return 13;
    case "-f": return 12;
    case "*": case "/": case "%": return 10;
    case "+": case "-": return 9;
    case "??": return 7;
    case "-and": case "-or": case "-xor": return 1;
    case "-band": case "-bor": case "-bxor": return 2;
    default: return 5; // comparison, -is/-as, -split/-join/-replace, -shl/-shr
  }
}

const VALUE_START: TokenType[] = [T.Variable, T.NumberLiteral, T.SingleQuoted, T.DoubleQuoted, T.HereString, T.LParen,
  T.DollarParen, T.AtParen, T.AtBrace, T.LBrace, T.TypeOpen, T.Minus, T.Plus, T.Exclaim, T.DashUnaryOperator,
  T.PlusPlus, T.MinusMinus, T.Comma, T.Unterminated];

/**
 * chevrotain computes every decision's lookahead function when the parser is built (~20 ms here); a one-line
 * `rsh -c` touches a handful of them. This strategy builds each one on its first use instead.
 */
type Strategy = InstanceType<typeof LLkLookaheadStrategy>;

class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<Strategy["buildLookaheadForAlternation"]>[0]) {
    let built: ReturnType<Strategy["buildLookaheadForAlternation"]> | undefined;
    const build = () => (built ??= super.buildLookaheadForAlternation(options));
    return function (this: unknown, ...args: unknown[]) {
      return (build() as (...a: unknown[]) => number | undefined).apply(this, args);
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

export class RshParser extends EmbeddedActionsParser {
  b = new Builder();

  constructor() {
    super(T.allTokens, {
      maxLookahead: 1,
      recoveryEnabled: false,
      skipValidations: true,
      lookaheadStrategy: new LazyLookahead({ maxLookahead: 1 }),
    });
    this.performSelfAnalysis();
  }

  // ---------------------------------------------------------------- helpers (not grammar)

  /** The token `k` ahead (0 = the last consumed one), for the builder and the error mapper. */
  peek(k: number): IToken {
    return this.LA(k);
  }

  /** Skips newlines where PowerShell lets a construct continue on the next line. */
  nl(): void {
    this.ACTION(() => {
      while (this.LA(1).tokenType === T.NewLine) (this as any).SKIP_TOKEN();
    });
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
    if (VALUE_START.includes(type)) return true;
    return type === T.DashOperator && /^-[ic]?(split|join)$/i.test(token.image);
  }

  /** Throws a ParseError at `at`; the input is incomplete when the offending token is the end of input. */
  fail(id: ParserErrorId, arg?: string, at: IToken = this.LA(1), found: IToken = this.LA(1)): never {
    throw this.b.error(id, parserMessage(id, arg), at, found.tokenType === EOF || found.tokenType === T.Unterminated);
  }

  expect(type: TokenType, id: ParserErrorId, arg?: string, at?: IToken): void {
    this.ACTION(() => {
      if (!this.is(type)) this.fail(id, arg, at ?? this.LA(1));
    });
  }

  unexpected(): never {
    const token = this.LA(1);
    if (token.tokenType === EOF) this.fail("UnexpectedToken", "<eof>", this.LA(0) ?? token);
    if (token.tokenType === T.Unterminated) this.unterminated(token);
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
    this.ACTION(() => {
      const type = this.LA(1).tokenType;
      if (type === T.NewLine || type === T.Semicolon || type === T.RBrace || type === T.RParen || type === EOF) return;
      this.unexpected();
    });
  }

  separators(): void {
    this.ACTION(() => {
      while (this.is(T.NewLine) || this.is(T.Semicolon)) (this as any).SKIP_TOKEN();
    });
  }

  // ---------------------------------------------------------------- script blocks

  /** Newlines as grammar (not an action), where a GATE looks past them: `}` newline `else`, newline `| cmd`. */
  newlines = this.RULE("newlines", () => {
    this.MANY(() => this.CONSUME(T.NewLine));
  });

  script = this.RULE("script", (): A.ScriptBlock => {
    const start = this.LA(1);
    const block = this.SUBRULE(this.scriptBlockBody, { ARGS: [start] });
    this.ACTION(() => {
      if (!this.is(EOF)) this.unexpected();
    });
    return block;
  });

  /** The inside of a script or `{ }`: attributes, `param()`, then named blocks or plain statements. */
  scriptBlockBody = this.RULE("scriptBlockBody", (start: IToken): A.ScriptBlock => {
    this.separators();
    let paramBlock: A.ParamBlock | null = null;
    this.OPTION({
      GATE: () => this.is(T.Param) || (this.is(T.TypeOpen) && this.is(T.LParen, 2)),
      DEF: () => {
        paramBlock = this.SUBRULE(this.paramBlock);
        this.separators();
      },
    });
    const blocks: Record<string, A.NamedBlock | null> = { begin: null, process: null, end: null };
    let unnamed: A.Statement[] | null = null;
    this.OR([
      {
        GATE: () => this.is(T.Begin) || this.is(T.Process) || this.is(T.End),
        ALT: () => {
          this.MANY(() => {
            const keyword = this.OR1([
              { ALT: () => this.CONSUME(T.Begin) },
              { ALT: () => this.CONSUME(T.Process) },
              { ALT: () => this.CONSUME(T.End) },
            ]);
            this.nl();
            const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingStatementBlock", "'" + keyword?.image + "'"] });
            this.ACTION(() => {
              const name = keyword.image.toLowerCase() as A.NamedBlock["name"];
              blocks[name] = this.b.namedBlock(name, body.statements, body.traps, keyword);
            });
            this.separators();
          });
        },
      },
      { ALT: () => (unnamed = this.SUBRULE(this.statementList)) },
    ]);
    return this.ACTION(() => {
      let end = blocks.end;
      if (unnamed !== null) {
        const list = unnamed as A.Statement[];
        end = this.b.namedBlock("end", list.filter((s) => s.kind !== "Trap"), list.filter((s) => s.kind === "Trap") as A.Trap[], start);
      }
      return this.b.scriptBlock(paramBlock, blocks.begin, blocks.process, end, unnamed !== null, start);
    });
  });

  statementList = this.RULE("statementList", (): A.Statement[] => {
    const statements: A.Statement[] = [];
    this.separators();
    this.MANY({
      GATE: () => !this.is(T.RBrace) && !this.is(T.RParen) && !this.is(EOF),
      DEF: () => {
        statements.push(this.SUBRULE(this.statement));
        this.endOfStatement();
        this.separators();
      },
    });
    return statements;
  });

  /** `{ statements }` as a statement body; a missing `{` reports `missing`, a missing `}` points at the `{`. */
  statementBlock = this.RULE("statementBlock", (missing: ParserErrorId, arg?: string): A.StatementBlock => {
    this.expect(T.LBrace, missing, arg);
    const open = this.CONSUME(T.LBrace);
    const statements = this.SUBRULE(this.statementList);
    this.expect(T.RBrace, "MissingEndCurlyBrace", undefined, open);
    this.CONSUME(T.RBrace);
    return this.ACTION(() => this.b.statementBlock(statements, open));
  });

  paramBlock = this.RULE("paramBlock", (): A.ParamBlock => {
    const start = this.LA(1);
    const attributes: A.Attribute[] = [];
    this.MANY(() => {
      const attribute = this.SUBRULE(this.attributeOrType);
      this.ACTION(() => {
        if (attribute.kind === "Attribute") attributes.push(attribute);
      });
      this.nl();
    });
    this.CONSUME(T.Param);
    this.nl();
    this.CONSUME(T.LParen);
    const parameters = this.SUBRULE(this.parameterList);
    this.expect(T.RParen, "MissingParameterListParenthesis");
    this.CONSUME(T.RParen);
    return this.ACTION(() => this.b.paramBlock(attributes, parameters, start));
  });

  parameterList = this.RULE("parameterList", (): A.Parameter[] => {
    const parameters: A.Parameter[] = [];
    this.nl();
    this.OPTION(() => {
      parameters.push(this.SUBRULE(this.parameter));
      this.nl();
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.nl();
        parameters.push(this.SUBRULE1(this.parameter));
        this.nl();
      });
    });
    return parameters;
  });

  parameter = this.RULE("parameter", (): A.Parameter => {
    const start = this.LA(1);
    const attributes: (A.Attribute | A.TypeConstraint)[] = [];
    this.MANY(() => {
      attributes.push(this.SUBRULE(this.attributeOrType));
      this.nl();
    });
    const variable = this.CONSUME(T.Variable);
    let defaultValue: A.Expression | null = null;
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.nl();
      defaultValue = this.SUBRULE(this.expression, { ARGS: [false] });
    });
    return this.ACTION(() => this.b.parameter(attributes, variable, defaultValue, start));
  });

  /** `[Name(args)]` (an attribute) or `[type]` (a type constraint). */
  attributeOrType = this.RULE("attributeOrType", (): A.Attribute | A.TypeConstraint => {
    const open = this.CONSUME(T.TypeOpen);
    let args: { positional: A.Expression[]; named: A.NamedAttributeArgument[] } | null = null;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      args = this.SUBRULE(this.attributeArguments);
      this.expect(T.RParen, "MissingEndParenthesisInAttribute");
      this.CONSUME(T.RParen);
    });
    this.expect(T.RBracket, "EndSquareBracketExpectedAtEndOfAttribute");
    this.CONSUME(T.RBracket);
    return this.ACTION(() => args ? this.b.attribute(open, args) : this.b.typeConstraint(open));
  });

  attributeArguments = this.RULE("attributeArguments", () => {
    const positional: A.Expression[] = [];
    const named: A.NamedAttributeArgument[] = [];
    const one = (idx: number) => {
      this.nl();
      this.or(idx, [
        {
          ALT: () => {
            const name = this.CONSUME(T.Identifier);
            let value: A.Expression | null = null;
            this.option(idx, () => {
              this.CONSUME(T.Equals);
              this.nl();
              value = this.SUBRULE(this.expression, { ARGS: [false] });
            });
            this.ACTION(() => named.push(this.b.namedAttributeArgument(name, value)));
          },
        },
        { ALT: () => positional.push(this.SUBRULE1(this.expression, { ARGS: [false] })) },
      ]);
      this.nl();
    };
    this.OPTION(() => {
      one(1);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        one(2);
      });
    });
    return { positional, named };
  });

  // ---------------------------------------------------------------- statements

  statement = this.RULE("statement", (): A.Statement => {
    let label: IToken | null = null;
    this.OPTION(() => {
      label = this.CONSUME(T.LoopLabel);
      this.nl();
      this.ACTION(() => {
        const next = this.LA(1).tokenType;
        if (![T.Foreach, T.For, T.While, T.Do, T.Switch].includes(next)) this.fail("LabelNotFollowedByLoop", undefined, label!);
      });
    });
    const name = () => this.ACTION(() => label ? (label as IToken).image.slice(1) : null);
    return this.OR([
      { ALT: () => this.SUBRULE(this.ifStatement) },
      { ALT: () => this.SUBRULE(this.switchStatement, { ARGS: [name()] }) },
      { ALT: () => this.SUBRULE(this.foreachStatement, { ARGS: [name()] }) },
      { ALT: () => this.SUBRULE(this.forStatement, { ARGS: [name()] }) },
      { ALT: () => this.SUBRULE(this.whileStatement, { ARGS: [name()] }) },
      { ALT: () => this.SUBRULE(this.doStatement, { ARGS: [name()] }) },
      { ALT: () => this.SUBRULE(this.functionDefinition) },
      { ALT: () => this.SUBRULE(this.tryStatement) },
      { ALT: () => this.SUBRULE(this.trapStatement) },
      { ALT: () => this.SUBRULE(this.flowStatement) },
      { ALT: () => this.SUBRULE(this.breakStatement) },
      { ALT: () => this.SUBRULE(this.pipelineChain) },
    ]);
  });

  /** `(` statement `)` after a keyword: the condition of if/while/switch. */
  condition = this.RULE("condition", (keyword: IToken, missingOpen: ParserErrorId): A.Statement => {
    this.nl();
    this.expect(T.LParen, missingOpen, keyword?.image?.toLowerCase(), keyword);
    this.CONSUME(T.LParen);
    this.nl();
    this.ACTION(() => {
      if (this.is(T.RParen) && keyword.tokenType === T.If) this.fail("IfStatementMissingCondition");
    });
    const condition = this.SUBRULE(this.pipelineChain);
    this.nl();
    this.expect(T.RParen, "MissingEndParenthesisAfterStatement", keyword?.image?.toLowerCase());
    this.CONSUME(T.RParen);
    return condition;
  });

  ifStatement = this.RULE("ifStatement", (): A.If => {
    const clauses: A.IfClause[] = [];
    let elseBody: A.StatementBlock | null = null;
    const keyword = this.CONSUME(T.If);
    const condition = this.SUBRULE(this.condition, { ARGS: [keyword, "MissingOpenParenthesisInIfStatement"] });
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingStatementBlock", "if ( condition )"] });
    this.ACTION(() => clauses.push(this.b.ifClause(condition, body, keyword)));
    this.MANY({
      GATE: () => this.peekPastNewlines().tokenType === T.ElseIf,
      DEF: () => {
        this.SUBRULE(this.newlines);
        const elseIf = this.CONSUME(T.ElseIf);
        const c = this.SUBRULE1(this.condition, { ARGS: [elseIf, "MissingOpenParenthesisAfterKeyword"] });
        this.nl();
        const b = this.SUBRULE1(this.statementBlock, { ARGS: ["MissingStatementBlock", "elseif ( condition )"] });
        this.ACTION(() => clauses.push(this.b.ifClause(c, b, elseIf)));
      },
    });
    this.OPTION({
      GATE: () => this.peekPastNewlines().tokenType === T.Else,
      DEF: () => {
        this.SUBRULE1(this.newlines);
        this.CONSUME(T.Else);
        this.nl();
        elseBody = this.SUBRULE2(this.statementBlock, { ARGS: ["MissingStatementBlockAfterElse"] });
      },
    });
    return this.ACTION(() => this.b.ifStatement(clauses, elseBody, keyword));
  });

  switchStatement = this.RULE("switchStatement", (label: string | null): A.Switch => {
    const keyword = this.CONSUME(T.Switch);
    const flags: A.SwitchFlags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false };
    this.MANY(() => {
      const flag = this.CONSUME(T.Parameter);
      this.ACTION(() => {
        const name = flag.image.slice(1).toLowerCase();
        const key = name === "casesensitive" ? "caseSensitive" : name;
        if (!(key in flags)) this.fail("InvalidSwitchFlag", flag.image, flag, flag);
        flags[key as keyof A.SwitchFlags] = true;
      });
    });
    const subject = this.SUBRULE(this.condition, { ARGS: [keyword, "MissingSwitchConditionExpression"] });
    this.nl();
    this.expect(T.LBrace, "MissingCurlyInSwitchStatement");
    const open = this.CONSUME(T.LBrace);
    const clauses: A.SwitchClause[] = [];
    let defaultBody: A.StatementBlock | null = null;
    this.separators();
    this.MANY1({
      GATE: () => !this.is(T.RBrace) && !this.is(EOF),
      DEF: () => {
        const start = this.LA(1);
        const pattern = this.OR([
          { ALT: () => { const t = this.CONSUME(T.Identifier); return this.ACTION(() => this.b.bareword(t)); } },
          { ALT: () => this.SUBRULE(this.unary) },
        ]);
        this.nl();
        const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingSwitchStatementClause"] });
        this.ACTION(() => {
          if (start.tokenType === T.Identifier && start.image.toLowerCase() === "default") defaultBody = body;
          else clauses.push(this.b.switchClause(pattern, body, start));
        });
        this.separators();
      },
    });
    this.expect(T.RBrace, "MissingEndCurlyBrace", undefined, open);
    this.CONSUME(T.RBrace);
    return this.ACTION(() => this.b.switchStatement(label, flags, subject, clauses, defaultBody, keyword));
  });

  foreachStatement = this.RULE("foreachStatement", (label: string | null): A.Foreach => {
    const keyword = this.CONSUME(T.Foreach);
    this.nl();
    this.expect(T.LParen, "MissingOpenParenthesisAfterKeyword", "foreach", keyword);
    this.CONSUME(T.LParen);
    this.nl();
    this.expect(T.Variable, "MissingVariableNameAfterForeach");
    const variable = this.CONSUME(T.Variable);
    this.nl();
    this.ACTION(() => {
      if (!this.is(T.Identifier) || this.LA(1).image.toLowerCase() !== "in") this.fail("MissingInInForeach");
    });
    this.CONSUME(T.Identifier);
    this.nl();
    const iterable = this.SUBRULE(this.pipelineChain);
    this.nl();
    this.expect(T.RParen, "MissingEndParenthesisAfterStatement", "foreach");
    this.CONSUME(T.RParen);
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingForeachStatement"] });
    return this.ACTION(() => this.b.foreachStatement(label, this.b.variable(variable), iterable, body, keyword));
  });

  forStatement = this.RULE("forStatement", (label: string | null): A.For => {
    const keyword = this.CONSUME(T.For);
    this.nl();
    this.expect(T.LParen, "MissingOpenParenthesisAfterKeyword", "for", keyword);
    this.CONSUME(T.LParen);
    const parts: (A.Statement | null)[] = [null, null, null];
    const part = (index: number) => {
      this.nl();
      this.option(index, () => {
        parts[index] = this.SUBRULE(this.pipelineChain, {});
      });
      this.nl();
    };
    part(0);
    this.OPTION3(() => this.CONSUME(T.Semicolon));
    part(1);
    this.OPTION4(() => this.CONSUME1(T.Semicolon));
    part(2);
    this.expect(T.RParen, "MissingEndParenthesisAfterStatement", "for");
    this.CONSUME(T.RParen);
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingLoopStatement", "for"] });
    return this.ACTION(() => this.b.forStatement(label, parts[0], parts[1], parts[2], body, keyword));
  });

  whileStatement = this.RULE("whileStatement", (label: string | null): A.While => {
    const keyword = this.CONSUME(T.While);
    const condition = this.SUBRULE(this.condition, { ARGS: [keyword, "MissingOpenParenthesisAfterKeyword"] });
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingLoopStatement", "while"] });
    return this.ACTION(() => this.b.whileStatement(label, condition, body, keyword));
  });

  doStatement = this.RULE("doStatement", (label: string | null): A.DoLoop => {
    const keyword = this.CONSUME(T.Do);
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingLoopStatement", "do"] });
    this.nl();
    this.ACTION(() => {
      if (!this.is(T.While) && !this.is(T.Until)) this.fail("MissingWhileOrUntilInDoWhile");
    });
    const which = this.OR([{ ALT: () => this.CONSUME(T.While) }, { ALT: () => this.CONSUME(T.Until) }]);
    const condition = this.SUBRULE(this.condition, { ARGS: [which, "MissingOpenParenthesisAfterKeyword"] });
    return this.ACTION(() => this.b.doLoop(label, which.tokenType === T.Until, condition, body, keyword));
  });

  functionDefinition = this.RULE("functionDefinition", (): A.FunctionDefinition => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.FunctionKeyword) }, { ALT: () => this.CONSUME(T.Filter) }]);
    this.expect(T.CommandName, "MissingNameAfterFunctionKeyword");
    const name = this.CONSUME(T.CommandName);
    let parameters: A.Parameter[] | null = null;
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      parameters = this.SUBRULE(this.parameterList);
      this.expect(T.RParen, "MissingParameterListParenthesis");
      this.CONSUME(T.RParen);
    });
    this.nl();
    this.expect(T.LBrace, "MissingFunctionBody");
    const open = this.CONSUME(T.LBrace);
    const body = this.SUBRULE(this.scriptBlockBody, { ARGS: [open] });
    this.expect(T.RBrace, "MissingEndCurlyBrace", undefined, open);
    this.CONSUME(T.RBrace);
    return this.ACTION(() => this.b.functionDefinition(keyword, name, parameters, this.b.closeBlock(body, open), keyword));
  });

  tryStatement = this.RULE("tryStatement", (): A.Try => {
    const keyword = this.CONSUME(T.Try);
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingTryStatementBlock"] });
    const catches: A.CatchClause[] = [];
    let finallyBody: A.StatementBlock | null = null;
    this.MANY({
      GATE: () => this.peekPastNewlines().tokenType === T.Catch,
      DEF: () => {
        this.SUBRULE(this.newlines);
        const catchToken = this.CONSUME(T.Catch);
        const types: A.TypeName[] = [];
        this.nl();
        this.MANY1(() => {
          const open = this.CONSUME(T.TypeOpen);
          this.CONSUME(T.RBracket);
          this.ACTION(() => types.push(this.b.typeName(open)));
          this.nl();
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.nl();
          });
        });
        const handler = this.SUBRULE1(this.statementBlock, { ARGS: ["MissingCatchHandlerBlock"] });
        this.ACTION(() => catches.push(this.b.catchClause(types, handler, catchToken)));
      },
    });
    this.OPTION1({
      GATE: () => this.peekPastNewlines().tokenType === T.Finally,
      DEF: () => {
        this.SUBRULE1(this.newlines);
        this.CONSUME(T.Finally);
        this.nl();
        finallyBody = this.SUBRULE2(this.statementBlock, { ARGS: ["MissingFinallyStatementBlock"] });
      },
    });
    return this.ACTION(() => {
      if (catches.length === 0 && finallyBody === null) this.fail("MissingCatchOrFinally", undefined, keyword, this.LA(1));
      return this.b.tryStatement(body, catches, finallyBody, keyword);
    });
  });

  trapStatement = this.RULE("trapStatement", (): A.Trap => {
    const keyword = this.CONSUME(T.Trap);
    let type: IToken | null = null;
    this.OPTION(() => {
      type = this.CONSUME(T.TypeOpen);
      this.CONSUME(T.RBracket);
    });
    this.nl();
    const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingStatementBlock", "trap"] });
    return this.ACTION(() => this.b.trap(type ? this.b.typeName(type) : null, body, keyword));
  });

  flowStatement = this.RULE("flowStatement", (): A.Flow => {
    const keyword = this.OR([
      { ALT: () => this.CONSUME(T.Return) },
      { ALT: () => this.CONSUME(T.Exit) },
      { ALT: () => this.CONSUME(T.Throw) },
    ]);
    let pipeline: A.Statement | null = null;
    this.OPTION({
      GATE: () => ![T.NewLine, T.Semicolon, T.RBrace, T.RParen, EOF].includes(this.LA(1).tokenType),
      DEF: () => (pipeline = this.SUBRULE(this.pipelineChain)),
    });
    return this.ACTION(() => this.b.flow(keyword, pipeline));
  });

  breakStatement = this.RULE("breakStatement", (): A.Break => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]);
    let label: A.Expression | null = null;
    this.OPTION(() => {
      label = this.OR1([
        { ALT: () => { const t = this.CONSUME(T.Identifier); return this.ACTION(() => this.b.bareword(t)); } },
        { ALT: () => this.SUBRULE(this.postfixExpression) },
      ]);
    });
    return this.ACTION(() => this.b.breakStatement(keyword, label));
  });

  // ---------------------------------------------------------------- pipelines and commands

  pipelineChain = this.RULE("pipelineChain", (): A.Statement => {
    let left: A.Statement = this.SUBRULE(this.pipeline);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.AndAnd) }, { ALT: () => this.CONSUME(T.OrOr) }]);
      this.nl();
      this.ACTION(() => {
        if (!this.canStartValue() && !this.is(T.CommandName) && !this.is(T.Ampersand) && !this.is(T.DotSource)) {
          this.fail("MissingPipelineAfterChainOperator", op.image, op, this.LA(1));
        }
      });
      const right = this.SUBRULE1(this.pipeline);
      this.ACTION(() => {
        left = this.b.chain(left as A.Pipeline | A.PipelineChain, op, right as A.Pipeline);
      });
    });
    return left;
  });

  /** A pipeline, or an assignment (whose first element is the target expression). */
  pipeline = this.RULE("pipeline", (): A.Statement => {
    const elements: A.PipelineElement[] = [];
    let assignment: A.Assignment | null = null;
    this.OR([
      { ALT: () => elements.push(this.SUBRULE(this.command)) },
      {
        ALT: () => {
          const expression = this.SUBRULE(this.expression, { ARGS: [true] });
          this.OR1([
            {
              ALT: () => {
                const op = this.CONSUME(T.AssignmentOperator);
                this.nl();
                this.ACTION(() => {
                  if (!this.canStartValue() && !this.is(T.CommandName) && !this.is(T.Ampersand) && !this.is(T.DotSource) &&
                    !(this.LA(1).tokenType.CATEGORIES ?? []).includes(T.Keyword)) {
                    this.fail("MissingStatementAfterAssignment", op.image, op, this.LA(1));
                  }
                });
                const value = this.SUBRULE(this.statement);
                this.ACTION(() => (assignment = this.b.assignment(expression, op, value)));
              },
            },
            {
              ALT: () => {
                const redirections = this.SUBRULE(this.redirections);
                this.ACTION(() => elements.push(this.b.commandExpression(expression, redirections)));
              },
            },
          ]);
        },
      },
    ]);
    if (this.ACTION(() => assignment !== null)) return assignment!;
    this.MANY({
      GATE: () => this.peekPastNewlines().tokenType === T.Pipe,
      DEF: () => {
        this.SUBRULE(this.newlines);
        const pipe = this.CONSUME(T.Pipe);
        this.nl();
        this.ACTION(() => {
          if (this.is(T.CommandName) || this.is(T.Ampersand) || this.is(T.DotSource)) return;
          if (this.canStartValue()) this.fail("ExpressionsMustBeFirstInPipeline");
          this.fail("EmptyPipeElement", undefined, this.is(EOF) ? pipe : this.LA(1));
        });
        elements.push(this.SUBRULE1(this.command));
      },
    });
    let background = false;
    this.OPTION(() => {
      this.CONSUME(T.Ampersand);
      background = true;
    });
    return this.ACTION(() => this.b.pipeline(elements, background));
  });

  redirections = this.RULE("redirections", (): A.Redirection[] => {
    const list: A.Redirection[] = [];
    this.MANY(() => list.push(this.SUBRULE(this.redirection)));
    return list;
  });

  redirection = this.RULE("redirection", (): A.Redirection => {
    const op = this.CONSUME(T.Redirection);
    let target: A.Expression | null = null;
    this.ACTION(() => {
      if (op.image.includes("&")) return;
      if (!this.is(T.GenericArgument) && !this.canStartValue() && !this.is(T.NumberLiteral)) {
        this.fail("MissingFileSpecification", undefined, op, this.LA(1));
      }
    });
    this.OPTION({
      GATE: () => !op.image.includes("&"),
      DEF: () => {
        target = this.SUBRULE(this.argumentPrimary);
      },
    });
    return this.ACTION(() => this.b.redirection(op, target));
  });

  command = this.RULE("command", (): A.Command => {
    const start = this.LA(1);
    let invocation: IToken | null = null;
    const name = this.OR([
      { ALT: () => { const t = this.CONSUME(T.CommandName); return this.ACTION(() => this.b.bareword(t)); } },
      {
        ALT: () => {
          invocation = this.OR1([{ ALT: () => this.CONSUME(T.Ampersand) }, { ALT: () => this.CONSUME(T.DotSource) }]);
          return this.OR2([
            { ALT: () => { const t = this.CONSUME1(T.CommandName); return this.ACTION(() => this.b.bareword(t)); } },
            { ALT: () => this.SUBRULE(this.postfixExpression) },
          ]);
        },
      },
    ]);
    const elements: A.CommandElement[] = [];
    const redirections: A.Redirection[] = [];
    this.MANY(() => {
      this.OR3([
        {
          ALT: () => {
            const parameter = this.CONSUME(T.Parameter);
            let argument: A.Expression | null = null;
            this.OPTION({
              GATE: () => parameter.image.endsWith(":"),
              DEF: () => {
                this.ACTION(() => {
                  if (!this.is(T.GenericArgument) && !this.canStartValue() && !this.is(T.NumberLiteral) && !this.is(T.SplatVariable)) {
                    this.fail("MissingArgument", parameter.image.slice(1, -1), parameter, this.LA(1));
                  }
                });
                argument = this.SUBRULE(this.commandArgument);
              },
            });
            this.ACTION(() => elements.push(this.b.commandParameter(parameter, argument)));
          },
        },
        { ALT: () => this.CONSUME(T.EndOfParameters) },
        { ALT: () => redirections.push(this.SUBRULE(this.redirection)) },
        { ALT: () => elements.push(this.SUBRULE1(this.commandArgument)) },
      ]);
    });
    return this.ACTION(() => this.b.command(invocation, name, elements, redirections, start));
  });

  /** One argument: a value, or values joined by commas into an array (`a,b,c`). */
  commandArgument = this.RULE("commandArgument", (): A.Expression => {
    const first = this.SUBRULE(this.argumentPrimary);
    const rest: A.Expression[] = [];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.nl();
      this.ACTION(() => {
        if (!this.is(T.GenericArgument) && !this.canStartValue() && !this.is(T.NumberLiteral)) this.fail("MissingExpressionAfterComma");
      });
      rest.push(this.SUBRULE1(this.argumentPrimary));
    });
    return this.ACTION(() => rest.length ? this.b.arrayLiteral([first, ...rest]) : first);
  });

  argumentPrimary = this.RULE("argumentPrimary", (): A.Expression => {
    return this.OR([
      { ALT: () => { const t = this.CONSUME(T.GenericArgument); return this.ACTION(() => this.b.bareArgument(t)); } },
      { ALT: () => { const t = this.CONSUME(T.SplatVariable); return this.ACTION(() => this.b.splat(t)); } },
      { ALT: () => this.SUBRULE(this.postfixExpression) },
    ]);
  });

  // ---------------------------------------------------------------- expressions

  /** A full expression: binary operators, then an optional ternary. `allowComma` is off in method arguments. */
  expression = this.RULE("expression", (allowComma: boolean): A.Expression => {
    const condition = this.SUBRULE(this.binaryExpression, { ARGS: [allowComma] });
    let result = condition;
    this.OPTION(() => {
      const question = this.CONSUME(T.Question);
      this.nl();
      const ifTrue = this.SUBRULE(this.expression, { ARGS: [allowComma] });
      this.nl();
      this.expect(T.Colon, "MissingTernaryColon", undefined, question);
      this.CONSUME(T.Colon);
      this.nl();
      this.ACTION(() => {
        if (!this.canStartValue()) this.fail("MissingTernaryFalseExpression", undefined, this.is(EOF) ? this.peek(0) : this.LA(1));
      });
      const ifFalse = this.SUBRULE1(this.expression, { ARGS: [allowComma] });
      this.ACTION(() => (result = this.b.ternary(condition, ifTrue, ifFalse)));
    });
    return result;
  });

  binaryExpression = this.RULE("binaryExpression", (allowComma: boolean): A.Expression => {
    const operands: A.Expression[] = [this.SUBRULE(this.arrayLiteral, { ARGS: [allowComma] })];
    const operators: IToken[] = [];
    this.MANY(() => {
      const op = this.CONSUME(T.BinaryOperator);
      this.nl();
      this.ACTION(() => {
        if (!this.canStartValue()) this.fail("ExpectedValueExpression", op.image, this.is(EOF) ? op : this.LA(1));
      });
      operators.push(op);
      operands.push(this.SUBRULE1(this.arrayLiteral, { ARGS: [allowComma] }));
    });
    return this.ACTION(() => operators.length ? this.fold(operands, operators) : operands[0]);
  });

  /** Folds `a op b op c …` by precedence; operators of equal precedence associate left. */
  fold(operands: A.Expression[], operators: IToken[]): A.Expression {
    const values: A.Expression[] = [operands[0]];
    const ops: string[] = [];
    const reduce = () => {
      const right = values.pop()!;
      const left = values.pop()!;
      values.push(this.b.binary(ops.pop()!, left, right));
    };
    for (let i = 0; i < operators.length; i++) {
      const op = operators[i].image.toLowerCase();
      while (ops.length && precedence(ops[ops.length - 1]) >= precedence(op)) reduce();
      ops.push(op);
      values.push(operands[i + 1]);
    }
    while (ops.length) reduce();
    return values[0];
  }

  arrayLiteral = this.RULE("arrayLiteral", (allowComma: boolean): A.Expression => {
    const elements: A.Expression[] = [this.SUBRULE(this.unary)];
    this.MANY({
      GATE: () => allowComma,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.nl();
        this.ACTION(() => {
          if (!this.canStartValue()) this.fail("MissingExpressionAfterComma", undefined, this.is(EOF) ? this.LA(0) : this.LA(1));
        });
        elements.push(this.SUBRULE1(this.unary));
      },
    });
    return this.ACTION(() => elements.length > 1 ? this.b.arrayLiteral(elements) : elements[0]);
  });

  unary = this.RULE("unary", (): A.Expression => {
    return this.OR([
      {
        GATE: () => !this.is(T.DashOperator) || /^-[ic]?(split|join)$/i.test(this.LA(1).image),
        ALT: () => {
          const op = this.OR1([
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Plus) },
            { ALT: () => this.CONSUME(T.Exclaim) },
            { ALT: () => this.CONSUME(T.DashUnaryOperator) },
            { ALT: () => this.CONSUME(T.DashOperator) },
            { ALT: () => this.CONSUME(T.PlusPlus) },
            { ALT: () => this.CONSUME(T.MinusMinus) },
          ]);
          this.nl();
          this.ACTION(() => {
            if (!this.canStartValue()) this.fail("MissingExpressionAfterOperator", op.image, this.is(EOF) ? op : this.LA(1));
          });
          const operand = this.SUBRULE(this.unary);
          return this.ACTION(() => this.b.unary(op, operand));
        },
      },
      {
        ALT: () => {
          const comma = this.CONSUME(T.Comma);
          this.nl();
          this.ACTION(() => {
            if (!this.canStartValue()) this.fail("MissingExpressionAfterComma", undefined, this.is(EOF) ? comma : this.LA(1));
          });
          const operand = this.SUBRULE1(this.unary);
          return this.ACTION(() => this.b.arrayLiteral([operand], comma));
        },
      },
      { ALT: () => this.SUBRULE(this.typeExpression) },
      { ALT: () => this.SUBRULE(this.postfixExpression) },
    ]);
  });

  /** `[type]` then a cast operand, a static member, or nothing (a type literal). */
  typeExpression = this.RULE("typeExpression", (): A.Expression => {
    const open = this.CONSUME(T.TypeOpen);
    this.expect(T.RBracket, "EndSquareBracketExpectedAtEndOfAttribute");
    this.CONSUME(T.RBracket);
    return this.OR([
      {
        GATE: () => this.is(T.ColonColon) || this.is(T.MemberDot),
        ALT: () => {
          const literal = this.ACTION(() => this.b.typeLiteral(open));
          return this.SUBRULE(this.postfixOperators, { ARGS: [literal] });
        },
      },
      {
        GATE: () => this.canStartValue() && !this.is(T.Comma),
        ALT: () => {
          const operand = this.SUBRULE(this.unary);
          return this.ACTION(() => this.b.convert(open, operand));
        },
      },
      { ALT: () => this.ACTION(() => this.b.typeLiteral(open)) },
    ]);
  });

  postfixExpression = this.RULE("postfixExpression", (): A.Expression => {
    const primary = this.SUBRULE(this.primary);
    return this.SUBRULE(this.postfixOperators, { ARGS: [primary] });
  });

  postfixOperators = this.RULE("postfixOperators", (target: A.Expression): A.Expression => {
    let result = target;
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.OR1([
              { ALT: () => this.CONSUME(T.MemberDot) },
              { ALT: () => this.CONSUME(T.ColonColon) },
              { ALT: () => this.CONSUME(T.QuestionDot) },
            ]);
            this.ACTION(() => {
              const t = this.LA(1).tokenType;
              if (t !== T.Identifier && t !== T.Variable && t !== T.SingleQuoted && t !== T.DoubleQuoted && t !== T.LParen) {
                this.fail("MissingPropertyName", undefined, op, this.LA(1));
              }
            });
            const member = this.OR2([
              { ALT: () => { const t = this.CONSUME(T.Identifier); return this.ACTION(() => this.b.bareword(t)); } },
              { ALT: () => this.SUBRULE(this.primary) },
            ]);
            let args: A.Expression[] | null = null;
            this.OPTION({
              GATE: () => this.is(T.LParen) && this.LA(1).startOffset === this.LA(0).endOffset! + 1,
              DEF: () => (args = this.SUBRULE(this.methodArguments)),
            });
            this.ACTION(() => (result = this.b.member(result, op, member, args)));
          },
        },
        {
          ALT: () => {
            const open = this.OR3([{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.QuestionBracket) }]);
            this.nl();
            this.ACTION(() => {
              if (!this.canStartValue()) this.fail("MissingArrayIndexExpression", undefined, this.is(EOF) ? open : this.LA(1));
            });
            const index = this.SUBRULE(this.expression, { ARGS: [true] });
            this.nl();
            this.expect(T.RBracket, "MissingEndSquareBracket", undefined, this.LA(1));
            this.CONSUME(T.RBracket);
            this.ACTION(() => (result = this.b.index(result, index, open)));
          },
        },
        {
          ALT: () => {
            const op = this.OR4([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]);
            this.ACTION(() => (result = this.b.postfix(op, result)));
          },
        },
      ]);
    });
    return result;
  });

  methodArguments = this.RULE("methodArguments", (): A.Expression[] => {
    const open = this.CONSUME(T.LParen);
    const args: A.Expression[] = [];
    this.nl();
    this.OPTION(() => {
      args.push(this.SUBRULE(this.expression, { ARGS: [false] }));
      this.nl();
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.nl();
        args.push(this.SUBRULE1(this.expression, { ARGS: [false] }));
        this.nl();
      });
    });
    this.expect(T.RParen, "MissingEndParenthesisInMethodCall", undefined, this.is(EOF) ? open : this.LA(1));
    this.CONSUME(T.RParen);
    return args;
  });

  primary = this.RULE("primary", (): A.Expression => {
    return this.OR([
      { ALT: () => { const t = this.CONSUME(T.NumberLiteral); return this.ACTION(() => this.b.number(t)); } },
      { ALT: () => { const t = this.CONSUME(T.StringToken); return this.ACTION(() => this.b.string(t)); } },
      { ALT: () => { const t = this.CONSUME(T.Variable); return this.ACTION(() => this.b.variable(t)); } },
      {
        ALT: () => {
          const open = this.CONSUME(T.LParen);
          this.nl();
          this.ACTION(() => {
            if (this.is(T.RParen)) this.fail("MissingExpression", undefined, open, this.LA(1));
          });
          const statement = this.SUBRULE(this.statement);
          this.nl();
          this.expect(T.RParen, "MissingEndParenthesisInExpression", undefined, this.is(EOF) ? open : this.LA(1));
          this.CONSUME(T.RParen);
          return this.ACTION(() => this.b.paren(statement, open));
        },
      },
      {
        ALT: () => {
          const open = this.OR1([{ ALT: () => this.CONSUME(T.DollarParen) }, { ALT: () => this.CONSUME(T.AtParen) }]);
          const statements = this.SUBRULE(this.statementList);
          this.expect(T.RParen, open.tokenType === T.AtParen ? "MissingEndParenthesisInArrayExpression" : "MissingEndParenthesisInSubexpression", undefined, open);
          this.CONSUME1(T.RParen);
          return this.ACTION(() => this.b.subExpression(open, statements));
        },
      },
      { ALT: () => this.SUBRULE(this.hashtable) },
      {
        ALT: () => {
          const open = this.CONSUME(T.LBrace);
          const body = this.SUBRULE(this.scriptBlockBody, { ARGS: [open] });
          this.expect(T.RBrace, "MissingEndCurlyBrace", undefined, open);
          this.CONSUME(T.RBrace);
          return this.ACTION(() => this.b.scriptBlockExpression(this.b.closeBlock(body, open), open));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.Unterminated);
          return this.ACTION(() => this.unterminated(token));
        },
      },
    ]);
  });

  hashtable = this.RULE("hashtable", (): A.Hashtable => {
    const open = this.CONSUME(T.AtBrace);
    const entries: A.HashtableEntry[] = [];
    this.separators();
    this.MANY({
      GATE: () => !this.is(T.RBrace) && !this.is(EOF),
      DEF: () => {
        const key = this.OR([
          { ALT: () => { const t = this.CONSUME(T.Identifier); return this.ACTION(() => this.b.bareword(t)); } },
          { ALT: () => this.SUBRULE(this.unary) },
        ]);
        this.expect(T.Equals, "MissingEqualsInHashLiteral");
        const equals = this.CONSUME(T.Equals);
        this.nl();
        this.ACTION(() => {
          if (this.is(T.RBrace) || this.is(T.Semicolon) || this.is(EOF)) this.fail("MissingStatementInHashLiteral", undefined, this.is(EOF) ? equals : this.LA(1));
        });
        const value = this.SUBRULE(this.statement);
        this.ACTION(() => entries.push(this.b.hashtableEntry(key, value)));
        this.ACTION(() => {
          if (!this.is(T.NewLine) && !this.is(T.Semicolon) && !this.is(T.RBrace)) {
            if (this.is(EOF)) this.fail("IncompleteHashLiteral", undefined, open);
            this.unexpected();
          }
        });
        this.separators();
      },
    });
    this.expect(T.RBrace, "IncompleteHashLiteral", undefined, open);
    this.CONSUME(T.RBrace);
    return this.ACTION(() => this.b.hashtable(entries, open));
  });
}
