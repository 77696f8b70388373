/**
 * What a built-in command is to the engine: a name, aliases, a declarative parameter table and begin/process/end
 * steps that write to the pipeline through their context. The engine knows this shape; src/commands fills it.
 */
import type { ParameterSpec } from "./binder.ts";
import type { Maybe } from "./maybe.ts";
import type { Pacer } from "./pacer.ts";
import type { Scope } from "./scope.ts";

/**
 * A cmdlet's .NET class name, which its error ids end with (`PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand`).
 *
 * @example
 * ```ts
 * cmdletId("Get-Random"); // "Microsoft.PowerShell.Commands.GetRandomCommand"
 * ```
 */
export const cmdletId = (name: string): string => `Microsoft.PowerShell.Commands.${name.replace("-", "")}Command`;

/**
 * Where records that are not pipeline output go (the runspace's host): a command writes warnings, verbose text and
 * other streams through `ctx.host`, and asks the user through `prompt`.
 *
 * @example
 * ```ts
 * const command: BuiltinCommand = {
 *   name: "Test-Careful",
 *   parameters: [],
 *   end: (ctx) => ctx.host.warning("careful"),
 * };
 * ```
 */
export interface EngineHost {
  /** Writes an error record (prefer `ctx.writeError`, which honours -ErrorAction). */
  error(record: import("./errors.ts").ErrorRecord): void;
  /** Writes Write-Host text (include the newline). */
  host(text: string): void;
  /** Writes to the warning stream (shown as `WARNING: text`, subject to $WarningPreference). */
  warning(text: string): void;
  /** Writes to the verbose stream. */
  verbose(text: string): void;
  /** Any other stream — debug (text), information and progress (records) — or one of the above by name. */
  write(stream: OtherStream, value: unknown): void;
  /** Asks the user for a line (Read-Host, Get-Credential); null when nobody can answer. */
  prompt(text: string, secret: boolean): Promise<string | null>;
  /** The user reads this process's stderr (the CLI): a native program's stderr may pass straight to it. */
  showsNativeStderr?: boolean;
}

/**
 * The streams besides output and error (about_Output_Streams).
 *
 * @example
 * ```ts
 * const write = (ctx: CommandContext, stream: OtherStream, value: unknown) => ctx.host.write(stream, value);
 * ```
 */
export type OtherStream = "host" | "warning" | "verbose" | "debug" | "information" | "progress";

/**
 * A background job as commands see it (Start-Job, Get-Job, Receive-Job).
 *
 * @example
 * ```ts
 * const waitAll = (ctx: CommandContext) => Promise.all(ctx.session.jobs().map((job) => job.finished()));
 * ```
 */
export interface JobHandle {
  /** The job's number in this session (Get-Job's Id). */
  readonly id: number;
  /** The job's name (`Job<Id>` unless one was given). */
  readonly name: string;
  /** NotStarted, Running, Completed, Failed, Stopped or Disconnected. */
  readonly state: string;
  /** True while the job has records nobody has received. */
  readonly hasMoreData: boolean;
  /** The job's object, as Get-Job writes it. */
  readonly view: object;
  /** Takes the output and error records produced so far (leaves them with `keep`). */
  receive(keep: boolean): { output: unknown[]; errors: import("./errors.ts").ErrorRecord[]; messages: { stream: OtherStream; value: unknown }[] };
  /** Resolves when the job reaches Completed, Failed or Stopped. */
  finished(): Promise<void>;
  /** Stops the job (Stop-Job); resolves once it has ended. */
  stop(): Promise<void>;
}

/**
 * Runs a job's script somewhere other than a new local runspace (Invoke-Command -AsJob's remote sessions).
 *
 * @example
 * ```ts
 * const inline: JobRunner = {
 *   invoke: async (_script, { onRecord }) => (onRecord?.({ stream: "output", value: 42 }), { failed: false, stopped: false }),
 *   stop: async () => {},
 *   close: async () => {},
 * };
 * ```
 */
export interface JobRunner {
  /** Runs the script, passing each record on; resolves with how it ended. */
  invoke(script: string, options: {
    args?: unknown[];
    /** `child`: which of the job's children (computers) the record belongs to. */
    onRecord?: (record: { stream: string; value: unknown }, child?: number) => void;
  }): Promise<{ failed: boolean; stopped: boolean }>;
  /** Stops the running script. */
  stop(): Promise<void>;
  /** Releases what the runner holds (remote sessions); called when the job is removed. */
  close(): Promise<void>;
  /** True while the remote session the job waits on is disconnected. */
  isDisconnected?(): boolean;
}

/**
 * What to run as a job (Start-Job, Invoke-Command -AsJob, a trailing `&`).
 *
 * @example
 * ```ts
 * const spec: JobSpec = { script: "Start-Sleep 1; 'done'", name: "nap", args: [], using: new Map(), initialization: null, command: "Start-Sleep 1; 'done'" };
 * ```
 */
export interface JobSpec {
  /** The script text the job runs. */
  script: string;
  /** The job's name, or null for `Job<Id>`. */
  name: string | null;
  /** Values for the script's `param()` / `$args`. */
  args: unknown[];
  /** `$using:` values, by lower-case name. */
  using: Map<string, unknown>;
  /** A script run first in the job's session (Start-Job -InitializationScript), or null. */
  initialization: string | null;
  /** The command text Get-Job shows. */
  command: string;
  /**
   * Where the job runs; by default a new local runspace (a BackgroundJob). `children` names a child job per
   * computer; `create` gets the function that reports each child's end.
   */
  runner?: {
    /** Makes the runner; call `childDone` as each child ends. */
    create(childDone: (child: number, outcome: { failed: boolean; stopped: boolean }) => void): JobRunner;
    /** The job's PSJobTypeName (`RemoteJob`). */
    type: string;
    /** The job's Location (the computers). */
    location: string;
    /** One child job per name (computer). */
    children: string[];
  };
}

/**
 * A remote session the interactive host has entered (Enter-PSSession): the REPL sends what the user types to it.
 *
 * @example
 * ```ts
 * const prompt = (entered: EnteredSession | null, path: string) => `${entered ? `[${entered.computerName}]: ` : ""}PS ${path}> `;
 * ```
 */
export interface EnteredSession {
  /** The remote runspace (the Runspace interface of the runspace layer). */
  readonly runspace: {
    /** Runs one statement there, passing each record on. */
    invoke(script: string, options?: { onRecord?: (record: { stream: string; value: unknown }) => void | Promise<void> }): Promise<unknown>;
    /** Stops the running statement (Ctrl+C). */
    stop(): Promise<void>;
    /** Closes the session. */
    close(): Promise<void>;
  };
  /** The name the prompt shows: `[name]: PS /path> `. */
  readonly computerName: string;
  /** Entered with -ComputerName: the session is closed on exit; an entered -Session stays open. */
  readonly temporary: boolean;
}

/**
 * What the session (runspace) provides to commands: its name, environment, execution policy and job table.
 *
 * @example
 * ```ts
 * const whereAmI: BuiltinCommand = {
 *   name: "Get-SessionName",
 *   parameters: [],
 *   end: (ctx) => ctx.emit(`${ctx.session.name} (${ctx.session.executionPolicy()})`),
 * };
 * ```
 */
export interface SessionPort {
  /** The runspace's name. */
  readonly name: string;
  /** Per-session state that commands from upper layers keep (keyed by their own names). */
  readonly extensions: Map<string, unknown>;
  /**
   * Enter-PSSession: from the next statement on, the interactive host sends what the user types to `target`
   * (until Exit-PSSession). Null leaves the entered session.
   */
  enter(target: EnteredSession | null): Promise<void>;
  /** The entered remote session, or null. */
  entered(): EnteredSession | null;
  /** Runs `cleanup` when the session closes (a remoting client says goodbye to its servers). */
  onClose(cleanup: () => Promise<void> | void): void;
  /** The session's own environment (`$env:`), for the env: drive. */
  environment(): Map<string, string>;
  /** The effective policy, or the one set at `scope` (Process, CurrentUser, LocalMachine). */
  executionPolicy(scope?: string): string;
  /** Sets the policy at `scope` (Set-ExecutionPolicy); throws a RuntimeError for an unknown policy or scope. */
  setExecutionPolicy(policy: string, scope: string): void;
  /**
   * Throws a RuntimeError at `at` when the execution policy does not let the script file `path` (text `text`) run;
   * warns when it runs but came from another computer.
   */
  authorizeScript(path: string, text: string, at: { span: import("../../grammar/ast.ts").Span; source: string | null }): void;
  /** A script's signature checked against the session's trusted publishers (Get-RshSignature). */
  scriptSignature(text: string): { status: string; message: string; signer: string | null };
  /** Starts a job and returns at once. */
  startJob(spec: JobSpec): JobHandle;
  /** The session's jobs, oldest first. */
  jobs(): JobHandle[];
  /** Removes a finished job from the table (Remove-Job). */
  removeJob(job: JobHandle): void;
}

/**
 * What a command's begin/process/end steps get: ways to write to the pipeline and the other streams, the session's
 * variables (`scope`), the stop signal (`pacer`) and services (`session`). It is a class instance: `emit` and
 * `emitAll` may be passed around detached; to derive a context use `Object.create(ctx)` (a spread loses methods).
 *
 * @example
 * ```ts
 * const counter: BuiltinCommand = {
 *   name: "Add-Count",
 *   parameters: [],
 *   process: (ctx) => ctx.scope.global.set("count", Number(ctx.scope.lookup("count")?.value ?? 0) + 1),
 * };
 * ```
 */
export interface CommandContext {
  /**
   * Writes an object to the command's output (the next command, or the host at the end). When the downstream waits
   * it returns a promise: return it (or chain on it) so that objects stay in order.
   */
  emit(value: unknown): Maybe<void>;
  /** Writes each value in order (see emit). */
  emitAll(values: readonly unknown[]): Maybe<void>;
  /** Writes a non-terminating error (terminating under -ErrorAction Stop). */
  writeError(message: string, errorId: string, commandName?: string): void;
  /**
   * An error record positioned at this command's call, for a command that fills in more before writing it with
   * `writeErrorRecord` (Write-Error's -Category, -TargetObject, -Exception); the category follows the id by default.
   */
  newErrorRecord(message: string, errorId: string, commandName?: string, category?: string, targetObject?: unknown): import("./errors.ts").ErrorRecord;
  /** Writes an existing error record (a job's, a remote session's) as a non-terminating error. */
  writeErrorRecord(record: import("./errors.ts").ErrorRecord): void;
  /** The other streams (warning, verbose, host, progress …) and prompts. */
  readonly host: EngineHost;
  /** The caller's scope: `lookup(name)` reads a variable through the scope chain, `set` sets one here. */
  readonly scope: Scope;
  /** The running pipeline's stop signal and waits (Start-Sleep, jobs). */
  readonly pacer: Pacer;
  /** The session's services: execution policy, environment, jobs. */
  readonly session: SessionPort;
  /**
   * The command table (built-ins and their aliases), for Get-Alias and Get-Command.
   * @ignore
   */
  readonly commands: import("./commands.ts").CommandTable;
  /**
   * The language mode the calling text runs under (about_Language_Modes): the session's, or FullLanguage for the
   * operator's trusted code. A command that makes types (New-Object) honours it.
   */
  readonly languageMode: import("./language_mode.ts").LanguageMode;
  /** Parses and runs `text` in the caller's scope (Invoke-Expression), returning what it wrote. */
  evaluateText(text: string): Maybe<unknown[]>;
  /**
   * Ends the commands before this one in the pipeline (Select-Object -First has what it needs); this command and
   * those after it go on to their end blocks.
   */
  stopUpstream(): never;
  /** Runs a script block in the caller's own scope with `$_` set to `item` (ForEach-Object, Where-Object). */
  invokeInScope(block: unknown, item: unknown): Maybe<unknown[]>;
  /**
   * Runs a script block in the caller's own scope with `$_` set to `item`; what it writes goes on to this command's
   * output as it is written (ForEach-Object: `1..1e6 | % { $_ } | select -First 1` stops after one).
   */
  runInScope(block: unknown, item: unknown): Maybe<void>;
  /**
   * Runs a script block with `$_` set to `item` (and `args`), returning what it wrote. `variables` are set in a scope
   * between the caller's and the block's (Add-Member's script members see the object as `$this`).
   */
  invoke(block: unknown, item: unknown, args?: unknown[], variables?: Record<string, unknown>): Maybe<unknown[]>;
  /**
   * ShouldProcess, for a command whose table has SHOULD_PROCESS: whether to go on with `action` on `target`. Under
   * -WhatIf (or `$WhatIfPreference`) it writes `What if: Performing the operation "action" on target "target".` to
   * the host and answers false; under -Confirm it asks (Yes, Yes to All, No, No to All; nobody to ask is No).
   */
  shouldProcess(target: string, action: string): Maybe<boolean>;
  /** The function call this command runs in (its name and call site), or null outside functions. */
  readonly invocation: import("./expressions.ts").Invocation | null;
}

/**
 * The risk-mitigation parameters of a command that changes something (about_CommonParameters: -WhatIf, -Confirm):
 * put them in its table and ask `ctx.shouldProcess` before each change.
 *
 * @example
 * ```ts
 * const parameters = [{ name: "Path", position: 0, type: "string" }, ...SHOULD_PROCESS];
 * ```
 */
export const SHOULD_PROCESS: ParameterSpec[] = [
  { name: "WhatIf", aliases: ["wi"], type: "switch" },
  { name: "Confirm", aliases: ["cf"], type: "switch" },
];

/**
 * A command: a name, a declarative parameter table and begin/process/end steps. Give your own to a runspace with
 * `LocalRunspaceOptions.commands`; the built-ins' binder then handles named, positional, pipeline and switch
 * parameters, conversions and their errors before a step runs. Plain JS objects a host command emits arrive as
 * PSCustomObjects.
 *
 * @example
 * ```ts
 * import { type BuiltinCommand, LocalRunspace } from "rsh";
 * const greet: BuiltinCommand = {
 *   name: "Get-Greeting",
 *   parameters: [{ name: "Name", position: 0, type: "string", mandatory: true }],
 *   process: (ctx, params) => ctx.emit(`hello ${params.get("Name")}`),
 * };
 * const { output } = await new LocalRunspace({ commands: [greet] }).invoke("Get-Greeting ada");
 * console.log(output); // ["hello ada"]
 * ```
 */
export interface BuiltinCommand {
  /** The command's name (Verb-Noun); lookup ignores case. */
  name: string;
  /** Other names for it (`gci`). */
  aliases?: string[];
  /** The parameters, bound before the steps run. */
  parameters: ParameterSpec[];
  /** Per-invocation state lives in the object begin() returns (or resolves to). */
  begin?(ctx: CommandContext, params: Map<string, unknown>): unknown;
  /**
   * Called once per pipeline object (`input`), or once with `undefined` when nothing is piped in. Return the
   * promise `ctx.emit` returns so that output stays in order.
   */
  process?(ctx: CommandContext, params: Map<string, unknown>, input: unknown, state: unknown): Maybe<void>;
  /** Called once after the last input. */
  end?(ctx: CommandContext, params: Map<string, unknown>, state: unknown): Maybe<void>;
  /**
   * A command whose code loads on first use: this entry has only the name and aliases; `load` gives the whole
   * command (parameter table and steps). It keeps start-up fast for families most runs never call (remoting).
   */
  load?(): Promise<BuiltinCommand>;
}
