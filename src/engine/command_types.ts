/**
 * What a built-in command is to the engine: a name, aliases, a declarative parameter table and begin/process/end
 * steps that write to the pipeline through their context. The engine knows this shape; src/commands fills it.
 */
import type { ParameterSpec } from "./binder.ts";
import type { Maybe } from "./maybe.ts";
import type { Pacer } from "./pacer.ts";
import type { Scope } from "./scope.ts";

/** Where records that are not pipeline output go (the runspace's host). */
export interface EngineHost {
  error(record: import("./errors.ts").ErrorRecord): void;
  host(text: string): void;
  warning(text: string): void;
  verbose(text: string): void;
}

export interface CommandContext {
  /**
   * Writes an object to the command's output (the next command, or the host at the end). When the downstream waits
   * it returns a promise: return it (or chain on it) so that objects stay in order.
   */
  emit(value: unknown): Maybe<void>;
  /** Writes each value in order (see emit). */
  emitAll(values: readonly unknown[]): Maybe<void>;
  /** Writes a non-terminating error (terminating under -ErrorAction Stop). */
  writeError(message: string, errorId: string, commandName?: string): void;
  readonly host: EngineHost;
  readonly scope: Scope;
  /** The running pipeline's stop signal and waits (Start-Sleep, jobs). */
  readonly pacer: Pacer;
  /** Runs a script block with `$_` set to `item` (and `args`), returning what it wrote. */
  invoke(block: unknown, item: unknown, args?: unknown[]): Maybe<unknown[]>;
}

export interface BuiltinCommand {
  name: string;
  aliases?: string[];
  parameters: ParameterSpec[];
  /** Per-invocation state lives in the object begin() returns (or resolves to). */
  begin?(ctx: CommandContext, params: Map<string, unknown>): unknown;
  process?(ctx: CommandContext, params: Map<string, unknown>, input: unknown, state: unknown): Maybe<void>;
  end?(ctx: CommandContext, params: Map<string, unknown>, state: unknown): Maybe<void>;
}
