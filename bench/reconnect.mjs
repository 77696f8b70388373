// `npm run bench` (fifth part): issue 6's reconnect benchmarks — how long a client is without records after its
// connection drops, and what cutting the connection costs a long stream — through a TCP proxy
// (test/support/tcp_proxy.ts, bundled here with esbuild) in front of a child `node bin/rsh.js serve --port 0`.
// Nothing asserts but sanity checks (every record exactly once, in order); figures go to bench/RESULTS.md by hand.
//
// It imports the public API from the bundle in dist/: build dist/ first (`npm run bench` does).
import { finish, startServerProcess as startChildServer } from "./support.mjs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Connection, RemoteRunspace } from "../dist/mod.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

const HOST = "127.0.0.1";
const CUTS = 20;
const CUT_EVERY_MS = 100;
const OBJECTS = 1_000_000;
const CUT_EVERY_RECORDS = 100_000;
const STREAM_RUNS = 11;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The value below which `p` of the samples fall (nearest rank). */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const median = (xs) => percentile(xs, 0.5);
const fmt = (x, digits = 2) => x.toFixed(digits);
const count = (n) => n.toLocaleString("en-US");
const verdict = (ok) => (ok ? "met" : "NOT met");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Undone in reverse order at the end, also when something failed: servers, proxies, connections, temp dirs. */
const cleanups = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "rsh-bench-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** The tests' TCP proxy, bundled from TypeScript for Node. */
async function loadProxy() {
  const outfile = join(tempDir(), "tcp_proxy.mjs");
  await build({ entryPoints: [join(root, "test/support/tcp_proxy.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "warning" });
  return (await import(pathToFileURL(outfile).href)).startProxy;
}

/** `node bin/rsh.js serve --port 0` with HOME set to a temp dir (bench/support.mjs). */
function startServerProcess() {
  return startChildServer(root, tempDir(), cleanups, "reconnect bench");
}

/** A connection through `port` (the proxy's) and a session on it; notices are handed to `onNotice`. */
async function openSession(port, home, onNotice) {
  const connection = await Connection.open({ computerName: HOST, port, home });
  cleanups.push(() => connection.close());
  connection.onNotice = onNotice;
  const info = await connection.request("session.create", { name: "bench", configurationName: null });
  return { connection, remote: new RemoteRunspace(connection, info, HOST) };
}

/**
 * (a) An endless stream of numbers; every CUT_EVERY_MS the proxy cuts the connection. For each cut: the time from
 * the cut to the drop being noticed (the "interrupted" notice), to the first record after it (which can only have come
 * over the new connection: the old socket has closed), and to the "restored" notice.
 */
async function timeToResume(startProxy, server) {
  const proxy = await startProxy(server.port);
  cleanups.push(() => proxy.close());
  let current = null;
  const samples = [];
  const { connection, remote } = await openSession(proxy.port, server.home, (text) => {
    if (!current) return;
    if (text.includes("has been interrupted")) current.noticed = performance.now();
    else if (text.includes("has been restored")) current.restored = performance.now();
  });
  let last = 0;
  let records = 0;
  let inOrder = true;
  const running = remote.invoke("$i = 0; while ($true) { $i++; $i }", {
    onRecord: (r) => {
      if (r.stream !== "output") return;
      records++;
      if (r.value !== last + 1) inOrder = false;
      last = r.value;
      if (current?.noticed !== undefined && current.resumed === undefined) current.resumed = performance.now();
    },
  });
  running.catch(() => {});
  await sleep(300);
  for (let i = 0; i < CUTS; i++) {
    current = { cut: performance.now() };
    samples.push(current);
    if (proxy.cut() !== 1) throw new Error("reconnect bench: the proxy had no live connection to cut");
    const deadline = Date.now() + 5000;
    while ((current.resumed === undefined || current.restored === undefined) && Date.now() < deadline) await sleep(1);
    if (current.resumed === undefined) throw new Error(`reconnect bench: no record within 5 s of cut ${i + 1}`);
    await sleep(CUT_EVERY_MS);
  }
  current = null;
  await remote.stop();
  const result = await running;
  if (!inOrder || !result.stopped) throw new Error(`reconnect bench: endless stream in order: ${inOrder}, stopped: ${result.stopped}`);
  await connection.close();
  await proxy.close();
  const column = (key) => samples.map((s) => s[key] - s.cut);
  return { detect: column("noticed"), resume: column("resumed"), restored: column("restored"), records, cuts: proxy.cuts };
}

/** (b) 1..OBJECTS counted, uncut and cut every CUT_EVERY_RECORDS records (by the client's count), interleaved. */
async function cutThroughput(startProxy, server) {
  const proxy = await startProxy(server.port);
  cleanups.push(() => proxy.close());
  let notices = 0;
  const { connection, remote } = await openSession(proxy.port, server.home, () => notices++);
  const direct = await openSession(server.port, server.home, () => {});
  const script = `1..${OBJECTS}`;
  const counted = async (runspace, cutEvery) => {
    let seen = 0;
    let inOrder = true;
    const cutsBefore = proxy.cuts;
    const bytesBefore = proxy.bytesDown;
    const started = performance.now();
    const result = await runspace.invoke(script, {
      onRecord: (r) => {
        if (r.stream !== "output") return;
        seen++;
        if (r.value !== seen) inOrder = false;
        if (cutEvery && seen % cutEvery === 0 && seen < OBJECTS) proxy.cut();
      },
    });
    const elapsed = performance.now() - started;
    if (seen !== OBJECTS || !inOrder || result.errors.length) {
      throw new Error(`reconnect bench: ${script} delivered ${seen} objects (in order: ${inOrder}, ${result.errors.length} errors), not ${OBJECTS}`);
    }
    return { rate: OBJECTS / (elapsed / 1000), cuts: proxy.cuts - cutsBefore, bytes: proxy.bytesDown - bytesBefore };
  };
  const uncut = [];
  const cut = [];
  const noProxy = [];
  const cutsPerRun = [];
  const bytes = { uncut: [], cut: [] };
  await counted(remote, 0); // warm-up
  for (let run = 0; run < STREAM_RUNS; run++) {
    const u = await counted(remote, 0);
    uncut.push(u.rate);
    bytes.uncut.push(u.bytes);
    const r = await counted(remote, CUT_EVERY_RECORDS);
    cut.push(r.rate);
    cutsPerRun.push(r.cuts);
    bytes.cut.push(r.bytes);
    noProxy.push((await counted(direct.remote, 0)).rate);
  }
  await connection.close();
  await direct.connection.close();
  await proxy.close();
  return { uncut, cut, noProxy, cutsPerRun, notices, bytes };
}

// ---------------------------------------------------------------- main

let failed = false;
try {
  const startProxy = await loadProxy();
  const server = await startServerProcess();

  const a = await timeToResume(startProxy, server);
  console.log(`\nReconnect: time from a dropped connection to the first resumed record (proxy cut() on ${HOST}, ${CUTS} cuts ${CUT_EVERY_MS} ms apart during an endless stream; server: node bin/rsh.js serve)`);
  console.log("  from the cut to                                       p50        p90        max   goal");
  const row = (label, xs, goal) =>
    console.log(`  ${label.padEnd(52)} ${fmt(median(xs)).padStart(6)} ms  ${fmt(percentile(xs, 0.9)).padStart(6)} ms  ${fmt(Math.max(...xs)).padStart(6)} ms   ${goal ?? ""}`);
  row("the drop noticed (\"interrupted\" notice)", a.detect);
  row("the first record over the new connection", a.resume, `p50 <= 50 ms: ${verdict(median(a.resume) <= 50)}`);
  row("the \"restored\" notice (all sessions re-attached)", a.restored);
  console.log(`  ${a.cuts} cuts, ${count(a.records)} records, every one exactly once and in order`);

  const b = await cutThroughput(startProxy, server);
  const rate = (x) => `${count(Math.round(x)).padStart(11)}/s`;
  console.log(`\nReconnect: invoke("1..${count(OBJECTS)}"), every record counted, cut every ${count(CUT_EVERY_RECORDS)} records vs uncut (library path through the proxy; best and median of ${STREAM_RUNS}, interleaved)`);
  // Each cut run is paired with the uncut run just before it, so that a slow spell of the machine hits both.
  const paired = b.cut.map((x, i) => x / b.uncut[i]);
  console.log("  what                                                         best          median   goal");
  console.log(`  ${`cut every ${count(CUT_EVERY_RECORDS)} records (${b.cutsPerRun.join("/")} cuts)`.padEnd(56)} ${rate(Math.max(...b.cut))}  ${rate(median(b.cut))}   >= 80 % of uncut (median of pairs): ${verdict(median(paired) >= 0.8)}`);
  console.log(`  ${"uncut, through the proxy".padEnd(56)} ${rate(Math.max(...b.uncut))}  ${rate(median(b.uncut))}`);
  console.log(`  ${"reference: uncut, no proxy".padEnd(56)} ${rate(Math.max(...b.noProxy))}  ${rate(median(b.noProxy))}`);
  console.log(`  cut / uncut, run by run: ${paired.map((r) => `${fmt(100 * r, 0)} %`).join(", ")}; median ${fmt(100 * median(paired), 1)} % (medians ${fmt((100 * median(b.cut)) / median(b.uncut), 1)} %, bests ${fmt((100 * Math.max(...b.cut)) / Math.max(...b.uncut), 1)} %)`);
  const mb = (x) => fmt(x / (1024 * 1024), 1);
  const resent = median(b.bytes.cut) - median(b.bytes.uncut);
  console.log(`  server -> client bytes through the proxy (median): uncut ${mb(median(b.bytes.uncut))} MB, cut ${mb(median(b.bytes.cut))} MB (${fmt((100 * resent) / median(b.bytes.uncut), 1)} % more: records in flight at a cut, sent again, and the handshakes)`);

  const status = await server.stop();
  console.log(`  server exit on SIGTERM: ${status}`);
} catch (e) {
  failed = true;
  console.error(e);
}
await finish(cleanups, failed, "reconnect bench");


