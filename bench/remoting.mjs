// `npm run bench` (fourth part): issue 5's remoting benchmarks — a session's round trip, a million objects streamed
// back, a thousand sessions at once — each beside a raw `ws` baseline measured in the same run. Nothing asserts but
// sanity checks (outputs and counts); figures go to bench/RESULTS.md by hand.
//
// It imports the public API from the bundle in dist/ (and benchmark 3 runs the real CLI, `node bin/rsh.js serve`):
// build dist/ first (`npm run bench` does).
import { finish, startServerProcess as startChildServer } from "./support.mjs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket, { WebSocketServer } from "ws";
import { Connection, LocalRunspace, parseConfig, RemoteRunspace, remotingCommands, RshServer } from "../dist/mod.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

const HOST = "127.0.0.1";
const WARM = 200;
const CALLS = 2000;
const BLOCK = 100;
const OBJECTS = 1_000_000;
const STREAM_RUNS = 3;
const SESSIONS = 1000;
const CONNECTIONS = 4;
const ROUNDS = 3;
const MB = 1024 * 1024;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The value below which `p` of the samples fall (nearest rank). */
const percentile = (xs, p) => sorted(xs)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const fmt = (x, digits = 2) => x.toFixed(digits);
const count = (n) => n.toLocaleString("en-US");
const verdict = (ok) => (ok ? "met" : "NOT met");
const ms = (x) => `${fmt(x).padStart(6)} ms`;

/** Undone in reverse order at the end, also when something failed: servers, sockets, processes, temp dirs. */
const cleanups = [];
const tempHome = () => {
  const dir = mkdtempSync(join(tmpdir(), "rsh-bench-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const portOf = (url) => Number(new URL(url).port);

/** Checks that `result` (an InvokeResult) has exactly `expected` as output and no errors. */
function expectOutput(what, result, expected) {
  const said = JSON.stringify(result.output);
  if (said !== JSON.stringify(expected) || result.errors.length) {
    const errors = result.errors.map((e) => e.message).join("; ");
    throw new Error(`remoting bench: ${what} gave ${said}${errors ? ` with errors: ${errors}` : ""}, not ${JSON.stringify(expected)}`);
  }
}

// ---------------------------------------------------------------- raw ws baselines (in this process)

/** A ws server that echoes each message back, and streams OBJECTS numbers in batches of 1000 when sent "stream". */
async function startBaselineServer() {
  const wss = new WebSocketServer({ host: HOST, port: 0, perMessageDeflate: false });
  await new Promise((resolve, reject) => wss.once("listening", resolve).once("error", reject));
  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      const text = String(data);
      if (text !== '"stream"') return socket.send(text);
      for (let first = 1; first <= OBJECTS; first += 1000) {
        const batch = new Array(1000);
        for (let i = 0; i < 1000; i++) batch[i] = first + i;
        socket.send(JSON.stringify(batch));
      }
    });
  });
  cleanups.push(() => new Promise((resolve) => {
    for (const client of wss.clients) client.terminate();
    wss.close(() => resolve());
  }));
  return wss;
}

async function openBaselineClient(port) {
  const socket = new WebSocket(`ws://${HOST}:${port}`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  cleanups.push(() => socket.terminate());
  let onMessage = null;
  socket.on("message", (data) => onMessage(JSON.parse(String(data))));
  return {
    /** One request-shaped JSON message there and back, parsed on both sides' receipt. */
    echo(message) {
      return new Promise((resolve) => {
        onMessage = resolve;
        socket.send(JSON.stringify(message));
      });
    },
    /** Asks for the stream and counts the numbers as they are parsed; resolves with the count. */
    stream() {
      return new Promise((resolve) => {
        let seen = 0;
        onMessage = (batch) => {
          for (const n of batch) if (typeof n === "number") seen++;
          if (seen >= OBJECTS) resolve(seen);
        };
        socket.send('"stream"');
      });
    },
  };
}

// ---------------------------------------------------------------- the benchmarks

async function roundTrips(server, baseline) {
  const home = server.options.home;
  const port = portOf(server.url);
  // (a) the library path: a RemoteRunspace over a Connection (what Invoke-Command -Session drives underneath).
  const connection = await Connection.open({ computerName: HOST, port, home });
  cleanups.push(() => connection.close());
  const info = await connection.request("session.create", { name: "bench", configurationName: null });
  const remote = new RemoteRunspace(connection, info, HOST);
  expectOutput('RemoteRunspace invoke("1")', await remote.invoke("1"), [1]);
  // (b) the cmdlet path: Invoke-Command in a client runspace that holds $s.
  const local = new LocalRunspace({ commands: remotingCommands, env: { HOME: home } });
  cleanups.push(() => local.close());
  expectOutput("$s = New-PSSession", await local.invoke(`$s = New-PSSession ${HOST} -Port ${port}`), []);
  const cmdlet = "Invoke-Command -Session $s { 1 }";
  expectOutput(cmdlet, await local.invoke(cmdlet), [1]);
  // Reference: the same `1` in a LocalRunspace of this process, no remoting.
  const plain = new LocalRunspace();
  cleanups.push(() => plain.close());

  const request = { type: "request", id: 1, op: "command.start", args: { session: info.instanceId, command: crypto.randomUUID(), script: "1" } };
  const cases = [
    { label: '(a) RemoteRunspace invoke("1")', run: () => remote.invoke("1"), times: [], goal: true },
    { label: `(b) local.invoke("${cmdlet}")`, run: () => local.invoke(cmdlet), times: [], goal: true },
    { label: "baseline: raw ws echo of a request-sized JSON", run: () => baseline.echo(request), times: [] },
    { label: 'reference: LocalRunspace invoke("1"), no remoting', run: () => plain.invoke("1"), times: [] },
  ];
  for (const c of cases) for (let i = 0; i < WARM; i++) await c.run();
  // Interleaved in blocks, so that a slow spell of the machine hits every case.
  for (let done = 0; done < CALLS; done += BLOCK) {
    for (const c of cases) {
      for (let i = 0; i < BLOCK; i++) {
        const started = performance.now();
        await c.run();
        c.times.push(performance.now() - started);
      }
    }
  }
  console.log(`\nRemoting: Invoke-Command -Session $s { 1 } round trip (server in this process on ${HOST}; p50 and p99 of ${count(CALLS)} calls after ${WARM} warm-ups, interleaved in blocks of ${BLOCK})`);
  console.log("  what                                                               p50         p99   goal");
  for (const c of cases) {
    const p50 = percentile(c.times, 0.5);
    const goal = c.goal ? `p50 <= 0.5 ms: ${verdict(p50 <= 0.5)}` : "";
    console.log(`  ${c.label.padEnd(60)} ${ms(p50)}   ${ms(percentile(c.times, 0.99))}   ${goal}`);
  }
  const [a, b, base] = cases.map((c) => percentile(c.times, 0.5));
  console.log(`  p50 / baseline: (a) ${fmt(a / base, 1)}x, (b) ${fmt(b / base, 1)}x`);
  return remote;
}

async function streaming(remote, baseline) {
  const rsh = [];
  const child = [];
  const base = [];
  const local = [];
  // The same over a server in a child process: there the server and the client each have a core.
  const server = await startServerProcess();
  const connection = await Connection.open({ computerName: HOST, port: server.port, home: server.home });
  cleanups.push(() => connection.close());
  const childRemote = new RemoteRunspace(connection, await connection.request("session.create", { name: "bench", configurationName: null }), HOST);
  const plain = new LocalRunspace();
  cleanups.push(() => plain.close());
  const script = `1..${OBJECTS}`;
  const counted = async (runspace) => {
    let seen = 0;
    const started = performance.now();
    const result = await runspace.invoke(script, { onRecord: (r) => r.stream === "output" && seen++ });
    const elapsed = performance.now() - started;
    if (seen !== OBJECTS || result.errors.length) throw new Error(`remoting bench: ${script} delivered ${seen} objects (${result.errors.length} errors), not ${OBJECTS}`);
    return OBJECTS / (elapsed / 1000);
  };
  for (let run = 0; run < STREAM_RUNS; run++) {
    rsh.push(await counted(remote));
    child.push(await counted(childRemote));
    const started = performance.now();
    const seen = await baseline.stream();
    if (seen !== OBJECTS) throw new Error(`remoting bench: the ws baseline delivered ${seen} numbers`);
    base.push(OBJECTS / ((performance.now() - started) / 1000));
    local.push(await counted(plain));
  }
  await connection.close();
  await server.stop();
  const median = (xs) => percentile(xs, 0.5);
  const rate = (x) => `${count(Math.round(x)).padStart(11)}/s`;
  console.log(`\nRemoting: Invoke-Command -Session $s { 1..1000000 }, every object received and counted (library path, same session as above; best and median of ${STREAM_RUNS}, interleaved)`);
  console.log("  what                                                                best           median   goal");
  console.log(`  ${"RemoteRunspace invoke with a counting onRecord".padEnd(60)} ${rate(Math.max(...rsh))}  ${rate(median(rsh))}   >= 1,000,000/s: ${verdict(Math.max(...rsh) >= 1e6)}`);
  console.log(`  ${"the same, server in a child process (node bin/rsh.js serve)".padEnd(60)} ${rate(Math.max(...child))}  ${rate(median(child))}   >= 1,000,000/s: ${verdict(Math.max(...child) >= 1e6)}`);
  console.log(`  ${"baseline: raw ws, JSON arrays of 1000 numbers, parsed + counted".padEnd(60)} ${rate(Math.max(...base))}  ${rate(median(base))}`);
  console.log(`  ${"reference: LocalRunspace invoke, no remoting".padEnd(60)} ${rate(Math.max(...local))}  ${rate(median(local))}`);
  console.log(`  rsh / baseline (best): ${fmt(Math.max(...rsh) / Math.max(...base), 3)}   rsh / no remoting (best): ${fmt(Math.max(...rsh) / Math.max(...local), 2)}`);
}

/** VmRSS and VmHWM of a process, in bytes. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)[1]) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** `node bin/rsh.js serve --port 0` with HOME set to a temp dir (bench/support.mjs). */
function startServerProcess() {
  return startChildServer(root, tempHome(), cleanups, "remoting bench");
}

async function manySessions() {
  const server = await startServerProcess();
  await new Promise((r) => setTimeout(r, 300));
  const idle = memoryOf(server.child.pid);
  const connections = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const connection = await Connection.open({ computerName: HOST, port: server.port, home: server.home });
    cleanups.push(() => connection.close());
    connections.push(connection);
  }
  let started = performance.now();
  const sessions = await Promise.all(Array.from({ length: SESSIONS }, async (_, i) => {
    const connection = connections[i % CONNECTIONS];
    const info = await connection.request("session.create", { name: `bench${i}`, configurationName: null });
    return new RemoteRunspace(connection, info, HOST);
  }));
  const createMs = performance.now() - started;
  const created = memoryOf(server.child.pid);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    const times = await Promise.all(sessions.map(async (session) => {
      const t = performance.now();
      const result = await session.invoke("$x = 1; $x + 1");
      const elapsed = performance.now() - t;
      expectOutput("$x = 1; $x + 1", result, [2]);
      return elapsed;
    }));
    rounds.push({ wall: performance.now() - started, p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: Math.max(...times) });
  }
  const after = memoryOf(server.child.pid);
  for (const connection of connections) await connection.close();
  const status = await server.stop();

  const mb = (x) => `${fmt(x / MB, 1).padStart(6)} MB`;
  console.log(`\nRemoting: ${count(SESSIONS)} sessions on one server process (node bin/rsh.js serve --port 0), over ${CONNECTIONS} connections`);
  console.log(`  ${count(SESSIONS)} × session.create, all at once: ${fmt(createMs, 0)} ms (${fmt(createMs * 1000 / SESSIONS, 0)} µs each)`);
  console.log(`  ${count(SESSIONS)} × invoke("$x = 1; $x + 1"), all at once (latency from each call to its result):`);
  rounds.forEach((r, i) => {
    console.log(`    round ${i + 1}${i === 0 ? " (each session's first command)" : "                              "}   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   max ${ms(r.max)}   all done ${ms(r.wall)}`);
  });
  console.log("  server memory (/proc/<pid>/status)           VmRSS     per session");
  console.log(`    baseline: idle server                  ${mb(idle.rss)}`);
  console.log(`    with ${count(SESSIONS)} sessions, before invoking  ${mb(created.rss)}   ${fmt((created.rss - idle.rss) / SESSIONS / 1024, 1).padStart(6)} KB`);
  console.log(`    after ${ROUNDS} rounds of invokes             ${mb(after.rss)}   ${fmt((after.rss - idle.rss) / SESSIONS / 1024, 1).padStart(6)} KB   (peak VmHWM ${fmt(after.peak / MB, 1)} MB)`);
  console.log(`  server exit on SIGTERM: ${status}`);
}

// ---------------------------------------------------------------- main

let failed = false;
try {
  const baselineServer = await startBaselineServer();
  const baseline = await openBaselineClient(baselineServer.address().port);
  const home = tempHome();
  const server = await RshServer.start({
    host: HOST,
    port: 0,
    config: parseConfig(null),
    osUser: "bench",
    home,
    env: { HOME: home },
    sessionOptions: () => ({ commands: remotingCommands }),
  });
  cleanups.push(() => server.close());
  const remote = await roundTrips(server, baseline);
  await streaming(remote, baseline);
  await manySessions();
} catch (e) {
  failed = true;
  console.error(e);
}
await finish(cleanups, failed, "remoting bench");

