/**
 * Statements compiled to closures (DESIGN.md, "fast path"). The first run of a statement turns it into a closure
 * that calls its parts' closures directly; later runs walk no AST. The statements where the time of loops and
 * function bodies goes are compiled here — a lone expression (`$a + $b`, `$i++`), assignments, `if` and the loops;
 * the others run through Evaluator.interpret, whose cost is in what they do, not in reaching their parts.
 */
import type * as A from "../../grammar/ast.ts";
import { canonicalType, enumerate, toBool } from "../values/convert.ts";
import { BreakSignal } from "./errors.ts";
import type { Emit, Evaluator } from "./evaluator.ts";
import { compileAssignTarget, compiled, type CompiledExpression, type Frame, guarded, invokeMember, loneExpression, unwrap } from "./expressions.ts";
import { VOID } from "./members.ts";
import { type Maybe, then } from "./maybe.ts";
import { binary, charRange, rangeBounds } from "./operators.ts";
import { emitAll } from "./processors.ts";

/** A compiled statement: runs it in `frame`, writing its output to `emit`. */
export type CompiledStatement = (ev: Evaluator, frame: Frame, emit: Emit) => Maybe<void>;
type Condition = (frame: Frame) => Maybe<boolean>;

const COMPILED = Symbol("rsh.compiledStatement");
type Compilable = (A.Statement | A.StatementBlock | A.NamedBlock) & { [COMPILED]?: CompiledStatement };

const discard: Emit = () => {};

/** The closure that runs `node` (compiled on first use, then kept on the node under a symbol). */
export function compiledStatement(node: A.Statement): CompiledStatement {
  return (node as Compilable)[COMPILED] ??= compileStatement(node);
}

/** A block's statements (under its traps, if it has any) as one closure. */
export function compiledBlock(block: A.StatementBlock | A.NamedBlock): CompiledStatement {
  return (block as Compilable)[COMPILED] ??= block.traps.length
    ? (ev, frame, emit) => ev.trapped(block, frame, emit)
    : (ev, frame, emit) => ev.statements(block.statements, frame, emit);
}

function compileStatement(node: A.Statement): CompiledStatement {
  switch (node.kind) {
    case "Pipeline": {
      const lone = loneExpression(node);
      if (lone && !(lone.kind === "Binary" && lone.operator === "..")) return compileLoneExpression(lone);
      return (ev, frame, emit) => ev.pipeline(node, frame, emit);
    }
    case "Assignment":
      return compileAssignment(node);
    case "If":
      return compileIf(node);
    case "Foreach":
      return compileForeach(node);
    case "For":
      return compileFor(node);
    case "While": {
      const condition = compileCondition(node.condition);
      const body = compiledBlock(node.body);
      return (ev, frame, emit) => ev.loop(node.label, () => whenTrue(condition(frame), ev, frame, emit, body));
    }
    case "DoLoop": {
      const condition = compileCondition(node.condition);
      const body = compiledBlock(node.body);
      const until = node.until;
      return (ev, frame, emit) => {
        let first = true;
        return ev.loop(node.label, () => {
          if (first) {
            first = false;
            return body(ev, frame, emit);
          }
          const go = condition(frame);
          return go instanceof Promise ? go.then((g) => g !== until && body(ev, frame, emit)) : go !== until && body(ev, frame, emit);
        });
      };
    }
    default:
      return (ev, frame, emit) => ev.interpret(node, frame, emit);
  }
}

/** Runs `body` when `go` is true; false (ending a loop's iteration) when it is not. */
function whenTrue(go: Maybe<boolean>, ev: Evaluator, frame: Frame, emit: Emit, body: CompiledStatement): Maybe<unknown> {
  if (go instanceof Promise) return go.then((g) => g && body(ev, frame, emit));
  return go && body(ev, frame, emit);
}

/**
 * An expression written as a statement: its value goes to the output (an array enumerated) as its one-element
 * pipeline would write it, and `$?` is set as after any pipeline — without making that pipeline.
 */
function compileLoneExpression(expression: A.Expression): CompiledStatement {
  // `$i++` as a statement writes nothing (as an assignment would not); `($i++)` does. So does a `[void]` cast.
  const writesNothing = (expression.kind === "Unary" && (expression.operator === "++" || expression.operator === "--")) ||
    (expression.kind === "Convert" && canonicalType(expression.type.name) === "void");
  // A void method (`$list.Add(1)`) writes nothing, not $null: the statement sees VOID, which an operand never does.
  const value: CompiledExpression = expression.kind === "InvokeMember" ? (frame) => invokeMember(frame, expression) : compiled(expression);
  const write = (frame: Frame, emit: Emit, v: unknown): Maybe<void> => {
    if (writesNothing || v === VOID) return frame.scope.setStatus(true);
    const written = Array.isArray(v) ? emitAll(emit, v) : emit(v);
    if (written instanceof Promise) return written.then(() => frame.scope.setStatus(true));
    frame.scope.setStatus(true);
  };
  return (_ev, frame, emit) => {
    let v: Maybe<unknown>;
    try {
      v = value(frame);
    } catch (error) {
      frame.scope.setStatus(false);
      throw error;
    }
    if (v instanceof Promise) {
      return v.then((resolved) => write(frame, emit, resolved), (error) => {
        frame.scope.setStatus(false);
        throw error;
      });
    }
    return write(frame, emit, v);
  };
}

/** A statement's value (`$x = …`): a lone expression's value as is (`$a = @(1)` stays an array), else the output unwrapped. */
function compileValue(statement: A.Statement): CompiledExpression {
  const lone = loneExpression(statement);
  if (lone) return compiled(lone);
  return (frame) => then(frame.collect([statement], frame), unwrap);
}

/** A condition's truth (`if`, `while`, `for`, `do`): its output unwrapped, as a boolean. */
function compileCondition(statement: A.Statement): Condition {
  const lone = loneExpression(statement);
  // `$i++` and `[void]` write nothing, so as conditions they are false whatever their value: the pipeline decides.
  if (!lone || lone.kind === "Unary" || lone.kind === "Convert") {
    return (frame) => then(frame.collect([statement], frame), (out) => toBool(unwrap(out)));
  }
  const value = compiled(lone);
  return (frame) => {
    const v = value(frame);
    frame.scope.setStatus(true);
    return v instanceof Promise ? v.then(toBool) : toBool(v);
  };
}

function compileAssignment(node: A.Assignment): CompiledStatement {
  const target = node.target;
  if (node.operator === "=" && target.kind === "Variable" && target.qualifier === null && target.name.toLowerCase() === "null") {
    // `$null = …` runs the statement for its effects and keeps nothing of its output (about_Automatic_Variables).
    const statement = compiledStatement(node.value);
    return (ev, frame) => statement(ev, frame, discard);
  }
  const value = compileValue(node.value);
  const write = compileAssignTarget(node.target);
  if (node.operator === "=") {
    return (_ev, frame) => {
      const v = value(frame);
      return v instanceof Promise ? v.then((resolved) => write(frame, resolved)) : write(frame, v);
    };
  }
  const current = compiled(node.target);
  if (node.operator === "??=") {
    return (_ev, frame) => then(value(frame), (v) => then(current(frame), (c) => (c === null ? write(frame, v) : undefined)));
  }
  const op = node.operator.slice(0, 1);
  const combine = (frame: Frame, c: unknown, v: unknown): Maybe<void> => {
    if (op === "+" && typeof c === "number" && typeof v === "number") return write(frame, c + v);
    return write(frame, guarded(frame, node, () => binary(op, c, v)));
  };
  return (_ev, frame) => {
    const v = value(frame);
    if (v instanceof Promise) return v.then((resolved) => then(current(frame), (c) => combine(frame, c, resolved)));
    const c = current(frame);
    return c instanceof Promise ? c.then((resolved) => combine(frame, resolved, v)) : combine(frame, c, v);
  };
}

function compileIf(node: A.If): CompiledStatement {
  const conditions = node.clauses.map((clause) => compileCondition(clause.condition));
  const bodies = node.clauses.map((clause) => compiledBlock(clause.body));
  const elseBody = node.elseBody ? compiledBlock(node.elseBody) : null;
  const from = (ev: Evaluator, frame: Frame, emit: Emit, first: number): Maybe<void> => {
    for (let i = first; i < conditions.length; i++) {
      const truth = conditions[i](frame);
      if (truth instanceof Promise) return truth.then((t) => (t ? bodies[i](ev, frame, emit) : from(ev, frame, emit, i + 1)));
      if (truth) return bodies[i](ev, frame, emit);
    }
    if (elseBody) return elseBody(ev, frame, emit);
  };
  return (ev, frame, emit) => from(ev, frame, emit, 0);
}

function compileForeach(node: A.Foreach): CompiledStatement {
  const write = compileAssignTarget(node.variable);
  const body = compiledBlock(node.body);
  const items = (ev: Evaluator, frame: Frame, emit: Emit, list: unknown[]): Maybe<void> => {
    let i = 0;
    return ev.loop(node.label, () => {
      if (i >= list.length) return false;
      return then(write(frame, list[i++]), () => body(ev, frame, emit));
    });
  };
  const range = rangeExpression(node.iterable);
  if (range) {
    // `foreach ($i in 1..N)` counts without building the array.
    return (ev, frame, emit) =>
      then(rangeOf(frame, range), (bounds) => {
        if (typeof bounds[0] === "string") return items(ev, frame, emit, bounds);
        const [from, to] = bounds as [number, number];
        const step = from <= to ? 1 : -1;
        let next = from;
        let done = false;
        return ev.loop(node.label, () => {
          if (done) return false;
          const value = next;
          if (value === to) done = true;
          else next += step;
          const written = write(frame, value);
          return written instanceof Promise ? written.then(() => body(ev, frame, emit)) : body(ev, frame, emit);
        });
      });
  }
  const iterable = compileValue(node.iterable);
  // `foreach ($x in $null)` runs no iteration (about_Foreach).
  return (ev, frame, emit) => then(iterable(frame), (value) => items(ev, frame, emit, value === null ? [] : enumerate(value)));
}

function compileFor(node: A.For): CompiledStatement {
  const initializer = node.initializer ? compiledStatement(node.initializer) : null;
  const condition = node.condition ? compileCondition(node.condition) : null;
  const iterator = node.iterator ? compiledStatement(node.iterator) : null;
  const body = compiledBlock(node.body);
  return (ev, frame, emit) => {
    const test = () => whenTrue(condition ? condition(frame) : true, ev, frame, emit, body);
    return then(initializer?.(ev, frame, discard), () => {
      let first = true;
      return ev.loop(node.label, () => {
        if (first || !iterator) {
          first = false;
          return test();
        }
        const stepped = iterator(ev, frame, discard);
        return stepped instanceof Promise ? stepped.then(test) : test();
      });
    });
  };
}

/** `a..b` as a statement's whole value (a pipeline of that one expression), or null. */
export function rangeExpression(statement: A.Statement): A.Binary | null {
  const e = loneExpression(statement);
  return e?.kind === "Binary" && e.operator === ".." ? e : null;
}

/**
 * The bounds of a numeric range expression, or the characters of a character range (`'a'..'e'`) as one-letter
 * strings: a range that is enumerated as it goes (a pipeline's head, a foreach's input) gives strings, where the
 * range's value is an array of [char] (PowerShell's RangeOperator tests).
 */
export function rangeOf(frame: Frame, node: A.Binary): Maybe<[number, number] | string[]> {
  return then(compiled(node.left)(frame), (left) =>
    then(compiled(node.right)(frame), (right) => guarded(frame, node, () => charRange(left, right)?.map(String) ?? rangeBounds(left, right))));
}

/** Whether a loop goes on after `signal` ended an iteration: `continue` does, `break` does not; others unwind. */
export function loopGoesOn(signal: unknown, label: string | null): boolean {
  if (!(signal instanceof BreakSignal) || (signal.label !== null && signal.label.toLowerCase() !== label?.toLowerCase())) throw signal;
  return signal.isContinue;
}
