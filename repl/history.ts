/**
 * The REPL's history, kept per user in `$XDG_DATA_HOME/rsh/history` (default `~/.local/share/rsh/history`). The file
 * is PSReadLine's format: one entry per line, each line of a multi-line entry but the last ending in a backtick, so
 * a function typed over several `>> ` lines comes back whole. A repeat of the previous entry is not added again.
 */
// node:fs (both runtimes have it) rather than the Deno shim, which Node would load (~50 ms) for the first entry.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";

/** PSReadLine's MaximumHistoryCount default. */
const MAX_ENTRIES = 4096;

/** Where the history file lives for the environment `env` (null when neither XDG_DATA_HOME nor HOME is set). */
export function historyPath(env: Record<string, string | undefined>): string | null {
  const data = env.XDG_DATA_HOME || (env.HOME ? `${env.HOME}/.local/share` : "");
  return data ? `${data}/rsh/history` : null;
}

export class History {
  readonly entries: string[] = [];

  /** Loads the entries saved at `path`; with null the history lives in memory only. */
  constructor(readonly path: string | null = null) {
    if (!path) return;
    let text = "";
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return;
    }
    let entry: string[] = [];
    for (const line of text.split("\n")) {
      if (line.endsWith("`")) {
        entry.push(line.slice(0, -1));
        continue;
      }
      entry.push(line);
      const whole = entry.join("\n");
      entry = [];
      if (whole.trim() !== "" && whole !== this.entries[this.entries.length - 1]) this.entries.push(whole);
    }
    this.entries.splice(0, Math.max(0, this.entries.length - MAX_ENTRIES));
  }

  /** Adds an entry (blank ones and a repeat of the last are left out) and appends it to the file. */
  add(text: string): void {
    if (text.trim() === "" || text === this.entries[this.entries.length - 1]) return;
    this.entries.push(text);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    if (!this.path) return;
    try {
      mkdirSync(this.path.slice(0, this.path.lastIndexOf("/")), { recursive: true });
      appendFileSync(this.path, text.replaceAll("\n", "`\n") + "\n");
    } catch {
      // A history that cannot be saved (read-only home) must not stop the shell; it still works in memory.
    }
  }
}
