/**
 * Pipeline processors: each pipeline element becomes begin / process(item) / end. Functions, script blocks, scripts
 * and built-ins all bind their arguments through binder.ts; an expression element just writes its value.
 */
import type * as A from "../../grammar/ast.ts";
import { canonicalType, enumerate, toStr } from "../values/convert.ts";
import { PSHashtable } from "../values/objects.ts";
import type { RawArgument } from "./binder.ts";
import type { CommandTable, Resolved } from "./commands.ts";
import { ErrorRecord, RuntimeError } from "./errors.ts";
import type { Emit, Evaluator } from "./evaluator.ts";
import { callSimply, scriptBlockProcessor, simpleParameters } from "./script_processor.ts";
import { BuiltinProcessor } from "./builtin_processor.ts";
import { rangeOf } from "./compile.ts";
import type { Pacer } from "./pacer.ts";
import { compiled, evaluate, fail, type Frame, invokeMember, ScriptBlockValue } from "./expressions.ts";
import { VOID } from "./members.ts";
import { eachInOrder, type Maybe, then } from "./maybe.ts";
import { checkLanguage, forbidsScriptBlocks, scriptBlockRefused } from "./language_mode.ts";
import { nativeProcessor } from "./native.ts";
import { type FunctionEntry, Scope } from "./scope.ts";
import { Deno, findExecutable } from "../platform.ts";
import { parse, type ParseError } from "../../grammar/mod.ts";

export interface Processor {
  begin(): Maybe<void>;
  /** Called for each object the previous element writes. */
  process(value: unknown): Maybe<void>;
  /** Called instead of process() when the element is first in its pipeline (no input). */
  run(): Maybe<void>;
  end(): Maybe<void>;
  hadError: boolean;
}

/** Writes each value in order, waiting whenever the downstream does. */
export function emitAll(emit: Emit, values: readonly unknown[]): Maybe<void> {
  return eachInOrder(values, emit);
}

/** Adds one written argument (or a splat's several) to a command's raw arguments. */
type ArgumentWriter = (frame: Frame, args: RawArgument[]) => Maybe<void>;

const WRITERS = Symbol("rsh.argumentWriters");
type WithWriters = A.CommandElement[] & { [WRITERS]?: ArgumentWriter[] };

/** Evaluates a command's written arguments into raw arguments for the binder (splatting expands here). */
export function evaluateArguments(frame: Frame, elements: A.CommandElement[], args: RawArgument[] = [], start = 0): Maybe<RawArgument[]> {
  const writers = (elements as WithWriters)[WRITERS] ??= elements.map(argumentWriter);
  for (let i = start; i < writers.length; i++) {
    const written = writers[i](frame, args);
    if (written instanceof Promise) return written.then(() => evaluateArguments(frame, elements, args, i + 1));
  }
  return args;
}

function argumentWriter(element: A.CommandElement): ArgumentWriter {
  if (element.kind === "CommandParameter") {
    const name = element.name;
    const text = "-" + name;
    if (element.argument === null) return (_frame, args) => void args.push({ kind: "parameter", name, hasValue: false, value: undefined, text });
    const argument = compiled(element.argument);
    const add = (args: RawArgument[], value: unknown) => void args.push({ kind: "parameter", name, hasValue: true, value, text });
    return (frame, args) => {
      const value = argument(frame);
      return value instanceof Promise ? value.then((v) => add(args, v)) : add(args, value);
    };
  }
  const value = compiled(element);
  // Compiled variable reads do not look at `splatted`: the node itself gives the variable's value.
  if (element.kind === "Variable" && element.splatted) return (frame, args) => then(value(frame), (v) => splat(args, v));
  const add = (args: RawArgument[], v: unknown) => void args.push({ kind: "value", value: v });
  return (frame, args) => {
    const v = value(frame);
    return v instanceof Promise ? v.then((resolved) => add(args, resolved)) : add(args, v);
  };
}

/** `@hash` gives named arguments, `@array` positional ones (about_Splatting). */
function splat(args: RawArgument[], value: unknown): void {
  if (value instanceof PSHashtable) {
    for (const [key, v] of value.entries()) args.push({ kind: "parameter", name: toStr(key), hasValue: true, value: v, text: "-" + toStr(key) });
  } else for (const v of enumerate(value)) args.push({ kind: "value", value: v });
}

/** Writes `from..to` one number at a time (a range at the head of a pipeline is never built as an array). */
function emitRange(from: number, to: number, emit: Emit, pacer: Pacer): Maybe<void> {
  const step = from <= to ? 1 : -1;
  for (let i = from; ; i += step) {
    const written = emit(i);
    const next = i + step;
    if (written instanceof Promise) return written.then(() => (i === to ? undefined : emitRange(next, to, emit, pacer)));
    if (i === to) return;
    const pause = pacer.checkpoint();
    if (pause) return pause.then(() => emitRange(next, to, emit, pacer));
  }
}

const statementValue = (frame: Frame, expression: A.Expression) =>
  expression.kind === "InvokeMember" ? invokeMember(frame, expression) : evaluate(frame, expression);

function expressionProcessor(evaluator: Evaluator, frame: Frame, node: A.CommandExpression, emit: Emit): Processor {
  const range = node.expression.kind === "Binary" && node.expression.operator === ".." ? node.expression : null;
  return {
    hadError: false,
    begin() {},
    process() {
      fail(frame, node, "Expressions are only allowed as the first element of a pipeline.", "ExpressionsMustBeFirstInPipeline");
    },
    run: () =>
      range ? then(rangeOf(frame, range), (bounds) => typeof bounds[0] === "string" ? emitAll(emit, bounds) : emitRange(bounds[0] as number, bounds[1] as number, emit, evaluator.pacer)) : then(statementValue(frame, node.expression), (value) => {
        // `$i++` as a statement writes nothing (as an assignment would not); `($i++)` does.
        if (node.expression.kind === "Unary" && (node.expression.operator === "++" || node.expression.operator === "--")) return;
        // A void method (`$list.Add(1)`, `$h.Remove('k')`) or a `[void]` cast writes nothing, not $null.
        if (value === VOID || (node.expression.kind === "Convert" && canonicalType(node.expression.type.name) === "void")) return;
        // An array written to the pipeline is enumerated; `@()` writes nothing.
        return Array.isArray(value) ? emitAll(emit, value) : emit(value);
      }),
    end() {},
  };
}

/** Makes the processor for one pipeline element. */
export function makeProcessor(evaluator: Evaluator, element: A.PipelineElement, frame: Frame, emit: Emit, hasUpstream: boolean): Maybe<Processor> {
  if (element.kind === "CommandExpression") return expressionProcessor(evaluator, frame, element, emit);
  const args = evaluateArguments(frame, element.elements);
  const named = (written: RawArgument[]) => {
    if (element.name.kind === "StringConstant") return commandProcessor(evaluator, element, element.name.value, written, frame, emit, hasUpstream);
    return then(evaluate(frame, element.name), (nameValue) => commandProcessor(evaluator, element, nameValue, written, frame, emit, hasUpstream));
  };
  return args instanceof Promise ? args.then(named) : named(args);
}

const NO_REDIRECTIONS: never[] = [];

/**
 * Runs a pipeline of one element with no redirections — most often a statement that calls a function. A call of a
 * simple function with positional values runs straight through (script_processor.ts, callSimply); anything else
 * gets its processor.
 */
export function runAlone(evaluator: Evaluator, element: A.PipelineElement, frame: Frame, emit: Emit): Maybe<void> {
  if (element.kind === "Command" && element.name.kind === "StringConstant" && evaluator.visible === null && element.invocation !== ".") {
    const values = positionalValues(element);
    const resolved = values && resolveAt(element, evaluator.commands, element.name.value, frame.scope);
    const parameters = resolved?.kind === "function" ? simpleParameters(resolved.entry.definition) : null;
    if (parameters) return callWith(evaluator, (resolved as { entry: FunctionEntry }).entry, parameters, values!, frame, element, emit);
  }
  return then(makeProcessor(evaluator, element, frame, emit, false), (made) => evaluator.runPipeline([made], NO_REDIRECTIONS, frame));
}

/** Evaluates a simple call's positional values in order (going on when one waits), runs it, and sets `$?` as its pipeline would. */
function callWith(
  evaluator: Evaluator,
  entry: FunctionEntry,
  parameters: A.Parameter[],
  values: ((frame: Frame) => unknown)[],
  frame: Frame,
  site: A.Command,
  emit: Emit,
  from = 0,
  given: unknown[] = [],
): Maybe<void> {
  for (let i = from; i < values.length; i++) {
    const value = values[i](frame);
    if (value instanceof Promise) return value.then((v) => callWith(evaluator, entry, parameters, values, frame, site, emit, i + 1, (given[i] = v, given)));
    given[i] = value;
  }
  let ran: Maybe<void>;
  try {
    ran = callSimply(evaluator, entry, parameters, given, frame, site, emit);
  } catch (error) {
    frame.scope.setStatus(false);
    throw error;
  }
  if (!(ran instanceof Promise)) return frame.scope.setStatus(true);
  return ran.then(() => frame.scope.setStatus(true), (error) => {
    frame.scope.setStatus(false);
    throw error;
  });
}

const POSITIONAL = Symbol("rsh.positionalValues");

/** The compiled values of a command whose arguments are all positional values (no `-Name`, no splat), else null. */
function positionalValues(element: A.Command): ((frame: Frame) => unknown)[] | null {
  const site = element as A.Command & { [POSITIONAL]?: ((frame: Frame) => unknown)[] | null };
  const known = site[POSITIONAL];
  if (known !== undefined) return known;
  const positional = element.elements.every((e) => e.kind !== "CommandParameter" && !(e.kind === "Variable" && e.splatted));
  return site[POSITIONAL] = positional ? element.elements.map((e) => compiled(e as A.Expression)) : null;
}

const RESOLVED = Symbol("rsh.resolvedCommand");
type Remembered = { scope: Scope; definitions: number; name: string; resolved: Resolved | undefined };

/**
 * What `name` means at a call site, remembered for the next run from the same scope: a loop calling a function
 * 100,000 times looks it up once. Valid until a function or alias is defined or removed anywhere
 * (Scope.definitions).
 */
function resolveAt(site: A.Command, table: CommandTable, name: string, scope: Scope): Resolved | undefined {
  const memo = (site as A.Command & { [RESOLVED]?: Remembered })[RESOLVED];
  if (memo && memo.scope === scope && memo.definitions === Scope.definitions && memo.name === name) return memo.resolved;
  const resolved = table.resolve(name, scope, false);
  (site as A.Command & { [RESOLVED]?: Remembered })[RESOLVED] = { scope, definitions: Scope.definitions, name, resolved };
  return resolved;
}

function commandProcessor(
  evaluator: Evaluator,
  element: A.Command,
  nameValue: unknown,
  args: RawArgument[],
  frame: Frame,
  emit: Emit,
  hasUpstream: boolean,
): Maybe<Processor> {
  if (nameValue instanceof ScriptBlockValue) {
    if (!nameValue.trusted && forbidsScriptBlocks(evaluator.languageMode)) throw scriptBlockRefused(element, frame.source, evaluator.languageMode);
    const closure = nameValue.closure;
    return scriptBlockProcessor(evaluator, nameValue.ast, nameValue.source, null, args, frame, element, emit, {
      scope: element.invocation === "." ? closure ?? frame.scope : closure ? new Scope(closure) : undefined,
      hasUpstream,
      trusted: nameValue.trusted,
    });
  }
  const name = toStr(nameValue);
  // A restricted session's user resolves through its view: a hidden command is "not recognized", as if absent.
  const restricted = evaluator.visible !== null && !frame.trusted;
  const resolved = restricted
    ? evaluator.visible!.resolve(name, frame.scope)
    : evaluator.visible === null
    ? resolveAt(element, evaluator.commands, name, frame.scope)
    : evaluator.commands.resolve(name, frame.scope, true);
  if (resolved?.kind === "function") {
    const definition = resolved.entry.definition;
    return scriptBlockProcessor(evaluator, definition.body, resolved.entry.source, definition.parameters, args, frame, element, emit, {
      isFilter: definition.isFilter,
      command: { name: definition.name, type: definition.isFilter ? "Filter" : "Function" },
      invocationName: name,
      hasUpstream,
      trusted: resolved.entry.trusted,
    });
  }
  if (resolved?.kind === "builtin") {
    const command = resolved.command;
    if (command.load) return command.load().then((loaded) => new BuiltinProcessor(evaluator, loaded, args, frame, element, emit, hasUpstream));
    return new BuiltinProcessor(evaluator, command, args, frame, element, emit, hasUpstream);
  }
  if (/\.rsh$/i.test(name) && !restricted) {
    const script = scriptFileProcessor(evaluator, name, args, frame, element, emit, hasUpstream);
    if (script) return script;
  }
  const program = restricted ? null : findExecutable(name, frame.env.get("PATH") ?? "", toStr(frame.scope.global.lookup("PWD")?.value ?? "") || ".");
  if (program) return nativeProcessor(program, args, frame, element, emit, evaluator.pacer, evaluator.nativeStderr(frame));
  throw new RuntimeError(new ErrorRecord(
    `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    "CommandNotFoundException",
    "ObjectNotFound",
    element.name.span,
    frame.source,
    name,
    // pwsh names the command it could not find first: `Get-Foo: The term 'Get-Foo' is not recognized …`.
    name,
  ));
}

/**
 * `./script.rsh args` or `. ./script.rsh`: a script file runs in a script scope of its own (dot-sourced: the
 * caller's), after the session's execution policy allowed it (about_Execution_Policies). Null when there is no file.
 */
function scriptFileProcessor(
  evaluator: Evaluator,
  name: string,
  args: RawArgument[],
  frame: Frame,
  element: A.Command,
  emit: Emit,
  hasUpstream: boolean,
): Processor | null {
  const location = toStr(frame.scope.global.lookup("PWD")?.value ?? "") || Deno.cwd();
  const path = name.startsWith("/") ? name : `${location}/${name}`.replace(/\/\.\//g, "/");
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch {
    return null;
  }
  evaluator.session.authorizeScript(path, text, { span: element.name.span, source: frame.source });
  const ast = parseText(text, path);
  if (!frame.trusted) checkLanguage(ast, evaluator.languageMode, text);
  const scope = element.invocation === "." ? frame.scope : new Scope(frame.scope, true);
  scope.set("PSScriptRoot", path.slice(0, path.lastIndexOf("/")) || "/");
  scope.set("PSCommandPath", path);
  const command = { name: path.slice(path.lastIndexOf("/") + 1), type: "ExternalScript" as const, path };
  return scriptBlockProcessor(evaluator, ast, text, null, args, frame, element, emit, { scope, hasUpstream, trusted: frame.trusted, command, invocationName: name });
}

/** Parses script text; a parse error becomes a terminating error positioned in that text. */
export function parseText(text: string, file: string): A.ScriptBlock {
  const { ast, diagnostics } = parse(text, file);
  if (ast) return ast;
  throw new RuntimeError(parseErrorRecord(diagnostics[0], text));
}

/** A ParseError as an ErrorRecord (for the runspace, Invoke-Expression, script files). */
export function parseErrorRecord(e: ParseError, text: string): ErrorRecord {
  const at = { line: e.line, column: e.column, offset: e.offset };
  const span = { file: e.file, start: at, end: { ...at, column: e.column + e.length, offset: e.offset + e.length } };
  return new ErrorRecord(e.message, e.errorId, "ParserError", span, text);
}
