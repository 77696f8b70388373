/**
 * Profiles and execution policy from the real CLI (about_Profiles, about_Execution_Policies). Each test gives the
 * child process its own HOME and system config directory, so nothing on the machine is read or written.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { runRsh } from "../support/rsh_process.ts";

const policy = suite("sessions: profiles and execution policy (CLI)");

let home = "";
let system = "";
policy.before.each(() => {
  home = Deno.makeTempDirSync({ prefix: "rsh-home-" });
  system = Deno.makeTempDirSync({ prefix: "rsh-etc-" });
});
policy.after.each(() => {
  Deno.removeSync(home, { recursive: true });
  Deno.removeSync(system, { recursive: true });
});

const env = (extra: Record<string, string> = {}) => ({ HOME: home, RSH_SYSTEM_CONFIG_DIR: system, ...extra });

function writeProfiles(): void {
  Deno.mkdirSync(`${home}/.config/rsh`, { recursive: true });
  Deno.writeTextFileSync(`${system}/profile.rsh`, "$global:order = @('all users')\n");
  Deno.writeTextFileSync(`${home}/.config/rsh/profile.rsh`, "$global:order += 'current user'\nfunction Get-Greeting { 'hello from the profile' }\n");
}

policy("the all-users then the current user's profile run at start; $PROFILE names the user's", async () => {
  writeProfiles();
  const r = await runRsh(["-c", "$order -join ', '; Get-Greeting; $PROFILE"], { env: env() });
  assert.is(r.stderr, "");
  assert.is(r.stdout, `all users, current user\nhello from the profile\n${home}/.config/rsh/profile.rsh\n`);
});

policy("-NoProfile skips the profiles", async () => {
  writeProfiles();
  const r = await runRsh(["-NoProfile", "-c", "$null -eq $order; Get-Command Get-Greeting -ErrorAction SilentlyContinue"], { env: env() });
  assert.is(r.stdout, "True\n");
});

policy("an error in a profile is reported, and the command still runs", async () => {
  Deno.mkdirSync(`${home}/.config/rsh`, { recursive: true });
  Deno.writeTextFileSync(`${home}/.config/rsh/profile.rsh`, "throw 'broken profile'\n");
  const r = await runRsh(["-c", "'still runs'"], { env: env() });
  assert.is(r.stdout, "still runs\n");
  assert.match(r.stderr, /broken profile/);
});

const disabled = /cannot be loaded because running scripts is disabled on this system/;

policy("Restricted refuses a script file with PowerShell's error (exit 1) while commands still run", async () => {
  const script = `${home}/hello.rsh`;
  Deno.writeTextFileSync(script, "'ran'\n");
  const refused = await runRsh(["-NoProfile", script], { env: env({ PSExecutionPolicyPreference: "Restricted" }) });
  assert.is(refused.code, 1);
  assert.is(refused.stdout, "");
  assert.match(refused.stderr, new RegExp(`File ${script} cannot be loaded because running scripts is disabled on this system`));
  const command = await runRsh(["-NoProfile", "-c", "1 + 1; Get-ExecutionPolicy"], { env: env({ PSExecutionPolicyPreference: "Restricted" }) });
  assert.is(command.stdout, "2\nRestricted\n");
});

policy("Restricted refuses the profile too, and a script called from a command", async () => {
  writeProfiles();
  const script = `${home}/inner.rsh`;
  Deno.writeTextFileSync(script, "'inner ran'\n");
  const r = await runRsh(["-c", `'command ran'; & '${script}'`], { env: env({ PSExecutionPolicyPreference: "Restricted" }) });
  assert.is(r.stdout, "command ran\n");
  assert.match(r.stderr, new RegExp(`File ${system}/profile.rsh cannot be loaded`));
  assert.match(r.stderr, new RegExp(`File ${home}/.config/rsh/profile.rsh cannot be loaded`));
  assert.match(r.stderr, new RegExp(`File ${script} cannot be loaded`));
});

policy("Set-ExecutionPolicy -Scope CurrentUser persists for the user's next sessions; -List shows every scope", async () => {
  const script = `${home}/s.rsh`;
  Deno.writeTextFileSync(script, "'script ran'\n");
  const set = await runRsh(["-NoProfile", "-c", "Set-ExecutionPolicy Restricted -Scope CurrentUser; Get-ExecutionPolicy -List | ForEach-Object { $_.Scope + '=' + $_.ExecutionPolicy }"], { env: env() });
  assert.is(set.stdout, "MachinePolicy=Undefined\nUserPolicy=Undefined\nProcess=Undefined\nCurrentUser=Restricted\nLocalMachine=Undefined\n");
  const refused = await runRsh(["-NoProfile", script], { env: env() });
  assert.is(refused.code, 1);
  assert.match(refused.stderr, disabled);
  // The Process scope outranks CurrentUser (about_Execution_Policies, precedence).
  const allowed = await runRsh(["-NoProfile", script], { env: env({ PSExecutionPolicyPreference: "Bypass" }) });
  assert.is(allowed.stdout, "script ran\n");
});

policy("AllSigned refuses unsigned scripts; RemoteSigned and Unrestricted run local ones", async () => {
  const script = `${home}/s.rsh`;
  Deno.writeTextFileSync(script, "'script ran'\n");
  const signed = await runRsh(["-NoProfile", script], { env: env({ PSExecutionPolicyPreference: "AllSigned" }) });
  assert.is(signed.code, 1);
  assert.match(signed.stderr, /is not digitally signed/);
  for (const p of ["RemoteSigned", "Unrestricted"]) {
    const r = await runRsh(["-NoProfile", script], { env: env({ PSExecutionPolicyPreference: p }) });
    assert.is(r.stdout, "script ran\n", p);
  }
});

policy("a script calls another by relative path, with arguments and its own $PSScriptRoot", async () => {
  Deno.writeTextFileSync(`${home}/callee.rsh`, "param($Name) \"hello $Name from $(Split-Path $PSScriptRoot -Leaf)\"\n");
  Deno.writeTextFileSync(`${home}/caller.rsh`, "Set-Location $PSScriptRoot; ./callee.rsh -Name world\n");
  const r = await runRsh(["-NoProfile", `${home}/caller.rsh`], { env: env() });
  assert.is(r.stdout, `hello world from ${home.slice(home.lastIndexOf("/") + 1)}\n`);
});

policy.run();
