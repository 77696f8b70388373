/** The scripts in examples/ run as documented (through the real CLI, on the runtime under test). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runRsh } from "../support/rsh_process.ts";

const examples = suite("examples: documented scripts");

examples("hello.rsh binds -Name and -Times", async () => {
  const r = await runRsh(["examples/hello.rsh", "-Name", "Ada", "-Times", "2"]);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "Hello, Ada! (1)\nHello, Ada! (2)\n");
});

examples("pipeline.rsh filters, sorts and summarises objects", async () => {
  const r = await runRsh(["examples/pipeline.rsh"]);
  assert.is(r.stdout, "Alan (1912)\nGrace (1906)\nAverage year: 1,877.7\n");
});

examples("errors.rsh catches a terminating error and survives a non-terminating one", async () => {
  const r = await runRsh(["examples/errors.rsh"]);
  assert.is(r.stdout, "2.5\ncaught: cannot divide 1 by zero\ndone\nstill running\n");
  assert.is(r.code, 0);
});

examples.run();
