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

export type RunspaceState = "BeforeOpen" | "Opening" | "Opened" | "Disconnected" | "Closing" | "Closed" | "Broken";
export type RunspaceAvailability = "Available" | "Busy" | "None";

/** One record a command produced, on the stream it was written to. */
export type StreamRecord =
  | { stream: "output"; value: unknown }
  | { stream: "error"; value: ErrorRecord }
  | { stream: "host" | "warning" | "verbose" | "debug"; value: string }
  | { stream: "information" | "progress"; value: unknown };

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

export interface Runspace {
  /** Unique for the life of the process (and across processes: a GUID). */
  readonly instanceId: string;
  /** A small integer, unique within this client process. */
  readonly id: number;
  readonly name: string;
  readonly state: RunspaceState;
  readonly availability: RunspaceAvailability;
  open(): Promise<void>;
  /** Runs script text in the session's global scope (one pipeline at a time). */
  invoke(script: string, options?: InvokeOptions): Promise<InvokeResult>;
  /** Stops the running pipeline, if any; resolves once it has ended. */
  stop(): Promise<void>;
  close(): Promise<void>;
}
