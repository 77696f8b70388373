// `npm run bench`: rsh's figures beside baselines measured in the same run (the ratio is what means something on
// a noisy machine). Nothing here asserts; results go to bench/RESULTS.md by hand, with the date and machine.
import { execFileSync } from "node:child_process";
import { createToken, Lexer } from "chevrotain";
import { parse } from "../dist/mod.mjs";

const MB = 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** A deterministic ~5 MB script mixing the constructs the grammar covers. */
function generateScript(bytes) {
  const chunk = (i) => `
function Get-Thing${i} {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$Name, [int]$Count = ${i % 7})
  $items = @(1, 2, 3) | Where-Object { $_ -gt 1 } | ForEach-Object { $_ * 2 }
  if ($Count -ge 2 -and $Name -like 'a*') { Write-Output "Hello $Name, $($Count + ${i})" } elseif ($Count) { 'x' } else { $x = [int]'5' }
  $h = @{ Name = $Name; Count = $Count; Nested = @{ a = 0x${(i % 255).toString(16)} } }
  foreach ($n in 1..$Count) { $h.Count += $n; [math]::Round($n / 3, 2) }
  switch -regex ($Name) { '^a' { 'starts with a' } default { 'other' } }
  try { Get-Item -Path ./file-${i}.txt -ErrorAction Stop 2>&1 > $null } catch [System.Exception] { $_.Exception.Message } finally { $done = $true }
  $text = @"
report ${i}: $Name
"@
  while ($Count -gt 0) { $Count-- } # a comment
  return $h.Count ?? 0
}
`;
  let text = "";
  for (let i = 0; text.length < bytes; i++) text += chunk(i);
  return text;
}

function throughput(label, fn, bytes, runs) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  const best = Math.min(...times);
  return { label, best: bytes / MB / (best / 1000), median: bytes / MB / (median(times) / 1000) };
}

function wall(command, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync(command, args, { stdio: "ignore" });
    times.push(performance.now() - started);
  }
  return median(times);
}

const deno = new URL("../node_modules/.bin/deno", import.meta.url).pathname;
const runs = 11;
const nodeBase = wall("node", ["-e", "1"], runs);
const nodeRsh = wall("node", ["bin/rsh.js", "-c", "1"], runs);
const denoBase = wall(deno, ["eval", "1"], runs);
const denoRsh = wall(deno, ["run", "-A", "src/cli.ts", "-c", "1"], runs);
console.log(`\nCold start (median of ${runs})`);
console.log(`  node -e 1            ${nodeBase.toFixed(0)} ms`);
console.log(`  rsh -c 1 (Node)      ${nodeRsh.toFixed(0)} ms   ratio ${(nodeRsh / nodeBase).toFixed(2)}x   goal <= 2x -> ${nodeRsh / nodeBase <= 2 ? "met" : "NOT met"}`);
console.log(`  deno eval 1          ${denoBase.toFixed(0)} ms`);
console.log(`  rsh -c 1 (Deno)      ${denoRsh.toFixed(0)} ms   ratio ${(denoRsh / denoBase).toFixed(2)}x`);

const script = generateScript(5 * MB);
const json = JSON.stringify(Array.from({ length: 60000 }, (_, i) => ({ name: `item${i}`, values: [i, i * 2], nested: { ok: true, text: "hello world" } }))).slice(0, script.length);
const jsonText = json.slice(0, json.lastIndexOf("},{") + 1) + "]";
const check = parse(script, "bench.rsh");
if (!check.ast) throw new Error("the generated script does not parse: " + check.diagnostics[0].format());
const heapBefore = process.memoryUsage().heapUsed;
const rsh = throughput("rsh parse", () => parse(script, "bench.rsh"), script.length, 3);
const heapAfter = process.memoryUsage().heapUsed;
const baseline = throughput("JSON.parse", () => JSON.parse(jsonText), jsonText.length, 5);
// chevrotain's floor on this machine: a three-token lexer (words, blanks, newlines) over the same script, no parser.
const floorLexer = new Lexer([
  createToken({ name: "NL", pattern: /\n/, line_breaks: true }),
  createToken({ name: "WS", pattern: /[ \t]+/, group: Lexer.SKIPPED }),
  createToken({ name: "Word", pattern: /[^\s]+/ }),
], { positionTracking: "full" });
const floor = throughput("chevrotain floor", () => floorLexer.tokenize(script), script.length, 3);

console.log(`\nParse throughput (${(script.length / MB).toFixed(1)} MB script, ${(jsonText.length / MB).toFixed(1)} MB JSON)`);
for (const r of [rsh, floor, baseline]) console.log(`  ${r.label.padEnd(17)} best ${r.best.toFixed(2)} MB/s   median ${r.median.toFixed(2)} MB/s`);
console.log(`  ratio rsh/JSON.parse (best): ${(rsh.best / baseline.best).toFixed(3)}   goal: rsh >= 10 MB/s -> ${rsh.best >= 10 ? "met" : "NOT met"}`);
console.log(`  heap growth while parsing (garbage included): ${((heapAfter - heapBefore) / MB).toFixed(0)} MB`);

