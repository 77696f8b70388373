/**
 * What the server holds for its clients: connections, sessions and their commands. A session outlives connections:
 * it is attached to one at a time (or to none: Disconnected), and a command's records are kept, numbered, until the
 * client acknowledges them, so whoever attaches next resumes exactly after the last record they have.
 */
import type { WebSocket } from "ws";
import type { LocalRunspace } from "../runspace/local_runspace.ts";
import type { ServerMessage, WireRecord } from "./protocol.ts";
import type { Wire } from "./serializer.ts";

export type BufferingMode = "Block" | "Drop";

export class Connection {
  user: string | null = null;
  /** The client's id across its reconnects (hello.clientId), or null. */
  clientId: string | null = null;
  constructor(readonly socket: WebSocket, readonly address: string) {}

  get open(): boolean {
    return this.socket.readyState === 1;
  }

  send(message: ServerMessage): void {
    if (this.open) this.socket.send(JSON.stringify(message));
  }

  /** Ends the connection after a protocol error (the message says what was wrong). */
  reject(message: string): void {
    this.send({ type: "error", message });
    this.socket.close(4400, "protocol error");
  }
}

/**
 * A command's records, kept until acknowledged. At most `limit` may be unacknowledged: beyond that the session's
 * buffering mode decides — Block (the default) makes the command wait until the client catches up, or until someone
 * reconnects; Drop keeps it going and drops the oldest records, counting them.
 */
export class HostedCommand {
  /** records[i] has seq `base + i`; those before `head` are acknowledged (or dropped); null is the `done` marker. */
  #records: (WireRecord | null)[] = [];
  #base = 1;
  #head = 0;
  #sentSeq = 0;
  #flushScheduled = false;
  #resume: (() => void) | null = null;
  /** Records dropped (Drop mode) since a client last attached. */
  dropped = 0;
  result: { failed: boolean; stopped: boolean; exitCode: number | null } | null = null;
  readonly abort = new AbortController();

  constructor(readonly id: string, readonly session: HostedSession, public connection: Connection | null, readonly limit: number) {}

  get #nextSeq(): number {
    return this.#base + this.#records.length;
  }

  /** Keeps a record; returns a promise when the buffer is full and the producer must wait. */
  push(record: WireRecord | null): Promise<void> | undefined {
    this.#records.push(record);
    // Records produced together travel together: flush when the producer yields, or when a batch is full.
    if (this.#nextSeq - 1 - this.#sentSeq >= 1000) this.flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => {
        this.#flushScheduled = false;
        this.flush();
      });
    }
    if (record === null || this.#records.length - this.#head < this.limit) return;
    if (this.session.bufferingMode === "Drop") {
      this.#head++;
      this.dropped++;
      return;
    }
    this.flush();
    return new Promise((resolve) => (this.#resume = resolve));
  }

  flush(): void {
    const connection = this.connection;
    if (!connection?.open) return;
    let batch: WireRecord[] = [];
    let firstSeq = 0;
    const send = () => {
      if (batch.length) connection.send({ type: "records", command: this.id, seq: firstSeq, records: batch });
      batch = [];
    };
    for (let seq = Math.max(this.#sentSeq + 1, this.#base + this.#head); seq < this.#nextSeq; seq++) {
      const record = this.#records[seq - this.#base];
      if (record === null) {
        send();
        connection.send({ type: "done", command: this.id, seq, result: this.result! });
      } else {
        if (batch.length === 0) firstSeq = seq;
        batch.push(record);
        if (batch.length === 1000) send();
      }
      this.#sentSeq = seq;
    }
    send();
  }

  acknowledge(seq: number): void {
    const acked = Math.min(seq, this.#nextSeq - 1) - this.#base + 1;
    if (acked <= this.#head) return;
    this.#head = acked;
    // Drop the acknowledged front now and then, not on every ack (shifting a long array each time is quadratic).
    if (this.#head >= 4096 && this.#head * 2 >= this.#records.length) {
      this.#records = this.#records.slice(this.#head);
      this.#base += this.#head;
      this.#head = 0;
    }
    if (this.#resume && this.#records.length - this.#head <= this.limit / 2) {
      const resume = this.#resume;
      this.#resume = null;
      resume();
    }
    if (this.result && this.#head === this.#records.length) this.session.commands.delete(this.id);
  }

  /**
   * A client attaches: it has every record up to `lastSeq` (0: none — another process), so what follows is sent
   * again from there (exactly once, in order), and what it has is acknowledged.
   */
  attach(connection: Connection, lastSeq: number): { command: string; lastSeq: number; dropped: number } {
    this.connection = connection;
    this.acknowledge(lastSeq);
    this.#sentSeq = Math.max(lastSeq, this.#base + this.#head - 1);
    const dropped = this.dropped;
    this.dropped = 0;
    setImmediate(() => this.flush());
    return { command: this.id, lastSeq: this.#sentSeq, dropped };
  }
}

export class HostedSession {
  readonly commands = new Map<string, HostedCommand>();
  /** The connection the session is attached to (null: Disconnected). */
  connection: Connection | null;
  bufferingMode: BufferingMode = "Block";
  /** Closes the session when it has been idle (or disconnected) this long. */
  idleTimeoutMs: number;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly runspace: LocalRunspace,
    readonly owner: string,
    readonly configurationName: string,
    connection: Connection,
    idleTimeoutMs: number,
    readonly expire: (session: HostedSession) => void,
  ) {
    this.connection = connection;
    this.idleTimeoutMs = idleTimeoutMs;
    this.touch();
  }

  get running(): boolean {
    return this.runspace.availability === "Busy";
  }

  /**
   * Restarts the idle clock: it runs while the session is disconnected, or connected with no command running
   * (about_Remote_Disconnected_Sessions: a session left alone is closed after its idle timeout).
   */
  touch(): void {
    clearTimeout(this.#idleTimer);
    if (this.connection !== null && this.running) return;
    this.#idleTimer = setTimeout(() => {
      if (this.connection === null || !this.running) this.expire(this);
    }, this.idleTimeoutMs);
    this.#idleTimer.unref?.();
  }

  stopClock(): void {
    clearTimeout(this.#idleTimer);
  }

  #endReconnectHurry: (() => void) | null = null;

  /** Pipelines yield often (pacer.ts hurry) until a connection attaches the session again, then `end` is called. */
  awaitReconnect(end: () => void): void {
    this.#endReconnectHurry?.();
    this.#endReconnectHurry = end;
  }

  stopAwaitingReconnect(): void {
    this.#endReconnectHurry?.();
    this.#endReconnectHurry = null;
  }

  detach(): void {
    this.connection = null;
    for (const command of this.commands.values()) command.connection = null;
    this.touch();
  }

  info(viewer: Connection): Wire {
    return {
      instanceId: this.runspace.instanceId,
      name: this.runspace.name,
      configurationName: this.configurationName,
      state: this.connection ? "Opened" : "Disconnected",
      availability: this.runspace.availability,
      connectedHere: this.connection === viewer,
      idleTimeoutSec: this.idleTimeoutMs / 1000,
      outputBufferingMode: this.bufferingMode,
    };
  }
}
