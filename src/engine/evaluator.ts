/**
 * Statements and pipelines. A pipeline is a chain of processors (begin / process per input / end); an object reaches
 * the next processor as soon as it is written, so output streams. Terminating errors unwind as RuntimeError; break,
 * continue, return and exit as signals.
 */
import type * as A from "../../grammar/ast.ts";
import { enumerate, toBool, toStr } from "../values/convert.ts";
import type { CommandTable } from "./commands.ts";
import type { EngineHost } from "./command_types.ts";
import { BreakSignal, ErrorRecord, ExitSignal, ReturnSignal, RuntimeError } from "./errors.ts";
import { assign, evaluate, type Frame, guarded, ScriptBlockValue, unwrap, valueOf } from "./expressions.ts";
import { binary, matchOne, wildcardToRegExp } from "./operators.ts";
import { makeProcessor } from "./processors.ts";
import { applyRedirections, type Redirected } from "./redirection.ts";
import { Scope } from "./scope.ts";

export type Emit = (value: unknown) => void;

export class Evaluator {
  /** Where redirected error records go (`2>&1`, `2> file`), innermost last. */
  readonly #errorSinks: ((record: ErrorRecord) => void)[] = [];
  constructor(readonly host: EngineHost, readonly commands: CommandTable, readonly env: Map<string, string>) {}

  frame(scope: Scope, source: string): Frame {
    return {
      scope,
      source,
      env: this.env,
      collect: (statements, f) => {
        const out: unknown[] = [];
        this.statements(statements, f, (v) => out.push(v));
        return out;
      },
      callBlock: (block, item, args) => this.callScriptBlock(block, item, args, scope),
    };
  }

  /** Runs a script block value in a new child scope of `caller` with `$_` and `$args`; returns its output. */
  callScriptBlock(block: ScriptBlockValue, item: unknown, args: unknown[], caller: Scope, dotSource = false): unknown[] {
    const scope = dotSource ? caller : new Scope(caller);
    if (!dotSource) {
      scope.set("_", item);
      scope.set("PSItem", item);
      const parameters = block.ast.paramBlock?.parameters ?? [];
      parameters.forEach((p, i) => scope.set(p.name, i < args.length ? args[i] : null));
      scope.set("args", args.slice(parameters.length));
    }
    const out: unknown[] = [];
    const frame = this.frame(scope, block.source);
    try {
      for (const named of [block.ast.begin, block.ast.process, block.ast.end]) {
        if (named) this.statements(named.statements, frame, (v) => out.push(v));
      }
    } catch (signal) {
      if (signal instanceof ReturnSignal) out.push(...signal.value);
      else throw signal;
    }
    return out;
  }

  statements(statements: A.Statement[], frame: Frame, emit: Emit): void {
    for (const statement of statements) this.statement(statement, frame, emit);
  }

  block(block: A.StatementBlock, frame: Frame, emit: Emit): void {
    this.statements(block.statements, frame, emit);
  }

  statement(node: A.Statement, frame: Frame, emit: Emit): void {
    switch (node.kind) {
      case "Pipeline":
        return this.pipeline(node, frame, emit);
      case "PipelineChain": {
        this.statement(node.left, frame, emit);
        const succeeded = frame.scope.global.lookup("?")?.value !== false;
        if (node.operator === "&&" ? succeeded : !succeeded) this.pipeline(node.right, frame, emit);
        return;
      }
      case "Assignment":
        return this.assignment(node, frame);
      case "If": {
        for (const clause of node.clauses) {
          if (toBool(unwrap(frame.collect([clause.condition], frame)))) return this.block(clause.body, frame, emit);
        }
        if (node.elseBody) this.block(node.elseBody, frame, emit);
        return;
      }
      case "Switch":
        return this.switchStatement(node, frame, emit);
      case "Foreach": {
        const items = enumerate(unwrap(frame.collect([node.iterable], frame)));
        for (const item of items) {
          assign(frame, node.variable, item);
          if (this.iteration(node.label, () => this.block(node.body, frame, emit))) break;
        }
        return;
      }
      case "For":
        if (node.initializer) this.statement(node.initializer, frame, () => {});
        while (!node.condition || toBool(unwrap(frame.collect([node.condition], frame)))) {
          if (this.iteration(node.label, () => this.block(node.body, frame, emit))) break;
          if (node.iterator) this.statement(node.iterator, frame, () => {});
        }
        return;
      case "While":
        while (toBool(unwrap(frame.collect([node.condition], frame)))) {
          if (this.iteration(node.label, () => this.block(node.body, frame, emit))) break;
        }
        return;
      case "DoLoop":
        do {
          if (this.iteration(node.label, () => this.block(node.body, frame, emit))) break;
        } while (toBool(unwrap(frame.collect([node.condition], frame))) !== node.until);
        return;
      case "FunctionDefinition":
        frame.scope.functions.set(node.name.toLowerCase(), { definition: node, source: frame.source });
        return;
      case "Try":
        return this.tryStatement(node, frame, emit);
      case "Trap":
        return;
      case "Flow":
        return this.flow(node, frame);
      case "Break": {
        const label = node.label ? toStr(evaluate(frame, node.label)) : null;
        throw new BreakSignal(label, node.keyword === "continue");
      }
      case "StatementBlock":
        return this.block(node, frame, emit);
    }
  }

  /** Runs a loop body once; returns true when `break` ends the loop. `continue` just ends this iteration. */
  iteration(label: string | null, body: () => void): boolean {
    try {
      body();
      return false;
    } catch (signal) {
      if (!(signal instanceof BreakSignal) || (signal.label !== null && signal.label.toLowerCase() !== label?.toLowerCase())) throw signal;
      return !signal.isContinue;
    }
  }

  assignment(node: A.Assignment, frame: Frame): void {
    const value = valueOf(frame, node.value);
    if (node.operator === "=") return assign(frame, node.target, value);
    const current = evaluate(frame, node.target);
    if (node.operator === "??=") {
      if (current === null) assign(frame, node.target, value);
      return;
    }
    const op = node.operator.slice(0, 1);
    assign(frame, node.target, guarded(frame, node, () => binary(op, current, value)));
  }

  flow(node: A.Flow, frame: Frame): never {
    const value = node.pipeline ? frame.collect([node.pipeline], frame) : [];
    if (node.keyword === "return") throw new ReturnSignal(value);
    if (node.keyword === "exit") throw new ExitSignal(value.length ? Number(unwrap(value)) || 0 : 0);
    const thrown = unwrap(value);
    if (thrown instanceof ErrorRecord) throw new RuntimeError(thrown);
    const message = thrown === null ? "ScriptHalted" : toStr(thrown);
    throw new RuntimeError(new ErrorRecord(message, thrown === null ? "ScriptHalted" : message, "OperationStopped", node.span, frame.source, thrown));
  }

  tryStatement(node: A.Try, frame: Frame, emit: Emit): void {
    try {
      this.block(node.body, frame, emit);
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error;
      const handler = node.catches.find((c) => c.types.length === 0 || c.types.some((t) => catches(t.name, error.record)));
      if (!handler) throw error;
      const previous = frame.scope.lookup("_")?.value ?? null;
      frame.scope.set("_", error.record);
      frame.scope.set("PSItem", error.record);
      try {
        this.block(handler.body, frame, emit);
      } finally {
        frame.scope.set("_", previous);
      }
    } finally {
      if (node.finallyBody) this.block(node.finallyBody, frame, emit);
    }
  }

  switchStatement(node: A.Switch, frame: Frame, emit: Emit): void {
    const subject = unwrap(frame.collect([node.subject], frame));
    const items = Array.isArray(subject) ? subject : [subject];
    const previous = frame.scope.lookup("_")?.value ?? null;
    try {
      for (const item of items) {
        frame.scope.set("_", item);
        let matched = false;
        const run = (body: A.StatementBlock) => this.iteration(node.label, () => this.block(body, frame, emit));
        let stop = false;
        for (const clause of node.clauses) {
          if (!this.switchMatches(node, clause.pattern, item, frame)) continue;
          matched = true;
          if (run(clause.body)) {
            stop = true;
            break;
          }
        }
        if (stop) break;
        if (!matched && node.defaultBody && run(node.defaultBody)) break;
      }
    } finally {
      frame.scope.set("_", previous);
    }
  }

  switchMatches(node: A.Switch, pattern: A.Expression, item: unknown, frame: Frame): boolean {
    if (pattern.kind === "ScriptBlockExpression") {
      return toBool(unwrap(this.callScriptBlock(new ScriptBlockValue(pattern.scriptBlock, frame.source), item, [], frame.scope)));
    }
    const value = evaluate(frame, pattern);
    const cs = node.flags.caseSensitive;
    if (node.flags.regex) {
      const m = matchOne(item, value, cs);
      if (m) frame.scope.set("Matches", m);
      return m !== null;
    }
    if (node.flags.wildcard) return wildcardToRegExp(toStr(value), cs).test(toStr(item));
    if (typeof item === "number" || typeof value === "number") return toStr(item) === toStr(value) || Number(item) === Number(value);
    return cs ? toStr(item) === toStr(value) : toStr(item).toLowerCase() === toStr(value).toLowerCase();
  }

  /** Runs a pipeline: each element a processor; the last one's output goes to `emit`. */
  pipeline(node: A.Pipeline, frame: Frame, emit: Emit): void {
    const processors = [];
    const redirected: Redirected[] = [];
    let downstream: Emit = emit;
    for (let i = node.elements.length - 1; i >= 0; i--) {
      const element = node.elements[i];
      if (element.redirections.length) {
        const r = applyRedirections(frame, element.redirections, downstream);
        redirected.push(r);
        downstream = r.output;
      }
      const processor = makeProcessor(this, element, frame, downstream, i > 0);
      processors.unshift(processor);
      const next = processor;
      downstream = (value) => next.process(value);
    }
    // Error redirections apply to the pipeline they are written in (rsh does not track which element wrote an error).
    const errorSink = redirected.find((r) => r.error)?.error ?? null;
    if (errorSink) this.#errorSinks.push(errorSink);
    let succeeded = true;
    try {
      for (const processor of processors) processor.begin();
      processors[0].run();
      for (const processor of processors) processor.end();
    } catch (error) {
      succeeded = false;
      throw error;
    } finally {
      if (errorSink) this.#errorSinks.pop();
      for (const r of redirected) r.finish();
      frame.scope.global.set("?", succeeded && processors.every((p) => !p.hadError));
    }
  }

  /** Reports a non-terminating error (or throws it under ErrorAction Stop). */
  writeError(record: ErrorRecord, frame: Frame, action: string | null): void {
    const preference = (action ?? toStr(frame.scope.lookup("ErrorActionPreference")?.value ?? "Continue")).toLowerCase();
    if (preference === "stop") throw new RuntimeError(record);
    const errors = frame.scope.global.lookup("Error")?.value;
    if (Array.isArray(errors)) errors.unshift(record);
    if (preference === "silentlycontinue" || preference === "ignore") return;
    const sink = this.#errorSinks[this.#errorSinks.length - 1];
    if (sink) sink(record);
    else this.host.error(record);
  }
}

/** Whether a `catch [Type]` clause takes an error (all rsh errors are RuntimeExceptions). */
function catches(typeName: string, record: ErrorRecord): boolean {
  const name = typeName.toLowerCase().replace(/^system\./, "").replace(/^management\.automation\./, "");
  if (name === "exception" || name === "runtimeexception") return true;
  const id = record.fullyQualifiedErrorId.toLowerCase();
  if (name === "dividebyzeroexception" || name === "arithmeticexception") return record.message.includes("divide by zero");
  if (name.includes("parameterbinding")) return id.includes("parameter") || id.includes("argument");
  if (name === "commandnotfoundexception") return id.startsWith("commandnotfound");
  return false;
}

