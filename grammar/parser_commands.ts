/**
 * Pipeline and command rules: pipeline chains (`&&`, `||`), pipelines and assignments, redirections, and commands
 * with their parameters and arguments (argument mode).
 */
import { EOF, type IToken } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { ExpressionParser } from "./parser_expressions.ts";

export abstract class CommandParser extends ExpressionParser {
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

}
