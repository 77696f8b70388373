/** Write-Progress's one-line bar on a terminal (repl/progress.ts), played on the test screen. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { ProgressLine } from "../../repl/progress.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { Screen } from "./screen.ts";

const progress = suite("repl: progress line");

progress("records of a real Write-Progress redraw one line in place; Completed erases it", async () => {
  const screen = new Screen(60);
  const line = new ProgressLine((t) => screen.write(t), () => 60, false);
  const seen: string[] = [];
  const runspace = new LocalRunspace({
    host: { output: () => {}, error: () => {}, host: () => {}, progress: (r) => (line.update(r), seen.push(screen.text())) },
  });
  await runspace.run(parseOrThrow("1..2 | ForEach-Object { Write-Progress -Activity Copying -Status \"file $_\" -PercentComplete ($_ * 50) }; Write-Progress -Activity Copying -Completed"));
  assert.equal(seen, ["Copying [==========          ] 50% file 1", "Copying [====================] 100% file 2", ""]);
  assert.equal([screen.row, screen.col], [0, 0]);
});

progress("other output erases the line first; the next record draws it again; a statement's end clears it", () => {
  const screen = new Screen(40);
  const line = new ProgressLine((t) => screen.write(t), () => 40, false);
  const record = (status: string) => ({ Activity: "Sync", StatusDescription: status, ActivityId: 1, PercentComplete: -1, RecordType: "Processing" });
  line.update(record("a long status that does not fit in forty columns at all"));
  assert.is(screen.text(), "Sync a long status that does not fit in");
  line.clear();
  screen.write("output\r\n");
  line.update(record("b"));
  assert.is(screen.text(), "output\nSync b");
  line.end();
  assert.is(screen.text(), "output");
});

progress.run();
