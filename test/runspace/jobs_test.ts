/**
 * Background jobs end to end (about_Jobs, Start-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job): each job runs in
 * a runspace of its own in this process while the caller goes on.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { runRsh } from "../support/rsh_process.ts";

const jobs = suite("jobs: Start-Job and friends");

async function run(session: LocalRunspace, script: string) {
  const r = await session.invoke(script);
  return { output: r.output.map((v) => (v instanceof Object && "get" in v ? String((v as { get(n: string): unknown }).get("State")) : v)), errors: r.errors.map((e) => e.message) };
}

jobs("Receive-Job -Wait returns the job's output; the job ends Completed", async () => {
  const session = new LocalRunspace();
  const r = await run(session, "$j = Start-Job { 1; 'two'; 3 }; Receive-Job $j -Wait; $j.State; $j.HasMoreData");
  assert.equal(r.output, [1, "two", 3, "Completed", false]);
});

jobs("-ArgumentList binds to the script block's param(); $using: copies a caller variable in", async () => {
  const session = new LocalRunspace();
  const r = await run(session, "$factor = 10; $h = @{ n = 1 }; $j = Start-Job -ArgumentList 4, 5 { param($a, $b) ($a + $b) * $using:factor; $using:h.n = 99 }; Receive-Job $j -Wait; $h.n");
  // The job changed its own copy of $h, not the caller's (about_Remote_Variables: $using: values are copies).
  assert.equal(r.output, [90, 1]);
});

jobs("the job runs in its own runspace: the caller's variables and functions are not there", async () => {
  const session = new LocalRunspace();
  const r = await run(session, "$secret = 's'; function f { 'f' }; $j = Start-Job { $secret; Get-Command f -ErrorAction SilentlyContinue; $x = 1 }; Receive-Job $j -Wait; $x");
  assert.equal(r.output, [null, null]);
});

jobs("-Name, Get-Job by -Id, -Name (wildcards) and -State", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$a = Start-Job -Name alpha { 1 }; $b = Start-Job -Name beta { 2 }; Wait-Job $a, $b | Out-Null; (Get-Job -Name al*).Name; (Get-Job -Id $b.Id).Name; (Get-Job -State Completed).Count; $a.PSJobTypeName");
  assert.equal(r.output, ["alpha", "beta", 2, "BackgroundJob"]);
});

jobs("records stay with the job until received; -Keep leaves them", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { 'a'; 'b' }; Wait-Job $j | Out-Null; Receive-Job $j -Keep; Receive-Job $j; @(Receive-Job $j).Count; $j.HasMoreData");
  assert.equal(r.output, ["a", "b", "a", "b", 0, false]);
});

jobs("a job whose script throws ends Failed, and its error is received as an error record", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { 'before'; throw 'boom' }; Wait-Job $j | Out-Null; $j.State; Receive-Job $j");
  assert.equal(r.output, ["Failed", "before"]);
  assert.equal(r.errors.map((e) => e.message), ["boom"]);
});

jobs("non-terminating errors of a job come back as error records; the job still Completes", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { Write-Error 'soft'; 'after' }; Receive-Job $j -Wait; $j.State");
  assert.equal(r.output, ["after", "Completed"]);
  assert.equal(r.errors.map((e) => e.message), ["soft"]);
});

jobs("Wait-Job -Timeout returns without output or error when the job is still running", async () => {
  const session = new LocalRunspace();
  const started = performance.now();
  const r = await session.invoke("$j = Start-Job { Start-Sleep 10 }; $w = Wait-Job $j -Timeout 1; $null -eq $w; $j.State; Stop-Job $j; $j.State");
  assert.equal(r.output, [true, "Running", "Stopped"]);
  assert.equal(r.errors, []);
  assert.ok(performance.now() - started < 5000);
});

jobs("Stop-Job ends a while ($true) {} job: State Stopped", async () => {
  const session = new LocalRunspace();
  const started = performance.now();
  const r = await session.invoke("$j = Start-Job { while ($true) {} }; Start-Sleep -Milliseconds 50; $j.State; Stop-Job $j; $j.State");
  assert.equal(r.output, ["Running", "Stopped"]);
  assert.ok(performance.now() - started < 3000);
});

jobs("jobs run while the caller does other work", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { Start-Sleep -Milliseconds 200; 'job done' }; 'caller first'; $j.State; Receive-Job $j -Wait");
  assert.equal(r.output, ["caller first", "Running", "job done"]);
});

jobs("Remove-Job refuses a running job without -Force, with PowerShell's message", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { Start-Sleep 10 }; Remove-Job $j; (Get-Job).Count; Remove-Job $j -Force; (Get-Job).Count");
  assert.equal(r.output, [1, 0]);
  assert.match(r.errors[0].message, /^The command cannot remove the job with the job ID \d+ because the job is not finished\. To remove the job, first stop the job, or use the Force parameter\.$/);
});

jobs("Get-Job -Id of a job that does not exist writes PowerShell's error", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("Get-Job -Id 42");
  assert.is(r.errors[0].message, "The command cannot find a job with the job ID 42. Verify the value of the Id parameter and then try the command again.");
});

jobs("the background operator: `pipeline &` starts a job (about_Operators)", async () => {
  const session = new LocalRunspace();
  const r = await run(session, "$j = Write-Output 7 &; $j.PSJobTypeName; Receive-Job $j -Wait");
  assert.equal(r.output, ["BackgroundJob", 7]);
});

jobs("-InitializationScript runs first in the job's runspace", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job -InitializationScript { function Get-Two { 2 } } { Get-Two }; Receive-Job $j -Wait");
  assert.equal(r.output, [2]);
});

jobs("Receive-Job -Wait -AutoRemoveJob removes the job after receiving", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$j = Start-Job { 'x' }; Receive-Job $j -Wait -AutoRemoveJob; @(Get-Job).Count");
  assert.equal(r.output, ["x", 0]);
});

jobs("from the CLI: a job's output comes back through Receive-Job", async () => {
  const r = await runRsh(["-NoProfile", "-c", "$j = Start-Job { 'from the job' }; Receive-Job $j -Wait; $j.State"]);
  assert.is(r.code, 0);
  assert.is(r.stdout, "from the job\nCompleted\n");
});

jobs.run();
