/**
 * One remote command over many sessions or computers (Invoke-Command's fan-out): at most `throttle` at once
 * (-ThrottleLimit, default 32), a temporary session per computer that is closed when its command ends, an error
 * record per computer that cannot be reached while the others go on, and -Timeout. Used directly by Invoke-Command
 * and, as a job's runner, by Invoke-Command -AsJob.
 */
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import type { StreamRecord } from "../runspace/runspace.ts";
import type { RemoteRunspace } from "./client.ts";

/** Where a record came from: the computer, and the session when there was one. */
export interface Origin {
  computerName: string;
  instanceId: string | null;
  /** The target's position in the plan (its child job under -AsJob). */
  index: number;
}

export interface FanOutPlan {
  script: string;
  args?: unknown[];
  input?: unknown[];
  using: Record<string, unknown>;
  /** -Session: existing sessions (kept open). */
  sessions?: RemoteRunspace[];
  /** -ComputerName: how to open a temporary session on each computer. */
  computers?: { name: string; open: () => Promise<RemoteRunspace> }[];
  throttle: number;
  /** 0: no limit. */
  timeoutMs: number;
  /** False for an asynchronous command (-AsJob): a busy session then refuses at once. */
  wait: boolean;
}

export class FanOut {
  readonly #running = new Set<RemoteRunspace>();
  #stopped = false;
  failed = false;

  constructor(
    readonly plan: FanOutPlan,
    readonly onRecord: (record: StreamRecord, origin: Origin) => void,
    /** Called as each target's command ends. */
    readonly onTargetDone: (index: number, outcome: { failed: boolean; stopped: boolean }) => void = () => {},
  ) {}

  async run(): Promise<{ failed: boolean; stopped: boolean }> {
    const { plan } = this;
    if (plan.sessions) await throttled(plan.sessions, plan.throttle, (session, index) => this.#runIn(session, index));
    else {
      await throttled(plan.computers ?? [], plan.throttle, async (computer, index) => {
        let session: RemoteRunspace;
        try {
          session = await computer.open();
        } catch (e) {
          this.#fail(e, { computerName: computer.name, instanceId: null, index });
          return this.onTargetDone(index, { failed: true, stopped: false });
        }
        try {
          await this.#runIn(session, index);
        } finally {
          await session.close().catch(() => {});
        }
      });
    }
    return { failed: this.failed, stopped: this.#stopped };
  }

  /** Whether every session still running this command is disconnected (the job then shows Disconnected). */
  get disconnected(): boolean {
    return this.#running.size > 0 && [...this.#running].every((s) => s.state === "Disconnected");
  }

  /** Stops every remote command still running (the caller was stopped, or the job was). */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#running].map((s) => s.stop().catch(() => {})));
  }

  async #runIn(session: RemoteRunspace, index: number): Promise<void> {
    const origin = { computerName: session.computerName, instanceId: session.instanceId, index };
    if (this.#stopped) return this.onTargetDone(index, { failed: false, stopped: true });
    let outcome = { failed: true, stopped: false };
    this.#running.add(session);
    const { plan } = this;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (plan.timeoutMs > 0) {
      timer = setTimeout(() => {
        const message = `The command was stopped on ${session.computerName} after ${plan.timeoutMs / 1000} seconds (-Timeout).`;
        this.onRecord({ stream: "error", value: new ErrorRecord(message, "CommandTimedOut", "OperationTimeout", null, null) }, origin);
        session.stop().catch(() => {});
      }, plan.timeoutMs);
    }
    try {
      const result = await session.invoke(plan.script, {
        args: plan.args,
        input: plan.input,
        using: plan.using,
        wait: plan.wait,
        onRecord: (record) => this.onRecord(record, origin),
      });
      if (result.failed) this.failed = true;
      outcome = { failed: result.failed, stopped: result.stopped };
    } catch (e) {
      this.#fail(e, origin);
    } finally {
      clearTimeout(timer);
      this.#running.delete(session);
      this.onTargetDone(index, outcome);
    }
  }

  #fail(e: unknown, origin: Origin): void {
    if (!(e instanceof RuntimeError)) throw e;
    this.failed = true;
    this.onRecord({ stream: "error", value: e.record }, origin);
  }
}

/** Runs `task` for each item with at most `limit` running at once. */
async function throttled<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit > 0 ? limit : 32, items.length)) }, worker));
}
