/**
 * The path commands that look at the file system (src/commands/paths.ts, files.ts), following PowerShell 7 on Linux:
 * Test-Path (microsoft.powershell.management/test-path) with several paths, wildcards, -PathType, -LiteralPath,
 * -IsValid, -OlderThan/-NewerThan; Split-Path -Resolve and Join-Path -Resolve; Set-Location's `-` / `+` history
 * (PowerShell 6.2+), -PassThru and -LiteralPath. Each test runs in its own temporary directory.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

async function inTemp(fn: (dir: string, run: (script: string) => ReturnType<LocalRunspace["invoke"]>) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-paths-" });
  try {
    Deno.mkdirSync(`${dir}/sub`);
    for (const f of ["a.txt", "b.log", "x[1].txt"]) Deno.writeTextFileSync(`${dir}/${f}`, "");
    const runspace = new LocalRunspace({ location: dir, env: { HOME: dir } });
    await fn(dir, (script) => runspace.invoke(script));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const ids = (errors: unknown[]) => errors.map((e) => (e as { fullyQualifiedErrorId?: string }).fullyQualifiedErrorId);

const test = suite("Test-Path");

test("one answer per path; a wildcard is true when anything matches; -PathType Leaf / Container", async () => {
  await inTemp(async (_dir, run) => {
    assert.equal((await run("Test-Path a.txt, nope, sub")).output, [true, false, true]);
    assert.equal((await run("Test-Path *.log; Test-Path *.zip")).output, [true, false]);
    assert.equal((await run("Test-Path sub -PathType Leaf; Test-Path sub -PathType Container; Test-Path a.txt -PathType Leaf")).output, [false, true, true]);
    assert.equal((await run("'a.txt', 'zz' | Test-Path")).output, [true, false]);
    // A Get-ChildItem object piped in stands for its full path.
    assert.equal((await run("Get-ChildItem a.txt | Test-Path; Get-ChildItem a.txt | Split-Path -Leaf")).output, [true, "a.txt"]);
  });
});

test("-LiteralPath takes brackets as they are (-Path reads them as a wildcard set); -IsValid checks only the text", async () => {
  await inTemp(async (_dir, run) => {
    assert.equal((await run("Test-Path -LiteralPath 'x[1].txt'; Test-Path 'x[1].txt'")).output, [true, false]);
    assert.equal((await run("Test-Path 'no/such/file' -IsValid")).output, [true]);
  });
});

test("-NewerThan and -OlderThan compare the last write time", async () => {
  await inTemp(async (_dir, run) => {
    assert.equal((await run("Test-Path a.txt -NewerThan (Get-Date).AddDays(-1); Test-Path a.txt -OlderThan (Get-Date).AddDays(-1)")).output, [true, false]);
  });
});

const resolve = suite("-Resolve");

resolve("Split-Path -Resolve splits what a wildcard matches; Join-Path -Resolve gives full paths and reports a missing one", async () => {
  await inTemp(async (dir, run) => {
    assert.equal((await run("Split-Path *.log -Resolve -Leaf")).output, ["b.log"]);
    assert.equal((await run("Join-Path . a.txt -Resolve")).output, [`${dir}/a.txt`]);
    const r = await run("Join-Path . zz -Resolve");
    assert.equal(ids(r.errors), ["PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"]);
  });
});

const location = suite("Set-Location");

location("`cd -` goes back and `cd +` forward through the history; a new location clears the forward history", async () => {
  await inTemp(async (dir, run) => {
    assert.equal((await run("cd sub; cd -; \"$PWD\"")).output, [dir]);
    assert.equal((await run("cd +; \"$PWD\"")).output, [`${dir}/sub`]);
    const r = await run("cd ..; cd +");
    assert.is(r.errors[0].message, "There is no location history left to navigate forwards.");
    assert.equal(ids(r.errors), ["InvalidOperation,Microsoft.PowerShell.Commands.SetLocationCommand"]);
  });
});

location("-PassThru writes the new location; -LiteralPath takes '-' as a name", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/-`);
    // -PassThru writes a PathInfo: its path in text, `.Path` too.
    assert.equal((await run("(Set-Location sub -PassThru).Path")).output, [`${dir}/sub`]);
    assert.equal((await run("Set-Location -LiteralPath ../- -PassThru")).output.map(String), [`${dir}/-`]);
  });
});

test.run();
resolve.run();
location.run();
