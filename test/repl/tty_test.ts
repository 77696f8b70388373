/**
 * The REPL on a real pseudo-terminal (tmux): what a person types and sees — a multi-line function, Tab completion,
 * history recall and search, Ctrl+C of a runaway loop, Ctrl+D, and entering a session of a real `rsh serve`.
 * Skipped where tmux is missing (.ci/run installs it).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import process from "node:process";
import { Deno } from "../../src/platform.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";
import { haveTmux, startTmuxRsh, type TmuxRsh } from "./tmux.ts";

const tty = suite("repl: on a real terminal (tmux)");
const enabled = haveTmux();
/** The prompt; capture-pane drops a line's trailing spaces, so an empty prompt line ends at `>`. */
const PROMPT = `PS ${process.cwd()}>`;

let server: TestServer;
let data: string;
tty.before(async () => {
  data = Deno.makeTempDirSync({ prefix: "rsh-tty-" });
  if (enabled) server = await startServer();
});
tty.after(async () => {
  await server?.stop();
  Deno.removeSync(data, { recursive: true });
});

/** Runs `body` against rsh in tmux, always ending the tmux server. */
async function withRsh(body: (t: TmuxRsh) => Promise<void>, env: Record<string, string> = {}) {
  if (!enabled) return console.log("  (tmux not found: skipped)");
  const t = startTmuxRsh(["-NoProfile"], { env: { HOME: server.home, XDG_DATA_HOME: data, NO_COLOR: "1", ...env } });
  try {
    await t.waitFor(PROMPT);
    await body(t);
  } finally {
    t.kill();
  }
}

/** How many times `text` is on the screen. */
const count = (screen: string, text: string) => screen.split(text).length - 1;

tty("a multi-line function on >> lines, a parameter completed with Tab, history recalled with Up and Ctrl+R", () =>
  withRsh(async (t) => {
    t.type("function hello {");
    t.press("Enter");
    await t.waitFor(`${PROMPT} function hello {\n>>`);
    t.type("  'hi there'");
    t.press("Enter");
    t.type("}");
    t.press("Enter");
    t.type("hello");
    t.press("Enter");
    await t.waitFor(/^hi there$/m);
    t.type("Get-ChildItem /etc/host -Na");
    t.press("Tab");
    await t.waitFor("Get-ChildItem /etc/host -Name");
    t.press("C-u");
    t.type("Select-Object -Fi");
    t.press("Tab");
    await t.waitFor("Select-Object -First");
    t.press("C-u", "Up", "Up");
    // The multi-line entry comes back whole (PSReadLine keeps it as one entry).
    await t.waitFor(/PS \S+> function hello \{\n>> {3}'hi there'\n>> }$/);
    // Down past the newest entry gives back the (empty) line being typed; Ctrl+R searches from there.
    t.press("Down", "Down", "C-r");
    t.type("hel");
    await t.waitFor("bck-i-search: hel_");
    t.press("Enter");
    await t.waitFor((s) => count(s, "hi there") >= 3);
    const saved = Deno.readTextFileSync(`${data}/rsh/history`);
    // PSReadLine's format; running `hello` again did not add it again.
    assert.is(saved, "function hello {`\n  'hi there'`\n}\nhello\n");
  }));

tty("Ctrl+C stops a running while ($true) {} and the prompt comes back; Ctrl+C at a >> line drops it; Ctrl+D leaves", () =>
  withRsh(async (t) => {
    t.type("while ($true) {}");
    await t.waitFor(`${PROMPT} while ($true) {}`);
    const { y } = t.cursor();
    t.press("Enter");
    // Running once the cursor left the input line (the editor gives the terminal back before the command starts).
    await t.waitFor(() => t.cursor().y > y);
    t.press("C-c");
    await t.waitFor((s) => count(s, PROMPT) === 2);
    t.type("if ($true) {");
    t.press("Enter");
    await t.waitFor(/^>>$/m);
    t.press("C-c");
    await t.waitFor(`>> ^C\n${PROMPT}`);
    t.type("'still here'");
    t.press("Enter");
    await t.waitFor(/^still here$/m);
    t.press("C-d");
    await t.waitFor(() => t.exited());
  }));

tty("a pasted script (bracketed paste) is one entry on >> lines; it runs on Enter (with colours on)", () =>
  withRsh(async (t) => {
    t.paste("$a = 1\n$a + 41");
    await t.waitFor(`${PROMPT} $a = 1\n>> $a + 41`);
    assert.not.match(t.screen(), /^42$/m);
    t.press("Enter");
    await t.waitFor(/^42$/m);
  }, { NO_COLOR: "" }));

tty("Enter-PSSession on a real rsh serve: the prompt names the computer, a variable set there is there when entered again", () =>
  withRsh(async (t) => {
    t.type(`$s = New-PSSession localhost -Port ${server.port}; Enter-PSSession $s`);
    t.press("Enter");
    const remotePrompt = `[localhost]: PS ${server.home}>`;
    await t.waitFor(remotePrompt);
    t.type("$kept = 'set remotely'");
    t.press("Enter");
    t.type("exit");
    t.press("Enter");
    await t.waitFor(`exit\n${PROMPT}`);
    t.type("Enter-PSSession $s");
    t.press("Enter");
    await t.waitFor((s) => count(s, remotePrompt) === 3);
    // Completion inside the entered session comes from the remote session.
    t.type("$ke");
    t.press("Tab");
    await t.waitFor(`${remotePrompt} $kept`);
    t.press("Enter");
    await t.waitFor(/^set remotely$/m);
    t.type("exit");
    t.press("Enter");
    await t.waitFor((s) => count(s, PROMPT) === 3);
  }));

tty.run();
