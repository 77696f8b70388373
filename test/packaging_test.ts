/**
 * The package as a Node consumer sees it: `import … from "rsh"` resolves to the bundle and to type declarations
 * (package.json "exports"/"types", built into dist/ by `npm install`'s prepare step), and TypeScript checks a
 * consumer's code against them.
 */
import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno, runtime } from "../src/platform.ts";

const packaging = suite("packaging: the public API for Node consumers");

const CONSUMER = `import { LocalRunspace, toPlain, type BuiltinCommand } from "rsh";
const command: BuiltinCommand = { name: "Get-One", parameters: [], process: (ctx) => ctx.emit(1) };
const runspace = new LocalRunspace({ commands: [command] });
const result = await runspace.invoke("Get-One");
const count: number = result.output.length;
console.log(JSON.stringify([toPlain(result.output[0]), count]));
`;

function consumer(source: string): { dir: string; check: () => { status: number | null; out: string } } {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-consumer-" });
  Deno.writeTextFileSync(`${dir}/package.json`, JSON.stringify({ type: "module" }));
  Deno.writeTextFileSync(`${dir}/use.ts`, source);
  Deno.mkdirSync(`${dir}/node_modules`);
  Deno.symlinkSync(Deno.cwd(), `${dir}/node_modules/rsh`);
  const tsc = `${Deno.cwd()}/node_modules/typescript/bin/tsc`;
  const args = [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck",
    "--types", "node", "--typeRoots", `${Deno.cwd()}/node_modules/@types`, "use.ts"];
  return {
    dir,
    check: () => {
      const r = spawnSync("node", args, { cwd: dir, encoding: "utf8" });
      return { status: r.status, out: r.stdout + r.stderr };
    },
  };
}

if (runtime === "node") {
  packaging("a TypeScript consumer type-checks against dist/types, and a type error in it is caught", () => {
    assert.ok(Deno.statSync("dist/types/src/mod.d.ts").isFile, "npm install / npm run build made the declarations");
    const good = consumer(CONSUMER);
    const bad = consumer(CONSUMER.replace("const count: number", "const count: string"));
    try {
      const ok = good.check();
      assert.is(ok.status, 0, ok.out);
      const failed = bad.check();
      assert.is(failed.status, 2);
      assert.match(failed.out, /Type 'number' is not assignable to type 'string'/);
    } finally {
      Deno.removeSync(good.dir, { recursive: true });
      Deno.removeSync(bad.dir, { recursive: true });
    }
  });

  packaging("import from \"rsh\" runs the bundle on Node", () => {
    const dir = Deno.makeTempDirSync({ prefix: "rsh-consumer-run-" });
    try {
      Deno.writeTextFileSync(`${dir}/package.json`, JSON.stringify({ type: "module" }));
      Deno.writeTextFileSync(`${dir}/use.mjs`, CONSUMER.replace(", type BuiltinCommand", "").replace("const command: BuiltinCommand =", "const command =").replace("const count: number", "const count"));
      Deno.mkdirSync(`${dir}/node_modules`);
      Deno.symlinkSync(Deno.cwd(), `${dir}/node_modules/rsh`);
      const r = spawnSync("node", ["use.mjs"], { cwd: dir, encoding: "utf8" });
      assert.is(r.stdout, "[1,1]\n", r.stderr);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  });
}

packaging.run();
