/**
 * The server's command line, configuration and transport options, and the client's jobs: real `rsh serve` processes
 * on 127.0.0.1 and real client processes. (TLS is in tls_test.ts, with a certificate made at test time.)
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { isPasswordHash, LoginThrottle, verifyPassword } from "../../src/remoting/auth.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const client = (server: TestServer, script: string) =>
  runRsh(["-NoProfile", "-c", script], { env: { HOME: server.home }, timeoutMs: 30_000 });

const config = suite("rsh serve: command line and configuration");

config("an unknown config key stops the server at start with a message naming the key (exit 1)", async () => {
  const home = Deno.makeTempDirSync({ prefix: "rsh-cfg-" });
  try {
    Deno.writeTextFileSync(`${home}/c.json`, JSON.stringify({ idleTimeoutSec: 60, idleTimeout: 5 }));
    const r = await runRsh(["serve", "--port", "0", "--config", `${home}/c.json`], { env: { HOME: home } });
    assert.is(r.code, 1);
    assert.match(r.stderr, /Unknown key 'idleTimeout'/);
    Deno.writeTextFileSync(`${home}/c.json`, JSON.stringify({ reconnectWindowSec: -1 }));
    const bad = await runRsh(["serve", "--port", "0", "--config", `${home}/c.json`], { env: { HOME: home } });
    assert.is(bad.code, 1);
    assert.match(bad.stderr, /'reconnectWindowSec' must be a positive number/);
    Deno.writeTextFileSync(`${home}/c.json`, "{ not json");
    const broken = await runRsh(["serve", "--port", "0", "--config", `${home}/c.json`], { env: { HOME: home } });
    assert.match(broken.stderr, /not valid JSON/);
  } finally {
    Deno.removeSync(home, { recursive: true });
  }
});

config("a bad --port is a usage error (exit 64)", async () => {
  const r = await runRsh(["serve", "--port", "http"]);
  assert.is(r.code, 64);
  assert.match(r.stderr, /'--port' must be a port number/);
});

config("rsh hash-password reads one line and prints an scrypt hash that verifies it (and only it)", async () => {
  const r = await runRsh(["hash-password"], { stdin: "s3cret\nignored\n" });
  assert.is(r.code, 0);
  const hash = r.stdout.trim();
  assert.ok(isPasswordHash(hash), hash);
  assert.ok(await verifyPassword("s3cret", hash));
  assert.not.ok(await verifyPassword("s3cret\n", hash));
  assert.not.ok(await verifyPassword("other", hash));
});

config("maxSessionsPerUser caps a user's sessions with a clear error; a configuration may set its own cap", async () => {
  const server = await startServer({ config: { maxSessionsPerUser: 2, configurations: { small: { maxSessionsPerUser: 1 } } } });
  try {
    const target = `localhost -Port ${server.port}`;
    const r = await client(server, `New-PSSession ${target} -ConfigurationName small | Out-Null; New-PSSession ${target} -ConfigurationName small; New-PSSession ${target} | Out-Null; New-PSSession ${target}; (Get-PSSession).Count`);
    assert.match(r.stderr, /already has 1 sessions of configuration small on .*, the most it allows \(maxSessionsPerUser\)/);
    assert.match(r.stderr, /already has 2 sessions on .*, the most allowed \(maxSessionsPerUser\)/);
    assert.is(r.stdout, "2\n");
    const unknown = await client(server, `New-PSSession ${target} -ConfigurationName nosuch`);
    assert.match(unknown.stderr, /Cannot find the nosuch session configuration/);
  } finally {
    await server.stop();
  }
});

config("failed logins from one address are slowed down after a few (and forgotten after a success)", () => {
  const throttle = new LoginThrottle();
  for (let i = 0; i < 3; i++) throttle.failed("10.0.0.1");
  assert.is(throttle.delayFor("10.0.0.2"), 0);
  const first = throttle.delayFor("10.0.0.1");
  throttle.failed("10.0.0.1");
  assert.ok(first > 0 && throttle.delayFor("10.0.0.1") > first);
  for (let i = 0; i < 20; i++) throttle.failed("10.0.0.1");
  assert.is(throttle.delayFor("10.0.0.1"), 5000);
  throttle.succeeded("10.0.0.1");
  assert.is(throttle.delayFor("10.0.0.1"), 0);
});

config("Get-Credential reads the user and the password (stdin when it is not a terminal); the credential logs in", async () => {
  const hash = (await runRsh(["hash-password"], { stdin: "pw-of-carol\n" })).stdout.trim();
  const server = await startServer({ config: { users: { carol: { passwordHash: hash } } } });
  try {
    const script = `$c = Get-Credential; $c.UserName; $c.Password; Invoke-Command -ComputerName localhost -Port ${server.port} -Credential $c { $PSSenderInfo.UserName }`;
    const r = await runRsh(["-NoProfile", "-c", script], { stdin: "carol\npw-of-carol\n", env: { HOME: server.home } });
    assert.is(r.stdout, "carol\nSystem.Security.SecureString\ncarol\n");
    assert.match(r.stderr, /^User: Password for user carol: $/);
    const none = await runRsh(["-NoProfile", "-c", "Get-Credential"], { stdin: "" });
    assert.match(none.stderr, /there is no input to read the answer from/);
  } finally {
    await server.stop();
  }
});

const jobs = suite("Invoke-Command -AsJob and remote output details");
let server: TestServer;
jobs.before(async () => void (server = await startServer()));
jobs.after(async () => void (await server.stop()));

jobs("-AsJob returns a RemoteJob at once; Receive-Job gets every computer's output; an unreachable one fails the job", async () => {
  const r = await client(server, `$j = Invoke-Command -ComputerName localhost:${server.port}, localhost:${server.port} -AsJob { Start-Sleep -Milliseconds 100; 'done' }; $j.PSJobTypeName; $j.State; Wait-Job $j | Out-Null; $j.State; Receive-Job $j; $k = Invoke-Command -ComputerName localhost:${server.port}, localhost:1 -AsJob -JobName mixed { 'ok' }; Wait-Job $k | Out-Null; $k.Name; $k.State; Receive-Job $k`);
  assert.is(r.stdout, "RemoteJob\nRunning\nCompleted\ndone\ndone\nmixed\nFailed\nok\n");
  assert.match(r.stderr, /Connecting to remote server localhost failed/);
});

jobs("an -AsJob job has one child job per computer (about_Job_Details): each has its own state and records", async () => {
  const r = await client(server, `$j = Invoke-Command -ComputerName localhost:${server.port}, localhost:1 -AsJob { 'hello' }; Wait-Job $j | Out-Null; $j.ChildJobs.Count; $j.ChildJobs | ForEach-Object { $_.Location + ' ' + $_.State }; Receive-Job $j.ChildJobs[0] -Keep; $j.HasMoreData; Receive-Job $j; $j.HasMoreData; @(Get-Job).Count`);
  assert.is(r.stdout, `2\nlocalhost:${server.port} Completed\nlocalhost:1 Failed\nhello\nTrue\nhello\nFalse\n1\n`);
  assert.match(r.stderr, /Connecting to remote server localhost failed/);
});

jobs("an asynchronous command (-AsJob) on a busy session fails at once with 'availability is Busy' (about_PSSession_Details)", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port} -Name busy; $a = Invoke-Command $s -AsJob { Start-Sleep -Milliseconds 800; 'first' }; Start-Sleep -Milliseconds 200; $b = Invoke-Command $s -AsJob { 'second' }; Wait-Job $b | Out-Null; $b.State; Receive-Job $b; Receive-Job $a -Wait`);
  assert.is(r.stdout, "Failed\nfirst\n");
  assert.match(r.stderr, /The session busy, [0-9a-f-]{36}, \S+ is not available to run commands\. The session availability is Busy\./);
});

jobs("remote objects carry PSComputerName and RunspaceId; PSShowComputerName is there but hidden from display", async () => {
  const r = await client(server, `$o = Invoke-Command -ComputerName localhost -Port ${server.port} { [pscustomobject]@{ v = 1 } }; $o.PSShowComputerName; $o; Invoke-Command -ComputerName localhost -Port ${server.port} -HideComputerName { [pscustomobject]@{ v = 2 } } | ForEach-Object PSShowComputerName`);
  assert.match(r.stdout, /^True\n\nv PSComputerName RunspaceId\s*\n- -------------- ----------\s*\n1 localhost\s+[0-9a-f-]{36}\n/);
  assert.not.match(r.stdout, /PSShowComputerName/);
  assert.match(r.stdout, /False\n\n?$/);
});

jobs("serialization depth: values nested deeper than the default depth arrive as strings, with a warning", async () => {
  const r = await client(server, `$deep = Invoke-Command -ComputerName localhost -Port ${server.port} { $v = 'leaf'; 1..12 | ForEach-Object { $v = @{ inner = $v } }; $v }; $deep.GetType().Name`);
  assert.match(r.stderr, /WARNING: Serialization depth 10 exceeded/);
  assert.is(r.stdout, "Hashtable\n");
});

for (const s of [config, jobs]) s.run();
