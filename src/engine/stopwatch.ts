/**
 * System.Diagnostics.Stopwatch, as scripts time themselves: `$sw = [Diagnostics.Stopwatch]::StartNew()`, then
 * `$sw.Elapsed.TotalSeconds` or `$sw.ElapsedMilliseconds`; Start, Stop, Reset and Restart as .NET's.
 */
import { DOTNET_TYPE } from "../values/convert.ts";
import { timeSpan } from "../values/objects.ts";
import { VOID } from "./dotnet.ts";

export class StopwatchValue {
  /** Milliseconds counted before the current run. */
  #banked = 0;
  /** When the current run started (performance.now()), or null while stopped. */
  #since: number | null = null;

  get [DOTNET_TYPE](): string {
    return "System.Diagnostics.Stopwatch";
  }

  get elapsedMs(): number {
    return this.#banked + (this.#since === null ? 0 : performance.now() - this.#since);
  }

  /** A property (lower-case name); undefined for one a Stopwatch does not have. */
  member(name: string): unknown {
    switch (name) {
      case "elapsed": return timeSpan(this.elapsedMs);
      case "elapsedmilliseconds": return Math.floor(this.elapsedMs);
      // Stopwatch.Frequency here is 10,000,000 ticks a second (100 ns ticks, as TimeSpan's).
      case "elapsedticks": return Math.floor(this.elapsedMs * 10_000);
      case "isrunning": return this.#since !== null;
      default: return undefined;
    }
  }

  /** A method (lower-case name); undefined for one a Stopwatch does not have. */
  method(name: string): unknown {
    switch (name) {
      case "start":
        this.#since ??= performance.now();
        return VOID;
      case "stop":
        this.#banked = this.elapsedMs;
        this.#since = null;
        return VOID;
      case "reset":
        this.#banked = 0;
        this.#since = null;
        return VOID;
      case "restart":
        this.#banked = 0;
        this.#since = performance.now();
        return VOID;
      case "tostring": return "System.Diagnostics.Stopwatch";
      default: return undefined;
    }
  }
}

/** `[Diagnostics.Stopwatch]::StartNew()`: a running stopwatch. */
export function startedStopwatch(): StopwatchValue {
  const stopwatch = new StopwatchValue();
  stopwatch.method("start");
  return stopwatch;
}
