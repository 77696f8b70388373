/**
 * Imports point downward only (DESIGN.md): grammar knows nothing of src; values ← engine ← commands ← runspace ←
 * remoting ← mod (the public API) ← repl ← cli. src/platform.ts is the runtime seam every layer may use.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../src/platform.ts";

const layers = suite("layers: imports point downward only");

/** Layer rank by folder: a file may import from its own rank or lower. */
const RANKS: [string, number][] = [
  ["grammar/", 0],
  ["src/platform.ts", 0],
  ["src/values/", 1],
  ["src/engine/", 2],
  ["src/commands/", 3],
  ["src/runspace/", 4],
  ["src/remoting/", 5],
  ["src/cli.ts", 8],
  ["src/cli_args.ts", 8],
  ["src/cli_serve.ts", 8],
  ["src/cli_sign.ts", 8],
  ["src/", 6],
  ["repl/", 7],
];

function rankOf(path: string): number {
  return RANKS.find(([prefix]) => path === prefix || path.startsWith(prefix))?.[1] ?? 99;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  let entries: { name: string; isDirectory: boolean }[];
  try {
    entries = [...Deno.readDirSync(dir)];
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files;
}

function resolve(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const piece of specifier.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

layers("no module imports from a layer above its own", () => {
  const files = [...sourceFiles("grammar"), ...sourceFiles("src"), ...sourceFiles("repl")];
  assert.ok(files.length > 5, "found the sources");
  const violations: string[] = [];
  for (const file of files) {
    const text = Deno.readTextFileSync(file);
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+["'](\.[^"']+)["']/g)) {
      const target = resolve(file, match[1]);
      if (rankOf(target) > rankOf(file)) violations.push(`${file} imports ${target}`);
    }
  }
  assert.equal(violations, []);
});

layers("only src/platform.ts reaches for the Deno global or the shim", () => {
  const offenders = [...sourceFiles("grammar"), ...sourceFiles("src"), ...sourceFiles("repl")].filter((file) => {
    if (file === "src/platform.ts") return false;
    const text = Deno.readTextFileSync(file);
    return /@deno\/shim-deno|globalThis\.Deno|globalThis as any\)\.Deno/.test(text);
  });
  assert.equal(offenders, []);
});

layers.run();
