/**
 * Signed scripts and the policies that need them (about_Execution_Policies, about_Signing): `rsh keygen`, `rsh sign`,
 * Get-RshSignature's four states, and AllSigned / RemoteSigned / Unrestricted / Bypass from the real CLI, for a script
 * file, `& ./x.rsh`, dot-sourcing and the profile. Each test has its own HOME and system config directory.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { checkSignature, generateKeyPair, signText } from "../../src/runspace/signing.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer } from "../support/rsh_server.ts";

const format = suite("signing: the signature block");

format("a signature covers the text before the block: any change, or text after the block, is HashMismatch", () => {
  const { privateKey, publicKey } = generateKeyPair();
  const trusted = new Set([publicKey]);
  const signed = signText("'a'\n'b'", privateKey);
  assert.ok(signed.startsWith("'a'\n'b'\n# SIG # Begin signature block\n"), signed);
  assert.ok(signed.endsWith("# SIG # End signature block\n"));
  assert.is(checkSignature(signed, trusted).status, "Valid");
  assert.is(checkSignature(signed.replace("'b'", "'c'"), trusted).status, "HashMismatch");
  assert.is(checkSignature(signed + "'added'\n", trusted).status, "HashMismatch");
  assert.is(checkSignature(signed.replace(/# SIG # Signature: .*\n/, ""), trusted).status, "HashMismatch");
  assert.is(checkSignature(signed, new Set()).status, "NotTrusted");
  assert.is(checkSignature("'a'\n", trusted).status, "NotSigned");
});

format("line endings are normalized (CRLF signs as LF); signing again replaces the block; another key is NotTrusted", () => {
  const first = generateKeyPair();
  const second = generateKeyPair();
  const crlf = signText("'a'\r\n'b'\r\n", first.privateKey);
  assert.ok(crlf.includes("\r\n# SIG # End signature block\r\n"));
  assert.is(checkSignature(crlf.replaceAll("\r\n", "\n"), new Set([first.publicKey])).status, "Valid");
  const resigned = signText(crlf, second.privateKey);
  assert.is(resigned.split("# SIG # Begin signature block").length, 2);
  assert.is(checkSignature(resigned, new Set([second.publicKey])).status, "Valid");
  const forged = resigned.replace(second.publicKey, first.publicKey);
  assert.is(checkSignature(forged, new Set([first.publicKey])).status, "HashMismatch");
});

const cli = suite("signing: keygen, sign and the execution policies (CLI)");

let home = "";
let system = "";
cli.before.each(() => {
  home = Deno.makeTempDirSync({ prefix: "rsh-sign-" });
  system = Deno.makeTempDirSync({ prefix: "rsh-sign-etc-" });
});
cli.after.each(() => {
  Deno.removeSync(home, { recursive: true });
  Deno.removeSync(system, { recursive: true });
});

const rsh = (args: string[], policy?: string) =>
  runRsh(args, { env: { HOME: home, RSH_SYSTEM_CONFIG_DIR: system, ...(policy ? { PSExecutionPolicyPreference: policy } : {}) } });

/** Makes the default key with `rsh keygen`; `trust` adds its public key to the user's trusted publishers. */
async function keygen(trust: boolean): Promise<string> {
  const made = await rsh(["keygen"]);
  assert.is(made.code, 0, made.stderr);
  const publicLine = Deno.readTextFileSync(`${home}/.config/rsh/signing-key.pub`);
  if (trust) Deno.writeTextFileSync(`${home}/.config/rsh/trusted-publishers`, `# our publishers\n${publicLine}`);
  return publicLine.split(" ")[0];
}

async function script(name: string, text: string, sign: boolean): Promise<string> {
  const path = `${home}/${name}`;
  Deno.writeTextFileSync(path, text);
  if (sign) {
    const signed = await rsh(["sign", path]);
    assert.is(signed.code, 0, signed.stderr);
  }
  return path;
}

const status = (path: string) => rsh(["-NoProfile", "-c", `(Get-RshSignature '${path}').Status`]);

cli("rsh keygen writes a private key (mode 0600) and a .pub line; it will not overwrite without --force", async () => {
  const key = await keygen(false);
  assert.match(key, /^ed25519:[A-Za-z0-9_-]{43}$/);
  assert.is(Deno.statSync(`${home}/.config/rsh/signing-key`).mode! & 0o777, 0o600);
  const again = await rsh(["keygen"]);
  assert.is(again.code, 1);
  assert.match(again.stderr, /already exists; use --force/);
  assert.is((await rsh(["keygen", "--force"])).code, 0);
});

cli("Get-RshSignature reports NotSigned, NotTrusted, Valid and HashMismatch (as Get-AuthenticodeSignature)", async () => {
  const unsigned = await script("plain.rsh", "'plain'\n", false);
  await keygen(false);
  const signed = await script("signed.rsh", "'signed'\n", true);
  assert.is((await status(unsigned)).stdout, "NotSigned\n");
  assert.is((await status(signed)).stdout, "NotTrusted\n");
  Deno.writeTextFileSync(`${home}/.config/rsh/trusted-publishers`, Deno.readTextFileSync(`${home}/.config/rsh/signing-key.pub`));
  const r = await rsh(["-NoProfile", "-c", `$s = Get-RshSignature '${signed}'; $s.Status; $s.SignatureType; $s.Path; $s.SignerKey -like 'ed25519:*'`]);
  assert.is(r.stdout, `Valid\nEd25519\n${signed}\nTrue\n`);
  Deno.writeTextFileSync(signed, Deno.readTextFileSync(signed).replace("'signed'", "'tampered'"));
  assert.is((await status(signed)).stdout, "HashMismatch\n");
});

cli("AllSigned runs a trusted signed script and refuses unsigned, tampered and untrusted ones", async () => {
  const unsigned = await script("plain.rsh", "'plain'\n", false);
  await keygen(true);
  const signed = await script("signed.rsh", "'signed ran'\n", true);
  const ok = await rsh(["-NoProfile", signed], "AllSigned");
  assert.is(ok.stdout, "signed ran\n");
  assert.is(ok.code, 0);
  const refused = await rsh(["-NoProfile", unsigned], "AllSigned");
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /The file .*plain\.rsh is not digitally signed/);
  Deno.writeTextFileSync(signed, Deno.readTextFileSync(signed).replace("'signed ran'", "Remove-Item -Recurse ~"));
  const tampered = await rsh(["-NoProfile", signed], "AllSigned");
  assert.is(tampered.code, 1);
  assert.is(tampered.stdout, "");
  assert.match(tampered.stderr, /HashMismatch/);
  Deno.removeSync(`${home}/.config/rsh/trusted-publishers`);
  const resigned = await script("again.rsh", "'again'\n", true);
  const untrusted = await rsh(["-NoProfile", resigned], "AllSigned");
  assert.match(untrusted.stderr, /is published by ed25519:\S+ and is not trusted on your system/);
  assert.is(untrusted.stdout, "");
});

cli("the machine's trusted-publishers file counts too", async () => {
  await keygen(false);
  Deno.writeTextFileSync(`${system}/trusted-publishers`, Deno.readTextFileSync(`${home}/.config/rsh/signing-key.pub`));
  const signed = await script("signed.rsh", "'machine trusted'\n", true);
  assert.is((await rsh(["-NoProfile", signed], "AllSigned")).stdout, "machine trusted\n");
});

cli("AllSigned applies to & ./x.rsh, dot-sourcing and the profile", async () => {
  await keygen(true);
  await script("inner.rsh", "'inner ran'\n", false);
  Deno.writeTextFileSync(`${home}/.config/rsh/profile.rsh`, "$global:fromProfile = 'profile ran'\n");
  const r = await rsh(["-c", `Set-Location '${home}'; 'command ran'; & ./inner.rsh; . ./inner.rsh; $fromProfile`], "AllSigned");
  assert.is(r.stdout, "command ran\n");
  assert.match(r.stderr, /File .*profile\.rsh cannot be loaded\. The file .* is not digitally signed/);
  assert.is(r.stderr.match(/inner\.rsh cannot be loaded\. The file .* is not digitally signed/g)?.length, 2);
  await rsh(["sign", `${home}/inner.rsh`, `${home}/.config/rsh/profile.rsh`]);
  const signed = await rsh(["-c", `Set-Location '${home}'; & ./inner.rsh; . ./inner.rsh; $fromProfile`], "AllSigned");
  assert.is(signed.stdout, "inner ran\ninner ran\nprofile ran\n");
  assert.is(signed.stderr, "");
});

cli("RemoteSigned: local scripts run unsigned; a script with a zone file (FILE.remote) needs a trusted signature", async () => {
  await keygen(true);
  const local = await script("local.rsh", "'local ran'\n", false);
  assert.is((await rsh(["-NoProfile", local], "RemoteSigned")).stdout, "local ran\n");
  const remote = await script("remote.rsh", "'remote ran'\n", false);
  Deno.writeTextFileSync(`${remote}.remote`, "downloaded from https://example.com/remote.rsh\n");
  const refused = await rsh(["-NoProfile", "-c", `Set-Location '${home}'; & ./remote.rsh`], "RemoteSigned");
  assert.is(refused.stdout, "");
  assert.match(refused.stderr, /remote\.rsh cannot be loaded\. The file .* is not digitally signed/);
  await rsh(["sign", remote]);
  assert.is((await rsh(["-NoProfile", remote], "RemoteSigned")).stdout, "remote ran\n");
});

cli("Unrestricted runs a remote script with a warning; Bypass without one; Unblock-File removes the zone mark", async () => {
  const remote = await script("remote.rsh", "'remote ran'\n", false);
  Deno.writeTextFileSync(`${remote}.remote`, "");
  const warned = await rsh(["-NoProfile", remote], "Unrestricted");
  assert.is(warned.stdout, "remote ran\n");
  assert.match(warned.stderr, /^WARNING: Run only scripts that you trust\. .*remote\.rsh came from another computer/);
  const bypass = await rsh(["-NoProfile", remote], "Bypass");
  assert.is(bypass.stdout, "remote ran\n");
  assert.is(bypass.stderr, "");
  const unblocked = await rsh(["-NoProfile", "-c", `Set-Location '${home}'; Unblock-File ./remote.rsh; & ./remote.rsh`], "RemoteSigned");
  assert.is(unblocked.stdout, "remote ran\n");
  assert.is(unblocked.stderr, "");
});

cli("a script fetched from a URL is remote: RemoteSigned runs it only signed by a trusted publisher", async () => {
  await keygen(true);
  const signed = await script("signed.rsh", "'fetched and signed'\n", true);
  const scripts: Record<string, string> = { "/plain.rsh": "'fetched'\n", "/signed.rsh": Deno.readTextFileSync(signed) };
  const web = createServer((request, response) => {
    const body = scripts[request.url ?? ""];
    response.writeHead(body === undefined ? 404 : 200).end(body ?? "");
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  try {
    const refused = await rsh(["-NoProfile", `${base}/plain.rsh`], "RemoteSigned");
    assert.is(refused.stdout, "");
    assert.match(refused.stderr, new RegExp(`File ${base}/plain\\.rsh cannot be loaded\\. The file .* is not digitally signed`));
    assert.is((await rsh(["-NoProfile", `${base}/signed.rsh`], "RemoteSigned")).stdout, "fetched and signed\n");
    const warned = await rsh(["-NoProfile", `${base}/plain.rsh`], "Unrestricted");
    assert.is(warned.stdout, "fetched\n");
    assert.match(warned.stderr, /^WARNING: Run only scripts that you trust/);
    const missing = await rsh(["-NoProfile", `${base}/nothing.rsh`]);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, /Cannot fetch the script .*nothing\.rsh: the server answered 404/);
  } finally {
    web.close();
  }
});

const server = suite("signing: a server's trustedPublishers");

server("a server session trusts the config's trustedPublishers under AllSigned; a bad key stops the server at start", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-sign-server-" });
  const trusted = generateKeyPair();
  const stranger = generateKeyPair();
  Deno.writeTextFileSync(`${dir}/ours.rsh`, signText("'signed by us'\n", trusted.privateKey));
  Deno.writeTextFileSync(`${dir}/theirs.rsh`, signText("'signed by a stranger'\n", stranger.privateKey));
  Deno.writeTextFileSync(`${dir}/bad.json`, JSON.stringify({ trustedPublishers: ["not-a-key"] }));
  const refused = await runRsh(["serve", "--port", "0", "--config", `${dir}/bad.json`], { env: { HOME: dir } });
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /'trustedPublishers' must be a list of public keys as 'rsh keygen' writes them/);
  const running = await startServer({ config: { trustedPublishers: [trusted.publicKey] } });
  try {
    const r = await runRsh(["-NoProfile", "-c", `Invoke-Command -ComputerName localhost -Port ${running.port} { ` +
      `Set-ExecutionPolicy AllSigned -Scope Process; & '${dir}/ours.rsh'; & '${dir}/theirs.rsh' }`], { env: { HOME: running.home } });
    assert.is(r.stdout, "signed by us\n");
    assert.match(r.stderr, /theirs\.rsh cannot be loaded\. The file .* is published by ed25519:\S+ and is not trusted on your system/);
  } finally {
    await running.stop();
    Deno.removeSync(dir, { recursive: true });
  }
});

for (const s of [format, cli, server]) s.run();
