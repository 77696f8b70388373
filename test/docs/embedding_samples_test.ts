/**
 * The TypeScript samples of docs/embedding.md type-check against the public API (src/mod.ts): each ```ts block is a
 * module of its own, with the few names a sample leaves to the reader (its own UI, its user store) declared.
 * test/embedding_test.ts runs the same calls; this keeps the page's code itself from drifting. Deno runs it.
 */
import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";

const samples = suite("docs: docs/embedding.md's TypeScript samples type-check");

/** What a sample may use without defining it (the embedder's own code), by name. */
const PROVIDED: Record<string, string> = {
  show: "declare const show: (value: unknown) => void;",
  bar: "declare const bar: { update(record: unknown): void };",
  ask: "declare const ask: (text: string, options: { mask: boolean }) => Promise<string | null>;",
  myUserStore: "declare const myUserStore: { check(user: string, password: string): Promise<boolean> };",
  password: "declare const password: string;",
  greet: "declare const greet: import(\"MOD\").BuiltinCommand;",
};

function blocks(text: string): { code: string; line: number }[] {
  const found: { code: string; line: number }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```ts") continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1].trim() !== "```") i++;
    found.push({ code: lines.slice(start, i + 1).join("\n"), line: start + 1 });
  }
  return found;
}

if (runtime === "deno") {
  const mod = `${Deno.cwd()}/src/mod.ts`;
  for (const block of blocks(Deno.readTextFileSync("docs/embedding.md"))) {
    samples(`docs/embedding.md:${block.line}`, () => {
      const dir = Deno.makeTempDirSync({ prefix: "rsh-doc-ts-" });
      try {
        const declared = (name: string) => new RegExp(`\\b(const|let|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`).test(block.code);
        const prelude = Object.entries(PROVIDED)
          .filter(([name]) => new RegExp(`\\b${name}\\b`).test(block.code) && !declared(name))
          .map(([, declaration]) => declaration.replace("MOD", mod));
        const code = block.code.replaceAll('from "rsh"', `from "${mod}"`);
        Deno.writeTextFileSync(`${dir}/sample.ts`, [...prelude, code, "export {};"].join("\n"));
        const r = spawnSync(Deno.execPath(), ["check", "--quiet", `--config=${Deno.cwd()}/deno.json`, `${dir}/sample.ts`], { encoding: "utf8" });
        assert.is(r.status, 0, `docs/embedding.md:${block.line}\n${r.stderr}`);
      } finally {
        Deno.removeSync(dir, { recursive: true });
      }
    });
  }
}

samples.run();
