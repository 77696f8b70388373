/**
 * A LocalRunspace is one session: its own global scope, its own copy of the environment and its own location.
 * It runs one parsed script or statement at a time and sends every record to its Host.
 */
import type { ScriptBlock } from "../../grammar/ast.ts";
import { builtinCommands } from "../commands/registry.ts";
import type { RawArgument } from "../engine/binder.ts";
import { CommandTable } from "../engine/commands.ts";
import { BreakSignal, ErrorRecord, ExitSignal, RuntimeError } from "../engine/errors.ts";
import { Evaluator } from "../engine/evaluator.ts";
import { type Maybe, then, tryCatch } from "../engine/maybe.ts";
import { scriptBlockProcessor } from "../engine/processors.ts";
import { Scope } from "../engine/scope.ts";
import { PSHashtable } from "../values/objects.ts";

export { formatValue } from "../values/format.ts";
export { ErrorRecord };

/** Where a runspace's records go: the CLI prints them, an embedder may collect them. */
export interface Host {
  /** Each object that reaches the end of a top-level pipeline, as soon as it is produced. */
  output(value: unknown): void;
  /** Error records: non-terminating errors, and the terminating error that escaped. */
  error(record: ErrorRecord): void;
  /** Write-Host text, including its newline unless -NoNewline. */
  host(text: string): void;
  warning?(text: string): void;
  verbose?(text: string): void;
  information?(value: unknown): void;
}

export interface RunOptions {
  /** Raw command-line arguments, bound to the script's param() block like `pwsh -File script.ps1 …`. */
  args?: string[];
  /** The script's path: it then runs in its own script scope. Without it, statements run in the global scope. */
  file?: string;
  /** The source text the AST was parsed from (for error snippets). */
  source?: string;
}

export interface RunResult {
  /** N for `exit N`, else null. */
  exitCode: number | null;
  /** True when a terminating error escaped (it was sent to Host.error). */
  failed: boolean;
}

const commands = new CommandTable(builtinCommands);

/** Turns command-line words into binder arguments: `-Name`, `-Name:value`, or values. */
function cliArguments(words: string[]): RawArgument[] {
  return words.map((word) => {
    const m = /^-([A-Za-z_?][\w-]*)(:(.*))?$/s.exec(word);
    if (!m) return { kind: "value", value: word };
    return m[2] ? { kind: "parameter", name: m[1], hasValue: true, value: m[3], text: word } : { kind: "parameter", name: m[1], hasValue: false, text: word };
  });
}

/**
 * Anything else that escapes the evaluator becomes an error record instead of taking the process down: JS's stack
 * overflow is PowerShell's call depth overflow; any other is reported as an internal error.
 */
function internalError(error: unknown, ast: ScriptBlock, source: string): ErrorRecord {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ErrorRecord("The script failed due to call depth overflow.", "CallDepthOverflow", "InvalidOperation", ast.span, source);
  }
  const message = `Internal error: ${error instanceof Error ? error.message : String(error)}`;
  return new ErrorRecord(message, "InternalError", "NotSpecified", ast.span, source);
}

export class LocalRunspace {
  readonly name: string;
  readonly #global = new Scope(null, true);
  readonly #evaluator: Evaluator;
  readonly #host: Host;

  constructor(options: { host: Host; name?: string; env?: Record<string, string>; location?: string }) {
    this.name = options.name ?? "Runspace";
    this.#host = options.host;
    const env = new Map(Object.entries(options.env ?? {}));
    this.#evaluator = new Evaluator({
      error: (record) => options.host.error(record),
      host: (text) => options.host.host(text),
      warning: (text) => options.host.warning?.(text),
      verbose: (text) => options.host.verbose?.(text),
    }, commands, env);
    const version = new PSHashtable();
    version.set("PSVersion", "7.4.0");
    version.set("PSEdition", "Core");
    const globals: Record<string, unknown> = {
      ErrorActionPreference: "Continue", VerbosePreference: "SilentlyContinue", Error: [], "?": true,
      PSVersionTable: version, HOME: env.get("HOME") ?? null, PWD: options.location ?? null, IsLinux: true,
      IsWindows: false, IsMacOS: false, args: [],
    };
    for (const [name, value] of Object.entries(globals)) this.#global.set(name, value);
  }

  /** Runs a parsed script (or one REPL statement); state persists between calls. */
  run(ast: ScriptBlock, options: RunOptions = {}): Promise<RunResult> {
    const source = options.source ?? "";
    const scope = options.file ? new Scope(this.#global, true) : this.#global;
    const caller = this.#evaluator.frame(this.#global, source);
    this.#evaluator.pacer.start();
    const completed = tryCatch((): Maybe<RunResult> => {
      const processor = scriptBlockProcessor(this.#evaluator, ast, source, null, cliArguments(options.args ?? []), caller, ast,
        (value) => this.#host.output(value), { scope });
      return then(processor.begin(), () => then(processor.run(), () => then(processor.end(), () => ({ exitCode: null, failed: false }))));
    }, (signal) => {
      if (signal instanceof ExitSignal) return { exitCode: signal.code, failed: false };
      if (signal instanceof BreakSignal) return { exitCode: null, failed: false };
      const record = signal instanceof RuntimeError ? signal.record : internalError(signal, ast, source);
      this.#global.set("?", false);
      const errors = this.#global.lookup("Error")?.value;
      if (Array.isArray(errors)) errors.unshift(record);
      this.#host.error(record);
      return { exitCode: null, failed: true };
    });
    return Promise.resolve(completed);
  }
}
