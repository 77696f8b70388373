/**
 * Native programs (about_Parsing, "passing arguments to native commands"): arguments go as strings, pipeline input
 * is written to the program's stdin one object per line, and its stdout comes back as one string per line.
 * `$LASTEXITCODE` holds the exit code; a non-zero code makes `$?` false. The program runs to completion before its
 * output moves on (rsh's evaluator is synchronous for now; streaming native output waits for the async evaluator).
 */
import type * as A from "../../grammar/ast.ts";
import { runProgram } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import type { RawArgument } from "./binder.ts";
import type { Frame } from "./expressions.ts";
import { eachInOrder, type Maybe } from "./maybe.ts";
import type { Processor } from "./processors.ts";

type Emit = (value: unknown) => Maybe<void>;

/** Native arguments: values as text (arrays become several arguments), `-Name:value` as one word. */
export function nativeArguments(args: RawArgument[]): string[] {
  return args.flatMap((arg) => {
    if (arg.kind === "value") return enumerate(arg.value).map(toStr);
    return arg.hasValue ? [`${arg.text}:${toStr(arg.value)}`] : [arg.text];
  });
}

export function nativeProcessor(path: string, args: RawArgument[], frame: Frame, _node: { span: A.Span }, emit: Emit): Processor {
  const input: string[] = [];
  let hasInput = false;
  const execute = () => {
    const env = Object.fromEntries(frame.env);
    const cwd = toStr(frame.scope.global.lookup("PWD")?.value ?? "") || ".";
    const { status, stdout } = runProgram(path, nativeArguments(args), { cwd, env, input: hasInput ? input.join("\n") + "\n" : null });
    frame.scope.global.set("LASTEXITCODE", status);
    processor.hadError = status !== 0;
    const lines = stdout.split(/\r?\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    return eachInOrder(lines, emit);
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
