/**
 * A LocalRunspace is one session (issue 4): its own global scope (variables, functions, `$Error`, preferences), its
 * own copy of the environment, its own location, execution policy and jobs. Nothing is shared between two runspaces
 * but the frozen built-in command table. One pipeline runs at a time; records go to the running invocation's sink,
 * or to the Host given at creation (the CLI prints them).
 */
import type { ScriptBlock } from "../../grammar/ast.ts";
import { parse } from "../../grammar/mod.ts";
import type { RawArgument } from "../engine/binder.ts";
import type { BuiltinCommand, EnteredSession, SessionPort } from "../engine/command_types.ts";
import { BreakSignal, ErrorRecord, ExitSignal, RuntimeError } from "../engine/errors.ts";
import { Evaluator } from "../engine/evaluator.ts";
import { eachInOrder, type Maybe, then, tryCatch } from "../engine/maybe.ts";
import { StoppedSignal } from "../engine/pacer.ts";
import { parseErrorRecord } from "../engine/processors.ts";
import { scriptBlockProcessor } from "../engine/script_processor.ts";
import { Scope } from "../engine/scope.ts";
import { Deno } from "../platform.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { approximateSize } from "../values/size.ts";
import { checkLanguage, executionContext, type LanguageMode } from "../engine/language_mode.ts";
import { ExecutionPolicy } from "./execution_policy.ts";
import { type Job, type JobRunspace, JobTable } from "./jobs.ts";
import { commandTable, fromPlain } from "./host_commands.ts";
import { pathInfo } from "../commands/files.ts";
import { nextRunspaceId } from "./runspace.ts";
import type { InvokeOptions, InvokeResult, Runspace, RunspaceAvailability, RunspaceState, StreamRecord } from "./runspace.ts";

export { formatValue, OutputFormatter } from "../values/format.ts";
export { ErrorRecord };

/**
 * Where a runspace's records go when no invocation collects them (`LocalRunspace.run`, background writes), and who
 * answers prompts (Read-Host, Get-Credential): the CLI prints them, an embedder decides. Optional streams left out
 * are dropped.
 *
 * @example
 * ```ts
 * import { type Host, LocalRunspace } from "rsh";
 * const host: Host = {
 *   output: (value) => console.log(value),
 *   error: (record) => console.error(record.format()),
 *   host: (text) => process.stdout.write(text),
 *   warning: (text) => console.warn(`WARNING: ${text}`),
 *   prompt: async (text) => (text.includes("Name") ? "ada" : null),
 * };
 * const runspace = new LocalRunspace({ host });
 * ```
 */
export interface Host {
  /** Each object that reaches the end of a top-level pipeline, as soon as it is produced. */
  output(value: unknown): void;
  /** Error records: non-terminating errors, and the terminating error that escaped. */
  error(record: ErrorRecord): void;
  /** Write-Host text, including its newline unless -NoNewline. */
  host(text: string): void;
  /** Warning text (without `WARNING: `), when $WarningPreference lets it through. */
  warning?(text: string): void;
  /** Verbose text, when $VerbosePreference (or -Verbose) lets it through. */
  verbose?(text: string): void;
  /** An information record (Write-Information), when $InformationPreference lets it through. */
  information?(value: unknown): void;
  /** Debug text, when $DebugPreference (or -Debug) lets it through. */
  debug?(text: string): void;
  /** A Write-Progress record (Activity, StatusDescription, PercentComplete, ActivityId, RecordType). */
  progress?(record: unknown): void;
  /** Asks the user for a line (Read-Host, Get-Credential); null when nobody can answer (no terminal, end of input). */
  prompt?(text: string, secret: boolean): Promise<string | null>;
  /** Called when a run ends (the CLI ends the table it was printing). */
  flush?(): void;
  /**
   * True when the user reads this process's stderr (the CLI): a native program's stderr then passes straight to it
   * unless redirected, as in pwsh. Otherwise (the default) its lines become error records.
   */
  showsNativeStderr?: boolean;
}

/**
 * How `LocalRunspace.run` runs a parsed script.
 *
 * @example
 * ```ts
 * const options: RunOptions = { file: "/srv/deploy.rsh", args: ["-Target", "prod"], source: "param($Target) $Target" };
 * ```
 */
export interface RunOptions {
  /** Raw command-line arguments, bound to the script's param() block like `pwsh -File script.ps1 …`. */
  args?: string[];
  /** The script's path: it then runs in its own script scope. Without it, statements run in the global scope. */
  file?: string;
  /** The source text the AST was parsed from (for error snippets). */
  source?: string;
}

/**
 * How a `LocalRunspace.run` ended (the records went to the Host).
 *
 * @example
 * ```ts
 * import { LocalRunspace, parseOrThrow } from "rsh";
 * const runspace = new LocalRunspace({ host: { output: console.log, error: (r) => console.error(r.format()), host: console.log } });
 * const result: RunResult = await runspace.run(parseOrThrow("exit 3"));
 * console.log(result.exitCode); // 3
 * ```
 */
export interface RunResult {
  /** N for `exit N`, else null. */
  exitCode: number | null;
  /** True when a terminating error escaped (it was sent to Host.error). */
  failed: boolean;
  /** `$?` after the last statement: false when it failed (`pwsh -c` exits 1 then). */
  succeeded: boolean;
}

/**
 * What a LocalRunspace starts with; every option has a default (no host, `Runspace<Id>`, an empty environment, no
 * location, no profile, only the built-in commands, the policy from the environment and policy files).
 *
 * @example
 * ```ts
 * const options: LocalRunspaceOptions = { name: "tool", env: { HOME: "/home/ops" }, location: "/srv/app", variables: { limit: 3 } };
 * ```
 */
export interface LocalRunspaceOptions {
  /** Where records go when no invocation collects them (the CLI's console). */
  host?: Host;
  /** The runspace's name (default `Runspace<Id>`). */
  name?: string;
  /** The session's environment: a copy is taken; later changes on either side do not reach the other. */
  env?: Record<string, string>;
  /** The session's current location (`$PWD`). */
  location?: string;
  /** Run the profile scripts when the runspace opens (the CLI does unless -NoProfile; embedders opt in). */
  profile?: boolean;
  /** How long a synchronous invoke waits for a running pipeline before it fails (PowerShell: 4 minutes). */
  busyWaitMs?: number;
  /** Global variables to define before anything runs. */
  variables?: Record<string, unknown>;
  /** Commands beyond the built-ins (the remoting cmdlets, an embedder's host commands); jobs inherit them. */
  commands?: readonly BuiltinCommand[];
  /** The session's execution policy (its Process scope; about_Execution_Policies). */
  executionPolicy?: string;
  /** Publishers' public keys (`ed25519:…`) trusted beyond the user's and the machine's trusted-publishers files. */
  trustedPublishers?: readonly string[];
  /**
   * The session's language mode (about_Language_Modes), FullLanguage by default: what the text it runs may use.
   * It applies after `startupScript`. `$ExecutionContext.SessionState.LanguageMode` reads it.
   */
  languageMode?: LanguageMode;
  /**
   * The only built-in commands the session's user may see and run, by name or wildcard (`Get-*`), plus Get-Command,
   * Get-Help, Select-Object, Measure-Object, Out-Default and Exit-PSSession. Set (or `visibleFunctions` set), a hidden
   * command is "not recognized", and programs and script files are unavailable too. Unset: every command.
   */
  visibleCommands?: readonly string[];
  /** Of the functions `startupScript` defines, those the user may see and call (names or wildcards). */
  visibleFunctions?: readonly string[];
  /**
   * Script run when the session opens, in FullLanguage with every command, before the language mode and visible
   * commands apply (JEA's startup script). The functions it defines are trusted: they run unrestricted when the
   * user calls them, so they can expose exactly one operation of a hidden command.
   */
  startupScript?: string;
}

/** Turns command-line words into binder arguments: `-Name`, `-Name:value`, or values. */
/** `$PSVersionTable.PSVersion`: "7.4.0" as a string, with Major, Minor and Patch (a SemanticVersion's parts) to read. */
function psVersion(): NotedScalar {
  const parts = new PSCustomObject();
  for (const [name, value] of [["Major", 7], ["Minor", 4], ["Patch", 0], ["PreReleaseLabel", null], ["BuildLabel", null]] as const) parts.set(name, value);
  return new NotedScalar("7.4.0", parts);
}

function cliArguments(words: string[]): RawArgument[] {
  return words.map((word) => {
    const m = /^-([A-Za-z_?][\w-]*)(:(.*))?$/s.exec(word);
    if (!m) return { kind: "value", value: word };
    return m[2] ? { kind: "parameter", name: m[1], hasValue: true, value: m[3], text: word } : { kind: "parameter", name: m[1], hasValue: false, text: word };
  });
}

/**
 * Anything else that escapes the evaluator becomes an error record instead of taking the process down: JS's stack
 * overflow is PowerShell's call depth overflow; any other is reported as an internal error.
 */
function internalError(error: unknown, ast: ScriptBlock, source: string): ErrorRecord {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ErrorRecord("The script failed due to call depth overflow.", "CallDepthOverflow", "InvalidOperation", ast.span, source);
  }
  const message = `Internal error: ${error instanceof Error ? error.message : String(error)}`;
  return new ErrorRecord(message, "InternalError", "NotSpecified", ast.span, source);
}

/**
 * A session in this process: its own variables, functions, environment copy, location, execution policy and jobs;
 * nothing is shared with another runspace. `invoke` runs one pipeline at a time and collects its records; `run`
 * runs a parsed script with its records going to the Host (as the CLI does). A runspace opens on its first use.
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const runspace = new LocalRunspace({ env: { GREETING: "hi" }, location: "/tmp" });
 * const result = await runspace.invoke("param($name) \"$env:GREETING $name\"", { args: ["ada"] });
 * console.log(result.output); // ["hi ada"]
 * await runspace.close();
 * ```
 */
export class LocalRunspace implements Runspace {
  /** A small integer, unique within this process. */
  readonly id: number = nextRunspaceId();
  #instanceId: string | undefined;
  /** A GUID, made on first read: crypto.randomUUID() loads Node's web crypto, ~5 ms of a start-up that never asks. */
  get instanceId(): string {
    return (this.#instanceId ??= crypto.randomUUID());
  }
  /** The name given in the options, or `Runspace<Id>`. */
  readonly name: string;
  #state: RunspaceState = "BeforeOpen";
  readonly #global = new Scope(null, true);
  readonly #evaluator: Evaluator;
  readonly #host: Host | null;
  readonly #env: Map<string, string>;
  readonly #policy: ExecutionPolicy;
  readonly #jobs = new JobTable();
  /** Per-session state of commands from upper layers (the remoting client's PSSessions). */
  readonly #extensions = new Map<string, unknown>();
  readonly #cleanups: (() => Promise<void> | void)[] = [];
  #entered: EnteredSession | null = null;
  readonly #profile: boolean;
  readonly #busyWaitMs: number;
  readonly #extraCommands: readonly BuiltinCommand[] | undefined;
  readonly #restrictions: Pick<LocalRunspaceOptions, "languageMode" | "visibleCommands" | "visibleFunctions" | "startupScript">;
  /** The records' destination while a pipeline runs (null: the Host). */
  #sink: ((record: StreamRecord) => void | Promise<void>) | null = null;
  /** The running pipeline, and the invocations waiting for it (first come, first served). */
  #running: Promise<unknown> | null = null;
  #waiting: (() => void)[] = [];
  #opening: Promise<void> | null = null;

  /** A new runspace (BeforeOpen); nothing runs until it is opened or used. */
  constructor(options: LocalRunspaceOptions = {}) {
    this.name = options.name ?? `Runspace${this.id}`;
    this.#host = options.host ?? null;
    this.#profile = options.profile ?? false;
    this.#busyWaitMs = options.busyWaitMs ?? 4 * 60 * 1000;
    this.#extraCommands = options.commands;
    const { languageMode, visibleCommands, visibleFunctions, startupScript } = options;
    this.#restrictions = { languageMode, visibleCommands, visibleFunctions, startupScript };
    const env = this.#env = new Map(Object.entries(options.env ?? {}));
    this.#policy = new ExecutionPolicy(env, options.trustedPublishers);
    this.#evaluator = new Evaluator({
      error: (record) => this.#record({ stream: "error", value: record }),
      host: (text) => this.#record({ stream: "host", value: text }),
      warning: (text) => this.#record({ stream: "warning", value: text }),
      verbose: (text) => this.#record({ stream: "verbose", value: text }),
      write: (stream, value) => this.#record({ stream, value } as StreamRecord),
      prompt: (text, secret) => this.#host?.prompt?.(text, secret) ?? Promise.resolve(null),
      showsNativeStderr: this.#host?.showsNativeStderr === true,
    }, commandTable(options.commands), env, this.#sessionPort());
    const version = new PSHashtable();
    version.set("PSVersion", psVersion());
    version.set("PSEdition", "Core");
    const home = env.get("HOME") ?? null;
    const globals: Record<string, unknown> = {
      ErrorActionPreference: "Continue", VerbosePreference: "SilentlyContinue", DebugPreference: "SilentlyContinue",
      InformationPreference: "SilentlyContinue", WarningPreference: "Continue", ProgressPreference: "Continue", Error: [], "?": true,
      WhatIfPreference: false, ConfirmPreference: "High",
      PSVersionTable: version, PID: Deno.pid, HOME: home, PWD: options.location ? pathInfo(options.location) : null, IsLinux: true,
      IsWindows: false, IsMacOS: false, args: [], PROFILE: this.#profilePaths().at(-1),
      ExecutionContext: executionContext({ get: () => this.#evaluator.languageMode, set: (mode) => (this.#evaluator.languageMode = mode) }),
      ...Object.fromEntries(Object.entries(options.variables ?? {}).map(([k, v]) => [k, fromPlain(v)])),
    };
    if (options.executionPolicy) this.#policy.set(options.executionPolicy, "Process");
    for (const [name, value] of Object.entries(globals)) this.#global.set(name, value);
  }

  /** BeforeOpen, Opening, Opened, Closing or Closed. */
  get state(): RunspaceState {
    return this.#state;
  }

  /** Busy while a pipeline runs, Available when opened and idle, None otherwise. */
  get availability(): RunspaceAvailability {
    if (this.#state !== "Opened") return "None";
    return this.#running ? "Busy" : "Available";
  }

  /** The profile scripts, all-users first (`$PROFILE` is the last: the current user's). */
  #profilePaths(): string[] {
    return [
      `${this.#env.get("RSH_SYSTEM_CONFIG_DIR") ?? "/etc/rsh"}/profile.rsh`,
      `${this.#env.get("HOME") ?? ""}/.config/rsh/profile.rsh`,
    ];
  }

  /** Opens the session: runs the profile scripts (dot-sourced into the global scope) unless told not to. */
  open(): Promise<void> {
    if (this.#opening) return this.#opening;
    this.#state = "Opening";
    this.#opening = (async () => {
      if (this.#profile) {
        for (const path of this.#profilePaths()) {
          let exists = false;
          try {
            exists = Deno.statSync(path).isFile;
          } catch {
            // No profile at this path.
          }
          if (exists) await this.#execute(`. '${path.replaceAll("'", "''")}'`, {}, null, true);
        }
      }
      await this.#restrict();
      this.#state = "Opened";
    })();
    return this.#opening;
  }

  /** Runs script text (see Runspace.invoke): records go to `onRecord`, and are collected in the result. */
  async invoke(script: string, options: InvokeOptions = {}): Promise<InvokeResult> {
    await this.open();
    const result: InvokeResult = { output: [], errors: [], exitCode: null, failed: false, stopped: false };
    const sink = (record: StreamRecord) => {
      if (record.stream === "error") result.errors.push(record.value);
      if (options.onRecord) return options.onRecord(record);
      if (record.stream === "output") result.output.push(record.value);
    };
    try {
      const outcome = await this.#execute(script, options, sink);
      return { ...result, ...outcome };
    } catch (e) {
      if (!(e instanceof StoppedSignal)) throw e;
      // Stopped before it started (its signal fired while it waited for its turn).
      return { ...result, stopped: true };
    }
  }

  /** Runs a parsed script (or one REPL statement) with records going to the Host; state persists between calls. */
  async run(ast: ScriptBlock, options: { args?: string[]; file?: string; source?: string } = {}): Promise<RunResult> {
    await this.open();
    const outcome = await this.#gate(true, () => {
      if (options.file) {
        try {
          const warning = this.#policy.authorize(options.file, options.source ?? "", { span: ast.span, source: null });
          if (warning) void this.#record({ stream: "warning", value: warning });
        } catch (e) {
          if (e instanceof RuntimeError) return this.#fail(e.record, null);
          throw e;
        }
      }
      return this.#runAst(ast, options.source ?? "", cliArguments(options.args ?? []), options.file, null);
    }).finally(() => this.#host?.flush?.());
    const failed = outcome.failed || outcome.stopped;
    return { exitCode: outcome.exitCode, failed, succeeded: !failed && this.#global.lookup("?")?.value !== false };
  }

  async stop(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#evaluator.pacer.stop();
    await running.catch(() => {});
  }

  /** Stops the running pipeline and the jobs, leaves an entered session, and closes the runspace (idempotent). */
  async close(): Promise<void> {
    if (this.#state === "Closed" || this.#state === "Closing") return;
    this.#state = "Closing";
    await this.stop();
    await this.#jobs.stopAll();
    await this.enter(null);
    for (const cleanup of this.#cleanups.splice(0)) await cleanup();
    this.#state = "Closed";
  }

  /** Runs the startup script (trusted), then applies the language mode and the visible commands. */
  async #restrict(): Promise<void> {
    const { languageMode, visibleCommands, visibleFunctions, startupScript } = this.#restrictions;
    if (startupScript) {
      const errors: ErrorRecord[] = [];
      await this.#execute(startupScript, {}, (r) => void (r.stream === "error" && errors.push(r.value)), true);
      // A session whose startup failed would be half-made (functions missing): it is not opened at all.
      if (errors.length) {
        this.#state = "Broken";
        throw new RuntimeError(new ErrorRecord(`The startup script of session ${this.name} failed: ${errors[0].message}`, "StartupScriptFailed", "InvalidOperation", null, null));
      }
    }
    this.#evaluator.languageMode = languageMode ?? "FullLanguage";
    if (visibleCommands || visibleFunctions) this.#evaluator.visible = this.#evaluator.commands.restrict(visibleCommands ?? [], visibleFunctions ?? []);
  }

  async #execute(script: string, options: InvokeOptions, sink: ((record: StreamRecord) => void | Promise<void>) | null, trusted = false) {
    return await this.#gate(options.wait ?? true, () => {
      for (const [name, value] of Object.entries(options.using ?? {})) this.#global.set("using:" + name.toLowerCase(), value);
      const file = options.file ?? "<invoke>";
      const { ast, diagnostics } = parse(script, file);
      if (!ast) return this.#fail(parseErrorRecord(diagnostics[0], script), sink);
      const args = (options.args ?? []).map((value): RawArgument => ({ kind: "value", value: fromPlain(value) }));
      return this.#runAst(ast, script, args, options.file, sink, options.input?.map(fromPlain), trusted);
    }, options.signal);
  }

  /** One pipeline at a time (about_PSSession_Details): a synchronous request waits its turn, an asynchronous one fails. */
  async #gate<T>(wait: boolean, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.#state === "Closed" || this.#state === "Closing" || this.#state === "Broken") {
      throw new RuntimeError(new ErrorRecord(
        `Because the session state for session ${this.name}, ${this.instanceId}, localhost is not equal to Open, you cannot run a command in the session. The session state is ${this.#state}.`,
        "InvokeCommandCommandInvalidSessionState", "InvalidOperation", null, null));
    }
    if (signal?.aborted) throw new StoppedSignal();
    if (this.#running) {
      if (!wait) throw this.#busyError();
      await this.#waitTurn(signal);
    }
    const running = run();
    this.#running = running;
    const abort = () => this.#running === running && this.#evaluator.pacer.stop();
    signal?.addEventListener("abort", abort);
    try {
      return await running;
    } finally {
      signal?.removeEventListener("abort", abort);
      this.#running = null;
      this.#waiting.shift()?.();
    }
  }

  #busyError(): RuntimeError {
    return new RuntimeError(new ErrorRecord(
      `The session ${this.name}, ${this.instanceId}, localhost is not available to run commands. The session availability is Busy.`,
      "InvokeCommandCommandInvalidSessionAvailability", "ResourceBusy", null, null));
  }

  #waitTurn(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", aborted);
        this.#waiting = this.#waiting.filter((w) => w !== turn);
      };
      const turn = () => {
        leave();
        resolve();
      };
      const aborted = () => {
        leave();
        reject(new StoppedSignal());
      };
      signal?.addEventListener("abort", aborted);
      const timer = setTimeout(() => {
        leave();
        reject(new RuntimeError(new ErrorRecord(
          `The command was not run: session ${this.name} was still running another command after ${this.#busyWaitMs / 1000} seconds. ` +
            "Try again when it is done, or stop it (Ctrl+C, Stop-Job, Invoke-Command -AsJob).",
          "SessionBusyTimeout", "OperationTimeout", null, null)));
      }, this.#busyWaitMs);
      this.#waiting.push(turn);
    });
  }

  #record(record: StreamRecord): void | Promise<void> {
    if (this.#sink) return this.#sink(record);
    const host = this.#host;
    if (!host) return;
    switch (record.stream) {
      case "output": return host.output(record.value);
      case "error": return host.error(record.value);
      case "host": return host.host(record.value);
      case "warning": return host.warning?.(record.value);
      case "verbose": return host.verbose?.(record.value);
      case "information": return host.information?.(record.value);
      case "debug": return host.debug?.(record.value);
      case "progress": return host.progress?.(record.value);
    }
  }

  #fail(record: ErrorRecord, sink: ((record: StreamRecord) => void) | null) {
    this.#global.setStatus(false);
    const errors = this.#global.lookup("Error")?.value;
    if (Array.isArray(errors)) errors.unshift(record);
    this.#sink = sink;
    this.#record({ stream: "error", value: record });
    this.#sink = null;
    return Promise.resolve({ exitCode: null, failed: true, stopped: false });
  }

  #runAst(ast: ScriptBlock, source: string, args: RawArgument[], file: string | undefined, sink: ((record: StreamRecord) => void) | null, input?: unknown[], trusted = false) {
    const scope = file ? new Scope(this.#global, true) : this.#global;
    if (file) {
      scope.set("PSScriptRoot", file.slice(0, file.lastIndexOf("/")) || ".");
      scope.set("PSCommandPath", file);
    }
    const caller = this.#evaluator.frame(this.#global, source, trusted);
    this.#evaluator.pacer.start();
    this.#sink = sink;
    const pacer = this.#evaluator.pacer;
    // A sink that makes the pipeline wait (backpressure) must not outlast a stop: the wait is the pacer's.
    const emit = (value: unknown) => {
      const written = this.#record({ stream: "output", value });
      return written instanceof Promise ? pacer.wait(written) : written;
    };
    type Outcome = { exitCode: number | null; failed: boolean; stopped: boolean };
    const completed = tryCatch((): Maybe<Outcome> => {
      if (!trusted) checkLanguage(ast, this.#evaluator.languageMode, source);
      const command = file ? { name: file.slice(file.lastIndexOf("/") + 1), type: "ExternalScript" as const, path: file } : undefined;
      const processor = scriptBlockProcessor(this.#evaluator, ast, source, null, args, caller, ast, emit, { scope, hasUpstream: input !== undefined, trusted, command, invocationName: file });
      const body = () => (input === undefined ? processor.run() : eachInOrder(input, (item) => processor.process(item)));
      return then(processor.begin(), () => then(body(), () => then(processor.end(), () => ({ exitCode: null, failed: false, stopped: false }))));
    }, (signal): Maybe<Outcome> => {
      if (signal instanceof ExitSignal) return { exitCode: signal.code, failed: false, stopped: false };
      if (signal instanceof BreakSignal) return { exitCode: null, failed: false, stopped: false };
      if (signal instanceof StoppedSignal) {
        this.#record({ stream: "error", value: new ErrorRecord(signal.message, "PipelineStopped", "OperationStopped", null, null) });
        return { exitCode: null, failed: false, stopped: true };
      }
      const record = signal instanceof RuntimeError ? signal.record : internalError(signal, ast, source);
      this.#global.setStatus(false);
      const errors = this.#global.lookup("Error")?.value;
      if (Array.isArray(errors)) errors.unshift(record);
      this.#record({ stream: "error", value: record });
      return { exitCode: null, failed: true, stopped: false };
    });
    return Promise.resolve(completed).finally(() => {
      this.#sink = null;
    });
  }

  /** The approximate bytes the session's global variables hold, counted up to `budget` (the server's memory limit). */
  variablesSize(budget?: number): number {
    return approximateSize([...this.#global.variables.values()].map((v) => v.value), budget);
  }

  /** The session's current location (`$PWD`), for the prompt. */
  get location(): string {
    return String(this.#global.lookup("PWD")?.value ?? "");
  }

  /** The remote session the interactive host has entered (Enter-PSSession), or null. */
  get entered(): EnteredSession | null {
    return this.#entered;
  }

  /** Enters a remote session, or (null) leaves the entered one — closing it if it was a temporary one. */
  async enter(target: EnteredSession | null): Promise<void> {
    const left = this.#entered;
    this.#entered = target;
    if (left && left !== target && left.temporary) await left.runspace.close().catch(() => {});
  }

  #sessionPort(): SessionPort {
    const policy = () => this.#policy;
    const jobs = this.#jobs;
    const startJob: SessionPort["startJob"] = (spec) => {
      if (spec.runner) {
        const job = jobs.add(spec.command, spec.name, spec.runner.type, spec.runner.location, spec.runner.children);
        const runner = spec.runner.create((child, outcome) => JobTable.finishChild(job, child, outcome));
        job.start(runner as JobRunspace, spec.script, spec.args, null);
        return job;
      }
      const job = jobs.add(spec.command, spec.name);
      // A job's runspace: a copy of this session's environment and location, no profile, the `$using:` values.
      const variables: Record<string, unknown> = {};
      for (const [name, value] of spec.using) variables["using:" + name] = value;
      const runspace = new LocalRunspace({
        name: job.name,
        env: Object.fromEntries(this.#env),
        location: String(this.#global.lookup("PWD")?.value ?? ""),
        variables,
        commands: this.#extraCommands,
        // A job runs under the same restrictions as the session that started it, or it would be a way out.
        languageMode: this.#evaluator.languageMode,
        visibleCommands: this.#restrictions.visibleCommands,
        visibleFunctions: this.#restrictions.visibleFunctions,
        trustedPublishers: this.#policy.trusted,
      });
      job.start(runspace, spec.script, spec.args, spec.initialization);
      return job;
    };
    return {
      name: this.name,
      extensions: this.#extensions,
      enter: (target) => this.enter(target),
      entered: () => this.#entered,
      onClose: (cleanup) => void this.#cleanups.push(cleanup),
      environment: () => this.#env,
      executionPolicy: (scope) => (scope ? policy().get(scope) : policy().effective()),
      setExecutionPolicy: (value, scope) => policy().set(value, scope),
      authorizeScript: (path, text, at) => {
        const warning = policy().authorize(path, text, at);
        if (warning) void this.#record({ stream: "warning", value: warning });
      },
      scriptSignature: (text) => policy().signature(text),
      startJob,
      jobs: () => jobs.list(),
      removeJob: (job) => jobs.remove(job as Job),
    };
  }
}
