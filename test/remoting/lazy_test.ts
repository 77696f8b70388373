/** The CLI's lazily loaded remoting cmdlets (src/remoting/lazy.ts) are exactly the cmdlets, by name and alias. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { remotingCommands } from "../../src/remoting/cmdlets.ts";
import { lazyRemotingCommands } from "../../src/remoting/lazy.ts";

const lazy = suite("remoting: the lazily loaded cmdlets");

lazy("every remoting cmdlet has a stub with its name and aliases, and each stub loads its cmdlet", async () => {
  const shape = (list: readonly { name: string; aliases?: string[] }[]) => list.map((c) => `${c.name}:${(c.aliases ?? []).join(",")}`).sort();
  assert.equal(shape(lazyRemotingCommands), shape(remotingCommands));
  for (const stub of lazyRemotingCommands) assert.is(await stub.load!(), remotingCommands.find((c) => c.name === stub.name));
});

lazy.run();
