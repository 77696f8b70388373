/**
 * Redirections (about_Redirection): `> file`, `>> file`, `2> file`, `*> file`, `> $null`, `2>&1`. Output and error
 * records are sent to a file (formatted as the host would print them), discarded, or merged into the output stream.
 */
import type * as A from "../../grammar/ast.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { formatValue } from "../values/format.ts";
import type { ErrorRecord } from "./errors.ts";
import { evaluate, type Frame } from "./expressions.ts";
import { mapInOrder, type Maybe, then } from "./maybe.ts";

type Emit = (value: unknown) => Maybe<void>;

export interface Redirected {
  /** Where the element's output goes. */
  output: Emit;
  /** Where error records go instead of the host, or null to leave them alone. */
  error: ((record: ErrorRecord) => void) | null;
  /** Writes the collected file contents. */
  finish(): void;
}

/** Evaluates the redirection targets (which may wait), then routes the element's streams. */
export function applyRedirections(frame: Frame, redirections: A.Redirection[], downstream: Emit): Maybe<Redirected> {
  const targets = mapInOrder(redirections, (r) => (r.kind === "MergingRedirection" ? null : evaluate(frame, r.target)));
  return then(targets, (paths) => route(redirections, paths, downstream, (written) => sessionPath(frame, written)));
}

/** A relative path is relative to the session's location (`$PWD`), as PowerShell's, not to the process's directory. */
export function sessionPath(frame: Frame, written: string): string {
  const location = toStr(frame.scope.global.lookup("PWD")?.value ?? "");
  return written.startsWith("/") || location === "" ? written : `${location.replace(/\/$/, "")}/${written}`;
}

function route(redirections: A.Redirection[], paths: unknown[], downstream: Emit, resolve: (written: string) => string): Redirected {
  let output: Emit = downstream;
  let error: ((record: ErrorRecord) => void) | null = null;
  const files: { path: string; append: boolean; lines: string[] }[] = [];
  for (const [i, redirection] of redirections.entries()) {
    const takesOutput = redirection.from === "1" || redirection.from === "*";
    const takesErrors = redirection.from === "2" || redirection.from === "*";
    if (redirection.kind === "MergingRedirection") {
      if (takesErrors && redirection.to === "1") error = (record) => output(record);
      continue;
    }
    const target = redirection.target;
    const discard = target.kind === "Variable" && target.name.toLowerCase() === "null" && target.qualifier === null;
    let sink: (text: string) => void = () => {};
    if (!discard) {
      const file = { path: resolve(toStr(paths[i])), append: redirection.append, lines: [] as string[] };
      files.push(file);
      sink = (text) => file.lines.push(text);
    }
    if (takesOutput) output = (value) => void (value !== null && sink(formatValue(value)));
    if (takesErrors) error = (record) => sink(record.message);
  }
  return {
    output,
    error,
    finish() {
      for (const file of files) {
        const text = file.lines.map((line) => line + "\n").join("");
        Deno.writeTextFileSync(file.path, text, { append: file.append });
      }
    },
  };
}
