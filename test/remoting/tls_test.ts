/**
 * TLS end to end: a certificate made with openssl when the test runs, a real `rsh serve` speaking wss://, real client
 * processes. The client verifies the certificate: refused (PowerShell's "unknown certificate authority" error) until
 * its authority is trusted (RSH_CA_CERTS), or verification is skipped with -SkipCACheck, which warns.
 */
import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { runRsh } from "../support/rsh_process.ts";
import { startServer, type TestServer } from "../support/rsh_server.ts";

const tls = suite("TLS: wss:// with a certificate made at test time");

let server: TestServer;
let dir = "";

tls.before(async () => {
  dir = Deno.makeTempDirSync({ prefix: "rsh-tls-" });
  const made = spawnSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
    "-keyout", `${dir}/server.key`, "-out", `${dir}/server.crt`, "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost",
  ], { encoding: "utf8" });
  assert.is(made.status, 0, made.stderr);
  server = await startServer({ config: { tls: { cert: `${dir}/server.crt`, key: `${dir}/server.key` } } });
});

tls.after(async () => {
  await server.stop();
  Deno.removeSync(dir, { recursive: true });
});

const client = (script: string, env: Record<string, string> = {}) =>
  runRsh(["-NoProfile", "-c", script], { env: { HOME: server.home, ...env }, timeoutMs: 30_000 });

tls("the server listens on wss://", () => {
  assert.match(server.url, /^wss:\/\/127\.0\.0\.1:\d+$/);
});

tls("an untrusted certificate is refused with a clear error, at once (no retries), and nothing runs", async () => {
  const r = await client(`Invoke-Command -ComputerName localhost -Port ${server.port} -UseSSL { 'never' }; 'after'`);
  assert.is(r.stdout, "after\n");
  assert.match(r.stderr, new RegExp(
    `Connecting to remote server localhost failed with the following error message : The server certificate on the destination computer \\(localhost:${server.port}\\) has the following errors: The SSL certificate is signed by an unknown certificate authority`,
  ));
  assert.match(r.stderr, /New-PSSessionOption -SkipCACheck/);
  assert.not.match(r.stderr, /reconnect/i);
});

tls("-SkipCACheck connects (-UseSSL or a wss:// URI) and warns loudly that nothing is verified", async () => {
  const skip = "-SessionOption (New-PSSessionOption -SkipCACheck)";
  const r = await client(`Invoke-Command -ComputerName localhost -Port ${server.port} -UseSSL ${skip} { 'over tls' }; ` +
    `Invoke-Command -ComputerName wss://localhost:${server.port} ${skip} { 'by uri' }`);
  assert.is(r.stdout, "over tls\nby uri\n");
  assert.match(r.stderr, /WARNING: SkipCACheck: the certificate of localhost is NOT verified\. Anyone on the network path can pose as the server/);
});

tls("a verified connection never reuses one made with -SkipCACheck", async () => {
  const r = await client(`Invoke-Command -ComputerName localhost -Port ${server.port} -UseSSL -SessionOption (New-PSSessionOption -SkipCACheck) { 'skipped' }; ` +
    `Invoke-Command -ComputerName localhost -Port ${server.port} -UseSSL { 'must not run' }`);
  assert.is(r.stdout, "skipped\n");
  assert.match(r.stderr, /unknown certificate authority/);
});

tls("trusting the certificate's authority (RSH_CA_CERTS) verifies it: no skip, no warning", async () => {
  const r = await client(`Invoke-Command -ComputerName localhost -Port ${server.port} -UseSSL { 'verified' }`, { RSH_CA_CERTS: `${dir}/server.crt` });
  assert.is(r.stdout, "verified\n");
  assert.is(r.stderr, "");
  // The certificate names localhost only: 127.0.0.1 is the same server under a name it does not carry.
  const byAddress = `Invoke-Command -ComputerName 127.0.0.1 -Port ${server.port} -UseSSL`;
  const wrongName = await client(`${byAddress} { 'never' }`, { RSH_CA_CERTS: `${dir}/server.crt` });
  assert.is(wrongName.stdout, "");
  assert.match(wrongName.stderr, /The SSL certificate contains a common name \(CN\) that does not match the hostname/);
  const skipName = await client(`${byAddress} -SessionOption (New-PSSessionOption -SkipCNCheck) { 'name not checked' }`, { RSH_CA_CERTS: `${dir}/server.crt` });
  assert.is(skipName.stdout, "name not checked\n");
  assert.match(skipName.stderr, /WARNING: SkipCNCheck: the certificate of 127\.0\.0\.1 is NOT verified\. Anyone with a certificate from an authority you trust/);
});

tls("a plain ws:// client cannot talk to the wss:// server", async () => {
  const r = await client(`Invoke-Command -ComputerName localhost -Port ${server.port} { 'never' }`);
  assert.is(r.stdout, "");
  assert.match(r.stderr, /Connecting to remote server localhost failed/);
});

tls.run();
