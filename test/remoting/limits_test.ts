/**
 * The server's limits (docs/remoting.md, Limits), each reached by a real client against a real `rsh serve`, each with
 * its error naming the config key. (maxSessionsPerUser is in server_test.ts, outputBufferRecords in
 * disconnected_test.ts, a raw oversized frame in robustness_test.ts.)
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LoginThrottle } from "../../src/remoting/auth.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const client = (server: TestServer, script: string) =>
  runRsh(["-NoProfile", "-c", script], { env: { HOME: server.home }, timeoutMs: 30_000 });

const limits = suite("rsh serve: limits");
let server: TestServer;
limits.before(async () => {
  server = await startServer({
    config: { maxMessageBytes: 20_000, operationTimeoutSec: 3, maxSessionMemoryMB: 1, maxConcurrentCommandsPerConnection: 2 },
  });
});
limits.after(async () => void (await server.stop()));

limits("maxConcurrentCommandsPerConnection: a connection's third command at once is refused; the first two run", async () => {
  const r = await client(server, `$s = 1..3 | ForEach-Object { New-PSSession localhost -Port ${server.port} }; ` +
    `$j = $s | ForEach-Object { Invoke-Command $_ -AsJob { Start-Sleep -Milliseconds 300; 'ran' } }; $j | Wait-Job | Out-Null; ` +
    `($j | ForEach-Object State) -join ','; $j | Receive-Job; Invoke-Command $s[2] { 'free again' }`);
  assert.is(r.stdout, "Completed,Completed,Failed\nran\nran\nfree again\n");
  assert.match(r.stderr, /This connection already has 2 commands running or queued, the most the server allows \(maxConcurrentCommandsPerConnection\)\./);
});

limits("maxMessageBytes: the client refuses a request bigger than the server accepts; the connection and its sessions go on", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; Invoke-Command $s { $kept = 'still here' }; ` +
    `Invoke-Command $s { param($text) $text.Length } -ArgumentList ('a' * 30000); Invoke-Command $s { $kept }`);
  assert.match(r.stderr, /The request is \d+ bytes, more than localhost accepts \(its maxMessageBytes, 20000\); send the command less data\./);
  assert.not.match(r.stderr, /reconnect|interrupted/i);
  assert.is(r.stdout, "still here\n");
});

limits("operationTimeoutSec: a command that runs longer is stopped, with OperationTimeout's error", async () => {
  const r = await client(server, `Invoke-Command -ComputerName localhost -Port ${server.port} { 'started'; while ($true) { } }; 'client goes on'`);
  assert.is(r.stdout, "started\nclient goes on\n");
  assert.match(r.stderr, /cannot complete the operation within the time specified in OperationTimeout: the command ran longer than the server allows \(operationTimeoutSec 3 s\) and was stopped/);
});

limits("maxSessionMemoryMB: a session whose variables grow past it has its command stopped and is closed", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; ` +
    `Invoke-Command $s { $global:rows = @(); while ($true) { $global:rows += 'x' * 1000 } }; ` +
    `Invoke-Command $s { 'never' }; Invoke-Command -ComputerName localhost -Port ${server.port} { $small = 'x' * 1000; 'others are fine' }`);
  assert.match(r.stderr, /The session's variables hold more memory than the server allows \(maxSessionMemoryMB 1 MB\): the command was stopped and the session is closed\./);
  assert.match(r.stderr, /The session with InstanceId \S+ was not found/);
  assert.is(r.stdout, "others are fine\n");
});

const logins = suite("rsh serve: maxFailedLoginsPerMinute");

logins("after that many failures in a minute an address is refused without a check, even with the right password", async () => {
  const hash = (await runRsh(["hash-password"], { stdin: "right\n" })).stdout.trim();
  const secured = await startServer({ config: { users: { erin: { passwordHash: hash } }, maxFailedLoginsPerMinute: 2 } });
  try {
    const as = (pw: string) => `Invoke-Command -ComputerName localhost -Port ${secured.port} -Credential ([pscredential]::new('erin', (ConvertTo-SecureString '${pw}' -AsPlainText -Force))) { 'in' }`;
    const ok = await client(secured, as("right"));
    assert.is(ok.stdout, "in\n");
    const r = await client(secured, `${as("wrong1")}; ${as("wrong2")}; ${as("wrong3")}; ${as("right")}`);
    assert.is(r.stdout, "");
    assert.is(r.stderr.match(/Access is denied/g)?.length, 2);
    assert.is(r.stderr.match(/Too many failed logins from 127\.0\.0\.1: the server allows 2 a minute \(maxFailedLoginsPerMinute\)\. Try again in \d+ s\./g)?.length, 2);
  } finally {
    await secured.stop();
  }
});

logins("the window slides: failures older than a minute no longer count", () => {
  const throttle = new LoginThrottle();
  throttle.maxFailuresPerMinute = 2;
  const realNow = Date.now;
  try {
    let now = 1_000_000;
    Date.now = () => now;
    throttle.failed("10.0.0.9");
    now += 30_000;
    throttle.failed("10.0.0.9");
    assert.is(throttle.refusedFor("10.0.0.9"), 30);
    assert.is(throttle.refusedFor("10.0.0.8"), 0);
    now += 30_000;
    assert.is(throttle.refusedFor("10.0.0.9"), 0);
  } finally {
    Date.now = realNow;
  }
});

for (const s of [limits, logins]) s.run();
