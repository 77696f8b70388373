/**
 * Native programs found on PATH run as commands (about_Parsing): arguments as strings, pipeline input on stdin,
 * stdout lines back into the pipeline, $LASTEXITCODE and $? from the exit code.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { Deno } from "../../src/platform.ts";
import { formatValue, LocalRunspace } from "../../src/runspace/local_runspace.ts";

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

native.run();
