/**
 * [System.IO.File], [System.IO.Directory], [System.Environment] and [ref] with TryParse (the .NET statics scripts
 * reach for). rsh's written-down choice: a relative path goes against the session's location (.NET would use the
 * process directory — PowerShell's well-known [IO.File] vs $PWD surprise), and the environment methods use the
 * session's environment, as `$env:` does.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

const system = suite("engine: System.IO.File, Directory, Environment and [ref]");

async function run(script: string, location: string) {
  const runspace = new LocalRunspace({ location, env: { HOME: location } });
  await runspace.open();
  return await runspace.invoke(script);
}

system("File and Directory resolve relative paths against the session's location, not the process's", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const r = await run(`
      [System.IO.File]::WriteAllText('a.txt', "one\`ntwo\`n")
      [System.IO.File]::Exists('a.txt'); [System.IO.File]::Exists('${dir}/a.txt'); [System.IO.File]::Exists('nope.txt')
      [System.IO.File]::AppendAllText('a.txt', "three\`n")
      [System.IO.File]::ReadAllLines('a.txt').Count
      [System.IO.File]::WriteAllLines('b.txt', @('x', 'y'))
      (Get-Content b.txt) -join ','
      [System.IO.Directory]::CreateDirectory('sub/deeper')
      [System.IO.Directory]::Exists('sub'); [System.IO.Directory]::Exists('a.txt')
      ([System.IO.Directory]::GetFiles('.') | Split-Path -Leaf) -join ','
      [System.IO.File]::Delete('b.txt'); [System.IO.File]::Exists('b.txt')
    `, dir);
    assert.equal(r.errors.map((e) => e.message), []);
    assert.equal(r.output, [true, true, false, 3, "x,y", true, false, "a.txt,b.txt", false]);
    assert.is(Deno.readTextFileSync(`${dir}/a.txt`), "one\ntwo\nthree\n");
    assert.ok(Deno.statSync(`${dir}/sub/deeper`).isDirectory);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

system("a missing file is .NET's 'Could not find file' with the full path, as a catchable error", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const r = await run("try { [System.IO.File]::ReadAllText('missing.txt') } catch { $_.Exception.Message }", dir);
    assert.equal(r.output, [`Exception calling "ReadAllText" with "1" argument(s): "Could not find file '${dir}/missing.txt'."`]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

system("Environment reads and writes the session's environment; NewLine, CurrentDirectory, MachineName", async () => {
  const r = await run("[Environment]::SetEnvironmentVariable('RSH_X', 'y'); $env:RSH_X; [Environment]::GetEnvironmentVariable('HOME'); [Environment]::NewLine.Length; [Environment]::CurrentDirectory; [Environment]::MachineName.Length -gt 0", "/tmp");
  assert.equal(r.output, ["y", "/tmp", 1, "/tmp", true]);
  assert.is(Deno.env.get("RSH_X"), undefined, "the process's environment is untouched");
});

system("[ref] with TryParse: true and the number stored, or false and 0; a [ref]'s Value reads and writes (about_Ref)", async () => {
  const r = await run("$n = 0; [int]::TryParse('42', [ref]$n); $n; [int]::TryParse('x', [ref]$n); $n; [double]::TryParse('2.5', [ref]$n); $n; $r = [ref]5; $r.Value = 6; $r.Value", "/tmp");
  assert.equal(r.output, [true, 42, false, 0, true, 2.5, 6]);
});

system.run();
