/**
 * The read-eval-print loop, a thin shell over the public API with its input and output injected (the CLI gives it
 * stdin and the terminal; tests give it strings). It reads one complete statement at a time — an incomplete one
 * (open brace, string, trailing `|` …, as the parser says) continues on a `>> ` line — and runs it before reading on.
 * After Enter-PSSession the statements go to the entered remote session (prompt `[computer]: PS /path> `) until
 * `exit` or Exit-PSSession. Line editing, history and completion come with the rest of the REPL issue.
 */
import { parse, type ParseError } from "../grammar/mod.ts";
import type { LocalRunspace } from "../src/runspace/local_runspace.ts";
import type { StreamRecord } from "../src/runspace/runspace.ts";

export interface ReplIo {
  /** Lines as they arrive (without line breaks). */
  lines: AsyncIterable<string>;
  /** Prompts and other terminal text; null when not interactive (stdin redirected). */
  prompt: ((text: string) => void) | null;
  /** The current location for the `PS /path> ` prompt (default: the runspace's). */
  location?: () => string;
  reportParseError: (error: ParseError) => void;
  /** Shows a record of an entered remote session (the CLI prints it as it prints local ones). */
  record?: (record: StreamRecord) => void;
  /** Called after each statement of an entered session (the CLI ends the table it was printing). */
  flush?: () => void;
  /**
   * Called as a statement starts, with the way to stop it; returns what to call when it ends (the CLI stops the
   * statement on Ctrl+C — a remote one too).
   */
  whileRunning?: (stop: () => void) => () => void;
}

const LEAVE = /^\s*(exit|exit-pssession)\s*;?\s*$/i;

/** Runs statements until the input ends or `exit N`; returns the exit status. */
export async function runRepl(runspace: LocalRunspace, io: ReplIo): Promise<number> {
  const location = io.location ?? (() => runspace.location);
  const show = (text: string) => io.prompt?.(text);
  const prompt = async () => {
    if (!io.prompt) return;
    const entered = runspace.entered;
    if (!entered) return show(`PS ${location()}> `);
    let path = "";
    await entered.runspace.invoke("$PWD", { onRecord: (r) => void (r.stream === "output" && (path = String(r.value ?? ""))) }).catch(() => {});
    show(`[${entered.computerName}]: PS ${path}> `);
  };
  let buffer: string | null = null;
  let lastFailed = false;
  await prompt();
  for await (const line of io.lines) {
    buffer = buffer === null ? line : `${buffer}\n${line}`;
    // One parse per attempt: an incomplete result means "read another line" (the parser knows why).
    const { ast, diagnostics } = parse(buffer, "<stdin>");
    if (!ast && diagnostics[0].incomplete) {
      show(">> ");
      continue;
    }
    const text: string = buffer;
    buffer = null;
    if (text.trim() !== "") {
      const entered = runspace.entered;
      if (!ast) {
        io.reportParseError(diagnostics[0]);
        lastFailed = true;
      } else if (entered) {
        if (LEAVE.test(text)) await runspace.enter(null);
        else lastFailed = await runRemote(entered.runspace, text, io);
      } else {
        const done = io.whileRunning?.(() => void runspace.stop());
        const result = await runspace.run(ast, { source: text }).finally(() => done?.());
        if (result.exitCode !== null) return result.exitCode;
        lastFailed = !result.succeeded;
      }
    }
    await prompt();
  }
  if (buffer !== null && buffer.trim() !== "") {
    // The input ended inside a statement: say why it is incomplete.
    io.reportParseError(parse(buffer, "<stdin>").diagnostics[0]);
    return 1;
  }
  await runspace.enter(null);
  show("\n");
  return lastFailed ? 1 : 0;
}

/** Runs one statement in the entered remote session; returns whether it failed. */
async function runRemote(
  remote: NonNullable<LocalRunspace["entered"]>["runspace"],
  text: string,
  io: ReplIo,
): Promise<boolean> {
  const done = io.whileRunning?.(() => void remote.stop());
  try {
    const result = await remote.invoke(text, { onRecord: (record) => io.record?.(record as StreamRecord) }) as { failed?: boolean };
    return result.failed === true;
  } catch (e) {
    const record = (e as { record?: unknown }).record;
    if (record) io.record?.({ stream: "error", value: record } as StreamRecord);
    return true;
  } finally {
    done?.();
    io.flush?.();
  }
}
