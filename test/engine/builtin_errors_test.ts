/**
 * A built-in command's own terminating error is reported at the command (PowerShell's ErrorRecord.InvocationInfo
 * points at the command that failed), whether it fails while binding, in its begin step, for an object or at its end.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import type { ErrorRecord } from "../../src/engine/errors.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

const errors = suite("engine: where a built-in command's errors are reported");

async function firstError(source: string): Promise<ErrorRecord> {
  const records: ErrorRecord[] = [];
  const runspace = new LocalRunspace({ host: { output() {}, error: (r) => void records.push(r), host() {} } });
  await runspace.run(parseOrThrow(source, "t.rsh"), { source });
  return records[0] ?? assert.unreachable("no error was reported");
}

const at = (r: ErrorRecord) => `${r.span?.file}:${r.span?.start.line}:${r.span?.start.column}-${r.span?.end.column}`;

errors("an error a command raises in its begin step points at the command (Group-Object -AsString)", async () => {
  const r = await firstError("'x'\n1, 2 | Group-Object -AsString");
  assert.is(r.message, "The AsString parameter can be used only with the AsHashTable parameter.");
  assert.is(at(r), "t.rsh:2:8-30");
  assert.ok(r.format().includes("   2 |  1, 2 | Group-Object -AsString"), r.format());
});

errors("parameters of two sets together fail at the command too (Sort-Object -Top -Bottom)", async () => {
  const r = await firstError("3, 1 | Sort-Object -Top 1 -Bottom 1");
  assert.is(at(r), "t.rsh:1:8-36");
});

errors("a conversion failure while a command runs points at the command", async () => {
  const r = await firstError("$x = 1\nGet-Random -Minimum 5 -Maximum 'many'");
  assert.is(at(r), "t.rsh:2:1-38");
});

errors("Write-Error inside a function reports at the function's call, named after the function (pwsh's concise view)", async () => {
  const r = await firstError("function Outer { Inner }\nfunction Inner([int]$n) { Write-Error 'deep' }\n\nOuter");
  assert.is(r.commandName, "Inner");
  assert.is(at(r), "t.rsh:1:18-23");
  assert.ok(r.format().startsWith("Inner: t.rsh:1:18"), r.format());
  const simple = await firstError("function Simple { Write-Error 'simple' }\n$null = Simple");
  assert.equal([simple.commandName, at(simple)], ["Simple", "t.rsh:2:9-15"]);
  const top = await firstError("Write-Error 'top'");
  assert.equal([top.commandName, at(top)], ["Write-Error", "t.rsh:1:1-18"]);
});

errors.run();
