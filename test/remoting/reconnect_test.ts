/**
 * Robust connections (issue 6, about_Remote_Disconnected_Sessions): a client whose TCP connection drops reconnects on
 * its own within the retry window, re-attaches its sessions and resumes each command after the last record it has —
 * so records arrive exactly once, in order — and, when the window passes, leaves its sessions Disconnected (a command
 * was running) or Broken (idle). A real `rsh serve` child process; in-process client runspaces that reach it through
 * a TCP proxy (test/support/tcp_proxy.ts) which the tests use to cut, tear and refuse connections.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type InvokeResult, LocalRunspace, remotingCommands, type StreamRecord } from "../../src/mod.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";
import { startProxy } from "../support/tcp_proxy.ts";

/** A client runspace of the server's OS user (its HOME holds the server token). */
const clientOf = (server: TestServer) => new LocalRunspace({ commands: remotingCommands, env: { HOME: server.home } });

/** Output values as strings; fails on any error record. */
function outputOf(result: InvokeResult): string[] {
  assert.equal(result.errors.map((e) => e.message), [], "no errors");
  return result.output.map((v) => String(v));
}

const reconnect = suite("remoting: reconnecting after a dropped connection");
let server: TestServer;
reconnect.before(async () => void (server = await startServer({ timeoutMs: 120_000 })));
reconnect.after(async () => void (await server?.stop()));

reconnect("Cut the TCP connection several times mid-stream: 1,000,000 records arrive exactly once, in order, and `$s.State` is `Opened` after", async () => {
  const proxy = await startProxy(server.port);
  const local = clientOf(server);
  try {
    const opened = await local.invoke(`$s = New-PSSession -ComputerName 127.0.0.1 -Port ${proxy.port}; $s.State`);
    assert.equal(outputOf(opened), ["Opened"]);
    // 1..1000000 is ~18 MB of records on the wire: a cut every 4 MB tears the stream four times, mid-frame.
    proxy.cutAfterBytes(4_000_000);
    const warnings: string[] = [];
    const output: unknown[] = [];
    const errors: string[] = [];
    await local.invoke(`$n = 0; $ok = $true; Invoke-Command $s { 1..1000000 } | ForEach-Object { $n++; if ($_ -ne $n) { $ok = $false } }; $ok; $n; $s.State`, {
      onRecord: (r) => {
        if (r.stream === "warning") warnings.push(String(r.value));
        else if (r.stream === "output") output.push(r.value);
        else if (r.stream === "error") errors.push(r.value.message);
      },
    });
    proxy.cutAfterBytes(null);
    assert.equal(errors, []);
    assert.equal(output, [true, 1_000_000, "Opened"], "every record once, in order; the session Opened");
    assert.ok(proxy.cuts >= 3, `the proxy cut the connection ${proxy.cuts} times, not at least 3`);
    // Every cut was a new connection, and every one was told and recovered.
    assert.is(proxy.accepted, proxy.cuts + 1, "one new connection per cut");
    assert.is(warnings.length, 2 * proxy.cuts, warnings.join("\n"));
    warnings.forEach((w, i) => assert.match(w, i % 2 === 0 ? /has been interrupted\. Attempting to reconnect/ : /has been restored\.$/));
    // The session is still the same one, and usable.
    assert.equal(outputOf(await local.invoke(`Invoke-Command $s { 'still here' }; $s.Availability`)), ["still here", "Available"]);
  } finally {
    await local.close();
    await proxy.close();
  }
});

reconnect("a retry window that passes leaves the right states: the busy session Disconnected, the idle one Broken; Connect-PSSession from another client finds the busy one", async () => {
  const proxy = await startProxy(server.port);
  const local = clientOf(server);
  const other = clientOf(server);
  const records: StreamRecord[] = [];
  const run = (runspace: LocalRunspace, script: string) => runspace.invoke(script, { onRecord: (r) => void records.push(r) });
  /** The output records since the last call (every other record is dropped with them). */
  const outputs = () => records.splice(0).filter((r) => r.stream === "output").map((r) => String(r.value));
  try {
    await run(local, [
      `$o = New-PSSessionOption -RetryWindowSec 1`,
      `$busy = New-PSSession -ComputerName 127.0.0.1 -Port ${proxy.port} -Name busy -SessionOption $o`,
      `$idle = New-PSSession -ComputerName 127.0.0.1 -Port ${proxy.port} -Name idle -SessionOption $o`,
      `$j = Invoke-Command $busy -AsJob { while ($true) { Start-Sleep -Milliseconds 50 } }`,
      `Start-Sleep -Milliseconds 300`,
      `$busy.State; $busy.Availability; $idle.State; $idle.Availability; $j.State`,
    ].join("; "));
    assert.equal(outputs(), ["Opened", "Busy", "Opened", "Available", "Running"]);

    // The server becomes unreachable: the live connection is cut and every reconnect attempt is refused. While the
    // client retries (1 s) the sessions stay Opened; once the window has passed, the one with a command running is
    // Disconnected (its command runs on at the server) and the idle one Broken.
    proxy.refuse(true);
    assert.is(proxy.cut(), 1, "both sessions share one connection");
    await run(local, [
      `Start-Sleep -Milliseconds 100; $busy.State; $idle.State`,
      `Start-Sleep -Milliseconds 1900`,
      // A loaded machine may take longer to give up: wait up to 5 s more.
      `$t = 0; while ($idle.State -eq 'Opened' -and $t -lt 50) { Start-Sleep -Milliseconds 100; $t++ }`,
      `$busy.State; $idle.State; $busy.Availability; $idle.Availability`,
    ].join("; "));
    const warnings = records.filter((r) => r.stream === "warning").map((r) => String(r.value));
    // The busy session's command was cut off by the lost connection, not ended: it still counts as running
    // (RemoteRunspace.invoke must not forget it when its stream fails with the connection).
    assert.equal(outputs(), ["Opened", "Opened", "Disconnected", "Broken", "None", "None"]);
    assert.ok(proxy.refused >= 1, "the client tried to reconnect");
    assert.equal(warnings, [
      "The network connection to 127.0.0.1 has been interrupted. Attempting to reconnect for up to 1 seconds...",
      "Network connectivity to 127.0.0.1 has been lost and the reconnection attempt failed. Please repair the network connection and reconnect using Connect-PSSession or Receive-PSSession.",
    ]);

    // The job does not hang: it ends on its own (Failed: its connection is gone), or stopping it ends it.
    const started = Date.now();
    await run(local, `$done = Wait-Job $j -Timeout 5; if (-not $done) { Stop-Job $j }; $j.State; Receive-Job $j 2>&1 | ForEach-Object { "$_" }`);
    assert.ok(Date.now() - started < 10_000, "the job ended in time");
    const [jobState, ...jobOutput] = outputs();
    assert.ok(jobState === "Failed" || jobState === "Stopped", `the job ended (${jobState})`);
    if (jobState === "Failed") assert.match(jobOutput.join("\n"), /Network connectivity to 127\.0\.0\.1 has been lost/);

    // Once the server is reachable again, another client connects to the busy session: the server kept it, running.
    proxy.refuse(false);
    await run(other, `$c = Connect-PSSession -ComputerName 127.0.0.1 -Port ${proxy.port} -Name busy; $c.Name; $c.State`);
    const errors = records.filter((r) => r.stream === "error").map((r) => String(r.value));
    assert.equal(errors, [], "Connect-PSSession succeeded");
    assert.equal(outputs(), ["busy", "Opened"]);
    // Removing it stops the endless command on the server.
    await run(other, `Remove-PSSession $c; $c.State`);
    assert.equal(outputs(), ["Closed"]);
  } finally {
    await other.close();
    await local.close();
    await proxy.close();
  }
});

reconnect("the client runspace's warning stream says 'has been interrupted', then 'has been restored', around a cut", async () => {
  const proxy = await startProxy(server.port);
  const local = clientOf(server);
  try {
    assert.equal(outputOf(await local.invoke(`$s = New-PSSession -ComputerName 127.0.0.1 -Port ${proxy.port}; $s.State`)), ["Opened"]);
    // One cut, after ~1.5 MB of a ~9 MB stream.
    proxy.cutAfterBytes(1_500_000);
    proxy.onCut = () => proxy.cutAfterBytes(null);
    const log: string[] = [];
    let outputs = 0;
    let last = 0;
    let inOrder = true;
    const flushOutputs = () => {
      if (outputs) log.push(`output x${outputs}`);
      outputs = 0;
    };
    const result = await local.invoke(`Invoke-Command $s { 1..500000 }`, {
      onRecord: (r) => {
        if (r.stream === "output") {
          outputs++;
          // Invoke-Command's numbers carry PSComputerName (a NotedScalar): their number is their valueOf.
          const value = Number(r.value);
          if (value !== last + 1) inOrder = false;
          last = value;
        } else {
          flushOutputs();
          log.push(`${r.stream}: ${r.value}`);
        }
      },
    });
    flushOutputs();
    assert.is(result.errors.length, 0);
    assert.is(proxy.cuts, 1);
    assert.ok(inOrder && last === 500_000, `every record once, in order (last ${last})`);
    const interrupted = log.findIndex((l) => /^warning: The network connection to 127\.0\.0\.1 has been interrupted\. Attempting to reconnect for up to 240 seconds\.\.\.$/.test(l));
    const restored = log.findIndex((l) => l === "warning: The network connection to 127.0.0.1 has been restored.");
    assert.ok(interrupted >= 0 && restored > interrupted, log.join("\n"));
    assert.ok(log.slice(0, interrupted).some((l) => l.startsWith("output")), `records before the cut:\n${log.join("\n")}`);
    assert.ok(log.slice(restored + 1).some((l) => l.startsWith("output")), `records after the reconnect:\n${log.join("\n")}`);
    assert.is(log.filter((l) => l.startsWith("warning:")).length, 2, log.join("\n"));
  } finally {
    await local.close();
    await proxy.close();
  }
});

reconnect.run();
