/**
 * Write-Progress and Write-Host parameters (microsoft.powershell.utility/write-progress, write-host): the progress
 * record carries -ParentId as ParentActivityId and -SecondsRemaining (-1 when not given, as ProgressRecord);
 * -PercentComplete is validated to -1..100; Write-Host's colours are ConsoleColor names.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { PSCustomObject } from "../../src/values/objects.ts";

async function run(source: string) {
  const progress: PSCustomObject[] = [];
  const errors: string[] = [];
  let text = "";
  const runspace = new LocalRunspace({
    host: {
      output: () => {},
      error: (record) => void errors.push(record.message),
      host: (t) => void (text += t),
      progress: (record) => void progress.push(record as PSCustomObject),
    },
  });
  await runspace.run(parseOrThrow(source, "write_test.rsh"), { source });
  return { progress, errors, text };
}

const write = suite("Write-Progress / Write-Host parameters");

write("Write-Progress -ParentId and -SecondsRemaining fill the record's ParentActivityId and SecondsRemaining", async () => {
  const { progress } = await run("Write-Progress -Activity Outer -Id 1; Write-Progress -Activity Inner -Id 2 -ParentId 1 -SecondsRemaining 30");
  assert.equal(progress.map((r) => [r.get("ActivityId"), r.get("ParentActivityId"), r.get("SecondsRemaining")]), [[1, -1, -1], [2, 1, 30]]);
});

write("Write-Progress -PercentComplete takes -1 to 100", async () => {
  const { progress, errors } = await run("Write-Progress -Activity A -PercentComplete 101; Write-Progress -Activity A -PercentComplete 100");
  assert.equal(progress.map((r) => r.get("PercentComplete")), [100]);
  assert.match(errors[0], /greater than the maximum allowed range of 100/);
});

write("Write-Host -ForegroundColor/-BackgroundColor take ConsoleColor names; the text is written as it is", async () => {
  const { text, errors } = await run("Write-Host hi -ForegroundColor DarkYellow -BackgroundColor blue; Write-Host no -ForegroundColor Purple");
  assert.is(text, "hi\n");
  assert.match(errors[0], /parameter 'ForegroundColor'/);
});

write("the message parameters' Msg alias (Write-Warning, Write-Verbose, Write-Debug; Write-Host's -Msg and -Message)", async () => {
  const warnings: string[] = [];
  const runspace = new LocalRunspace({ host: { output: () => {}, error: () => {}, host: () => {}, warning: (t) => void warnings.push(t) } });
  const source = "Write-Warning -Msg careful; Write-Verbose -Msg v; Write-Debug -Msg d";
  await runspace.run(parseOrThrow(source, "write_test.rsh"), { source });
  assert.equal(warnings, ["careful"]);
  assert.is((await run("Write-Host -Msg one; Write-Host -Message two")).text, "one\ntwo\n");
});

write("Write-Host -Separator goes between the elements of nested collections too (WriteHostCommand.ProcessObject)", async () => {
  assert.is((await run("Write-Host (1, (2, 3), @(4, @(5))) -Separator ','")).text, "1,2,3,4,5\n");
});

write.run();
