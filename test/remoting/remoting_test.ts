/**
 * Remoting end to end (about_PSSessions, about_Remote, Invoke-Command, New-PSSession): real `rsh serve` processes on
 * 127.0.0.1, real clients — the CLI as separate processes where the feature crosses processes.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";
import { remotingCommands } from "../../src/remoting/cmdlets.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { PSCustomObject } from "../../src/values/objects.ts";
import { runRsh, startRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

/** Runs `rsh -c` as the server's OS user (its HOME holds the server token). */
function client(server: TestServer, script: string, options: { home?: string } = {}) {
  return runRsh(["-NoProfile", "-c", script], { env: { HOME: options.home ?? server.home }, timeoutMs: 30_000 });
}

const sessions = suite("remoting: persistent and temporary sessions");
let server: TestServer;
sessions.before(async () => void (server = await startServer()));
sessions.after(async () => void (await server.stop()));

sessions("`rsh serve` prints one listening line with the port it picked", () => {
  assert.match(server.url, /^ws:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.port > 0);
});

sessions("a variable set in a PSSession is there in the next Invoke-Command (state persists)", async () => {
  const r = await client(server, `$s = New-PSSession -ComputerName localhost -Port ${server.port}; Invoke-Command -Session $s { $x = 41 }; Invoke-Command -Session $s { $x + 1 }; Invoke-Command $s { $x }`);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "42\n41\n");
});

sessions("-ComputerName runs in a temporary session: nothing persists, and no session is left behind", async () => {
  const r = await client(server, `$before = @(Get-PSSession -ComputerName localhost -Port ${server.port}).Count; Invoke-Command -ComputerName localhost -Port ${server.port} { $y = 1; 'first' }; Invoke-Command -ComputerName localhost:${server.port} { $null -eq $y }; @(Get-PSSession -ComputerName localhost -Port ${server.port}).Count - $before`);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "first\nTrue\n0\n");
});

sessions("New-PSSession shows PowerShell's PSSession table; Remove-PSSession leaves the object Closed, and using it fails clearly", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port} -Name work; $s; $s.State; Remove-PSSession $s; $s.State; Invoke-Command -Session $s { 1 }`);
  assert.match(r.stdout, /\n\s*Id Name Transport ComputerName ComputerType\s+State\s+ConfigurationName Availability\n/);
  assert.match(r.stdout, /work WebSocket localhost\s+RemoteMachine Opened rsh\s+Available/);
  assert.match(r.stdout, /Opened\nClosed\n\n$/);
  assert.match(r.stderr, /Because the session state for session work, [0-9a-f-]{36}, localhost is not equal to Open, you cannot run a command in the session\. The session state is Closed\./);
});

sessions("the default session name is Runspace<Id> with the client's Id", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; $s.Name -eq "Runspace$($s.Id)"; Remove-PSSession $s`);
  assert.is(r.stdout, "True\n");
});

sessions("Get-PSSession -ComputerName from a second client process lists the first process's session; the first one's goodbye closes it", async () => {
  const first = startRsh(["-NoProfile"], { env: { HOME: server.home } });
  try {
    first.write(`$s = New-PSSession localhost -Port ${server.port} -Name kept; "id=$($s.InstanceId)"\n`);
    await first.waitFor("id=");
    await first.waitFor("\n", 5000);
    const instanceId = /id=(\S+)/.exec(first.stdout)![1];
    // Sessions this client did not create show Disconnected; Busy says another client holds it (about_Remote_Disconnected_Sessions).
    const second = await client(server, `Get-PSSession -ComputerName localhost -Port ${server.port} -Name kept | ForEach-Object { $_.InstanceId; $_.State; $_.Availability }`);
    assert.is(second.stdout, `${instanceId}\nDisconnected\nBusy\n`);
    first.end();
    assert.is(await first.exited, 0);
    // The first client exited normally and said goodbye: its idle session is gone (issue 6's rule).
    const third = await client(server, `@(Get-PSSession -ComputerName localhost -Port ${server.port} -Name kept).Count`);
    assert.is(third.stdout, "0\n");
  } finally {
    first.kill();
  }
});

sessions("$using: sends a local value; -ArgumentList binds param(); pipeline input arrives as $input", async () => {
  const r = await client(server, `$name = 'world'; Invoke-Command -ComputerName localhost -Port ${server.port} { "hello $using:name" }; Invoke-Command -ComputerName localhost -Port ${server.port} -ArgumentList 2, 3 { param($a, $b) $a * $b }; 1, 2, 3 | Invoke-Command -ComputerName localhost -Port ${server.port} { ($input | Measure-Object -Sum).Sum }`);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "hello world\n6\n6\n");
});

sessions("every stream crosses: output, errors with the remote position and PSComputerName, warnings, verbose, host", async () => {
  const r = await client(server, `Invoke-Command -ComputerName localhost -Port ${server.port} { 'out'; Write-Error 'remote failure'; Write-Warning 'careful'; Write-Verbose 'details' -Verbose; Write-Host 'to the host'; Write-Debug 'dbg' -Debug; Write-Information 'info' -InformationAction Continue }; $Error[0].PSComputerName`);
  assert.is(r.stdout, "out\nto the host\ninfo\nlocalhost\n");
  assert.match(r.stderr, /DEBUG: dbg\n/);
  assert.match(r.stderr, /remote failure/);
  assert.match(r.stderr, /:1:\d+\n/);
  assert.match(r.stderr, /WARNING: careful\n/);
  assert.match(r.stderr, /VERBOSE: details\n/);
});

sessions("progress records cross too, as records (an embedding host sees them on the progress stream)", async () => {
  const local = new LocalRunspace({ commands: remotingCommands, env: { HOME: server.home } });
  const progress: string[] = [];
  await local.invoke(`Invoke-Command -ComputerName localhost -Port ${server.port} { 1..2 | ForEach-Object { Write-Progress -Activity 'Remote work' -PercentComplete ($_ * 50) } }`, {
    onRecord: (r) => void (r.stream === "progress" && progress.push(`${(r.value as PSCustomObject).get("Activity")} ${(r.value as PSCustomObject).get("PercentComplete")}`)),
  });
  await local.close();
  assert.equal(progress, ["Remote work 50", "Remote work 100"]);
});

sessions("objects come back as data with PSComputerName and RunspaceId (about_Remote_Output)", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; $o = Invoke-Command $s { [pscustomobject]@{ Name = 'n'; Items = @(1, 2); Table = [ordered]@{ b = 2; a = 1 } } }; $o.Name; $o.Items.Count; ($o.Table.Keys -join ','); $o.PSComputerName; $o.RunspaceId -eq $s.InstanceId`);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "n\n2\nb,a\nlocalhost\nTrue\n");
});

// PowerShell wraps a deserialized int or string in a PSObject with the same notes; it still acts as the int or string.
sessions("scalar results carry PSComputerName and RunspaceId too, and still behave as their base value (about_Remote_Output)", async () => {
  const r = await client(server, [
    `$s = New-PSSession localhost -Port ${server.port}; $r = Invoke-Command $s { 1; 'two'; $true }`,
    `$r`,
    `$r[0].PSComputerName; $r[1].RunspaceId -eq $s.InstanceId`,
    `$r[0] + 1; $r[0] -eq 1; $r -eq 'TWO'; $r[1].Length; $r[1].ToUpper(); $r[1][0]; "$($r[1])!"`,
    `$r[0] -is [int]; $r[0].GetType().Name; [int]$r[0] * 3; @{ $r[1] = 5 }['TWO']; if ($r[2]) { 'truthy' }`,
    `($r | Where-Object PSComputerName -eq localhost).Count; $r | ConvertTo-Json -Compress`,
    `(Invoke-Command $s { 'hidden' } -HideComputerName).PSComputerName`,
  ].join("\n"));
  assert.is(r.stderr, "");
  assert.is(r.stdout, [
    "1", "two", "True",
    "localhost", "True",
    "2", "True", "two", "True", "3", "TWO", "t", "two!", // $true -eq 'TWO': the right side becomes [bool]
    "True", "Int32", "3", "5", "truthy",
    "3", `[1,"two",true]`,
    "localhost", "",
  ].join("\n"));
});

sessions("a busy session refuses an asynchronous command at once (about_PSSession_Details), and takes a synchronous one after", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; $j = Start-Job { Invoke-Command -Session $using:s { Start-Sleep -Milliseconds 600; 'slow' } }; Start-Sleep -Milliseconds 200; $s.Availability; Invoke-Command -Session $s { 'waited' }; Receive-Job $j -Wait`);
  assert.is(r.stdout, "Busy\nwaited\nslow\n");
});

sessions("-Timeout stops the remote command with a clear error (rsh's addition)", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; Invoke-Command $s -Timeout 0.3 { while ($true) { } }; Invoke-Command $s { 'still usable' }`);
  assert.match(r.stderr, /The command was stopped on localhost after 0\.3 seconds \(-Timeout\)\./);
  assert.is(r.stdout, "still usable\n");
});

sessions("stopping the caller stops the remote pipeline (Stop-Job on a job that runs a remote loop)", async () => {
  const r = await client(server, `$s = New-PSSession localhost -Port ${server.port}; $j = Start-Job { Invoke-Command -Session $using:s { while ($true) { } } }; Start-Sleep -Milliseconds 300; $s.Availability; Stop-Job $j; Start-Sleep -Milliseconds 100; $s.Availability; Invoke-Command $s { 'free again' }`);
  assert.is(r.stdout, "Busy\nAvailable\nfree again\n");
});

sessions("Ctrl+C (SIGINT) on the client stops a remote loop", async () => {
  const child = startRsh(["-NoProfile", "-c", `$s = New-PSSession localhost -Port ${server.port} -Name interrupted; 'created'; Invoke-Command $s { $global:spins = 0; while ($true) { $global:spins++ } }`], {
    env: { HOME: server.home },
  });
  try {
    await child.waitFor("created\n");
    await new Promise((res) => setTimeout(res, 300));
    child.interrupt();
    const code = await child.exited;
    // Deno's node:child_process reports a child that was sent a signal as code null even when it handled the signal
    // and exited normally; Node reports the real exit code.
    if (runtime === "node") assert.is(code, 1);
    assert.match(child.stderr, /The pipeline has been stopped\./);
    // The remote loop stopped, so the session went idle and the client's goodbye closed it (a session still running a
    // command would have stayed on the server, Disconnected).
    const after = await client(server, `@(Get-PSSession -ComputerName localhost -Port ${server.port} -Name interrupted).Count`);
    assert.is(after.stdout, "0\n");
  } finally {
    child.kill();
  }
});

const security = suite("remoting: authentication and ownership");
security.before(async () => void (server = await startServer()));
security.after(async () => void (await server.stop()));

security("with users in the config: a wrong password gets 'Access is denied.'; sessions are private to their user", async () => {
  const hash = async (password: string) => (await runRsh(["hash-password"], { stdin: password + "\n" })).stdout.trim();
  const config = { users: { alice: { passwordHash: await hash("alice-pw") }, bob: { passwordHash: await hash("bob-pw") } } };
  const secured = await startServer({ config });
  try {
    const as = (user: string, pw: string) => `-Credential ([pscredential]::new('${user}', (ConvertTo-SecureString '${pw}' -AsPlainText -Force))) -ComputerName localhost -Port ${secured.port}`;
    const denied = await client(secured, `Invoke-Command ${as("alice", "wrong")} { 1 }`);
    assert.is(denied.stdout, "");
    assert.match(denied.stderr, /Connecting to remote server localhost failed with the following error message : Access is denied\./);
    const created = await client(secured, `New-PSSession ${as("alice", "alice-pw")} -Name alices | Out-Null; (Get-PSSession ${as("alice", "alice-pw")}).Name`);
    assert.is(created.stdout, "alices\n");
    const bob = await client(secured, `@(Get-PSSession ${as("bob", "bob-pw")}).Count`);
    assert.is(bob.stdout, "0\n");
  } finally {
    await secured.stop();
  }
});

security("without a config only the OS user's token works: another HOME (no token) is refused", async () => {
  const stranger = Deno.makeTempDirSync({ prefix: "rsh-stranger-" });
  try {
    const r = await client(server, `Invoke-Command -ComputerName localhost -Port ${server.port} { 1 }`, { home: stranger });
    assert.is(r.stdout, "");
    assert.match(r.stderr, /Connecting to remote server localhost failed/);
    assert.match(r.stderr, /server-token/);
  } finally {
    Deno.removeSync(stranger, { recursive: true });
  }
});

security("the token file is private to the user (mode 0600)", () => {
  const mode = Deno.statSync(`${server.home}/.config/rsh/server-token`).mode! & 0o777;
  assert.is(mode, 0o600);
});

const fanout = suite("remoting: fan-out over many computers");
fanout.before(async () => void (server = await startServer()));
fanout.after(async () => void (await server.stop()));

fanout("five computers, one unreachable: the four answer, the fifth is an error naming it", async () => {
  const servers = await Promise.all([1, 2, 3, 4].map(() => startServer({ home: server.home })));
  try {
    const unreachable = "localhost:1";
    const computers = [...servers.map((s) => `localhost:${s.port}`), unreachable].map((c) => `'${c}'`).join(", ");
    const r = await client(server, `Invoke-Command -ComputerName ${computers} { 'up' } | Measure-Object | ForEach-Object Count`);
    assert.is(r.stdout, "4\n");
    assert.match(r.stderr, /Connecting to remote server localhost failed with the following error message/);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
});

fanout("-ThrottleLimit bounds how many run at once", async () => {
  const log = `${server.home}/throttle.log`;
  const script = (limit: number) => `Invoke-Command -ComputerName ${Array(3).fill(`'localhost:${server.port}'`).join(", ")} -ThrottleLimit ${limit} { Add-Content '${log}' 'start'; Start-Sleep -Milliseconds 200; Add-Content '${log}' 'end' }`;
  Deno.writeTextFileSync(log, "");
  await client(server, script(1));
  assert.is(Deno.readTextFileSync(log), "start\nend\n".repeat(3), "one at a time: no overlap");
  Deno.writeTextFileSync(log, "");
  await client(server, script(3));
  assert.is(Deno.readTextFileSync(log).split("\n").slice(0, 3).join(","), "start,start,start", "three at once");
});

for (const s of [sessions, security, fanout]) s.run();
