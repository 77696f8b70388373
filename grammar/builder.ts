/**
 * Builds AST nodes with their spans for the parser. Spans are offsets into the whole source (spans.ts), shifted when
 * the text being parsed is the inside of a string (`"… $(…) …"` is parsed after its string is known).
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.ts";
import { ParseError, type ParserErrorId } from "./errors.ts";
import { parseNumber, splitExpandable, unescapeBackticks, variableName } from "./literals.ts";
import { SourceLines, SourceSpan } from "./spans.ts";

/** A `$( … )` inside a string, parsed once the enclosing parse is done (the parser is not re-entrant). */
export interface PendingSubExpression {
  node: A.SubExpression;
  start: number;
  end: number;
}

/**
 * A list without spare capacity: an array grown by push keeps up to 16 spare slots, and a script's AST holds ~100,000
 * lists per MB of source, most of one or two elements.
 */
function fit<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

function variableNode(image: string, splatted: boolean, span: A.Span): A.Variable {
  const { qualifier, name } = variableName(image);
  return { kind: "Variable", qualifier, name, splatted, span };
}

export class Builder {
  file = "<input>";
  /** The complete source (strings inside it are re-read by offset). */
  source = "";
  /** Where the text being parsed starts in the source (a `$( … )` of a string is parsed over its own slice). */
  shift = 0;
  lines = new SourceLines(this.file, this.source);
  pending: PendingSubExpression[] = [];
  /** The last token the parser consumed (the end of the node being built). */
  last: () => IToken = () => {
    throw new Error("builder not attached");
  };

  reset(source: string, file: string, shift: number): void {
    this.source = source;
    this.file = file;
    this.shift = shift;
    // A `$( … )` parsed after its string shares the enclosing parse's lines: its spans index the same source.
    if (this.lines.source !== source || this.lines.file !== file) this.lines = new SourceLines(file, source);
    this.pending = [];
  }

  // ---------------------------------------------------------------- positions

  /** A token's start position (for a ParseError; nodes keep offsets, see spans.ts). */
  startOf(token: IToken): A.Position {
    return this.lines.position(this.startOffsetOf(token));
  }

  /** A token's end position; the end of input (NaN offsets) ends where the last consumed token starts. */
  endOf(token: IToken): A.Position {
    if (isNaN(token.startOffset)) return this.startOf(this.last());
    return this.lines.endPosition(this.endOffsetOf(token));
  }

  /** `startOf`'s offset in the whole source. */
  startOffsetOf(token: IToken): number {
    return token.startOffset + this.shift;
  }

  /** `endOf`'s offset in the whole source. */
  endOffsetOf(token: IToken): number {
    if (isNaN(token.startOffset)) return this.startOffsetOf(this.last());
    return token.startOffset + token.image.length + this.shift;
  }

  /** A span from the token `start` to the last consumed token. */
  span(start: IToken, end: IToken = this.last()): A.Span {
    return new SourceSpan(this.lines, this.startOffsetOf(start), this.endOffsetOf(end));
  }

  /** A span from the start of `node` to the last consumed token. */
  spanFrom(node: { span: A.Span }): A.Span {
    return new SourceSpan(this.lines, (node.span as SourceSpan).startOffset, this.endOffsetOf(this.last()));
  }

  /** A span from one node to another. */
  between(from: { span: A.Span }, to: { span: A.Span }): A.Span {
    return new SourceSpan(this.lines, (from.span as SourceSpan).startOffset, (to.span as SourceSpan).endOffset);
  }

  /** A span of the source between two offsets (parts of a string token). */
  range(startOffset: number, endOffset: number): A.Span {
    return new SourceSpan(this.lines, startOffset, endOffset);
  }

  error(id: ParserErrorId, message: string, at: IToken, incomplete: boolean): ParseError {
    const eof = isNaN(at.startOffset);
    const anchor = eof ? this.last() : at;
    const where = eof && anchor ? this.endOf(anchor) : this.startOf(anchor);
    const lineStart = this.source.lastIndexOf("\n", where.offset - 1) + 1;
    const lineEnd = this.source.indexOf("\n", where.offset);
    const sourceLine = this.source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
    const length = eof ? 1 : Math.max(1, Math.min(at.image.split(/\r?\n/)[0].length, sourceLine.length - where.column + 1));
    return new ParseError(id, message, this.file, where.line, where.offset - lineStart + 1, where.offset, sourceLine, incomplete, length);
  }

  // ---------------------------------------------------------------- script blocks and statements

  scriptBlock(
    paramBlock: A.ParamBlock | null,
    begin: A.NamedBlock | null,
    process: A.NamedBlock | null,
    end: A.NamedBlock | null,
    unnamedEnd: boolean,
    start: IToken,
  ): A.ScriptBlock {
    return {
      kind: "ScriptBlock", attributes: paramBlock?.attributes ?? [], paramBlock, begin, process, end, unnamedEnd,
      span: this.span(start),
    };
  }

  /** Re-spans a `{ … }` body to include its braces. */
  closeBlock(body: A.ScriptBlock, open: IToken): A.ScriptBlock {
    body.span = this.span(open);
    return body;
  }

  namedBlock(name: A.NamedBlock["name"], statements: A.Statement[], traps: A.Trap[], start: IToken): A.NamedBlock {
    return { kind: "NamedBlock", name, statements: fit(statements), traps: fit(traps), span: this.span(start) };
  }

  statementBlock(statements: A.Statement[], open: IToken): A.StatementBlock {
    const traps = statements.filter((s): s is A.Trap => s.kind === "Trap");
    return {
      kind: "StatementBlock", statements: traps.length ? statements.filter((s) => s.kind !== "Trap") : fit(statements), traps,
      span: this.span(open),
    };
  }

  paramBlock(attributes: A.Attribute[], parameters: A.Parameter[], start: IToken): A.ParamBlock {
    return { kind: "ParamBlock", attributes: fit(attributes), parameters: fit(parameters), span: this.span(start) };
  }

  parameter(
    attributes: (A.Attribute | A.TypeConstraint)[],
    variable: IToken,
    defaultValue: A.Expression | null,
    start: IToken,
  ): A.Parameter {
    return { kind: "Parameter", attributes: fit(attributes), name: variableName(variable.image).name, defaultValue, span: this.span(start) };
  }

  typeName(open: IToken): A.TypeName {
    const name = open.image.slice(1).trim();
    return { kind: "TypeName", name, span: this.span(open, open) };
  }

  attribute(open: IToken, args: { positional: A.Expression[]; named: A.NamedAttributeArgument[] }): A.Attribute {
    return {
      kind: "Attribute", typeName: this.typeName(open), positionalArguments: fit(args.positional), namedArguments: fit(args.named),
      span: this.span(open),
    };
  }

  namedAttributeArgument(name: IToken, value: A.Expression | null): A.NamedAttributeArgument {
    return { kind: "NamedAttributeArgument", name: name.image, value, span: this.span(name) };
  }

  typeConstraint(open: IToken): A.TypeConstraint {
    return { kind: "TypeConstraint", typeName: this.typeName(open), span: this.span(open) };
  }

  ifClause(condition: A.Statement, body: A.StatementBlock, keyword: IToken): A.IfClause {
    return { kind: "IfClause", condition, body, span: this.span(keyword) };
  }

  ifStatement(clauses: A.IfClause[], elseBody: A.StatementBlock | null, keyword: IToken): A.If {
    return { kind: "If", clauses: fit(clauses), elseBody, span: this.span(keyword) };
  }

  switchClause(pattern: A.Expression, body: A.StatementBlock, start: IToken): A.SwitchClause {
    return { kind: "SwitchClause", pattern, body, span: this.span(start) };
  }

  switchStatement(
    label: string | null,
    flags: A.SwitchFlags,
    subject: A.Statement,
    clauses: A.SwitchClause[],
    defaultBody: A.StatementBlock | null,
    keyword: IToken,
  ): A.Switch {
    return { kind: "Switch", label, flags, subject, clauses: fit(clauses), defaultBody, span: this.span(keyword) };
  }

  foreachStatement(label: string | null, variable: A.Variable, iterable: A.Statement, body: A.StatementBlock, keyword: IToken): A.Foreach {
    return { kind: "Foreach", label, variable, iterable, body, span: this.span(keyword) };
  }

  forStatement(
    label: string | null,
    initializer: A.Statement | null,
    condition: A.Statement | null,
    iterator: A.Statement | null,
    body: A.StatementBlock,
    keyword: IToken,
  ): A.For {
    return { kind: "For", label, initializer, condition, iterator, body, span: this.span(keyword) };
  }

  whileStatement(label: string | null, condition: A.Statement, body: A.StatementBlock, keyword: IToken): A.While {
    return { kind: "While", label, condition, body, span: this.span(keyword) };
  }

  doLoop(label: string | null, until: boolean, condition: A.Statement, body: A.StatementBlock, keyword: IToken): A.DoLoop {
    return { kind: "DoLoop", label, until, condition, body, span: this.span(keyword) };
  }

  functionDefinition(
    keyword: IToken,
    name: IToken,
    parameters: A.Parameter[] | null,
    body: A.ScriptBlock,
    start: IToken,
  ): A.FunctionDefinition {
    return {
      kind: "FunctionDefinition", name: unescapeBackticks(name.image), isFilter: keyword.image.toLowerCase() === "filter",
      parameters: parameters && fit(parameters), body, span: this.span(start),
    };
  }

  catchClause(types: A.TypeName[], body: A.StatementBlock, keyword: IToken): A.CatchClause {
    return { kind: "CatchClause", types: fit(types), body, span: this.span(keyword) };
  }

  tryStatement(body: A.StatementBlock, catches: A.CatchClause[], finallyBody: A.StatementBlock | null, keyword: IToken): A.Try {
    return { kind: "Try", body, catches: fit(catches), finallyBody, span: this.span(keyword) };
  }

  trap(type: A.TypeName | null, body: A.StatementBlock, keyword: IToken): A.Trap {
    return { kind: "Trap", type, body, span: this.span(keyword) };
  }

  flow(keyword: IToken, pipeline: A.Statement | null): A.Flow {
    return { kind: "Flow", keyword: keyword.image.toLowerCase() as A.Flow["keyword"], pipeline, span: this.span(keyword) };
  }

  breakStatement(keyword: IToken, label: A.Expression | null): A.Break {
    return { kind: "Break", keyword: keyword.image.toLowerCase() as A.Break["keyword"], label, span: this.span(keyword) };
  }

  // ---------------------------------------------------------------- pipelines and commands

  chain(left: A.Pipeline | A.PipelineChain, op: IToken, right: A.Pipeline): A.PipelineChain {
    return {
      kind: "PipelineChain", left, operator: op.image as "&&" | "||", right, background: right.background,
      span: this.between(left, right),
    };
  }

  assignment(target: A.Expression, op: IToken, value: A.Statement): A.Assignment {
    return {
      kind: "Assignment", target, operator: op.image as A.AssignmentOperator, value, span: this.between(target, value),
    };
  }

  pipeline(elements: A.PipelineElement[], background: boolean): A.Pipeline {
    const first = elements[0].span as SourceSpan;
    const end = this.endOffsetOf(this.last());
    // Most pipelines are one element ending where the pipeline ends: they share its span.
    const span = first.endOffset === end ? first : new SourceSpan(this.lines, first.startOffset, end);
    return { kind: "Pipeline", elements: fit(elements), background, span };
  }

  commandExpression(expression: A.Expression, redirections: A.Redirection[]): A.CommandExpression {
    const span = redirections.length ? this.between(expression, redirections[redirections.length - 1]) : expression.span;
    return { kind: "CommandExpression", expression, redirections: fit(redirections), span };
  }

  redirection(op: IToken, target: A.Expression | null): A.Redirection {
    const image = op.image;
    const from = (/^[1-6*]/.test(image) ? image[0] : "1") as A.StreamName;
    const merge = image.indexOf("&");
    if (merge >= 0) return { kind: "MergingRedirection", from, to: image[merge + 1] as "1" | "2", span: this.span(op) };
    return { kind: "FileRedirection", from, append: image.includes(">>"), target: target!, span: this.span(op) };
  }

  command(
    invocation: IToken | null,
    name: A.Expression,
    elements: A.CommandElement[],
    redirections: A.Redirection[],
    start: IToken,
  ): A.Command {
    return {
      kind: "Command", invocation: invocation ? invocation.image as "&" | "." : null, name, elements: fit(elements),
      redirections: fit(redirections),
      span: this.span(start),
    };
  }

  commandParameter(token: IToken, argument: A.Expression | null): A.CommandParameter {
    const name = token.image.slice(1).replace(/:$/, "");
    return { kind: "CommandParameter", name, argument, span: this.span(token) };
  }

  // ---------------------------------------------------------------- expressions

  bareword(token: IToken): A.StringConstant {
    return { kind: "StringConstant", value: unescapeBackticks(token.image), quote: "bare", span: this.span(token, token) };
  }

  /** A bareword argument: a string, expanded when it holds `$` (`a$b`). */
  bareArgument(token: IToken): A.StringConstant | A.ExpandableString {
    if (!token.image.includes("$")) return this.bareword(token);
    return this.expandable(token, token.startOffset, token.startOffset + token.image.length, null, "bare");
  }

  splat(token: IToken): A.Variable {
    return variableNode(token.image, true, this.span(token, token));
  }

  variable(token: IToken): A.Variable {
    return variableNode(token.image, false, this.span(token, token));
  }

  number(token: IToken): A.Constant {
    const { value, numberType } = parseNumber(token.image);
    return { kind: "Constant", value, numberType, text: token.image, span: this.span(token, token) };
  }

  string(token: IToken): A.StringConstant | A.ExpandableString {
    const image = token.image;
    const at = token.startOffset;
    if (image[0] === "'") {
      return { kind: "StringConstant", value: image.slice(1, -1).replaceAll("''", "'"), quote: "single", span: this.span(token, token) };
    }
    if (image[0] === '"') return this.expandable(token, at + 1, at + image.length - 1, '"', "double");
    // Here-strings: the text between the line after `@"` and the line break before `"@`.
    const bodyStart = at + image.search(/\r?\n|\r/) + (image.match(/\r\n|\n|\r/)![0].length);
    const bodyEnd = at + image.length - 2 - (image[image.length - 4] === "\r" ? 2 : 1);
    if (image[1] === "'") {
      const shift = this.shift;
      const value = bodyEnd > bodyStart ? this.source.slice(bodyStart + shift, bodyEnd + shift) : "";
      return { kind: "StringConstant", value, quote: "singleHere", span: this.span(token, token) };
    }
    return this.expandable(token, bodyStart, Math.max(bodyStart, bodyEnd), null, "doubleHere");
  }

  /** Splits an expandable string; `start`/`end` are offsets of its body in the text being parsed. */
  expandable(token: IToken, start: number, end: number, doubled: string | null, quote: A.StringQuote): A.StringConstant | A.ExpandableString {
    const shift = this.shift;
    const segments = splitExpandable(this.source, start + shift, end + shift, doubled);
    const span = this.span(token, token);
    if (segments.every((s) => s.kind === "text")) {
      return { kind: "StringConstant", value: segments.map((s) => s.kind === "text" ? s.text : "").join(""), quote, span };
    }
    const parts: A.ExpandableString["parts"] = segments.map((segment) => {
      if (segment.kind === "text") return segment.text;
      if (segment.kind === "variable") {
        return variableNode(segment.image, false, this.range(segment.offset, segment.offset + segment.image.length));
      }
      const node: A.SubExpression = {
        kind: "SubExpression", statements: [],
        span: this.range(segment.start - 2, segment.end + 1),
      };
      this.pending.push({ node, start: segment.start, end: segment.end });
      return node;
    });
    return { kind: "ExpandableString", parts, quote, span };
  }


  paren(statement: A.Statement, open: IToken): A.Paren {
    return { kind: "Paren", statement, span: this.span(open) };
  }

  subExpression(open: IToken, statements: A.Statement[]): A.SubExpression | A.ArrayExpression {
    return { kind: open.image === "@(" ? "ArrayExpression" : "SubExpression", statements: fit(statements), span: this.span(open) };
  }

  hashtableEntry(key: A.Expression, value: A.Statement): A.HashtableEntry {
    return { kind: "HashtableEntry", key, value, span: this.between(key, value) };
  }

  hashtable(entries: A.HashtableEntry[], open: IToken): A.Hashtable {
    return { kind: "Hashtable", entries: fit(entries), span: this.span(open) };
  }

  scriptBlockExpression(scriptBlock: A.ScriptBlock, open: IToken): A.ScriptBlockExpression {
    return { kind: "ScriptBlockExpression", scriptBlock, span: this.span(open) };
  }

  arrayLiteral(elements: A.Expression[], comma?: IToken): A.ArrayLiteral {
    const span = comma ? this.span(comma) : this.between(elements[0], elements[elements.length - 1]);
    return { kind: "ArrayLiteral", elements: fit(elements), span };
  }

  binary(operator: string, left: A.Expression, right: A.Expression): A.Binary {
    return { kind: "Binary", operator, left, right, span: this.between(left, right) };
  }

  unary(op: IToken, operand: A.Expression): A.Unary {
    return { kind: "Unary", operator: op.image.toLowerCase(), operand, postfix: false, span: this.span(op) };
  }

  postfix(op: IToken, operand: A.Expression): A.Unary {
    return { kind: "Unary", operator: op.image, operand, postfix: true, span: this.spanFrom(operand) };
  }

  ternary(condition: A.Expression, ifTrue: A.Expression, ifFalse: A.Expression): A.Ternary {
    return { kind: "Ternary", condition, ifTrue, ifFalse, span: this.between(condition, ifFalse) };
  }

  convert(open: IToken, operand: A.Expression): A.Convert {
    return { kind: "Convert", type: this.typeName(open), operand, span: this.span(open) };
  }

  typeLiteral(open: IToken): A.TypeLiteral {
    return { kind: "TypeLiteral", type: this.typeName(open), span: this.span(open) };
  }

  member(target: A.Expression, op: IToken, member: A.Expression, args: A.Expression[] | null): A.Member | A.InvokeMember {
    const isStatic = op.image === "::";
    const nullConditional = op.image === "?.";
    const span = this.spanFrom(target);
    // Literals with every key written out (no spread): V8 builds them without an intermediate object.
    return args
      ? { kind: "InvokeMember", target, member, static: isStatic, nullConditional, span, arguments: fit(args) }
      : { kind: "Member", target, member, static: isStatic, nullConditional, span };
  }

  index(target: A.Expression, index: A.Expression, open: IToken): A.Index {
    return { kind: "Index", target, index, nullConditional: open.image === "?[", span: this.spanFrom(target) };
  }
}
