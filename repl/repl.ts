/**
 * The read-eval-print loop, a thin shell over the public API with its input and output injected (the CLI gives it
 * stdin and the terminal; tests give it strings). It reads one complete statement at a time — an incomplete one
 * (open brace, string, trailing `|` …, as the parser says) continues on a `>> ` line — and runs it before reading on.
 * This is the minimal loop the CLI contract needs; line editing, history and completion come with the REPL issue.
 */
import { type LocalRunspace, parse, type ParseError } from "../src/mod.ts";

export interface ReplIo {
  /** Lines as they arrive (without line breaks). */
  lines: AsyncIterable<string>;
  /** Prompts and other terminal text; null when not interactive (stdin redirected). */
  prompt: ((text: string) => void) | null;
  /** The current location, for the `PS /path> ` prompt. */
  location: () => string;
  reportParseError: (error: ParseError) => void;
}

/** Runs statements until the input ends or `exit N`; returns the exit status. */
export async function runRepl(runspace: LocalRunspace, io: ReplIo): Promise<number> {
  const prompt = (text: string) => io.prompt?.(text);
  let buffer: string | null = null;
  let lastFailed = false;
  prompt(`PS ${io.location()}> `);
  for await (const line of io.lines) {
    buffer = buffer === null ? line : `${buffer}\n${line}`;
    // One parse per attempt: an incomplete result means "read another line" (the parser knows why).
    const { ast, diagnostics } = parse(buffer, "<stdin>");
    if (!ast && diagnostics[0].incomplete) {
      prompt(">> ");
      continue;
    }
    const text: string = buffer;
    buffer = null;
    if (text.trim() !== "") {
      if (!ast) {
        io.reportParseError(diagnostics[0]);
        lastFailed = true;
      } else {
        const result = await runspace.run(ast, { source: text });
        if (result.exitCode !== null) return result.exitCode;
        lastFailed = result.failed;
      }
    }
    prompt(`PS ${io.location()}> `);
  }
  if (buffer !== null && buffer.trim() !== "") {
    // The input ended inside a statement: say why it is incomplete.
    io.reportParseError(parse(buffer, "<stdin>").diagnostics[0]);
    return 1;
  }
  prompt("\n");
  return lastFailed ? 1 : 0;
}
