/**
 * Expression rules: binary operators parsed flat and folded by PowerShell's precedence table, unary operators,
 * casts and type literals, member access / method calls / indexing, and primary values.
 */
import { EOF, type IToken } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { ParserBase } from "./parser_base.ts";

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

export abstract class ExpressionParser extends ParserBase {
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
