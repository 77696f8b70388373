/**
 * The remoting client: one WebSocket per (server, user), many sessions on it, and RemoteRunspace — the Runspace
 * interface over a session that lives on a server, so cmdlets, jobs and the REPL drive it like a local one.
 */
import WebSocket from "ws";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { nextRunspaceId } from "../runspace/runspace.ts";
import type { InvokeOptions, InvokeResult, Runspace, RunspaceAvailability, RunspaceState, StreamRecord } from "../runspace/runspace.ts";
import { readServerToken } from "./auth.ts";
import { type ClientMessage, type Operation, PROTOCOL_VERSION, type ServerMessage } from "./protocol.ts";
import { deserialize, deserializeError, serialize, type Wire } from "./serializer.ts";
import { PSHashtable } from "../values/objects.ts";

function hashtableOf(values: Record<string, unknown>): PSHashtable {
  const table = new PSHashtable();
  for (const [k, v] of Object.entries(values)) table.set(k, v);
  return table;
}

export const DEFAULT_PORT = 5995;

export interface Credential {
  user: string;
  password: string;
}

export interface Target {
  /** `host`, `host:port`, or a `ws://` / `wss://` URI. */
  computerName: string;
  port?: number;
  useSSL?: boolean;
  credential?: Credential | null;
  /** The client user's home (for the zero-config token of a local server). */
  home?: string;
  /** How long to wait for the connection and the server's welcome. */
  openTimeoutMs?: number;
  /** wss:// without checking the certificate's issuer / name (New-PSSessionOption -SkipCACheck / -SkipCNCheck). */
  skipCACheck?: boolean;
  skipCNCheck?: boolean;
}

/** The server URL and the name to show for a -ComputerName value. */
export function resolveTarget(target: Target): { url: string; computerName: string; host: string } {
  const text = target.computerName.trim();
  const uri = /^(wss?):\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+))?\/?$/i.exec(text);
  if (uri) return { url: `${uri[1].toLowerCase()}://${uri[2]}:${uri[3] ?? target.port ?? DEFAULT_PORT}`, computerName: uri[2], host: uri[2] };
  const hostPort = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text);
  const host = hostPort ? hostPort[1] : text;
  const port = hostPort?.[2] ?? target.port ?? DEFAULT_PORT;
  return { url: `${target.useSSL ? "wss" : "ws"}://${host}:${port}`, computerName: host, host };
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** PowerShell's wording when a connection cannot be made (about_Remote_Troubleshooting). */
export function connectFailure(computerName: string, reason: string): RuntimeError {
  return new RuntimeError(new ErrorRecord(
    `Connecting to remote server ${computerName} failed with the following error message : ${reason} For more information, see the about_Remote_Troubleshooting Help topic.`,
    "PSSessionOpenFailed",
    "OpenError",
    null,
    null,
  ));
}

interface CommandStream {
  onRecord: (record: StreamRecord) => void;
  done: (result: { failed: boolean; stopped: boolean; exitCode: number | null }) => void;
  lost: (error: RuntimeError) => void;
  lastSeq: number;
}

/** One authenticated WebSocket to a server. */
export class Connection {
  #nextRequest = 1;
  readonly #pending = new Map<number, { resolve: (v: Wire) => void; reject: (e: Error) => void }>();
  readonly #commands = new Map<string, CommandStream>();
  #closed = false;
  user = "";
  computerName = "";
  /** Called once when the connection ends (the client drops it from its cache). */
  onClose: () => void = () => {};

  private constructor(readonly socket: WebSocket, readonly shownName: string) {}

  static open(target: Target): Promise<Connection> {
    const { url, computerName, host } = resolveTarget(target);
    let hello: ClientMessage;
    if (target.credential) hello = { type: "hello", version: PROTOCOL_VERSION, user: target.credential.user, password: target.credential.password };
    else {
      const token = LOCAL_HOSTS.has(host.toLowerCase()) && target.home ? readServerToken(target.home) : null;
      if (!token) return Promise.reject(connectFailure(computerName, "No -Credential was given, and there is no server token for a local server (~/.config/rsh/server-token)."));
      hello = { type: "hello", version: PROTOCOL_VERSION, token };
    }
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        perMessageDeflate: false,
        handshakeTimeout: target.openTimeoutMs ?? 10_000,
        rejectUnauthorized: !target.skipCACheck,
        // Node's TLS treats an undefined return as "the name matches".
        ...(target.skipCNCheck ? { checkServerIdentity: (() => undefined) as unknown as () => boolean } : {}),
      });
      const connection = new Connection(socket, computerName);
      let settled = false;
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        socket.terminate();
        reject(connectFailure(computerName, reason));
      };
      const timer = setTimeout(() => fail("The server did not answer in time."), target.openTimeoutMs ?? 10_000);
      socket.on("error", (e) => fail((e as Error).message || "The connection failed."));
      socket.on("open", () => socket.send(JSON.stringify(hello)));
      socket.on("close", () => {
        clearTimeout(timer);
        fail("The server closed the connection.");
        connection.#lost("The connection to the server was closed.");
      });
      socket.on("message", (data) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(String(data));
        } catch {
          return fail("The server sent something that is not rsh's protocol.");
        }
        if (!settled) {
          if (message.type === "welcome") {
            settled = true;
            clearTimeout(timer);
            connection.user = message.user;
            connection.computerName = message.computerName;
            resolve(connection);
          } else fail(message.type === "denied" ? message.message : "The server did not welcome the client.");
          return;
        }
        connection.#dispatch(message);
      });
    });
  }

  get isOpen(): boolean {
    return !this.#closed && this.socket.readyState === WebSocket.OPEN;
  }

  #send(message: ClientMessage): void {
    if (!this.isOpen) throw connectFailure(this.shownName, "The connection to the server is closed.");
    this.socket.send(JSON.stringify(message));
  }

  request(op: Operation, args: Record<string, Wire>): Promise<Wire> {
    const id = this.#nextRequest++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#send({ type: "request", id, op, args });
      } catch (e) {
        this.#pending.delete(id);
        reject(e);
      }
    });
  }

  /** Registers a command's record stream before the command starts (records may follow the start at once). */
  follow(id: string, stream: Omit<CommandStream, "lastSeq">): void {
    this.#commands.set(id, { ...stream, lastSeq: 0 });
  }

  unfollow(id: string): void {
    this.#commands.delete(id);
  }

  #dispatch(message: ServerMessage): void {
    switch (message.type) {
      case "response": {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new RuntimeError(deserializeError(message.error)));
        return;
      }
      case "records": {
        const stream = this.#commands.get(message.command);
        if (!stream) return;
        message.records.forEach(([name, value], i) => {
          const seq = message.seq + i;
          if (seq <= stream.lastSeq) return;
          stream.lastSeq = seq;
          stream.onRecord(name === "error"
            ? { stream: "error", value: deserializeError(value) }
            : { stream: name, value: deserialize(value) } as StreamRecord);
        });
        this.#send({ type: "ack", command: message.command, seq: stream.lastSeq });
        return;
      }
      case "done": {
        const stream = this.#commands.get(message.command);
        if (!stream) return;
        this.#commands.delete(message.command);
        this.#send({ type: "ack", command: message.command, seq: message.seq });
        stream.done(message.result);
        return;
      }
      case "shutdown":
      case "error":
        this.#lost(message.message);
        return;
    }
  }

  #lost(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    const error = connectFailure(this.shownName, reason);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    for (const stream of this.#commands.values()) stream.lost(error);
    this.#commands.clear();
    this.onClose();
  }

  /** Says goodbye and closes; resolves once the server has the goodbye (or after a second at most). */
  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      const timer = setTimeout(resolve, 1000);
      this.socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (this.isOpen) {
      this.#send({ type: "bye" });
      this.socket.close(1000);
    }
    this.#lost("The connection was closed by the client.");
    return closed;
  }
}

/** A session's description as the server gives it. */
export interface SessionInfo {
  instanceId: string;
  name: string;
  configurationName: string;
  state: RunspaceState;
  availability: RunspaceAvailability;
  connectedHere: boolean;
}

/** A session that lives on a server, driven through the Runspace interface. */
export class RemoteRunspace implements Runspace {
  #state: RunspaceState = "Opened";
  #running: string | null = null;

  constructor(
    readonly connection: Connection,
    readonly info: SessionInfo,
    readonly computerName: string,
    /** This client's id for the session (PowerShell's Id: per client, not per server). */
    readonly id = nextRunspaceId(),
  ) {}

  get instanceId(): string {
    return this.info.instanceId;
  }

  get name(): string {
    return this.info.name;
  }

  get configurationName(): string {
    return this.info.configurationName;
  }

  get state(): RunspaceState {
    if (this.#state === "Opened" && !this.connection.isOpen) return "Broken";
    return this.#state;
  }

  get availability(): RunspaceAvailability {
    if (this.state !== "Opened") return "None";
    return this.#running ? "Busy" : "Available";
  }

  open(): Promise<void> {
    return Promise.resolve();
  }

  async invoke(script: string, options: InvokeOptions = {}): Promise<InvokeResult> {
    if (this.state !== "Opened") {
      throw new RuntimeError(new ErrorRecord(
        `Because the session state for session ${this.name}, ${this.instanceId}, ${this.computerName} is not equal to Open, you cannot run a command in the session. The session state is ${this.state}.`,
        "InvokeCommandCommandInvalidSessionState",
        "InvalidOperation",
        null,
        null,
      ));
    }
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
      if (this.#running === id) this.#running = null;
    }
  }

  async stop(): Promise<void> {
    const running = this.#running;
    if (running && this.connection.isOpen) await this.connection.request("command.stop", { command: running });
  }

  async close(): Promise<void> {
    if (this.#state === "Closed") return;
    this.#state = "Closing";
    try {
      if (this.connection.isOpen) await this.connection.request("session.remove", { instanceId: this.instanceId });
    } finally {
      this.#state = "Closed";
    }
  }

  /** Marks the session closed without asking the server (it was removed elsewhere, or timed out). */
  markClosed(): void {
    this.#state = "Closed";
  }
}
