/**
 * rsh on a real pseudo-terminal: a tmux server of its own (a unique `-L` socket) runs the CLI in one pane; the test
 * types keys with send-keys and reads the screen with capture-pane. `kill()` always ends the tmux server, and a
 * watchdog kills it after `timeoutMs` whatever happens.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { rshCommand } from "../support/rsh_process.ts";

let sockets = 0;

/** True when tmux can be run here (the tests skip otherwise). */
export function haveTmux(): boolean {
  return spawnSync("tmux", ["-V"]).status === 0;
}

export interface TmuxRsh {
  /** Types text literally (no key names). */
  type(text: string): void;
  /** Pastes text as a terminal does when the application asked for bracketed paste. */
  paste(text: string): void;
  /** Presses keys by tmux name: Enter, Tab, Up, C-c, C-r … */
  press(...keys: string[]): void;
  /** The screen as plain text (trailing blank lines dropped). */
  screen(): string;
  /** Waits until the screen contains/matches/satisfies `pattern`; fails with the screen after `timeoutMs`. */
  waitFor(pattern: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** The cursor's column and row. */
  cursor(): { x: number; y: number };
  /** True once rsh has exited (the pane stays, dead, so its last screen can be read). */
  exited(): boolean;
  kill(): void;
}

/** Starts rsh in a pane (in this process's directory, where the repository's relative paths hold). */
export function startTmuxRsh(args: string[], options: { env: Record<string, string>; width?: number; height?: number; timeoutMs?: number }): TmuxRsh {
  const socket = `rsh-test-${process.pid}-${++sockets}`;
  const tmux = (...argv: string[]) => {
    const r = spawnSync("tmux", ["-L", socket, ...argv], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`tmux ${argv[0]} failed: ${r.stderr}`);
    return r.stdout;
  };
  const [command, argv] = rshCommand(args);
  const env = Object.entries(options.env).map(([k, v]) => `${k}=${v}`);
  tmux(
    "-f", "/dev/null", "new-session", "-d", "-x", String(options.width ?? 100), "-y", String(options.height ?? 30), "-c", process.cwd(),
    "env", ...env, command, ...argv,
  );
  tmux("set-option", "-g", "remain-on-exit", "on");
  const watchdog = setTimeout(() => spawnSync("tmux", ["-L", socket, "kill-server"]), options.timeoutMs ?? 60_000);
  const screen = () => tmux("capture-pane", "-p").replace(/\n+$/, "");
  return {
    type: (text) => void tmux("send-keys", "-l", text),
    press: (...keys) => void tmux("send-keys", ...keys),
    paste: (text) => {
      tmux("set-buffer", text);
      tmux("paste-buffer", "-p", "-d");
    },
    screen,
    async waitFor(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (true) {
        const text = screen();
        const found = typeof pattern === "string" ? text.includes(pattern) : pattern instanceof RegExp ? pattern.test(text) : pattern(text);
        if (found) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    cursor: () => {
      const [x, y] = tmux("display-message", "-p", "#{cursor_x} #{cursor_y}").trim().split(" ").map(Number);
      return { x, y };
    },
    exited: () => tmux("display-message", "-p", "#{pane_dead}").trim() === "1",
    kill() {
      clearTimeout(watchdog);
      spawnSync("tmux", ["-L", socket, "kill-server"]);
    },
  };
}
