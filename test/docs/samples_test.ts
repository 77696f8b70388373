/**
 * The docs' code samples are run: every line of a ```powershell block that says what it prints (`# → a, b`, on the
 * line or on the next line alone) runs in the block's session, and what it writes — each output object formatted as
 * the console prints it, joined with ", " — must be what the comment says.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatValue, LocalRunspace } from "../../src/mod.ts";
import { Deno } from "../../src/platform.ts";
import { fences, powershellSamples, type Sample } from "./doc_support.ts";

/** The blocks of a Markdown file that say what they print. */
function samples(text: string): Sample[][] {
  return fences(text).filter((f) => f.lang === "powershell").map((f) => powershellSamples(f.code, f.line))
    .filter((b) => b.some((s) => s.expected !== null));
}

const docs = suite("docs: the samples say what they print");

// docs/README.md and docs/remoting.md need a server: test/docs/server_samples_test.ts runs theirs.
for (const file of ["docs/language.md"]) {
  const text = Deno.readTextFileSync(file);
  for (const block of samples(text)) {
    docs(`${file}:${block[0].line}`, async () => {
      const home = Deno.makeTempDirSync({ prefix: "rsh-docs-" });
      try {
        const runspace = new LocalRunspace({ env: { HOME: home, PATH: Deno.env.get("PATH") ?? "" }, location: home });
        for (const sample of block) {
          const result = await runspace.invoke(sample.code);
          if (sample.expected === null) continue;
          const printed = result.output.filter((v) => v !== null).map((v) => formatValue(v)).join(", ");
          assert.is(printed, sample.expected, `${file}:${sample.line}: ${sample.code.trim()}`);
        }
      } finally {
        Deno.removeSync(home, { recursive: true });
      }
    });
  }
}

docs.run();
