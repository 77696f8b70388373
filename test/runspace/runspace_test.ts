/**
 * Sessions (issue 4): runspaces in one process are isolated from each other and from the process; one pipeline runs
 * at a time (about_PSSession_Details); a stop request ends a runaway loop; states and ids as PowerShell reports them.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

const texts = (values: unknown[]) => values.map((v) => String(v));

const isolation = suite("runspace: isolation between sessions in one process");

isolation("variables, functions and aliases set in one runspace do not exist in another", async () => {
  const a = new LocalRunspace();
  const b = new LocalRunspace();
  await a.invoke("$shared = 'a'; $global:g = 1; function Get-Secret { 's' }; Set-Alias gs Get-Secret");
  const seen = await b.invoke("$shared; $global:g; (Get-Variable -Scope Global -Name shared, g -ErrorAction SilentlyContinue).Count; Invoke-Expression '$shared'");
  // An undefined variable as a statement writes $null (about_Automatic_Variables), hence the nulls.
  assert.equal(seen.output, [null, null, 0, null]);
  const fn = await b.invoke("Get-Secret");
  assert.match(fn.errors[0].message, /The term 'Get-Secret' is not recognized/);
  const alias = await b.invoke("gs");
  assert.match(alias.errors[0].message, /The term 'gs' is not recognized/);
  // …while the runspace that defined them still has them.
  assert.equal((await a.invoke("$shared; gs; Invoke-Expression '$global:g'")).output, ["a", "s", 1]);
});

isolation("$Error and preferences are per session", async () => {
  const a = new LocalRunspace();
  const b = new LocalRunspace();
  await a.invoke("$ErrorActionPreference = 'Stop'; Write-Error 'only in a' -ErrorAction Continue");
  assert.equal((await b.invoke("$Error.Count; $ErrorActionPreference")).output, [0, "Continue"]);
  assert.equal((await a.invoke("$Error.Count; $ErrorActionPreference")).output, [1, "Stop"]);
});

isolation("$env: writes stay in their session: not in another one, not in the process", async () => {
  const a = new LocalRunspace({ env: { PATH: "/usr/bin", SHARED: "x" } });
  const b = new LocalRunspace({ env: { PATH: "/usr/bin", SHARED: "x" } });
  await a.invoke("$env:SHARED = 'changed'; $env:ONLY_A = '1'");
  assert.equal((await b.invoke("$env:SHARED; $env:ONLY_A; (Get-ChildItem env: | Where-Object { $_.Name -eq 'ONLY_A' }).Count")).output, ["x", null, 0]);
  assert.equal(Deno.env.get("ONLY_A"), undefined);
  assert.equal((await a.invoke("(Get-ChildItem env:ONLY_A).Value; Get-ChildItem env:SHARED -Name")).output, ["1", "SHARED"]);
});

isolation("the environment is a snapshot: a later change to the process environment does not reach the session", async () => {
  Deno.env.set("RSH_TEST_SNAPSHOT", "before");
  try {
    const session = new LocalRunspace({ env: Deno.env.toObject() });
    Deno.env.set("RSH_TEST_SNAPSHOT", "after");
    assert.equal((await session.invoke("$env:RSH_TEST_SNAPSHOT")).output, ["before"]);
  } finally {
    Deno.env.delete("RSH_TEST_SNAPSHOT");
  }
});

isolation("each session has its own location; relative paths of file commands resolve against it", async () => {
  const root = Deno.makeTempDirSync({ prefix: "rsh-loc-" });
  try {
    Deno.mkdirSync(`${root}/one`);
    Deno.mkdirSync(`${root}/two`);
    Deno.writeTextFileSync(`${root}/one/f.txt`, "from one\n");
    Deno.writeTextFileSync(`${root}/two/f.txt`, "from two\n");
    const a = new LocalRunspace({ location: root });
    const b = new LocalRunspace({ location: root });
    await a.invoke("Set-Location one");
    await b.invoke("Set-Location two");
    assert.equal((await a.invoke("Get-Content f.txt; (Get-Location).Path")).output, ["from one", `${root}/one`]);
    assert.equal((await b.invoke("Get-Content f.txt; (Get-ChildItem -Name)")).output, ["from two", "f.txt"]);
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});

isolation("the Process execution policy belongs to the session", async () => {
  const a = new LocalRunspace({ env: { HOME: "/nonexistent" } });
  const b = new LocalRunspace({ env: { HOME: "/nonexistent" } });
  await a.invoke("Set-ExecutionPolicy Restricted -Scope Process");
  assert.equal((await a.invoke("Get-ExecutionPolicy; Get-ExecutionPolicy -Scope Process")).output, ["Restricted", "Restricted"]);
  assert.equal((await b.invoke("Get-ExecutionPolicy -Scope Process")).output, ["Undefined"]);
});

const identity = suite("runspace: identity, state and availability (RunspaceState / RunspaceAvailability)");

identity("ids are small distinct integers, InstanceIds GUIDs, default names Runspace<Id>", () => {
  const a = new LocalRunspace();
  const b = new LocalRunspace({ name: "named" });
  assert.ok(b.id > a.id);
  assert.is(a.name, `Runspace${a.id}`);
  assert.is(b.name, "named");
  assert.match(a.instanceId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.is.not(a.instanceId, b.instanceId);
});

identity("BeforeOpen → Opened/Available → Busy while a pipeline runs → Closed/None", async () => {
  const session = new LocalRunspace();
  assert.is(session.state, "BeforeOpen");
  assert.is(session.availability, "None");
  await session.open();
  assert.is(session.state, "Opened");
  assert.is(session.availability, "Available");
  const running = session.invoke("Start-Sleep -Milliseconds 100");
  await new Promise((r) => setTimeout(r, 20));
  assert.is(session.availability, "Busy");
  await running;
  assert.is(session.availability, "Available");
  await session.close();
  assert.is(session.state, "Closed");
  assert.is(session.availability, "None");
  try {
    await session.invoke("1");
    assert.unreachable("a closed session runs nothing");
  } catch (e) {
    assert.match((e as Error).message, /The session state is Closed/);
  }
});

identity("invoke streams every record on its own stream, in order (about_Output_Streams)", async () => {
  const session = new LocalRunspace();
  const seen: string[] = [];
  const result = await session.invoke(
    "'out'; Write-Error 'err'; Write-Warning 'warn'; Write-Verbose 'verb' -Verbose; Write-Debug 'dbg' -Debug; " +
      "Write-Information 'info' -InformationAction Continue; Write-Progress -Activity 'Copying' -PercentComplete 50; Write-Host 'hi'; " +
      "Write-Debug 'hidden'; Write-Information 'hidden'",
    {
      onRecord: (r) => {
        const value = r.value as { message?: string; get?: (n: string) => unknown };
        seen.push(`${r.stream}:${r.stream === "error" ? value.message : r.stream === "progress" ? value.get!("Activity") + "@" + value.get!("PercentComplete") : String(r.value).trim()}`);
      },
    },
  );
  assert.equal(seen, ["output:out", "error:err", "warning:warn", "verbose:verb", "debug:dbg", "information:info", "progress:Copying@50", "host:hi"]);
  assert.equal(result.output, [], "onRecord took the output");
  assert.is(result.errors.length, 1);
});

identity("invoke passes arguments to param() and objects as pipeline input", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("param($factor) process { $_ * $factor }", { args: [10], input: [1, 2, 3] });
  assert.equal(r.output, [10, 20, 30]);
});

const busy = suite("runspace: one pipeline at a time (about_PSSession_Details)");

busy("an asynchronous invoke on a busy session fails at once, naming the session and 'availability is Busy'", async () => {
  const session = new LocalRunspace({ name: "worker" });
  const running = session.invoke("Start-Sleep -Milliseconds 200");
  await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  try {
    await session.invoke("1", { wait: false });
    assert.unreachable("the second invoke must fail");
  } catch (e) {
    assert.ok(performance.now() - started < 100, "fails at once, without waiting for the first");
    assert.is((e as Error).message, `The session worker, ${session.instanceId}, localhost is not available to run commands. The session availability is Busy.`);
  }
  await running;
});

busy("a synchronous invoke waits for the running pipeline, then runs", async () => {
  const session = new LocalRunspace();
  const order: string[] = [];
  const first = session.invoke("Start-Sleep -Milliseconds 100; 'first'").then((r) => order.push(...texts(r.output)));
  const second = session.invoke("'second'").then((r) => order.push(...texts(r.output)));
  await Promise.all([first, second]);
  assert.equal(order, ["first", "second"]);
});

busy("a synchronous invoke gives up after the busy wait (4 minutes by default; here 150 ms) with a clear error", async () => {
  const session = new LocalRunspace({ busyWaitMs: 150 });
  const running = session.invoke("Start-Sleep -Milliseconds 600");
  await new Promise((r) => setTimeout(r, 20));
  try {
    await session.invoke("'never'");
    assert.unreachable("the waiting invoke must time out");
  } catch (e) {
    assert.match((e as Error).message, /still running another command after 0\.15 seconds/);
  }
  await session.stop();
  await running;
});

busy("nested invocations inside the running pipeline are not a second pipeline", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("function f { & { 1 } }; f; $sb = { 2 }; $sb.Invoke(); 1..2 | ForEach-Object { f }");
  assert.equal(r.output, [1, 2, 1, 1]);
});

const cooperative = suite("runspace: cooperative execution and stop (DESIGN.md)");

cooperative("while ($true) {} in one runspace does not block another; stop ends it with 'The pipeline has been stopped.'", async () => {
  const looping = new LocalRunspace();
  const other = new LocalRunspace();
  const loop = looping.invoke("$n = 0; try { while ($true) { $n++ } } finally { $global:cleaned = 'yes' }");
  await new Promise((r) => setTimeout(r, 30));
  const r = await other.invoke("1 + 1");
  assert.equal(r.output, [2]);
  await looping.stop();
  const stopped = await loop;
  assert.ok(stopped.stopped);
  assert.is(stopped.errors[0].message, "The pipeline has been stopped.");
  // finally blocks run when a pipeline is stopped; catch does not take the stop.
  assert.equal((await looping.invoke("$global:cleaned; $n -gt 0")).output, ["yes", true]);
});

cooperative("stop ends a Start-Sleep at once", async () => {
  const session = new LocalRunspace();
  const started = performance.now();
  const sleeping = session.invoke("Start-Sleep -Seconds 30");
  await new Promise((r) => setTimeout(r, 20));
  await session.stop();
  assert.ok((await sleeping).stopped);
  assert.ok(performance.now() - started < 5000);
});

cooperative("a pipeline over a million objects yields too: another runspace answers meanwhile", async () => {
  const busy = new LocalRunspace();
  const other = new LocalRunspace();
  let answeredWhileBusy = false;
  const long = busy.invoke("1..300000 | ForEach-Object { $_ } | Measure-Object").then(() => void 0);
  await new Promise((r) => setTimeout(r, 10));
  await other.invoke("1").then(() => (answeredWhileBusy = busy.availability === "Busy"));
  await long;
  assert.ok(answeredWhileBusy);
});

for (const s of [isolation, identity, busy, cooperative]) s.run();
