// Bundles the TypeScript sources for Node (Node 20 runs no TypeScript of its own).
// Bundling also keeps start-up fast: chevrotain unbundled costs ~300 ms to import.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { discoverTestFiles } from "../test/support/discover.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const withTests = process.argv.includes("--tests");
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  absWorkingDir: root,
  outExtension: { ".js": ".mjs" },
  // CommonJS packages (ws) call require() inside the ESM bundle.
  banner: { js: "import { createRequire as __rshRequire } from 'node:module'; const require = __rshRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: { rsh: "src/cli.ts", mod: "src/mod.ts" }, outdir: "dist" });

if (withTests) {
  // The same discovery Deno's test/all.ts uses, turned into one bundle with static imports.
  const files = discoverTestFiles(`${root}/test`, (dir) =>
    readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })));
  const only = process.env.RSH_TEST_ONLY;
  const lines = [
    "globalThis.UVU_DEFER = 1;",
    "const uvu = await import('uvu');",
    ...files.filter((f) => !only || f.includes(only)).flatMap((file, index) => [
      `globalThis.UVU_INDEX = ${index}; globalThis.UVU_QUEUE.push([${JSON.stringify(file + " (node)")}]);`,
      `await import(${JSON.stringify("./" + file)});`,
    ]),
    "await uvu.exec();",
  ];
  await build({
    ...common,
    stdin: { contents: lines.join("\n"), resolveDir: `${root}/test`, sourcefile: "test/node_entry.ts", loader: "ts" },
    outfile: "dist/test/all.mjs",
    external: ["uvu", "uvu/*"],
  });
}
