/**
 * RemoteRunspace: the Runspace interface over a session that lives on a server (through a Connection, one per server
 * and user), so cmdlets, jobs and the REPL drive it like a local one — and can disconnect from it and connect again.
 */
export { Connection, connectFailure, type Credential, DEFAULT_PORT, resolveTarget, type Target } from "./connection.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { nextRunspaceId } from "../runspace/runspace.ts";
import type { InvokeOptions, InvokeResult, Runspace, RunspaceAvailability, RunspaceState, StreamRecord } from "../runspace/runspace.ts";
import type { Connection } from "./connection.ts";
import { serialize } from "./serializer.ts";
import { PSHashtable } from "../values/objects.ts";

function hashtableOf(values: Record<string, unknown>): PSHashtable {
  const table = new PSHashtable();
  for (const [k, v] of Object.entries(values)) table.set(k, v);
  return table;
}

/**
 * A session's description as the server gives it (`RemoteComputer.list`, Get-PSSession -ComputerName).
 *
 * @example
 * ```ts
 * const idle = (sessions: SessionInfo[]) => sessions.filter((s) => s.state === "Disconnected" && s.availability === "None");
 * ```
 */
export interface SessionInfo {
  /** The session's GUID, the same for every client. */
  instanceId: string;
  /** The session's name. */
  name: string;
  /** The session configuration it was created with (`rsh` by default). */
  configurationName: string;
  /** Opened when held by a live client, else Disconnected. */
  state: RunspaceState;
  /** Busy while a command runs in a session someone holds; None when nobody holds it. */
  availability: RunspaceAvailability;
  /** True when this client's connection holds the session. */
  connectedHere: boolean;
}

/**
 * A command of the session as `RemoteRunspace.connect` reports it.
 *
 * @example
 * ```ts
 * const report = (commands: AttachedCommand[]) => commands.map((c) => `${c.command}: ${c.lastSeq} records, ${c.dropped} dropped`);
 * ```
 */
export interface AttachedCommand {
  /** The command's id. */
  command: string;
  /** The last record this client has of it (0: none). */
  lastSeq: number;
  /** Records dropped while nobody was connected (OutputBufferingMode Drop). */
  dropped: number;
}

const notOpen = (r: RemoteRunspace) =>
  new RuntimeError(new ErrorRecord(
    `Because the session state for session ${r.name}, ${r.instanceId}, ${r.computerName} is not equal to Open, you cannot run a command in the session. The session state is ${r.state}.`,
    "InvokeCommandCommandInvalidSessionState",
    "InvalidOperation",
    null,
    null,
  ));

/**
 * A session that lives on a server, driven through the Runspace interface, plus what only a remote session does:
 * `start` a command and leave it running, `disconnect`, `connect` again, `receive` what it wrote meanwhile. Get one
 * from RemoteComputer (`open`, `attach`).
 *
 * @example
 * ```ts
 * import { RemoteComputer } from "rsh";
 * const computer = await RemoteComputer.connect({ computerName: "localhost", home: "/home/ada" });
 * const session = await computer.open("work");
 * await session.invoke("$count = 41");
 * console.log((await session.invoke("$count + 1")).output); // [42]
 * await session.disconnect();
 * await computer.close();
 * ```
 */
export class RemoteRunspace implements Runspace {
  #state: RunspaceState;
  #running: string | null = null;

  /** Made by RemoteComputer (and the remoting cmdlets); `held` false for a session only seen in a list. */
  constructor(
    /** The connection the session is reached through (replaced after a lost one, on `connect`). */
    public connection: Connection,
    /** The session as the server described it. */
    readonly info: SessionInfo,
    /** The computer's name as the user wrote it. */
    readonly computerName: string,
    /** This client's id for the session (PowerShell's Id: per client, not per server). */
    readonly id = nextRunspaceId(),
    /** Whether this client holds the session (created or connected it) or only saw it listed. */
    held = true,
    /** A live connection to the same server, for connecting again after this one was lost. */
    readonly reconnect: (() => Promise<Connection>) | null = null,
  ) {
    this.#state = held ? "Opened" : "Disconnected";
    if (held) connection.attached.add(info.instanceId);
  }

  /** The session's GUID. */
  get instanceId(): string {
    return this.info.instanceId;
  }

  /** The session's name. */
  get name(): string {
    return this.info.name;
  }

  /** The session configuration it was created with. */
  get configurationName(): string {
    return this.info.configurationName;
  }

  /**
   * Opened while connected (also while the connection is being restored); when the connection is lost for good, a
   * session with a command running is Disconnected (reconnect later), an idle one Broken.
   */
  get state(): RunspaceState {
    if (this.#state === "Opened" && this.connection.isLost) return this.#running ? "Disconnected" : "Broken";
    return this.#state;
  }

  /** Busy while a command runs, Available when Opened and idle, None otherwise. */
  get availability(): RunspaceAvailability {
    if (this.state !== "Opened") return "None";
    return this.#running ? "Busy" : "Available";
  }

  /** A remote session is open once created; nothing to do. */
  open(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Runs script text in the session (see Runspace.invoke); throws PowerShell's "session state is not equal to
   * Open" RuntimeError unless the session is Opened. Values come back deserialized.
   */
  async invoke(script: string, options: InvokeOptions = {}): Promise<InvokeResult> {
    if (this.state !== "Opened") throw notOpen(this);
    const id = crypto.randomUUID();
    const result: InvokeResult = { output: [], errors: [], exitCode: null, failed: false, stopped: false };
    const finished = new Promise<InvokeResult>((resolve, reject) => {
      this.connection.follow(id, {
        onRecord: (record) => {
          if (record.stream === "error") result.errors.push(record.value);
          if (options.onRecord) options.onRecord(record);
          else if (record.stream === "output") result.output.push(record.value);
        },
        done: (outcome) => resolve({ ...result, ...outcome }),
        lost: reject,
      });
    });
    // If the start fails, `finished` is rejected too (the connection was lost): that rejection is the start's.
    finished.catch(() => {});
    const encode = (values: unknown[] | undefined) => (values === undefined ? null : serialize(values).data);
    try {
      await this.connection.request("command.start", {
        session: this.instanceId,
        command: id,
        script,
        args: encode(options.args),
        input: encode(options.input),
        using: options.using ? serialize(hashtableOf(options.using)).data : null,
        wait: options.wait ?? true,
      });
    } catch (e) {
      this.connection.unfollow(id);
      throw e;
    }
    this.#running = id;
    try {
      return await finished;
    } finally {
      // A command cut off by a lost connection is still running on the server: the session is Disconnected.
      if (this.#running === id && !this.connection.isLost) this.#running = null;
    }
  }

  /** Starts a command and returns without waiting for it (Invoke-Command -InDisconnectedSession). */
  async start(script: string, options: InvokeOptions = {}): Promise<void> {
    if (this.state !== "Opened") throw notOpen(this);
    const encode = (values: unknown[] | undefined) => (values === undefined ? null : serialize(values).data);
    await this.connection.request("command.start", {
      session: this.instanceId,
      command: crypto.randomUUID(),
      script,
      args: encode(options.args),
      input: encode(options.input),
      using: options.using ? serialize(hashtableOf(options.using)).data : null,
      wait: options.wait ?? true,
    });
  }

  /** Disconnect-PSSession: the session goes Disconnected; a running command keeps running on the server. */
  async disconnect(options: { idleTimeoutSec?: number; outputBufferingMode?: string } = {}): Promise<void> {
    if (this.state !== "Opened") throw notOpen(this);
    await this.connection.request("session.disconnect", {
      instanceId: this.instanceId,
      idleTimeoutSec: options.idleTimeoutSec ?? null,
      outputBufferingMode: options.outputBufferingMode ?? null,
    });
    this.connection.attached.delete(this.instanceId);
    this.#state = "Disconnected";
  }

  /**
   * Connect-PSSession: attaches the session to this client again. Commands this client follows resume after their
   * last record; `onCommands` (called as the answer arrives) can follow the others (Receive-PSSession).
   */
  async connect(onCommands?: (commands: AttachedCommand[]) => void): Promise<AttachedCommand[]> {
    if (this.#state === "Closed") throw notOpen(this);
    if (this.connection.isLost && this.reconnect) this.connection = await this.reconnect();
    const answer = await this.connection.request(
      "session.connect",
      { instanceId: this.instanceId, commands: this.connection.lastSeqs() },
      (value) => onCommands?.((value as unknown as { commands: AttachedCommand[] }).commands),
    ) as unknown as { commands: AttachedCommand[]; availability: RunspaceAvailability };
    this.connection.attached.add(this.instanceId);
    this.#state = "Opened";
    // A command still running there keeps the session Busy for this client too.
    if (answer.availability === "Busy") this.#running = answer.commands.at(-1)?.command ?? "remote";
    else if (this.#running && !this.connection.isFollowing(this.#running)) this.#running = null;
    return answer.commands;
  }

  /**
   * Receive-PSSession: connects and delivers the records of every command of the session this client does not
   * follow yet — those produced while away, then the rest as they come — resolving when they are all done.
   */
  async receive(onRecord: (record: StreamRecord) => void): Promise<void> {
    const finished: Promise<void>[] = [];
    await this.connect((commands) => {
      for (const { command, lastSeq, dropped } of commands) {
        if (this.connection.isFollowing(command)) continue;
        if (dropped > 0) {
          onRecord({ stream: "warning", value: `${dropped} records of a command in session ${this.name} were dropped while it was disconnected (OutputBufferingMode Drop).` });
        }
        this.#running = command;
        finished.push(new Promise<void>((resolve, reject) => {
          this.connection.follow(command, {
            onRecord,
            done: () => {
              if (this.#running === command) this.#running = null;
              resolve();
            },
            lost: reject,
          }, lastSeq);
        }));
      }
    });
    await Promise.all(finished);
  }

  /** Stops the running command on the server (not a disconnected session's: that one is not this client's). */
  async stop(): Promise<void> {
    const running = this.#running;
    // A disconnected session's command is not this client's to stop: it goes on until someone connects.
    if (running && this.state === "Opened" && this.connection.isOpen) await this.connection.request("command.stop", { command: running });
  }

  /** Removes the session from the server (Remove-PSSession), stopping what runs in it; idempotent. */
  async close(): Promise<void> {
    if (this.#state === "Closed") return;
    this.#state = "Closing";
    try {
      if (!this.connection.isLost) await this.connection.request("session.remove", { instanceId: this.instanceId });
    } finally {
      this.connection.attached.delete(this.instanceId);
      this.#state = "Closed";
    }
  }
}
