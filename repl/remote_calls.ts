/**
 * Calls into the entered remote session with a way out. Ctrl+C stops the remote command; a second Ctrl+C while it
 * still runs (the stop did not get through: the connection is gone, the server hangs) leaves the session and returns
 * to the local prompt — people get stuck in broken PowerShell sessions where every key fails (PowerShell#10573).
 */
import type { LocalRunspace } from "../src/runspace/local_runspace.ts";
import type { StreamRecord } from "../src/runspace/runspace.ts";
import type { ReplIo } from "./repl.ts";

export type Entered = NonNullable<LocalRunspace["entered"]>;

type OnRecord = (record: StreamRecord) => void;

export class RemoteCalls {
  constructor(readonly runspace: LocalRunspace, readonly io: ReplIo) {}

  /** Runs `script` remotely; "abandoned" when the user left the session while it ran. */
  async call(entered: Entered, script: string, onRecord: OnRecord): Promise<{ failed: boolean } | "abandoned"> {
    let presses = 0;
    let abandon!: () => void;
    const abandoned = new Promise<"abandoned">((resolve) => (abandon = () => resolve("abandoned")));
    const done = this.io.whileRunning?.(() => {
      if (++presses === 1) void entered.runspace.stop().catch(() => {});
      else abandon();
    });
    const running = entered.runspace.invoke(script, { onRecord: (r) => onRecord(r as StreamRecord) })
      .then((result) => ({ failed: (result as { failed?: boolean }).failed === true }));
    running.catch(() => {});
    try {
      const outcome = await Promise.race([running, abandoned]);
      if (outcome === "abandoned") this.abandon(entered, "it did not stop when asked");
      return outcome;
    } finally {
      done?.();
    }
  }

  /**
   * Runs the host's own `script` (the prompt, a completion) where the user's statements go — the entered session or
   * the local one — and gives its output. It leaves `$?` as the user's last statement set it, as PowerShell's host.
   */
  async hostCall(script: string): Promise<unknown[]> {
    const entered = this.runspace.entered;
    const output: unknown[] = [];
    const take = (r: StreamRecord) => void (r.stream === "output" && output.push(r.value));
    const run = (text: string, onRecord: OnRecord) => (entered ? this.call(entered, text, onRecord) : this.runspace.invoke(text, { onRecord }));
    await run(`$?; ${script}`, take);
    if (output[0] === false) await run("$? = $false", () => {}).catch(() => {});
    return output.slice(1);
  }

  /** Runs one statement typed in the entered session, showing its records; returns whether it failed. */
  async statement(entered: Entered, text: string): Promise<boolean> {
    try {
      const outcome = await this.call(entered, text, (record) => this.io.record?.(record));
      return outcome === "abandoned" || outcome.failed;
    } catch (e) {
      const record = (e as { record?: unknown }).record;
      if (record) this.io.record?.({ stream: "error", value: record } as StreamRecord);
      return true;
    } finally {
      this.io.flush?.();
    }
  }

  /** True when the entered session can no longer run commands (Broken, Closed, Disconnected). */
  broken(entered: Entered): boolean {
    const state = (entered.runspace as { state?: string }).state;
    return state !== undefined && state !== "Opened";
  }

  /** Leaves the entered session without waiting for it (closing a temporary one may hang on a dead connection). */
  abandon(entered: Entered, why: string): void {
    if (this.runspace.entered !== entered) return;
    this.runspace.enter(null).catch(() => {});
    this.io.notice?.(`Left the session on ${entered.computerName} (${why}); back at the local prompt.\n`);
  }
}
