/**
 * The limits a running command is held to (docs/remoting.md, Limits): its run time (`operationTimeoutSec`) and the
 * memory its session's variables hold (`maxSessionMemoryMB`, PowerShell's MaxMemoryPerShellMB). Either one stops the
 * command with an error record that names the limit. Memory is sampled while the command runs (the evaluator yields
 * every few milliseconds, so the sampler gets its turn) and once more when it ends; a session past its memory limit
 * is closed afterwards, as WinRM ends a shell past its quota — its variables are what holds the memory. A sample walks
 * the session's values, so the pause after one is at least 20 times what it took: a session holding millions of
 * values loses at most ~5 % of its time to the sampler.
 */
import { ErrorRecord } from "../engine/errors.ts";
import type { ServerConfig } from "./config.ts";
import type { HostedCommand } from "./hosted.ts";
import { serializeError } from "./serializer.ts";

const SAMPLE_MS = 200;
/** The pause after a sample, as a multiple of the sample's own time (bounds the sampler's share of the time). */
const BACKOFF = 20;

export class CommandLimits {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sampler: ReturnType<typeof setTimeout> | undefined;
  #finished = false;
  #tripped = false;
  /** The session's variables passed maxSessionMemoryMB: close the session once the command's records are out. */
  overMemory = false;

  constructor(
    readonly command: HostedCommand,
    readonly config: ServerConfig,
    readonly onLimit: (limit: string, message: string) => void,
  ) {
    const seconds = config.operationTimeoutSec;
    if (seconds !== null) {
      this.#timer = setTimeout(() => this.#trip(
        "operationTimeoutSec",
        `The WS-Management service cannot complete the operation within the time specified in OperationTimeout: the command ran longer than the server allows (operationTimeoutSec ${seconds} s) and was stopped.`,
      ), seconds * 1000);
    }
    this.#schedule(SAMPLE_MS);
  }

  #schedule(delayMs: number): void {
    this.#sampler = setTimeout(() => {
      const started = performance.now();
      this.#checkMemory();
      if (!this.#finished && !this.overMemory) this.#schedule(Math.max(SAMPLE_MS, (performance.now() - started) * BACKOFF));
    }, delayMs);
  }

  #checkMemory(): void {
    const limit = this.config.maxSessionMemoryMB * 1024 * 1024;
    const used = this.command.session.runspace.variablesSize(limit);
    if (used <= limit) return;
    this.overMemory = true;
    this.#trip(
      "maxSessionMemoryMB",
      `The session's variables hold more memory than the server allows (maxSessionMemoryMB ${this.config.maxSessionMemoryMB} MB): the command was stopped and the session is closed.`,
    );
  }

  #trip(limit: string, message: string): void {
    if (this.#tripped) return;
    this.#tripped = true;
    this.command.push(["error", serializeError(new ErrorRecord(message, `${limit}Exceeded`, "LimitsExceeded", null, null))]);
    this.command.abort.abort();
    this.onLimit(limit, message);
  }

  /** The command ended: a last memory check (a quick allocation may fall between samples), then no more watching. */
  finish(): void {
    this.#finished = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#sampler);
    this.#checkMemory();
  }
}
