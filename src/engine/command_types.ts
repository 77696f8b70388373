/**
 * What a built-in command is to the engine: a name, aliases, a declarative parameter table and begin/process/end
 * steps that write to the pipeline through their context. The engine knows this shape; src/commands fills it.
 */
import type { ParameterSpec } from "./binder.ts";
import type { Maybe } from "./maybe.ts";
import type { Pacer } from "./pacer.ts";
import type { Scope } from "./scope.ts";

/** Where records that are not pipeline output go (the runspace's host). */
export interface EngineHost {
  error(record: import("./errors.ts").ErrorRecord): void;
  host(text: string): void;
  warning(text: string): void;
  verbose(text: string): void;
  /** Any other stream — debug (text), information and progress (records) — or one of the above by name. */
  write(stream: OtherStream, value: unknown): void;
  /** Asks the user for a line (Read-Host, Get-Credential); null when nobody can answer. */
  prompt(text: string, secret: boolean): Promise<string | null>;
}

/** The streams besides output and error (about_Output_Streams). */
export type OtherStream = "host" | "warning" | "verbose" | "debug" | "information" | "progress";

/** A background job as commands see it (the runspace layer runs it; see src/runspace/jobs.ts). */
export interface JobHandle {
  readonly id: number;
  readonly name: string;
  readonly state: string;
  readonly hasMoreData: boolean;
  /** The job's object, as Get-Job writes it. */
  readonly view: object;
  /** Takes the output and error records produced so far (leaves them with `keep`). */
  receive(keep: boolean): { output: unknown[]; errors: import("./errors.ts").ErrorRecord[]; messages: { stream: OtherStream; value: unknown }[] };
  /** Resolves when the job reaches Completed, Failed or Stopped. */
  finished(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs a job's script somewhere other than a new local runspace (Invoke-Command -AsJob's remote sessions). */
export interface JobRunner {
  invoke(script: string, options: {
    args?: unknown[];
    /** `child`: which of the job's children (computers) the record belongs to. */
    onRecord?: (record: { stream: string; value: unknown }, child?: number) => void;
  }): Promise<{ failed: boolean; stopped: boolean }>;
  stop(): Promise<void>;
  close(): Promise<void>;
  /** True while the remote session the job waits on is disconnected. */
  isDisconnected?(): boolean;
}

export interface JobSpec {
  script: string;
  name: string | null;
  args: unknown[];
  using: Map<string, unknown>;
  initialization: string | null;
  command: string;
  /**
   * Where the job runs; by default a new local runspace (a BackgroundJob). `children` names a child job per
   * computer; `create` gets the function that reports each child's end.
   */
  runner?: {
    create(childDone: (child: number, outcome: { failed: boolean; stopped: boolean }) => void): JobRunner;
    type: string;
    location: string;
    children: string[];
  };
}

/** A remote session the interactive host has entered. */
export interface EnteredSession {
  /** The remote runspace (the Runspace interface of the runspace layer). */
  readonly runspace: {
    invoke(script: string, options?: { onRecord?: (record: { stream: string; value: unknown }) => void | Promise<void> }): Promise<unknown>;
    stop(): Promise<void>;
    close(): Promise<void>;
  };
  /** The name the prompt shows: `[name]: PS /path> `. */
  readonly computerName: string;
  /** Entered with -ComputerName: the session is closed on exit; an entered -Session stays open. */
  readonly temporary: boolean;
}

/** What the session (runspace) provides to commands: its execution policy and its job table. */
export interface SessionPort {
  readonly name: string;
  /** Per-session state that commands from upper layers keep (keyed by their own names). */
  readonly extensions: Map<string, unknown>;
  /**
   * Enter-PSSession: from the next statement on, the interactive host sends what the user types to `target`
   * (until Exit-PSSession). Null leaves the entered session.
   */
  enter(target: EnteredSession | null): Promise<void>;
  entered(): EnteredSession | null;
  /** Runs `cleanup` when the session closes (a remoting client says goodbye to its servers). */
  onClose(cleanup: () => Promise<void> | void): void;
  /** The session's own environment (`$env:`), for the env: drive. */
  environment(): Map<string, string>;
  /** The effective policy, or the one set at `scope` (Process, CurrentUser, LocalMachine). */
  executionPolicy(scope?: string): string;
  setExecutionPolicy(policy: string, scope: string): void;
  /**
   * Throws a RuntimeError at `at` when the execution policy does not let the script file `path` (text `text`) run;
   * warns when it runs but came from another computer.
   */
  authorizeScript(path: string, text: string, at: { span: import("../../grammar/ast.ts").Span; source: string | null }): void;
  /** A script's signature checked against the session's trusted publishers (Get-RshSignature). */
  scriptSignature(text: string): { status: string; message: string; signer: string | null };
  startJob(spec: JobSpec): JobHandle;
  jobs(): JobHandle[];
  removeJob(job: JobHandle): void;
}

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
  /** Writes an existing error record (a job's, a remote session's) as a non-terminating error. */
  writeErrorRecord(record: import("./errors.ts").ErrorRecord): void;
  readonly host: EngineHost;
  readonly scope: Scope;
  /** The running pipeline's stop signal and waits (Start-Sleep, jobs). */
  readonly pacer: Pacer;
  readonly session: SessionPort;
  /** The command table (built-ins and their aliases), for Get-Alias and Get-Command. */
  readonly commands: import("./commands.ts").CommandTable;
  /** Parses and runs `text` in the caller's scope (Invoke-Expression), returning what it wrote. */
  evaluateText(text: string): Maybe<unknown[]>;
  /**
   * Ends the commands before this one in the pipeline (Select-Object -First has what it needs); this command and
   * those after it go on to their end blocks.
   */
  stopUpstream(): never;
  /** Runs a script block in the caller's own scope with `$_` set to `item` (ForEach-Object, Where-Object). */
  invokeInScope(block: unknown, item: unknown): Maybe<unknown[]>;
  /** Runs a script block with `$_` set to `item` (and `args`), returning what it wrote. */
  invoke(block: unknown, item: unknown, args?: unknown[]): Maybe<unknown[]>;
}

export interface BuiltinCommand {
  name: string;
  aliases?: string[];
  parameters: ParameterSpec[];
  /** Per-invocation state lives in the object begin() returns (or resolves to). */
  begin?(ctx: CommandContext, params: Map<string, unknown>): unknown;
  process?(ctx: CommandContext, params: Map<string, unknown>, input: unknown, state: unknown): Maybe<void>;
  end?(ctx: CommandContext, params: Map<string, unknown>, state: unknown): Maybe<void>;
  /**
   * A command whose code loads on first use: this entry has only the name and aliases; `load` gives the whole
   * command (parameter table and steps). It keeps start-up fast for families most runs never call (remoting).
   */
  load?(): Promise<BuiltinCommand>;
}
