/**
 * The typed AST rsh's parser produces. Every node carries a `span`; the engine switches on `kind`.
 * Shapes follow PowerShell's System.Management.Automation.Language ASTs where that helps (a script is a
 * script block with param/begin/process/end; a statement that is just an expression is a one-element pipeline).
 * Each node's example is rsh source that parses to it.
 */

/**
 * A position in source text: 1-based line and column, 0-based offset.
 *
 * @example
 * ```ts
 * const start: Position = { line: 1, column: 1, offset: 0 };
 * ```
 */
export interface Position {
  /** 1-based line number. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source text. */
  offset: number;
}

/**
 * Where a node sits in its source: `end` is exclusive (the position just after the last character). The spans
 * `parse` makes keep two offsets and work `start` and `end` out when read (grammar/spans.ts), so read them as
 * properties: a spread or a structured clone of a span copies only its offsets; `JSON.stringify` gives this shape.
 *
 * @example
 * ```ts
 * const span: Span = { file: "a.rsh", start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } };
 * ```
 */
export interface Span {
  /** The name the source was parsed under (`parse`'s `file` argument). */
  file: string;
  /** The node's first character. */
  start: Position;
  /** Just after the node's last character. */
  end: Position;
}

/**
 * What every node has: where it sits in the source.
 *
 * @example
 * ```ts
 * const where = (node: Node) => `${node.span.file}:${node.span.start.line}:${node.span.start.column}`;
 * ```
 */
export interface Node {
  /** The node's source range. */
  span: Span;
}

// ---------------------------------------------------------------- script blocks and statements

/**
 * A script, a function body or a `{ … }` literal. Statements outside named blocks land in `end`.
 *
 * @example
 * ```rsh
 * param($Path) begin { $n = 0 } process { $n++ } end { $n }
 * ```
 */
export interface ScriptBlock extends Node {
  /** Discriminant. */
  kind: "ScriptBlock";
  /** Attributes written before `param`, such as `[CmdletBinding()]`. */
  attributes: Attribute[];
  /** The `param(…)` block, if any. */
  paramBlock: ParamBlock | null;
  /** The `begin { }` block, if any. */
  begin: NamedBlock | null;
  /** The `process { }` block, if any. */
  process: NamedBlock | null;
  /** The `end { }` block, or the statements written outside any named block. */
  end: NamedBlock | null;
  /** True when `end` holds statements written outside any named block. */
  unnamedEnd: boolean;
}

/**
 * A `begin`, `process` or `end` block of a script block.
 *
 * @example
 * ```rsh
 * process { $_ * 2 }
 * ```
 */
export interface NamedBlock extends Node {
  /** Discriminant. */
  kind: "NamedBlock";
  /** Which block this is. */
  name: "begin" | "process" | "end";
  /** The block's statements, in order. */
  statements: Statement[];
  /** The block's `trap` statements. */
  traps: Trap[];
}

/**
 * `param(…)` at the start of a script or script block.
 *
 * @example
 * ```rsh
 * [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [int]$Times = 1)
 * ```
 */
export interface ParamBlock extends Node {
  /** Discriminant. */
  kind: "ParamBlock";
  /** `[CmdletBinding()]` and other attributes written before `param`. */
  attributes: Attribute[];
  /** The declared parameters, in order. */
  parameters: Parameter[];
}

/**
 * One parameter of a `param(…)` block or of `function f(…)`.
 *
 * @example
 * ```rsh
 * [ValidateSet('a', 'b')][string]$Mode = 'a'
 * ```
 */
export interface Parameter extends Node {
  /** Discriminant. */
  kind: "Parameter";
  /** Attributes (`[Parameter(…)]`, `[ValidateSet(…)]`) and type constraints (`[int]`) in source order. */
  attributes: (Attribute | TypeConstraint)[];
  /** The name without `$`. */
  name: string;
  /** The default value's expression, or null when none is written. */
  defaultValue: Expression | null;
}

/**
 * `[Name(positional, Named = value, Flag)]`
 *
 * @example
 * ```rsh
 * [Parameter(Mandatory, Position = 0)]
 * ```
 */
export interface Attribute extends Node {
  /** Discriminant. */
  kind: "Attribute";
  /** The attribute's name (`Parameter`, `ValidateSet`, …). */
  typeName: TypeName;
  /** Arguments without a name, in order. */
  positionalArguments: Expression[];
  /** `Name = value` arguments and bare flags. */
  namedArguments: NamedAttributeArgument[];
}

/**
 * `Name = value`, or a bare `Name`, inside an attribute's parentheses.
 *
 * @example
 * ```rsh
 * [Parameter(Position = 0, Mandatory)]
 * ```
 */
export interface NamedAttributeArgument extends Node {
  /** Discriminant. */
  kind: "NamedAttributeArgument";
  /** The argument's name as written. */
  name: string;
  /** `null` for a bare flag such as `Mandatory` (which means `$true`). */
  value: Expression | null;
}

/**
 * `[int]` before a parameter or a variable in an assignment.
 *
 * @example
 * ```rsh
 * [int]$count = '3'
 * ```
 */
export interface TypeConstraint extends Node {
  /** Discriminant. */
  kind: "TypeConstraint";
  /** The constraining type. */
  typeName: TypeName;
}

/**
 * A type as written: `name` is the full text inside the brackets, e.g. `string[]` or `System.Collections.Generic.List[int]`.
 *
 * @example
 * ```rsh
 * [System.Collections.Generic.List[int]]
 * ```
 */
export interface TypeName extends Node {
  /** Discriminant. */
  kind: "TypeName";
  /** The text inside the brackets. */
  name: string;
}

/**
 * Any statement; switch on `kind`.
 *
 * @example
 * ```ts
 * const isLoop = (s: Statement) => s.kind === "For" || s.kind === "Foreach" || s.kind === "While" || s.kind === "DoLoop";
 * ```
 */
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

/**
 * A `{ … }` used as a statement body (if/loop/try bodies).
 *
 * @example
 * ```rsh
 * while ($true) { 'once'; break }
 * ```
 */
export interface StatementBlock extends Node {
  /** Discriminant. */
  kind: "StatementBlock";
  /** The body's statements, in order. */
  statements: Statement[];
  /** The body's `trap` statements. */
  traps: Trap[];
}

/**
 * `a | b | c`, or a single command or expression; `background` for a trailing `&`.
 *
 * @example
 * ```rsh
 * Get-ChildItem | Sort-Object Length | Select-Object -First 3
 * ```
 */
export interface Pipeline extends Node {
  /** Discriminant. */
  kind: "Pipeline";
  /** The commands (or a leading expression), left to right. */
  elements: PipelineElement[];
  /** True when the pipeline ends with `&` (run as a background job). */
  background: boolean;
}

/**
 * One element of a pipeline: a command, or an expression (first only).
 *
 * @example
 * ```ts
 * const names = (p: Pipeline) => p.elements.map((e) => e.kind === "Command" ? e.name.kind : "expression");
 * ```
 */
export type PipelineElement = Command | CommandExpression;

/**
 * `left && right`, `left || right` (PowerShell 7 pipeline chains).
 *
 * @example
 * ```rsh
 * Test-Path ./build && Remove-Item ./build -Recurse
 * ```
 */
export interface PipelineChain extends Node {
  /** Discriminant. */
  kind: "PipelineChain";
  /** What runs first; chains nest to the left. */
  left: Pipeline | PipelineChain;
  /** `&&` runs `right` when `left` succeeded, `||` when it failed. */
  operator: "&&" | "||";
  /** What runs second. */
  right: Pipeline;
  /** True when the chain ends with `&`. */
  background: boolean;
}

/**
 * The assignment operators.
 *
 * @example
 * ```ts
 * const compound: AssignmentOperator[] = ["+=", "-=", "*=", "/=", "%=", "??="];
 * ```
 */
export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "??=";

/**
 * `target op value`; the value is a whole statement (`$x = Get-Item a | Select-Object -First 1`).
 *
 * @example
 * ```rsh
 * $total += (Get-ChildItem | Measure-Object Length -Sum).Sum
 * ```
 */
export interface Assignment extends Node {
  /** Discriminant. */
  kind: "Assignment";
  /** What is assigned to: a variable (maybe type-constrained), a member, an index, or an array of those. */
  target: Expression;
  /** The operator as written. */
  operator: AssignmentOperator;
  /** The right-hand side. */
  value: Statement;
}

/**
 * One `if (…) { }` or `elseif (…) { }` clause.
 *
 * @example
 * ```rsh
 * elseif ($n -lt 0) { 'negative' }
 * ```
 */
export interface IfClause extends Node {
  /** Discriminant. */
  kind: "IfClause";
  /** The condition inside the parentheses. */
  condition: Statement;
  /** What runs when the condition is true. */
  body: StatementBlock;
}

/**
 * `if`, its `elseif`s and `else`.
 *
 * @example
 * ```rsh
 * if ($n -gt 0) { 'positive' } elseif ($n -lt 0) { 'negative' } else { 'zero' }
 * ```
 */
export interface If extends Node {
  /** Discriminant. */
  kind: "If";
  /** The `if` clause, then each `elseif`, in order. */
  clauses: IfClause[];
  /** The `else` body, if any. */
  elseBody: StatementBlock | null;
}

/**
 * The flags written after `switch` (`-Regex`, `-Wildcard`, `-Exact`, `-CaseSensitive`, `-File`).
 *
 * @example
 * ```rsh
 * switch -Regex -CaseSensitive ($line) { '^#' { 'comment' } }
 * ```
 */
export interface SwitchFlags {
  /** `-Regex`: string patterns are regular expressions. */
  regex: boolean;
  /** `-Wildcard`: string patterns are wildcards. */
  wildcard: boolean;
  /** `-Exact`: string patterns compare for equality (the default). */
  exact: boolean;
  /** `-CaseSensitive`: comparisons respect case. */
  caseSensitive: boolean;
  /** `-File`: the subject names a file whose lines are switched on. */
  file: boolean;
}

/**
 * One `pattern { body }` clause of a switch.
 *
 * @example
 * ```rsh
 * { $_ -gt 10 } { 'big' }
 * ```
 */
export interface SwitchClause extends Node {
  /** Discriminant. */
  kind: "SwitchClause";
  /** A constant, bareword (StringConstant), expression or script block condition. */
  pattern: Expression;
  /** What runs when the pattern matches. */
  body: StatementBlock;
}

/**
 * `switch (subject) { pattern { … } default { … } }`.
 *
 * @example
 * ```rsh
 * switch ($day) { 'Sat' { 'weekend' } 'Sun' { 'weekend' } default { 'weekday' } }
 * ```
 */
export interface Switch extends Node {
  /** Discriminant. */
  kind: "Switch";
  /** The loop label (`:outer switch …`), or null. */
  label: string | null;
  /** The flags written after `switch`. */
  flags: SwitchFlags;
  /** The value (or file, with `-File`) switched on. */
  subject: Statement;
  /** The pattern clauses, in order. */
  clauses: SwitchClause[];
  /** The `default` body, if any. */
  defaultBody: StatementBlock | null;
}

/**
 * `foreach ($item in collection) { }`.
 *
 * @example
 * ```rsh
 * foreach ($file in Get-ChildItem) { $file.Name }
 * ```
 */
export interface Foreach extends Node {
  /** Discriminant. */
  kind: "Foreach";
  /** The loop label (`:outer foreach …`), or null. */
  label: string | null;
  /** The loop variable. */
  variable: Variable;
  /** What is iterated over. */
  iterable: Statement;
  /** The loop body. */
  body: StatementBlock;
}

/**
 * `for (init; condition; iterator) { }`.
 *
 * @example
 * ```rsh
 * for ($i = 0; $i -lt 3; $i++) { $i }
 * ```
 */
export interface For extends Node {
  /** Discriminant. */
  kind: "For";
  /** The loop label, or null. */
  label: string | null;
  /** What runs once before the loop, if written. */
  initializer: Statement | null;
  /** What is tested before each pass; none means loop until `break`. */
  condition: Statement | null;
  /** What runs after each pass, if written. */
  iterator: Statement | null;
  /** The loop body. */
  body: StatementBlock;
}

/**
 * `while (condition) { }`.
 *
 * @example
 * ```rsh
 * while ($queue.Count) { $queue.Dequeue() }
 * ```
 */
export interface While extends Node {
  /** Discriminant. */
  kind: "While";
  /** The loop label, or null. */
  label: string | null;
  /** What is tested before each pass. */
  condition: Statement;
  /** The loop body. */
  body: StatementBlock;
}

/**
 * `do { } while (…)` (until = false) or `do { } until (…)` (until = true).
 *
 * @example
 * ```rsh
 * do { $n-- } until ($n -le 0)
 * ```
 */
export interface DoLoop extends Node {
  /** Discriminant. */
  kind: "DoLoop";
  /** The loop label, or null. */
  label: string | null;
  /** True for `do … until`, false for `do … while`. */
  until: boolean;
  /** What is tested after each pass. */
  condition: Statement;
  /** The loop body. */
  body: StatementBlock;
}

/**
 * `function Name { }` or `filter Name { }`.
 *
 * @example
 * ```rsh
 * function Add-One($n) { $n + 1 }
 * ```
 */
export interface FunctionDefinition extends Node {
  /** Discriminant. */
  kind: "FunctionDefinition";
  /** The function's name as written (it may carry a scope: `global:f`). */
  name: string;
  /** True for `filter` (the body is a process block). */
  isFilter: boolean;
  /** Parameters written as `function f($a, $b)`; null when none were written that way. */
  parameters: Parameter[] | null;
  /** The function's body. */
  body: ScriptBlock;
}

/**
 * One `catch [Type] { }` clause of a try statement.
 *
 * @example
 * ```rsh
 * catch [System.IO.IOException] { "I/O: $_" }
 * ```
 */
export interface CatchClause extends Node {
  /** Discriminant. */
  kind: "CatchClause";
  /** Empty for a catch-all. */
  types: TypeName[];
  /** The handler. */
  body: StatementBlock;
}

/**
 * `try { } catch { } finally { }`.
 *
 * @example
 * ```rsh
 * try { Get-Item ./missing -ErrorAction Stop } catch { 'not there' } finally { 'done' }
 * ```
 */
export interface Try extends Node {
  /** Discriminant. */
  kind: "Try";
  /** The guarded body. */
  body: StatementBlock;
  /** The catch clauses, in order. */
  catches: CatchClause[];
  /** The `finally` body, if any. */
  finallyBody: StatementBlock | null;
}

/**
 * `trap [Type] { }`: handles terminating errors of the enclosing block.
 *
 * @example
 * ```rsh
 * trap { "caught: $_"; continue }
 * ```
 */
export interface Trap extends Node {
  /** Discriminant. */
  kind: "Trap";
  /** The error type trapped, or null for any. */
  type: TypeName | null;
  /** The handler. */
  body: StatementBlock;
}

/**
 * `return`, `exit` and `throw`, each with an optional pipeline.
 *
 * @example
 * ```rsh
 * throw "no such user: $name"
 * ```
 */
export interface Flow extends Node {
  /** Discriminant. */
  kind: "Flow";
  /** Which statement this is. */
  keyword: "return" | "exit" | "throw";
  /** The value returned, the exit code or the thrown value, if written. */
  pipeline: Statement | null;
}

/**
 * `break` / `continue` with an optional label (a bareword or an expression).
 *
 * @example
 * ```rsh
 * break outer
 * ```
 */
export interface Break extends Node {
  /** Discriminant. */
  kind: "Break";
  /** Which statement this is. */
  keyword: "break" | "continue";
  /** The label of the loop to leave, if written. */
  label: Expression | null;
}

// ---------------------------------------------------------------- commands

/**
 * A command invocation: a name, its arguments and redirections.
 *
 * @example
 * ```rsh
 * & $tool -Verbose -Path:./a.txt extra 2> errors.txt
 * ```
 */
export interface Command extends Node {
  /** Discriminant. */
  kind: "Command";
  /** `&` (call) or `.` (dot-source) written before the name, else null. */
  invocation: "&" | "." | null;
  /** The command name: a bareword StringConstant, or any expression after `&`/`.`. */
  name: Expression;
  /** Parameters and arguments after the name, in order. */
  elements: CommandElement[];
  /** The command's redirections, in order. */
  redirections: Redirection[];
}

/**
 * One word after a command's name: a `-Parameter` or an argument.
 *
 * @example
 * ```ts
 * const parameterNames = (c: Command) => c.elements.flatMap((e) => e.kind === "CommandParameter" ? [e.name] : []);
 * ```
 */
export type CommandElement = CommandParameter | Expression;

/**
 * `-Name`, or `-Name:value` (then `argument` is set).
 *
 * @example
 * ```rsh
 * Get-ChildItem -Recurse:$false
 * ```
 */
export interface CommandParameter extends Node {
  /** Discriminant. */
  kind: "CommandParameter";
  /** The parameter name without `-`, as written (maybe abbreviated). */
  name: string;
  /** The value written after `:`, if any; a separate argument is the next element instead. */
  argument: Expression | null;
}

/**
 * An expression used as a pipeline element: `1 + 2 | Write-Output`.
 *
 * @example
 * ```rsh
 * 1..3 | ForEach-Object { $_ }
 * ```
 */
export interface CommandExpression extends Node {
  /** Discriminant. */
  kind: "CommandExpression";
  /** The expression. */
  expression: Expression;
  /** Redirections written after the expression. */
  redirections: Redirection[];
}

/**
 * The stream a redirection takes from: `*` all, `1` output, `2` error, `3` warning, … `6` information.
 *
 * @example
 * ```ts
 * const fromErrors: StreamName = "2";
 * ```
 */
export type StreamName = "*" | "1" | "2" | "3" | "4" | "5" | "6";

/**
 * `> file`, `>> file`, `2> file`, `*> file`.
 *
 * @example
 * ```rsh
 * Get-Process 2>> errors.log
 * ```
 */
export interface FileRedirection extends Node {
  /** Discriminant. */
  kind: "FileRedirection";
  /** The stream written to the file. */
  from: StreamName;
  /** True for `>>`. */
  append: boolean;
  /** The file's path expression. */
  target: Expression;
}

/**
 * `2>&1`, `*>&1`.
 *
 * @example
 * ```rsh
 * Get-Item ./missing 2>&1
 * ```
 */
export interface MergingRedirection extends Node {
  /** Discriminant. */
  kind: "MergingRedirection";
  /** The stream redirected. */
  from: StreamName;
  /** The stream it joins: output (`1`) or error (`2`). */
  to: "1" | "2";
}

/**
 * A redirection of a command or expression.
 *
 * @example
 * ```ts
 * const appends = (r: Redirection) => r.kind === "FileRedirection" && r.append;
 * ```
 */
export type Redirection = FileRedirection | MergingRedirection;

// ---------------------------------------------------------------- expressions

/**
 * Any expression; switch on `kind`.
 *
 * @example
 * ```ts
 * const isLiteral = (e: Expression) => e.kind === "Constant" || e.kind === "StringConstant";
 * ```
 */
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

/**
 * The type of a number literal (`1` int, `1L` long, `1.5` double, `1.5d` decimal).
 *
 * @example
 * ```ts
 * const wide: NumberType = "long";
 * ```
 */
export type NumberType = "int" | "long" | "double" | "decimal";

/**
 * A number literal; `text` is as written (`0x10`, `1kb`, `2.5d`).
 *
 * @example
 * ```rsh
 * 1kb
 * ```
 */
export interface Constant extends Node {
  /** Discriminant. */
  kind: "Constant";
  /** The number's value (`1kb` is 1024). */
  value: number;
  /** The literal's type. */
  numberType: NumberType;
  /** The literal as written. */
  text: string;
}

/**
 * How a string was written: a bareword, quoted, or a here-string.
 *
 * @example
 * ```ts
 * const expands = (q: StringQuote) => q === "double" || q === "doubleHere" || q === "bare";
 * ```
 */
export type StringQuote = "bare" | "single" | "double" | "singleHere" | "doubleHere";

/**
 * A string with no expansion: single-quoted, a bareword, or a double-quoted one without `$`.
 *
 * @example
 * ```rsh
 * 'no $expansion here'
 * ```
 */
export interface StringConstant extends Node {
  /** Discriminant. */
  kind: "StringConstant";
  /** The string's value (escapes and doubled quotes resolved). */
  value: string;
  /** How it was written. */
  quote: StringQuote;
}

/**
 * A double-quoted string (or bareword) with `$var` / `$(…)` inside: literal parts interleaved with expressions.
 *
 * @example
 * ```rsh
 * "Hello, $name! ($($items.Count) items)"
 * ```
 */
export interface ExpandableString extends Node {
  /** Discriminant. */
  kind: "ExpandableString";
  /** Literal text and the variables and subexpressions to expand, in order. */
  parts: (string | Variable | SubExpression)[];
  /** How it was written. */
  quote: StringQuote;
}

/**
 * `$name`, `$scope:name` (`qualifier` = `global`, `script`, `local`, `private`, `using`, `env`, …), `${any name}`,
 * or `@name` (splatted = true) in a command's arguments.
 *
 * @example
 * ```rsh
 * $env:HOME
 * ```
 */
export interface Variable extends Node {
  /** Discriminant. */
  kind: "Variable";
  /** The name without `$` and qualifier. */
  name: string;
  /** The scope or drive before `:`, or null. */
  qualifier: string | null;
  /** True for `@name`. */
  splatted: boolean;
}

/**
 * `a, b, c` (binary comma) or `, a` (unary comma: one element).
 *
 * @example
 * ```rsh
 * 'a', 'b', 'c'
 * ```
 */
export interface ArrayLiteral extends Node {
  /** Discriminant. */
  kind: "ArrayLiteral";
  /** The elements, in order. */
  elements: Expression[];
}

/**
 * `@( statements )`
 *
 * @example
 * ```rsh
 * @(Get-ChildItem *.rsh)
 * ```
 */
export interface ArrayExpression extends Node {
  /** Discriminant. */
  kind: "ArrayExpression";
  /** The statements whose output becomes the array. */
  statements: Statement[];
}

/**
 * `$( statements )`
 *
 * @example
 * ```rsh
 * $(Get-Date; 'now')
 * ```
 */
export interface SubExpression extends Node {
  /** Discriminant. */
  kind: "SubExpression";
  /** The statements whose output is the value. */
  statements: Statement[];
}

/**
 * `( pipeline )`: one statement (a pipeline, an assignment, …).
 *
 * @example
 * ```rsh
 * (Get-ChildItem).Count
 * ```
 */
export interface Paren extends Node {
  /** Discriminant. */
  kind: "Paren";
  /** The statement inside the parentheses. */
  statement: Statement;
}

/**
 * One `key = value` of a hashtable literal.
 *
 * @example
 * ```rsh
 * @{ Name = 'rsh' }
 * ```
 */
export interface HashtableEntry extends Node {
  /** Discriminant. */
  kind: "HashtableEntry";
  /** The key (a bareword is a StringConstant). */
  key: Expression;
  /** The value: a whole statement. */
  value: Statement;
}

/**
 * `@{ key = value; … }`
 *
 * @example
 * ```rsh
 * @{ Name = 'rsh'; Answer = 42 }
 * ```
 */
export interface Hashtable extends Node {
  /** Discriminant. */
  kind: "Hashtable";
  /** The entries, in source order. */
  entries: HashtableEntry[];
}

/**
 * A script block literal used as a value: `{ $_ * 2 }`.
 *
 * @example
 * ```rsh
 * $double = { param($n) $n * 2 }
 * ```
 */
export interface ScriptBlockExpression extends Node {
  /** Discriminant. */
  kind: "ScriptBlockExpression";
  /** The script block. */
  scriptBlock: ScriptBlock;
}

/**
 * Binary operators, lower-cased as written: arithmetic `+ - * / %`, `..`, `-f`, `??`, comparison operators with their
 * `c`/`i` forms (`-eq`, `-ceq`, `-ilike`, …), `-and -or -xor`, `-band -bor -bxor -shl -shr`, `-is -isnot -as`,
 * `-split -join -replace`.
 *
 * @example
 * ```rsh
 * $name -like 'a*'
 * ```
 */
export interface Binary extends Node {
  /** Discriminant. */
  kind: "Binary";
  /** The operator, lower-cased (`-ceq`, `+`, `..`). */
  operator: string;
  /** The left operand. */
  left: Expression;
  /** The right operand. */
  right: Expression;
}

/**
 * `-not ! -bnot - + -split -join` and `++`/`--` (prefix or postfix).
 *
 * @example
 * ```rsh
 * $count++
 * ```
 */
export interface Unary extends Node {
  /** Discriminant. */
  kind: "Unary";
  /** The operator, lower-cased. */
  operator: string;
  /** The operand. */
  operand: Expression;
  /** True for a postfix `++`/`--`. */
  postfix: boolean;
}

/**
 * `condition ? ifTrue : ifFalse` (PowerShell 7).
 *
 * @example
 * ```rsh
 * $n -gt 0 ? 'positive' : 'not positive'
 * ```
 */
export interface Ternary extends Node {
  /** Discriminant. */
  kind: "Ternary";
  /** What is tested. */
  condition: Expression;
  /** The value when the condition is true. */
  ifTrue: Expression;
  /** The value when it is false. */
  ifFalse: Expression;
}

/**
 * A cast: `[int]$x`, `[ordered]@{}`, `[pscustomobject]@{}`.
 *
 * @example
 * ```rsh
 * [pscustomobject]@{ N = 1 }
 * ```
 */
export interface Convert extends Node {
  /** Discriminant. */
  kind: "Convert";
  /** The type converted to. */
  type: TypeName;
  /** The value converted. */
  operand: Expression;
}

/**
 * `[int]` standing alone, e.g. before `::` or as an argument of `-is`.
 *
 * @example
 * ```rsh
 * [math]::Round(2.5)
 * ```
 */
export interface TypeLiteral extends Node {
  /** Discriminant. */
  kind: "TypeLiteral";
  /** The type. */
  type: TypeName;
}

/**
 * `.Name`, `.'quoted'`, `.$dynamic`, `::Static`, `?.Name`. `member` is a StringConstant for a literal name, otherwise
 * the expression that computes it.
 *
 * @example
 * ```rsh
 * $item.Name
 * ```
 */
export interface Member extends Node {
  /** Discriminant. */
  kind: "Member";
  /** The object (or type literal) whose member is read. */
  target: Expression;
  /** The member's name, or the expression that computes it. */
  member: Expression;
  /** True for `::`. */
  static: boolean;
  /** True for `?.`. */
  nullConditional: boolean;
}

/**
 * `.Method(args)` / `::Method(args)` / `?.Method(args)`.
 *
 * @example
 * ```rsh
 * 'a,b'.Split(',')
 * ```
 */
export interface InvokeMember extends Node {
  /** Discriminant. */
  kind: "InvokeMember";
  /** The object (or type literal) whose method is called. */
  target: Expression;
  /** The method's name, or the expression that computes it. */
  member: Expression;
  /** The call's arguments, in order. */
  arguments: Expression[];
  /** True for `::`. */
  static: boolean;
  /** True for `?.`. */
  nullConditional: boolean;
}

/**
 * `target[index]` / `target?[index]`.
 *
 * @example
 * ```rsh
 * $items[0]
 * ```
 */
export interface Index extends Node {
  /** Discriminant. */
  kind: "Index";
  /** What is indexed. */
  target: Expression;
  /** The index (an array of indexes for a slice). */
  index: Expression;
  /** True for `?[`. */
  nullConditional: boolean;
}

/**
 * Every node type: what a generic AST walker handles.
 *
 * @example
 * ```ts
 * const describe = (node: AnyNode) => `${node.kind} at ${node.span.start.line}:${node.span.start.column}`;
 * ```
 */
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
