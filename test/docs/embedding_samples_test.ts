/**
 * docs/embedding.md's TypeScript samples, on Deno and on Node:
 * - each ```ts block type-checks against the public API (src/mod.ts) as a module of its own, with the few names a
 *   sample leaves to the reader (its own UI, its user store) declared;
 * - each block also runs as a program — on Deno from the sources, on Node through the package (`import … from
 *   "rsh"`, the built bundle) — with small stand-ins for the reader's names, and what it logs is what its
 *   `console.log(…); // …` comments say (joined with ", ", compared without spaces and with either quote; a
 *   trailing `(…)` is commentary). The reader's machines are a real `rsh serve` (port 0, its own HOME and token, a
 *   user ops with the password ops-pw): `localhost` gets the server's port, another `computerName` and port 5995
 *   become the server's, the sample's HOME is the server's, and a server the sample starts gets a temporary home.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";
import { hashPassword } from "../../src/remoting/auth.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";
import { denoBinary, fences } from "./doc_support.ts";

const samples = suite("docs: docs/embedding.md's TypeScript samples type-check and run");

/**
 * What a sample may use without defining it (the embedder's own code), by name: its declaration for the type
 * check and a stand-in for the run.
 */
const PROVIDED: Record<string, { declaration: string; standIn: string }> = {
  show: { declaration: "declare const show: (value: unknown) => void;", standIn: "const show = (value: unknown) => console.log(value);" },
  bar: { declaration: "declare const bar: { update(record: unknown): void };", standIn: "const bar = { update(_record: unknown) {} };" },
  ask: {
    declaration: "declare const ask: (text: string, options: { mask: boolean }) => Promise<string | null>;",
    standIn: "const ask = (_text: string, _options: { mask: boolean }) => Promise.resolve<string | null>(null);",
  },
  myUserStore: {
    declaration: "declare const myUserStore: { check(user: string, password: string): Promise<boolean> };",
    standIn: 'const myUserStore = { check: (user: string, password: string) => Promise.resolve(user === "ops" && password === "ops-pw") };',
  },
  password: { declaration: "declare const password: string;", standIn: 'const password = "ops-pw";' },
  greet: {
    declaration: 'declare const greet: import("MOD").BuiltinCommand;',
    standIn: 'const greet: import("MOD").BuiltinCommand = { name: "Get-Greeting", parameters: [], end: (ctx) => ctx.emit("hello") };',
  },
};

const mod = `${Deno.cwd()}/src/mod.ts`;

/** The names `code` uses without defining, as `declaration`s or `standIn`s. */
function leftToReader(code: string, as: "declaration" | "standIn", modSpecifier = mod): string[] {
  const declared = (name: string) => new RegExp(`\\b(const|let|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`).test(code);
  return Object.entries(PROVIDED)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !declared(name))
    .map(([, provided]) => provided[as].replace("MOD", modSpecifier));
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
      Deno.writeTextFileSync(path, [...leftToReader(block.code, "declaration"), code, "export {};"].join("\n"));
      return path;
    });
    const r = spawnSync(denoBinary(), ["check", "--quiet", `--config=${Deno.cwd()}/deno.json`, ...files], { encoding: "utf8", timeout: 180_000 });
    assert.is(r.status, 0, `docs/embedding.md (embedding_md_line_N.ts is the block at line N)\n${r.stderr}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

/** The sample as it runs here: stand-ins for the reader's names, the reader's machines and homes made the test's. */
async function runnable(code: string, dir: string): Promise<{ code: string; env: Record<string, string> }> {
  const env: Record<string, string> = {};
  let text = code;
  if (/\blocalhost\b|computerName:/.test(text)) {
    server ??= await startServer({ config: { users: { ops: { passwordHash: hashPassword("ops-pw") } } }, timeoutMs: 300_000 });
    text = text.replace(/computerName: "[^"]*"/g, 'computerName: "localhost"').replace(/\bport: 5995\b/g, `port: ${server.port}`)
      .replace(/\blocalhost\b(?!:)/g, `localhost:${server.port}`);
    env.HOME = server.home;
  }
  text = text.replace(/\bhome: "\/[^"]*"/g, `home: "${dir}/home"`);
  const standIns = leftToReader(code, "standIn", runtime === "deno" ? mod : "rsh");
  return { code: [...standIns, text].join("\n"), env };
}

for (const block of blocks) {
  const where = `docs/embedding.md:${block.line}`;
  samples(`${where} runs and logs what it says`, async () => {
    const dir = Deno.makeTempDirSync({ prefix: "rsh-doc-run-" });
    try {
      const { code, env } = await runnable(block.code, dir);
      const r = runSample(code, dir, env);
      assert.is(r.status, 0, `${where}\n${r.stdout}${r.stderr}`);
      // A server the sample starts listens on a port of its own: the comment writes it PORT.
      const logged = r.stdout.trim().replace(/(127\.0\.0\.1):\d+/g, "$1:PORT").split("\n").join(", ");
      assert.is(normal(logged), normal(commented(block.code) ?? ""), `${where}\n${r.stdout}`);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  });
}

samples.run();
