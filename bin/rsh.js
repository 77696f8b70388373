#!/usr/bin/env node
// Node entry: runs the bundle that `npm install` (the prepare script) builds from src/cli.ts.
import { existsSync } from "node:fs";
const bundle = new URL("../dist/rsh.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("rsh: dist/rsh.mjs is missing; run `npm run build` (npm install does it for you).\n");
  process.exit(1);
}
await import(bundle.href);
