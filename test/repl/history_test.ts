/** The REPL history file: where it lives, PSReadLine's format for multi-line entries, repeats collapsed. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { History, historyPath } from "../../repl/history.ts";
import { Deno } from "../../src/platform.ts";

const history = suite("repl: history");

history("the file is $XDG_DATA_HOME/rsh/history, else ~/.local/share/rsh/history", () => {
  assert.is(historyPath({ HOME: "/home/ada" }), "/home/ada/.local/share/rsh/history");
  assert.is(historyPath({ HOME: "/home/ada", XDG_DATA_HOME: "/data" }), "/data/rsh/history");
  assert.is(historyPath({}), null);
});

history("entries persist across sessions; a repeat of the last is dropped; a multi-line entry comes back whole", () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-history-" });
  try {
    const path = historyPath({ XDG_DATA_HOME: dir })!;
    const first = new History(path);
    for (const entry of ["Get-Date", "Get-Date", "function f {\n  'x'\n}", "  ", "Get-Date", "$a = 1"]) first.add(entry);
    assert.equal(first.entries, ["Get-Date", "function f {\n  'x'\n}", "Get-Date", "$a = 1"]);
    // PSReadLine's file format: the lines of a multi-line entry but the last end in a backtick.
    assert.is(Deno.readTextFileSync(path), "Get-Date\nfunction f {`\n  'x'`\n}\nGet-Date\n$a = 1\n");
    assert.equal(new History(path).entries, first.entries);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

history("a history that cannot be saved still works in memory", () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-history-" });
  const file = `${dir}/a-file`;
  Deno.writeTextFileSync(file, "");
  try {
    // Its folder would have to be made inside a file.
    const h = new History(`${file}/rsh/history`);
    h.add("1");
    assert.equal(h.entries, ["1"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

history.run();
