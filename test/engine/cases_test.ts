/**
 * Golden script cases (test/cases/<group>/<name>.rsh): each runs in a fresh runspace; what it prints (output objects
 * formatted one per line, Write-Host text, error messages prefixed `ERROR: `) must equal `<name>.out`.
 * `UPDATE=1` rewrites the expected files (review them by eye against PowerShell's behaviour).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { Deno } from "../../src/platform.ts";
import { formatValue, LocalRunspace } from "../../src/runspace/local_runspace.ts";

const root = "test/cases";
const update = Deno.env.get("UPDATE") === "1";

async function run(source: string): Promise<string> {
  let text = "";
  const runspace = new LocalRunspace({
    host: {
      output: (value) => void (value !== null && (text += formatValue(value) + "\n")),
      error: (record) => void (text += `ERROR: ${record.message}\n`),
      host: (t) => void (text += t),
    },
  });
  const result = await runspace.run(parseOrThrow(source, "case.rsh"), { source });
  if (result.exitCode !== null) text += `EXIT ${result.exitCode}\n`;
  return text;
}

for (const group of [...Deno.readDirSync(root)].filter((e) => e.isDirectory).map((e) => e.name).sort()) {
  const cases = suite(`engine cases: ${group}`);
  for (const name of [...Deno.readDirSync(`${root}/${group}`)].map((e) => e.name).filter((n) => n.endsWith(".rsh")).sort()) {
    cases(name, async () => {
      const file = `${root}/${group}/${name}`;
      const actual = await run(Deno.readTextFileSync(file));
      const expected = file.replace(/\.rsh$/, ".out");
      if (update) Deno.writeTextFileSync(expected, actual);
      assert.fixture(actual, Deno.readTextFileSync(expected));
    });
  }
  cases.run();
}
