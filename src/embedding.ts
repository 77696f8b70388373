/**
 * Conveniences of the embedding API (src/mod.ts): results as plain JS values, a record stream as an async
 * iterator, a remote computer's sessions, and a server configuration from an object.
 */
import { ErrorRecord } from "./engine/errors.ts";
import { Connection, RemoteRunspace, type SessionInfo, type Target } from "./remoting/client.ts";
import { parseConfig, type ServerConfig } from "./remoting/config.ts";
import { nextRunspaceId } from "./runspace/runspace.ts";
import type { InvokeOptions, Runspace, StreamRecord } from "./runspace/runspace.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "./values/objects.ts";

/**
 * A value as plain JS data: hashtables and objects become plain objects (in order), arrays stay arrays.
 *
 * @example
 * ```ts
 * import { LocalRunspace, type Plain, toPlain } from "rsh";
 * const { output } = await new LocalRunspace().invoke("@{ Name = 'rsh'; Tags = 'a', 'b' }");
 * const value: Plain = toPlain(output[0]); // { Name: "rsh", Tags: ["a", "b"] }
 * ```
 */
export type Plain = null | boolean | number | string | Date | Plain[] | { [key: string]: Plain };

/**
 * Converts an rsh value to plain JS data: strings, numbers, booleans, null, Date, arrays, and plain objects for
 * hashtables and PSCustomObjects. Error records become `{ message, errorId, category }`; other values their text.
 *
 * @example
 * ```ts
 * import { LocalRunspace, toPlain } from "rsh";
 * const { output } = await new LocalRunspace().invoke("[pscustomobject]@{ Name = 'a'; Size = 3 }");
 * console.log(toPlain(output[0])); // { Name: "a", Size: 3 }
 * ```
 */
export function toPlain(value: unknown): Plain {
  // One argument only, so that `output.map(toPlain)` works (map's index is not a cycle set).
  return plain(value, new Set());
}

/** toPlain with the objects on the current path, so a cycle ends in null. */
function plain(value: unknown, seen: Set<object>): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof NotedScalar) return plain(value.base, seen);
  if (typeof value !== "object") return String(value);
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => plain(v, seen));
    if (value instanceof PSHashtable) return Object.fromEntries(value.entries().map(([k, v]) => [String(k), plain(v, seen)]));
    if (value instanceof PSCustomObject) return Object.fromEntries(value.names().map((n) => [n, plain(value.get(n), seen)]));
    if (value instanceof ErrorRecord) return { message: value.message, errorId: value.fullyQualifiedErrorId, category: value.category };
    return String(value);
  } finally {
    seen.delete(value);
  }
}

/**
 * Runs a script and yields its records as they are produced (every stream). The script waits while the consumer
 * is behind (backpressure), and breaking out of the loop stops it.
 *
 * @example
 * ```ts
 * import { invokeStream, LocalRunspace } from "rsh";
 * const runspace = new LocalRunspace();
 * for await (const record of invokeStream(runspace, "1..3 | ForEach-Object { $_ * 2 }")) {
 *   if (record.stream === "output") console.log(record.value); // 2, 4, 6
 * }
 * ```
 */
export async function* invokeStream(runspace: Runspace, script: string, options: Omit<InvokeOptions, "onRecord"> = {}): AsyncGenerator<StreamRecord> {
  const queue: StreamRecord[] = [];
  let wake: (() => void) | null = null;
  let resume: (() => void) | null = null;
  let finished = false;
  let failure: unknown = null;
  const stop = new AbortController();
  options.signal?.addEventListener("abort", () => stop.abort());
  const running = runspace.invoke(script, {
    ...options,
    signal: stop.signal,
    onRecord: (record) => {
      queue.push(record);
      wake?.();
      // Output waits while the consumer has 1000 records to read.
      if (record.stream === "output" && queue.length >= 1000) return new Promise<void>((r) => (resume = r));
    },
  }).then(() => void (finished = true), (e) => {
    failure = e;
    finished = true;
  }).finally(() => wake?.());
  try {
    while (true) {
      if (queue.length) {
        const record = queue.shift()!;
        if (queue.length < 500 && resume) {
          const r: () => void = resume;
          resume = null;
          r();
        }
        yield record;
        continue;
      }
      if (finished) break;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    if (failure) throw failure;
  } finally {
    if (!finished) stop.abort();
    (resume as (() => void) | null)?.();
    await running;
  }
}

/**
 * A server and the current user's sessions on it, over one connection.
 *
 * @example
 * ```ts
 * import { RemoteComputer } from "rsh";
 * const computer = await RemoteComputer.connect({ computerName: "localhost", port: 5995, home: "/home/ada" });
 * const session = await computer.open("work");
 * const { output } = await session.invoke("$PSVersionTable.PSVersion");
 * await computer.close();
 * ```
 */
export class RemoteComputer {
  private constructor(readonly connection: Connection, readonly computerName: string) {}

  /** Connects and logs in (see Connection.open for the errors). */
  static async connect(target: Target): Promise<RemoteComputer> {
    return new RemoteComputer(await Connection.open(target), target.computerName);
  }

  /** Creates a persistent session (New-PSSession). */
  async open(name?: string, options: { configurationName?: string; idleTimeoutSec?: number; outputBufferingMode?: "Block" | "Drop" } = {}): Promise<RemoteRunspace> {
    const id = nextRunspaceId();
    const info = await this.connection.request("session.create", {
      name: name ?? `Runspace${id}`,
      configurationName: options.configurationName ?? null,
      idleTimeoutSec: options.idleTimeoutSec ?? null,
      outputBufferingMode: options.outputBufferingMode ?? null,
    }) as unknown as SessionInfo;
    return new RemoteRunspace(this.connection, info, this.computerName, id);
  }

  /** The current user's sessions on the server, from any client (Get-PSSession -ComputerName). */
  async list(): Promise<SessionInfo[]> {
    return await this.connection.request("session.list", {}) as unknown as SessionInfo[];
  }

  /** Connects to an existing session (Connect-PSSession); use `receive` on it for output produced while away. */
  async attach(instanceId: string): Promise<RemoteRunspace> {
    const info = (await this.list()).find((s) => s.instanceId === instanceId);
    if (!info) throw new Error(`There is no session ${instanceId} of this user on ${this.computerName}.`);
    const runspace = new RemoteRunspace(this.connection, info, this.computerName, nextRunspaceId(), false);
    await runspace.connect();
    return runspace;
  }

  /** Says goodbye: the server closes this client's idle sessions; those running a command stay, Disconnected. */
  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * A server configuration from an object with the keys of `rsh serve --config` (checked the same way).
 *
 * @example
 * ```ts
 * import { RshServer, serverConfig } from "rsh";
 * const server = await RshServer.start({ config: serverConfig({ idleTimeoutSec: 600 }), port: 0, osUser: "me", home: "/srv/rsh", env: {} });
 * await server.close();
 * ```
 */
export function serverConfig(config: Record<string, unknown> = {}): ServerConfig {
  return parseConfig(JSON.stringify(config));
}
