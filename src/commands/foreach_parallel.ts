/**
 * ForEach-Object -Parallel. JS has no threads here, so "parallel" is concurrent: each input's block runs in a
 * runspace-like scope of its own — a new global scope (the session's automatic variables and the caller's location,
 * default preferences, none of the caller's variables or functions) under an Evaluator of its own, whose pacer can
 * stop it alone — and up to -ThrottleLimit of them are in flight at once, so whatever awaits (Start-Sleep, a native
 * program, a remote call) overlaps. `$using:name` reads the caller's variable as Start-Job's does (the `using:name`
 * variable of the block's global scope, see engine/expressions.ts), but by reference, not copied: pwsh hands parallel
 * blocks the caller's objects themselves (the cmdlet reference's example 14), and here they cannot race. Output and
 * errors reach this command's streams as each block writes them, so they interleave as in pwsh.
 */
import type { BuiltinCommand, CommandContext, EngineHost } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError, StopUpstreamSignal } from "../engine/errors.ts";
import { Evaluator } from "../engine/evaluator.ts";
import { forEachVariable, ScriptBlockValue } from "../engine/expressions.ts";
import type { Maybe } from "../engine/maybe.ts";
import { StoppedSignal } from "../engine/pacer.ts";
import { Scope } from "../engine/scope.ts";
import { toNumber } from "../values/convert.ts";

/** The ParallelParameterSet's parameters (the cmdlet reference's defaults and ranges). */
export const PARALLEL_PARAMETERS: BuiltinCommand["parameters"] = [
  { name: "Parallel", type: "scriptblock" },
  { name: "ThrottleLimit", type: "int", validateRange: [1, 2147483647] },
  { name: "TimeoutSeconds", type: "int", validateRange: [0, 2147483647] },
  { name: "AsJob", type: "switch" },
  // Every block gets a runspace-like scope of its own already (nothing is pooled), which is what this asks for.
  { name: "UseNewRunspace", type: "switch" },
];

/** What a new runspace has of the session: its automatic variables and the caller's location. */
const SESSION_VARIABLES = ["PSVersionTable", "PID", "HOME", "PWD", "IsLinux", "IsWindows", "IsMacOS", "PROFILE", "ExecutionContext"];
/** A new runspace's preferences (about_Preference_Variables defaults), not the caller's. */
const PREFERENCES: Record<string, string> = {
  ErrorActionPreference: "Continue", WarningPreference: "Continue", ProgressPreference: "Continue",
  VerbosePreference: "SilentlyContinue", DebugPreference: "SilentlyContinue", InformationPreference: "SilentlyContinue",
};

interface Parallel {
  block: ScriptBlockValue;
  using: Map<string, unknown>;
  limit: number;
  running: Set<Promise<void>>;
  evaluators: Set<Evaluator>;
  /** Output goes on in order of writing: each write waits for the one before (the downstream is not re-entrant). */
  chain: Promise<void>;
  /** A stop from downstream (Select-Object -First) or a failure this command must rethrow. */
  failure: unknown;
  timedOut: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** -AsJob: the inputs, handed to the job at the end. */
  jobInputs: unknown[] | null;
}

const parallelError = (ctx: CommandContext, message: string, id: string) =>
  new RuntimeError(ctx.newErrorRecord(message, `${id},Microsoft.PowerShell.Commands.ForEachObjectCommand`, "ForEach-Object", "InvalidOperation"));

export function parallelBegin(ctx: CommandContext, params: Map<string, unknown>): Parallel {
  if (params.get("AsJob") === true && params.has("TimeoutSeconds")) {
    throw parallelError(ctx, "The 'TimeoutSeconds' parameter cannot be used with the 'AsJob' parameter.", "ParallelCannotUseTimeoutWithJob");
  }
  const block = params.get("Parallel") as ScriptBlockValue;
  const using = new Map<string, unknown>();
  forEachVariable(block.ast, (variable) => {
    if (variable.qualifier?.toLowerCase() !== "using") return;
    const value = ctx.scope.lookup(variable.name)?.value ?? null;
    if (value instanceof ScriptBlockValue) {
      throw parallelError(
        ctx,
        "A ForEach-Object -Parallel using variable cannot be a script block. Passed-in script block variables are not supported with ForEach-Object -Parallel, and can result in undefined behavior.",
        "ParallelUsingVariableCannotBeScriptBlock",
      );
    }
    using.set(variable.name.toLowerCase(), value);
  });
  const s: Parallel = {
    block, using, limit: params.has("ThrottleLimit") ? toNumber(params.get("ThrottleLimit")) : 5, running: new Set(), evaluators: new Set(),
    chain: Promise.resolve(), failure: undefined, timedOut: false, timer: undefined, jobInputs: params.get("AsJob") === true ? [] : null,
  };
  const seconds = params.has("TimeoutSeconds") ? toNumber(params.get("TimeoutSeconds")) : 0;
  // After -TimeoutSeconds the running blocks are stopped and the input not yet started is ignored.
  if (seconds > 0) {
    s.timer = setTimeout(() => {
      s.timedOut = true;
      for (const evaluator of s.evaluators) evaluator.pacer.stop();
    }, seconds * 1000);
  }
  return s;
}

/** The task's streams: errors through this command (so `2>&1`, -ErrorVariable see them), the rest to the host. */
function taskHost(ctx: CommandContext): EngineHost {
  const host = ctx.host;
  return {
    error: (record) => ctx.writeErrorRecord(record),
    host: (text) => host.host(text),
    warning: (text) => host.warning(text),
    verbose: (text) => host.verbose(text),
    write: (stream, value) => host.write(stream, value),
    prompt: (text, secret) => host.prompt(text, secret),
    showsNativeStderr: host.showsNativeStderr,
  };
}

/** A runspace-like global scope for one block. */
function taskScope(ctx: CommandContext, s: Parallel): Scope {
  const global = new Scope(null, true);
  for (const name of SESSION_VARIABLES) {
    const cell = ctx.scope.global.lookup(name);
    if (cell) global.set(cell.name, cell.value);
  }
  for (const [name, value] of Object.entries(PREFERENCES)) global.set(name, value);
  global.set("?", true);
  global.set("Error", []);
  for (const [name, value] of s.using) global.set("using:" + name, value);
  return global;
}

/** A block's terminating error ends that block only: it is written as a PSTaskException (as pwsh's PSTask does). */
function taskFailed(ctx: CommandContext, s: Parallel, e: unknown): void {
  if (e instanceof StopUpstreamSignal || !(e instanceof RuntimeError || e instanceof StoppedSignal)) {
    s.failure ??= e;
    return;
  }
  const record = e instanceof RuntimeError ? e.record : null;
  ctx.writeErrorRecord(new ErrorRecord(e.message, "PSTaskException", record?.category ?? "OperationStopped", record?.span ?? null, record?.source ?? null, record?.targetObject ?? null));
}

function start(ctx: CommandContext, s: Parallel, input: unknown): void {
  const evaluator = new Evaluator(taskHost(ctx), ctx.commands, ctx.session.environment(), ctx.session);
  evaluator.languageMode = ctx.languageMode;
  // A restricted session's user stays restricted inside the block: the same view, no programs or script files.
  if (ctx.commands.restricted) evaluator.visible = ctx.commands;
  evaluator.pacer.start();
  s.evaluators.add(evaluator);
  const global = taskScope(ctx, s);
  // Bound to its own global scope (a closure), the block runs there rather than under the caller's scope.
  const block = new ScriptBlockValue(s.block.ast, s.block.source, s.block.trusted, global);
  const emit = (value: unknown): Promise<void> =>
    s.chain = s.chain.then(() => (s.failure === undefined ? ctx.emit(value) : undefined)).catch((e) => {
      s.failure ??= e;
      stopAll(s);
    });
  const run = async () => {
    try {
      await evaluator.runScriptBlock(block, input, [], global, emit);
    } catch (e) {
      taskFailed(ctx, s, e);
    }
  };
  const task: Promise<void> = run().finally(() => {
    s.evaluators.delete(evaluator);
    s.running.delete(task);
  });
  s.running.add(task);
  // The caller's pipeline stopped (Ctrl+C, Stop-Job): so is this block, even while nobody awaits it.
  ctx.pacer.wait(task).catch(() => evaluator.pacer.stop());
}

function stopAll(s: Parallel): void {
  for (const evaluator of s.evaluators) evaluator.pacer.stop();
}

function rethrow(s: Parallel): void {
  if (s.failure !== undefined) {
    clearTimeout(s.timer);
    stopAll(s);
    throw s.failure;
  }
}

/** Waits for `promise` on the caller's pacer; a stop there stops every block first. */
async function waitFor(ctx: CommandContext, s: Parallel, promise: Promise<unknown>): Promise<void> {
  try {
    await ctx.pacer.wait(promise);
  } catch (e) {
    clearTimeout(s.timer);
    stopAll(s);
    throw e;
  }
}

export function parallelProcess(ctx: CommandContext, _params: Map<string, unknown>, input: unknown, state: unknown): Maybe<void> {
  const s = state as Parallel;
  rethrow(s);
  if (s.timedOut) return;
  if (s.jobInputs) return void s.jobInputs.push(input);
  if (input instanceof ScriptBlockValue) {
    return ctx.writeError(
      "A ForEach-Object -Parallel piped input object cannot be a script block. Passed-in script block variables are not supported with ForEach-Object -Parallel, and can result in undefined behavior.",
      "ParallelPipedInputObjectCannotBeScriptBlock,Microsoft.PowerShell.Commands.ForEachObjectCommand", "ForEach-Object",
    );
  }
  if (s.running.size < s.limit) return start(ctx, s, input);
  // At the limit: this input waits for a running block to end (and so does the upstream).
  return waitFor(ctx, s, Promise.race(s.running)).then(() => {
    rethrow(s);
    if (!s.timedOut) start(ctx, s, input);
  });
}

/**
 * -AsJob: a background job (Start-Job's kind, in a runspace of its own) that runs this same parallel command over the
 * inputs, its `$using:` values made variables there so the blocks' `$using:` finds them. pwsh's PSTaskJob has a
 * child job per input; this job has none.
 */
function startParallelJob(ctx: CommandContext, s: Parallel): Maybe<void> {
  const names = [...s.using.keys()];
  const text = s.block.toString();
  const script = [
    "param($__rshParallelInput)",
    ...names.map((name) => `\${${name}} = $using:${name}`),
    `$__rshParallelInput | ForEach-Object -Parallel {${text}} -ThrottleLimit ${s.limit}`,
  ].join("\n");
  const job = ctx.session.startJob({ script, name: null, args: [s.jobInputs], using: s.using, initialization: null, command: text.trim() });
  return ctx.emit(job.view);
}

export async function parallelEnd(ctx: CommandContext, state: unknown): Promise<void> {
  const s = state as Parallel;
  if (s.jobInputs) return startParallelJob(ctx, s);
  while (s.running.size > 0) await waitFor(ctx, s, Promise.all(s.running));
  await waitFor(ctx, s, s.chain);
  clearTimeout(s.timer);
  rethrow(s);
}
