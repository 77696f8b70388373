/**
 * Session configurations over a real server (in-process RshServer on 127.0.0.1, port 0, real WebSocket clients):
 * who may use one, what its sessions get, runAs sharing, Get-PSSessionConfiguration, and the escape attempts a
 * restricted configuration must refuse (about_Session_Configurations, about_Language_Modes, JEA). A hidden command
 * that would create a marker file stands for "anything the operator did not expose": no escape may create it, while
 * the exposed startup function that uses it does (so the marker test can fail).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { RemoteComputer, serverConfig } from "../../src/embedding.ts";
import { Deno } from "../../src/platform.ts";
import { hashPassword } from "../../src/remoting/auth.ts";
import { remotingCommands } from "../../src/remoting/cmdlets.ts";
import { ConfigError } from "../../src/remoting/config.ts";
import { RshServer } from "../../src/remoting/server.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer } from "../support/rsh_server.ts";

interface World {
  server: RshServer;
  home: string;
  marker: string;
  connect(user: "alice" | "bob"): Promise<RemoteComputer>;
}

async function startWorld(): Promise<World> {
  const home = Deno.makeTempDirSync({ prefix: "rsh-configurations-" });
  const marker = `${home}/marker.txt`;
  Deno.writeTextFileSync(`${home}/evil.rsh`, `Set-Content -Path '${marker}' -Value escaped\n`);
  const hidden = `function Reset-Marker { Set-Content -Path '${marker}' -Value reset }\nfunction Get-Internal { 'internal' }`;
  const config = serverConfig({
    users: { alice: { passwordHash: hashPassword("a-pw"), groups: ["helpdesk"] }, bob: { passwordHash: hashPassword("b-pw") } },
    configurations: {
      helpdesk: {
        languageMode: "NoLanguage", allowedGroups: ["helpdesk"], startupScript: hidden, visibleFunctions: ["Reset-Marker"],
        visibleCommands: ["Write-Output", "Get-Date", "Set-Alias", "Invoke-Expression"],
      },
      alicesonly: { allowedUsers: ["alice"] },
      shared: { runAs: "svc", allowedUsers: ["alice", "bob"], languageMode: "ConstrainedLanguage" },
      constrained: {
        languageMode: "ConstrainedLanguage", environment: { DESK: "3" }, idleTimeoutSec: 900,
        visibleCommands: ["Write-Output", "Get-Command", "Get-Variable", "Invoke-Expression", "ForEach-Object", "Start-Job", "Wait-Job", "Receive-Job", "Set-Alias"],
      },
    },
  });
  const server = await RshServer.start({
    config, host: "127.0.0.1", port: 0, osUser: "owner", home, env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: home },
    sessionOptions: () => ({ commands: remotingCommands }),
  });
  const port = Number(server.url.split(":").at(-1));
  const passwords = { alice: "a-pw", bob: "b-pw" };
  return {
    server, home, marker,
    connect: (user) => RemoteComputer.connect({ computerName: "127.0.0.1", port, credential: { user, password: passwords[user] } }),
  };
}

async function stopWorld(world: World): Promise<void> {
  await world.server.close();
  Deno.removeSync(world.home, { recursive: true });
}

const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};

async function refused(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
  } catch (e) {
    assert.match((e as Error).message, pattern);
    return;
  }
  assert.unreachable(`expected a refusal matching ${pattern}`);
}

// ---------------------------------------------------------------- configurations

const configurations = suite("session configurations on a real server");
let world: World;
configurations.before(async () => void (world = await startWorld()));
configurations.after(() => stopWorld(world));

configurations("allowedUsers / allowedGroups: others get PowerShell's Access is denied; allowed users open sessions", async () => {
  const bob = await world.connect("bob");
  const alice = await world.connect("alice");
  try {
    await refused(bob.open("desk", { configurationName: "helpdesk" }), /Connecting to remote server .* failed with the following error message : Access is denied\./);
    await refused(bob.open("mine", { configurationName: "AlicesOnly" }), /Access is denied\..*alicesonly/);
    assert.equal((await (await bob.open("plain")).invoke("Write-Output ok")).output, ["ok"]);
    assert.equal((await (await alice.open("desk", { configurationName: "helpdesk" })).invoke("Write-Output ok")).output, ["ok"]);
    assert.equal((await (await alice.open("mine", { configurationName: "alicesonly" })).invoke("1 + 1")).output, [2]);
  } finally {
    await bob.close();
    await alice.close();
  }
});

configurations("a configuration's language mode, environment, idle timeout and startup functions shape its sessions", async () => {
  const alice = await world.connect("alice");
  try {
    const session = await alice.open("c", { configurationName: "constrained" });
    const r = await session.invoke("$ExecutionContext.SessionState.LanguageMode; $env:DESK; $PSSenderInfo.ConfigurationName");
    assert.equal(r.output, ["ConstrainedLanguage", "3", "constrained"]);
    // The session list carries the idle timeout on the wire (SessionInfo does not type it).
    const listed = (await alice.list()).find((s) => s.name === "c") as unknown as { idleTimeoutSec: number };
    assert.is(listed.idleTimeoutSec, 900);
    // The exposed startup function runs the hidden Set-Content (trusted); the unexposed one does not exist.
    const desk = await alice.open("d", { configurationName: "helpdesk" });
    const reset = await desk.invoke("Reset-Marker; Get-Internal");
    assert.ok(exists(world.marker), "the exposed function wrote the marker");
    assert.match(reset.errors[0].message, /The term 'Get-Internal' is not recognized/);
    Deno.removeSync(world.marker);
  } finally {
    await alice.close();
  }
});

configurations("runAs: a configuration's sessions are shared by its allowed users; other sessions stay private", async () => {
  const alice = await world.connect("alice");
  const bob = await world.connect("bob");
  try {
    const desk = await alice.open("desk", { configurationName: "shared" });
    await desk.invoke("$note = 'from alice'");
    const own = await alice.open("own");
    await desk.disconnect();
    const seen = await bob.list();
    assert.ok(seen.some((s) => s.name === "desk"), "bob sees the runAs session");
    assert.not.ok(seen.some((s) => s.name === "own"), "bob does not see alice's own session");
    const attached = await bob.attach(desk.instanceId);
    assert.equal((await attached.invoke("$note")).output, ["from alice"]);
    await refused(bob.attach(own.instanceId), /There is no session/);
  } finally {
    await alice.close();
    await bob.close();
  }
});

configurations("Get-PSSessionConfiguration lists the server's configurations, in a session there", async () => {
  const alice = await world.connect("alice");
  try {
    const session = await alice.open("list");
    const r = await session.invoke("Get-PSSessionConfiguration | ForEach-Object { $_.Name + ':' + $_.LanguageMode + ':' + $_.Permission }; (Get-PSSessionConfiguration sh*).RunAsUser");
    assert.equal(r.output, [
      "rsh:FullLanguage:every user",
      "helpdesk:NoLanguage:group helpdesk",
      "alicesonly:FullLanguage:alice",
      "shared:ConstrainedLanguage:alice, bob",
      "constrained:ConstrainedLanguage:every user",
      "svc",
    ]);
  } finally {
    await alice.close();
  }
});

configurations("every configuration key is checked, and an error names it", () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ helpdesk: { langMode: "NoLanguage" } }, /Unknown key 'configurations\.helpdesk\.langMode'/],
    [{ helpdesk: { languageMode: "Strict" } }, /'configurations\.helpdesk\.languageMode' must be one of FullLanguage, ConstrainedLanguage, RestrictedLanguage, NoLanguage/],
    [{ helpdesk: { visibleCommands: "Get-*" } }, /'configurations\.helpdesk\.visibleCommands' must be a list of names/],
    [{ helpdesk: { allowedUsers: ["carol"] } }, /'configurations\.helpdesk\.allowedUsers' names 'carol', who is not among the config's users/],
    [{ helpdesk: { environment: { A: 1 } } }, /'configurations\.helpdesk\.environment' must map variable names to strings/],
    [{ helpdesk: { idleTimeoutSec: 0 } }, /'configurations\.helpdesk\.idleTimeoutSec' must be a positive number/],
    [{ helpdesk: { idleTimeoutSec: 86400 } }, /'configurations\.helpdesk\.idleTimeoutSec' must not exceed 'maxIdleTimeoutSec' \(43200\)/],
    [{ helpdesk: { runAs: 7 } }, /'configurations\.helpdesk\.runAs' must be an account name/],
    [{ helpdesk: { startupScript: ["x"] } }, /'configurations\.helpdesk\.startupScript' must be script text/],
  ];
  for (const [configurationsValue, message] of cases) {
    try {
      serverConfig({ users: { alice: { passwordHash: hashPassword("x") } }, configurations: configurationsValue });
      assert.unreachable(String(message));
    } catch (e) {
      assert.instance(e, ConfigError);
      assert.match((e as Error).message, message);
    }
  }
});

// ---------------------------------------------------------------- escapes

const escapes = suite("escape attempts from a restricted configuration (each refused; the hidden command never runs)");
escapes.before(async () => void (world = await startWorld()));
escapes.after(() => stopWorld(world));

/** Runs `script` as alice in a new session of `configuration`; returns the error messages, after checking no marker. */
async function attempt(configuration: string, script: string): Promise<string> {
  const alice = await world.connect("alice");
  try {
    const session = await alice.open(undefined, { configurationName: configuration });
    const result = await session.invoke(script.replaceAll("MARKER", world.marker).replaceAll("HOME", world.home));
    assert.not.ok(exists(world.marker), `${configuration}: ${script} created the marker`);
    assert.ok(result.errors.length > 0, `${configuration}: ${script} reported no error`);
    return result.errors.map((e) => e.message).join("\n");
  } finally {
    await alice.close();
  }
}

const NOT_RECOGNIZED = /is not recognized as a name of a cmdlet, function, script file, or executable program/;
const NO_LANGUAGE = /no-language mode \(NoLanguage\)/;

escapes("& (Get-Command X) for a hidden X", async () => {
  assert.match(await attempt("helpdesk", "& (Get-Command Set-Content) -Path MARKER -Value x"), NO_LANGUAGE);
  assert.match(await attempt("constrained", "& (Get-Command Set-Content) -Path MARKER -Value x"), /The term 'Set-Content' is not recognized/);
});

escapes("Invoke-Expression (visible) runs only what the mode and the visible commands allow", async () => {
  assert.match(await attempt("helpdesk", "Invoke-Expression 'Set-Content -Path MARKER -Value x'"), /The term 'Set-Content' is not recognized/);
  assert.match(await attempt("helpdesk", "Invoke-Expression 'Write-Output $ExecutionContext'"), NO_LANGUAGE);
  assert.match(await attempt("constrained", "Invoke-Expression 'Set-Content -Path MARKER -Value x'"), /The term 'Set-Content' is not recognized/);
});

escapes("creating or invoking a script block", async () => {
  assert.match(await attempt("helpdesk", "Write-Output { Set-Content -Path MARKER -Value x }"), NO_LANGUAGE);
  assert.match(await attempt("constrained", "& { Set-Content -Path MARKER -Value x }"), /The term 'Set-Content' is not recognized/);
  assert.match(await attempt("constrained", "1 | ForEach-Object { Set-Content -Path MARKER -Value x }"), /The term 'Set-Content' is not recognized/);
});

escapes(".Invoke() on a script block", async () => {
  assert.match(await attempt("helpdesk", "{ Set-Content -Path MARKER -Value x }.Invoke()"), NO_LANGUAGE);
  assert.match(await attempt("constrained", "{ Set-Content -Path MARKER -Value x }.Invoke()"), /The term 'Set-Content' is not recognized/);
});

escapes("[type]:: calls outside the core types", async () => {
  assert.match(await attempt("constrained", "[System.IO.File]::WriteAllText('MARKER', 'x')"), /only core types are supported in this language mode \(ConstrainedLanguage\)/);
  assert.match(await attempt("helpdesk", "[System.IO.File]::WriteAllText('MARKER', 'x')"), NO_LANGUAGE);
});

escapes("dot-sourcing (and running) a script file", async () => {
  assert.match(await attempt("helpdesk", ". HOME/evil.rsh"), NO_LANGUAGE);
  assert.match(await attempt("constrained", ". 'HOME/evil.rsh'"), NOT_RECOGNIZED);
  assert.match(await attempt("constrained", "& 'HOME/evil.rsh'"), NOT_RECOGNIZED);
});

escapes("Set-Alias to a hidden command", async () => {
  assert.match(await attempt("helpdesk", "Set-Alias sc2 Set-Content; sc2 -Path MARKER -Value x"), /The term 'sc2' is not recognized/);
  assert.match(await attempt("constrained", "Set-Alias -Name Write-Output -Value Set-Content; Write-Output -Path MARKER -Value x"), NOT_RECOGNIZED);
});

escapes("$ExecutionContext", async () => {
  assert.match(await attempt("helpdesk", "Write-Output $ExecutionContext"), NO_LANGUAGE);
  const raised = await attempt("constrained", "$ExecutionContext.SessionState.LanguageMode = 'FullLanguage'; Invoke-Expression \"[System.IO.File]::WriteAllText('MARKER', 'x')\"");
  assert.match(raised, /Property setting is supported only on core types in this language mode \(ConstrainedLanguage\)/);
  assert.match(raised, /only core types are supported/);
});

escapes("Import-Module", async () => {
  assert.match(await attempt("helpdesk", "Import-Module HOME/evil.rsh"), /The term 'Import-Module' is not recognized/);
  assert.match(await attempt("constrained", "Import-Module HOME/evil.rsh"), /The term 'Import-Module' is not recognized/);
});

escapes("starting a native program", async () => {
  assert.match(await attempt("helpdesk", "sh -c 'echo x > MARKER'"), /The term 'sh' is not recognized/);
  assert.match(await attempt("constrained", "/bin/sh -c 'echo x > MARKER'"), /The term '\/bin\/sh' is not recognized/);
});

escapes("reading another session's state", async () => {
  const alice = await world.connect("alice");
  const bob = await world.connect("bob");
  try {
    const mine = await alice.open("secret-keeper", { configurationName: "constrained" });
    await mine.invoke("$secret = 'alice only'");
    const theirs = await bob.open("prying", { configurationName: "constrained" });
    const pry = await theirs.invoke("$secret; Get-Variable -Name secret -ValueOnly");
    assert.equal(pry.output, [null]);
    assert.match(pry.errors[0].message, /Cannot find a variable with the name 'secret'/);
    assert.not.ok((await bob.list()).some((s) => s.name === "secret-keeper"));
    await refused(bob.attach(mine.instanceId), /There is no session/);
  } finally {
    await alice.close();
    await bob.close();
  }
});

escapes("changing the session's own language mode or configuration", async () => {
  assert.match(await attempt("constrained", "$ExecutionContext.SessionState.LanguageMode = 'FullLanguage'"), /Cannot set property/);
  assert.match(await attempt("constrained", "New-PSSession -ComputerName localhost -ConfigurationName rsh"), /The term 'New-PSSession' is not recognized/);
  assert.match(await attempt("constrained", "Start-Job { [System.IO.File]::WriteAllText('MARKER', 'x') } | Wait-Job | Receive-Job"), /only core types are supported/);
  assert.match(await attempt("helpdesk", "Set-Alias Get-Date Set-Content; Get-Date -Path MARKER -Value x"), NOT_RECOGNIZED);
});

configurations.run();
escapes.run();

// ---------------------------------------------------------------- the command line

const cli = suite("configurations from the command line (real rsh processes)");

cli("rsh serve --check-config validates and prints what each configuration exposes; a bad key fails naming it", async () => {
  const home = Deno.makeTempDirSync({ prefix: "rsh-check-config-" });
  try {
    Deno.writeTextFileSync(`${home}/ok.json`, JSON.stringify({
      configurations: {
        helpdesk: {
          languageMode: "NoLanguage", visibleCommands: ["Get-Date", "Get-*Item"], visibleFunctions: ["Restart-Desk"], runAs: "svc",
          startupScript: "function Restart-Desk { 'restarted' }\nfunction Get-Internal { 1 }",
        },
      },
    }));
    const ok = await runRsh(["serve", "--check-config", `${home}/ok.json`], { env: { HOME: home } });
    assert.is(ok.stderr, "");
    assert.is(ok.code, 0);
    assert.match(ok.stdout, /ok\.json: valid/);
    assert.match(ok.stdout, /rsh:\n {2}languageMode: FullLanguage\n {2}commands: every command/);
    assert.match(ok.stdout, /helpdesk:\n {2}languageMode: NoLanguage\n {2}commands: Exit-PSSession, Get-ChildItem, Get-Command, Get-Date, Get-Help, Get-Item, Measure-Object, Out-Default, Select-Object\n {2}functions: Restart-Desk\n {2}users: every user\n {2}runAs: svc/);
    Deno.writeTextFileSync(`${home}/bad.json`, JSON.stringify({ configurations: { helpdesk: { languageMode: "None" } } }));
    const bad = await runRsh(["serve", "--check-config", `${home}/bad.json`], { env: { HOME: home } });
    assert.is(bad.code, 1);
    assert.match(bad.stderr, /'configurations\.helpdesk\.languageMode' must be one of/);
  } finally {
    Deno.removeSync(home, { recursive: true });
  }
});

cli("Invoke-Command -ComputerName X { Get-PSSessionConfiguration } lists X's configurations; -ConfigurationName picks one", async () => {
  const server = await startServer({ config: { configurations: { desk: { languageMode: "NoLanguage", visibleCommands: ["Write-Output"] } } } });
  try {
    const target = `-ComputerName localhost -Port ${server.port}`;
    const r = await runRsh(["-NoProfile", "-c", [
      `(Invoke-Command ${target} { Get-PSSessionConfiguration }).Name -join ','`,
      `Invoke-Command ${target} -ConfigurationName desk -ScriptBlock { Write-Output fine }`,
      `Invoke-Command ${target} -ConfigurationName desk -ScriptBlock { Get-PSSessionConfiguration }`,
    ].join("\n")], { env: { HOME: server.home }, timeoutMs: 30_000 });
    assert.is(r.stdout, "rsh,desk\nfine\n");
    assert.match(r.stderr, /The term 'Get-PSSessionConfiguration' is not recognized/);
  } finally {
    await server.stop();
  }
});

cli.run();
