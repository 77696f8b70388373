// Bundles the TypeScript sources for Node (Node 20 runs no TypeScript of its own).
// Bundling also keeps start-up fast: chevrotain unbundled costs ~300 ms to import.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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

// The public API (package.json "exports"), with code splitting: what it loads with `import()` lives in chunks.
await build({ ...common, entryPoints: { mod: "src/mod.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]" });
await buildCli();

/**
 * The CLI: one CommonJS file, dist/rsh.cjs, which bin/rsh.js compiles with V8's code cache (vm.Script takes cached
 * data; ES modules cannot without flags). Its first line names the build, so that a cache is only ever used with
 * the bundle it was made from. What `rsh -c` does not need (the server, the remoting cmdlets, ws) is in the file but
 * behind esbuild's lazy initialisers (it is reached through `import()`), so it is neither run nor compiled until used.
 * Without whitespace the file is a third smaller to read; names stay (chevrotain and error messages read them).
 */
async function buildCli() {
  const placeholder = "0".repeat(16);
  const { outputFiles } = await build({
    ...common,
    format: "cjs",
    entryPoints: ["src/cli.ts"],
    outfile: "dist/rsh.cjs",
    outExtension: {},
    minifyWhitespace: true,
    minifySyntax: true,
    define: { "import.meta.url": "__rshModuleUrl" },
    // `import("node:tls")` becomes require(): a vm.Script has no module loader of its own for import().
    supported: { "dynamic-import": false },
    banner: { js: `// rsh-build ${placeholder}\nvar __rshModuleUrl = require("node:url").pathToFileURL(__filename).href;` },
    write: false,
  });
  for (const file of outputFiles) {
    let text = file.text;
    if (file.path.endsWith(".cjs")) text = text.replace(placeholder, createHash("sha256").update(text).digest("hex").slice(0, placeholder.length));
    // Renamed into place: an `rsh` started meanwhile (tests run while others build) reads the old file or the new one.
    writeFileSync(`${file.path}.${process.pid}`, text);
    renameSync(`${file.path}.${process.pid}`, file.path);
  }
  // The code cache, made now so that the first `rsh` after `npm install` starts fast too (bin/rsh.js writes it at
  // exit when it is missing). Only a warning when this fails (say, a broken config in HOME): rsh runs without it.
  const warm = spawnSync(process.execPath, [`${root}/bin/rsh.js`, "-NoProfile", "-c", "1"], { cwd: root, encoding: "utf8" });
  if (warm.status !== 0 || warm.stdout.trim() !== "1") console.warn(`warning: 'rsh -c 1' failed, dist/rsh.cjs.cache not made: ${warm.stderr || warm.stdout}`);
}

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
