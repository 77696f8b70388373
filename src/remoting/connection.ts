/**
 * One authenticated WebSocket to a server, for many sessions. When it drops without a goodbye (a network cut, a
 * proxy, a sleeping laptop) it reconnects on its own with backoff for the retry window, attaches its sessions again
 * and tells the server the last record it has of each command, so every record arrives exactly once, in order.
 */
import type WebSocket from "ws";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import type { StreamRecord } from "../runspace/runspace.ts";
import { readServerToken } from "./auth.ts";
import { certificateFailure, trustedAuthorities } from "./tls.ts";
import { type ClientMessage, type Operation, PROTOCOL_VERSION, type ServerMessage } from "./protocol.ts";
import { deserialize, deserializeError, type Wire } from "./serializer.ts";

export const DEFAULT_PORT = 5995;

/**
 * A user of the server's config (or of the embedder's `authenticate` hook) and their password.
 *
 * @example
 * ```ts
 * const credential: Credential = { user: "alice", password: "alice-pw" };
 * ```
 */
export interface Credential {
  /** The user name (case-insensitive on the server). */
  user: string;
  /** The password, sent in the hello: use `wss://` (useSSL) off localhost. */
  password: string;
}

/**
 * Where to connect and as whom (what -ComputerName, -Port, -UseSSL, -Credential and -SessionOption say). Without
 * a credential, only a local server can be reached, with the token in `home`.
 *
 * @example
 * ```ts
 * const local: Target = { computerName: "localhost", port: 5995, home: "/home/ada" };
 * const remote: Target = { computerName: "build-7", useSSL: true, credential: { user: "alice", password: "alice-pw" } };
 * ```
 */
export interface Target {
  /** `host`, `host:port`, or a `ws://` / `wss://` URI. */
  computerName: string;
  /** The port when `computerName` names none (default 5995). */
  port?: number;
  /** `wss://` instead of `ws://` when `computerName` is not a URI. */
  useSSL?: boolean;
  /** Who to log in as; without one, the zero-config token of a local server (see `home`). */
  credential?: Credential | null;
  /** The client user's home (for the zero-config token of a local server). */
  home?: string;
  /** How long to wait for the connection and the server's welcome. */
  openTimeoutMs?: number;
  /** How long to keep trying to reconnect after the connection dropped (default 4 minutes, as PowerShell). */
  retryWindowMs?: number;
  /** wss:// without checking the certificate's issuer / name (New-PSSessionOption -SkipCACheck / -SkipCNCheck). */
  skipCACheck?: boolean;
  /** wss:// without checking that the certificate names the host (New-PSSessionOption -SkipCNCheck). */
  skipCNCheck?: boolean;
  /** A PEM file of certificate authorities to trust beyond the system's (the client session's `$env:RSH_CA_CERTS`). */
  caFile?: string;
}

/** The server URL and the name to show for a -ComputerName value. */
export function resolveTarget(target: Target): { url: string; computerName: string; host: string } {
  const text = target.computerName.trim();
  const uri = /^(wss?):\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+))?\/?$/i.exec(text);
  if (uri) return { url: `${uri[1].toLowerCase()}://${uri[2]}:${uri[3] ?? target.port ?? DEFAULT_PORT}`, computerName: uri[2], host: uri[2] };
  // A bare IPv6 address (`::1`) has colons of its own: it is the host, and a URL needs it in brackets.
  if (/^[0-9a-f:]+$/i.test(text) && text.split(":").length > 2) {
    return { url: `${target.useSSL ? "wss" : "ws"}://[${text}]:${target.port ?? DEFAULT_PORT}`, computerName: text, host: `[${text}]` };
  }
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

export interface CommandStream {
  onRecord: (record: StreamRecord) => void;
  done: (result: { failed: boolean; stopped: boolean; exitCode: number | null }) => void;
  lost: (error: RuntimeError) => void;
  lastSeq: number;
}

/** A dial that did not get a welcome: the reason, and whether trying again could help. */
class DialError extends Error {
  constructor(message: string, readonly final: boolean) {
    super(message);
  }
}

/** WebSocket ready states (the standard numbers, so `ws` need not be loaded to read them). */
const OPEN = 1;
const CLOSED = 3;

/**
 * One authenticated WebSocket to a server, shared by this client's sessions there. A dropped connection reconnects
 * on its own within `Target.retryWindowMs`; `onNotice` hears about it. Embedders normally reach it through
 * RemoteComputer.
 *
 * @example
 * ```ts
 * import { Connection } from "rsh";
 * const connection = await Connection.open({ computerName: "localhost", port: 5995, home: "/home/ada" });
 * connection.onNotice = (text) => console.warn(`WARNING: ${text}`);
 * console.log(connection.user, connection.computerName); // ada build-7
 * await connection.close();
 * ```
 */
export class Connection {
  #socket: WebSocket | null = null;
  #nextRequest = 1;
  readonly #pending = new Map<number, { resolve: (v: Wire) => void; reject: (e: Error) => void }>();
  readonly #commands = new Map<string, CommandStream>();
  /** Sessions attached through this connection (reattached after a reconnect). */
  readonly attached = new Set<string>();
  #closed = false;
  /** The largest message the server accepts (its welcome says; older servers do not). */
  #maxMessageBytes = Infinity;
  #reconnecting: Promise<void> | null = null;
  /** The user the server logged this connection in as. */
  user = "";
  /** The server's computer name (from its welcome). */
  computerName = "";
  /** Called once when the connection ends for good (the client drops it from its cache). */
  onClose: () => void = () => {};
  /** Told about a drop and its outcome (the host shows it: PowerShell's robust-connection warnings). */
  onNotice: (text: string) => void = () => {};

  private constructor(
    /** What the connection was opened with. */
    readonly target: Target,
    /** The computer's name as the user wrote it (in messages). */
    readonly shownName: string,
    /** The server's `ws://` or `wss://` URL. */
    readonly url: string,
    /** @ignore */
    readonly hello: ClientMessage,
  ) {}

  /**
   * Connects and logs in; rejects with PowerShell's "Connecting to remote server … failed" error (a RuntimeError)
   * when the server cannot be reached or refuses the login.
   */
  static async open(target: Target): Promise<Connection> {
    const { url, computerName, host } = resolveTarget(target);
    let hello: ClientMessage;
    if (target.credential) hello = { type: "hello", version: PROTOCOL_VERSION, user: target.credential.user, password: target.credential.password };
    else {
      const token = LOCAL_HOSTS.has(host.toLowerCase()) && target.home ? readServerToken(target.home) : null;
      if (!token) throw connectFailure(computerName, "No -Credential was given, and there is no server token for a local server (~/.config/rsh/server-token).");
      hello = { type: "hello", version: PROTOCOL_VERSION, token };
    }
    // One id for this client connection across its reconnects: the server lets it take back its own sessions.
    const connection = new Connection(target, computerName, url, { ...hello, clientId: crypto.randomUUID() } as ClientMessage);
    try {
      await connection.#dial();
    } catch (e) {
      throw connectFailure(computerName, (e as Error).message);
    }
    return connection;
  }

  /** Opens a socket and authenticates; resolves on the server's welcome. With `resume`, re-attaches in the hello. */
  async #dial(resume?: { sessions: string[]; commands: Record<string, number> }): Promise<void> {
    // `ws` (and the Node modules it loads) is loaded on the first connection, not at every rsh start-up.
    const { default: WebSocketClass } = await import("ws");
    const target = this.target;
    let authorities: { ca?: string[] } = {};
    try {
      if (this.url.startsWith("wss:")) authorities = await trustedAuthorities(target.caFile);
    } catch (e) {
      throw new DialError((e as Error).message, true);
    }
    return await new Promise((resolve, reject) => {
      const socket = new WebSocketClass(this.url, {
        ...authorities,
        perMessageDeflate: false,
        handshakeTimeout: target.openTimeoutMs ?? 10_000,
        rejectUnauthorized: !target.skipCACheck,
        // Node's TLS treats an undefined return as "the name matches".
        ...(target.skipCNCheck ? { checkServerIdentity: (() => undefined) as unknown as () => boolean } : {}),
      });
      let welcomed = false;
      const fail = (reason: string, final = false) => {
        if (welcomed) return;
        welcomed = true;
        clearTimeout(timer);
        socket.terminate();
        reject(new DialError(reason, final));
      };
      const timer = setTimeout(() => fail("The server did not answer in time."), target.openTimeoutMs ?? 10_000);
      socket.on("error", (e) => {
        // A refused certificate stays refused: say why, and do not retry.
        const refused = certificateFailure(e as Error, this.url.replace(/^wss:\/\//, ""));
        fail(refused ?? ((e as Error).message || "The connection failed."), refused !== null);
      });
      socket.on("open", () => socket.send(JSON.stringify(resume ? { ...this.hello, resume } : this.hello)));
      socket.on("close", (code: number) => {
        if (!welcomed) return fail("The server closed the connection.", code === 4401 || code === 4403);
        if (this.#socket === socket) this.#dropped(code);
      });
      socket.on("message", (data) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(String(data));
        } catch {
          return fail("The server sent something that is not rsh's protocol.", true);
        }
        if (welcomed) return this.#dispatch(message);
        if (message.type !== "welcome") return fail(message.type === "denied" ? message.message : "The server did not welcome the client.", true);
        // A session that is gone (closed, timed out) is forgotten; one still held elsewhere is tried again.
        for (const [instanceId, outcome] of Object.entries(message.resumed ?? {})) if (/was not found/.test(outcome)) this.attached.delete(instanceId);
        const refused = Object.entries(message.resumed ?? {}).find(([, outcome]) => outcome !== "ok" && !/was not found/.test(outcome));
        if (refused) return fail(refused[1]);
        welcomed = true;
        clearTimeout(timer);
        this.#socket = socket;
        this.user = message.user;
        this.#maxMessageBytes = message.maxMessageBytes ?? Infinity;
        this.computerName = message.computerName;
        resolve();
      });
    });
  }

  /** True while the socket is open (not while reconnecting or after the end). */
  get isOpen(): boolean {
    return !this.#closed && this.#socket?.readyState === OPEN;
  }

  /** The connection ended for good (closed, refused, or the retry window passed). */
  get isLost(): boolean {
    return this.#closed;
  }

  /** True while a dropped connection is being restored. */
  get isReconnecting(): boolean {
    return this.#reconnecting !== null;
  }

  #send(message: ClientMessage): void {
    if (!this.isOpen) throw connectFailure(this.shownName, "The connection to the server is closed.");
    const text = JSON.stringify(message);
    // Over the server's limit the server would close the whole connection (and every session's stream with it):
    // refuse the one request instead. Counting UTF-8 bytes only when the text could be too big keeps sends cheap.
    if (text.length * 3 > this.#maxMessageBytes) {
      const bytes = new TextEncoder().encode(text).length;
      if (bytes > this.#maxMessageBytes) {
        throw new RuntimeError(new ErrorRecord(
          `The request is ${bytes} bytes, more than ${this.shownName} accepts (its maxMessageBytes, ${this.#maxMessageBytes}); send the command less data.`,
          "MessageTooLarge",
          "LimitsExceeded",
          null,
          null,
        ));
      }
    }
    this.#socket!.send(text);
  }

  /**
   * Sends a request; resolves with the server's answer. `onAnswer` runs as the answer arrives, before any later
   * message is handled (so streams it registers miss none of the records that follow).
   * @ignore
   */
  async request(op: Operation, args: Record<string, Wire>, onAnswer?: (value: Wire) => void): Promise<Wire> {
    // A request made while the connection is being restored waits for it.
    if (this.#reconnecting) await this.#reconnecting;
    const id = this.#nextRequest++;
    return await new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: (value) => (onAnswer?.(value), resolve(value)), reject });
      try {
        this.#send({ type: "request", id, op, args });
      } catch (e) {
        this.#pending.delete(id);
        reject(e);
      }
    });
  }

  /**
   * Registers a command's record stream before the command starts (records may follow the start at once).
   * @ignore
   */
  follow(id: string, stream: Omit<CommandStream, "lastSeq">, lastSeq = 0): void {
    this.#commands.set(id, { ...stream, lastSeq });
  }

  /** @ignore */
  unfollow(id: string): void {
    this.#commands.delete(id);
  }

  /** @ignore */
  isFollowing(id: string): boolean {
    return this.#commands.has(id);
  }

  /**
   * The last record received of each followed command (what a reconnect resumes after).
   * @ignore
   */
  lastSeqs(): Record<string, number> {
    return Object.fromEntries([...this.#commands].map(([id, stream]) => [id, stream.lastSeq]));
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

  /** The socket closed without a goodbye: reconnect with backoff for the retry window, or give up. */
  #dropped(code: number): void {
    if (this.#closed) return;
    // A protocol error or shutdown already ended the connection; these codes mean the server meant it.
    if (code === 1001 || code === 4400 || code === 4401 || code === 4403) return this.#lost("The server closed the connection.");
    // 1009: a message was over the server's size limit; sending it again after a reconnect would fail the same way.
    if (code === 1009) return this.#lost("The server closed the connection because a message was larger than it accepts (its maxMessageBytes).");
    this.#socket = null;
    // Requests in flight cannot be known to have happened: they fail; record streams wait for the reconnect. (A
    // drop during a reconnect fails its re-attach, and the reconnect loop tries again.)
    const interrupted = connectFailure(this.shownName, "The connection dropped while the request was in flight.");
    for (const pending of this.#pending.values()) pending.reject(interrupted);
    this.#pending.clear();
    if (this.#reconnecting) return;
    const windowMs = this.target.retryWindowMs ?? 240_000;
    this.onNotice(`The network connection to ${this.shownName} has been interrupted. Attempting to reconnect for up to ${Math.round(windowMs / 1000)} seconds...`);
    this.#reconnecting = this.#reconnect(Date.now() + windowMs).finally(() => (this.#reconnecting = null));
  }

  async #reconnect(deadline: number): Promise<void> {
    let delay = 50;
    while (Date.now() < deadline && !this.#closed) {
      try {
        await this.#dial({ sessions: [...this.attached], commands: this.lastSeqs() });
        this.onNotice(`The network connection to ${this.shownName} has been restored.`);
        return;
      } catch (e) {
        if (e instanceof DialError && e.final) break;
        await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
        delay = Math.min(delay * 2, 2000);
      }
    }
    this.#lost(`Network connectivity to ${this.shownName} has been lost and the reconnection attempt failed. Please repair the network connection and reconnect using Connect-PSSession or Receive-PSSession.`);
  }

  #lost(reason: string, notice = true): void {
    if (this.#closed) return;
    this.#closed = true;
    const error = connectFailure(this.shownName, reason);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    for (const stream of this.#commands.values()) stream.lost(error);
    this.#commands.clear();
    if (notice) this.onNotice(reason);
    this.onClose();
  }

  /** Says goodbye and closes; resolves once the server has the goodbye (or after a second at most). */
  close(): Promise<void> {
    const socket = this.#socket;
    const closed = new Promise<void>((resolve) => {
      if (!socket || socket.readyState === CLOSED) return resolve();
      const timer = setTimeout(resolve, 1000);
      socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (this.isOpen) {
      this.#send({ type: "bye" });
      socket!.close(1000);
    }
    this.#lost("The connection was closed by the client.", false);
    return closed;
  }
}
