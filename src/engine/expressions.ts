/**
 * Expression evaluation: literals, variables, operators, members, indexing, casts and assignment targets. Statements
 * and pipelines live in evaluator.ts; both share one Frame (scope + source + the engine).
 */
import type * as A from "../../grammar/ast.ts";
import { ConversionError, convertTo, enumerate, toBool, toNumber, toStr } from "../values/convert.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { ErrorRecord, RuntimeError } from "./errors.ts";
import { getMember, invokeMethod, MemberError, setMember, staticMember } from "./members.ts";
import { binary, OperatorError, TypeValue, unary } from "./operators.ts";
import type { Scope } from "./scope.ts";

/** A script block value: its AST plus the source text it came from. */
export class ScriptBlockValue {
  constructor(readonly ast: A.ScriptBlock, readonly source: string) {}
  toString(): string {
    return this.source.slice(this.ast.span.start.offset + 1, this.ast.span.end.offset - 1);
  }
}

/** What expression evaluation needs from the statement evaluator. */
export interface Frame {
  scope: Scope;
  source: string;
  /** Runs statements and collects their output (for `$( )`, `@( )`, `( )`). */
  collect(statements: A.Statement[], frame: Frame): unknown[];
  /** Calls a script block value with `$_` and args, collecting its output. */
  callBlock(block: ScriptBlockValue, item: unknown, args: unknown[], frame: Frame): unknown[];
  env: Map<string, string>;
}

/** Throws a terminating error at `node`. */
export function fail(frame: Frame, node: { span: A.Span }, message: string, id: string, category = "InvalidOperation"): never {
  throw new RuntimeError(new ErrorRecord(message, id, category, node.span, frame.source));
}

/**
 * The value of a statement used as a value (`$x = …`, `( … )`): a lone expression keeps its value as is (`$a = @(1)`
 * stays an array), a pipeline's output is collected and unwrapped.
 */
export function valueOf(frame: Frame, statement: A.Statement): unknown {
  if (statement.kind === "Pipeline" && statement.elements.length === 1 && !statement.background) {
    const element = statement.elements[0];
    if (element.kind === "CommandExpression" && element.redirections.length === 0) return evaluate(frame, element.expression);
  }
  return unwrap(frame.collect([statement], frame));
}

/** Unwraps a collected pipeline result the way assignment and `( )` do: none → $null, one → itself. */
export function unwrap(items: unknown[]): unknown {
  return items.length === 0 ? null : items.length === 1 ? items[0] : items;
}

const AUTOMATIC: Record<string, unknown> = { true: true, false: false, null: null };

export function readVariable(frame: Frame, node: A.Variable): unknown {
  const lower = node.name.toLowerCase();
  const qualifier = node.qualifier;
  if (qualifier === "env") return frame.env.get(node.name) ?? frame.env.get(lower) ?? null;
  if (qualifier === null && lower in AUTOMATIC) return AUTOMATIC[lower];
  const scope = qualifier === "global" ? frame.scope.global : qualifier === "script" ? frame.scope.script : frame.scope;
  const found = qualifier === "local" || qualifier === "private" ? scope.variables.get(lower) : scope.lookup(node.name);
  return found ? found.value : null;
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
  const scope = qualifier === "global" ? frame.scope.global : qualifier === "script" ? frame.scope.script : frame.scope;
  scope.set(node.name, value);
}

/** Wraps engine-level errors from value operations into ErrorRecords positioned at `node`. */
export function guarded<T>(frame: Frame, node: { span: A.Span }, action: () => T): T {
  try {
    return action();
  } catch (e) {
    if (e instanceof ConversionError) fail(frame, node, e.message, "InvalidArgument", "InvalidArgument");
    if (e instanceof OperatorError) fail(frame, node, e.message, e.message.includes("divide by zero") ? "RuntimeException" : "OperatorFailed");
    if (e instanceof MemberError) fail(frame, node, e.message, "MethodNotFound");
    // JS's RegExp rejects a pattern: PowerShell reports the invalid regular expression as an argument error.
    if (e instanceof SyntaxError) fail(frame, node, `Invalid regular expression: ${e.message.replace(/^Invalid regular expression: /, "")}`, "InvalidRegularExpression", "InvalidArgument");
    throw e;
  }
}

function memberName(frame: Frame, node: A.Expression): string {
  return node.kind === "StringConstant" ? node.value : toStr(evaluate(frame, node));
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
  const list = typeof target === "string" ? [...target] : Array.isArray(target) ? target : [target];
  const at = (k: unknown) => {
    let i = Math.trunc(toNumber(k));
    if (i < 0) i += list.length;
    return i >= 0 && i < list.length ? list[i] : null;
  };
  return Array.isArray(key) ? key.map(at).filter((v) => v !== null) : at(key);
}

export function evaluate(frame: Frame, node: A.Expression): unknown {
  switch (node.kind) {
    case "Constant":
      return node.value;
    case "StringConstant":
      return node.value;
    case "ExpandableString":
      return node.parts.map((part) => {
        if (typeof part === "string") return part;
        if (part.kind === "Variable") return toStr(readVariable(frame, part));
        return toStr(unwrap(frame.collect(part.statements, frame)));
      }).join("");
    case "Variable":
      return readVariable(frame, node);
    case "ArrayLiteral":
      return node.elements.map((e) => evaluate(frame, e));
    case "ArrayExpression":
      return frame.collect(node.statements, frame);
    case "SubExpression":
      return unwrap(frame.collect(node.statements, frame));
    case "Paren":
      return valueOf(frame, node.statement);
    case "Hashtable": {
      const table = new PSHashtable();
      for (const entry of node.entries) table.set(evaluate(frame, entry.key), unwrap(frame.collect([entry.value], frame)));
      return table;
    }
    case "ScriptBlockExpression":
      return new ScriptBlockValue(node.scriptBlock, frame.source);
    case "Binary":
      return evaluateBinary(frame, node);
    case "Unary":
      return evaluateUnary(frame, node);
    case "Ternary":
      return toBool(evaluate(frame, node.condition)) ? evaluate(frame, node.ifTrue) : evaluate(frame, node.ifFalse);
    case "Convert": {
      const value = evaluate(frame, node.operand);
      const type = node.type.name.toLowerCase();
      if (type === "ordered" && value instanceof PSHashtable) {
        value.ordered = true;
        return value;
      }
      return guarded(frame, node, () => convertTo(value, node.type.name));
    }
    case "TypeLiteral":
      return new TypeValue(node.type.name);
    case "Member": {
      const target = evaluate(frame, node.target);
      const name = memberName(frame, node.member);
      if (node.static && target instanceof TypeValue) return guarded(frame, node, () => staticMember(target, name, null));
      if (target === null && node.nullConditional) return null;
      return getMember(target, name) ?? null;
    }
    case "InvokeMember": {
      const target = evaluate(frame, node.target);
      const name = memberName(frame, node.member);
      const args = node.arguments.map((a) => evaluate(frame, a));
      if (node.static && target instanceof TypeValue) return guarded(frame, node, () => staticMember(target, name, args));
      if (target === null) {
        if (node.nullConditional) return null;
        fail(frame, node, "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull");
      }
      if (target instanceof ScriptBlockValue && name.toLowerCase() === "invoke") return unwrap(frame.callBlock(target, null, args, frame));
      return guarded(frame, node, () =>
        invokeMethod(target, name, args, (block, item) => {
          if (!(block instanceof ScriptBlockValue)) fail(frame, node, "The argument must be a script block.", "ArgumentNotScriptBlock");
          return frame.callBlock(block, item, [], frame);
        }));
    }
    case "Index":
      return index(frame, node, evaluate(frame, node.target), evaluate(frame, node.index));
  }
}

function evaluateBinary(frame: Frame, node: A.Binary): unknown {
  const op = node.operator;
  if (op === "-and") return toBool(evaluate(frame, node.left)) && toBool(evaluate(frame, node.right));
  if (op === "-or") return toBool(evaluate(frame, node.left)) || toBool(evaluate(frame, node.right));
  if (op === "??") {
    const left = evaluate(frame, node.left);
    return left !== null ? left : evaluate(frame, node.right);
  }
  const left = evaluate(frame, node.left);
  const right = evaluate(frame, node.right);
  return guarded(frame, node, () =>
    binary(op, left, right, (matches) => frame.scope.set("Matches", matches)));
}

function evaluateUnary(frame: Frame, node: A.Unary): unknown {
  if (node.operator === "++" || node.operator === "--") {
    const before = evaluate(frame, node.operand);
    const after = guarded(frame, node, () => toNumber(before) + (node.operator === "++" ? 1 : -1));
    assign(frame, node.operand, after);
    return node.postfix ? before : after;
  }
  const operand = evaluate(frame, node.operand);
  return guarded(frame, node, () => unary(node.operator, operand));
}

/** Assigns to a target expression: a variable, `$h.key`, `$a[i]`, `[int]$x`, or `$a, $b` (multiple assignment). */
export function assign(frame: Frame, target: A.Expression, value: unknown): void {
  switch (target.kind) {
    case "Variable":
      return writeVariable(frame, target, value);
    case "Convert":
      return assign(frame, target.operand, guarded(frame, target, () => convertTo(value, target.type.name)));
    case "Member": {
      const object = evaluate(frame, target.target);
      const name = memberName(frame, target.member);
      return guarded(frame, target, () => setMember(object, name, value));
    }
    case "Index": {
      const object = evaluate(frame, target.target);
      const key = evaluate(frame, target.index);
      if (object instanceof PSHashtable) return object.set(key, value);
      if (Array.isArray(object)) {
        let i = Math.trunc(toNumber(key));
        if (i < 0) i += object.length;
        if (i < 0 || i >= object.length) fail(frame, target, "Index was outside the bounds of the array.", "IndexOutOfRange");
        object[i] = value;
        return;
      }
      fail(frame, target, `Unable to index into an object of type ${typeof object}.`, "CannotIndex");
      return;
    }
    case "ArrayLiteral": {
      const values = enumerate(value);
      target.elements.forEach((element, i) => {
        const last = i === target.elements.length - 1;
        assign(frame, element, last ? unwrap(values.slice(i)) : values[i] ?? null);
      });
      return;
    }
    default:
      fail(frame, target, "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", "InvalidLeftHandSide");
  }
}
