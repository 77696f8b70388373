// `npm run bench` (REPL part): keystroke-to-echo latency of the line editor with highlighting on a 200-character
// line, and Enter-to-prompt for `1` in a session of a real `rsh serve` entered over loopback — each beside a baseline
// measured in the same run. The REPL is not in dist/'s public API, so its modules are bundled here first.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { finish, startServerProcess } from "./support.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const KEYS = 2000;
const ENTRIES = 300;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The value below which `p` of the samples fall (nearest rank). */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const fmt = (x, digits = 3) => x.toFixed(digits);
const verdict = (ok) => (ok ? "met" : "NOT met");

// ------------------------------------------------------------ keystroke to echo, 200 characters, highlighted

const line = `Get-ChildItem -Path $HOME/src -Filter '*.ts' | Where-Object { $_.Length -gt 1024 -and $_.Name -notlike 'test*' } | ` +
  `Sort-Object -Property Length -Descending | Select-Object -First 10 Name, Length # big`;
/** Types `line`, then alternates a character and a Backspace in its middle; each key's time to its echo written. */
async function keystrokes(LineEditor, highlight) {
  let written = 0;
  const editor = new LineEditor({ write: (t) => void (written += t.length), columns: () => 120, highlight, color: true });
  editor.begin("PS /home/ada> ");
  await editor.key({ name: "text", text: line });
  for (let i = 0; i < 100; i++) await editor.key({ name: "left" });
  const times = [];
  for (let i = 0; i < KEYS; i++) {
    const key = i % 2 === 0 ? { name: "text", text: "x" } : { name: "backspace" };
    const before = written;
    const started = performance.now();
    await editor.key(key);
    times.push(performance.now() - started);
    if (written === before) throw new Error("a key drew nothing");
  }
  return times;
}

const cleanups = [];
const scratch = mkdtempSync(join(tmpdir(), "rsh-bench-repl-"));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
let failed = false;
try {
  // Inside the tree (dist/ is ignored by git): the bundle loads some packages on first use (platform.ts), and a
  // bundle in the system's temporary directory would not find node_modules from there.
  const bundle = join(root, "dist", "bench-repl.mjs");
  cleanups.push(() => rmSync(bundle, { force: true }));
  await build({
    stdin: {
      contents: `export * from "./src/mod.ts"; export { runRepl } from "./repl/repl.ts"; export { LineEditor } from "./repl/line_editor.ts"; export { highlight } from "./repl/highlight.ts";`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "error",
    // As scripts/build.mjs: the CommonJS packages bundled inside (ws) require Node's modules.
    banner: { js: "import { createRequire as __rshRequire } from 'node:module'; const require = __rshRequire(import.meta.url);" },
  });
  const rsh = await import(pathToFileURL(bundle).href);

  await keystrokes(rsh.LineEditor, rsh.highlight); // warm-up: the lexer's and parser's first runs
  const plain = await keystrokes(rsh.LineEditor, undefined);
  const coloured = await keystrokes(rsh.LineEditor, rsh.highlight);
  console.log(`\nLine editor, keystroke to echo on a ${line.length}-character line (${KEYS} keys, 120 columns):`);
  console.log(`  with highlighting     p50 ${fmt(percentile(coloured, 0.5))} ms, p99 ${fmt(percentile(coloured, 0.99))} ms`);
  console.log(`  baseline, no colours  p50 ${fmt(percentile(plain, 0.5))} ms, p99 ${fmt(percentile(plain, 0.99))} ms`);
  console.log(`  goal ≤ 5 ms: ${verdict(percentile(coloured, 0.99) <= 5)} (p99)`);

  // ------------------------------------------------------------ Enter to prompt in an entered remote session

  const home = join(scratch, "home");
  const server = await startServerProcess(root, home, cleanups, "repl bench");
  const runspace = new rsh.LocalRunspace({ commands: rsh.remotingCommands, env: { HOME: home } });
  cleanups.push(() => runspace.close());
  const opened = await runspace.invoke(`$s = New-PSSession localhost -Port ${server.port}`);
  if (opened.errors.length) throw new Error(opened.errors[0].message);
  const baseline = [];
  const times = [];
  let returned = 0;
  let left = ENTRIES + 20;
  let shown = 0;
  const entries = ["Enter-PSSession $s"];
  await rsh.runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: async (prompt) => {
      if (prompt.startsWith("[localhost]") && baseline.length === 0) {
        // The baseline: one remote invoke of `1` on the entered session, as the REPL sends it.
        for (let i = 0; i < ENTRIES; i++) {
          const started = performance.now();
          await runspace.entered.runspace.invoke("1", { onRecord: () => {} });
          baseline.push(performance.now() - started);
        }
      } else if (returned && left < ENTRIES) {
        // The prompt is back: the previous `1` ran, its output was shown and the remote prompt was fetched.
        times.push(performance.now() - returned);
      }
      if (!prompt.startsWith("[localhost]") && entries.length === 0) return { kind: "eof" };
      const text = entries.shift() ?? (left-- > 0 ? "1" : "exit");
      returned = performance.now();
      return { kind: "line", text };
    },
    reportParseError: () => {},
    record: (r) => void (r.stream === "output" && shown++),
  });
  if (shown < ENTRIES) throw new Error(`only ${shown} outputs shown`);
  console.log(`\nEnter to prompt for \`1\` in an entered session of rsh serve on loopback (${ENTRIES} entries):`);
  console.log(`  REPL (run + remote prompt)   p50 ${fmt(percentile(times, 0.5))} ms, p90 ${fmt(percentile(times, 0.9))} ms`);
  console.log(`  baseline, one invoke of \`1\`  p50 ${fmt(percentile(baseline, 0.5))} ms, p90 ${fmt(percentile(baseline, 0.9))} ms`);
  console.log(`  goal ≤ 5 ms p50: ${verdict(percentile(times, 0.5) <= 5)}`);
} catch (e) {
  console.error("repl bench:", e);
  failed = true;
}
await finish(cleanups, failed, "repl bench");
