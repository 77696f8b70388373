/**
 * The embedding API (src/mod.ts) as another program uses it: plain JS results, streams, cancellation, host commands
 * with the built-ins' binder, a host of its own, and remote sessions and a server in-process (on 127.0.0.1:0).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  type BuiltinCommand,
  invokeStream,
  LocalRunspace,
  RemoteComputer,
  remotingCommands,
  RshServer,
  serverConfig,
  toPlain,
} from "../src/mod.ts";
import { Deno } from "../src/platform.ts";
import { inspect } from "node:util";

const api = suite("embedding: the public API");

api("results as plain JS values: objects and hashtables as plain objects in order, arrays, dates", async () => {
  const runspace = new LocalRunspace({ variables: { settings: { depth: 2, tags: ["a", "b"] } } });
  const { output } = await runspace.invoke("[pscustomobject]@{ Name = 'x'; Size = 3 }; [ordered]@{ b = 1; a = @(1, 'two') }; $settings.tags; [datetime]'2020-01-02'; $null");
  const plain = output.map((v) => toPlain(v));
  assert.equal(plain.slice(0, 4), [{ Name: "x", Size: 3 }, { b: 1, a: [1, "two"] }, "a", "b"]);
  assert.ok(plain[4] instanceof Date);
  assert.is(plain[5], null);
  assert.equal(Object.keys(plain[1] as object), ["b", "a"]);
});

api("invokeStream yields every stream's records in order; breaking out stops the script", async () => {
  const runspace = new LocalRunspace();
  const seen: string[] = [];
  for await (const record of invokeStream(runspace, "Write-Warning 'first'; 1; Write-Verbose 'v' -Verbose; 2")) seen.push(`${record.stream}:${record.value}`);
  assert.equal(seen, ["warning:first", "output:1", "verbose:v", "output:2"]);
  let count = 0;
  for await (const record of invokeStream(runspace, "$global:produced = 0; while ($true) { $global:produced++; $global:produced }")) {
    if (record.stream === "output" && ++count === 5) break;
  }
  const { output } = await runspace.invoke("$global:produced -lt 100000");
  assert.equal(output, [true], "the loop was stopped, not left running");
  assert.is(runspace.availability, "Available");
});

api("an AbortSignal cancels a running invoke", async () => {
  const runspace = new LocalRunspace();
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 50);
  const result = await runspace.invoke("while ($true) { }", { signal: abort.signal });
  assert.ok(result.stopped);
});

api("host commands use the built-ins' binder: named, positional, pipeline and switch parameters, and its errors", async () => {
  const calls: string[] = [];
  const greet: BuiltinCommand = {
    name: "Get-Greeting",
    parameters: [
      { name: "Name", position: 0, type: "string", mandatory: true },
      { name: "Times", type: "int" },
      { name: "Shout", type: "switch" },
      { name: "InputObject", pipeline: true, type: "object" },
    ],
    process(ctx, params, input) {
      const name = String(input ?? params.get("Name"));
      const text = `hello ${name}`.repeat(Number(params.get("Times") ?? 1));
      calls.push(String(ctx.scope.lookup("caller")?.value));
      return ctx.emit(params.get("Shout") ? text.toUpperCase() : text);
    },
  };
  const runspace = new LocalRunspace({ commands: [greet], variables: { caller: "tests" } });
  const r = await runspace.invoke("Get-Greeting ada; Get-Greeting -Name bo -Times 2 -Shout; 'cy' | Get-Greeting -Name x; Get-Greeting -Times many x");
  assert.equal(r.output, ["hello ada", "HELLO BOHELLO BO", "hello cy"]);
  assert.match(r.errors[0].message, /Cannot process argument transformation on parameter 'Times'/);
  assert.equal(calls, ["tests", "tests", "tests"]);
  const missing = await runspace.invoke("Get-Greeting");
  assert.match(missing.errors[0].message, /Name/);
});

api("plain JS objects a host command writes arrive as objects scripts can use (properties, JSON)", async () => {
  const thing: BuiltinCommand = { name: "Get-Thing", parameters: [], process: (ctx) => ctx.emit({ Name: "x", Tags: ["a"], Meta: { k: 1 } }) };
  const runspace = new LocalRunspace({ commands: [thing] });
  const r = await runspace.invoke("$t = Get-Thing; $t.Name; $t.Meta.k; Get-Thing | ConvertTo-Json -Compress");
  assert.equal(r.output, ["x", 1, '{"Name":"x","Tags":["a"],"Meta":{"k":1}}']);
});

api("the embedder's host decides where Write-Host, Read-Host and Write-Progress go", async () => {
  const shown: string[] = [];
  const runspace = new LocalRunspace({
    host: {
      output: () => {},
      error: () => {},
      host: (text) => void shown.push(`host:${text.trim()}`),
      progress: (record) => void shown.push(`progress:${toPlain(record) && (toPlain(record) as { Activity: string }).Activity}`),
      prompt: (text, secret) => Promise.resolve(secret ? "hidden" : `answer to ${text}`),
    },
  });
  const r = await runspace.run((await import("../src/mod.ts")).parseOrThrow("Write-Host 'hi'; Write-Progress -Activity Copy; $a = Read-Host 'Name'; Write-Host $a"), { source: "" });
  assert.is(r.failed, false);
  assert.equal(shown, ["host:hi", "progress:Copy", "host:answer to Name:"]);
});

api("execution policy and environment are options of the runspace", async () => {
  const home = Deno.makeTempDirSync({ prefix: "rsh-embed-" });
  try {
    Deno.writeTextFileSync(`${home}/s.rsh`, "'ran'");
    const restricted = new LocalRunspace({ executionPolicy: "Restricted", location: home, env: { HOME: home } });
    const r = await restricted.invoke("./s.rsh");
    assert.match(r.errors[0].message, /running scripts is disabled on this system/);
    const open = new LocalRunspace({ location: home, env: { HOME: home } });
    assert.equal((await open.invoke("./s.rsh")).output, ["ran"]);
  } finally {
    Deno.removeSync(home, { recursive: true });
  }
});

const remote = suite("embedding: a server in-process and remote sessions");

remote("an in-process server with the embedder's authenticate hook; RemoteComputer opens, lists, attaches and receives", async () => {
  const home = Deno.makeTempDirSync({ prefix: "rsh-embed-server-" });
  const server = await RshServer.start({
    config: serverConfig({ idleTimeoutSec: 600 }),
    host: "127.0.0.1",
    port: 0,
    osUser: "owner",
    home,
    env: {},
    authenticate: (user, password) => (user === "ops" && password === "s3cret" ? "ops" : null),
  });
  try {
    const port = Number(server.url.split(":").at(-1));
    const target = { computerName: "127.0.0.1", port, credential: { user: "ops", password: "s3cret" } };
    try {
      await RemoteComputer.connect({ ...target, credential: { user: "ops", password: "wrong" } });
      assert.unreachable("a wrong password is denied");
    } catch (e) {
      assert.match((e as Error).message, /Access is denied\./);
    }
    const computer = await RemoteComputer.connect(target);
    const session = await computer.open("work");
    assert.equal((await session.invoke("$x = 20; $x + 1")).output, [21]);
    await session.start("1..3 | ForEach-Object { $_; Start-Sleep -Milliseconds 50 }");
    await session.disconnect();
    assert.is(session.state, "Disconnected");
    const listed = await computer.list();
    assert.equal(listed.map((s) => [s.name, s.state]), [["work", "Disconnected"]]);
    await computer.close();
    // Another client (a new connection) attaches and receives what the command wrote.
    const other = await RemoteComputer.connect(target);
    const attached = await other.attach(listed[0].instanceId);
    const received: unknown[] = [];
    await attached.receive((r) => void (r.stream === "output" && received.push(r.value)));
    assert.equal(received, [1, 2, 3]);
    assert.equal((await attached.invoke("$x")).output, [20]);
    await attached.close();
    await other.close();
  } finally {
    await server.close();
    Deno.removeSync(home, { recursive: true });
  }
});

remote("a LocalRunspace with the remoting cmdlets drives the server like the CLI does", async () => {
  const home = Deno.makeTempDirSync({ prefix: "rsh-embed-cmdlets-" });
  const server = await RshServer.start({ config: serverConfig(), host: "127.0.0.1", port: 0, osUser: "me", home, env: {} });
  try {
    const port = Number(server.url.split(":").at(-1));
    const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: home } });
    const r = await runspace.invoke(`Invoke-Command -ComputerName localhost -Port ${port} { [pscustomobject]@{ Where = 'remote' } }`);
    assert.equal(toPlain(r.output[0]), { Where: "remote", PSComputerName: "localhost", RunspaceId: (toPlain(r.output[0]) as { RunspaceId: string }).RunspaceId });
    // A remote scalar carries PSComputerName for scripts, but to JS it is its value: map(toPlain), JSON, inspection.
    const scalars = await runspace.invoke(`Invoke-Command -ComputerName localhost -Port ${port} { 42; 'text' }`);
    assert.equal(scalars.output.map(toPlain), [42, "text"]);
    assert.is(JSON.stringify(scalars.output), '[42,"text"]');
    assert.is(inspect(scalars.output[0]), "42");
    assert.is(Number(scalars.output[0]) + 1, 43);
    await runspace.close();
  } finally {
    await server.close();
    Deno.removeSync(home, { recursive: true });
  }
});

for (const s of [api, remote]) s.run();
