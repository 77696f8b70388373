/**
 * The chevrotain parser: tokens → rsh's AST (ast.ts). Actions build nodes directly (an embedded-actions parser, no
 * CST) because a parse of a 5 MB script must stay fast; chevrotain's grammar recording never runs an action: each is
 * wrapped in ACTION, or in the hottest rules guarded by `live` (see parser_base.ts). Newlines are real tokens (they end statements); where PowerShell lets a construct continue
 * on the next line, `nl()` skips them. This file holds script blocks and statements; expressions and commands are in
 * parser_expressions.ts and parser_commands.ts.
 */
import { EOF, type IToken } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import type { ParserErrorId } from "./errors.ts";
import { CommandParser } from "./parser_commands.ts";

type NamedBlocks = Record<A.NamedBlock["name"], A.NamedBlock | null>;

export class RshParser extends CommandParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  // ---------------------------------------------------------------- script blocks


  script = this.RULE("script", (): A.ScriptBlock => {
    const start = this.LA(1);
    const block = this.SUBRULE(this.scriptBlockBody, { ARGS: [start] });
    this.ACTION(() => {
      if (!this.is(EOF)) this.unexpected();
    });
    return block;
  });

  #paramBlockOption = {
    GATE: () => this.is(T.Param) || (this.is(T.TypeOpen) && this.is(T.LParen, 2)),
    DEF: () => {
      const paramBlock = this.SUBRULE(this.paramBlock);
      this.separators();
      return paramBlock;
    },
  };
  #namedBlockKeywords = [
    { ALT: () => this.CONSUME(T.Begin) },
    { ALT: () => this.CONSUME(T.Process) },
    { ALT: () => this.CONSUME(T.End) },
  ];
  /** Named blocks (a record of them) or plain statements (an array). */
  #scriptBlockContents = [
    {
      GATE: () => this.is(T.Begin) || this.is(T.Process) || this.is(T.End),
      ALT: (): NamedBlocks | A.Statement[] => {
        const blocks: NamedBlocks = { begin: null, process: null, end: null };
        this.MANY(() => {
          const keyword = this.OR1(this.#namedBlockKeywords);
          this.nl();
          const body = this.SUBRULE(this.statementBlock, { ARGS: ["MissingStatementBlock", "'" + keyword?.image + "'"] });
          this.ACTION(() => {
            const name = keyword.image.toLowerCase() as A.NamedBlock["name"];
            blocks[name] = this.b.namedBlock(name, body.statements, body.traps, keyword);
          });
          this.separators();
        });
        return blocks;
      },
    },
    { ALT: (): NamedBlocks | A.Statement[] => this.SUBRULE(this.statementList) },
  ];

  /** The inside of a script or `{ }`: attributes, `param()`, then named blocks or plain statements. */
  scriptBlockBody = this.RULE("scriptBlockBody", (start: IToken): A.ScriptBlock => {
    this.separators();
    const paramBlock = this.OPTION(this.#paramBlockOption) ?? null;
    const contents = this.OR(this.#scriptBlockContents);
    return this.ACTION(() => {
      if (!Array.isArray(contents)) return this.b.scriptBlock(paramBlock, contents.begin, contents.process, contents.end, false, start);
      const end = this.b.namedBlock("end", contents.filter((s) => s.kind !== "Trap"), contents.filter((s) => s.kind === "Trap") as A.Trap[], start);
      return this.b.scriptBlock(paramBlock, null, null, end, true, start);
    });
  });

  /** The statements of the innermost statementList being parsed (a stack: statements nest through blocks). */
  #statementLists: A.Statement[][] = [];
  #moreStatements = {
    GATE: () => !this.is(T.RBrace) && !this.is(T.RParen) && !this.is(EOF),
    DEF: () => {
      const statement = this.SUBRULE(this.statement);
      if (this.live) this.#statementLists[this.#statementLists.length - 1].push(statement);
      this.endOfStatement();
      this.separators();
    },
  };

  statementList = this.RULE("statementList", (): A.Statement[] => {
    const statements: A.Statement[] = [];
    this.separators();
    this.#statementLists.push(statements);
    try {
      this.MANY(this.#moreStatements);
    } finally {
      this.#statementLists.pop();
    }
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

  /** The loop label of the statement being parsed, read by the loop alternatives before they parse further. */
  #label: string | null = null;
  #labelled = () => ({ ARGS: [this.#label] as [string | null] });

  #statementAlternatives = [
    { ALT: () => this.SUBRULE(this.ifStatement) },
    { ALT: () => this.SUBRULE(this.switchStatement, this.#labelled()) },
    { ALT: () => this.SUBRULE(this.foreachStatement, this.#labelled()) },
    { ALT: () => this.SUBRULE(this.forStatement, this.#labelled()) },
    { ALT: () => this.SUBRULE(this.whileStatement, this.#labelled()) },
    { ALT: () => this.SUBRULE(this.doStatement, this.#labelled()) },
    { ALT: () => this.SUBRULE(this.functionDefinition) },
    { ALT: () => this.SUBRULE(this.tryStatement) },
    { ALT: () => this.SUBRULE(this.trapStatement) },
    { ALT: () => this.SUBRULE(this.flowStatement) },
    { ALT: () => this.SUBRULE(this.breakStatement) },
    { ALT: () => this.SUBRULE(this.pipelineChain) },
  ];

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
    if (this.live) this.#label = label ? (label as IToken).image.slice(1) : null;
    return this.OR(this.#statementAlternatives);
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

}
