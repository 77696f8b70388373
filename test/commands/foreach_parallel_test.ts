/**
 * ForEach-Object -Parallel (microsoft.powershell.core/foreach-object, and pwsh's Foreach-Object-Parallel.Tests.ps1):
 * blocks overlap up to -ThrottleLimit, each in a runspace-like scope that sees `$using:` values but not the caller's
 * variables; a block's terminating error is a PSTaskException and the others go on; -TimeoutSeconds stops running
 * blocks (PSTaskException, "The pipeline has been stopped.") and ignores the rest; output order is not fixed.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { ErrorRecord } from "../../src/engine/errors.ts";

const parallel = suite("ForEach-Object -Parallel");

parallel("blocks overlap up to -ThrottleLimit: six 300 ms sleeps three at a time take two rounds, not six", async () => {
  const started = performance.now();
  const r = await new LocalRunspace().invoke("1..6 | ForEach-Object -Parallel { Start-Sleep -Milliseconds 300; $_ } -ThrottleLimit 3");
  const ms = performance.now() - started;
  assert.equal([...r.output].sort(), [1, 2, 3, 4, 5, 6]);
  assert.ok(ms >= 580 && ms < 1500, `took ${ms} ms`);
});

parallel("the default limit is 5: ten inputs of 10..1 sleeping 100 ms each write the first five first (pwsh's task queuing test)", async () => {
  const r = await new LocalRunspace().invoke("10..1 | ForEach-Object -Parallel { Start-Sleep -Milliseconds 100; $_ }");
  assert.ok(r.output.slice(0, 5).every((n) => Number(n) > 5), String(r.output));
});

parallel("output streams as blocks write it: the fastest block's output comes first", async () => {
  const r = await new LocalRunspace().invoke("3, 1, 2 | ForEach-Object -Parallel { Start-Sleep -Milliseconds (100 * $_); $_ }");
  assert.equal(r.output, [1, 2, 3]);
});

parallel("$using: reads the caller's variables (by reference); the caller's other variables and functions are not there", async () => {
  const r = await new LocalRunspace().invoke([
    "$var = 'Hello'; $list = [System.Collections.ArrayList]::new(); $plain = 'x'; function f { 'f' }",
    "1..3 | ForEach-Object -Parallel { $null = ($using:list).Add($_); \"$using:var $($null -eq $plain)\"; Get-Command f -ErrorAction SilentlyContinue }",
    "$list.Count",
  ].join("\n"));
  assert.equal(r.output, ["Hello True", "Hello True", "Hello True", 3]);
});

parallel("a terminating error ends its own block only, written as PSTaskException; Write-Error keeps its id", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("1..2 | ForEach-Object -Parallel { if ($_ -eq 1) { throw 'Terminating Error!'; 'Hello!' } else { 'Goodbye!' } } 2>&1");
  const texts = r.output.map(String);
  assert.ok(texts.includes("Goodbye!") && texts.includes("Terminating Error!") && !texts.includes("Hello!"), texts.join("|"));
  const error = r.output.find((o) => typeof o === "object") as ErrorRecord;
  assert.is(error.fullyQualifiedErrorId, "PSTaskException");
  const written = await session.invoke("(1 | ForEach-Object -Parallel { Write-Error 'Error!' } 2>&1).FullyQualifiedErrorId");
  assert.equal(written.output, ["Microsoft.PowerShell.Commands.WriteErrorException"]);
});

parallel("-TimeoutSeconds stops the running block and ignores the input not started", async () => {
  const started = performance.now();
  const r = await new LocalRunspace().invoke("1..2 | ForEach-Object -Parallel { \"Output $_\"; Start-Sleep -Seconds 60 } -TimeoutSeconds 1 -ThrottleLimit 1 2>&1");
  assert.ok(performance.now() - started < 5000);
  assert.is(r.output.length, 2);
  assert.is(r.output[0], "Output 1");
  assert.is((r.output[1] as ErrorRecord).fullyQualifiedErrorId, "PSTaskException");
  assert.is((r.output[1] as ErrorRecord).message, "The pipeline has been stopped.");
});

parallel("Select-Object -First downstream stops the blocks still to come", async () => {
  const r = await new LocalRunspace().invoke("1..50 | ForEach-Object -Parallel { $_ } -ThrottleLimit 2 | Select-Object -First 3; 'after'");
  assert.equal(r.output.length, 4);
  assert.is(r.output[3], "after");
});

parallel("script blocks cannot cross: a $using: script block stops the command, a piped one is an error; TimeoutSeconds with AsJob", async () => {
  const session = new LocalRunspace();
  const using = await session.invoke("$sb = { 1 }; 1 | ForEach-Object -Parallel { $using:sb }");
  assert.match(using.errors[0].fullyQualifiedErrorId, /^ParallelUsingVariableCannotBeScriptBlock,/);
  const piped = await session.invoke("{ 1 } | ForEach-Object -Parallel { 'Hello' }; 'after'");
  assert.match(piped.errors[0].fullyQualifiedErrorId, /^ParallelPipedInputObjectCannotBeScriptBlock,/);
  assert.equal(piped.output, ["after"]);
  const job = await session.invoke("1 | ForEach-Object -Parallel { 1 } -AsJob -TimeoutSeconds 5");
  assert.match(job.errors[0].fullyQualifiedErrorId, /^ParallelCannotUseTimeoutWithJob,/);
});

parallel("nested -Parallel: a variable made inside a block reaches the inner block through $using: (example 17)", async () => {
  const r = await new LocalRunspace().invoke("$test1 = 'TestA'; 1..2 | ForEach-Object -Parallel { $Using:test1; $test2 = 'TestB'; 1..2 | ForEach-Object -Parallel { $Using:test2 } }");
  assert.equal([...r.output].sort(), ["TestA", "TestA", "TestB", "TestB", "TestB", "TestB"]);
});

parallel("-UseNewRunspace is accepted: every block already has a scope of its own, so a variable one block sets is not seen by the next", async () => {
  const r = await new LocalRunspace().invoke("1..3 | ForEach-Object -Parallel { $seen = $null -ne $mark; $mark = 1; $seen } -ThrottleLimit 1 -UseNewRunspace");
  assert.equal(r.output, [false, false, false]);
});

parallel("the scriptblock set and the parallel set do not mix", async () => {
  const r = await new LocalRunspace().invoke("1 | ForEach-Object -Parallel { 1 } -Begin { 0 }");
  assert.match(r.errors[0].fullyQualifiedErrorId, /^AmbiguousParameterSet,/);
});

parallel("-AsJob writes a job at once; its output, with $using: values, comes from Receive-Job (pwsh's AsJob tests)", async () => {
  const r = await new LocalRunspace().invoke([
    "$Var1 = 'Hello'; $Var4 = 'One', 'Two', 'Three'",
    "$job = 1..3 | ForEach-Object -AsJob -Parallel { Start-Sleep -Milliseconds 50; \"$using:Var1 $_ $($using:Var4[1])\" } -ThrottleLimit 2",
    "(Get-Job).Id -contains $job.Id",
    "($job | Wait-Job | Receive-Job | Sort-Object) -join '|'",
    "$job.Command",
  ].join("\n"));
  assert.equal(r.output, [true, "Hello 1 Two|Hello 2 Two|Hello 3 Two", 'Start-Sleep -Milliseconds 50; "$using:Var1 $_ $($using:Var4[1])"']);
});

parallel("a restricted session's user stays restricted inside a block: hidden commands and programs are not recognized", async () => {
  // With a PATH, so that `sh` would be found by an unrestricted caller.
  const session = new LocalRunspace({ visibleCommands: ["ForEach-Object", "Write-Output"], env: { PATH: "/usr/bin:/bin" } });
  const r = await session.invoke("1 | ForEach-Object -Parallel { Write-Output 'in'; Get-Date; sh -c 'echo escaped' }");
  assert.equal(r.output, ["in"]);
  assert.equal(r.errors.map((e) => e.fullyQualifiedErrorId.split(",")[0]), ["CommandNotFoundException", "CommandNotFoundException"]);
  const unrestricted = await new LocalRunspace({ env: { PATH: "/usr/bin:/bin" } }).invoke("1 | ForEach-Object -Parallel { sh -c 'echo ran' }");
  assert.equal(unrestricted.output, ["ran"]);
});

parallel.run();
