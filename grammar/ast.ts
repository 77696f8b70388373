/**
 * The typed AST rsh's parser produces. Every node carries a `span`; the engine switches on `kind`.
 * Shapes follow PowerShell's System.Management.Automation.Language ASTs where that helps (a script is a
 * script block with param/begin/process/end; a statement that is just an expression is a one-element pipeline).
 */

/** A position in source text: 1-based line and column, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** Where a node sits in its source: `end` is exclusive (the position just after the last character). */
export interface Span {
  file: string;
  start: Position;
  end: Position;
}

interface Node {
  span: Span;
}

// ---------------------------------------------------------------- script blocks and statements

/** A script, a function body or a `{ … }` literal. Statements outside named blocks land in `end`. */
export interface ScriptBlock extends Node {
  kind: "ScriptBlock";
  attributes: Attribute[];
  paramBlock: ParamBlock | null;
  begin: NamedBlock | null;
  process: NamedBlock | null;
  end: NamedBlock | null;
  /** True when `end` holds statements written outside any named block. */
  unnamedEnd: boolean;
}

export interface NamedBlock extends Node {
  kind: "NamedBlock";
  name: "begin" | "process" | "end";
  statements: Statement[];
  traps: Trap[];
}

export interface ParamBlock extends Node {
  kind: "ParamBlock";
  /** `[CmdletBinding()]` and other attributes written before `param`. */
  attributes: Attribute[];
  parameters: Parameter[];
}

export interface Parameter extends Node {
  kind: "Parameter";
  /** Attributes (`[Parameter(…)]`, `[ValidateSet(…)]`) and type constraints (`[int]`) in source order. */
  attributes: (Attribute | TypeConstraint)[];
  name: string;
  defaultValue: Expression | null;
}

/** `[Name(positional, Named = value, Flag)]` */
export interface Attribute extends Node {
  kind: "Attribute";
  typeName: TypeName;
  positionalArguments: Expression[];
  namedArguments: NamedAttributeArgument[];
}

export interface NamedAttributeArgument extends Node {
  kind: "NamedAttributeArgument";
  name: string;
  /** `null` for a bare flag such as `Mandatory` (which means `$true`). */
  value: Expression | null;
}

/** `[int]` before a parameter or a variable in an assignment. */
export interface TypeConstraint extends Node {
  kind: "TypeConstraint";
  typeName: TypeName;
}

/** A type as written: `name` is the full text inside the brackets, e.g. `string[]` or `System.Collections.Generic.List[int]`. */
export interface TypeName extends Node {
  kind: "TypeName";
  name: string;
}

export type Statement =
  | Pipeline
  | PipelineChain
  | Assignment
  | If
  | Switch
  | Foreach
  | For
  | While
  | DoLoop
  | FunctionDefinition
  | Try
  | Trap
  | Flow
  | Break
  | StatementBlock;

/** A `{ … }` used as a statement body (if/loop/try bodies). */
export interface StatementBlock extends Node {
  kind: "StatementBlock";
  statements: Statement[];
  traps: Trap[];
}

/** `a | b | c`, or a single command or expression; `background` for a trailing `&`. */
export interface Pipeline extends Node {
  kind: "Pipeline";
  elements: PipelineElement[];
  background: boolean;
}

export type PipelineElement = Command | CommandExpression;

/** `left && right`, `left || right` (PowerShell 7 pipeline chains). */
export interface PipelineChain extends Node {
  kind: "PipelineChain";
  left: Pipeline | PipelineChain;
  operator: "&&" | "||";
  right: Pipeline;
  background: boolean;
}

export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "??=";

/** `target op value`; the value is a whole statement (`$x = Get-Item a | Select-Object -First 1`). */
export interface Assignment extends Node {
  kind: "Assignment";
  target: Expression;
  operator: AssignmentOperator;
  value: Statement;
}

export interface IfClause extends Node {
  kind: "IfClause";
  condition: Statement;
  body: StatementBlock;
}

export interface If extends Node {
  kind: "If";
  clauses: IfClause[];
  elseBody: StatementBlock | null;
}

export interface SwitchFlags {
  regex: boolean;
  wildcard: boolean;
  exact: boolean;
  caseSensitive: boolean;
  file: boolean;
}

export interface SwitchClause extends Node {
  kind: "SwitchClause";
  /** A constant, bareword (StringConstant), expression or script block condition. */
  pattern: Expression;
  body: StatementBlock;
}

export interface Switch extends Node {
  kind: "Switch";
  label: string | null;
  flags: SwitchFlags;
  subject: Statement;
  clauses: SwitchClause[];
  defaultBody: StatementBlock | null;
}

export interface Foreach extends Node {
  kind: "Foreach";
  label: string | null;
  variable: Variable;
  iterable: Statement;
  body: StatementBlock;
}

export interface For extends Node {
  kind: "For";
  label: string | null;
  initializer: Statement | null;
  condition: Statement | null;
  iterator: Statement | null;
  body: StatementBlock;
}

export interface While extends Node {
  kind: "While";
  label: string | null;
  condition: Statement;
  body: StatementBlock;
}

/** `do { } while (…)` (until = false) or `do { } until (…)` (until = true). */
export interface DoLoop extends Node {
  kind: "DoLoop";
  label: string | null;
  until: boolean;
  condition: Statement;
  body: StatementBlock;
}

export interface FunctionDefinition extends Node {
  kind: "FunctionDefinition";
  name: string;
  isFilter: boolean;
  /** Parameters written as `function f($a, $b)`; null when none were written that way. */
  parameters: Parameter[] | null;
  body: ScriptBlock;
}

export interface CatchClause extends Node {
  kind: "CatchClause";
  /** Empty for a catch-all. */
  types: TypeName[];
  body: StatementBlock;
}

export interface Try extends Node {
  kind: "Try";
  body: StatementBlock;
  catches: CatchClause[];
  finallyBody: StatementBlock | null;
}

export interface Trap extends Node {
  kind: "Trap";
  type: TypeName | null;
  body: StatementBlock;
}

/** `return`, `exit` and `throw`, each with an optional pipeline. */
export interface Flow extends Node {
  kind: "Flow";
  keyword: "return" | "exit" | "throw";
  pipeline: Statement | null;
}

/** `break` / `continue` with an optional label (a bareword or an expression). */
export interface Break extends Node {
  kind: "Break";
  keyword: "break" | "continue";
  label: Expression | null;
}

// ---------------------------------------------------------------- commands

export interface Command extends Node {
  kind: "Command";
  /** `&` (call) or `.` (dot-source) written before the name, else null. */
  invocation: "&" | "." | null;
  /** The command name: a bareword StringConstant, or any expression after `&`/`.`. */
  name: Expression;
  elements: CommandElement[];
  redirections: Redirection[];
}

export type CommandElement = CommandParameter | Expression;

/** `-Name`, or `-Name:value` (then `argument` is set). */
export interface CommandParameter extends Node {
  kind: "CommandParameter";
  name: string;
  argument: Expression | null;
}

/** An expression used as a pipeline element: `1 + 2 | Write-Output`. */
export interface CommandExpression extends Node {
  kind: "CommandExpression";
  expression: Expression;
  redirections: Redirection[];
}

/** The stream a redirection takes from: `*` all, `1` output, `2` error, `3` warning, … `6` information. */
export type StreamName = "*" | "1" | "2" | "3" | "4" | "5" | "6";

/** `> file`, `>> file`, `2> file`, `*> file`. */
export interface FileRedirection extends Node {
  kind: "FileRedirection";
  from: StreamName;
  append: boolean;
  target: Expression;
}

/** `2>&1`, `*>&1`. */
export interface MergingRedirection extends Node {
  kind: "MergingRedirection";
  from: StreamName;
  to: "1" | "2";
}

export type Redirection = FileRedirection | MergingRedirection;

// ---------------------------------------------------------------- expressions

export type Expression =
  | Constant
  | StringConstant
  | ExpandableString
  | Variable
  | ArrayLiteral
  | ArrayExpression
  | SubExpression
  | Paren
  | Hashtable
  | ScriptBlockExpression
  | Binary
  | Unary
  | Ternary
  | Convert
  | TypeLiteral
  | Member
  | InvokeMember
  | Index;

export type NumberType = "int" | "long" | "double" | "decimal";

/** A number literal; `text` is as written (`0x10`, `1kb`, `2.5d`). */
export interface Constant extends Node {
  kind: "Constant";
  value: number;
  numberType: NumberType;
  text: string;
}

export type StringQuote = "bare" | "single" | "double" | "singleHere" | "doubleHere";

/** A string with no expansion: single-quoted, a bareword, or a double-quoted one without `$`. */
export interface StringConstant extends Node {
  kind: "StringConstant";
  value: string;
  quote: StringQuote;
}

/** A double-quoted string (or bareword) with `$var` / `$(…)` inside: literal parts interleaved with expressions. */
export interface ExpandableString extends Node {
  kind: "ExpandableString";
  parts: (string | Variable | SubExpression)[];
  quote: StringQuote;
}

/**
 * `$name`, `$scope:name` (`qualifier` = `global`, `script`, `local`, `private`, `using`, `env`, …), `${any name}`,
 * or `@name` (splatted = true) in a command's arguments.
 */
export interface Variable extends Node {
  kind: "Variable";
  name: string;
  qualifier: string | null;
  splatted: boolean;
}

/** `a, b, c` (binary comma) or `, a` (unary comma: one element). */
export interface ArrayLiteral extends Node {
  kind: "ArrayLiteral";
  elements: Expression[];
}

/** `@( statements )` */
export interface ArrayExpression extends Node {
  kind: "ArrayExpression";
  statements: Statement[];
}

/** `$( statements )` */
export interface SubExpression extends Node {
  kind: "SubExpression";
  statements: Statement[];
}

/** `( pipeline )`: one statement (a pipeline, an assignment, …). */
export interface Paren extends Node {
  kind: "Paren";
  statement: Statement;
}

export interface HashtableEntry extends Node {
  kind: "HashtableEntry";
  key: Expression;
  value: Statement;
}

/** `@{ key = value; … }` */
export interface Hashtable extends Node {
  kind: "Hashtable";
  entries: HashtableEntry[];
}

export interface ScriptBlockExpression extends Node {
  kind: "ScriptBlockExpression";
  scriptBlock: ScriptBlock;
}

/**
 * Binary operators, lower-cased as written: arithmetic `+ - * / %`, `..`, `-f`, `??`, comparison operators with their
 * `c`/`i` forms (`-eq`, `-ceq`, `-ilike`, …), `-and -or -xor`, `-band -bor -bxor -shl -shr`, `-is -isnot -as`,
 * `-split -join -replace`.
 */
export interface Binary extends Node {
  kind: "Binary";
  operator: string;
  left: Expression;
  right: Expression;
}

/** `-not ! -bnot - + -split -join` and `++`/`--` (prefix or postfix). */
export interface Unary extends Node {
  kind: "Unary";
  operator: string;
  operand: Expression;
  postfix: boolean;
}

export interface Ternary extends Node {
  kind: "Ternary";
  condition: Expression;
  ifTrue: Expression;
  ifFalse: Expression;
}

/** A cast: `[int]$x`, `[ordered]@{}`, `[pscustomobject]@{}`. */
export interface Convert extends Node {
  kind: "Convert";
  type: TypeName;
  operand: Expression;
}

/** `[int]` standing alone, e.g. before `::` or as an argument of `-is`. */
export interface TypeLiteral extends Node {
  kind: "TypeLiteral";
  type: TypeName;
}

/**
 * `.Name`, `.'quoted'`, `.$dynamic`, `::Static`, `?.Name`. `member` is a StringConstant for a literal name, otherwise
 * the expression that computes it.
 */
export interface Member extends Node {
  kind: "Member";
  target: Expression;
  member: Expression;
  static: boolean;
  nullConditional: boolean;
}

/** `.Method(args)` / `::Method(args)` / `?.Method(args)`. */
export interface InvokeMember extends Node {
  kind: "InvokeMember";
  target: Expression;
  member: Expression;
  arguments: Expression[];
  static: boolean;
  nullConditional: boolean;
}

/** `target[index]` / `target?[index]`. */
export interface Index extends Node {
  kind: "Index";
  target: Expression;
  index: Expression;
  nullConditional: boolean;
}

export type AnyNode =
  | ScriptBlock
  | NamedBlock
  | ParamBlock
  | Parameter
  | Attribute
  | NamedAttributeArgument
  | TypeConstraint
  | TypeName
  | Statement
  | IfClause
  | SwitchClause
  | CatchClause
  | Command
  | CommandParameter
  | CommandExpression
  | Redirection
  | Expression
  | HashtableEntry;
