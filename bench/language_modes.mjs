// `node scripts/build.mjs && node bench/language_modes.mjs`: what language modes and visible commands cost. The same
// scripts run in FullLanguage, ConstrainedLanguage and FullLanguage with a restricted command view, in one run, so
// the figures compare; a big script measures the AST check before a script runs. Nothing asserts: see RESULTS.md.
import { LocalRunspace } from "../dist/mod.mjs";

const settings = {
  FullLanguage: {},
  ConstrainedLanguage: { languageMode: "ConstrainedLanguage" },
  "visibleCommands set": { visibleCommands: ["ForEach-Object", "Measure-Object", "Write-Output"] },
};

async function timed(options, source) {
  const runspace = new LocalRunspace(options);
  await runspace.open();
  const started = performance.now();
  const result = await runspace.invoke(source);
  const elapsed = performance.now() - started;
  if (result.errors.length) throw new Error(result.errors[0].message);
  await runspace.close();
  return elapsed;
}

const median = (runs) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];

const cases = [
  ["foreach 1..1e6 sum", "$s = 0; foreach ($i in 1..1000000) { $s += $i }"],
  ["100k calls of a 2-param function", "function Add($a, $b) { $a + $b }; for ($i = 0; $i -lt 100000; $i++) { $null = Add $i 1 }"],
  ["100k Write-Output in a loop", "for ($i = 0; $i -lt 100000; $i++) { Write-Output $i }"],
  // 20,000 statements that do almost nothing: the run is dominated by parsing and, in a restricted mode, the check.
  ["20k-statement script (parse + check)", Array.from({ length: 20000 }, (_, i) => `$v${i % 50} = [int]'${i}' + 1`).join("\n")],
];

console.log("\nLanguage modes (median of 7, interleaved, ms)");
console.log(["script", ...Object.keys(settings)].join(" | "));
for (const [name, source] of cases) {
  // Interleaved, so that load from elsewhere and the JIT warming up fall on every setting alike.
  const runs = Object.keys(settings).map(() => []);
  for (let i = 0; i < 7; i++) {
    for (const [k, options] of Object.values(settings).entries()) runs[k].push(await timed(options, source));
  }
  console.log([name, ...runs.map((r) => median(r).toFixed(1))].join(" | "));
}
