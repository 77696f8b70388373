// Bundles the TypeScript sources for Node (Node 20 runs no TypeScript of its own).
// Bundling also keeps start-up fast: chevrotain unbundled costs ~300 ms to import.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
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

// Code splitting: what the CLI loads with `import()` (the remoting cmdlets, the server) lives in chunks of its own,
// so `rsh -c 1` neither parses nor initialises it.
await build({ ...common, entryPoints: { rsh: "src/cli.ts", mod: "src/mod.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]" });

if (!withTests) {
  // Type declarations of the public API for Node consumers (dist/types; package.json "types"). tsc writes them
  // without type-checking (deno check does that); relative `.ts` imports become `.js`, which TypeScript maps to
  // the `.d.ts` beside them.
  const tsc = spawnSync(process.execPath, [
    `${root}/node_modules/typescript/bin/tsc`, "--declaration", "--emitDeclarationOnly", "--noCheck", "--allowImportingTsExtensions",
    "--skipLibCheck", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--outDir", "dist/types",
    "src/mod.ts",
  ], { cwd: root, stdio: "inherit" });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  const rewrite = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) rewrite(path);
      else if (entry.name.endsWith(".d.ts")) writeFileSync(path, readFileSync(path, "utf8").replace(/(from\s+["'](?:\.{1,2}\/)[^"']*)\.ts(["'])/g, "$1.js$2"));
    }
  };
  rewrite(`${root}/dist/types`);
}

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
