/**
 * The one place that decides where the `Deno` namespace comes from: the real one on Deno, `@deno/shim-deno` on Node.
 *
 * On Node the shim costs ~50 ms to load (it pulls in most of Node's built-in modules), a third of `rsh -c 1`'s
 * start-up. So the few members the start-up path touches (args, exit, cwd, env, reading a script) are served
 * straight from Node's APIs, and the shim is loaded on the first use of anything else.
 */
import { readFileSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import process from "node:process";

type DenoNamespace = typeof globalThis.Deno;

// deno-lint-ignore no-explicit-any
const native = (globalThis as any).Deno as DenoNamespace | undefined;

function nodeDeno(): DenoNamespace {
  let shim: DenoNamespace | undefined;
  const load = () => (shim ??= createRequire(import.meta.url)("@deno/shim-deno").Deno as DenoNamespace);
  const env = {
    get: (name: string) => process.env[name],
    set: (name: string, value: string) => void (process.env[name] = value),
    delete: (name: string) => void delete process.env[name],
    has: (name: string) => name in process.env,
    toObject: () => ({ ...process.env }) as Record<string, string>,
  };
  const fast: Record<string, unknown> = {
    args: process.argv.slice(2),
    exit: (code?: number) => process.exit(code),
    cwd: () => process.cwd(),
    env,
    readTextFile: (path: string) => readFile(path, "utf8"),
    readTextFileSync: (path: string) => readFileSync(path, "utf8"),
  };
  return new Proxy(fast, {
    get: (target, key) => (key in target ? target[key as string] : (load() as unknown as Record<string | symbol, unknown>)[key]),
  }) as unknown as DenoNamespace;
}

/** The Deno namespace of the running runtime (on Node: Node's own APIs for the hot members, the shim for the rest). */
export const Deno: DenoNamespace = native ?? nodeDeno();

/** Which runtime runs this process. */
export const runtime: "deno" | "node" = native ? "deno" : "node";

/** Command-line arguments after the script. */
export const args: readonly string[] = Deno.args;

const encoder = new TextEncoder();

/** Writes text to stdout synchronously, so output appears as soon as it is produced. */
export function writeStdout(text: string): void {
  writeAll(1, encoder.encode(text));
}

/** Writes text to stderr synchronously. */
export function writeStderr(text: string): void {
  writeAll(2, encoder.encode(text));
}

function writeAll(fd: 1 | 2, bytes: Uint8Array): void {
  if (native) {
    const target = fd === 1 ? native.stdout : native.stderr;
    let offset = 0;
    while (offset < bytes.length) offset += target.writeSync(bytes.subarray(offset));
    return;
  }
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      // A non-blocking pipe that is full: try again (Node sets O_NONBLOCK on pipes it inherits).
      if ((error as { code?: string }).code !== "EAGAIN") throw error;
    }
  }
}
