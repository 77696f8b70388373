/**
 * Cooperative execution (DESIGN.md): every runspace of a process shares one event loop, so a running pipeline gives
 * the loop back every few milliseconds, and each of those yield points also checks the stop signal (Ctrl+C,
 * Stop-Job, a remote stop). Between yields the evaluator runs synchronously; a checkpoint that is not due costs an
 * increment and a mask test.
 */
/**
 * How long a pipeline may hold the event loop before it yields. 2 ms: a yield costs tens of microseconds (about 1 %),
 * and everything else of the process — another session, a client reconnecting — waits 1 ms on average for its turn.
 */
const SLICE_MS = 2;
/** The slice while someone waits for a turn of the event loop (see hurry). */
const HURRIED_SLICE_MS = 0.5;
/** Checkpoints between clock reads. */
const CLOCK_EVERY = 256;
/** The hurries in progress, each with its deadline (performance.now() time). */
const hurries = new Set<{ until: number }>();

/**
 * Someone outside the running pipelines needs the event loop's turns soon: a client reconnecting to a server whose
 * sessions are streaming needs several turns (accept, upgrade, hello), and each would wait a whole slice. Until the
 * returned function is called, or `ms` milliseconds at most, every pipeline of the process yields after
 * HURRIED_SLICE_MS instead (short slices cost the pipelines a little: ended as soon as the need is).
 */
export function hurry(ms: number): () => void {
  const entry = { until: performance.now() + ms };
  hurries.add(entry);
  return () => void hurries.delete(entry);
}

function hurried(now: number): boolean {
  for (const entry of hurries) {
    if (now < entry.until) return true;
    hurries.delete(entry);
  }
  return false;
}

const nextSliceEnd = (): number => {
  const now = performance.now();
  return now + (hurries.size && hurried(now) ? HURRIED_SLICE_MS : SLICE_MS);
};

/**
 * The running pipeline was stopped (PowerShell's PipelineStoppedException): `catch` does not take it, `finally`
 * blocks run, and the runspace reports "The pipeline has been stopped.".
 */
export class StoppedSignal {
  readonly message = "The pipeline has been stopped.";
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A running pipeline's stop signal and cooperative waits (`ctx.pacer`). A host command that waits on something
 * should wait through `pacer.wait` so that Ctrl+C, Stop-Job or an `AbortSignal` can end the wait.
 *
 * @example
 * ```ts
 * import type { BuiltinCommand } from "rsh";
 * const fetchCommand: BuiltinCommand = {
 *   name: "Get-Url",
 *   parameters: [{ name: "Uri", position: 0, type: "string", mandatory: true }],
 *   end: async (ctx, params) => {
 *     const response = await ctx.pacer.wait(fetch(String(params.get("Uri"))));
 *     await ctx.emit(await ctx.pacer.wait(response.text()));
 *   },
 * };
 * ```
 */
export class Pacer {
  #ticks = 0;
  #sliceEnd = 0;
  #stopping = false;
  /** Wakes whatever the pipeline is waiting on (a sleep, a job) when it is stopped. */
  #wakers = new Set<() => void>();

  /** True once the pipeline has been asked to stop. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** A new pipeline starts with a fresh slice and no stop request. */
  start(): void {
    this.#stopping = false;
    this.#sliceEnd = nextSliceEnd();
  }

  /** Asks the running pipeline to stop at its next checkpoint (or at once, if it is waiting). */
  stop(): void {
    this.#stopping = true;
    for (const wake of [...this.#wakers]) wake();
  }

  /** A loop back-edge or a pipeline object: throws when stopped; returns a promise when it is time to yield. */
  checkpoint(): Promise<void> | undefined {
    if (this.#stopping) throw new StoppedSignal();
    if (++this.#ticks % CLOCK_EVERY !== 0 || performance.now() < this.#sliceEnd) return undefined;
    return yieldToEventLoop().then(() => this.resume());
  }

  /** Waits for `ms` (Start-Sleep), ending early with StoppedSignal when the pipeline is stopped. */
  sleep(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return this.wait(new Promise<void>((resolve) => timer = setTimeout(resolve, ms))).finally(() => clearTimeout(timer));
  }

  /** Waits for `promise`, ending early with StoppedSignal when the pipeline is stopped. */
  wait<T>(promise: Promise<T>): Promise<T> {
    if (this.#stopping) return Promise.reject(new StoppedSignal());
    let wake = () => {};
    const stopped = new Promise<never>((_, reject) => {
      wake = () => reject(new StoppedSignal());
      this.#wakers.add(wake);
    });
    return Promise.race([promise, stopped]).finally(() => this.#wakers.delete(wake)).then((value) => {
      this.resume();
      return value;
    });
  }

  /** After a wait: throws StoppedSignal when stopped, else starts a fresh slice. */
  resume(): void {
    if (this.#stopping) throw new StoppedSignal();
    this.#sliceEnd = nextSliceEnd();
  }
}
