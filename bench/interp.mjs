// `npm run bench:interp`: the interpreter benchmarks of the interpreter issue, each beside a plain-JS equivalent
// timed in the same run. Nothing asserts; figures go to bench/RESULTS.md.
import { LocalRunspace, parseOrThrow } from "../dist/mod.mjs";

function time(fn) {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

async function rsh(source) {
  const runspace = new LocalRunspace({ host: { output() {}, error(r) { throw new Error(r.message); }, host() {} } });
  const ast = parseOrThrow(source);
  const started = performance.now();
  await runspace.run(ast, { source });
  return performance.now() - started;
}

const cases = [
  {
    name: "foreach 1..1e6 sum", goal: 100,
    source: "$s = 0; foreach ($i in 1..1000000) { $s += $i }",
    js: () => { let s = 0; for (let i = 1; i <= 1e6; i++) s += i; return s; },
  },
  {
    name: "1..1e6 | % {$_*2} | measure -Sum", goal: 600,
    source: "1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum",
    js: () => Array.from({ length: 1e6 }, (_, i) => (i + 1) * 2).reduce((a, b) => a + b, 0),
  },
  {
    name: "100k calls of a 2-param function", goal: 150,
    source: "function Add($a, $b) { $a + $b }; for ($i = 0; $i -lt 100000; $i++) { $null = Add $i 1 }",
    js: () => { const add = (a, b) => a + b; let x = 0; for (let i = 0; i < 1e5; i++) x = add(i, 1); return x; },
  },
];

console.log("\nInterpreter (median of 3)");
for (const c of cases) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await rsh(c.source));
  const ms = runs.sort((a, b) => a - b)[1];
  const js = time(c.js);
  console.log(`  ${c.name.padEnd(36)} rsh ${ms.toFixed(0).padStart(6)} ms   plain JS ${js.toFixed(1).padStart(6)} ms   goal <= ${c.goal} ms -> ${ms <= c.goal ? "met" : "NOT met"}`);
}
console.log("  while ($true) {} latency/stop test: not run — the evaluator is synchronous (no yields, no stop signal yet)");
