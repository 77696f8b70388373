// `npm run bench`: rsh's figures beside baselines measured in the same run (on a noisy machine the ratio is what
// carries over). Nothing here asserts; results go to bench/RESULTS.md by hand, with the date and the machine.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createToken, Lexer } from "chevrotain";
import { build } from "esbuild";
import { parse } from "../dist/mod.mjs";

const MB = 1e6;
const COLD_RUNS = 21;
const PARSE_RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x, digits = 2) => x.toFixed(digits);
// A full collection before each heap reading, so "retained" means reachable, not garbage not yet collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

/** One chunk of the generated script: a function using most constructs the grammar covers. */
const chunk = (i) => `
<# Get-Thing${i}: generated for the parse benchmark #>
function Get-Thing${i} {
  [CmdletBinding()]
  param([Parameter(Mandatory, Position = 0)][string]$Name, [ValidateRange(0, 9)][int]$Count = ${i % 7})
  $items = @(1, 2, 3) | Where-Object { $_ -gt 1 } | ForEach-Object { $_ * 2 }
  if ($Count -ge 2 -and $Name -like 'a*') { Write-Output "Hello $Name, $($Count + ${i})" } elseif ($Count) { 'x' } else { $x = [int]'5' }
  $h = [ordered]@{ Name = $Name; Count = $Count; Nested = @{ a = 0x${(i % 255).toString(16)}; b = $env:HOME } }
  foreach ($n in 1..$Count) { $h.Count += $n; [math]::Round($n / 3, 2) }
  for ($j = 0; $j -lt 3; $j++) { $items[$j] = '{0:N2}' -f ($j * 1.5e2) }
  switch -regex ($Name) { '^a' { 'starts with a' } default { 'other' } }
  try { Get-Item -Path ./file-${i}.txt -ErrorAction Stop 2>&1 > $null } catch [System.Exception] { $_.Exception.Message } finally { $done = $true }
  $text = @"
report ${i}: $Name $($h.Count)
"@
  $raw = @'
literal ${i} $not expanded
'@
  $splat = @{ Path = '.'; Filter = '*.rsh' }; Get-ChildItem @splat -Recurse | Select-Object -First 1
  do { $Count-- } until ($Count -le 0) # a comment
  while ($Count -gt 0) { $Count-- }
  return ($h.Count -gt 2) ? $h.Name.ToUpper().Trim() : ($text ?? '')
}
`;

/** A deterministic script of about `bytes` characters. */
function generateScript(bytes) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    parts.push(chunk(i));
    length += parts[parts.length - 1].length;
  }
  return parts.join("");
}

/** A JSON text of about `bytes` characters. */
function generateJson(bytes) {
  const items = [];
  let length = 2;
  for (let i = 0; length < bytes; i++) {
    const item = JSON.stringify({ name: `item${i}`, values: [i, i * 2, i / 4], nested: { ok: i % 2 === 0, text: "hello world" } });
    items.push(item);
    length += item.length + 1;
  }
  return "[" + items.join(",") + "]";
}

/** Times `fn` over `text` after `warm` unmeasured runs; CPU and page faults per measured run come from the OS. */
function throughput(label, fn, text, { warm, runs }) {
  for (let i = 0; i < warm; i++) fn(text);
  const times = [];
  const usage = { user: 0, system: 0, faults: 0 };
  for (let i = 0; i < runs; i++) {
    gc();
    const before = process.resourceUsage();
    const started = performance.now();
    fn(text);
    times.push(performance.now() - started);
    const after = process.resourceUsage();
    usage.user += (after.userCPUTime - before.userCPUTime) / 1000 / runs;
    usage.system += (after.systemCPUTime - before.systemCPUTime) / 1000 / runs;
    usage.faults += (after.minorPageFault - before.minorPageFault) / runs;
  }
  const rate = (ms) => text.length / MB / (ms / 1000);
  return { label, best: rate(Math.min(...times)), median: rate(median(times)), ...usage };
}

/** Median wall times of several commands, run interleaved so that a slow spell of the machine hits them all. */
function coldStart(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, args], k) => {
      const started = performance.now();
      execFileSync(command, args, { stdio: "ignore" });
      times[k].push(performance.now() - started);
    });
  }
  return times.map(median);
}

// ---------------------------------------------------------------- cold start (first: nothing else in the heap)

const deno = new URL("../node_modules/.bin/deno", import.meta.url).pathname;
// The first run also writes dist/rsh.cjs.cache (bin/rsh.js's V8 code cache) if the build did not.
const said = execFileSync("node", ["bin/rsh.js", "-c", "1"], { encoding: "utf8" }).trim();
if (said !== "1") console.log(`warning: 'node bin/rsh.js -c 1' printed ${JSON.stringify(said)}, not 1`);
const [nodeBase, nodeRsh, denoBase, denoRsh] = coldStart([
  ["node", ["-e", "1"]],
  ["node", ["bin/rsh.js", "-c", "1"]],
  [deno, ["eval", "1"]],
  [deno, ["run", "-A", "src/cli.ts", "-c", "1"]],
], COLD_RUNS);
console.log(`\nCold start (median of ${COLD_RUNS}, interleaved)`);
console.log("  runtime  rsh -c 1   baseline            ratio   goal");
console.log(`  Node     ${fmt(nodeRsh, 0).padStart(5)} ms   node -e 1 ${fmt(nodeBase, 0).padStart(5)} ms   ${fmt(nodeRsh / nodeBase)}x   <= 2x: ${nodeRsh / nodeBase <= 2 ? "met" : "NOT met"}`);
console.log(`  Deno     ${fmt(denoRsh, 0).padStart(5)} ms   deno eval 1 ${fmt(denoBase, 0).padStart(3)} ms   ${fmt(denoRsh / denoBase)}x   (reported)`);

// ---------------------------------------------------------------- parse throughput

const script = generateScript(5 * MB);
const jsonText = generateJson(script.length);
const check = parse(script, "bench.rsh");
if (!check.ast) throw new Error("the generated script does not parse: " + check.diagnostics[0].format());

/** The heap that a parse result keeps alive (the AST with its spans); the result is dropped on return. */
function retainedHeap(text) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = parse(text, "bench.rsh");
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  return kept.ast ? retained : NaN; // reading `kept` here keeps it alive past the measurement
}
const retained = retainedHeap(script);

const rsh = throughput("rsh parse()", (text) => parse(text, "bench.rsh"), script, { warm: 0, runs: PARSE_RUNS });
const json = throughput("JSON.parse", (text) => JSON.parse(text), jsonText, { warm: 2, runs: 5 });
// chevrotain's floor on this machine: a three-token chevrotain lexer (words, blanks, newlines) over the same script,
// full position tracking, no parser.
const floorLexer = new Lexer([
  createToken({ name: "NL", pattern: /\n/, line_breaks: true }),
  createToken({ name: "WS", pattern: /[ \t]+/, group: Lexer.SKIPPED }),
  createToken({ name: "Word", pattern: /[^\s]+/ }),
], { positionTracking: "full" });
const floor = throughput("chevrotain floor", (text) => floorLexer.tokenize(text), script, { warm: 1, runs: PARSE_RUNS });
// What a mature hand-written parser does on this machine: TypeScript's own (a dev dependency) over its 9 MB compiler,
// building a syntax tree whose nodes keep two offsets (no line/column, no file) — the ceiling to read rsh's figure by.
const typescript = createRequire(import.meta.url)("typescript");
const tsPath = createRequire(import.meta.url).resolve("typescript");
const tsText = readFileSync(tsPath, "utf8");
const tsParser = throughput("TypeScript parser", (text) => typescript.createSourceFile("typescript.js", text, typescript.ScriptTarget.Latest, false, typescript.ScriptKind.JS), tsText, { warm: 1, runs: PARSE_RUNS });

// rsh's tokenizer alone, and what building the parser costs a fresh process (chevrotain's grammar recording; the
// tokenizer's tables are made when its module loads): the grammar bundled on its own, as the CLI's bundle holds it.
const grammarDir = mkdtempSync(join(tmpdir(), "rsh-bench-grammar-"));
const grammarBundle = join(grammarDir, "grammar.mjs");
await build({
  stdin: {
    contents: 'export { tokenize } from "./grammar/tokens.ts"; export { RshParser } from "./grammar/parser.ts";',
    resolveDir: new URL("..", import.meta.url).pathname,
    loader: "ts",
  },
  bundle: true, platform: "node", format: "esm", outfile: grammarBundle, logLevel: "warning",
});
const grammar = await import(grammarBundle);
const lexer = throughput("rsh tokenizer", (text) => grammar.tokenize(text), script, { warm: 1, runs: PARSE_RUNS });
const CONSTRUCT_RUNS = 7;
const construction = { load: [], parser: [] };
for (let i = 0; i < CONSTRUCT_RUNS; i++) {
  const probe = `const t0 = performance.now(); const g = await import(${JSON.stringify(grammarBundle)}); const t1 = performance.now();
    new g.RshParser(); console.log(JSON.stringify([t1 - t0, performance.now() - t1]));`;
  const [load, parser] = JSON.parse(execFileSync("node", ["--input-type=module", "-e", probe], { encoding: "utf8" }));
  construction.load.push(load);
  construction.parser.push(parser);
}
rmSync(grammarDir, { recursive: true });

console.log(`\nParse throughput (${fmt(script.length / MB, 1)} MB script, ${fmt(jsonText.length / MB, 1)} MB JSON, ${fmt(tsText.length / MB, 1)} MB of JavaScript for TypeScript; per measured run: CPU and minor page faults)`);
console.log("  what               best MB/s  median MB/s   user ms    sys ms   page faults");
for (const r of [rsh, lexer, floor, tsParser, json]) {
  console.log(`  ${r.label.padEnd(17)} ${fmt(r.best).padStart(10)} ${fmt(r.median).padStart(12)} ${fmt(r.user, 0).padStart(9)} ${fmt(r.system, 0).padStart(9)} ${fmt(r.faults, 0).padStart(13)}`);
}
console.log(`  rsh / JSON.parse (best): ${fmt(rsh.best / json.best, 4)}   rsh / chevrotain floor (best): ${fmt(rsh.best / floor.best)}   rsh / TypeScript parser (best): ${fmt(rsh.best / tsParser.best)}`);
console.log(`  goal rsh >= 10 MB/s: ${rsh.best >= 10 ? "met" : "NOT met"}`);
console.log(`  heap a parse result keeps alive: ${fmt(retained / MB, 0)} MB (${fmt(retained / script.length, 0)} bytes per byte of script)`);
console.log(`  in a fresh process (median of ${CONSTRUCT_RUNS}): loading the grammar bundle ${fmt(median(construction.load), 1)} ms, new RshParser() ${fmt(median(construction.parser), 1)} ms`);
