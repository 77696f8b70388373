/**
 * The small utility commands (src/commands/misc.ts) where a golden output cannot say enough: Clear-Host's escape
 * sequence on the host stream, Get-Host's object, Get-Random's per-session seeded sequence, New-Guid's uniqueness
 * and Measure-Command running its block in the caller's scope (MeasureCommandCommand uses the current scope).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { PSCustomObject } from "../../src/values/objects.ts";

const misc = suite("misc commands");

misc("Clear-Host (and its Linux alias cls) writes cursor-home, erase-screen and erase-scrollback to the host", async () => {
  const host: string[] = [];
  const r = await new LocalRunspace().invoke("Clear-Host; cls; 'after'", { onRecord: (record) => void (record.stream === "host" && host.push(String(record.value))) });
  assert.equal(host, ["\x1b[H\x1b[2J\x1b[3J", "\x1b[H\x1b[2J\x1b[3J"]);
  assert.equal(r.errors, []);
  const clear = await new LocalRunspace().invoke("Get-Command clear -ErrorAction SilentlyContinue | Where-Object CommandType -eq Alias");
  assert.equal(clear.output, [], "`clear` stays the native program");
});

misc("Get-Host: Name, the session's PSVersion, one InstanceId per session, en-US cultures, not pushed", async () => {
  const session = new LocalRunspace();
  const r = await session.invoke("$h = Get-Host; $h; \"$($h.InstanceId)\" -eq \"$((Get-Host).InstanceId)\"");
  const host = r.output[0] as PSCustomObject;
  assert.equal(host.names(), ["Name", "Version", "InstanceId", "CurrentCulture", "CurrentUICulture", "IsRunspacePushed"]);
  // The version is "7.4.0" with Major/Minor/Patch to read (a NotedScalar: its base is the text).
  assert.equal([host.get("Name"), String(host.get("Version")), host.get("CurrentCulture"), host.get("IsRunspacePushed")], ["rsh", "7.4.0", "en-US", false]);
  assert.equal((await session.invoke("(Get-Host).Version.Major; $PSVersionTable.PSVersion.Minor")).output, [7, 4]);
  assert.is(r.output[1], true);
  const other = await new LocalRunspace().invoke("\"$((Get-Host).InstanceId)\"");
  assert.is.not(other.output[0], String(host.get("InstanceId")));
});

misc("Get-Random -SetSeed restarts the session's sequence: later calls without a seed repeat too", async () => {
  const session = new LocalRunspace();
  const script = "Get-Random -SetSeed 7 -Maximum 1000000; Get-Random -Maximum 1000000; Get-Random -Minimum 0.5 -Maximum 0.75";
  const first = await session.invoke(script);
  const second = await session.invoke(script);
  assert.equal(first.output, second.output);
  const [a, b, c] = first.output as number[];
  assert.ok(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < 1000000);
  assert.ok(c >= 0.5 && c < 0.75 && !Number.isInteger(c));
});

misc("New-Guid: a new version-4 GUID each call", async () => {
  const r = await new LocalRunspace().invoke("1..50 | ForEach-Object { \"$(New-Guid)\" }");
  assert.is(new Set(r.output).size, 50);
});

misc("Measure-Command: the block runs in the caller's scope, once per piped object, its output discarded", async () => {
  const r = await new LocalRunspace().invoke("$n = 0; $t = 1..4 | Measure-Command { $n += $_; 'dropped' }; $n; $t.Ticks -ge 0; $t.Ticks -eq [math]::Round($t.TotalMilliseconds * 10000)");
  assert.equal(r.output, [10, true, true]);
});

misc.run();
