/**
 * Expression rules: binary operators parsed flat and folded by PowerShell's precedence table, unary operators,
 * casts and type literals, member access / method calls / indexing, and primary values.
 */
import { EOF, type IToken, type TokenType } from "chevrotain";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { NO_COMMA, ParserBase, WITH_COMMA } from "./parser_base.ts";

/** The tokens that start a postfix operator (postfixOperators' alternatives). */
const POSTFIX_START: ReadonlySet<TokenType> = new Set([T.MemberDot, T.ColonColon, T.QuestionDot, T.LBracket, T.QuestionBracket,
  T.PlusPlus, T.MinusMinus]);

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

  /**
   * A full expression: operands joined by binary operators (folded by precedence), then an optional ternary.
   * `allowComma` is off in method arguments. (One rule, not an expression rule over a binary-expression rule: every
   * operand would pay one more rule call.)
   */
  expression = this.RULE("expression", (allowComma: boolean): A.Expression => {
    const args = allowComma ? WITH_COMMA : NO_COMMA;
    const first = this.SUBRULE(this.arrayLiteral, args);
    let operands: A.Expression[] | null = null;
    let operators: IToken[] | null = null;
    this.MANY(() => {
      const op = this.CONSUME(T.BinaryOperator);
      this.nl();
      if (this.live && !this.canStartValue()) this.fail("ExpectedValueExpression", op.image, this.is(EOF) ? op : this.LA(1));
      const operand = this.SUBRULE1(this.arrayLiteral, args);
      (operators ??= []).push(op);
      (operands ??= [first]).push(operand);
    });
    const condition = operators !== null && this.live ? this.fold(operands!, operators) : first;
    this.#ternaryCondition = condition;
    this.#ternaryArgs = args;
    return this.OPTION(this.#ternary) ?? condition;
  });

  /** The condition and rule arguments of the expression whose ternary follows, read before it parses further. */
  #ternaryCondition!: A.Expression;
  #ternaryArgs = WITH_COMMA;

  /** `? ifTrue : ifFalse` after a condition. */
  #ternary = (): A.Expression => {
    const condition = this.#ternaryCondition;
    const args = this.#ternaryArgs;
    const question = this.CONSUME(T.Question);
    this.nl();
    const ifTrue = this.SUBRULE(this.expression, args);
    this.nl();
    this.expect(T.Colon, "MissingTernaryColon", undefined, question);
    this.CONSUME(T.Colon);
    this.nl();
    if (this.live && !this.canStartValue()) this.fail("MissingTernaryFalseExpression", undefined, this.is(EOF) ? this.peek(0) : this.LA(1));
    const ifFalse = this.SUBRULE1(this.expression, args);
    return this.live ? this.b.ternary(condition, ifTrue, ifFalse) : condition;
  };

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
    const first = this.SUBRULE(this.unary);
    // Not a GATE: chevrotain makes a closure per gated MANY, and this rule runs for every operand.
    if (!allowComma && this.live) return first;
    let elements: A.Expression[] | null = null;
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.nl();
      if (this.live && !this.canStartValue()) this.fail("MissingExpressionAfterComma", undefined, this.is(EOF) ? this.LA(0) : this.LA(1));
      const element = this.SUBRULE1(this.unary);
      (elements ??= [first]).push(element);
    });
    return elements !== null && this.live ? this.b.arrayLiteral(elements) : first;
  });

  #unaryOperators = [
    { ALT: () => this.CONSUME(T.Minus) },
    { ALT: () => this.CONSUME(T.Plus) },
    { ALT: () => this.CONSUME(T.Exclaim) },
    { ALT: () => this.CONSUME(T.DashUnaryOperator) },
    { ALT: () => this.CONSUME(T.DashOperator) },
    { ALT: () => this.CONSUME(T.PlusPlus) },
    { ALT: () => this.CONSUME(T.MinusMinus) },
  ];

  #unaryAlternatives = [
    {
      // No GATE (a gated alternative would make every unary decision test each alternative's tokens in turn): a
      // binary-only dash operator here is the same "Unexpected token" chevrotain reports when no alternative fits.
      ALT: () => {
        if (this.live && this.is(T.DashOperator) && !/^-[ic]?(split|join)$/i.test(this.LA(1).image)) {
          this.fail("UnexpectedToken", this.LA(1).image);
        }
        const op = this.OR1(this.#unaryOperators);
        this.nl();
        if (this.live && !this.canStartValue()) this.fail("MissingExpressionAfterOperator", op.image, this.is(EOF) ? op : this.LA(1));
        const operand = this.SUBRULE(this.unary);
        return this.live ? this.b.unary(op, operand) : operand;
      },
    },
    {
      ALT: () => {
        const comma = this.CONSUME(T.Comma);
        this.nl();
        if (this.live && !this.canStartValue()) this.fail("MissingExpressionAfterComma", undefined, this.is(EOF) ? comma : this.LA(1));
        const operand = this.SUBRULE1(this.unary);
        return this.live ? this.b.arrayLiteral([operand], comma) : operand;
      },
    },
    { ALT: () => this.SUBRULE(this.typeExpression) },
    // postfixExpression's body, not the rule: one rule call fewer for every operand.
    { ALT: () => this.primaryAndPostfix() },
  ];

  unary = this.RULE("unary", (): A.Expression => this.OR(this.#unaryAlternatives));

  /** The `[type` token of the typeExpression being parsed, read by its alternatives before they parse further. */
  #typeOpen!: IToken;

  #typeAlternatives = [
    {
      GATE: () => this.is(T.ColonColon) || this.is(T.MemberDot),
      ALT: () => {
        const literal = this.ACTION(() => this.b.typeLiteral(this.#typeOpen));
        return this.SUBRULE(this.postfixOperators, { ARGS: [literal] });
      },
    },
    {
      GATE: () => this.canStartValue() && !this.is(T.Comma),
      ALT: () => {
        const open = this.#typeOpen;
        const operand = this.SUBRULE(this.unary);
        return this.live ? this.b.convert(open, operand) : operand;
      },
    },
    { ALT: () => this.ACTION(() => this.b.typeLiteral(this.#typeOpen)) },
  ];

  /** `[type]` then a cast operand, a static member, or nothing (a type literal). */
  typeExpression = this.RULE("typeExpression", (): A.Expression => {
    const open = this.CONSUME(T.TypeOpen);
    this.expect(T.RBracket, "EndSquareBracketExpectedAtEndOfAttribute");
    this.CONSUME(T.RBracket);
    this.#typeOpen = open;
    return this.OR(this.#typeAlternatives);
  });

  /** A primary value and its postfix operators (grammar called from two rules: postfixExpression and unary). */
  primaryAndPostfix(): A.Expression {
    const primary = this.SUBRULE(this.primary);
    // Most values have no postfix operator: the rule is entered only when one follows.
    if (this.live && !POSTFIX_START.has(this.LA(1).tokenType)) return primary;
    return this.SUBRULE(this.postfixOperators, { ARGS: [primary] });
  }

  postfixExpression = this.RULE("postfixExpression", (): A.Expression => this.primaryAndPostfix());

  #memberOperators = [
    { ALT: () => this.CONSUME(T.MemberDot) },
    { ALT: () => this.CONSUME(T.ColonColon) },
    { ALT: () => this.CONSUME(T.QuestionDot) },
  ];
  #memberNames = [
    { ALT: () => { const t = this.CONSUME(T.Identifier); return this.live ? this.b.bareword(t) : undefined as never; } },
    { ALT: () => this.SUBRULE(this.primary) },
  ];
  #indexOpeners = [{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.QuestionBracket) }];
  #postfixIncrements = [{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }];
  /** The value the next postfix operator applies to, read by each alternative before it parses further. */
  #postfixTarget!: A.Expression;

  #postfixAlternatives = [
    {
      ALT: () => {
        const target = this.#postfixTarget;
        const op = this.OR1(this.#memberOperators);
        if (this.live) {
          const t = this.LA(1).tokenType;
          if (t !== T.Identifier && t !== T.Variable && t !== T.SingleQuoted && t !== T.DoubleQuoted && t !== T.LParen) {
            this.fail("MissingPropertyName", undefined, op, this.LA(1));
          }
        }
        const member = this.OR2(this.#memberNames);
        let args: A.Expression[] | null = null;
        this.OPTION({
          GATE: () => this.is(T.LParen) && this.LA(1).startOffset === this.LA(0).endOffset! + 1,
          DEF: () => (args = this.SUBRULE(this.methodArguments)),
        });
        return this.live ? this.b.member(target, op, member, args) : target;
      },
    },
    {
      ALT: () => {
        const target = this.#postfixTarget;
        const open = this.OR3(this.#indexOpeners);
        this.nl();
        if (this.live && !this.canStartValue()) this.fail("MissingArrayIndexExpression", undefined, this.is(EOF) ? open : this.LA(1));
        const index = this.SUBRULE(this.expression, WITH_COMMA);
        this.nl();
        this.expect(T.RBracket, "MissingEndSquareBracket", undefined, this.LA(1));
        this.CONSUME(T.RBracket);
        return this.live ? this.b.index(target, index, open) : target;
      },
    },
    {
      ALT: () => {
        const target = this.#postfixTarget;
        const op = this.OR4(this.#postfixIncrements);
        return this.live ? this.b.postfix(op, target) : target;
      },
    },
  ];

  postfixOperators = this.RULE("postfixOperators", (target: A.Expression): A.Expression => {
    let result = target;
    this.MANY(() => {
      this.#postfixTarget = result;
      result = this.OR(this.#postfixAlternatives);
    });
    return result;
  });

  methodArguments = this.RULE("methodArguments", (): A.Expression[] => {
    const open = this.CONSUME(T.LParen);
    const args: A.Expression[] = [];
    this.nl();
    this.OPTION(() => {
      args.push(this.SUBRULE(this.expression, NO_COMMA));
      this.nl();
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.nl();
        args.push(this.SUBRULE1(this.expression, NO_COMMA));
        this.nl();
      });
    });
    this.expect(T.RParen, "MissingEndParenthesisInMethodCall", undefined, this.is(EOF) ? open : this.LA(1));
    this.CONSUME(T.RParen);
    return args;
  });

  #subExpressionOpeners = [{ ALT: () => this.CONSUME(T.DollarParen) }, { ALT: () => this.CONSUME(T.AtParen) }];

  #primaryAlternatives = [
    { ALT: () => { const t = this.CONSUME(T.NumberLiteral); return this.live ? this.b.number(t) : undefined as never; } },
    { ALT: () => { const t = this.CONSUME(T.StringToken); return this.live ? this.b.string(t) : undefined as never; } },
    { ALT: () => { const t = this.CONSUME(T.Variable); return this.live ? this.b.variable(t) : undefined as never; } },
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
        const open = this.OR1(this.#subExpressionOpeners);
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
  ];

  primary = this.RULE("primary", (): A.Expression => this.OR(this.#primaryAlternatives));

  #hashKeys = [
    { ALT: () => { const t = this.CONSUME(T.Identifier); return this.live ? this.b.bareword(t) : undefined as never; } },
    { ALT: () => this.SUBRULE(this.unary) },
  ];

  hashtable = this.RULE("hashtable", (): A.Hashtable => {
    const open = this.CONSUME(T.AtBrace);
    const entries: A.HashtableEntry[] = [];
    this.separators();
    this.MANY({
      GATE: () => !this.is(T.RBrace) && !this.is(EOF),
      DEF: () => {
        const key = this.OR(this.#hashKeys);
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
