/**
 * Redirection targets (about_Redirection) are paths relative to the session's location, not the process's working
 * directory: a session (a server's, a restricted one) writes where its `$PWD` is, and nowhere else by accident.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

const redirection = suite("redirection: relative targets");

redirection("'> file' and '2> file' write under the session's location; an absolute path stays as written", async () => {
  const location = Deno.makeTempDirSync({ prefix: "rsh-redirect-" });
  const elsewhere = Deno.makeTempDirSync({ prefix: "rsh-redirect-abs-" });
  const runspace = new LocalRunspace({ location });
  try {
    const r = await runspace.invoke(`'out' > out.txt; Write-Error 'bad' 2> err.txt; 'abs' > ${elsewhere}/abs.txt`);
    assert.equal(r.errors, []);
    assert.is(Deno.readTextFileSync(`${location}/out.txt`), "out\n");
    assert.is(Deno.readTextFileSync(`${location}/err.txt`), "bad\n");
    assert.is(Deno.readTextFileSync(`${elsewhere}/abs.txt`), "abs\n");
    let leaked = true;
    try {
      Deno.statSync(`${Deno.cwd()}/out.txt`);
    } catch {
      leaked = false;
    }
    assert.not.ok(leaked, "nothing written in the process's directory");
  } finally {
    await runspace.close();
    Deno.removeSync(location, { recursive: true });
    Deno.removeSync(elsewhere, { recursive: true });
  }
});

redirection.run();
