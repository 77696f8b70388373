/**
 * Deno's test entry: runs every test file under test/ with uvu. Node runs the same files through a bundle that
 * scripts/build.mjs generates from the same discovery.
 */
import { discoverTestFiles } from "./support/discover.js";

// deno-lint-ignore no-explicit-any
const g = globalThis as any;
g.UVU_DEFER = 1;
const uvu = await import("uvu");
const root = new URL(".", import.meta.url).pathname.replace(/\/$/, "");
const files = discoverTestFiles(root, (dir) => [...Deno.readDirSync(dir)].map((e) => ({ name: e.name, isDirectory: e.isDirectory })));
const only = Deno.args[0];
for (const file of files.filter((f) => !only || f.includes(only))) {
  g.UVU_INDEX = g.UVU_QUEUE.length;
  g.UVU_QUEUE.push([`${file} (deno)`]);
  await import(`./${file}`);
}
await uvu.exec();
const failed = Deno.exitCode !== 0 || (g.process?.exitCode ?? 0) !== 0;
Deno.exit(failed ? 1 : 0);
