/**
 * The docs' code samples are run: every line of a ```powershell block that says what it prints (`# → a, b`, on the
 * line or on the next line alone) runs in the block's session, and what it writes — each output object formatted as
 * the console prints it, joined with ", " — must be what the comment says.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatValue, LocalRunspace } from "../../src/mod.ts";
import { Deno } from "../../src/platform.ts";

interface Sample {
  code: string;
  expected: string | null;
  line: number;
}

/** The blocks of a Markdown file, each as its runnable lines with what they should print. */
function samples(text: string): Sample[][] {
  const blocks: Sample[][] = [];
  let current: Sample[] | null = null;
  text.split("\n").forEach((raw, index) => {
    if (raw.startsWith("```")) {
      if (current) blocks.push(current);
      current = raw.trim() === "```powershell" ? [] : null;
      if (raw.trim() === "```") current = null;
      return;
    }
    if (!current) return;
    const arrow = /^(.*?)\s*#\s*→\s*(.*)$/.exec(raw);
    // What follows the printed values is commentary: `(…)` at the end, or `; …`.
    const expected = arrow ? arrow[2].replace(/\s+\(.*\)\s*$/, "").replace(/;\s.*$/, "").trim() : null;
    const code = arrow ? arrow[1] : raw;
    if (code.trim() === "" && expected !== null && current.length) current[current.length - 1].expected = expected;
    else if (code.trim() !== "") current.push({ code, expected, line: index + 1 });
  });
  return blocks.filter((b) => b.some((s) => s.expected !== null));
}

const docs = suite("docs: the samples say what they print");

// docs/README.md and docs/remoting.md annotate commands that need a running server; test/remoting runs those.
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
