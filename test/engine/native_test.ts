/**
 * Native programs found on PATH run as commands (about_Parsing): arguments as strings, pipeline input on stdin,
 * stdout lines back into the pipeline, $LASTEXITCODE and $? from the exit code.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { Deno } from "../../src/platform.ts";
import { formatValue, LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { runRsh } from "../support/rsh_process.ts";

const native = suite("engine: native programs");

async function run(source: string) {
  const out: string[] = [];
  const errors: string[] = [];
  const runspace = new LocalRunspace({
    host: { output: (v) => void out.push(formatValue(v)), error: (r) => void errors.push(r.message), host: () => {} },
    env: Deno.env.toObject(),
    location: Deno.cwd(),
  });
  await runspace.run(parseOrThrow(source), { source });
  return { out, errors };
}

native("a program's stdout lines become pipeline objects", async () => {
  const r = await run("printf 'b\\na\\n' | ForEach-Object { \"[$_]\" }");
  assert.equal(r.out, ["[b]", "[a]"]);
});

native("pipeline input goes to the program's stdin, one object per line", async () => {
  const r = await run("'pear', 'apple' | sort");
  assert.equal(r.out, ["apple", "pear"]);
});

native("arguments are passed as strings; arrays become several arguments", async () => {
  const r = await run("$words = 'x', 'y'; printf '%s-' a $words 3");
  assert.equal(r.out, ["a-x-y-3-"]);
});

native("$LASTEXITCODE holds the exit code and a failure sets $? to false", async () => {
  // $? describes the statement just before it, so it is read first.
  const r = await run("false; $?; $LASTEXITCODE; true; $?; $LASTEXITCODE");
  assert.equal(r.out, ["False", "1", "True", "0"]);
});

native("output streams: a line reaches the pipeline while the program still runs (it waits for what the line caused)", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-native-" });
  try {
    const script = `sh -c 'echo first; while [ ! -f ${dir}/flag ]; do sleep 0.05; done; echo second' | ForEach-Object { if ($_ -eq 'first') { Set-Content ${dir}/flag x }; $_ }`;
    const r = await run(script);
    assert.equal(r.out, ["first", "second"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

native("a running program does not hold other sessions, and a stop ends it", async () => {
  const busy = new LocalRunspace({ env: Deno.env.toObject(), location: Deno.cwd() });
  const other = new LocalRunspace();
  const started = performance.now();
  const sleeping = busy.invoke("sleep 30");
  await new Promise((r) => setTimeout(r, 100));
  assert.equal((await other.invoke("1 + 1")).output, [2]);
  await busy.stop();
  assert.ok((await sleeping).stopped);
  assert.ok(performance.now() - started < 10_000, "sleep 30 was ended by the stop");
});

native("a name found nowhere is still CommandNotFound", async () => {
  const r = await run("definitely-not-a-program-rsh");
  assert.match(r.errors[0], /The term 'definitely-not-a-program-rsh' is not recognized/);
});

// about_Redirection: `2>&1` sends a native program's stderr to the output stream as error records (pwsh wraps each
// line in a NativeCommandError ErrorRecord), in the order the program wrote them.
native("2>&1: stderr lines join the output as NativeCommandError records, in the order written", async () => {
  const r = await run(`$r = sh -c 'echo out1; echo err1 >&2; sleep 0.1; echo out2' 2>&1
$r | ForEach-Object { "$($_.GetType().Name): $_" }
($r | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId`);
  assert.equal(r.out, ["String: out1", "ErrorRecord: err1", "String: out2", "NativeCommandError"]);
  assert.equal(r.errors, []);
});

native("2>$null drops stderr; 2> FILE writes it; stdout is untouched", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-native-" });
  try {
    const r = await run(`sh -c 'echo kept; echo dropped >&2' 2>$null; sh -c 'echo filed >&2' 2> '${dir}/err.txt'; Get-Content '${dir}/err.txt'`);
    assert.equal(r.out, ["kept", "filed"]);
    assert.equal(r.errors, []);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

// A session nobody watches on a terminal (an embedder, a job, a remote session) would lose stderr if it passed through
// to the process's own: its lines become error records instead, as in a pwsh job.
native("with no terminal host, stderr lines arrive on the error stream", async () => {
  const r = await run("sh -c 'echo to-err >&2; echo to-out'");
  assert.equal(r.out, ["to-out"]);
  assert.equal(r.errors, ["to-err"]);
});

native("on the CLI a program's stderr passes straight through to rsh's stderr, as in pwsh", async () => {
  const r = await runRsh(["-NoProfile", "-c", "sh -c 'echo raw-line >&2; echo out'"]);
  assert.is(r.stdout, "out\n");
  assert.is(r.stderr, "raw-line\n");
  assert.is(r.code, 0);
});

native.run();
