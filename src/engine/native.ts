/**
 * Native programs (about_Parsing, "passing arguments to native commands"): arguments go as strings, pipeline input
 * is written to the program's stdin one object per line, and its stdout comes back as one string per line.
 * `$LASTEXITCODE` holds the exit code; a non-zero code makes `$?` false. Output streams: each line moves on as the
 * program writes it, and the event loop stays free meanwhile (other sessions of a server go on).
 */
import type * as A from "../../grammar/ast.ts";
import { startProgram } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import type { RawArgument } from "./binder.ts";
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

export function nativeProcessor(path: string, args: RawArgument[], frame: Frame, _node: { span: A.Span }, emit: Emit, pacer: Pacer): Processor {
  const input: string[] = [];
  let hasInput = false;
  // Each stdout line goes down the pipeline as the program writes it; a stop (Ctrl+C, Stop-Job) ends the program.
  const execute = async () => {
    const env = Object.fromEntries(frame.env);
    const cwd = toStr(frame.scope.global.lookup("PWD")?.value ?? "") || ".";
    const program = startProgram(path, nativeArguments(args), { cwd, env, input: hasInput ? input.join("\n") + "\n" : null });
    try {
      while (true) {
        const next = await pacer.wait(program.lines.next());
        if (next.done) break;
        await emit(next.value);
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
