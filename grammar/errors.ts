/**
 * Parse errors are values: a message in PowerShell's wording, the position, the source line and whether the input
 * merely stopped early (the REPL then reads another line instead of reporting).
 */

/**
 * PowerShell's parser messages (ParserStrings.resx wording) rsh reports, by error id; `{0}` is filled with the token.
 *
 * @example
 * ```ts
 * console.log(ParserMessages.MissingEndCurlyBrace); // Missing closing '}' in statement block or type definition.
 * ```
 */
export const ParserMessages = {
  MissingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
  MissingEndParenthesisInExpression: "Missing closing ')' in expression.",
  MissingEndParenthesisInMethodCall: "Missing ')' in method call.",
  MissingEndParenthesisInSubexpression: "Missing closing ')' in subexpression.",
  MissingEndParenthesisInArrayExpression: "Missing closing ')' in array expression.",
  MissingEndSquareBracket: "Missing ']' after array index expression.",
  MissingTypename: "Missing type name after '['.",
  EndSquareBracketExpectedAtEndOfAttribute: "Missing ] at end of attribute or type literal.",
  MissingEndParenthesisInAttribute: "Missing closing ')' in attribute arguments.",
  UnexpectedToken: "Unexpected token '{0}' in expression or statement.",
  MissingExpressionAfterOperator: "Missing expression after unary operator '{0}'.",
  ExpectedValueExpression: "You must provide a value expression following the '{0}' operator.",
  MissingExpressionAfterComma: "Missing expression after ','.",
  EmptyPipeElement: "An empty pipe element is not allowed.",
  ExpressionsMustBeFirstInPipeline: "Expressions are only allowed as the first element of a pipeline.",
  TerminatorExpectedAtEndOfString: "The string is missing the terminator: {0}.",
  MissingTerminatorMultiLineComment: "Missing terminator '#>' in block comment.",
  IncompleteHereString: "The string is missing the terminator: {0}.",
  MissingOpenParenthesisInIfStatement: "Missing '(' after 'if' in if statement.",
  MissingOpenParenthesisAfterKeyword: "Missing opening '(' after keyword '{0}'.",
  IfStatementMissingCondition: "Missing condition in if statement after 'if ('.",
  MissingEndParenthesisAfterStatement: "Missing closing ')' after expression in '{0}' statement.",
  MissingStatementBlock: "Missing statement block after {0}.",
  MissingStatementBlockAfterElse: "Missing statement block after 'else' keyword.",
  MissingVariableNameAfterForeach: "Missing variable name after foreach.",
  MissingInInForeach: "Missing 'in' after variable in foreach loop.",
  MissingForeachStatement: "Missing statement body in foreach loop.",
  MissingLoopStatement: "Missing statement body in {0} loop.",
  MissingWhileOrUntilInDoWhile: "Missing while or until keyword in do loop.",
  MissingNameAfterFunctionKeyword: "Missing name after function keyword.",
  MissingFunctionBody: "Missing function body in function declaration.",
  MissingTryStatementBlock: "Missing statement block after 'try'.",
  MissingCatchOrFinally: "The Try statement is missing its Catch or Finally block.",
  MissingCatchHandlerBlock: "Missing catch handler block.",
  MissingFinallyStatementBlock: "Missing statement block after 'finally'.",
  MissingCurlyInSwitchStatement: "Missing '{' in switch statement.",
  MissingSwitchConditionExpression: "Missing condition in switch statement.",
  MissingSwitchStatementClause: "Missing switch statement clause.",
  InvalidSwitchFlag: "Unexpected switch flag '{0}'.",
  MissingEqualsInHashLiteral: "Missing '=' operator after key in hash literal.",
  MissingStatementInHashLiteral: "Missing statement after '=' in hash literal.",
  IncompleteHashLiteral: "The hash literal was incomplete.",
  MissingPropertyName: "Missing property name after reference operator.",
  MissingArrayIndexExpression: "Array index expression is missing or not valid.",
  MissingFileSpecification: "Missing file specification after redirection operator.",
  RedirectionNotSupported: "The '<' operator is reserved for future use.",
  MissingExpression: "An expression was expected after '('.",
  MissingStatementAfterAssignment: "You must provide a value expression on the right-hand side of the '{0}' operator.",
  MissingParameterListParenthesis: "Missing ')' in function parameter list.",
  ParamBlockNotFirst: "The param statement cannot be used here: it must be the first statement of a script or a script block.",
  MissingPipelineAfterChainOperator: "Missing pipeline after '{0}' operator.",
  MissingTernaryColon: "Missing ':' in ternary expression.",
  MissingTernaryFalseExpression: "Missing expression after ':' in ternary expression.",
  MissingArgument: "Missing argument for parameter '{0}'.",
  LabelNotFollowedByLoop: "A loop label must be followed by a loop or switch statement.",
  NestingTooDeep: "The script is nested too deeply to parse.",
} as const;

/**
 * The id of a parse error (`ParseError.errorId`): PowerShell's ParserStrings names.
 *
 * @example
 * ```ts
 * const continueReading = (id: ParserErrorId) => id === "MissingEndCurlyBrace" || id === "IncompleteHashLiteral";
 * ```
 */
export type ParserErrorId = keyof typeof ParserMessages;

/** Fills `{0}` in a catalog message. */
export function parserMessage(id: ParserErrorId, arg = ""): string {
  return ParserMessages[id].replace("{0}", arg);
}

/**
 * A syntax error at a position in a script: what `parse` reports and `parseOrThrow` throws.
 *
 * @example
 * ```ts
 * import { parse } from "rsh";
 * const error = parse("if ($x) {", "a.rsh").diagnostics[0];
 * console.log(error.errorId, error.location, error.incomplete); // MissingEndCurlyBrace a.rsh:1:9 true
 * console.log(error.format()); // ParserError: a.rsh:1:9, the line, a ~ marker and the message
 * ```
 */
export class ParseError extends Error {
  /** Always "ParseError". */
  override readonly name = "ParseError";
  /** Made by the parser; an embedder reads these, it does not make them. */
  constructor(
    /** Which error (PowerShell's ParserStrings id). */
    readonly errorId: ParserErrorId,
    message: string,
    /** The name the source was parsed under. */
    readonly file: string,
    /** 1-based line of the error. */
    readonly line: number,
    /** 1-based column of the error. */
    readonly column: number,
    /** 0-based offset of the error in the source. */
    readonly offset: number,
    /** The text of the line the error is on (no line break). */
    readonly sourceLine: string,
    /** True when the input ended too early: more lines could complete it. */
    readonly incomplete: boolean,
    /** How many characters the caret marks. */
    readonly length = 1,
  ) {
    super(message);
  }

  /** `file:line:column`. */
  get location(): string {
    return `${this.file}:${this.line}:${this.column}`;
  }

  /** PowerShell's concise error view, with the position in the header. */
  format(): string {
    const gutter = String(this.line).padStart(4);
    const pad = " ".repeat(gutter.length);
    const caret = " ".repeat(Math.max(0, this.column - 1)) + "~".repeat(Math.max(1, this.length));
    return [
      `ParserError: ${this.location}`,
      `Line |`,
      `${gutter} |  ${this.sourceLine}`,
      `${pad} |  ${caret}`,
      `${pad} | ${this.message}`,
    ].join("\n");
  }
}
