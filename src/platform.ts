/**
 * The one place that decides where the `Deno` namespace comes from: the real one on Deno, `@deno/shim-deno` on Node.
 *
 * On Node the shim costs ~50 ms to load (it pulls in most of Node's built-in modules), a third of `rsh -c 1`'s
 * start-up. So the few members the start-up path touches (args, exit, cwd, env, reading a script) are served
 * straight from Node's APIs, and the shim is loaded on the first use of anything else.
 */
import { accessSync, constants, lstatSync, readFileSync, type Stats, statSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import process from "node:process";

/** A node:fs Stats in the shape of Deno.FileInfo (the fields rsh reads). */
function fileInfoOf(s: Stats) {
  return {
    isFile: s.isFile(), isDirectory: s.isDirectory(), isSymlink: s.isSymbolicLink(), size: s.size, mtime: s.mtime,
    atime: s.atime, birthtime: s.birthtime, mode: s.mode, uid: s.uid, gid: s.gid, dev: s.dev, ino: s.ino, nlink: s.nlink,
  };
}

type DenoNamespace = typeof globalThis.Deno;

// deno-lint-ignore no-explicit-any
const native = (globalThis as any).Deno as DenoNamespace | undefined;

const nodeRequire = createRequire(import.meta.url);

/**
 * A Node built-in module (which both runtimes have), loaded on first call: node:crypto, node:child_process and
 * node:fs/promises each cost Node a few milliseconds to load, which a run that never signs, spawns or reads a file
 * need not pay. Type it with the module's own type: `nodeModule<typeof import("node:crypto")>("node:crypto")`.
 */
export function nodeModule<T>(name: `node:${string}`): () => T {
  let module: T | undefined;
  return () => (module ??= nodeRequire(name) as T);
}

const childProcess = nodeModule<typeof import("node:child_process")>("node:child_process");
const fsPromises = nodeModule<typeof import("node:fs/promises")>("node:fs/promises");

function nodeDeno(): DenoNamespace {
  let shim: DenoNamespace | undefined;
  const load = () => (shim ??= nodeRequire("@deno/shim-deno").Deno as DenoNamespace);
  const env = {
    get: (name: string) => process.env[name],
    set: (name: string, value: string) => void (process.env[name] = value),
    delete: (name: string) => void delete process.env[name],
    has: (name: string) => name in process.env,
    toObject: () => ({ ...process.env }) as Record<string, string>,
  };
  const fast: Record<string, unknown> = {
    args: process.argv.slice(2),
    // Every runspace reads it ($PID).
    pid: process.pid,
    exit: (code?: number) => process.exit(code),
    cwd: () => process.cwd(),
    env,
    readTextFile: (path: string) => fsPromises().readFile(path, "utf8"),
    readTextFileSync: (path: string) => readFileSync(path, "utf8"),
    // Every session start looks for profile scripts: without this the shim would load for one stat call.
    statSync: (path: string) => fileInfoOf(statSync(path)),
    // Every file object Get-ChildItem makes reads its entry's own stat (a link shows as one).
    lstatSync: (path: string) => fileInfoOf(lstatSync(path)),
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

/**
 * Finds a program the way a shell does: a name with a slash is a path (relative to `cwd`), otherwise the first
 * executable file of that name on `searchPath`. Spawning goes through node:child_process, which both runtimes have
 * (the Node shim has no Deno.Command).
 */
export function findExecutable(name: string, searchPath: string, cwd: string): string | null {
  const isExecutable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes("/")) {
    const path = name.startsWith("/") ? name : `${cwd}/${name}`;
    return isExecutable(path) ? path : null;
  }
  for (const dir of searchPath.split(":")) {
    if (dir && isExecutable(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

/** A program started with its stdout read line by line as it arrives (about_Parsing: native output streams). */
export interface RunningProgram {
  /** Stdout, one line at a time (without the line break), as the program writes it. */
  lines: AsyncIterableIterator<string>;
  /** Stderr the same way, when it was captured (`captureStderr`); null when it passes through to ours. */
  errorLines: AsyncIterableIterator<string> | null;
  /** The exit code (a signal counts as 1). */
  exited: Promise<number>;
  kill(): void;
}

/**
 * Starts a program: `input` (null: the program reads rsh's own stdin) is written to its stdin; its stderr passes
 * through unless `captureStderr`. node:child_process serves both runtimes (the shim has no Deno.Command).
 */
export function startProgram(
  path: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; input: string | null; captureStderr?: boolean },
): RunningProgram {
  const stdio = [options.input === null ? "inherit" : "pipe", "pipe", options.captureStderr ? "pipe" : "inherit"] as const;
  const child = childProcess().spawn(path, args, { cwd: options.cwd, env: options.env, stdio: [...stdio] });
  const exited = new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? 1));
  });
  if (options.input !== null) {
    child.stdin!.on("error", () => {}); // a program that exits without reading its input
    child.stdin!.end(options.input);
  }
  return {
    lines: splitLines(child.stdout! as AsyncIterable<Uint8Array>),
    errorLines: options.captureStderr ? splitLines(child.stderr! as AsyncIterable<Uint8Array>) : null,
    exited,
    kill: () => void child.kill("SIGTERM"),
  };
}

/** Bytes as they arrive, as text lines (without their `\n` or `\r\n`); a last line without a break counts too. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, newline).replace(/\r$/, "");
      pending = pending.slice(newline + 1);
    }
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

