/**
 * docs/README.md's and docs/remoting.md's samples run against a real `rsh serve` (127.0.0.1, port 0, its own HOME
 * with the zero-config token, and a user alice with the password alice-pw for the credential samples):
 * - ```powershell blocks run line by line in one LocalRunspace with the remoting cmdlets (HOME: the server's), checked
 *   like language.md's: `# → …` is what a line prints, `# errors → …` (alone on the next line) what its errors say;
 *   any other error fails the sample. A block whose first line is `# name.rsh` is a script file the transcripts use.
 * - ```sh blocks: each `rsh …` line runs as a real rsh process; `# → …` after it is what its output holds (its lines
 *   joined with ", ", runs of spaces as one, `…` standing for anything). Install lines (npm, npx) are not run.
 * - ```console blocks are transcripts: each `$ rsh …` (or `$ echo '…' | rsh …`) runs, and the lines after it are its
 *   output (`build-7` stands for this machine's name, `ada` for the server's user; a password hash for any hash of
 *   the password given).
 * - ```rsh-repl blocks are interactive sessions: what follows each prompt (`PS /path> `, `[computer]: PS /path> `,
 *   `>> `) is fed to `rsh -NoProfile` on stdin, and the other lines are what it prints (prompts are the REPL's own
 *   tests' business: on a pipe rsh prints none).
 * - ```json blocks are server configs: `parseConfig` accepts them, and the transcripts after one see it as server.json.
 * The docs use the default port; the test's server has its own, so `localhost` and `127.0.0.1` in code get `:PORT`
 * and `:PORT` is taken out of what they print. ```text blocks are not run: a server that runs until Ctrl+C, a usage
 * line, output shown for reading, a command for another machine.
 */
import { hostname, userInfo } from "node:os";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formatValue, LocalRunspace, parseConfig, remotingCommands } from "../../src/mod.ts";
import { Deno } from "../../src/platform.ts";
import { hashPassword, verifyPassword } from "../../src/remoting/auth.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";
import { type Fence, fences, powershellSamples } from "./doc_support.ts";

/** The OS user the server logs a token holder in as (as `rsh serve` works it out). */
const serverUser = (process.env.USER ?? userInfo().username).toLowerCase();

/** A computer name the docs write with the default port, pointed at the test server's port. */
function onServer(code: string, port: number): string {
  return code.replace(/(?<![\w.:[-])(localhost|127\.0\.0\.1)(?![\w.:-])/g, `$1:${port}`);
}

/** The words of a shell command line (quoted as sh quotes, without expansion) and its `# …` comment. */
function shellWords(line: string): { words: string[]; comment: string | null } {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "#" && word === null) {
      return { words, comment: line.slice(i + 1).trim() };
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== null) words.push(word);
  return { words, comment: null };
}

/** `rsh ARGS` or `echo 'TEXT' | rsh ARGS` as rsh's arguments and stdin; null for any other command. */
function rshInvocation(words: string[]): { args: string[]; stdin: string } | null {
  if (words[0] === "rsh") return { args: words.slice(1), stdin: "" };
  const pipe = words.indexOf("|");
  if (words[0] === "echo" && words[pipe + 1] === "rsh") return { args: words.slice(pipe + 2), stdin: `${words.slice(1, pipe).join(" ")}\n` };
  return null;
}

/** Whether `printed` holds `expected`, where `…` in `expected` stands for anything. */
function holds(printed: string, expected: string): boolean {
  const pattern = expected.split("…").map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(pattern, "s").test(printed);
}

interface Context {
  server: TestServer;
  /** Where the docs' script files are written. */
  work: string;
  /** Script files the docs defined, by the name they use. */
  files: Map<string, string>;
}

/** Runs rsh as the server's OS user; a word naming a script file of the docs becomes that file's path. */
async function rsh(ctx: Context, invocation: { args: string[]; stdin: string }) {
  const args = invocation.args.map((word) => ctx.files.get(word) ?? onServer(word, ctx.server.port));
  const result = await runRsh(args, { stdin: invocation.stdin, env: { HOME: ctx.server.home }, timeoutMs: 60_000 });
  let stdout = result.stdout.replaceAll(`:${ctx.server.port}`, "");
  for (const [name, path] of ctx.files) stdout = stdout.replaceAll(path, name);
  return { ...result, stdout };
}

async function runPowershell(ctx: Context, file: string, fence: Fence): Promise<void> {
  const name = /^#\s*(\S+\.rsh)\s*$/.exec(fence.code.split("\n")[0]);
  if (name) {
    const path = `${ctx.work}/${name[1]}`;
    Deno.writeTextFileSync(path, fence.code);
    ctx.files.set(name[1], path);
    return;
  }
  const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: ctx.server.home, PATH: Deno.env.get("PATH") ?? "" }, location: ctx.work });
  try {
    for (const sample of powershellSamples(fence.code, fence.line)) {
      const where = `${file}:${sample.line}: ${sample.code.trim()}`;
      const result = await runspace.invoke(onServer(sample.code, ctx.server.port));
      const unport = (text: string) => text.replaceAll(`:${ctx.server.port}`, "");
      const errors = unport(result.errors.map((e) => e.message).join(", "));
      if (sample.errors !== null) assert.is(errors, sample.errors, where);
      else assert.is(errors, "", where);
      if (sample.expected !== null) assert.is(unport(result.output.filter((v) => v !== null).map((v) => formatValue(v)).join(", ")), sample.expected, where);
    }
  } finally {
    await runspace.close();
  }
}

async function runSh(ctx: Context, file: string, fence: Fence): Promise<void> {
  let ran = 0;
  for (const [index, line] of fence.code.split("\n").entries()) {
    const { words, comment } = shellWords(line);
    if (words.length === 0 || words[0] === "npm" || words[0] === "npx") continue;
    const invocation = rshInvocation(words);
    const where = `${file}:${fence.line + index}: ${line.trim()}`;
    assert.ok(invocation, `${where}: a sh sample runs rsh`);
    const r = await rsh(ctx, invocation);
    ran++;
    assert.is(r.code, 0, `${where}\n${r.stdout}${r.stderr}`);
    assert.is(r.stderr, "", where);
    const expected = comment?.startsWith("→") ? comment.slice(1).trim() : null;
    const printed = r.stdout.split("\n").map((l) => l.trim().replace(/\s+/g, " ")).filter((l) => l !== "").join(", ");
    if (expected !== null) assert.ok(holds(printed, expected), `${where}\nprinted: ${printed}\nexpected: ${expected}`);
  }
  if (ran === 0) assert.ok(/^\s*(npm|npx)\b/m.test(fence.code), `${file}:${fence.line}: a sh block with nothing to run`);
}

async function runConsole(ctx: Context, file: string, fence: Fence): Promise<void> {
  const lines = fence.code.split("\n");
  const stripComment = (line: string) => line.replace(/\s{2,}#.*$/, "");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("$ ")) continue;
    const where = `${file}:${fence.line + i}: ${lines[i]}`;
    const invocation = rshInvocation(shellWords(stripComment(lines[i].slice(2))).words);
    const expected: string[] = [];
    while (i + 1 < lines.length && !lines[i + 1].startsWith("$ ")) expected.push(stripComment(lines[++i]).trimEnd());
    assert.ok(invocation, `${where}: a transcript runs rsh`);
    const r = await rsh(ctx, invocation);
    const printed = r.stdout.split("\n").map((l) => l.trimEnd());
    while (printed.at(-1) === "") printed.pop();
    const wanted = expected.map((l) => l.replaceAll("build-7", hostname()).replace(/\bada\b/g, serverUser));
    const hash = wanted.length === 1 && /^scrypt\$/.test(wanted[0]);
    if (hash) {
      // A password hash has a random salt: any hash of the same password, in the same format, is the same answer.
      assert.match(printed.join("\n"), /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/, where);
      assert.ok(await verifyPassword(invocation.stdin.trim(), printed[0]), `${where}: the hash is of the password`);
    } else {
      assert.equal(printed, wanted, `${where}\n${r.stderr}`);
    }
  }
}

async function runRepl(ctx: Context, file: string, fence: Fence): Promise<void> {
  const input: string[] = [];
  const expected: string[] = [];
  for (const line of fence.code.split("\n")) {
    const prompt = /^(?:\[[^\]]+\]: )?PS [^>]*> ?(.*)$|^>> ?(.*)$/.exec(line);
    if (line.startsWith("$ ")) continue; // the command that starts the shell
    if (prompt) {
      const text = prompt[1] ?? prompt[2];
      if (text.trim() !== "") input.push(onServer(text, ctx.server.port));
    } else {
      expected.push(line.trimEnd());
    }
  }
  const where = `${file}:${fence.line}`;
  const r = await runRsh(["-NoProfile"], { stdin: `${input.join("\n")}\n`, env: { HOME: ctx.server.home }, timeoutMs: 60_000 });
  assert.is(r.code, 0, `${where}\n${r.stdout}${r.stderr}`);
  assert.is(r.stderr, "", where);
  const printed = r.stdout.replaceAll(`:${ctx.server.port}`, "").split("\n").map((l) => l.trimEnd());
  while (printed.at(-1) === "") printed.pop();
  assert.equal(printed, expected, where);
}

for (const file of ["docs/README.md", "docs/remoting.md"]) {
  const samples = suite(`docs: ${file}'s samples run against a real server`);
  const ctx = { files: new Map() } as Context;
  samples.before(async () => {
    ctx.work = Deno.makeTempDirSync({ prefix: "rsh-docs-work-" });
    ctx.server = await startServer({ config: { users: { alice: { passwordHash: hashPassword("alice-pw") } } }, timeoutMs: 300_000 });
  });
  samples.after(async () => {
    await ctx.server?.stop();
    Deno.removeSync(ctx.server.home, { recursive: true });
    Deno.removeSync(ctx.work, { recursive: true });
  });
  const run: Record<string, (ctx: Context, file: string, fence: Fence) => Promise<void>> = {
    powershell: runPowershell,
    sh: runSh,
    console: runConsole,
    "rsh-repl": runRepl,
    json: (ctx, _file, fence) => {
      parseConfig(fence.code);
      Deno.writeTextFileSync(`${ctx.work}/server.json`, fence.code);
      ctx.files.set("server.json", `${ctx.work}/server.json`);
      return Promise.resolve();
    },
  };
  const blocks = fences(Deno.readTextFileSync(file));
  for (const fence of blocks) {
    const runner = run[fence.lang];
    if (runner) samples(`${file}:${fence.line} (${fence.lang})`, () => runner(ctx, file, fence));
    else assert.ok(["text", "mermaid"].includes(fence.lang), `${file}:${fence.line}: a block marked ${fence.lang || "nothing"}`);
  }
  samples.run();
}
