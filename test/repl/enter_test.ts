/**
 * Entering a remote session from the REPL (Enter-PSSession, Exit-PSSession): the statements typed go to the remote
 * session until `exit`; the prompt says where they go (`[computer]: PS /path> `, as PowerShell's remote prompt).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runRepl } from "../../repl/repl.ts";
import { formatValue, LocalRunspace, remotingCommands } from "../../src/mod.ts";
import { ProgressLine } from "../../repl/progress.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startProxy } from "../support/tcp_proxy.ts";
import { Screen } from "./screen.ts";
import { replSession } from "./harness.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const enter = suite("repl: Enter-PSSession and Exit-PSSession");
let server: TestServer;
enter.before(async () => void (server = await startServer()));
enter.after(async () => void (await server.stop()));

/** Runs the REPL in this process over `lines`, with prompts when `interactive`. */
const session = (lines: string[], interactive: boolean) =>
  replSession(lines, interactive, { runspace: { commands: remotingCommands, env: { HOME: server.home }, location: "/local/dir" } });

enter("the prompt shows the entered computer and the remote location; exit returns to the local prompt", async () => {
  const r = await session([`Enter-PSSession -ComputerName localhost -Port ${server.port}`, "Set-Location /", "'in'", "exit", "'out'"], true);
  assert.equal(r.errors, []);
  assert.is(
    r.out,
    `PS /local/dir> [localhost]: PS ${server.home}> [localhost]: PS /> in\n[localhost]: PS /> PS /local/dir> out\nPS /local/dir> \n`,
  );
});

enter("-ComputerName enters a temporary session (closed on exit); -Session keeps the session and its variables", async () => {
  const port = server.port;
  const r = await session([
    `Enter-PSSession localhost -Port ${port}`,
    "$temp = 1",
    "Exit-PSSession",
    `@(Get-PSSession -ComputerName localhost -Port ${port}).Count`,
    `$s = New-PSSession localhost -Port ${port}`,
    "Enter-PSSession -Session $s",
    "$kept = 42",
    "exit",
    "Enter-PSSession $s",
    "$kept; $null -eq $temp",
    "exit",
    "$s.State",
  ], false);
  assert.equal(r.errors, []);
  assert.is(r.out, "0\n42\nTrue\nOpened\n");
});

enter("$PSSenderInfo exists in the entered session; an error there is reported and the session goes on", async () => {
  const r = await session([`Enter-PSSession -ComputerName localhost -Port ${server.port}`, "$PSSenderInfo.UserName.Length -gt 0", "throw 'remote oops'", "'still here'", "exit"], false);
  assert.equal(r.errors, ["remote oops"]);
  assert.is(r.out, "True\nstill here\n");
});

enter("piped into the CLI, lines after Enter-PSSession run in the entered session (the CLI contract)", async () => {
  const r = await runRsh(["-NoProfile"], {
    env: { HOME: server.home },
    stdin: `$where = 'local'\nEnter-PSSession -ComputerName localhost -Port ${server.port}\n$where = 'remote'\n$where\nExit-PSSession\n$where\n`,
  });
  assert.is(r.stdout, "remote\nlocal\n");
  assert.is(r.code, 0);
});

enter("Tab completion inside an entered session comes from the remote session; after exit, from the local one", async () => {
  const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: server.home } });
  const found: string[][] = [];
  const entries = [`Enter-PSSession -ComputerName localhost -Port ${server.port}`, "$remoteOnly = 1", "complete", "exit", "complete"];
  await runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: async (_prompt, complete) => {
      let text = entries.shift();
      if (text === "complete") {
        found.push((await complete("$remoteO", 8))?.matches.map((m) => m.text) ?? []);
        text = "";
      }
      return text === undefined ? { kind: "eof" } : { kind: "line", text };
    },
    reportParseError: () => {},
  });
  await runspace.close();
  assert.equal(found, [["$remoteOnly"], []]);
});

enter("a remote Write-Progress reaches the REPL as progress records, which draw the progress line", async () => {
  const screen = new Screen(60);
  const line = new ProgressLine((t) => screen.write(t), () => 60, false);
  const drawn: string[] = [];
  const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: server.home } });
  const entries = [`Enter-PSSession -ComputerName localhost -Port ${server.port}`, "Write-Progress -Activity Remote -Status halfway -PercentComplete 50", "exit"];
  await runRepl(runspace, {
    lines: (async function* () {})(),
    prompt: null,
    read: () => Promise.resolve(entries.length ? { kind: "line", text: entries.shift()! } : { kind: "eof" }),
    reportParseError: () => {},
    record: (r) => void (r.stream === "progress" && (line.update(r.value), drawn.push(screen.text()))),
  });
  await runspace.close();
  assert.equal(drawn, ["Remote [==========          ] 50% halfway"]);
});

enter("the connection to an entered session drops and comes back: the REPL shows the robust-connection notices and goes on", async () => {
  const proxy = await startProxy(server.port);
  let out = "";
  const warnings: string[] = [];
  const runspace = new LocalRunspace({
    commands: remotingCommands,
    env: { HOME: server.home },
    host: { output: () => {}, error: () => {}, host: () => {}, warning: (text) => void warnings.push(text) },
  });
  const entries = [`Enter-PSSession -ComputerName localhost -Port ${proxy.port}`, "'one'", "'two'", "exit"];
  try {
    await runRepl(runspace, {
      lines: (async function* () {})(),
      prompt: null,
      read: async () => {
        const text = entries.shift();
        if (text === "'two'") {
          // A cable pulled at the prompt; new connections still get through, and the client reconnects by itself.
          proxy.cut();
          for (let i = 0; i < 200 && !warnings.some((w) => /restored/.test(w)); i++) await new Promise((r) => setTimeout(r, 50));
        }
        return text ? { kind: "line", text } : { kind: "eof" };
      },
      reportParseError: () => {},
      record: (r) => void (r.stream === "output" && (out += formatValue(r.value) + "\n")),
    });
    assert.is(out, "one\ntwo\n");
    assert.ok(warnings.some((w) => /has been interrupted/.test(w)), warnings.join("|"));
    assert.ok(warnings.some((w) => /has been restored/.test(w)), warnings.join("|"));
  } finally {
    await runspace.close();
    await proxy.close();
  }
});

enter("the server cannot be reached while a remote command runs: a second Ctrl+C returns to the local prompt", async () => {
  const proxy = await startProxy(server.port);
  let out = "";
  const runspace = new LocalRunspace({
    commands: remotingCommands,
    env: { HOME: server.home },
    location: "/local/dir",
    host: { output: (v) => void (out += formatValue(v) + "\n"), error: () => {}, host: () => {} },
  });
  const prompts: string[] = [];
  const notices: string[] = [];
  const entries = [`Enter-PSSession -ComputerName localhost -Port ${proxy.port}`, "'before the cut'", "'after the cut'", "'local'"];
  let last = "";
  try {
    await runRepl(runspace, {
      lines: (async function* () {})(),
      prompt: null,
      read: (prompt) => {
        prompts.push(prompt);
        last = entries.shift() ?? "";
        // The server becomes unreachable: live connections reset, new ones refused (the client keeps retrying).
        if (last === "'after the cut'") proxy.refuse(true), proxy.cut();
        return Promise.resolve(last ? { kind: "line", text: last } : { kind: "eof" });
      },
      reportParseError: () => {},
      notice: (text) => void notices.push(text),
      record: (r) => void (r.stream === "output" && (out += formatValue(r.value) + "\n")),
      // Ctrl+C twice while the statement after the cut hangs (its stop cannot reach the server either).
      whileRunning: (stop) => {
        if (last === "'after the cut'") setTimeout(() => (stop(), stop()), 0);
        return () => {};
      },
    });
    assert.is(out, "before the cut\nlocal\n");
    assert.equal(prompts.slice(-2), ["PS /local/dir> ", "PS /local/dir> "]);
    assert.equal(notices, ["Left the session on localhost (it did not stop when asked); back at the local prompt.\n"]);
  } finally {
    // The network comes back, so that the client's reconnect ends and the session closes cleanly.
    proxy.refuse(false);
    await runspace.close();
    await proxy.close();
  }
});

enter.run();
