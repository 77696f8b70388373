// `npm run bench` (third part): the sessions benchmarks — many runspaces in one process, and a background job's
// round trip — each beside a plain-JS or plain-invoke baseline measured in the same run. Nothing asserts but one
// sanity check (a job's output is [1]); figures go to bench/RESULTS.md by hand.
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";

// Retained heap needs a full collection before each reading: without --expose-gc, run again with it.
if (typeof globalThis.gc !== "function") {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, self, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { LocalRunspace } = await import("../dist/mod.mjs");

const RUNSPACES = 10_000;
const WARM = 20;
const RUNS = 200;
const KB = 1024;
const gc = () => globalThis.gc();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The value below which `p` of the samples fall (nearest rank). */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const fmt = (x, digits = 2) => x.toFixed(digits);
const verdict = (ok) => (ok ? "met" : "NOT met");

/** Creates `count` things with `make` (awaited in turn), all kept; returns the wall time and the heap they retain. */
async function createMany(make, count) {
  const kept = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < count; i++) kept.push(await make(i));
  const ms = performance.now() - started;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  return { ms, retained, kept };
}

// ---------------------------------------------------------------- 10,000 open runspaces

/** The baseline: a plain object holding a Map of 20 entries, made the same way (awaited in turn, all kept). */
// deno-lint-ignore require-await
const plainObject = async (i) => {
  const map = new Map();
  for (let k = 0; k < 20; k++) map.set(`key${k}`, i * 20 + k);
  return { id: i, name: `object${i}`, map };
};
const openRunspace = async () => {
  const rs = new LocalRunspace();
  await rs.open();
  return rs;
};

await openRunspace(); // one unmeasured runspace first: module-level caches are not a runspace's cost
const base = await createMany(plainObject, RUNSPACES);
const baseCount = base.kept.length;
base.kept = null;
const many = await createMany(openRunspace, RUNSPACES);
if (many.kept.length !== RUNSPACES || many.kept.some((rs) => rs.state !== "Opened")) {
  throw new Error("sessions bench: a runspace did not reach the Opened state");
}
many.kept = null;
gc();

const perSecond = (r, n) => n / (r.ms / 1000);
const rsRate = perSecond(many, RUNSPACES);
const rsKb = many.retained / RUNSPACES / KB;
const baseKb = base.retained / baseCount / KB;
console.log(`\nSessions: ${RUNSPACES.toLocaleString("en-US")} LocalRunspaces created and opened in turn, all kept (heap after a full GC, --expose-gc)`);
console.log("  what                                   per item     per second   retained each   goal");
console.log(`  new LocalRunspace(); await open()  ${fmt(many.ms * 1000 / RUNSPACES, 1).padStart(9)} µs ${fmt(rsRate, 0).padStart(12)}/s ${fmt(rsKb, 1).padStart(11)} KB   >= 2,000/s: ${verdict(rsRate >= 2000)}; <= 50 KB: ${verdict(rsKb <= 50)}`);
console.log(`  baseline: plain object + 20-entry Map ${fmt(base.ms * 1000 / baseCount, 1).padStart(6)} µs ${fmt(perSecond(base, baseCount), 0).padStart(12)}/s ${fmt(baseKb, 1).padStart(11)} KB`);
console.log(`  runspace / baseline: ${fmt(many.ms / base.ms, 1)}x the time, ${fmt(rsKb / baseKb, 1)}x the heap`);

// ---------------------------------------------------------------- Start-Job round trip

/** Times `script` in `rs` RUNS times after WARM unmeasured runs; checks the output once. */
async function roundTrips(rs, script, expected) {
  const first = await rs.invoke(script);
  const said = JSON.stringify(first.output);
  if (said !== JSON.stringify(expected) || first.errors.length) {
    const errors = first.errors.map((e) => e.message).join("; ");
    throw new Error(`sessions bench: ${JSON.stringify(script)} gave ${said}${errors ? ` with errors: ${errors}` : ""}, not ${JSON.stringify(expected)}`);
  }
  for (let i = 1; i < WARM; i++) await rs.invoke(script);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await rs.invoke(script);
    times.push(performance.now() - started);
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const rs = await openRunspace();
const job = await roundTrips(rs, "$j = Start-Job { 1 }; Receive-Job $j -Wait -AutoRemoveJob", [1]);
const plain = await roundTrips(rs, "1", [1]);
const leftover = await rs.invoke("@(Get-Job).Count");
console.log(`\nStart-Job round trip (one runspace; median and p95 of ${RUNS} after ${WARM} warm-ups)`);
console.log(`  $j = Start-Job { 1 }; Receive-Job $j -Wait -AutoRemoveJob   median ${fmt(job.median).padStart(6)} ms   p95 ${fmt(job.p95).padStart(6)} ms   goal median <= 2 ms -> ${verdict(job.median <= 2)}`);
console.log(`  baseline: invoke("1")                                        median ${fmt(plain.median).padStart(6)} ms   p95 ${fmt(plain.p95).padStart(6)} ms`);
console.log(`  jobs left in the runspace afterwards: ${leftover.output[0]}`);
await rs.close();
