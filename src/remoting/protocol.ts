/**
 * The rsh remoting protocol (docs/protocol.md): JSON messages over one WebSocket per client connection, many sessions
 * multiplexed on it. The client authenticates with `hello`; then it sends `request`s (answered by a `response` with
 * the same id) and `ack`s; the server streams each command's records in `records` batches and ends it with `done`.
 * Every record of a command carries a sequence number (1, 2, …; `done` takes the next one), the client acknowledges
 * the highest it has, and the server keeps what is unacknowledged — so a client that comes back (issue 6) asks to
 * resume after its last acknowledged number, with no change to these messages.
 */
import type { Wire } from "./serializer.ts";

export const PROTOCOL_VERSION = 1;

export type Operation =
  | "session.create"
  | "session.list"
  | "session.remove"
  | "session.disconnect"
  | "session.connect"
  | "command.start"
  | "command.stop";

export type ClientMessage =
  | {
    type: "hello";
    version: number;
    user?: string;
    password?: string;
    token?: string;
    clientId?: string;
    /** A reconnecting client's sessions, attached before the welcome, and the last record it has per command. */
    resume?: { sessions: string[]; commands: Record<string, number> };
  }
  | { type: "request"; id: number; op: Operation; args: Record<string, Wire> }
  | { type: "ack"; command: string; seq: number }
  | { type: "bye" };

/** One stream record: the stream's name and the serialized value. */
export type WireRecord = [stream: string, value: Wire];

export type ServerMessage =
  | { type: "welcome"; version: number; user: string; computerName: string; resumed?: Record<string, string>; maxMessageBytes?: number }
  | { type: "denied"; message: string }
  | { type: "response"; id: number; ok: true; value: Wire }
  | { type: "response"; id: number; ok: false; error: Wire }
  | { type: "records"; command: string; seq: number; records: WireRecord[] }
  | { type: "done"; command: string; seq: number; result: { failed: boolean; stopped: boolean; exitCode: number | null } }
  | { type: "shutdown"; message: string }
  | { type: "error"; message: string };

export class ProtocolError extends Error {}

const OPERATIONS = new Set<string>([
  "session.create", "session.list", "session.remove", "session.disconnect", "session.connect", "command.start", "command.stop",
]);

/** Parses and checks one client message; anything malformed is a ProtocolError naming what was wrong. */
export function parseClientMessage(text: string): ClientMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    throw new ProtocolError("The message is not valid JSON.");
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) throw new ProtocolError("A message must be a JSON object.");
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case "hello":
      if (typeof m.version !== "number") throw new ProtocolError("'hello' needs a numeric 'version'.");
      for (const key of ["user", "password", "token", "clientId"]) {
        if (m[key] !== undefined && typeof m[key] !== "string") throw new ProtocolError(`'hello.${key}' must be a string.`);
      }
      if (m.resume !== undefined) {
        const r = m.resume as { sessions?: unknown; commands?: unknown } | null;
        const valid = typeof r === "object" && r !== null && Array.isArray(r.sessions) && r.sessions.every((s) => typeof s === "string") &&
          typeof r.commands === "object" && r.commands !== null && !Array.isArray(r.commands) &&
          Object.values(r.commands).every((n) => Number.isSafeInteger(n));
        if (!valid) throw new ProtocolError("'hello.resume' needs 'sessions' (ids) and 'commands' (id → last sequence number).");
      }
      return m as ClientMessage;
    case "request":
      if (!Number.isSafeInteger(m.id)) throw new ProtocolError("'request' needs an integer 'id'.");
      if (typeof m.op !== "string" || !OPERATIONS.has(m.op)) throw new ProtocolError(`Unknown operation ${JSON.stringify(m.op)}.`);
      if (typeof m.args !== "object" || m.args === null || Array.isArray(m.args)) throw new ProtocolError("'request.args' must be an object.");
      return m as ClientMessage;
    case "ack":
      if (typeof m.command !== "string" || !Number.isSafeInteger(m.seq)) throw new ProtocolError("'ack' needs 'command' and an integer 'seq'.");
      return m as ClientMessage;
    case "bye":
      return m as ClientMessage;
    default:
      throw new ProtocolError(`Unknown message type ${JSON.stringify(m.type)}.`);
  }
}

/** Reads a string argument of a request. */
export function stringArg(args: Record<string, Wire>, name: string, optional = false): string | null {
  const value = args[name];
  if (value === undefined || value === null) {
    if (optional) return null;
    throw new ProtocolError(`The request needs '${name}'.`);
  }
  if (typeof value !== "string") throw new ProtocolError(`'${name}' must be a string.`);
  return value;
}
