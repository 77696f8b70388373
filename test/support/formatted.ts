/** Runs a script as pwsh prints it: one Out-Default formatter over its whole output, errors as `ERROR: message`. */
import { parseOrThrow } from "../../grammar/mod.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { OutputFormatter } from "../../src/values/format.ts";

export async function runFormatted(source: string, file = "formatted.rsh"): Promise<string> {
  const formatter = new OutputFormatter({ collectMs: Infinity });
  let text = "";
  const runspace = new LocalRunspace({
    host: {
      output: (value) => void (text += formatter.write(value)),
      error: (record) => void (text += formatter.flush() + `ERROR: ${record.message}\n`),
      host: (t) => void (text += t),
    },
  });
  await runspace.run(parseOrThrow(source, file), { source });
  return text + formatter.flush();
}
