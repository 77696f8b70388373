/**
 * `rsh serve`: hosts sessions (LocalRunspaces) for authenticated users over WebSocket (docs/protocol.md). Sessions
 * live on the server, not on the connection that made them: a session belongs to its user, and only that user can
 * list, use or remove it. A connection that misbehaves gets a protocol error and is closed; nothing it sends can
 * take the server or another session down.
 */
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import type { WebSocket, WebSocketServer } from "ws";
import { ErrorRecord } from "../engine/errors.ts";
import { hurry } from "../engine/pacer.ts";
import { Deno } from "../platform.ts";
import { LocalRunspace, type LocalRunspaceOptions } from "../runspace/local_runspace.ts";
import type { StreamRecord } from "../runspace/runspace.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { type AuditEvent, AuditLog } from "./audit.ts";
import { dummyHash, LoginThrottle, sameSecret, verifyPassword, writeServerToken } from "./auth.ts";
import { DEFAULT_CONFIGURATION, type ServerConfig } from "./config.ts";
import { accessDeniedMessage, configurationRunspaceOptions, mayUse } from "./configurations.ts";
import { type BufferingMode, Connection, HostedCommand, HostedSession } from "./hosted.ts";
import { CommandLimits } from "./limits.ts";
import { type ClientMessage, parseClientMessage, PROTOCOL_VERSION, ProtocolError, stringArg } from "./protocol.ts";
import { deserialize, serialize, serializeError, type Wire } from "./serializer.ts";

/**
 * The longest pipelines yield often (src/engine/pacer.ts hurry) for a new connection's hello, or for the client of a
 * dropped streaming session to come back; each hurry ends as soon as that has happened.
 */
const HANDSHAKE_HURRY_MS = 1000;
const RECONNECT_HURRY_MS = 2000;

/**
 * How `RshServer.start` runs a server.
 *
 * @example
 * ```ts
 * import { serverConfig } from "rsh";
 * const options: ServerOptions = { config: serverConfig(), host: "127.0.0.1", port: 0, osUser: "deploy", home: "/srv/rsh", env: {} };
 * ```
 */
export interface ServerOptions {
  /** The address to listen on (default 127.0.0.1; `0.0.0.0` for every interface). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The checked configuration (`serverConfig`, `parseConfig`). */
  config: ServerConfig;
  /** The OS user who started the server (zero-config mode accepts only them, by token). */
  osUser: string;
  /** The server's home directory: the token file lives under it, and sessions start there. */
  home: string;
  /** The environment new sessions copy. */
  env: Record<string, string>;
  /**
   * The embedder's own user store: called for a hello with a user and password; returns the user name the session
   * belongs to, or null to deny. Without it, the config's `users` are checked.
   */
  authenticate?: (user: string, password: string) => Promise<string | null> | string | null;
  /** Extra commands every session gets (the remoting cmdlets, so a session can reach further servers). */
  sessionOptions?: () => Partial<LocalRunspaceOptions>;
}

/**
 * The server of `rsh serve`, in your process: sessions for authenticated users over WebSocket. `start` writes the
 * zero-config token under `options.home`; `close` tells every client, closes every session and stops listening.
 *
 * @example
 * ```ts
 * import { RshServer, serverConfig } from "rsh";
 * const server = await RshServer.start({
 *   config: serverConfig(), port: 0, osUser: "deploy", home: "/srv/rsh", env: {},
 *   authenticate: (user, password) => (user === "ops" && password === "s3cret" ? "ops" : null),
 * });
 * console.log(server.url); // ws://127.0.0.1:PORT
 * await server.close();
 * ```
 */
export class RshServer {
  readonly #sessions = new Map<string, HostedSession>();
  readonly #connections = new Set<Connection>();
  readonly #throttle = new LoginThrottle();
  #audit: AuditLog | null = null;
  /** The name clients see (`$PSSenderInfo`, PSComputerName): this machine's host name. */
  readonly computerName: string = hostname();
  #token = "";

  private constructor(
    /** What the server was started with. */
    readonly options: ServerOptions,
    /** @ignore */
    readonly wss: WebSocketServer,
    /** The URL clients connect to: `ws://host:port` (`wss://` with TLS). */
    readonly url: string,
  ) {}

  /** Starts listening; resolves once the server accepts connections (rejects when the port is taken or TLS files are unreadable). */
  static async start(options: ServerOptions): Promise<RshServer> {
    const { config } = options;
    const host = options.host ?? "127.0.0.1";
    const scheme = config.tls ? "wss" : "ws";
    let audit: AuditLog | null = null;
    try {
      audit = config.audit ? AuditLog.open(config.audit) : null;
    } catch (e) {
      throw new Error(`cannot open the audit log '${config.audit}': ${(e as Error).message}`);
    }
    const common = { maxPayload: config.maxMessageBytes, perMessageDeflate: false };
    let wss: WebSocketServer;
    // Loaded here, not at import: the CLI bundles the server but only `rsh serve` needs these.
    const { WebSocketServer } = await import("ws");
    if (config.tls) {
      const { createServer: createHttpsServer } = await import("node:https");
      const https = createHttpsServer({ cert: Deno.readTextFileSync(config.tls.cert), key: Deno.readTextFileSync(config.tls.key) });
      wss = new WebSocketServer({ ...common, server: https });
      await new Promise<void>((resolve, reject) => https.once("error", reject).listen(options.port ?? 5995, host, resolve));
    } else {
      wss = new WebSocketServer({ ...common, host, port: options.port ?? 5995 });
      await new Promise<void>((resolve, reject) => wss.once("listening", resolve).once("error", reject));
    }
    const address = (config.tls ? (wss.options.server as unknown as { address(): AddressInfo }).address() : wss.address()) as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const server = new RshServer(options, wss, `${scheme}://${shownHost}:${address.port}`);
    server.#token = writeServerToken(options.home);
    server.#throttle.maxFailuresPerMinute = config.maxFailedLoginsPerMinute;
    server.#audit = audit;
    wss.on("connection", (socket, request) => server.#accept(socket, request.socket.remoteAddress ?? "unknown"));
    wss.on("error", () => {});
    return server;
  }

  #accept(socket: WebSocket, address: string): void {
    // Its hello must not wait behind a streaming pipeline's full slice.
    let endHandshakeHurry: (() => void) | null = hurry(HANDSHAKE_HURRY_MS);
    const handshakeDone = () => {
      endHandshakeHurry?.();
      endHandshakeHurry = null;
    };
    const connection = new Connection(socket, address);
    this.#connections.add(connection);
    const helloTimer = setTimeout(() => connection.user === null && connection.reject("No 'hello' within 10 seconds."), 10_000);
    socket.on("error", () => {});
    socket.on("close", () => {
      handshakeDone();
      clearTimeout(helloTimer);
      this.#connections.delete(connection);
      this.#detach(connection, false);
    });
    socket.on("message", (data, isBinary) => {
      if (isBinary) return connection.reject("Binary messages are not part of the protocol.");
      let message: ClientMessage;
      try {
        message = parseClientMessage(String(data));
      } catch (e) {
        return connection.reject((e as Error).message);
      }
      const handled = this.#handle(connection, message).catch((e) => {
        connection.reject(e instanceof ProtocolError ? e.message : `Internal error: ${(e as Error)?.message ?? e}`);
      });
      // The first message (the hello) ends the handshake's hurry; later ones cost no extra promise.
      if (endHandshakeHurry) void handled.finally(handshakeDone);
    });
  }

  /**
   * A connection went away. Sessions running a command stay, Disconnected, with their records kept for a reconnect.
   * Idle ones are closed: at once after a goodbye, or when the reconnect window passes without the client coming
   * back (a vanished connection may be a crash or a network drop; the server cannot tell).
   */
  #detach(connection: Connection, goodbye: boolean): void {
    for (const session of [...this.#sessions.values()]) {
      for (const command of session.commands.values()) if (command.connection === connection) command.connection = null;
      if (session.connection !== connection) continue;
      session.detach();
      this.#logSession("session.disconnect", session, connection, goodbye ? "goodbye" : "connection lost");
      if (goodbye) {
        if (!session.running) void this.#closeSession(session);
        continue;
      }
      // Its client is probably reconnecting at once: its accept, upgrade and hello are turns of the event loop.
      if (session.running) session.awaitReconnect(hurry(RECONNECT_HURRY_MS));
      const timer = setTimeout(() => {
        if (session.connection === null && !session.running) void this.#closeSession(session);
      }, this.options.config.reconnectWindowSec * 1000);
      timer.unref?.();
    }
  }

  /** The idle timeout a client asks for, within the server's maximum (seconds; any positive value). */
  #idleTimeout(args: Record<string, Wire>, fallback: number | null = null): number {
    const asked = args.idleTimeoutSec;
    if (asked === undefined || asked === null) return fallback ?? this.options.config.idleTimeoutSec;
    if (typeof asked !== "number" || !(asked > 0)) throw new ProtocolError("'idleTimeoutSec' must be a positive number.");
    if (asked > this.options.config.maxIdleTimeoutSec) {
      throw new RequestError(
        `The IdleTimeout ${asked} s is more than the server allows (maxIdleTimeoutSec ${this.options.config.maxIdleTimeoutSec} s).`,
        "IdleTimeoutOutOfRange",
      );
    }
    return asked;
  }

  #bufferingMode(args: Record<string, Wire>): BufferingMode | null {
    const mode = stringArg(args, "outputBufferingMode", true);
    if (mode === null) return null;
    const canonical = ["Block", "Drop"].find((m) => m.toLowerCase() === mode.toLowerCase());
    if (!canonical) throw new ProtocolError("'outputBufferingMode' must be Block or Drop.");
    return canonical as BufferingMode;
  }

  /**
   * Attaches a session to a connection. Another live connection holding it is refused (PowerShell: the session is
   * in use) — a client takes a session over only after the other one disconnected or went away.
   */
  #claim(session: HostedSession, connection: Connection): void {
    // A reconnecting client (same clientId) takes its session back even if the server has not noticed the old
    // connection die (a half-open TCP connection).
    const holder = session.connection;
    const sameClient = holder !== null && holder.clientId !== null && holder.clientId === connection.clientId;
    if (holder && holder !== connection && holder.open && !sameClient) {
      throw new RequestError(
        `The session ${session.runspace.name} is in use by another client connection; disconnect it there first (Disconnect-PSSession).`,
        "PSSessionInUse",
      );
    }
    session.connection = connection;
    session.stopAwaitingReconnect();
    session.touch();
  }

  #log(entry: AuditEvent): void {
    this.#audit?.write(entry);
  }

  #logSession(event: "session.create" | "session.connect" | "session.disconnect" | "session.close", session: HostedSession, connection: Connection | null, reason?: string): void {
    this.#audit?.write({
      event, user: session.owner, session: session.runspace.instanceId, name: session.runspace.name, configuration: session.configurationName,
      ...(connection ? { address: connection.address } : {}), ...(reason ? { reason } : {}),
    });
  }

  async #closeSession(session: HostedSession): Promise<void> {
    if (!this.#sessions.has(session.runspace.instanceId)) return;
    this.#logSession("session.close", session, null);
    session.stopClock();
    session.stopAwaitingReconnect();
    this.#sessions.delete(session.runspace.instanceId);
    await session.runspace.close();
  }

  async #handle(connection: Connection, message: ClientMessage): Promise<void> {
    if (connection.user === null) {
      if (message.type !== "hello") throw new ProtocolError("The first message must be 'hello'.");
      return await this.#authenticate(connection, message);
    }
    switch (message.type) {
      case "hello":
        throw new ProtocolError("Already authenticated.");
      case "bye":
        this.#detach(connection, true);
        connection.socket.close(1000, "bye");
        return;
      case "ack": {
        const command = this.#findCommand(connection, message.command);
        command?.acknowledge(message.seq);
        return;
      }
      case "request":
        try {
          const value = await this.#request(connection, message.op, message.args);
          connection.send({ type: "response", id: message.id, ok: true, value });
        } catch (e) {
          if (e instanceof ProtocolError) throw e;
          const record = e instanceof RequestError ? e.record : new ErrorRecord(String((e as Error)?.message ?? e), "ServerError", "NotSpecified", null, null);
          connection.send({ type: "response", id: message.id, ok: false, error: serializeError(record) });
        }
    }
  }

  async #authenticate(connection: Connection, hello: Extract<ClientMessage, { type: "hello" }>): Promise<void> {
    const method = hello.token !== undefined ? "token" : "password";
    const deny = (message: string, reason?: string) => {
      this.#log({ event: "login", outcome: "failure", user: hello.user?.toLowerCase() ?? null, address: connection.address, method, ...(reason ? { reason } : {}) });
      connection.send({ type: "denied", message });
      connection.socket.close(4401, "denied");
    };
    const wait = this.#throttle.refusedFor(connection.address);
    if (wait > 0) {
      const message = `Too many failed logins from ${connection.address}: the server allows ${this.#throttle.maxFailuresPerMinute} a minute (maxFailedLoginsPerMinute). Try again in ${wait} s.`;
      return deny(message, "maxFailedLoginsPerMinute");
    }
    const delay = this.#throttle.delayFor(connection.address);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (hello.version !== PROTOCOL_VERSION) {
      connection.send({ type: "denied", message: `The server speaks protocol version ${PROTOCOL_VERSION}, the client ${hello.version}.` });
      connection.socket.close(4403, "version");
      return;
    }
    const users = this.options.config.users;
    let user: string | null = null;
    if (hello.token !== undefined && sameSecret(hello.token, this.#token)) user = this.options.osUser;
    else if (this.options.authenticate && hello.user !== undefined && hello.password !== undefined) {
      user = (await this.options.authenticate(hello.user, hello.password))?.toLowerCase() ?? null;
    } else if (users && hello.user !== undefined && hello.password !== undefined) {
      // An unknown user costs the same scrypt as a known one, so timing does not tell which names exist.
      const entry = users.get(hello.user.toLowerCase());
      const matches = await verifyPassword(hello.password, entry?.passwordHash ?? dummyHash());
      if (entry && matches) user = hello.user.toLowerCase();
    }
    if (user === null) {
      this.#throttle.failed(connection.address);
      return deny("Access is denied.");
    }
    this.#throttle.succeeded(connection.address);
    this.#log({ event: "login", outcome: "success", user, address: connection.address, method });
    connection.user = user;
    connection.clientId = hello.clientId ?? null;
    // A reconnecting client names its sessions in the hello: they are attached before the welcome, which saves it a
    // round trip per session (records resume right after the welcome).
    const resumed: Record<string, string> = {};
    for (const instanceId of hello.resume?.sessions ?? []) {
      try {
        this.#attach(connection, instanceId, hello.resume?.commands ?? {});
        resumed[instanceId] = "ok";
      } catch (e) {
        if (e instanceof ProtocolError) throw e;
        resumed[instanceId] = (e as Error).message;
      }
    }
    connection.send({
      type: "welcome", version: PROTOCOL_VERSION, user, computerName: this.computerName, resumed, maxMessageBytes: this.options.config.maxMessageBytes,
    });
  }

  /** Attaches a session to a connection and resumes each command after the last record the client has (`have`). */
  #attach(connection: Connection, instanceId: string, have: Wire | undefined): Wire {
    const session = this.#session(connection, instanceId);
    if (have !== undefined && (typeof have !== "object" || have === null || Array.isArray(have))) {
      throw new ProtocolError("'commands' must map command ids to the last sequence number received.");
    }
    this.#claim(session, connection);
    this.#logSession("session.connect", session, connection);
    const commands = [...session.commands.values()].map((command) => {
      const last = (have as Record<string, Wire> | undefined)?.[command.id];
      return command.attach(connection, typeof last === "number" && last >= 0 ? last : 0);
    });
    return { ...(session.info(connection) as Record<string, Wire>), commands };
  }

  #session(connection: Connection, instanceId: string): HostedSession {
    const session = this.#sessions.get(instanceId);
    // Another user's session is reported exactly like a missing one: its existence is not disclosed.
    if (!session || !this.#mayReach(session, connection.user!)) {
      throw new RequestError(`The session with InstanceId ${instanceId} was not found on ${this.computerName}.`, "PSSessionNotFound");
    }
    return session;
  }

  #groups(user: string): string[] {
    return this.options.config.users?.get(user)?.groups ?? [];
  }

  /**
   * A session is its creator's; a session of a runAs configuration belongs to the configuration, so every user it
   * allows may see and use it (about_PSSession_Details). Anyone else is told it does not exist.
   */
  #mayReach(session: HostedSession, user: string): boolean {
    if (session.owner === user) return true;
    const configuration = this.options.config.configurations.get(session.configurationName.toLowerCase());
    return configuration?.runAs != null && mayUse(configuration, user, this.#groups(user));
  }

  #findCommand(connection: Connection, id: string): HostedCommand | undefined {
    for (const session of this.#sessions.values()) {
      const command = session.commands.get(id);
      if (command && this.#mayReach(session, connection.user!)) return command;
    }
  }

  async #request(connection: Connection, op: string, args: Record<string, Wire>): Promise<Wire> {
    const user = connection.user!;
    switch (op) {
      case "session.create": {
        const configurationName = (stringArg(args, "configurationName", true) ?? DEFAULT_CONFIGURATION).toLowerCase();
        const configuration = this.options.config.configurations.get(configurationName);
        if (!configuration) {
          throw new RequestError(
            `The WS-Management service cannot process the request. Cannot find the ${configurationName} session configuration in the WSMan: drive on the ${this.computerName} computer.`,
            "InvalidResourceUri",
          );
        }
        if (!mayUse(configuration, user, this.#groups(user))) {
          throw new RequestError(accessDeniedMessage(this.computerName, configuration.name), "AccessDenied,PSSessionOpenFailed");
        }
        const mine = [...this.#sessions.values()].filter((s) => s.owner === user);
        if (mine.length >= this.options.config.maxSessionsPerUser) {
          throw new RequestError(`User ${user} already has ${mine.length} sessions on ${this.computerName}, the most allowed (maxSessionsPerUser).`, "MaxSessionsReached");
        }
        // A configuration may set a lower cap of its own for its sessions.
        const inConfiguration = mine.filter((s) => s.configurationName === configuration.name).length;
        const own = configuration.maxSessionsPerUser;
        if (typeof own === "number" && inConfiguration >= own) {
          throw new RequestError(
            `User ${user} already has ${inConfiguration} sessions of configuration ${configuration.name} on ${this.computerName}, the most it allows (maxSessionsPerUser).`,
            "MaxSessionsReached",
          );
        }
        const sender = new PSCustomObject();
        sender.set("UserName", user);
        sender.set("ConnectedUser", user);
        sender.set("ComputerName", connection.address);
        sender.set("ConfigurationName", configuration.name);
        sender.set("RunAsUser", configuration.runAs);
        const runspace = new LocalRunspace({
          ...configurationRunspaceOptions(this.options.config.configurations, configuration, this.options.sessionOptions?.()),
          name: stringArg(args, "name", true) ?? undefined,
          env: { ...this.options.env, ...configuration.environment },
          location: this.options.home,
          variables: { PSSenderInfo: sender },
          trustedPublishers: this.options.config.trustedPublishers,
        });
        await runspace.open();
        const session = new HostedSession(runspace, user, configuration.name, connection, this.#idleTimeout(args, configuration.idleTimeoutSec) * 1000, (s) => void this.#closeSession(s));
        session.bufferingMode = this.#bufferingMode(args) ?? "Block";
        this.#sessions.set(runspace.instanceId, session);
        this.#logSession("session.create", session, connection);
        return session.info(connection);
      }
      case "session.disconnect": {
        // Disconnect-PSSession: the session goes Disconnected; a running command keeps running, its records kept.
        const session = this.#session(connection, stringArg(args, "instanceId")!);
        if (args.idleTimeoutSec !== undefined) session.idleTimeoutMs = this.#idleTimeout(args) * 1000;
        session.bufferingMode = this.#bufferingMode(args) ?? session.bufferingMode;
        session.detach();
        this.#logSession("session.disconnect", session, connection);
        return session.info(connection);
      }
      case "session.connect":
        // Connect-/Receive-PSSession: attach, and resume each command after the last record the client has.
        return this.#attach(connection, stringArg(args, "instanceId")!, args.commands);
      case "session.list":
        return [...this.#sessions.values()].filter((s) => this.#mayReach(s, user)).map((s) => s.info(connection));
      case "session.remove": {
        await this.#closeSession(this.#session(connection, stringArg(args, "instanceId")!));
        return null;
      }
      case "command.start":
        return this.#startCommand(connection, args);
      case "command.stop": {
        // Stops that command only: a running one is stopped, a queued one never starts.
        const command = this.#findCommand(connection, stringArg(args, "command")!);
        if (command && !command.result) command.abort.abort();
        return null;
      }
    }
    throw new ProtocolError(`Unknown operation ${op}.`);
  }

  #startCommand(connection: Connection, args: Record<string, Wire>): Wire {
    const session = this.#session(connection, stringArg(args, "session")!);
    const id = stringArg(args, "command")!;
    const script = stringArg(args, "script")!;
    if (session.commands.has(id)) throw new ProtocolError(`Command id ${id} is already in use.`);
    const wait = args.wait !== false;
    const runspace = session.runspace;
    // about_PSSession_Details: an asynchronous command on a busy session fails at once (a synchronous one waits).
    if (!wait && runspace.availability === "Busy") {
      throw new RequestError(
        `The session ${runspace.name}, ${runspace.instanceId}, ${this.computerName} is not available to run commands. The session availability is Busy.`,
        "InvokeCommandCommandInvalidSessionAvailability",
      );
    }
    const decode = (name: string) => {
      const value = args[name];
      if (value === undefined || value === null) return undefined;
      const decoded = deserialize(value);
      if (!Array.isArray(decoded)) throw new ProtocolError(`'${name}' must be a list.`);
      return decoded;
    };
    // Everything is decoded before the command is registered, so a bad request leaves nothing behind.
    const commandArgs = decode("args");
    const input = decode("input");
    const using = args.using === undefined || args.using === null ? undefined : deserialize(args.using);
    if (using !== undefined && !(using instanceof PSHashtable)) throw new ProtocolError("'using' must be a table of values.");
    const usingValues = using ? Object.fromEntries(using.entries().map(([k, v]) => [String(k).toLowerCase(), v])) : undefined;
    const config = this.options.config;
    let running = 0;
    for (const s of this.#sessions.values()) for (const c of s.commands.values()) if (c.connection === connection && !c.result) running++;
    if (running >= config.maxConcurrentCommandsPerConnection) {
      const message = `This connection already has ${running} commands running or queued, the most the server allows (maxConcurrentCommandsPerConnection).`;
      this.#log({ event: "limit", user: connection.user, address: connection.address, limit: "maxConcurrentCommandsPerConnection", message });
      throw new RequestError(message, "MaxConcurrentCommandsReached");
    }
    const command = new HostedCommand(id, session, connection, config.outputBufferRecords);
    session.commands.set(id, command);
    this.#log({ event: "command", user: session.owner, session: session.runspace.instanceId, configuration: session.configurationName, command: id, text: script });
    const limits = new CommandLimits(command, config, (limit, message) => {
      this.#log({ event: "limit", user: session.owner, address: connection.address, limit, message });
    });
    // The connection that runs a command in a session is connected to it (it may be another than the creator's).
    this.#claim(session, connection);
    const onRecord = (record: StreamRecord) => {
      if (record.stream === "error") return command.push(["error", serializeError(record.value)]);
      const value = record.value;
      // Strings, finite numbers, booleans and $null are their own wire form: no serializer call for them.
      if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0))) {
        return command.push([record.stream, value]);
      }
      const { data, warnings } = serialize(value);
      for (const warning of warnings) command.push(["warning", warning]);
      return command.push([record.stream, data]);
    };
    runspace.invoke(script, { args: commandArgs, input, using: usingValues, onRecord, wait: true, signal: command.abort.signal }).then(
      (result) => ({ failed: result.failed, stopped: result.stopped, exitCode: result.exitCode }),
      (error) => {
        const record = (error as { record?: ErrorRecord }).record ?? new ErrorRecord(String(error), "ServerError", "NotSpecified", null, null);
        command.push(["error", serializeError(record)]);
        return { failed: true, stopped: false, exitCode: null };
      },
    ).then((result) => {
      limits.finish();
      command.result = result;
      session.touch();
      command.push(null);
      if (limits.overMemory) void this.#closeSession(session);
    });
    return null;
  }

  /** SIGINT/SIGTERM: tell every client, close every session, stop listening. */
  async close(): Promise<void> {
    for (const connection of this.#connections) {
      connection.send({ type: "shutdown", message: `The server ${this.computerName} is shutting down.` });
      connection.socket.close(1001, "shutdown");
    }
    for (const session of this.#sessions.values()) this.#logSession("session.close", session, null, "server shutdown");
    await Promise.all([...this.#sessions.values()].map((s) => s.runspace.close()));
    this.#sessions.clear();
    this.#audit?.close();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    (this.wss.options.server as unknown as { close?: () => void } | undefined)?.close?.();
  }
}

/** A request the server refuses, with the record the client shows. */
class RequestError extends Error {
  readonly record: ErrorRecord;
  constructor(message: string, id: string) {
    super(message);
    this.record = new ErrorRecord(message, id, "InvalidOperation", null, null);
  }
}
