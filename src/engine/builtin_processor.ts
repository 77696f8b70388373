/**
 * A built-in command as a pipeline processor, and the CommandContext it hands the command: two objects per call,
 * their methods on the prototype (a cmdlet called 100,000 times in a loop made 14 closures a call before, ~2 KB;
 * now two, `emit` and `emitAll`, which commands pass around detached).
 */
import type * as A from "../../grammar/ast.ts";
import { bindArguments, checkMandatory, coerce, declaresParameter, type ParameterSpec, type RawArgument } from "./binder.ts";
import { type BuiltinCommand, cmdletId, type CommandContext, type EngineHost, type SessionPort } from "./command_types.ts";
import { toBool } from "../values/convert.ts";
import type { CommandTable } from "./commands.ts";
import { captureVariables, type Common, takeCommonParameters } from "./common_parameters.ts";
import { ErrorRecord, RuntimeError, StopUpstreamSignal } from "./errors.ts";
import type { Emit, Evaluator } from "./evaluator.ts";
import { fail, type Frame, type Invocation, rethrowAt, ScriptBlockValue } from "./expressions.ts";
import type { LanguageMode } from "./language_mode.ts";
import { checkLanguage } from "./language_mode.ts";
import type { Maybe } from "./maybe.ts";
import type { Pacer } from "./pacer.ts";
import { emitAll, parseText, type Processor } from "./processors.ts";
import { Scope } from "./scope.ts";
import { bindingFailure } from "./script_processor.ts";

/** PowerShell's ErrorCategory for the error ids built-ins write by id alone (a missing path is ObjectNotFound). */
const CATEGORIES: Record<string, string> = {
  PathNotFound: "ObjectNotFound", ItemNotFound: "ObjectNotFound", ItemExists: "ResourceExists", InvalidOperation: "InvalidOperation",
  InvalidArgument: "InvalidArgument", PermissionDenied: "PermissionDenied",
};
const categoryOf = (errorId: string) => CATEGORIES[errorId.split(",")[0]] ?? "NotSpecified";

const NO_PARAMS: Map<string, unknown> = new Map();

/** One call of a built-in command. Fields are all set in the constructor (see Scope's constructor for why). */
export class BuiltinProcessor implements Processor {
  declare hadError: boolean;
  declare private readonly command: BuiltinCommand;
  declare private readonly context: BuiltinContext;
  declare private readonly args: RawArgument[];
  declare private readonly caller: Frame;
  declare private readonly node: { span: A.Span };
  declare private readonly hasUpstream: boolean;
  declare private readonly captured: ReturnType<typeof captureVariables>;
  declare private readonly pipelineSpec: ParameterSpec | undefined;
  declare private params: Map<string, unknown>;
  declare private state: unknown;

  constructor(evaluator: Evaluator, command: BuiltinCommand, rawArgs: RawArgument[], caller: Frame, node: { span: A.Span }, emit: Emit, hasUpstream: boolean) {
    const { args, common } = rawArgs.length ? takeCommonParameters(rawArgs, (name) => declaresParameter(command.parameters, name)) : { args: rawArgs, common: {} as Common };
    this.hadError = false;
    this.command = command;
    this.args = args;
    this.caller = caller;
    this.node = node;
    this.hasUpstream = hasUpstream;
    this.captured = captureVariables(common, caller.scope);
    this.context = new BuiltinContext(this, evaluator, caller, node, this.captured.wrap(emit), common.errorAction ?? null);
    this.pipelineSpec = command.parameters.find((s) => s.pipeline);
    this.params = NO_PARAMS;
    this.state = undefined;
  }

  begin(): Maybe<void> {
    try {
      this.params = bindArguments(this.command.parameters, this.args, true).values;
      checkMandatory(this.command.parameters, this.params, this.pipelineSpec !== undefined && this.hasUpstream);
    } catch (e) {
      bindingFailure(this.caller, this.node, e, this.command.name, cmdletId(this.command.name));
    }
    if (!this.command.begin) return;
    let state: unknown;
    try {
      state = this.command.begin(this.context, this.params);
    } catch (e) {
      return this.failAt(e);
    }
    if (state instanceof Promise) return state.then((s) => void (this.state = s), (e) => this.failAt(e));
    this.state = state;
  }

  process(value: unknown): Maybe<void> {
    const spec = this.pipelineSpec;
    if (spec) {
      try {
        this.params.set(spec.name, coerce(spec, value));
      } catch (e) {
        bindingFailure(this.caller, this.node, e, this.command.name, cmdletId(this.command.name));
      }
    }
    return this.processItem(value);
  }

  run(): Maybe<void> {
    return this.processItem(undefined);
  }

  end(): Maybe<void> {
    let ended: Maybe<void>;
    try {
      ended = this.command.end?.(this.context, this.params, this.state);
    } catch (e) {
      return this.failAt(e);
    }
    if (ended instanceof Promise) return ended.then(() => this.captured.finish(), (e) => this.failAt(e));
    this.captured.finish();
  }

  private processItem(value: unknown): Maybe<void> {
    if (!this.command.process) return;
    let processed: Maybe<void>;
    try {
      processed = this.command.process(this.context, this.params, value, this.state);
    } catch (e) {
      return this.failAt(e);
    }
    return processed instanceof Promise ? processed.catch((e) => this.failAt(e)) : processed;
  }

  /** A failure inside a command — a conversion, a member, its own error made without a position — is reported at the command, as PowerShell does. */
  /** A bound parameter's value (undefined when the call did not give it). */
  parameter(name: string): unknown {
    return this.params.get(name);
  }

  private failAt(e: unknown): never {
    if (e instanceof RuntimeError && e.record.span === null) throw new RuntimeError(e.record.placedAt(this.node.span, this.caller.source), e.scriptTerminating);
    return rethrowAt(this.caller, this.node, e);
  }
}

/**
 * What a built-in command is given (`ctx`): a class instance, its methods on the prototype. To derive one (a
 * wrapper that changes `emit`), use `Object.create(ctx)`: a spread would copy the fields and lose the methods.
 */
class BuiltinContext implements CommandContext {
  declare readonly emit: Emit;
  declare readonly emitAll: (values: readonly unknown[]) => Maybe<void>;
  declare readonly host: EngineHost;
  declare readonly scope: Scope;
  declare readonly pacer: Pacer;
  declare readonly session: SessionPort;
  declare readonly commands: CommandTable;
  declare private readonly processor: BuiltinProcessor;
  declare private readonly evaluator: Evaluator;
  declare private readonly caller: Frame;
  declare private readonly node: { span: A.Span };
  declare private readonly action: string | null;
  declare readonly invocation: Invocation | null;
  /** -Confirm's Yes to All (true) or No to All (false) for the rest of this call; null until one is chosen. */
  declare private confirmedAll: boolean | null;

  constructor(processor: BuiltinProcessor, evaluator: Evaluator, caller: Frame, node: { span: A.Span }, emit: Emit, action: string | null) {
    this.emit = emit;
    this.emitAll = (values) => emitAll(emit, values);
    this.host = evaluator.host;
    this.scope = caller.scope;
    this.pacer = evaluator.pacer;
    this.session = evaluator.session;
    this.commands = caller.trusted ? evaluator.commands : evaluator.visible ?? evaluator.commands;
    this.processor = processor;
    this.evaluator = evaluator;
    this.caller = caller;
    this.node = node;
    this.action = action;
    this.invocation = caller.invocation;
    this.confirmedAll = null;
  }

  get languageMode(): LanguageMode {
    return this.caller.trusted ? "FullLanguage" : this.evaluator.languageMode;
  }

  evaluateText(text: string): Maybe<unknown[]> {
    const ast = parseText(text, "<Invoke-Expression>");
    if (!this.caller.trusted) checkLanguage(ast, this.evaluator.languageMode, text);
    return this.evaluator.callScriptBlock(new ScriptBlockValue(ast, text, this.caller.trusted), undefined, [], this.caller.scope, true, true);
  }

  writeError(message: string, errorId: string, commandName?: string): void {
    this.writeErrorRecord(this.newErrorRecord(message, errorId, commandName));
  }

  newErrorRecord(message: string, errorId: string, commandName?: string, category?: string, targetObject: unknown = null): ErrorRecord {
    return new ErrorRecord(message, errorId, category ?? categoryOf(errorId), this.node.span, this.caller.source, targetObject, commandName ?? null);
  }

  writeErrorRecord(record: ErrorRecord): void {
    this.processor.hadError = true;
    this.evaluator.writeError(record, this.caller, this.action);
  }

  invoke(block: unknown, item: unknown, extra: unknown[] = [], variables?: Record<string, unknown>): Maybe<unknown[]> {
    let scope = this.caller.scope;
    if (variables) {
      scope = new Scope(scope);
      for (const [name, value] of Object.entries(variables)) scope.set(name, value);
    }
    return this.evaluator.callScriptBlock(this.scriptBlock(block), item, extra, scope);
  }

  stopUpstream(): never {
    throw new StopUpstreamSignal(this.processor);
  }

  invokeInScope(block: unknown, item: unknown): Maybe<unknown[]> {
    return this.evaluator.callScriptBlock(this.scriptBlock(block), item, [], this.caller.scope, true);
  }

  runInScope(block: unknown, item: unknown): Maybe<void> {
    return this.evaluator.runScriptBlock(this.scriptBlock(block), item, [], this.caller.scope, this.emit, true);
  }

  shouldProcess(target: string, action: string): Maybe<boolean> {
    const operation = `Performing the operation "${action}" on target "${target}".`;
    const whatIf = this.processor.parameter("WhatIf") ?? toBool(this.scope.lookup("WhatIfPreference")?.value ?? false);
    if (whatIf === true) {
      this.host.host(`What if: ${operation}\n`);
      return false;
    }
    if (this.processor.parameter("Confirm") !== true) return true;
    if (this.confirmedAll !== null) return this.confirmedAll;
    const question = `Confirm\nAre you sure you want to perform this action?\n${operation}\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `;
    return this.pacer.wait(this.host.prompt(question, false)).then((answer) => {
      const choice = answer?.trim().toLowerCase() ?? "n";
      if (choice === "a") this.confirmedAll = true;
      if (choice === "l") this.confirmedAll = false;
      return choice === "" || choice === "y" || choice === "a";
    });
  }

  private scriptBlock(block: unknown): ScriptBlockValue {
    if (!(block instanceof ScriptBlockValue)) fail(this.caller, this.node, "The argument is not a script block.", "ArgumentNotScriptBlock");
    return block;
  }
}
