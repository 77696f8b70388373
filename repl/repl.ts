/**
 * The read-eval-print loop, a thin shell over the public API with its input and output injected (the CLI gives it
 * stdin and the terminal; tests give it strings). It reads one complete statement at a time — an incomplete one
 * (open brace, string, trailing `|` …, as the parser says) continues on a `>> ` line — and runs it before reading on.
 * After Enter-PSSession the statements go to the entered remote session (prompt `[computer]: PS /path> `) until
 * `exit` or Exit-PSSession. On a terminal the line editor (`io.read`) reads whole entries instead of lines.
 */
import { parse, type ParseError } from "../grammar/mod.ts";
import type { LocalRunspace } from "../src/runspace/local_runspace.ts";
import type { StreamRecord } from "../src/runspace/runspace.ts";
import { sessionCompleter } from "./complete.ts";
import type { Completer, ReadResult } from "./line_editor.ts";
import { RemoteCalls } from "./remote_calls.ts";

export interface ReplIo {
  /** Lines as they arrive (without line breaks). */
  lines: AsyncIterable<string>;
  /** Prompts and other terminal text; null when not interactive (stdin redirected). */
  prompt: ((text: string) => void) | null;
  /**
   * On a terminal: reads one entry with the line editor after `prompt` (a `>> ` line for an unfinished statement is
   * the editor's); `lines` is then unused.
   */
  read?: (prompt: string, complete: Completer) => Promise<ReadResult>;
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
  /** A message from the REPL itself (leaving a session that does not answer). */
  notice?: (text: string) => void;
}

const LEAVE = /^\s*(exit|exit-pssession)\s*;?\s*$/i;

/** Runs the user's `prompt` function when there is one (about_Prompts); the REPL's own prompt otherwise. */
const PROMPT_FUNCTION = "if (Get-Command -Name prompt -CommandType Function -ErrorAction Ignore) { prompt }";

/** Runs statements until the input ends or `exit N`; returns the exit status. */
export async function runRepl(runspace: LocalRunspace, io: ReplIo): Promise<number> {
  const location = io.location ?? (() => runspace.location);
  const remote = new RemoteCalls(runspace, io);
  const interactive = io.prompt !== null || io.read !== undefined;
  const promptText = async (): Promise<string> => {
    const entered = runspace.entered;
    if (!entered) {
      const output = await remote.hostCall(PROMPT_FUNCTION).catch(() => []);
      return output.length > 0 ? output.map(String).join("") : `PS ${location()}> `;
    }
    // A remote prompt is the remote session's prompt with the computer in front (PowerShell's GetRemotePrompt).
    const output = await remote.hostCall(`${PROMPT_FUNCTION} else { "PS $PWD> " }`).catch(() => []);
    const text = output.map(String).join("") || "PS> ";
    return runspace.entered === entered ? `[${entered.computerName}]: ${text}` : await promptText();
  };
  let lastFailed = false;

  /** Runs one complete entry; returns an exit status when it asks to leave rsh. */
  const runEntry = async (text: string, ast: ReturnType<typeof parse>["ast"], diagnostics: ParseError[]): Promise<number | null> => {
    if (text.trim() === "") return null;
    const entered = runspace.entered;
    if (!ast) {
      io.reportParseError(diagnostics[0]);
      lastFailed = true;
    } else if (entered) {
      if (LEAVE.test(text)) await runspace.enter(null);
      else lastFailed = await remote.statement(entered, text);
    } else {
      const done = io.whileRunning?.(() => void runspace.stop());
      const result = await runspace.run(ast, { source: text }).finally(() => done?.());
      if (result.exitCode !== null) return result.exitCode;
      lastFailed = !result.succeeded;
    }
    return null;
  };

  if (io.read) {
    const complete = sessionCompleter(remote);
    while (true) {
      const entry = await io.read(interactive ? await promptText() : "", complete);
      const entered = runspace.entered;
      if (entry.kind === "eof") {
        // Ctrl+D is `exit`: it leaves the entered session, or rsh.
        if (!entered) break;
        await runspace.enter(null);
        continue;
      }
      if (entry.kind === "interrupt") {
        if (entered && remote.broken(entered)) remote.abandon(entered, "its connection is broken");
        continue;
      }
      const { ast, diagnostics } = parse(entry.text, "<stdin>");
      const code = await runEntry(entry.text, ast, diagnostics);
      if (code !== null) return code;
    }
    await runspace.enter(null);
    return lastFailed ? 1 : 0;
  }

  const show = (text: string) => io.prompt?.(text);
  let buffer: string | null = null;
  if (interactive) show(await promptText());
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
    const code = await runEntry(text, ast, diagnostics);
    if (code !== null) return code;
    if (interactive) show(await promptText());
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
