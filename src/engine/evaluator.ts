/**
 * Statements and pipelines. A pipeline is a chain of processors (begin / process per input / end); an object reaches
 * the next processor as soon as it is written, so output streams. Terminating errors unwind as RuntimeError; break,
 * continue, return and exit as signals.
 */
import type * as A from "../../grammar/ast.ts";
import { toBool, toStr } from "../values/convert.ts";
import { structuredCopy } from "../values/objects.ts";
import type { CommandTable } from "./commands.ts";
import type { EngineHost, SessionPort } from "./command_types.ts";
import { BreakSignal, ErrorRecord, ExitSignal, ReturnSignal, RuntimeError, StopUpstreamSignal } from "./errors.ts";
import { exceptionIs, ExceptionValue } from "./exceptions.ts";
import { evaluate, forEachVariable, type Frame, type Invocation, ScriptBlockValue, unwrap } from "./expressions.ts";
import { eachInOrder, type Maybe, then, tryCatch, tryFinally } from "./maybe.ts";
import { compiledBlock, compiledStatement, loopGoesOn } from "./compile.ts";
import { matchOne, wildcardToRegExp } from "./operators.ts";
import { forbidsScriptBlocks, type LanguageMode, scriptBlockRefused } from "./language_mode.ts";
import type { NativeStderr } from "./native.ts";
import { Pacer } from "./pacer.ts";
import { emitAll, makeProcessor, type Processor, runAlone } from "./processors.ts";
import { applyRedirections, type Redirected, sessionPath } from "./redirection.ts";
import { Scope } from "./scope.ts";
import { Deno } from "../platform.ts";

export type Emit = (value: unknown) => Maybe<void>;


export class Evaluator {
  /** Where redirected error records go (`2>&1`, `2> file`), innermost last. */
  readonly #errorSinks: ((record: ErrorRecord) => void)[] = [];
  /** Yields to the event loop now and then, and carries the stop signal. */
  readonly pacer = new Pacer();
  /** The frame of the last dot-sourced script block call (see runScriptBlock). */
  #dotSourced: Frame | null = null;
  /** How many try blocks are running (in this pipeline, in any caller). */
  #tryDepth = 0;
  constructor(
    readonly host: EngineHost,
    readonly commands: CommandTable,
    readonly env: Map<string, string>,
    readonly session: SessionPort,
  ) {}

  /** The session's language mode (about_Language_Modes): untrusted text is checked against it before it runs. */
  languageMode: LanguageMode = "FullLanguage";
  /** The commands untrusted text may resolve in a restricted session (null: all of them). */
  visible: CommandTable | null = null;

  /** A frame for running `source` in `scope`; `invocation`: the function call it runs, if it runs one. */
  frame(scope: Scope, source: string, trusted = false, invocation: Invocation | null = null): Frame {
    return new EvaluatorFrame(this, scope, source, trusted, invocation);
  }

  /**
   * Runs a script block value in a new child scope of `caller` with `$_` and `$args`; returns its output. With
   * `dotSource` it runs in `caller` itself; `item` (unless undefined) is then `$_` there while it runs — how
   * ForEach-Object and Where-Object run their script blocks (`1..3 | % { $n = $_ }; $n` is 3 in PowerShell).
   */
  callScriptBlock(block: ScriptBlockValue, item: unknown, args: unknown[], caller: Scope, dotSource = false, checked = false): Maybe<unknown[]> {
    const out: unknown[] = [];
    const ran = this.runScriptBlock(block, item, args, caller, (v) => void out.push(v), dotSource, checked);
    return ran instanceof Promise ? ran.then(() => out) : out;
  }

  /** callScriptBlock, writing the block's output to `emit` as it is written (ForEach-Object streams it on). */
  runScriptBlock(block: ScriptBlockValue, item: unknown, args: unknown[], from: Scope, emit: Emit, dotSource = false, checked = false): Maybe<void> {
    // A closure (`.GetNewClosure()`) runs under the scope it captured, wherever it is called from.
    const caller = block.closure ?? from;
    // `checked`: Invoke-Expression's text, just checked against the mode; any other block in a mode without script
    // blocks reached the session some other way (a deserialized argument) and is refused.
    if (this.languageMode !== "FullLanguage" && !checked && !block.trusted && forbidsScriptBlocks(this.languageMode)) {
      throw scriptBlockRefused(block.ast, block.source, this.languageMode);
    }
    if (!dotSource) {
      const scope = new Scope(caller);
      scope.set("_", item);
      scope.set("PSItem", item);
      const parameters = block.ast.paramBlock?.parameters ?? [];
      parameters.forEach((p, i) => scope.set(p.name, i < args.length ? args[i] : null));
      scope.set("args", args.slice(parameters.length));
      return this.#namedBlocks(block, this.frame(scope, block.source, block.trusted), emit);
    }
    // ForEach-Object runs one block in one scope for each object: the frame of the last such call serves again.
    let frame = this.#dotSourced;
    if (frame?.scope !== caller || frame.source !== block.source || frame.trusted !== block.trusted) {
      frame = this.#dotSourced = this.frame(caller, block.source, block.trusted);
    }
    if (item === undefined) return this.#namedBlocks(block, frame, emit);
    const underscore = caller.cell("_");
    const psItem = caller.cell("PSItem");
    const previous = underscore.value;
    underscore.value = psItem.value = item;
    let ran: Maybe<void>;
    try {
      ran = this.#namedBlocks(block, frame, emit);
    } catch (error) {
      underscore.value = psItem.value = previous;
      throw error;
    }
    if (ran instanceof Promise) return ran.finally(() => void (underscore.value = psItem.value = previous));
    underscore.value = psItem.value = previous;
  }

  /** A script block's begin, process and end blocks in order; `return` ends them all, its value written first. */
  #namedBlocks(block: ScriptBlockValue, frame: Frame, emit: Emit): Maybe<void> {
    const ast = block.ast;
    let ran: Maybe<void>;
    try {
      ran = ast.begin || ast.process
        ? eachInOrder([ast.begin, ast.process, ast.end], (n) => n && this.body(n, frame, emit))
        : ast.end ? this.body(ast.end, frame, emit) : undefined;
    } catch (signal) {
      return returned(signal, emit);
    }
    return ran instanceof Promise ? ran.catch((signal) => returned(signal, emit)) : ran;
  }

  statements(statements: A.Statement[], frame: Frame, emit: Emit, start = 0): Maybe<void> {
    for (let i = start; i < statements.length; i++) {
      let result: Maybe<void>;
      try {
        result = compiledStatement(statements[i])(this, frame, emit);
      } catch (error) {
        this.recover(error, frame);
        continue;
      }
      if (result instanceof Promise) {
        return result.then(
          () => this.statements(statements, frame, emit, i + 1),
          (error) => {
            this.recover(error, frame);
            return this.statements(statements, frame, emit, i + 1);
          },
        );
      }
    }
  }

  /**
   * A statement-terminating error with no try around it (in any caller) is reported, and the next statement runs
   * (about_Try_Catch_Finally); anything else — a script-terminating error, one a try will catch, a signal — unwinds.
   */
  recover(error: unknown, frame: Frame): void {
    if (!(error instanceof RuntimeError) || error.scriptTerminating || this.#tryDepth > 0) throw error;
    const preference = toStr(frame.scope.lookup("ErrorActionPreference")?.value ?? "Continue").toLowerCase();
    if (preference === "stop") throw new RuntimeError(error.record, true);
    this.report(error, frame, preference);
  }

  report(error: RuntimeError, frame: Frame, preference: string): void {
    frame.scope.setStatus(false);
    this.writeError(error.record, frame, preference === "ignore" || preference === "silentlycontinue" ? preference : "continue");
  }

  block(block: A.StatementBlock, frame: Frame, emit: Emit): Maybe<void> {
    return this.body(block, frame, emit);
  }

  /** A block's statements, under its `trap` statements if it has any. */
  body(block: A.StatementBlock | A.NamedBlock, frame: Frame, emit: Emit): Maybe<void> {
    return compiledBlock(block)(this, frame, emit);
  }

  /**
   * about_Trap: a terminating error in one of the block's statements — also inside a nested `if` or loop, or in a
   * function it calls — runs the first trap whose type matches. Then execution goes on with the block's next
   * statement, after reporting the error (no keyword) or silently (`continue`); `break` rethrows it to the caller.
   * Like a `try`, an active trap takes the errors that would otherwise end only their own statement.
   */
  trapped(block: A.StatementBlock | A.NamedBlock, frame: Frame, emit: Emit, start = 0): Maybe<void> {
    for (let i = start; i < block.statements.length; i++) {
      const statement = block.statements[i];
      const guardedStatement = () => {
        this.#tryDepth++;
        return tryFinally(() => this.statement(statement, frame, emit), () => void this.#tryDepth--);
      };
      const result = tryCatch(guardedStatement, (error) => this.trap(error, block.traps, frame, emit));
      if (result instanceof Promise) return result.then(() => this.trapped(block, frame, emit, i + 1));
    }
  }

  trap(error: unknown, traps: A.Trap[], frame: Frame, emit: Emit): Maybe<void> {
    if (!(error instanceof RuntimeError)) throw error;
    const handler = traps.find((t) => t.type === null || catches(t.type.name, error.record));
    if (!handler) return this.recover(error, frame);
    const previous = frame.scope.lookup("_")?.value ?? null;
    frame.scope.set("_", error.record);
    frame.scope.set("PSItem", error.record);
    const handled = tryCatch(() => then(this.block(handler.body, frame, emit), () => this.report(error, frame, "continue")), (signal) => {
      if (!(signal instanceof BreakSignal) || signal.label !== null) throw signal;
      if (!signal.isContinue) throw new RuntimeError(error.record, true);
    });
    return tryFinally(() => handled, () => {
      frame.scope.set("_", previous);
      frame.scope.set("PSItem", previous);
    });
  }

  statement(node: A.Statement, frame: Frame, emit: Emit): Maybe<void> {
    return compiledStatement(node)(this, frame, emit);
  }

  /** The statements compile.ts leaves to a walk of their AST (their cost is in what they do). */
  interpret(node: A.Statement, frame: Frame, emit: Emit): Maybe<void> {
    switch (node.kind) {
      case "Pipeline":
        return this.pipeline(node, frame, emit);
      case "PipelineChain":
        return then(this.statement(node.left, frame, emit), () => {
          const succeeded = frame.scope.global.lookup("?")?.value !== false;
          if (node.operator === "&&" ? succeeded : !succeeded) return this.pipeline(node.right, frame, emit);
        });
      case "Switch":
        return this.switchStatement(node, frame, emit);
      case "FunctionDefinition":
        frame.scope.functions.set(node.name.toLowerCase(), { definition: node, source: frame.source, trusted: frame.trusted });
        return;
      case "Try":
        return this.tryStatement(node, frame, emit);
      case "Trap":
        return;
      case "Flow":
        return this.flow(node, frame);
      case "Break":
        return then(node.label ? evaluate(frame, node.label) : null, (label) => {
          throw new BreakSignal(label === null ? null : toStr(label), node.keyword === "continue");
        });
      case "StatementBlock":
        return this.block(node, frame, emit);
      default:
        throw new Error(`rsh: ${node.kind} is compiled, not interpreted`);
    }
  }

  /**
   * Runs a loop: `step` runs one iteration (its condition and body) and returns false when the loop is over. Each
   * back-edge is a checkpoint (a stop, or a yield to the event loop); `break` and `continue` are handled here.
   */
  loop(label: string | null, step: () => Maybe<unknown>): Maybe<void> {
    for (;;) {
      let more: Maybe<unknown>;
      try {
        more = step();
      } catch (signal) {
        more = loopGoesOn(signal, label);
      }
      if (more instanceof Promise) {
        return more.then(
          (m) => (m !== false ? this.#next(label, step) : undefined),
          (signal) => (loopGoesOn(signal, label) ? this.#next(label, step) : undefined),
        );
      }
      if (more === false) return;
      const pause = this.pacer.checkpoint();
      if (pause) return pause.then(() => this.loop(label, step));
    }
  }

  #next(label: string | null, step: () => Maybe<unknown>): Maybe<void> {
    return then(this.pacer.checkpoint(), () => this.loop(label, step));
  }

  flow(node: A.Flow, frame: Frame): Maybe<never> {
    return then(node.pipeline ? frame.collect([node.pipeline], frame) : [], (value) => {
      if (node.keyword === "return") throw new ReturnSignal(value);
      if (node.keyword === "exit") throw new ExitSignal(value.length ? Number(unwrap(value)) || 0 : 0);
      const thrown = unwrap(value);
      if (thrown instanceof ErrorRecord) throw new RuntimeError(thrown, true);
      if (thrown instanceof ExceptionValue) {
        const record = new ErrorRecord(thrown.message, thrown.message, "NotSpecified", node.span, frame.source, thrown);
        record.exception = thrown;
        throw new RuntimeError(record, true);
      }
      const message = thrown === null ? "ScriptHalted" : toStr(thrown);
      throw new RuntimeError(new ErrorRecord(message, thrown === null ? "ScriptHalted" : message, "OperationStopped", node.span, frame.source, thrown), true);
    });
  }

  tryStatement(node: A.Try, frame: Frame, emit: Emit): Maybe<void> {
    // While the body runs, errors are caught here rather than ending only their statement (see recover()).
    const body = () => {
      this.#tryDepth++;
      return tryFinally(() => this.block(node.body, frame, emit), () => void this.#tryDepth--);
    };
    const guardedBody = () =>
      tryCatch(body, (error) => {
        if (!(error instanceof RuntimeError)) throw error;
        const handler = node.catches.find((c) => c.types.length === 0 || c.types.some((t) => catches(t.name, error.record)));
        if (!handler) throw error;
        const previous = frame.scope.lookup("_")?.value ?? null;
        frame.scope.set("_", error.record);
        frame.scope.set("PSItem", error.record);
        return tryFinally(() => this.block(handler.body, frame, emit), () => frame.scope.set("_", previous));
      });
    if (!node.finallyBody) return guardedBody();
    const finallyBody = node.finallyBody;
    return tryFinally(guardedBody, () => this.block(finallyBody, frame, emit));
  }

  /** `switch -File path`: the file's lines (relative to the session's location), each one an item. */
  fileLines(node: A.Switch, path: string, frame: Frame): string[] {
    const full = sessionPath(frame, path);
    let text: string;
    try {
      text = Deno.readTextFileSync(full);
    } catch {
      throw new RuntimeError(new ErrorRecord(`Cannot find path '${full}' because it does not exist.`, "PathNotFound", "ObjectNotFound", node.subject.span, frame.source, path));
    }
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    return lines;
  }

  switchStatement(node: A.Switch, frame: Frame, emit: Emit): Maybe<void> {
    return then(frame.collect([node.subject], frame), (out) => {
      const subject = unwrap(out);
      const items = node.flags.file ? this.fileLines(node, toStr(subject), frame) : Array.isArray(subject) ? subject : [subject];
      const previous = frame.scope.lookup("_")?.value ?? null;
      let i = 0;
      // Each subject item is one iteration: `break` ends the switch, `continue` moves to the next item.
      const step = () => {
        if (i >= items.length) return false;
        const item = items[i++];
        frame.scope.set("_", item);
        let matched = false;
        return then(eachInOrder(node.clauses, (clause) =>
          then(this.switchMatches(node, clause.pattern, item, frame), (matches) => {
            if (!matches) return;
            matched = true;
            return this.block(clause.body, frame, emit);
          })), () => (!matched && node.defaultBody ? this.block(node.defaultBody, frame, emit) : undefined));
      };
      return tryFinally(() => this.loop(node.label, step), () => frame.scope.set("_", previous));
    });
  }

  switchMatches(node: A.Switch, pattern: A.Expression, item: unknown, frame: Frame): Maybe<boolean> {
    if (pattern.kind === "ScriptBlockExpression") {
      return then(this.callScriptBlock(new ScriptBlockValue(pattern.scriptBlock, frame.source, frame.trusted), item, [], frame.scope), (out) => toBool(unwrap(out)));
    }
    return then(evaluate(frame, pattern), (value) => {
      const cs = node.flags.caseSensitive;
      if (node.flags.regex) {
        const m = matchOne(item, value, cs);
        if (m) frame.scope.set("Matches", m);
        return m !== null;
      }
      if (node.flags.wildcard) return wildcardToRegExp(toStr(value), cs).test(toStr(item));
      if (typeof item === "number" || typeof value === "number") return toStr(item) === toStr(value) || Number(item) === Number(value);
      return cs ? toStr(item) === toStr(value) : toStr(item).toLowerCase() === toStr(value).toLowerCase();
    });
  }

  /** Runs a pipeline: each element a processor; the last one's output goes to `emit`. */
  pipeline(node: A.Pipeline, frame: Frame, emit: Emit): Maybe<void> {
    if (node.background) return emit(this.startBackground(node, frame));
    if (node.elements.length === 1 && node.elements[0].redirections.length === 0) {
      // One command (a function call, most often): no links to make between processors.
      return runAlone(this, node.elements[0], frame, emit);
    }
    const processors: Processor[] = [];
    const redirected: Redirected[] = [];
    let downstream: Emit = emit;
    // Processors are made last to first (each needs its downstream); making one may evaluate arguments that wait.
    const makeFrom = (last: number): Maybe<void> => {
      for (let i = last; i >= 0; i--) {
        const element = node.elements[i];
        const hasUpstream = i > 0;
        const made = then(element.redirections.length ? applyRedirections(frame, element.redirections, downstream) : null, (r) => {
          if (r) {
            redirected.push(r);
            downstream = r.output;
          }
          return then(makeProcessor(this, element, frame, downstream, hasUpstream), link);
        });
        if (made instanceof Promise) return made.then(() => makeFrom(i - 1));
      }
    };
    const pacer = this.pacer;
    const link = (processor: Processor) => {
      processors.unshift(processor);
      // Each object handed down the pipeline is a checkpoint.
      downstream = (value) => {
        const pause = pacer.checkpoint();
        return pause ? pause.then(() => processor.process(value)) : processor.process(value);
      };
    };
    return then(makeFrom(node.elements.length - 1), () => this.runPipeline(processors, redirected, frame));
  }

  /** `pipeline &` (about_Operators, background operator): runs the pipeline as a job, like Start-Job, and writes the job. */
  startBackground(node: A.Pipeline, frame: Frame): object {
    const text = frame.source.slice(node.span.start.offset, node.span.end.offset).replace(/&\s*$/, "");
    return this.session.startJob({ script: text, name: null, args: [], using: usingValues(node, frame.scope), initialization: null, command: text.trim() }).view;
  }

  runPipeline(processors: Processor[], redirected: Redirected[], frame: Frame): Maybe<void> {
    // Error redirections apply to the pipeline they are written in (rsh does not track which element wrote an error).
    const errorSink = redirected.length ? redirected.find((r) => r.error)?.error ?? null : null;
    if (errorSink) this.#errorSinks.push(errorSink);
    let result: Maybe<void>;
    try {
      result = this.#beginFrom(processors, processors.length - 1);
    } catch (error) {
      this.#endPipeline(processors, redirected, errorSink, frame, false);
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        () => this.#endPipeline(processors, redirected, errorSink, frame, true),
        (error) => {
          this.#endPipeline(processors, redirected, errorSink, frame, false);
          throw error;
        },
      );
    }
    this.#endPipeline(processors, redirected, errorSink, frame, true);
  }

  // The steps of a pipeline as plain loops (no closure on the way while nothing waits): begin blocks last to first
  // (a command is ready before an upstream begin block writes to it), the first command's run, then end blocks.
  #beginFrom(processors: Processor[], i: number): Maybe<void> {
    for (; i >= 0; i--) {
      const begun = processors[i].begin();
      if (begun instanceof Promise) return begun.then(() => this.#beginFrom(processors, i - 1));
    }
    return this.#runFirst(processors);
  }

  #runFirst(processors: Processor[]): Maybe<void> {
    let ran: Maybe<void>;
    try {
      ran = processors[0].run();
    } catch (signal) {
      return this.#endFrom(processors, stopAt(processors, signal));
    }
    if (ran instanceof Promise) return ran.then(() => this.#endFrom(processors, 0), (signal) => this.#endFrom(processors, stopAt(processors, signal)));
    return this.#endFrom(processors, 0);
  }

  #endFrom(processors: Processor[], i: number): Maybe<void> {
    while (i < processors.length) {
      let ended: Maybe<void>;
      try {
        ended = processors[i].end();
      } catch (signal) {
        i = Math.max(stopAt(processors, signal), i + 1);
        continue;
      }
      const next = i + 1;
      if (ended instanceof Promise) return ended.then(() => this.#endFrom(processors, next), (signal) => this.#endFrom(processors, Math.max(stopAt(processors, signal), next)));
      i = next;
    }
  }

  #endPipeline(processors: Processor[], redirected: Redirected[], errorSink: ((record: ErrorRecord) => void) | null, frame: Frame, succeeded: boolean): void {
    if (errorSink) this.#errorSinks.splice(this.#errorSinks.lastIndexOf(errorSink), 1);
    for (const r of redirected) r.finish();
    for (let i = 0; succeeded && i < processors.length; i++) succeeded = !processors[i].hadError;
    frame.scope.setStatus(succeeded);
  }


  /** Reports a non-terminating error (or throws it under ErrorAction Stop). */
  /**
   * A native program's stderr: captured as error records when something takes this pipeline's errors or the host
   * does not show the program's stderr itself. Its records ignore $ErrorActionPreference, as pwsh 7.2+ does unless
   * $PSNativeCommandUseErrorActionPreference (which rsh does not have) is set.
   */
  nativeStderr(frame: Frame): NativeStderr {
    return {
      capture: () => this.#errorSinks.length > 0 || !this.host.showsNativeStderr,
      write: (record) => this.writeError(record, frame, "continue"),
    };
  }

  writeError(record: ErrorRecord, frame: Frame, action: string | null): void {
    const preference = (action ?? toStr(frame.scope.lookup("ErrorActionPreference")?.value ?? "Continue")).toLowerCase();
    if (preference === "stop") throw new RuntimeError(record, true);
    const errors = frame.scope.global.lookup("Error")?.value;
    if (Array.isArray(errors)) errors.unshift(record);
    if (preference === "silentlycontinue" || preference === "ignore") return;
    const sink = this.#errorSinks[this.#errorSinks.length - 1];
    if (sink) sink(record);
    else this.host.error(record);
  }
}

/** `return` in a script block: its value is written like the rest of the block's output. */
export function returned(signal: unknown, emit: Emit): Maybe<void> {
  if (!(signal instanceof ReturnSignal)) throw signal;
  return emitAll(emit, signal.value);
}

/** A Frame of this evaluator (a class: a function call makes one, and its methods cost no closures). */
class EvaluatorFrame implements Frame {
  // Fields set in the constructor, no class-field initializers (see Scope's constructor for why).
  declare readonly evaluator: Evaluator;
  declare readonly scope: Scope;
  declare readonly source: string;
  declare readonly trusted: boolean;
  declare readonly env: Map<string, string>;
  declare readonly invocation: Invocation | null;
  constructor(evaluator: Evaluator, scope: Scope, source: string, trusted: boolean, invocation: Invocation | null) {
    this.evaluator = evaluator;
    this.scope = scope;
    this.source = source;
    this.trusted = trusted;
    this.env = evaluator.env;
    this.invocation = invocation;
  }

  collect(statements: A.Statement[], frame: Frame): Maybe<unknown[]> {
    const out: unknown[] = [];
    return then(this.evaluator.statements(statements, frame, (v) => void out.push(v)), () => out);
  }

  callBlock(block: ScriptBlockValue, item: unknown, args: unknown[]): Maybe<unknown[]> {
    return this.evaluator.callScriptBlock(block, item, args, this.scope);
  }
}

/**
 * Whether a `catch [Type]` clause takes an error: its exception is of that type or derives from it. rsh's own errors
 * reach scripts as RuntimeExceptions (as pwsh wraps what fails inside it), so `[RuntimeException]` takes them all.
 */
function catches(typeName: string, record: ErrorRecord): boolean {
  if (!record.thrownException && /(^|\.)runtimeexception$/i.test(typeName)) return true;
  return exceptionIs(record.exception, typeName);
}


/** The caller's values of the `$using:name` variables a job's script mentions (about_Remote_Variables: copies). */
export function usingValues(node: object, scope: Scope): Map<string, unknown> {
  const values = new Map<string, unknown>();
  forEachVariable(node, (variable) => {
    if (variable.qualifier?.toLowerCase() === "using") values.set(variable.name.toLowerCase(), structuredCopy(scope.lookup(variable.name)?.value ?? null));
  });
  return values;
}

/**
 * Where a pipeline goes on after a command stopped its upstream (Select-Object -First): that command's index, whose
 * end block and those after it still run. Any other signal or error is not the pipeline's to handle: rethrown.
 */
function stopAt(processors: Processor[], signal: unknown): number {
  const at = signal instanceof StopUpstreamSignal ? processors.indexOf(signal.processor as Processor) : -1;
  if (at < 0) throw signal;
  return at;
}
