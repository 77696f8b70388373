/**
 * The server's audit log (`rsh serve --audit FILE`, or `audit` in the config): one JSON object per line, appended
 * and written synchronously, so a line is on disk before the server acts on what it records — a crash cannot lose
 * the line of the command that caused it. The file is created with mode 0600 (it holds command text).
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** What the log records; `event` names the kind, the other fields depend on it (docs/remoting.md, Audit log). */
export type AuditEvent =
  | { event: "login"; outcome: "success" | "failure"; user: string | null; address: string; method: "token" | "password"; reason?: string }
  | { event: "session.create" | "session.connect" | "session.disconnect" | "session.close"; user: string; session: string; name: string; configuration: string; address?: string; reason?: string }
  | { event: "command"; user: string; session: string; configuration: string; command: string; text: string }
  | { event: "limit"; user: string | null; address: string; limit: string; message: string };

export class AuditLog {
  readonly #fd: number;

  private constructor(fd: number) {
    this.#fd = fd;
  }

  /** Opens `path` for appending (creating it); throws when it cannot be written, so the server does not start blind. */
  static open(path: string): AuditLog {
    return new AuditLog(openSync(path, "a", 0o600));
  }

  write(entry: AuditEvent): void {
    const line = JSON.stringify({ time: new Date().toISOString(), ...entry }) + "\n";
    writeSync(this.#fd, line);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
