// Plain JS so that both Deno's test entry (test/all.ts) and the Node build script (scripts/build.mjs) can import it:
// both runtimes then run exactly the same test files.

/**
 * Finds every `*_test.ts` under `root`, in a stable order, as paths relative to `root`.
 * @param {string} root
 * @param {(dir: string) => { name: string; isDirectory: boolean }[]} readDir
 * @returns {string[]}
 */
export function discoverTestFiles(root, readDir) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} dir */
  const walk = (dir) => {
    const entries = readDir(dir ? `${root}/${dir}` : root).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory) walk(rel);
      else if (entry.name.endsWith("_test.ts")) found.push(rel);
    }
  };
  walk("");
  return found;
}
