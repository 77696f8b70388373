/**
 * Runtime errors are values: an ErrorRecord carries the message, PowerShell's error id and category, and the script
 * position; it renders PowerShell's concise view. Control flow that unwinds (break, return, exit) travels as signals.
 */
import type { Span } from "../../grammar/ast.ts";
import { DOTNET_TYPE } from "../values/convert.ts";
import { exceptionForError, type ExceptionValue } from "./exceptions.ts";

/**
 * An error as a value (PowerShell's ErrorRecord): the message, the error id and category, and where in which script
 * it happened. Error records arrive on the error stream, in `InvokeResult.errors`, and in `$Error`.
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const { errors } = await new LocalRunspace().invoke("Get-Item /nonexistent");
 * console.log(errors[0].fullyQualifiedErrorId); // PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
 * console.log(errors[0].format()); // Get-Item: <invoke>:1:1, the source line, a ~~~ marker and the message
 * ```
 */
export class ErrorRecord {
  /**
   * Makes an error record; a command writes one through `ctx.writeError`/`ctx.writeErrorRecord`, a script with
   * `Write-Error` or `throw`.
   */
  constructor(
    /** What went wrong, in PowerShell's wording. */
    readonly message: string,
    /** The error id, with the command's type after a comma for a command's errors (`PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand`). */
    readonly fullyQualifiedErrorId: string,
    /** PowerShell's ErrorCategory name (`ObjectNotFound`, `InvalidArgument`, …). */
    readonly category: string,
    /** Where in the script it happened, or null. */
    readonly span: Span | null,
    /** The source text the span points into (for the `Line |` snippet). */
    readonly source: string | null,
    /** The object thrown by `throw` (a string, a record, anything), else null. */
    readonly targetObject: unknown = null,
    /** The command that wrote the error (`Write-Error`), shown before the message. */
    readonly commandName: string | null = null,
  ) {}

  /** The computer a remote command's error came from (PowerShell's PSComputerName on remote errors). */
  computerName: string | null = null;

  /** CategoryInfo's parts set by hand (Write-Error -CategoryActivity, -CategoryReason, -CategoryTargetName, -CategoryTargetType). */
  categoryOverrides: { activity?: string; reason?: string; targetName?: string; targetType?: string } | null = null;

  /** `$_.ErrorDetails` (Write-Error -RecommendedAction, a message given beside -Exception), or null. */
  errorDetails: { message: string; recommendedAction: string } | null = null;

  #exception: ExceptionValue | null = null;
  #thrown = false;

  /** `$_.Exception`: the exception a script threw, else the one PowerShell would report for this error. */
  get exception(): ExceptionValue {
    return this.#exception ??= exceptionForError(this.fullyQualifiedErrorId, this.message);
  }

  /** The exception a script threw (`throw [ArgumentException]::new('bad')`): `catch` then goes by its type alone. */
  set exception(value: ExceptionValue) {
    this.#exception = value;
    this.#thrown = true;
  }

  /**
   * The exception a command reports (Write-Error's WriteErrorException or its -Exception), not thrown by a script:
   * under -ErrorAction Stop a `catch [RuntimeException]` still takes it, as pwsh's ActionPreferenceStopException is one.
   */
  reportException(value: ExceptionValue): void {
    this.#exception = value;
  }

  /** Whether a script threw this error's exception itself (else it is one of rsh's own errors). */
  get thrownException(): boolean {
    return this.#thrown;
  }

  /** This record at `span` in `source`: how a command's error made without a position is reported at the command. */
  placedAt(span: Span, source: string | null): ErrorRecord {
    const placed = new ErrorRecord(this.message, this.fullyQualifiedErrorId, this.category, span, source, this.targetObject, this.commandName);
    placed.computerName = this.computerName;
    placed.categoryOverrides = this.categoryOverrides;
    placed.errorDetails = this.errorDetails;
    placed.#exception = this.#exception;
    placed.#thrown = this.#thrown;
    return placed;
  }

  /** `$_ -is [System.Management.Automation.ErrorRecord]`, `.GetType().Name`. */
  get [DOTNET_TYPE](): string {
    return "System.Management.Automation.ErrorRecord";
  }

  /** The message (what `"$error"` shows). */
  toString(): string {
    return this.message;
  }

  /** The text of the line the error starts on ("" without a position). */
  sourceLine(): string {
    if (!this.span || this.source === null) return "";
    const offset = this.span.start.offset;
    const lineStart = this.source.lastIndexOf("\n", offset - 1) + 1;
    const lineEnd = this.source.indexOf("\n", offset);
    return this.source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
  }

  /** PowerShell's concise error view: `Exception: file:line:column`, the source line and a `~~~` marker. */
  format(): string {
    const head = this.commandName ? `${this.commandName}: ` : "";
    if (!this.span || this.source === null) return `${head}${this.message}`;
    const { start, end } = this.span;
    const sourceLine = this.sourceLine();
    const width = Math.max(1, (end.line === start.line ? end.column : sourceLine.length + 1) - start.column);
    const gutter = String(start.line).padStart(4);
    const pad = " ".repeat(gutter.length);
    return [
      `${this.commandName ?? "Exception"}: ${this.span.file}:${start.line}:${start.column}`,
      "Line |",
      `${gutter} |  ${sourceLine}`,
      `${pad} |  ${" ".repeat(start.column - 1)}${"~".repeat(width)}`,
      ...this.message.split("\n").map((line) => `${pad} | ${line}`),
    ].join("\n");
  }
}

/** A terminating error unwinding the stack (caught by try/catch, trap, or the runspace). */
/**
 * A terminating error unwinding the stack. PowerShell has two kinds (about_Try_Catch_Finally, about_Throw): a
 * statement-terminating error (a failed conversion, an unknown command, a binding error) ends its statement and,
 * with no try around it, the script goes on with the next one; a script-terminating error (`throw`, `-ErrorAction
 * Stop`) unwinds until a try catches it.
 */
export class RuntimeError extends Error {
  constructor(readonly record: ErrorRecord, readonly scriptTerminating = false) {
    super(record.message);
  }
}

/** Thrown by a command that needs no more input: the pipeline that holds `processor` ends its upstream part. */
export class StopUpstreamSignal {
  constructor(readonly processor: object) {}
}

export class BreakSignal {
  constructor(readonly label: string | null, readonly isContinue: boolean) {}
}

export class ReturnSignal {
  constructor(readonly value: unknown[]) {}
}

export class ExitSignal {
  constructor(readonly code: number) {}
}
