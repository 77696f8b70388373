// `npm test`: the suite on Node, then on Deno (both always run), then one line "N passed, M failed" for CI.
import { spawnSync } from "node:child_process";

const runs = [
  { name: "node", command: "npm", args: ["run", "--silent", "test:node"] },
  { name: "deno", command: "npm", args: ["run", "--silent", "test:deno"] },
];
let passed = 0;
let failed = 0;
for (const run of runs) {
  const child = spawnSync(run.command, run.args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
  process.stdout.write(child.stdout ?? "");
  // uvu ends with "Total: N / Passed: M"; ANSI colours are stripped first.
  const text = (child.stdout ?? "").replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), "");
  const total = Number(text.match(/Total:\s+(\d+)/)?.[1] ?? 0);
  const ok = Number(text.match(/Passed:\s+(\d+)/)?.[1] ?? 0);
  passed += ok;
  failed += total - ok;
  // A runtime that failed outside the tests (type check, lint, a crash) counts as one failure.
  if (child.status !== 0 && total === ok) failed += 1;
  console.log(`[${run.name}] ${ok} passed, ${total - ok} failed${child.status !== 0 ? ` (exit ${child.status})` : ""}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
