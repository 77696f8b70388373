/**
 * A client runspace's remoting state: its connections (one per server and user) and its PSSessions, with the
 * PSSession objects scripts hold. A PSSession object is live — its State and Availability follow the session — and
 * stays usable as a record after the session is removed (State Closed), as PowerShell's does.
 */
import type { CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { toStr } from "../values/convert.ts";
import { credentialParts } from "../values/credentials.ts";
import { setFormatTypeName } from "../values/format.ts";
import { LiveObject, PSCustomObject } from "../values/objects.ts";
import { nextRunspaceId } from "../runspace/runspace.ts";
import { Connection, type Credential, RemoteRunspace, resolveTarget, type SessionInfo, type Target } from "./client.ts";

const SESSION_COLUMNS = ["Id", "Name", "Transport", "ComputerName", "ComputerType", "State", "ConfigurationName", "Availability"];

export class PSSessionView extends LiveObject {
  /** `remoteState`: how the server described a session this client did not hold when it was listed. */
  constructor(readonly runspace: RemoteRunspace, readonly remoteState: SessionInfo | null = null) {
    super([...SESSION_COLUMNS, "InstanceId"]);
    setFormatTypeName(this, "System.Management.Automation.Runspaces.PSSession");
  }

  protected read(name: string): unknown {
    const r = this.runspace;
    switch (name) {
      case "id": return r.id;
      case "name": return r.name;
      case "transport": return "WebSocket";
      case "computername": return r.computerName;
      case "computertype": return "RemoteMachine";
      // A session this client does not hold shows Disconnected; its Availability says whether another client has it.
      case "state": return r.state;
      case "configurationname": return r.configurationName;
      case "availability":
        if (r.state === "Disconnected" && this.remoteState) return this.remoteState.state === "Opened" ? "Busy" : "None";
        return r.availability;
      case "instanceid": return r.instanceId;
    }
  }
}

/** What a session option (New-PSSessionOption, $PSSessionOption) asks of a new session. */
export interface SessionSettings {
  idleTimeoutSec?: number;
  outputBufferingMode?: string;
}

/** The session option in force: -SessionOption, else $PSSessionOption. */
export function sessionSettings(ctx: CommandContext, params: Map<string, unknown>): SessionSettings {
  const option = params.get("SessionOption") ?? ctx.scope.lookup("PSSessionOption")?.value ?? null;
  if (!(option instanceof PSCustomObject)) return {};
  const idle = Number(option.get("IdleTimeout"));
  const mode = toStr(option.get("OutputBufferingMode") ?? "");
  return {
    // PSSessionOption's IdleTimeout is in milliseconds; -1 means "the server's default".
    idleTimeoutSec: idle > 0 ? idle / 1000 : undefined,
    outputBufferingMode: mode === "Block" || mode === "Drop" ? mode : undefined,
  };
}

/** The target options every -ComputerName command takes. */
export const TARGET_PARAMETERS = [
  { name: "Port", type: "int" },
  { name: "Credential", type: "object" },
  { name: "UseSSL", type: "switch" },
  { name: "ConfigurationName", type: "string" },
  { name: "SessionOption", type: "object" },
];

export class RemotingClient {
  readonly #connections = new Map<string, Promise<Connection>>();

  /** `notice`: where a connection's drop and recovery are told (the runspace's warning stream). */
  constructor(readonly notice: (text: string) => void) {}
  /** This client's sessions, in creation order (Get-PSSession without -ComputerName). */
  readonly sessions: PSSessionView[] = [];

  static of(ctx: CommandContext): RemotingClient {
    let client = ctx.session.extensions.get("remoting") as RemotingClient | undefined;
    if (!client) {
      const host = ctx.host;
      const created = client = new RemotingClient((text) => host.warning(text));
      ctx.session.extensions.set("remoting", created);
      ctx.session.onClose(() => created.close());
    }
    return client;
  }

  /** The target a command's parameters describe, for one computer name. */
  static target(ctx: CommandContext, params: Map<string, unknown>, computerName: string): Target {
    const given = params.get("Credential");
    let credential: Credential | null = null;
    if (given !== undefined && given !== null) {
      credential = credentialParts(given);
      if (!credential) {
        throw new RuntimeError(new ErrorRecord(
          `Cannot process argument transformation on parameter 'Credential'. A PSCredential is needed: [pscredential]::new('user', (ConvertTo-SecureString 'password' -AsPlainText -Force)) or Get-Credential.`,
          "ParameterArgumentTransformationError",
          "InvalidData",
          null,
          null,
        ));
      }
    }
    const option = params.get("SessionOption") ?? ctx.scope.lookup("PSSessionOption")?.value ?? null;
    const read = (name: string) => (option instanceof PSCustomObject ? option.get(name) : null);
    const openTimeout = Number(read("OpenTimeout"));
    return {
      computerName,
      port: params.has("Port") ? Number(params.get("Port")) : undefined,
      useSSL: params.get("UseSSL") === true,
      credential,
      home: ctx.session.environment().get("HOME"),
      openTimeoutMs: openTimeout > 0 ? openTimeout : undefined,
      skipCACheck: read("SkipCACheck") === true,
      skipCNCheck: read("SkipCNCheck") === true,
      caFile: ctx.session.environment().get("RSH_CA_CERTS") || undefined,
      retryWindowMs: Number(read("RetryWindowSec")) > 0 ? Number(read("RetryWindowSec")) * 1000 : undefined,
    };
  }

  connect(target: Target): Promise<Connection> {
    const { url, computerName } = resolveTarget(target);
    // An unverified connection (-SkipCACheck) is never reused by a command that asked for a verified one.
    const key = `${url}|${target.credential?.user ?? ""}|${target.credential?.password ?? ""}|${!!target.skipCACheck}|${!!target.skipCNCheck}`;
    let connection = this.#connections.get(key);
    if (!connection) {
      if (url.startsWith("wss:") && (target.skipCACheck || target.skipCNCheck)) {
        const who = target.skipCACheck ? "Anyone on the network path" : "Anyone with a certificate from an authority you trust";
        this.notice(
          `${target.skipCACheck ? "SkipCACheck" : "SkipCNCheck"}: the certificate of ${computerName} is NOT verified. ${who} can ` +
            "pose as the server and read or change the session, credentials included. Use this only with test certificates.",
        );
      }
      connection = Connection.open(target).then((c) => {
        c.onClose = () => this.#connections.delete(key);
        c.onNotice = this.notice;
        return c;
      });
      connection.catch(() => this.#connections.delete(key));
      this.#connections.set(key, connection);
    }
    return connection;
  }

  async newSession(target: Target, name: string | null, configurationName: string | null, keep: boolean, options: SessionSettings = {}): Promise<PSSessionView> {
    const connection = await this.connect(target);
    const id = nextRunspaceId();
    // PowerShell names a session Runspace<Id> after the client's id for it; the name travels to the server.
    const info = await connection.request("session.create", {
      name: name ?? `Runspace${id}`,
      configurationName,
      idleTimeoutSec: options.idleTimeoutSec ?? null,
      outputBufferingMode: options.outputBufferingMode ?? null,
    }) as unknown as SessionInfo;
    const runspace = new RemoteRunspace(connection, info, resolveTarget(target).computerName, id, true, () => this.connect(target));
    const view = new PSSessionView(runspace);
    if (keep) this.sessions.push(view);
    return view;
  }

  /** Every session of the current user on a server (Get-PSSession -ComputerName). */
  async listRemote(target: Target): Promise<PSSessionView[]> {
    const connection = await this.connect(target);
    const infos = await connection.request("session.list", {}) as unknown as SessionInfo[];
    return infos.map((info) => {
      const mine = this.sessions.find((s) => s.runspace.instanceId === info.instanceId);
      if (mine) return mine;
      const runspace = new RemoteRunspace(connection, info, resolveTarget(target).computerName, nextRunspaceId(), false, () => this.connect(target));
      return new PSSessionView(runspace, info);
    });
  }

  /** Says goodbye on every connection: the servers close this client's idle sessions (issue 6's rule). */
  async close(): Promise<void> {
    const connections = await Promise.allSettled([...this.#connections.values()]);
    this.#connections.clear();
    await Promise.all(connections.map((c) => (c.status === "fulfilled" ? c.value.close() : undefined)));
  }

  async remove(view: PSSessionView): Promise<void> {
    await view.runspace.close();
    const index = this.sessions.indexOf(view);
    if (index >= 0) this.sessions.splice(index, 1);
  }
}

/** A PSSession given as a parameter: a PSSession object, or an error naming what was given instead. */
export function sessionOf(value: unknown): PSSessionView {
  if (value instanceof PSSessionView) return value;
  throw new RuntimeError(new ErrorRecord(
    `Cannot bind parameter 'Session'. Cannot convert "${toStr(value)}" to type "System.Management.Automation.Runspaces.PSSession".`,
    "CannotConvertArgument",
    "InvalidArgument",
    null,
    null,
  ));
}
