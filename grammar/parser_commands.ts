/**
 * Pipeline and command rules: pipeline chains (`&&`, `||`), pipelines and assignments, redirections, and commands
 * with their parameters and arguments (argument mode).
 */
import { EOF, type IToken } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { ExpressionParser } from "./parser_expressions.ts";
import { WITH_COMMA } from "./parser_base.ts";

export abstract class CommandParser extends ExpressionParser {
  // ---------------------------------------------------------------- pipelines and commands

  #chainOperators = [{ ALT: () => this.CONSUME(T.AndAnd) }, { ALT: () => this.CONSUME(T.OrOr) }];

  pipelineChain = this.RULE("pipelineChain", (): A.Statement => {
    let left: A.Statement = this.SUBRULE(this.pipeline);
    this.MANY(() => {
      const op = this.OR(this.#chainOperators);
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

  /** The expression that begins the pipeline being parsed, read by the alternatives after it first. */
  #pipelineHead!: A.Expression;

  #afterExpression = [
    {
      ALT: (): A.Statement => {
        const target = this.#pipelineHead;
        const op = this.CONSUME(T.AssignmentOperator);
        this.nl();
        if (this.live && !this.canStartValue() && !this.is(T.CommandName) && !this.is(T.Ampersand) && !this.is(T.DotSource) &&
          !(this.LA(1).tokenType.CATEGORIES ?? []).includes(T.Keyword)) {
          this.fail("MissingStatementAfterAssignment", op.image, op, this.LA(1));
        }
        const value = this.SUBRULE(this.statement);
        return this.live ? this.b.assignment(target, op, value) : value;
      },
    },
    {
      ALT: (): A.PipelineElement => {
        const expression = this.#pipelineHead;
        // Most expression statements have no redirection: the rule is entered only when one follows.
        const redirections = this.live && !this.is(T.Redirection) ? [] : this.SUBRULE(this.redirections);
        return this.live ? this.b.commandExpression(expression, redirections) : undefined as never;
      },
    },
  ];

  #pipelineStart = [
    { ALT: (): A.Statement | A.PipelineElement => this.SUBRULE(this.command) },
    {
      ALT: (): A.Statement | A.PipelineElement => {
        this.#pipelineHead = this.SUBRULE(this.expression, WITH_COMMA);
        return this.OR1(this.#afterExpression);
      },
    },
  ];

  /** A pipeline, or an assignment (whose first element is the target expression). */
  pipeline = this.RULE("pipeline", (): A.Statement => {
    const first = this.OR(this.#pipelineStart);
    if (this.live && first.kind === "Assignment") return first as A.Assignment;
    const elements: A.PipelineElement[] = [first as A.PipelineElement];
    // Most statements are one element: the gated loop (chevrotain makes a closure for its gate) only runs before a `|`.
    if (!this.live || this.peekPastNewlines().tokenType === T.Pipe) this.#moreElements(elements);
    const background = this.OPTION(this.#background) ?? false;
    return this.live ? this.b.pipeline(elements, background) : undefined as never;
  });

  /** A trailing `&` runs the pipeline as a background job. */
  #background = () => {
    this.CONSUME(T.Ampersand);
    return true;
  };

  /** `| command` after the first element of a pipeline, also after newlines. */
  #moreElements(elements: A.PipelineElement[]): void {
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
  }

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

  #invocations = [{ ALT: () => this.CONSUME(T.Ampersand) }, { ALT: () => this.CONSUME(T.DotSource) }];
  #invokedNames = [
    { ALT: () => { const t = this.CONSUME1(T.CommandName); return this.live ? this.b.bareword(t) : undefined as never; } },
    { ALT: () => this.SUBRULE(this.postfixExpression) },
  ];
  /** The `&` or `.` of the command being parsed (null for a plain name), read right after its name is parsed. */
  #invocation: IToken | null = null;
  #commandNames = [
    {
      ALT: (): A.Expression => {
        this.#invocation = null;
        const t = this.CONSUME(T.CommandName);
        return this.live ? this.b.bareword(t) : undefined as never;
      },
    },
    {
      ALT: (): A.Expression => {
        const invocation = this.OR1(this.#invocations);
        const name = this.OR2(this.#invokedNames);
        this.#invocation = invocation;
        return name;
      },
    },
  ];

  /** One element after the command name: a parameter, an argument, a redirection, or `--` (null). */
  /** `-Name:value`: the argument after a parameter that ends in a colon (the parameter is the last token consumed). */
  #parameterArgument = {
    GATE: () => this.LA(0).image.endsWith(":"),
    DEF: () => {
      const parameter = this.LA(0);
      if (this.live && !this.is(T.GenericArgument) && !this.canStartValue() && !this.is(T.NumberLiteral) && !this.is(T.SplatVariable)) {
        this.fail("MissingArgument", parameter.image.slice(1, -1), parameter, this.LA(1));
      }
      return this.SUBRULE(this.commandArgument);
    },
  };

  #commandElements = [
    {
      ALT: (): A.CommandElement => {
        const parameter = this.CONSUME(T.Parameter);
        const argument = this.OPTION(this.#parameterArgument) ?? null;
        return this.live ? this.b.commandParameter(parameter, argument) : undefined as never;
      },
    },
    { ALT: () => { this.CONSUME(T.EndOfParameters); return null; } },
    { ALT: () => this.SUBRULE(this.redirection) },
    { ALT: () => this.SUBRULE1(this.commandArgument) },
  ];

  command = this.RULE("command", (): A.Command => {
    const start = this.LA(1);
    const name = this.OR(this.#commandNames);
    const invocation = this.#invocation;
    const elements: A.CommandElement[] = [];
    const redirections: A.Redirection[] = [];
    this.MANY(() => {
      const element = this.OR3(this.#commandElements);
      if (!this.live || element === null) return;
      if (element.kind === "FileRedirection" || element.kind === "MergingRedirection") redirections.push(element);
      else elements.push(element);
    });
    return this.live ? this.b.command(invocation, name, elements, redirections, start) : undefined as never;
  });

  /** One argument: a value, or values joined by commas into an array (`a,b,c`). */
  commandArgument = this.RULE("commandArgument", (): A.Expression => {
    const first = this.SUBRULE(this.argumentPrimary);
    let elements: A.Expression[] | null = null;
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.nl();
      this.ACTION(() => {
        if (!this.is(T.GenericArgument) && !this.canStartValue() && !this.is(T.NumberLiteral)) this.fail("MissingExpressionAfterComma");
      });
      const element = this.SUBRULE1(this.argumentPrimary);
      (elements ??= [first]).push(element);
    });
    return elements !== null && this.live ? this.b.arrayLiteral(elements) : first;
  });

  #argumentAlternatives = [
    { ALT: () => { const t = this.CONSUME(T.GenericArgument); return this.live ? this.b.bareArgument(t) : undefined as never; } },
    { ALT: () => { const t = this.CONSUME(T.SplatVariable); return this.live ? this.b.splat(t) : undefined as never; } },
    { ALT: () => this.SUBRULE(this.postfixExpression) },
  ];

  argumentPrimary = this.RULE("argumentPrimary", (): A.Expression => this.OR(this.#argumentAlternatives));
}
