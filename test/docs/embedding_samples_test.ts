/**
 * docs/embedding.md's TypeScript samples, on Deno and on Node:
 * - each ```ts block type-checks against the public API (src/mod.ts) as a module of its own, with the few names a
 *   sample leaves to the reader (its own UI, its user store) declared;
 * - each self-contained block (it leaves nothing to the reader) also runs as a program — on Deno from the sources,
 *   on Node through the package (`import … from "rsh"`, the built bundle) — and what it logs is what its
 *   `console.log(…); // …` comments say (their comments joined with ", ", compared without spaces and with either
 *   quote). A block that names `localhost` runs against a real `rsh serve` (port 0, its own HOME and token): the
 *   sample's HOME is the server's and `localhost` gets the server's port.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";
import { denoBinary, fences } from "./doc_support.ts";

const samples = suite("docs: docs/embedding.md's TypeScript samples type-check and run");

/** What a sample may use without defining it (the embedder's own code), by name. */
const PROVIDED: Record<string, string> = {
  show: "declare const show: (value: unknown) => void;",
  bar: "declare const bar: { update(record: unknown): void };",
  ask: "declare const ask: (text: string, options: { mask: boolean }) => Promise<string | null>;",
  myUserStore: "declare const myUserStore: { check(user: string, password: string): Promise<boolean> };",
  password: "declare const password: string;",
  greet: "declare const greet: import(\"MOD\").BuiltinCommand;",
};

const mod = `${Deno.cwd()}/src/mod.ts`;

/** The declarations of the names `code` uses without defining. */
function leftToReader(code: string): string[] {
  const declared = (name: string) => new RegExp(`\\b(const|let|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`).test(code);
  return Object.entries(PROVIDED)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !declared(name))
    .map(([, declaration]) => declaration.replace("MOD", mod));
}

/** What a sample's `console.log(…); // …` comments say it logs, joined with ", ". */
function commented(code: string): string | null {
  const said = code.split("\n").flatMap((line) => {
    const m = /console\.log\(.*\);\s*\/\/\s*(.*)$/.exec(line);
    // A trailing `(…)` is commentary, as in the other docs' samples.
    return m ? [m[1].replace(/\s+\(.*\)\s*$/, "")] : [];
  });
  return said.length ? said.join(", ") : null;
}

/** Logged text as the comments write it: no spaces, one kind of quote. */
const normal = (text: string) => text.replace(/\s+/g, "").replaceAll("'", '"');

/** Runs a sample as a program on this runtime; resolves with what it printed. */
function runSample(code: string, dir: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const options = { cwd: dir, encoding: "utf8" as const, env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 60_000 };
  if (runtime === "deno") {
    Deno.writeTextFileSync(`${dir}/sample.ts`, code.replaceAll('from "rsh"', `from "${mod}"`));
    return spawnSync(denoBinary(), ["run", "-A", `--config=${Deno.cwd()}/deno.json`, "sample.ts"], options);
  }
  // On Node the sample imports the package: node_modules/rsh is this repository (its dist/ bundle).
  Deno.writeTextFileSync(`${dir}/package.json`, JSON.stringify({ type: "module" }));
  Deno.mkdirSync(`${dir}/node_modules`, { recursive: true });
  Deno.symlinkSync(Deno.cwd(), `${dir}/node_modules/rsh`);
  Deno.writeTextFileSync(`${dir}/sample.ts`, code);
  const esbuild = spawnSync(`${Deno.cwd()}/node_modules/.bin/esbuild`, ["sample.ts", "--outfile=sample.mjs", "--format=esm"], options);
  if (esbuild.status !== 0) return esbuild;
  return spawnSync(process.execPath, ["sample.mjs"], options);
}

let server: TestServer | null = null;
samples.after(async () => {
  if (!server) return;
  await server.stop();
  Deno.removeSync(server.home, { recursive: true });
});

const blocks = fences(Deno.readTextFileSync("docs/embedding.md")).filter((f) => f.lang === "ts");

// One `deno check` over every sample (one program: the API is checked once, not once per sample).
samples("every sample type-checks", () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-doc-ts-" });
  try {
    const files = blocks.map((block) => {
      const path = `${dir}/embedding_md_line_${block.line}.ts`;
      const code = block.code.replaceAll('from "rsh"', `from "${mod}"`);
      Deno.writeTextFileSync(path, [...leftToReader(block.code), code, "export {};"].join("\n"));
      return path;
    });
    const r = spawnSync(denoBinary(), ["check", "--quiet", `--config=${Deno.cwd()}/deno.json`, ...files], { encoding: "utf8", timeout: 180_000 });
    assert.is(r.status, 0, `docs/embedding.md (embedding_md_line_N.ts is the block at line N)\n${r.stderr}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

for (const block of blocks) {
  const where = `docs/embedding.md:${block.line}`;
  // A sample that leaves names to the reader, or reaches a machine of the reader's, is only type-checked.
  if (leftToReader(block.code).length > 0 || /computerName: "(?!localhost)/.test(block.code)) continue;
  samples(`${where} runs and logs what it says`, async () => {
    const dir = Deno.makeTempDirSync({ prefix: "rsh-doc-run-" });
    try {
      let code = block.code;
      const env: Record<string, string> = {};
      if (/\blocalhost\b/.test(code)) {
        server ??= await startServer({ timeoutMs: 300_000 });
        code = code.replace(/\blocalhost\b(?!:)/g, `localhost:${server.port}`);
        env.HOME = server.home;
      }
      const r = runSample(code, dir, env);
      assert.is(r.status, 0, `${where}\n${r.stdout}${r.stderr}`);
      const expected = commented(block.code);
      assert.ok(expected !== null, `${where}: a runnable sample says what it logs`);
      assert.is(normal(r.stdout.trim().split("\n").join(", ")), normal(expected), `${where}\n${r.stdout}`);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  });
}

samples.run();
