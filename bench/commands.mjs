// `node bench/commands.mjs` (after `npm run build`): the text and CSV built-ins over many objects, each beside a
// plain-JS loop doing the same work, timed in the same run. Nothing asserts; figures go to bench/RESULTS.md.
import { LocalRunspace } from "../dist/mod.mjs";

const N = 100_000;
const ROWS = 20_000;
const COMPARE = 2_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const lines = Array.from({ length: N }, (_, i) => `line ${i} ${i % 10 === 0 ? `err${i}` : "ok"}`);
const rows = Array.from({ length: ROWS }, (_, i) => ({ Name: `n${i}`, Note: i % 7 === 0 ? 'say "hi", twice' : "plain", N: i }));
const csvText = ['"Name","Note","N"', ...rows.map((r) => `"${r.Name}","${r.Note.replace(/"/g, '""')}","${r.N}"`)];

/** Median of 3 runs of `source` in a runspace holding the data as variables (set up outside the timing). */
async function rsh(source) {
  const runspace = new LocalRunspace({ variables: { lines, csvText } });
  await runspace.invoke(`$objects = $csvText | ConvertFrom-Csv; $left = 1..${COMPARE}; $right = 2..${COMPARE + 1}; $apart = ${COMPARE * 10}..${COMPARE * 11 - 1}`);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = await runspace.invoke(source);
    times.push(performance.now() - started);
    if (result.errors.length) throw new Error(`commands bench: ${source}: ${result.errors[0].message}`);
  }
  return median(times);
}

function js(fn) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

const quote = (s) => `"${String(s).replace(/"/g, '""')}"`;
const cases = [
  {
    name: `Select-String over ${N / 1000}k lines`,
    source: "$null = $lines | Select-String 'err\\d+'",
    js: () => lines.map((l) => /err\d+/i.exec(l)).filter(Boolean).map((m) => ({ line: m.input, value: m[0] })),
  },
  {
    name: `ConvertTo-Csv of ${ROWS / 1000}k objects`,
    source: "$null = $objects | ConvertTo-Csv",
    js: () => rows.map((r) => [r.Name, r.Note, r.N].map(quote).join(",")),
  },
  {
    name: `ConvertFrom-Csv of ${ROWS / 1000}k lines`,
    source: "$null = $csvText | ConvertFrom-Csv",
    js: () => csvText.slice(1).map((line) => line.slice(1, -1).split('","').map((f) => f.replace(/""/g, '"'))),
  },
  {
    name: `Compare-Object ${COMPARE} vs ${COMPARE} (all but 2 equal)`,
    source: "$null = Compare-Object $left $right",
    js: () => {
      const right = new Set(Array.from({ length: COMPARE }, (_, i) => i + 2));
      return Array.from({ length: COMPARE }, (_, i) => i + 1).filter((x) => !right.has(x));
    },
  },
  {
    // The walk of CompareObjectCommand: each object is looked for in the other side's backlog, so two sets with
    // nothing in common cost n × m comparisons (in pwsh too); the baseline is a hash lookup.
    name: `Compare-Object ${COMPARE} vs ${COMPARE} (nothing equal)`,
    source: "$null = Compare-Object $left $apart",
    js: () => {
      const apart = new Set(Array.from({ length: COMPARE }, (_, i) => COMPARE * 10 + i));
      return Array.from({ length: COMPARE }, (_, i) => i + 1).filter((x) => !apart.has(x));
    },
  },
];

console.log("\nBuilt-in commands (median of 3)");
for (const c of cases) {
  const ms = await rsh(c.source);
  const base = js(c.js);
  console.log(`  ${c.name.padEnd(48)} rsh ${ms.toFixed(0).padStart(6)} ms   plain JS ${base.toFixed(1).padStart(6)} ms   (${(ms / base).toFixed(0)}×)`);
}
