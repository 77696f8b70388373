// The cost of the server's per-command limits (src/remoting/limits.ts): the memory sampler walks a session's global
// variables while a command runs. The same CPU-bound command runs in a session holding almost nothing (the baseline)
// and in one holding a million-element array (every sample walks it), interleaved, in one server of this process.
// Also printed: how long one walk of that session takes, and what a fixed 200 ms sampler would have cost.
// Figures go to bench/RESULTS.md by hand. Build dist/ first (`npm run build`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection, LocalRunspace, parseConfig, RemoteRunspace, RshServer } from "../dist/mod.mjs";
import { finish } from "./support.mjs";

const HOST = "127.0.0.1";
const RUNS = 11;
const LOOP = "$n = 0; foreach ($i in 1..3000000) { $n += $i }; $n";
const BIG = 1_000_000;
const fmt = (x, digits = 1) => x.toFixed(digits);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cleanups = [];
let failed = false;
try {
  const home = mkdtempSync(join(tmpdir(), "rsh-bench-limits-"));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  const server = await RshServer.start({ host: HOST, port: 0, config: parseConfig(null), osUser: "bench", home, env: { HOME: home } });
  cleanups.push(() => server.close());
  const connection = await Connection.open({ computerName: HOST, port: Number(new URL(server.url).port), home });
  cleanups.push(() => connection.close());
  const session = async (name) => new RemoteRunspace(connection, await connection.request("session.create", { name, configurationName: null }), HOST);
  const small = await session("small");
  const big = await session("big");
  const filled = await big.invoke(`$global:big = 1..${BIG}; $global:big.Count`);
  if (filled.output[0] !== BIG) throw new Error(`limits bench: the big session holds ${filled.output[0]} values`);

  // One walk of a session like the big one, timed directly (the sampler's unit of work).
  const local = new LocalRunspace();
  cleanups.push(() => local.close());
  await local.invoke(`$global:big = 1..${BIG}`);
  const walks = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    local.variablesSize(1024 * 1024 * 1024);
    walks.push(performance.now() - started);
  }

  const times = { small: [], big: [] };
  const expected = (3_000_000 * 3_000_001) / 2;
  for (let i = 0; i < RUNS; i++) {
    // Each pair alternates which runs first, and the ratio is taken per pair: drift in the machine's load cancels.
    const order = i % 2 === 0 ? [["small", small], ["big", big]] : [["big", big], ["small", small]];
    for (const [label, runspace] of order) {
      const started = performance.now();
      const result = await runspace.invoke(LOOP);
      times[label].push(performance.now() - started);
      if (result.output[0] !== expected) throw new Error(`limits bench: the loop gave ${result.output[0]} in ${label}`);
    }
  }
  const walk = median(walks);
  const base = median(times.small);
  const loaded = median(times.big);
  const ratio = median(times.big.map((t, i) => t / times.small[i]));
  console.log(`limits: the memory sampler (median of ${RUNS}, interleaved)`);
  console.log(`  one walk of a session holding ${BIG.toLocaleString("en-US")} values     ${fmt(walk)} ms`);
  console.log(`  loop in a session holding ~nothing (baseline)          ${fmt(base)} ms`);
  console.log(`  the same loop in the session holding the array         ${fmt(loaded)} ms   (median of pairs: ${ratio >= 1 ? "+" : ""}${fmt((ratio - 1) * 100)} %)`);
  console.log(`  a fixed 200 ms sampler would have spent                ${fmt((walk / (200 + walk)) * 100)} % of the time walking`);
} catch (e) {
  failed = true;
  console.error(e);
}
await finish(cleanups, failed, "limits bench");
