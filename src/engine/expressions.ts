/**
 * Expression evaluation: literals, variables, operators, members, indexing, casts and assignment targets. Statements
 * and pipelines live in evaluator.ts; both share one Frame (scope + source + the engine).
 */
import type * as A from "../../grammar/ast.ts";
import { canonicalType, ConversionError, convertTo, enumerate, toBool, toNumber, toStr } from "../values/convert.ts";
import { baseOf, NotedScalar, PSChar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { ErrorRecord, RuntimeError } from "./errors.ts";
import { DotNetError } from "./dotnet.ts";
import { DateFormatError } from "../values/date_format.ts";
import { PropertyCollection, ScriptMethod } from "./psobject.ts";
import { type DotNetContext, RefValue } from "./dotnet_system.ts";
import { getMember, invokeMethod, MemberError, setMember, staticMember, VOID } from "./members.ts";
import { binary, OperatorError, TypeValue, unary } from "./operators.ts";
import { eachInOrder, mapInOrder, type Maybe, then } from "./maybe.ts";
import { constrains, Scope, VariableNotWritableError } from "./scope.ts";

/** A script block value: its AST plus the source text it came from. */
export class ScriptBlockValue {
  /**
   * `trusted`: written by trusted text (see language_mode.ts); it then runs unrestricted wherever it is invoked.
   * `closure`: the scope `.GetNewClosure()` captured; the block then runs under it instead of under its caller.
   */
  constructor(readonly ast: A.ScriptBlock, readonly source: string, readonly trusted = false, readonly closure: Scope | null = null) {}

  /**
   * `.GetNewClosure()` (about_Script_Blocks): the same block bound to a copy of the variables of `scope` (the
   * caller's local scope), taken now, in a scope of its own under the global one, as pwsh's dynamic module is.
   */
  withClosure(scope: Scope): ScriptBlockValue {
    const captured = new Scope(scope.global);
    for (const variable of scope.variables.values()) captured.set(variable.name, variable.value);
    return new ScriptBlockValue(this.ast, this.source, this.trusted, captured);
  }
  toString(): string {
    return this.source.slice(this.ast.span.start.offset + 1, this.ast.span.end.offset - 1);
  }
}

/** What expression evaluation needs from the statement evaluator. */
export interface Frame {
  scope: Scope;
  source: string;
  /** The text runs on the operator's authority (a startup script): no visibility or language-mode checks. */
  trusted: boolean;
  /** Runs statements and collects their output (for `$( )`, `@( )`, `( )`). */
  collect(statements: A.Statement[], frame: Frame): Maybe<unknown[]>;
  /** Calls a script block value with `$_` and args, collecting its output. */
  callBlock(block: ScriptBlockValue, item: unknown, args: unknown[], frame: Frame): Maybe<unknown[]>;
  env: Map<string, string>;
  /** The function call this frame runs (its name and call site), or null (a script, a script block). */
  invocation: Invocation | null;
}

/**
 * A function's call as its body's frame knows it: Write-Error inside reports at the call, as pwsh does.
 *
 * @example
 * ```ts
 * import type { CommandContext } from "rsh";
 * const where = (ctx: CommandContext) => ctx.invocation ? `${ctx.invocation.name} at line ${ctx.invocation.span.start.line}` : "top level";
 * ```
 */
export interface Invocation {
  /** The function's name. */
  name: string;
  /** Where it was called. */
  span: A.Span;
  /** The text of the script that called it. */
  source: string;
}

/** Throws a terminating error at `node`. */
export function fail(frame: Frame, node: { span: A.Span }, message: string, id: string, category = "InvalidOperation"): never {
  throw new RuntimeError(new ErrorRecord(message, id, category, node.span, frame.source));
}

/**
 * The value of a statement used as a value (`$x = …`, `( … )`): a lone expression keeps its value as is (`$a = @(1)`
 * stays an array), a pipeline's output is collected and unwrapped.
 */
export function valueOf(frame: Frame, statement: A.Statement): Maybe<unknown> {
  const lone = loneExpression(statement);
  if (lone) return evaluate(frame, lone);
  return then(frame.collect([statement], frame), unwrap);
}

/** Unwraps a collected pipeline result the way assignment and `( )` do: none → $null, one → itself. */
export function unwrap(items: unknown[]): unknown {
  return items.length === 0 ? null : items.length === 1 ? items[0] : items;
}

const AUTOMATIC: Record<string, unknown> = { true: true, false: false, null: null };

/** `inString`: the variable is part of an expandable string, which strict mode version 1 still lets through. */
export function readVariable(frame: Frame, node: A.Variable, inString = false): unknown {
  const lower = node.name.toLowerCase();
  const qualifier = node.qualifier;
  if (qualifier === "env") return frame.env.get(node.name) ?? frame.env.get(lower) ?? null;
  if (qualifier === null && lower in AUTOMATIC) return AUTOMATIC[lower];
  // A job's runspace holds the caller's `$using:` values under their own names (see usingValues).
  if (qualifier === "using") return frame.scope.global.lookup("using:" + lower)?.value ?? null;
  const scope = qualifier === "global" ? frame.scope.global : qualifier === "script" ? frame.scope.script : frame.scope;
  const found = qualifier === "local" || qualifier === "private" ? scope.variables.get(lower) : scope.lookup(node.name);
  if (found) return found.value;
  const strict = frame.scope.effectiveStrictMode;
  if (strict >= 2 || (strict === 1 && !inString)) {
    fail(frame, node, `The variable '$${node.name}' cannot be retrieved because it has not been set.`, "VariableIsUndefined");
  }
  return null;
}

export function writeVariable(frame: Frame, node: A.Variable, value: unknown): void {
  const qualifier = node.qualifier;
  if (qualifier === "env") {
    if (value === null || value === "") frame.env.delete(node.name);
    else frame.env.set(node.name, toStr(value));
    return;
  }
  const lower = node.name.toLowerCase();
  // `$null = …` discards the value (about_Automatic_Variables); $true and $false stay read-only.
  if (qualifier === null && lower === "null") return;
  if (qualifier === null && lower in AUTOMATIC) {
    fail(frame, node, `Cannot overwrite variable ${node.name} because it is read-only or constant.`, "VariableNotWritable", "WriteError");
  }
  const scope = scopeNamed(frame, qualifier);
  try {
    scope.set(node.name, value);
  } catch (e) {
    rethrowAt(frame, node, e); // a variable held to a type (TypedVariable) that cannot take the value
  }
  if (qualifier === "private") scope.variables.get(lower)!.private = true;
}

/** The frame a `$global:`, `$script:`, `$local:`/`$private:` or unqualified variable is written in. */
function scopeNamed(frame: Frame, qualifier: string | null): Scope {
  return qualifier === "global" ? frame.scope.global : qualifier === "script" ? frame.scope.script : frame.scope;
}

/**
 * `[int]$n = '5'`: the value is converted, and the variable is held to the type from then on (about_Variables) —
 * unless it is an automatic or environment variable, or the type takes anything as it is (scope.ts, constrains).
 */
function assignConstrained(frame: Frame, target: A.Convert, variable: A.Variable, value: unknown): Maybe<void> {
  const converted = guarded(frame, target, () => convertTo(value, target.type.name));
  const lower = variable.name.toLowerCase();
  const qualifier = variable.qualifier;
  const held = (qualifier === null || qualifier === "global" || qualifier === "script" || qualifier === "local" || qualifier === "private") &&
    !(lower in AUTOMATIC) && lower !== "null" && constrains(target.type.name);
  if (!held) return assign(frame, variable, converted);
  const scope = scopeNamed(frame, qualifier);
  scope.constrain(variable.name, target.type.name, converted);
  if (qualifier === "private") scope.variables.get(lower)!.private = true;
}

/** Wraps engine-level errors from value operations into ErrorRecords positioned at `node`. */
export function guarded<T>(frame: Frame, node: { span: A.Span }, action: () => T): T {
  try {
    return action();
  } catch (e) {
    return rethrowAt(frame, node, e);
  }
}

/** Rethrows an engine-level error from a value operation as an ErrorRecord at `node` (others pass unchanged). */
export function rethrowAt(frame: Frame, node: { span: A.Span }, e: unknown): never {
  if (e instanceof ConversionError) fail(frame, node, e.message, "InvalidArgument", "InvalidArgument");
  if (e instanceof OperatorError) fail(frame, node, e.message, e.message.includes("divide by zero") ? "RuntimeException" : "OperatorFailed");
  if (e instanceof MemberError) fail(frame, node, e.message, "MethodNotFound");
  if (e instanceof VariableNotWritableError) fail(frame, node, e.message, "VariableNotWritable", "WriteError");
  if (e instanceof DotNetError) fail(frame, node, e.message, "MethodInvocationException");
  if (e instanceof DateFormatError) fail(frame, node, e.message, "FormatException");
  // JS's RegExp rejects a pattern: PowerShell reports the invalid regular expression as an argument error.
  if (e instanceof SyntaxError) fail(frame, node, `Invalid regular expression: ${e.message.replace(/^Invalid regular expression: /, "")}`, "InvalidRegularExpression", "InvalidArgument");
  throw e;
}

function memberName(frame: Frame, node: A.Expression): Maybe<string> {
  return node.kind === "StringConstant" ? node.value : then(evaluate(frame, node), toStr);
}

function index(frame: Frame, node: A.Index, target: unknown, key: unknown): unknown {
  if (target === null) {
    if (node.nullConditional) return null;
    fail(frame, node, "Cannot index into a null array.", "NullArray");
  }
  if (target instanceof PSHashtable) {
    return Array.isArray(key) ? key.map((k) => target.get(k)) : target.get(key);
  }
  if (target instanceof PSCustomObject) return target.get(toStr(key));
  // `.PSObject.Properties['Name']`: the property of that name.
  if (target instanceof PropertyCollection && typeof key === "string") return target.named(key);
  const base = baseOf(target);
  // A string's elements are its characters, as [char] values.
  const text = typeof base === "string" ? base : null;
  const list = text !== null ? text : Array.isArray(target) ? target : [target];
  const at = (k: unknown) => {
    let i = Math.trunc(toNumber(k));
    if (i < 0) i += list.length;
    if (i < 0 || i >= list.length) return null;
    return text !== null ? new PSChar(text.charCodeAt(i)) : list[i];
  };
  if (Array.isArray(key)) return key.map(at).filter((v) => v !== null);
  const value = at(key);
  // Strict mode 3 (Latest): an index past either end is an error, not $null.
  if (value === null && frame.scope.effectiveStrictMode >= 3) {
    const i = Math.trunc(toNumber(key));
    if (i >= list.length || i < -list.length) fail(frame, node, "Index was outside the bounds of the array.", "System.IndexOutOfRangeException");
  }
  return value;
}

/** A value in a string (`"$list"`, `[string]$list`): an array's elements joined with $OFS, a space when it is unset. */
function textOf(frame: Frame, value: unknown): string {
  if (!Array.isArray(value)) return toStr(value);
  const separator = frame.scope.lookup("OFS")?.value;
  return value.map(toStr).join(separator === undefined || separator === null ? " " : toStr(separator));
}

/** An expression compiled to a closure: evaluating it again walks no AST and re-decides nothing. */
export type CompiledExpression = (frame: Frame) => Maybe<unknown>;

const COMPILED = Symbol("rsh.compiledExpression");
type Compilable = A.Expression & { [COMPILED]?: CompiledExpression };

/**
 * An expression's value. Each node is compiled once, on first use, into a closure that calls its children's
 * closures directly (DESIGN.md, "fast path"): the closure is kept on the node under a symbol, invisible to
 * everything that walks the AST.
 */
export function evaluate(frame: Frame, node: A.Expression): Maybe<unknown> {
  return compiled(node)(frame);
}

export function compiled(node: A.Expression): CompiledExpression {
  return (node as Compilable)[COMPILED] ??= compileExpression(node);
}

function compileExpression(node: A.Expression): CompiledExpression {
  switch (node.kind) {
    case "Constant":
    case "StringConstant": {
      const value = node.value;
      return () => value;
    }
    case "Variable":
      return compileVariableRead(node);
    case "Binary":
      return compileBinary(node);
    case "Member": {
      const target = compiled(node.target);
      return (frame) => {
        const t = target(frame);
        return t instanceof Promise ? t.then((v) => member(frame, node, v)) : member(frame, node, t);
      };
    }
    case "Index": {
      const target = compiled(node.target);
      const key = compiled(node.index);
      return (frame) => {
        const t = target(frame);
        if (t instanceof Promise) return t.then((v) => then(key(frame), (k) => index(frame, node, v, k)));
        const k = key(frame);
        return k instanceof Promise ? k.then((kv) => index(frame, node, t, kv)) : index(frame, node, t, k);
      };
    }
    case "Paren": {
      const statement = node.statement;
      const lone = loneExpression(statement);
      return lone ? compiled(lone) : (frame) => then(frame.collect([statement], frame), unwrap);
    }
    case "Unary":
      return compileUnary(node);
    case "InvokeMember":
      return (frame) => then(invokeMember(frame, node), (value) => (value === VOID ? null : value));
    default:
      return (frame) => evaluateOther(frame, node);
  }
}

/** The kinds whose evaluation does more than reach a child or two: the AST walk costs them little. */
function evaluateOther(frame: Frame, node: A.Expression): Maybe<unknown> {
  switch (node.kind) {
    case "ExpandableString":
      return then(mapInOrder(node.parts, (part) => {
        if (typeof part === "string") return part;
        if (part.kind === "Variable") return textOf(frame, readVariable(frame, part, true));
        return then(frame.collect(part.statements, frame), (out) => textOf(frame, unwrap(out)));
      }), (parts) => parts.join(""));
    case "ArrayLiteral":
      return mapInOrder(node.elements, (e) => evaluate(frame, e));
    case "ArrayExpression":
      return frame.collect(node.statements, frame);
    case "SubExpression":
      return then(frame.collect(node.statements, frame), unwrap);
    case "Hashtable": {
      const table = new PSHashtable();
      return then(eachInOrder(node.entries, (entry) =>
        then(evaluate(frame, entry.key), (key) => then(valueOf(frame, entry.value), (value) => table.set(key, value)))), () => table);
    }
    case "ScriptBlockExpression":
      return new ScriptBlockValue(node.scriptBlock, frame.source, frame.trusted);
    case "Ternary":
      return then(evaluate(frame, node.condition), (c) => evaluate(frame, toBool(c) ? node.ifTrue : node.ifFalse));
    case "Convert":
      if (canonicalType(node.type.name) === "ref") return referenceTo(frame, node.operand);
      return then(evaluate(frame, node.operand), (value) => {
        const type = node.type.name.toLowerCase();
        if (type === "ordered" && value instanceof PSHashtable) {
          value.ordered = true;
          return value;
        }
        if (Array.isArray(value) && canonicalType(type) === "string") return textOf(frame, value);
        return guarded(frame, node, () => convertTo(value, node.type.name));
      });
    case "TypeLiteral":
      return new TypeValue(node.type.name);
    default:
      throw new Error(`rsh: no evaluation for ${node.kind}`);
  }
}

/** What a .NET static call may need of the session: its environment and location (see dotnet_system.ts). */
function dotNetContext(frame: Frame): DotNetContext {
  return { env: frame.env, location: () => toStr(frame.scope.global.lookup("PWD")?.value ?? "") };
}

/** `[ref]$x`: a reference to the variable (TryParse writes through it); `[ref]` of another expression holds its value. */
function referenceTo(frame: Frame, operand: A.Expression): Maybe<RefValue> {
  if (operand.kind === "Variable") return new RefValue(() => readVariable(frame, operand), (v) => writeVariable(frame, operand, v));
  return then(evaluate(frame, operand), (initial) => {
    let value = initial;
    return new RefValue(() => value, (v) => void (value = v));
  });
}

/** Calls `visit` for each variable node of an AST or a part of one, in nested script blocks too. */
export function forEachVariable(node: unknown, visit: (variable: A.Variable) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => forEachVariable(child, visit));
  if (node === null || typeof node !== "object") return;
  if ((node as { kind?: string }).kind === "Variable") visit(node as A.Variable);
  for (const [key, child] of Object.entries(node)) if (key !== "span" && typeof child === "object") forEachVariable(child, visit);
}

/** A statement that is one expression written as a value (`$x`, `$a + 1`), else null: its pipeline can be skipped. */
export function loneExpression(statement: A.Statement): A.Expression | null {
  if (statement.kind !== "Pipeline" || statement.elements.length !== 1 || statement.background) return null;
  const element = statement.elements[0];
  return element.kind === "CommandExpression" && element.redirections.length === 0 ? element.expression : null;
}

/** A plain `$name` (no scope qualifier, not automatic) reads through the cell its site remembers (OwnCell). */
function compileVariableRead(node: A.Variable): CompiledExpression {
  const lower = node.name.toLowerCase();
  if (node.qualifier !== null || lower in AUTOMATIC) return (frame) => readVariable(frame, node);
  const site = new OwnCell();
  return (frame) => {
    const scope = frame.scope;
    const cell = site.of(scope) ?? site.remember(scope, scope.variables.get(lower));
    return cell ? cell.value : readVariable(frame, node);
  };
}

/** Writes a plain `$name` the way compileVariableRead reads it; other targets go through assign. */
export function compileAssignTarget(target: A.Expression): (frame: Frame, value: unknown) => Maybe<void> {
  if (target.kind !== "Variable" || target.qualifier !== null) return (frame, value) => assign(frame, target, value);
  const lower = target.name.toLowerCase();
  if (lower in AUTOMATIC) return (frame, value) => writeVariable(frame, target, value);
  const site = new OwnCell();
  return (frame, value) => {
    const scope = frame.scope;
    const cell = site.of(scope);
    try {
      if (cell) {
        cell.value = value;
        return;
      }
      scope.set(target.name, value);
    } catch (e) {
      rethrowAt(frame, target, e); // a variable held to a type (TypedVariable) that cannot take the value
    }
    site.remember(scope, scope.variables.get(lower));
  };
}

/**
 * The variable cell a compiled `$name` last found in its scope's own frame: a loop reading `$i` a million times looks
 * it up once. Trusted while the same scope asks and no variable was removed since (Scope.removals); a cell of a
 * parent scope is never remembered, since the scope could later get its own.
 */
class OwnCell {
  declare private scope: Scope | null;
  declare private cell: { value: unknown } | undefined;
  declare private removals: number;

  constructor() {
    this.scope = null;
    this.cell = undefined;
    this.removals = -1;
  }

  /** The remembered cell, when `scope` is the one it was found in and it cannot have gone. */
  of(scope: Scope): { value: unknown } | undefined {
    return scope === this.scope && this.removals === Scope.removals ? this.cell : undefined;
  }

  /** Remembers `cell` (when there is one) as `scope`'s own; returns it. */
  remember(scope: Scope, cell: { value: unknown } | undefined): { value: unknown } | undefined {
    if (cell) {
      this.scope = scope;
      this.cell = cell;
      this.removals = Scope.removals;
    }
    return cell;
  }
}

/** Numbers on both sides of the common arithmetic and comparison operators need none of binary()'s dispatch. */
const NUMERIC: Record<string, (a: number, b: number) => unknown> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  // As operators.compare orders numbers (NaN compares greater), for -eq/-ne/-lt/-le/-gt/-ge and their i forms.
  "-eq": (a, b) => a === b,
  "-ne": (a, b) => a !== b,
  "-lt": (a, b) => a < b,
  "-le": (a, b) => a === b || a < b,
  "-gt": (a, b) => a !== b && !(a < b),
  "-ge": (a, b) => !(a < b),
};
for (const op of ["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]) NUMERIC[op.replace("-", "-i")] = NUMERIC[op];
for (const op of ["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]) NUMERIC[op.replace("-", "-c")] = NUMERIC[op];

function compileBinary(node: A.Binary): CompiledExpression {
  const op = node.operator;
  const left = compiled(node.left);
  const right = compiled(node.right);
  if (op === "-and") return (frame) => then(left(frame), (l) => (toBool(l) ? then(right(frame), toBool) : false));
  if (op === "-or") return (frame) => then(left(frame), (l) => (toBool(l) ? true : then(right(frame), toBool)));
  if (op === "??") return (frame) => then(left(frame), (l) => (l !== null ? l : right(frame)));
  const numeric = Object.hasOwn(NUMERIC, op) ? NUMERIC[op] : null;
  const apply = (frame: Frame, l: unknown, r: unknown): unknown => {
    if (numeric !== null && typeof l === "number" && typeof r === "number") return numeric(l, r);
    return applyBinary(frame, node, l, r);
  };
  return (frame) => {
    const l = left(frame);
    if (l instanceof Promise) return l.then((lv) => then(right(frame), (r) => apply(frame, lv, r)));
    const r = right(frame);
    return r instanceof Promise ? r.then((rv) => apply(frame, l, rv)) : apply(frame, l, r);
  };
}

function compileUnary(node: A.Unary): CompiledExpression {
  const operand = compiled(node.operand);
  if (node.operator !== "++" && node.operator !== "--") {
    return (frame) => then(operand(frame), (before) => guarded(frame, node, () => unary(node.operator, before)));
  }
  const delta = node.operator === "++" ? 1 : -1;
  const write = compileAssignTarget(node.operand);
  return (frame) => then(operand(frame), (before) => {
    const after = typeof before === "number" ? before + delta : guarded(frame, node, () => toNumber(before) + delta);
    return then(write(frame, after), () => (node.postfix ? before : after));
  });
}

function member(frame: Frame, node: A.Member, target: unknown): Maybe<unknown> {
  const name = memberName(frame, node.member);
  if (name instanceof Promise) return name.then((n) => memberOf(frame, node, target, n));
  return memberOf(frame, node, target, name);
}

function memberOf(frame: Frame, node: A.Member, target: unknown, name: string): unknown {
  if (node.static && target instanceof TypeValue) return guarded(frame, node, () => staticMember(target, name, null, dotNetContext(frame)));
  if (target === null && node.nullConditional) return null;
  const value = getMember(target, name);
  if (value !== undefined) return value;
  // Strict mode 2 and up: a missing property is an error; a hashtable's missing key and $null's members are not.
  if (target !== null && !(target instanceof PSHashtable) && frame.scope.effectiveStrictMode >= 2) {
    fail(frame, node, `The property '${name}' cannot be found on this object. Verify that the property exists.`, "PropertyNotFoundStrict");
  }
  return null;
}

/** A method call's result, or VOID for a method that returns nothing (its statement then writes nothing). */
export function invokeMember(frame: Frame, node: A.InvokeMember): Maybe<unknown> {
  return then(evaluate(frame, node.target), (target) =>
    then(memberName(frame, node.member), (name) =>
      then(mapInOrder(node.arguments, (a) => evaluate(frame, a)), (args) => invoke(frame, node, target, name, args))));
}

function invoke(frame: Frame, node: A.InvokeMember, target: unknown, name: string, args: unknown[]): Maybe<unknown> {
  if (node.static && target instanceof TypeValue) return guarded(frame, node, () => staticMember(target, name, args, dotNetContext(frame)));
  if (target === null) {
    if (node.nullConditional) return null;
    fail(frame, node, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull");
  }
  // A method Add-Member gave the object (about_Intrinsic_Members: ScriptMethod), with `$this` the object.
  if (target instanceof PSCustomObject || target instanceof NotedScalar) {
    const method = getMember(target, name);
    if (method instanceof ScriptMethod) return then(method.call(target, args), unwrap);
  }
  const lower = name.toLowerCase();
  if (target instanceof ScriptBlockValue && lower === "invoke") return then(frame.callBlock(target, null, args, frame), unwrap);
  if (target instanceof ScriptBlockValue && lower === "getnewclosure") return target.withClosure(frame.scope);
  // `.ForEach({ })` and `.Where({ })` (about_Arrays) run a script block per element, so they live with the evaluator.
  if (Array.isArray(target) && (lower === "foreach" || lower === "where")) {
    const block = args[0];
    if (!(block instanceof ScriptBlockValue)) fail(frame, node, "The argument must be a script block.", "ArgumentNotScriptBlock");
    return then(mapInOrder(target, (item) => frame.callBlock(block, item, [], frame)), (results) =>
      lower === "foreach" ? results.flat() : target.filter((_, i) => results[i].some(Boolean)));
  }
  return guarded(frame, node, () => invokeMethod(target, name, args));
}

function applyBinary(frame: Frame, node: A.Binary, left: unknown, right: unknown): unknown {
  return guarded(frame, node, () => binary(node.operator, left, right, (matches) => frame.scope.set("Matches", matches)));
}

/** Assigns to a target expression: a variable, `$h.key`, `$a[i]`, `[int]$x`, or `$a, $b` (multiple assignment). */
export function assign(frame: Frame, target: A.Expression, value: unknown): Maybe<void> {
  switch (target.kind) {
    case "Variable":
      return writeVariable(frame, target, value);
    case "Convert":
      if (target.operand.kind === "Variable") return assignConstrained(frame, target, target.operand, value);
      return assign(frame, target.operand, guarded(frame, target, () => convertTo(value, target.type.name)));
    case "Member":
      return then(evaluate(frame, target.target), (object) =>
        then(memberName(frame, target.member), (name) => guarded(frame, target, () => setMember(object, name, value))));
    case "Index":
      return then(evaluate(frame, target.target), (object) => then(evaluate(frame, target.index), (key) => assignIndex(frame, target, object, key, value)));
    case "ArrayLiteral": {
      const values = enumerate(value);
      return eachInOrder(target.elements, (element, i) => {
        const last = i === target.elements.length - 1;
        return assign(frame, element, last ? unwrap(values.slice(i)) : values[i] ?? null);
      });
    }
    default:
      fail(frame, target, "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", "InvalidLeftHandSide");
  }
}

function assignIndex(frame: Frame, target: A.Index, object: unknown, key: unknown, value: unknown): void {
  if (object instanceof PSHashtable) return object.set(key, value);
  if (Array.isArray(object)) {
    let i = Math.trunc(toNumber(key));
    if (i < 0) i += object.length;
    if (i < 0 || i >= object.length) fail(frame, target, "Index was outside the bounds of the array.", "IndexOutOfRange");
    object[i] = value;
    return;
  }
  fail(frame, target, `Unable to index into an object of type ${typeof object}.`, "CannotIndex");
}
