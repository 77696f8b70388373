/**
 * Disconnected sessions end to end (about_Remote_Disconnected_Sessions, Disconnect-/Connect-/Receive-PSSession):
 * real server processes on 127.0.0.1 and real client processes.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runRsh, startRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const client = (server: TestServer, script: string, home = server.home) =>
  runRsh(["-NoProfile", "-c", script], { env: { HOME: home }, timeoutMs: 60_000 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const away = suite("disconnected sessions: leave, come back from another process, get everything");
let server: TestServer;
away.before(async () => void (server = await startServer({ config: { reconnectWindowSec: 1 } })));
away.after(async () => void (await server.stop()));


away("a command started in a disconnected session counts to 100,000 with pauses; another process receives every record once, in order", async () => {
  const started = await client(server, `Invoke-Command -ComputerName localhost -Port ${server.port} -InDisconnectedSession -SessionName counter { 1..100000 | ForEach-Object { $_; if ($_ % 20000 -eq 0) { Start-Sleep -Milliseconds 100 } } } | ForEach-Object { $_.State; $_.Availability }`);
  assert.is(started.stderr, "");
  assert.is(started.stdout, "Disconnected\nNone\n");
  const received = await client(server, `$next = 1; $ok = $true; Receive-PSSession -ComputerName localhost -Port ${server.port} -Name counter | ForEach-Object { if ($_ -ne $next) { $ok = $false }; $next++ }; $ok; $next - 1`);
  assert.is(received.stderr, "");
  assert.is(received.stdout, "True\n100000\n");
});

away("Disconnect-PSSession while a command runs; Connect-PSSession and Receive-PSSession from another process get the rest", async () => {
  const first = await client(server, `$s = New-PSSession localhost -Port ${server.port} -Name halfway; $j = Invoke-Command $s -AsJob { 1..6 | ForEach-Object { $_; Start-Sleep -Milliseconds 150 } }; Start-Sleep -Milliseconds 250; Disconnect-PSSession $s | ForEach-Object State; $seen = @(Receive-Job $j); $seen.Count -ge 1`);
  assert.is(first.stdout, "Disconnected\nTrue\n");
  const second = await client(server, `$s = Connect-PSSession -ComputerName localhost -Port ${server.port} -Name halfway; $s.State; $rest = @(Receive-PSSession $s); $rest[-1]; $rest.Count -ge 1; (Get-PSSession).Name`);
  assert.is(second.stderr, "");
  assert.match(second.stdout, /^Opened\n6\nTrue\nhalfway\n$/);
});

away("Invoke-Command -Session $s -InDisconnectedSession starts the command and leaves the session; Receive-PSSession gets it", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port} -Name started; $out = Invoke-Command -Session $s -InDisconnectedSession { 'from before' }; $out.State; $s.State; Receive-PSSession $s; $s.State`);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "Disconnected\nDisconnected\nfrom before\nOpened\n");
});

away("Receive-PSSession -OutTarget Job hands the rest of the output to a job", async () => {
  await client(server, `Invoke-Command -ComputerName localhost -Port ${server.port} -InDisconnectedSession -SessionName tojob { 'a'; Start-Sleep -Milliseconds 200; 'b' } | Out-Null`);
  const r = await client(server, `$j = Receive-PSSession -ComputerName localhost -Port ${server.port} -Name tojob -OutTarget Job -JobName later; $j.Name; Receive-Job $j -Wait`);
  assert.is(r.stdout, "later\na\nb\n");
});

away("kill -9 a client mid-command: its busy session waits Disconnected; its idle one is gone after the reconnect window", async () => {
  const victim = startRsh(["-NoProfile"], { env: { HOME: server.home } });
  try {
    victim.write(`$busy = New-PSSession localhost -Port ${server.port} -Name victim-busy; $idle = New-PSSession localhost -Port ${server.port} -Name victim-idle; 'ready'\n`);
    await victim.waitFor("ready\n");
    victim.write(`Invoke-Command $busy { while ($true) { Start-Sleep -Milliseconds 50 } }\n`);
    await sleep(400);
    victim.kill();
    await victim.exited;
  } finally {
    victim.kill();
  }
  await sleep(1800); // the server's reconnectWindowSec is 1 in this suite
  const r = await client(server, `Get-PSSession -ComputerName localhost -Port ${server.port} -Name victim-* | ForEach-Object { $_.Name + ' ' + $_.State + ' ' + $_.Availability }`);
  assert.is(r.stdout, "victim-busy Disconnected None\n");
  await client(server, `Get-PSSession -ComputerName localhost -Port ${server.port} -Name victim-busy | Remove-PSSession`);
});

away("a session connected to a live client is refused to a second client (PowerShell: the session is in use)", async () => {
  const holder = startRsh(["-NoProfile"], { env: { HOME: server.home } });
  try {
    holder.write(`$s = New-PSSession localhost -Port ${server.port} -Name held; 'ready'\n`);
    await holder.waitFor("ready\n");
    const r = await client(server, `Connect-PSSession -ComputerName localhost -Port ${server.port} -Name held`);
    assert.match(r.stderr, /The session held is in use by another client connection; disconnect it there first/);
    holder.write(`Disconnect-PSSession $s | Out-Null; 'left'\n`);
    await holder.waitFor("left\n");
    const taken = await client(server, `(Connect-PSSession -ComputerName localhost -Port ${server.port} -Name held).State`);
    assert.is(taken.stdout, "Opened\n");
  } finally {
    holder.kill();
  }
});

const buffering = suite("disconnected sessions: output buffering and timeouts");
let small: TestServer;
buffering.before(async () => void (small = await startServer({ config: { outputBufferRecords: 100 } })));
buffering.after(async () => void (await small.stop()));

buffering("Block (the default): with a 100-record buffer and nobody connected the command pauses; nothing is lost", async () => {
  await client(small, `Invoke-Command -ComputerName localhost -Port ${small.port} -InDisconnectedSession -SessionName blocked { 1..1000 } | Out-Null`);
  await sleep(300);
  // Paused, not finished: the session is still running its command.
  const paused = await client(small, `(Get-PSSession -ComputerName localhost -Port ${small.port} -Name blocked).Availability`);
  assert.is(paused.stdout, "None\n");
  const r = await client(small, `$all = Receive-PSSession -ComputerName localhost -Port ${small.port} -Name blocked; $all.Count; $all[0]; $all[-1]; ($all | Measure-Object -Sum).Sum`);
  assert.is(r.stdout, "1000\n1\n1000\n500500\n");
});

buffering("Drop: the command keeps going, the oldest records are dropped, and the count is reported", async () => {
  const option = "-SessionOption (New-PSSessionOption -OutputBufferingMode Drop)";
  await client(small, `Invoke-Command -ComputerName localhost -Port ${small.port} ${option} -InDisconnectedSession -SessionName dropping { 1..1000 } | Out-Null`);
  await sleep(500);
  const r = await client(small, `$all = Receive-PSSession -ComputerName localhost -Port ${small.port} -Name dropping; $all.Count; $all[-1]`);
  const [count, last] = r.stdout.trim().split("\n").map(Number);
  assert.ok(count < 1000 && count >= 90, `kept ${count}`);
  assert.is(last, 1000, "the newest records are kept");
  assert.match(r.stderr, new RegExp(`WARNING: ${1000 - count} records of a command in session dropping were dropped while it was disconnected \\(OutputBufferingMode Drop\\)`));
});

buffering("an idle timeout closes a disconnected session", async () => {
  const r = await client(small, `$s = New-PSSession localhost -Port ${small.port} -Name brief; Disconnect-PSSession $s -IdleTimeoutSec 1 | Out-Null; $s.State`);
  assert.is(r.stdout, "Disconnected\n");
  await sleep(1500);
  const gone = await client(small, `@(Get-PSSession -ComputerName localhost -Port ${small.port} -Name brief).Count`);
  assert.is(gone.stdout, "0\n");
});

buffering("an idle timeout above the server's maximum is refused with the numbers", async () => {
  const capped = await startServer({ config: { idleTimeoutSec: 60, maxIdleTimeoutSec: 120 } });
  try {
    const r = await client(capped, `New-PSSession localhost -Port ${capped.port} -SessionOption (New-PSSessionOption -IdleTimeout 600000)`);
    assert.match(r.stderr, /The IdleTimeout 600 s is more than the server allows \(maxIdleTimeoutSec 120 s\)/);
  } finally {
    await capped.stop();
  }
});

const owners = suite("disconnected sessions: only the owner");

owners("another user cannot see, connect to or receive a session", async () => {
  const hash = async (password: string) => (await runRsh(["hash-password"], { stdin: password + "\n" })).stdout.trim();
  const secured = await startServer({ config: { users: { alice: { passwordHash: await hash("a-pw") }, bob: { passwordHash: await hash("b-pw") } } } });
  try {
    const as = (user: string, pw: string) => `-ComputerName localhost -Port ${secured.port} -Credential ([pscredential]::new('${user}', (ConvertTo-SecureString '${pw}' -AsPlainText -Force)))`;
    const made = await client(secured, `(Invoke-Command ${as("alice", "a-pw")} -InDisconnectedSession -SessionName private { 'secret' }).InstanceId`);
    const instanceId = made.stdout.trim();
    assert.match(instanceId, /^[0-9a-f-]{36}$/);
    const bob = await client(secured, `@(Get-PSSession ${as("bob", "b-pw")}).Count; @(Connect-PSSession ${as("bob", "b-pw")} -Name private).Count; Receive-PSSession ${as("bob", "b-pw")} -InstanceId ${instanceId}`);
    assert.is(bob.stdout, "0\n0\n");
    const alice = await client(secured, `Receive-PSSession ${as("alice", "a-pw")} -Name private`);
    assert.is(alice.stdout, "secret\n");
  } finally {
    await secured.stop();
  }
});

for (const s of [away, buffering, owners]) s.run();
