import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runRepl } from "../../repl/repl.ts";
import { sessionCompleter } from "../../repl/complete.ts";
import type { ReadResult } from "../../repl/line_editor.ts";
import { RemoteCalls } from "../../repl/remote_calls.ts";
import { replSession } from "./harness.ts";
import { formatValue, LocalRunspace } from "../../src/mod.ts";

const repl = suite("repl: the read-eval-print loop with injected input and output");

const session = (lines: string[], interactive: boolean) => replSession(lines, interactive, { location: () => "/home/ada" });

repl("prompts PS /path> and >> for a continued statement, as pwsh's console does", async () => {
  const r = await session(["$x = 2", "if ($x) {", "  $x * 21", "}"], true);
  assert.is(r.out, "PS /home/ada> PS /home/ada> >> >> 42\nPS /home/ada> \n");
  assert.is(r.code, 0);
});

repl("without a terminal there are no prompts; state persists between statements", async () => {
  const r = await session(["function f { 'hi' }", "f", "$y = 3", "$y + 1"], false);
  assert.is(r.out, "hi\n4\n");
});

repl("a parse error is reported and the loop goes on; the last failure sets the exit status", async () => {
  const r = await session(["1 )", "'after'", "throw 'x'"], false);
  assert.equal(r.errors, ["Unexpected token ')' in expression or statement.", "x"]);
  assert.is(r.out, "after\n");
  assert.is(r.code, 1);
});

repl("input ending inside a statement is reported as incomplete (exit 1)", async () => {
  const r = await session(["if ($true) {"], false);
  assert.equal(r.errors, ["Missing closing '}' in statement block or type definition."]);
  assert.is(r.code, 1);
});

repl("exit N stops reading and returns N", async () => {
  const r = await session(["'a'", "exit 4", "'never'"], false);
  assert.is(r.out, "a\n");
  assert.is(r.code, 4);
});

/** Runs the REPL in line-editor mode: `entries` are what the editor hands back, in order. */
async function edited(entries: ReadResult[]) {
  let out = "";
  const prompts: string[] = [];
  const runspace = new LocalRunspace({ host: { output: (v) => void (out += formatValue(v) + "\n"), error: () => {}, host: () => {} } });
  const code = await runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: (prompt) => {
      prompts.push(prompt);
      return Promise.resolve(entries.shift() ?? { kind: "eof" });
    },
    location: () => "/home/ada",
    reportParseError: () => {},
  });
  return { out, prompts, code };
}

repl("with the line editor: Ctrl+C discards the entry, Ctrl+D leaves; a multi-line entry runs whole", async () => {
  const r = await edited([
    { kind: "line", text: "function f {\n  'from f'\n}" },
    { kind: "interrupt" },
    { kind: "line", text: "f" },
    { kind: "eof" },
    { kind: "line", text: "'never'" },
  ]);
  assert.is(r.out, "from f\n");
  assert.equal(r.prompts, ["PS /home/ada> ", "PS /home/ada> ", "PS /home/ada> ", "PS /home/ada> "]);
  assert.is(r.code, 0);
});

repl("a user-defined prompt function replaces the prompt (about_Prompts); $? is not disturbed by it", async () => {
  const r = await edited([
    { kind: "line", text: "function prompt { \"rsh $(1 + 1)> \" }" },
    { kind: "line", text: "Get-Item /no/such/path -ErrorAction SilentlyContinue" },
    { kind: "line", text: "$?" },
  ]);
  assert.equal(r.prompts, ["PS /home/ada> ", "rsh 2> ", "rsh 2> ", "rsh 2> "]);
  assert.is(r.out, "False\n");
});

/** A remote session whose commands and stop hang (a dead server behind a live connection); it answers the prompt. */
function stuckSession() {
  const never = new Promise<never>(() => {});
  return {
    state: "Opened",
    invoke: (script: string, options?: { onRecord?: (r: { stream: string; value: unknown }) => void }) => {
      if (!script.includes("prompt")) return never;
      for (const value of [true, "PS /remote> "]) options?.onRecord?.({ stream: "output", value });
      return Promise.resolve({ failed: false });
    },
    stop: () => never,
    close: () => never,
  };
}

repl("a second Ctrl+C while a remote command does not stop leaves the session for the local prompt, with a message", async () => {
  let out = "";
  const runspace = new LocalRunspace({ host: { output: (v) => void (out += formatValue(v) + "\n"), error: () => {}, host: () => {} } });
  const notices: string[] = [];
  const prompts: string[] = [];
  const entries = ["enter", "Start-Sleep 100", "'local again'"];
  let last = "";
  const code = await runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: async (prompt) => {
      prompts.push(prompt);
      const text = last = entries.shift() ?? "";
      if (text === "enter") {
        await runspace.enter({ runspace: stuckSession(), computerName: "stuck", temporary: false });
        return { kind: "line", text: "" };
      }
      return text === "" ? { kind: "eof" } : { kind: "line", text };
    },
    location: () => "/here",
    reportParseError: () => {},
    notice: (text) => void notices.push(text),
    // Ctrl+C twice while the remote command runs.
    whileRunning: (stop) => {
      if (last === "Start-Sleep 100") setTimeout(() => (stop(), stop()), 0);
      return () => {};
    },
  });
  assert.is(code, 0);
  assert.is(runspace.entered, null);
  assert.equal(prompts, ["PS /here> ", "[stuck]: PS /remote> ", "PS /here> ", "PS /here> "]);
  assert.equal(notices, ["Left the session on stuck (it did not stop when asked); back at the local prompt.\n"]);
  assert.is(out, "local again\n");
});

repl("Ctrl+C at the prompt of a broken session returns to the local prompt; in a working one it only clears the line", async () => {
  const runspace = new LocalRunspace({ host: { output: () => {}, error: () => {}, host: () => {} } });
  const notices: string[] = [];
  const session = { state: "Opened", invoke: () => Promise.resolve({ failed: false }), stop: () => Promise.resolve(), close: () => Promise.resolve() };
  const entries: (ReadResult | "break")[] = [{ kind: "interrupt" }, "break", { kind: "interrupt" }];
  const prompts: string[] = [];
  await runspace.enter({ runspace: session, computerName: "box", temporary: false });
  await runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: (prompt) => {
      prompts.push(prompt);
      let entry = entries.shift() ?? { kind: "eof" };
      if (entry === "break") {
        session.state = "Broken";
        entry = { kind: "line", text: "" };
      }
      return Promise.resolve(entry);
    },
    location: () => "/here",
    reportParseError: () => {},
    notice: (text) => void notices.push(text),
  });
  assert.equal(prompts, ["[box]: PS> ", "[box]: PS> ", "[box]: PS> ", "PS /here> "]);
  assert.equal(notices, ["Left the session on box (its connection is broken); back at the local prompt.\n"]);
});

repl("Tab in a broken entered session completes nothing and sends nothing (the editor would wait on it)", async () => {
  const runspace = new LocalRunspace({ host: { output: () => {}, error: () => {}, host: () => {} } });
  let invoked = 0;
  const session = { state: "Broken", invoke: () => (invoked++, Promise.resolve({})), stop: () => Promise.resolve(), close: () => Promise.resolve() };
  await runspace.enter({ runspace: session, computerName: "box", temporary: false });
  const complete = sessionCompleter(new RemoteCalls(runspace, { lines: (async function* () {})(), prompt: null, reportParseError: () => {} }));
  assert.is(await complete("Get-Chi", 7), null);
  assert.is(invoked, 0);
  await runspace.enter(null);
  assert.equal((await complete("Get-Chi", 7))?.matches, [{ text: "Get-ChildItem", list: "Get-ChildItem" }]);
});

repl.run();
