#!/usr/bin/env node
// Node entry: runs dist/rsh.cjs, the CLI bundle that `npm install` (the prepare script) builds from src/cli.ts.
// CommonJS (bin/package.json), like the bundle: Node starts a CommonJS entry sooner than an ES module.
//
// The bundle is compiled with V8's code cache (dist/rsh.cjs.cache): without it, parsing and compiling the functions
// that start-up runs is the largest part of what `rsh -c 1` spends beyond `node -e 1`. The cache belongs to one build
// (the id on the bundle's first line) and one Node version, and is written at exit when it is missing or belongs to
// something else; V8 also refuses, and we then ignore, data made under other V8 flags.
"use strict";
const { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "..", "dist", "rsh.cjs");
let source;
try {
  source = readFileSync(bundle, "utf8");
} catch {
  process.stderr.write("rsh: dist/rsh.cjs is missing; run `npm run build` (npm install does it for you).\n");
  process.exit(1);
}
const cacheFile = `${bundle}.cache`;
const stamp = `${source.slice(0, source.indexOf("\n"))} ${process.version} ${process.arch}\n`;
let cachedData;
try {
  const data = readFileSync(cacheFile);
  if (data.toString("latin1", 0, stamp.length) === stamp) cachedData = data.subarray(stamp.length);
} catch {
  // No cache yet: compiled from source, and written at exit.
}
// The bundle exports nothing: it gets require, __filename and __dirname, but no `module` or `exports`, as in an ES
// module (lodash, inside chevrotain, would otherwise take `module` for Node's and call process.binding).
const script = new Script(`(function (require, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
if (cachedData === undefined) {
  // At exit the cache holds every function compiled so far: start-up's, not only the top level.
  process.once("exit", () => {
    const temporary = `${cacheFile}.${process.pid}`;
    try {
      const fd = openSync(temporary, "w"); // first: a read-only installation then skips making the data
      writeSync(fd, Buffer.concat([Buffer.from(stamp, "latin1"), script.createCachedData()]));
      closeSync(fd);
      renameSync(temporary, cacheFile);
    } catch {
      // Runs without the cache (the process is exiting: its descriptors close anyway).
      rmSync(temporary, { force: true });
    }
  });
}
script.runInThisContext()(createRequire(bundle), bundle, dirname(bundle));
