/**
 * The Runspace interface (DESIGN.md): one session, driven the same way whether it lives in this process
 * (LocalRunspace) or on a server (the remoting client's RemoteRunspace). States and availability follow
 * PowerShell's RunspaceState / RunspaceAvailability.
 */
import type { ErrorRecord } from "../engine/errors.ts";

let lastId = 0;

/** Runspace ids: small integers unique within this process, shared by local and remote runspaces (PowerShell's Id). */
export function nextRunspaceId(): number {
  return ++lastId;
}

/**
 * A runspace's life (PowerShell's RunspaceState): Disconnected and Broken happen only to remote ones.
 *
 * @example
 * ```ts
 * const usable = (state: RunspaceState) => state === "BeforeOpen" || state === "Opened";
 * ```
 */
export type RunspaceState = "BeforeOpen" | "Opening" | "Opened" | "Disconnected" | "Closing" | "Closed" | "Broken";
/**
 * Whether a runspace can take a command now (PowerShell's RunspaceAvailability): Busy while one runs, None unless Opened.
 *
 * @example
 * ```ts
 * const free = (runspace: Runspace) => runspace.availability === "Available";
 * ```
 */
export type RunspaceAvailability = "Available" | "Busy" | "None";

/**
 * One record a command produced, on the stream it was written to.
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * await new LocalRunspace().invoke("Write-Warning 'w'; 1", {
 *   onRecord: (record: StreamRecord) => console.log(record.stream, record.value), // warning w, output 1
 * });
 * ```
 */
export type StreamRecord =
  | { stream: "output"; value: unknown }
  | { stream: "error"; value: ErrorRecord }
  | { stream: "host" | "warning" | "verbose" | "debug"; value: string }
  | { stream: "information" | "progress"; value: unknown };

/**
 * How `Runspace.invoke` runs a script; every option may be left out.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const options: InvokeOptions = { args: [3], input: ["a", "b"], signal: stop.signal, wait: false };
 * ```
 */
export interface InvokeOptions {
  /** Values for the script's `param()` block / `$args`. */
  args?: unknown[];
  /** Objects piped into the script (`$input`, a `process` block). */
  input?: unknown[];
  /** The script's path, for error positions and `$PSScriptRoot`; it then runs in a script scope of its own. */
  file?: string;
  /**
   * Whether to wait when another pipeline is running: true (a synchronous invoke) waits up to the runspace's busy
   * timeout; false (an asynchronous one) fails at once with the "availability is Busy" error.
   */
  wait?: boolean;
  /** Stops the command: while it waits for its turn it never starts; while it runs it is stopped. */
  signal?: AbortSignal;
  /** `$using:` values (about_Remote_Variables), by lower-case name. */
  using?: Record<string, unknown>;
  /**
   * Called with each record as it is produced. A promise returned for an output record makes the pipeline wait
   * for it (backpressure: the remoting server holds a command whose client has not caught up).
   */
  onRecord?: (record: StreamRecord) => void | Promise<void>;
}

/**
 * What `Runspace.invoke` resolves with once the script has ended. A terminating error does not reject: it is the
 * last of `errors`, with `failed` set.
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const result: InvokeResult = await new LocalRunspace().invoke("1; throw 'boom'; 2");
 * console.log(result.output, result.failed, result.errors[0].message); // [1] true boom
 * ```
 */
export interface InvokeResult {
  /** The output objects (unless `onRecord` took them). */
  output: unknown[];
  /** Every error record, the non-terminating ones and the terminating error that ended the script. */
  errors: ErrorRecord[];
  /** N for `exit N`, else null. */
  exitCode: number | null;
  /** True when a terminating error ended the script. */
  failed: boolean;
  /** True when the pipeline was stopped. */
  stopped: boolean;
}

/**
 * One session, driven the same way whether it lives in this process (LocalRunspace) or on a server
 * (RemoteRunspace).
 *
 * @example
 * ```ts
 * const countFiles = async (runspace: Runspace) => (await runspace.invoke("(Get-ChildItem).Count")).output[0];
 * ```
 */
export interface Runspace {
  /** Unique for the life of the process (and across processes: a GUID). */
  readonly instanceId: string;
  /** A small integer, unique within this client process. */
  readonly id: number;
  /** The session's name. */
  readonly name: string;
  /** Where the session is in its life. */
  readonly state: RunspaceState;
  /** Whether it can take a command now. */
  readonly availability: RunspaceAvailability;
  /** Opens the session (a local one runs its profile if asked); `invoke` opens it too. */
  open(): Promise<void>;
  /** Runs script text in the session's global scope (one pipeline at a time). */
  invoke(script: string, options?: InvokeOptions): Promise<InvokeResult>;
  /** Stops the running pipeline, if any; resolves once it has ended. */
  stop(): Promise<void>;
  /** Ends the session: stops what runs and releases it (a remote session is removed from its server). */
  close(): Promise<void>;
}
