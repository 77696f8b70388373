/**
 * Native programs (about_Parsing, "passing arguments to native commands"): arguments go as strings, pipeline input
 * is written to the program's stdin one object per line, and its stdout comes back as one string per line.
 * `$LASTEXITCODE` holds the exit code; a non-zero code makes `$?` false. Output streams: each line moves on as the
 * program writes it, and the event loop stays free meanwhile (other sessions of a server go on).
 *
 * Stderr (about_Redirection): on the CLI's terminal it passes straight through, as in pwsh; when something takes the
 * errors (`2>&1`, `2> file`, `2>$null`) or nobody watches the terminal (a job, a remote session, an embedder) each
 * line becomes a NativeCommandError record on the error stream, in the order the program wrote its lines.
 */
import type * as A from "../../grammar/ast.ts";
import { startProgram } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import type { RawArgument } from "./binder.ts";
import { ErrorRecord } from "./errors.ts";
import type { Frame } from "./expressions.ts";
import type { Maybe } from "./maybe.ts";
import type { Pacer } from "./pacer.ts";
import type { Processor } from "./processors.ts";

type Emit = (value: unknown) => Maybe<void>;

/** Native arguments: values as text (arrays become several arguments), `-Name:value` as one word. */
export function nativeArguments(args: RawArgument[]): string[] {
  return args.flatMap((arg) => {
    if (arg.kind === "value") return enumerate(arg.value).map(toStr);
    return arg.hasValue ? [`${arg.text}:${toStr(arg.value)}`] : [arg.text];
  });
}

/** Where a program's stderr goes: whether to capture it now, and what takes the records made of it. */
export interface NativeStderr {
  capture(): boolean;
  write(record: ErrorRecord): void;
}

/** Lines of stdout and (if captured) stderr, one at a time, in the order they arrive. */
async function* interleaved(out: AsyncIterator<string>, err: AsyncIterator<string> | null): AsyncGenerator<{ line: string; isError: boolean }> {
  type Next = { result: IteratorResult<string>; from: AsyncIterator<string> };
  const pending = new Map<AsyncIterator<string>, Promise<Next>>();
  const pull = (from: AsyncIterator<string>) => pending.set(from, from.next().then((result) => ({ result, from })));
  pull(out);
  if (err) pull(err);
  while (pending.size) {
    const { result, from } = await Promise.race(pending.values());
    if (result.done) {
      pending.delete(from);
      continue;
    }
    pull(from);
    yield { line: result.value, isError: from === err };
  }
}

export function nativeProcessor(
  path: string,
  args: RawArgument[],
  frame: Frame,
  node: { span: A.Span },
  emit: Emit,
  pacer: Pacer,
  stderr: NativeStderr,
): Processor {
  const input: string[] = [];
  let hasInput = false;
  // Each stdout line goes down the pipeline as the program writes it; a stop (Ctrl+C, Stop-Job) ends the program.
  const execute = async () => {
    const env = Object.fromEntries(frame.env);
    const cwd = toStr(frame.scope.global.lookup("PWD")?.value ?? "") || ".";
    const stdin = hasInput ? input.join("\n") + "\n" : null;
    const program = startProgram(path, nativeArguments(args), { cwd, env, input: stdin, captureStderr: stderr.capture() });
    const lines = interleaved(program.lines, program.errorLines);
    try {
      while (true) {
        const next = await pacer.wait(lines.next());
        if (next.done) break;
        const { line, isError } = next.value;
        if (isError) stderr.write(new ErrorRecord(line, "NativeCommandError", "NotSpecified", node.span, frame.source, line));
        else await emit(line);
      }
      const status = await pacer.wait(program.exited);
      frame.scope.global.set("LASTEXITCODE", status);
      processor.hadError = status !== 0;
    } catch (e) {
      program.kill();
      throw e;
    }
  };
  const processor: Processor = {
    hadError: false,
    begin() {},
    process(value) {
      hasInput = true;
      input.push(toStr(value));
    },
    run: execute,
    end: () => (hasInput ? execute() : undefined),
  };
  return processor;
}
