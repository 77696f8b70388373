/**
 * The server's audit log (`rsh serve --audit FILE`): a real server, real clients, and the JSON lines they leave —
 * logins (success and failure), session create / disconnect / connect / close, and each command's text with its
 * user, session and configuration.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer } from "../support/rsh_server.ts";

const audit = suite("rsh serve --audit: the audit log");

interface Line {
  time: string;
  event: string;
  [key: string]: unknown;
}

audit("logins, the session's life (to the server's shutdown) and every command are appended as JSON lines", async () => {
  const hash = (await runRsh(["hash-password"], { stdin: "pw-of-dana\n" })).stdout.trim();
  const home = Deno.makeTempDirSync({ prefix: "rsh-audit-" });
  const log = `${home}/audit.jsonl`;
  const server = await startServer({ home, config: { users: { dana: { passwordHash: hash } } }, args: ["--audit", log] });
  try {
    const as = (pw: string) => `-ComputerName localhost -Port ${server.port} -Credential ([pscredential]::new('dana', (ConvertTo-SecureString '${pw}' -AsPlainText -Force)))`;
    const wrong = await runRsh(["-NoProfile", "-c", `Invoke-Command ${as("guess")} { 'never' }`], { env: { HOME: home } });
    assert.match(wrong.stderr, /Access is denied/);
    const script = `$s = New-PSSession ${as("pw-of-dana")} -Name audited; Invoke-Command $s { $x = 6 * 7; "x is $x" }; ` +
      `Disconnect-PSSession $s | Out-Null; Connect-PSSession $s | Out-Null; Remove-PSSession $s; ` +
      `$k = New-PSSession ${as("pw-of-dana")} -Name kept; Disconnect-PSSession $k | Out-Null`;
    const r = await runRsh(["-NoProfile", "-c", script], { env: { HOME: home } });
    assert.is(r.stdout, "x is 42\n", r.stderr);
  } finally {
    await server.stop();
  }
  try {
    const lines: Line[] = Deno.readTextFileSync(log).trim().split("\n").map((l) => JSON.parse(l));
    assert.ok(lines.every((l) => !Number.isNaN(Date.parse(l.time))));
    const logins = lines.filter((l) => l.event === "login");
    assert.equal(logins.map((l) => [l.outcome, l.user, l.method, l.address]), [
      ["failure", "dana", "password", "127.0.0.1"],
      ["success", "dana", "password", "127.0.0.1"],
    ]);
    const created = lines.find((l) => l.event === "session.create")!;
    assert.is(created.user, "dana");
    assert.is(created.name, "audited");
    assert.is(created.configuration, "rsh");
    const ofSession = lines.filter((l) => l.session === created.session).map((l) => l.event);
    assert.equal(ofSession.filter((e) => e !== "command"), ["session.create", "session.disconnect", "session.connect", "session.close"]);
    const kept = lines.filter((l) => l.name === "kept").map((l) => `${l.event} ${l.reason ?? ""}`.trim());
    assert.equal(kept, ["session.create", "session.disconnect", "session.close server shutdown"]);
    const command = lines.find((l) => l.event === "command")!;
    assert.equal([command.user, command.session, command.configuration, command.text], ["dana", created.session, "rsh", ` $x = 6 * 7; "x is $x" `]);
    assert.is(Deno.statSync(log).mode! & 0o777, 0o600);
  } finally {
    Deno.removeSync(home, { recursive: true });
  }
});

audit("an audit log that cannot be written stops the server at start", async () => {
  const r = await runRsh(["serve", "--port", "0", "--audit", "/nonexistent-dir/audit.jsonl"]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /cannot open the audit log '\/nonexistent-dir\/audit\.jsonl'/);
});

audit.run();
