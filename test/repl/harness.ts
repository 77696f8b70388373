/** The REPL run in this process over given lines (the tests' stand-in for a terminal), collecting what it prints. */
import { runRepl } from "../../repl/repl.ts";
import { formatValue, LocalRunspace, type LocalRunspaceOptions, type ParseError, type StreamRecord } from "../../src/mod.ts";

export async function replSession(
  lines: string[],
  interactive: boolean,
  options: { runspace?: LocalRunspaceOptions; location?: () => string } = {},
): Promise<{ out: string; errors: string[]; code: number }> {
  let out = "";
  const errors: string[] = [];
  const runspace = new LocalRunspace({
    ...options.runspace,
    host: { output: (v) => void (out += formatValue(v) + "\n"), error: (r) => void errors.push(r.message), host: (t) => void (out += t) },
  });
  async function* input() {
    for (const line of lines) yield line;
  }
  const code = await runRepl(runspace, {
    lines: input(),
    prompt: interactive ? (text) => void (out += text) : null,
    location: options.location,
    reportParseError: (e: ParseError) => void errors.push(e.message),
    // Records of an entered remote session, shown as the local host shows its own.
    record: (r: StreamRecord) => {
      if (r.stream === "output") out += formatValue(r.value) + "\n";
      if (r.stream === "error") errors.push(r.value.message);
    },
  });
  await runspace.close();
  return { out, errors, code };
}
