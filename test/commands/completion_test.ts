/**
 * TabExpansion2 (src/commands/completion.ts): PowerShell's completion entry point, returning a CommandCompletion
 * (ReplacementIndex, ReplacementLength, CompletionMatches with CompletionText / ListItemText / ResultType).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LocalRunspace, remotingCommands } from "../../src/mod.ts";
import { Deno } from "../../src/platform.ts";
import { PSCustomObject } from "../../src/values/objects.ts";
import { startServer } from "../support/rsh_server.ts";

const completion = suite("TabExpansion2");

const field = (value: unknown, name: string) => (value as PSCustomObject).get(name);

/** Runs `setup`, then completes `input` at its end; gives the replaced range and the completion texts. */
async function complete(input: string, options: { setup?: string; location?: string; runspace?: LocalRunspace } = {}) {
  const runspace = options.runspace ?? new LocalRunspace({ env: { PATH: "/usr/bin:/bin", HOME: "/home/ada" }, location: options.location });
  if (options.setup) await runspace.invoke(options.setup);
  const r = await runspace.invoke("TabExpansion2 -InputScript $args[0] -CursorColumn $args[0].Length", { args: [input] });
  assert.equal(r.errors, []);
  const result = r.output[0];
  const matches = field(result, "CompletionMatches") as PSCustomObject[];
  return {
    range: [field(result, "ReplacementIndex"), field(result, "ReplacementLength")],
    texts: matches.map((m) => field(m, "CompletionText")),
    types: [...new Set(matches.map((m) => field(m, "ResultType")))],
  };
}

completion("command names: built-ins, aliases and functions by prefix (ResultType Command)", async () => {
  const r = await complete("Get-Chi");
  assert.equal(r.range, [0, 7]);
  assert.equal(r.texts, ["Get-ChildItem"]);
  assert.equal(r.types, ["Command"]);
  const fn = await complete("$x = 1; My-F", { setup: "function My-Function {}; Set-Alias my-fav Get-Date" });
  assert.equal(fn.texts, ["my-fav", "My-Function"]);
  assert.equal(fn.range, [8, 4]);
});

completion("programs on PATH complete as commands", async () => {
  const r = await complete("ech");
  assert.ok(r.texts.includes("echo"), r.texts.join());
});

completion("parameters of the command being typed, then the common parameters (about_CommonParameters)", async () => {
  const r = await complete("Get-ChildItem -Na");
  assert.equal(r.range, [14, 3]);
  assert.equal(r.texts, ["-Name"]);
  assert.equal(r.types, ["Parameter"]);
  const all = await complete("Get-Date | Select-Object -");
  assert.equal(all.texts.slice(-3), ["-InformationAction", "-ErrorVariable", "-OutVariable"]);
  const advanced = await complete("ff -", { setup: "function ff { [CmdletBinding()] param($Alpha, $Beta) }" });
  assert.equal(advanced.texts.slice(0, 3), ["-Alpha", "-Beta", "-Verbose"]);
  const simple = await complete("gg -", { setup: "function gg($One) {}" });
  assert.equal(simple.texts, ["-One"]);
});

completion("variables by prefix ($PSVer → $PSVersionTable) and $env: names", async () => {
  assert.equal((await complete("$PSVer")).texts, ["$PSVersionTable"]);
  const r = await complete("Write-Output $env:HO");
  assert.equal(r.texts, ["$env:HOME"]);
  assert.equal(r.range, [13, 7]);
});

completion("members after a dot: a hashtable's keys and its methods (with an open parenthesis)", async () => {
  const r = await complete("$h.", { setup: "$h = @{ alpha = 1 }" });
  assert.equal(r.range, [3, 0]);
  assert.ok(r.texts.includes("alpha") && r.texts.includes("ContainsKey(") && r.texts.includes("Count"), r.texts.join());
  assert.equal((await complete("$h.al", { setup: "$h = @{ alpha = 1 }" })).texts, ["alpha"]);
});

completion("file paths relative to the session's location; directories end in /, names with spaces are quoted", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-complete-" });
  try {
    Deno.mkdirSync(`${dir}/src`);
    Deno.writeTextFileSync(`${dir}/src/main.ts`, "");
    Deno.writeTextFileSync(`${dir}/some file.txt`, "");
    Deno.writeTextFileSync(`${dir}/.hidden`, "");
    const top = await complete("Get-Content s", { location: dir });
    assert.equal(top.texts, ["'some file.txt'", "src/"]);
    assert.equal(top.types, ["ProviderItem", "ProviderContainer"]);
    assert.equal((await complete("Get-Content src/m", { location: dir })).texts, ["src/main.ts"]);
    assert.equal((await complete("Get-Content .h", { location: dir })).texts, [".hidden"]);
    assert.equal((await complete(`Get-Content ${dir}/src/`, { location: "/" })).texts, [`${dir}/src/main.ts`]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

completion("session names after Enter-PSSession -Name (sessions of a real rsh serve)", async () => {
  const server = await startServer();
  const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: server.home } });
  try {
    await runspace.invoke(`New-PSSession localhost -Port ${server.port} -Name build-box; New-PSSession localhost -Port ${server.port} -Name other`);
    const r = await complete("Enter-PSSession -Name bu", { runspace });
    assert.equal(r.texts, ["build-box"]);
    assert.equal(r.types, ["ParameterValue"]);
  } finally {
    await runspace.close();
    await server.stop();
  }
});

completion.run();
