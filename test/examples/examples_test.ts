/**
 * Every example in examples/ runs as a user would run it — through the real CLI (`*.rsh`) or as a program (`*.ts`),
 * on the runtime under test — and what it prints must equal the golden file beside it (`NAME.out`). The remote
 * examples get real `rsh serve` processes on 127.0.0.1 (ports passed as `-Port`) and their HOME, which holds the
 * zero-config token; every example runs with that private HOME, so no user profile gets in. `UPDATE=1` rewrites the
 * golden files (review them by eye).
 */
import { spawn } from "node:child_process";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";
import { type RshResult, runRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const dir = "examples";
const update = Deno.env.get("UPDATE") === "1";

/** The command-line arguments an example gets (its comment says how a user runs it); the rest get none. */
const argumentsOf: Record<string, (ports: number[]) => string[]> = {
  "hello.rsh": () => ["-Name", "Ada", "-Times", "2"],
  "remote_session.rsh": (ports) => ["-Port", String(ports[0])],
  "disconnected.rsh": (ports) => ["-Port", String(ports[0])],
  "fanout.rsh": (ports) => ["-Port", ports.join(",")],
};

const files = [...Deno.readDirSync(dir)].filter((e) => e.isFile).map((e) => e.name).sort();
const examples = files.filter((name) => /\.(rsh|ts)$/.test(name));

/** Runs a program to completion (the same shape as runRsh's result). */
function runProgram(command: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<RshResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A TypeScript example as a user runs it: Deno runs the file itself; on Node it is bundled first with esbuild (the
 * options of scripts/build.mjs) into a temporary directory, then run with node.
 */
async function runTypeScript(file: string, env: Record<string, string>): Promise<RshResult> {
  if (runtime === "deno") return runProgram(process.execPath, ["run", "-A", file], env);
  const out = `${Deno.makeTempDirSync({ prefix: "rsh-example-" })}/${file.replace(/^.*\//, "").replace(/\.ts$/, ".mjs")}`;
  try {
    const bundle = `
      import { build } from "esbuild";
      await build({
        entryPoints: [${JSON.stringify(file)}], outfile: ${JSON.stringify(out)}, bundle: true, platform: "node", format: "esm",
        target: "node20", logLevel: "warning",
        banner: { js: "import { createRequire as __rshRequire } from 'node:module'; const require = __rshRequire(import.meta.url);" },
      });`;
    const built = await runProgram(process.execPath, ["--input-type=module", "-e", bundle], {});
    if (built.code !== 0) throw new Error(`bundling ${file} failed: ${built.stderr}`);
    // The bundle leaves out what loads on first use (the Deno shim a server needs): it resolves from the checkout.
    return await runProgram(process.execPath, [out], { ...env, NODE_PATH: `${Deno.cwd()}/node_modules` });
  } finally {
    Deno.removeSync(out.slice(0, out.lastIndexOf("/")), { recursive: true });
  }
}

const golden = suite("examples: every example runs and prints its golden output");
let servers: TestServer[] = [];

golden.before(async () => {
  // Three servers of one user: they share the HOME, so the first one's token file serves them all.
  const first = await startServer();
  servers = [first, ...(await Promise.all([startServer({ home: first.home }), startServer({ home: first.home })]))];
});
golden.after(async () => void (await Promise.all(servers.map((s) => s.stop()))));

golden("every example has its golden file and a one-line comment at the top saying what it shows", () => {
  assert.ok(examples.length > 0, "examples/ has examples");
  for (const name of examples) {
    if (!update) assert.ok(files.includes(name.replace(/\.\w+$/, ".out")), `${name} has no golden file`);
    const first = Deno.readTextFileSync(`${dir}/${name}`).split("\n")[0];
    assert.match(first, name.endsWith(".ts") ? /^\/\/ \S.{15,}/ : /^# \S.{15,}/, `${name} starts with a comment`);
  }
  for (const out of files.filter((name) => name.endsWith(".out"))) {
    assert.ok(examples.some((name) => name.replace(/\.\w+$/, ".out") === out), `${out} belongs to no example`);
  }
});

for (const name of examples) {
  golden(name, async () => {
    const file = `${dir}/${name}`;
    const env = { HOME: servers[0].home };
    const args = argumentsOf[name]?.(servers.map((s) => s.port)) ?? [];
    const result = name.endsWith(".ts") ? await runTypeScript(file, env) : await runRsh([file, ...args], { env, timeoutMs: 30_000 });
    assert.is(result.stderr, "", `${name} wrote to stderr`);
    assert.is(result.code, 0, `${name} exit code`);
    const expected = file.replace(/\.\w+$/, ".out");
    if (update) Deno.writeTextFileSync(expected, result.stdout);
    assert.fixture(result.stdout, Deno.readTextFileSync(expected));
  });
}

golden.run();
