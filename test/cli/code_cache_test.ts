/**
 * Node's `rsh` (bin/rsh.js) compiles dist/rsh.cjs with a V8 code cache: made when missing, never trusted when it
 * belongs to another build or is damaged. Each case runs the real bin on a copy of bin/ and the bundle, so that it
 * can break the cache without touching the working tree's.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../../src/platform.ts";

const cache = suite("cli: the V8 code cache of Node's rsh");

let dir = "";

const cacheFile = () => `${dir}/dist/rsh.cjs.cache`;

function run(script: string) {
  const r = spawnSync(process.execPath, [`${dir}/bin/rsh.js`, "-c", script], { encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cache's first line: the bundle's build id (the bundle's first line), the Node version and the architecture. */
function stampOf(): string {
  const bytes = Deno.readFileSync(cacheFile());
  return new TextDecoder("latin1").decode(bytes.subarray(0, bytes.indexOf(10)));
}

function expectedStamp(): string {
  const bundle = Deno.readTextFileSync(`${dir}/dist/rsh.cjs`);
  return `${bundle.slice(0, bundle.indexOf("\n"))} ${process.version} ${process.arch}`;
}

if (runtime === "node") {
  cache.before(() => {
    dir = Deno.makeTempDirSync({ prefix: "rsh-code-cache-" });
    Deno.mkdirSync(`${dir}/bin`);
    Deno.mkdirSync(`${dir}/dist`);
    for (const file of ["rsh.js", "package.json"]) Deno.copyFileSync(`bin/${file}`, `${dir}/bin/${file}`);
    Deno.copyFileSync("dist/rsh.cjs", `${dir}/dist/rsh.cjs`);
  });
  cache.after(() => Deno.removeSync(dir, { recursive: true }));

  cache("without a cache rsh runs, and leaves one stamped with its build and Node version", () => {
    assert.throws(() => Deno.statSync(cacheFile()), "a fresh copy has no cache");
    const r = run("'no cache'; 1 + 1");
    assert.equal(r, { code: 0, stdout: "no cache\n2\n", stderr: "" });
    assert.is(stampOf(), expectedStamp());
  });

  cache("with the cache rsh behaves the same: output, errors and exit status", () => {
    assert.is(stampOf(), expectedStamp());
    const r = run("'a'; Write-Error 'oops'; exit 3");
    assert.is(r.stdout, "a\n");
    assert.match(r.stderr, /oops/);
    assert.is(r.code, 3);
  });

  cache("a cache of another build is not used, and is replaced by this build's", () => {
    const other = expectedStamp().replace(/rsh-build \S+/, "rsh-build 0123456789abcdef");
    Deno.writeFileSync(cacheFile(), new Uint8Array([...new TextEncoder().encode(other + "\n"), ...Deno.readFileSync(cacheFile()).subarray(other.length + 1)]));
    assert.equal(run("'other build'"), { code: 0, stdout: "other build\n", stderr: "" });
    assert.is(stampOf(), expectedStamp());
  });

  cache("a damaged cache of this build is refused by V8 and rsh still runs correctly", () => {
    const stamp = new TextEncoder().encode(expectedStamp() + "\n");
    Deno.writeFileSync(cacheFile(), new Uint8Array([...stamp, ...new Uint8Array(4096).fill(7)]));
    assert.equal(run("'damaged'; 6 * 7"), { code: 0, stdout: "damaged\n42\n", stderr: "" });
  });
}
cache.run();
