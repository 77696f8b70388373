/**
 * A randomized attack on a NoLanguage endpoint over a real server (in-process RshServer, 127.0.0.1, port 0, a real
 * WebSocket client), and smaller ones on RestrictedLanguage and ConstrainedLanguage endpoints: 2,000 scripts generated from escape fragments (call operators, script blocks, Invoke-Expression,
 * aliases, subexpressions, jobs, type calls, dot-sourcing, programs, odd spellings and stray punctuation) are sent
 * to it, and a hidden host command counts its calls: it must never run. A control call from the unrestricted
 * configuration proves the counter works. RSH_ATTACK_SEED replays a run; a failure prints its seed and script.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { BuiltinCommand } from "../../src/engine/command_types.ts";
import { RemoteComputer, serverConfig } from "../../src/embedding.ts";
import { Deno } from "../../src/platform.ts";
import { RshServer } from "../../src/remoting/server.ts";
import { prng } from "../support/prng.ts";

const SCRIPTS = 2000;

const HIDDEN = ["Invoke-Hidden", "invoke-hidden", "INVOKE-HIDDEN", "Invoke-HiddenFn", "ih"];

/** Ways to reach a command; `X` is replaced by a spelling of a hidden command. */
const FRAGMENTS = [
  "X", "& X", ". X", "& 'X'", "& \"X\"", "&('X')", "& (Get-Command X)", ". (Get-Command X)", "(Get-Command X).Invoke()",
  "$(X)", "@(X)", "(X)", "{ X }", "{ X }.Invoke()", "& { X }", ". { X }", "{ X }.InvokeReturnAsIs()",
  "Invoke-Expression X", "Invoke-Expression 'X'", "iex \"X\"", "Invoke-Expression '& { X }'", "Invoke-Expression '$(X)'",
  "Invoke-Expression 'Invoke-Expression X'", "Set-Alias zz X", "zz", "Set-Alias -Name Write-Output -Value X", "Write-Output X",
  "Write-Output (X)", "Write-Output $(X)", "Write-Output -InputObject X", "1 | ForEach-Object { X }", "ForEach-Object -Process { X }",
  "ForEach-Object X", "Where-Object { X }", "Select-Object @{ n = 'a'; e = { X } }", "Sort-Object { X }", "Start-Job { X }",
  "Start-Job -ScriptBlock { X } | Wait-Job | Receive-Job", "Receive-Job -Id 1", "$ExecutionContext.InvokeCommand.InvokeScript('X')",
  "$ExecutionContext.SessionState.LanguageMode = 'FullLanguage'", "[scriptblock]::Create('X')", "[System.IO.File]::WriteAllText('X', 'X')", "[scriptblock]::Create('X').Invoke()",
  "function f { X }; f", "filter g { X }; 1 | g", "Get-Allowed X", "Get-Allowed -Name (X)", "Get-Allowed -Name:$(X)", "Get-Allowed @(X)",
  "Import-Module X", "./attack.rsh", ". ./attack.rsh", "sh -c X", "/bin/sh -c 'X'", "env X", "$x = 'X'; & $x", "${function:X}",
  "Get-Variable X", "Set-Variable -Name a -Value X", "X 2>&1", "X > out.txt", "X | Out-String", "X -ErrorAction SilentlyContinue",
  "try { X } catch { X }", "if (1) { X }", "switch (1) { 1 { X } }", "foreach ($i in 1) { X }", "trap { X } X", "X &", "X && X", "X || X",
  "Get-Command X | ForEach-Object { & $_ }", "Invoke-Command { X }", "New-Module { X }", "`X", "X`", "\"`$(X)\"", "'X'", "\"$(X)\"",
];
const JUNK = [";", "|", "\n", " ", "(", ")", "{", "}", "'", "\"", "$", "&", ".", "@", ",", "`", "#", "<#", "#>", "-", "::"];

function generate(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    let fragment = pick(FRAGMENTS).replaceAll("X", () => pick(HIDDEN));
    if (random() < 0.2) fragment = pick(["$(", "(", "@(", "& {", ". {", "{"]) + fragment + pick([")", ")", ")", "}", "}", "}"]);
    if (random() < 0.15) fragment = fragment.slice(0, Math.floor(random() * fragment.length)) + pick(JUNK) + fragment.slice(Math.floor(random() * fragment.length));
    parts.push(fragment);
    if (i < count - 1) parts.push(pick(["; ", "\n", " | ", " ", "; "]));
  }
  return parts.join("");
}

const attack = suite("randomized attack on restricted endpoints");

const VISIBLE = [
  "Write-Output", "Invoke-Expression", "Set-Alias", "ForEach-Object", "Where-Object", "Sort-Object", "Start-Job", "Wait-Job",
  "Receive-Job", "Get-Variable", "Set-Variable", "Out-String",
];
const seed = Number(Deno.env.get("RSH_ATTACK_SEED") ?? Math.floor(Math.random() * 2 ** 32));
let calls = 0;
let home = "";
let server: RshServer;
let computer: RemoteComputer;

attack.before(async () => {
  home = Deno.makeTempDirSync({ prefix: "rsh-attack-" });
  Deno.writeTextFileSync(`${home}/attack.rsh`, "Invoke-Hidden\n");
  const recorder: BuiltinCommand = { name: "Invoke-Hidden", aliases: ["ih"], parameters: [], end: () => void calls++ };
  const endpoint = (languageMode: string) => ({
    languageMode, visibleCommands: VISIBLE, visibleFunctions: ["Get-Allowed"],
    startupScript: "function Get-Allowed { param($Name) \"allowed $Name\" }\nfunction Invoke-HiddenFn { Invoke-Hidden }",
  });
  const config = serverConfig({
    configurations: { kiosk: endpoint("NoLanguage"), restricted: endpoint("RestrictedLanguage"), constrained: endpoint("ConstrainedLanguage") },
  });
  server = await RshServer.start({
    config, host: "127.0.0.1", port: 0, osUser: "attacker", home, env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: home },
    sessionOptions: () => ({ commands: [recorder], location: home }),
  });
  computer = await RemoteComputer.connect({ computerName: "127.0.0.1", port: Number(server.url.split(":").at(-1)), home });
  // Control: from the unrestricted configuration the recorder runs (so a count of 0 below means something).
  await (await computer.open("control")).invoke("Invoke-Hidden");
  assert.is(calls, 1, "the control call reaches the recorder");
});

attack.after(async () => {
  await computer.close();
  await server.close();
  Deno.removeSync(home, { recursive: true });
});

/** Sends `count` generated scripts to a session of `configuration`; each of `defences` must stop a share of them. */
async function assault(configuration: string, count: number, defences: string[]): Promise<void> {
  calls = 0;
  const session = await computer.open(configuration, { configurationName: configuration });
  assert.equal((await session.invoke("Get-Allowed me")).output, ["allowed me"], "the endpoint works for what it exposes");
  const random = prng(seed + configuration.length);
  // How each script was stopped: the run is only worth something if many parse and reach each defence.
  const stoppedBy = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const script = generate(random);
    const { errors } = await session.invoke(script);
    if (calls > 0) assert.unreachable(`seed ${seed} (${configuration}): script #${i} ran the hidden command:\n${script}`);
    const id = String(errors[0]?.fullyQualifiedErrorId ?? "none").split(",")[0];
    stoppedBy.set(id, (stoppedBy.get(id) ?? 0) + 1);
  }
  for (const defence of defences) {
    assert.ok((stoppedBy.get(defence) ?? 0) > count / 50, `seed ${seed}: too few scripts reached ${defence}: ${JSON.stringify([...stoppedBy])}`);
  }
  // Jobs the scripts may have started finish under the same restrictions; give them their turn, then look again.
  await session.invoke("Get-Allowed done");
  assert.is(calls, 0, `seed ${seed} (${configuration})`);
}

attack(`${SCRIPTS} generated escape scripts never run the hidden command on a NoLanguage endpoint`, () =>
  assault("kiosk", SCRIPTS, ["ScriptsNotAllowed", "CommandNotFoundException"]));

attack("500 more against RestrictedLanguage and 500 against ConstrainedLanguage endpoints with the same commands", async () => {
  await assault("restricted", 500, ["ScriptBlockNotSupportedInDataSection", "CommandNotFoundException"]);
  await assault("constrained", 500, ["CommandNotFoundException"]);
});

attack.run();
