/**
 * The .NET statics that touch the session's world: `[System.IO.File]`, `[System.IO.Directory]` and
 * `[System.Environment]`, and `[ref]` with the `TryParse` methods that take one.
 *
 * A choice written down: .NET resolves a relative path against the process's directory, which in PowerShell is
 * famously not `$PWD` (about_Locations; a common complaint). An rsh process hosts many sessions, so a relative
 * path here goes against the session's own location, like every file command's. `GetEnvironmentVariable` and
 * `SetEnvironmentVariable` read and write the session's environment (`$env:`), not the process's.
 */
import { enumerate, toNumberOrNull, toStr } from "../values/convert.ts";
import { Deno } from "../platform.ts";
import { DotNetError, VOID } from "./dotnet.ts";

/** What a static call may need of the session it runs in. */
export interface DotNetContext {
  env: Map<string, string>;
  /** The session's location (`$PWD`). */
  location(): string;
}

/** `[ref]$x`: a reference to a variable (or to a value), whose `.Value` reads and writes it. */
export class RefValue {
  constructor(readonly read: () => unknown, readonly write: (value: unknown) => void) {}
  get Value(): unknown {
    return this.read();
  }
}

function fullPath(context: DotNetContext, path: unknown): string {
  const text = toStr(path);
  if (text.startsWith("/")) return text;
  const base = context.location() || Deno.cwd();
  return `${base.replace(/\/$/, "")}/${text}`.replace(/\/\.\//g, "/");
}

function failing(method: string, args: unknown[], action: () => unknown, path?: string): unknown {
  try {
    return action();
  } catch (e) {
    // Deno's NotFound, or Node's ENOENT under the shim.
    const missing = e instanceof Deno.errors.NotFound || (e as { code?: string }).code === "ENOENT";
    const reason = missing ? `Could not find ${method.includes("Directory") || method.startsWith("Get") ? "a part of the path" : "file"} '${path ?? toStr(args[0])}'.` : (e as Error).message;
    throw new DotNetError(`Exception calling "${method}" with "${args.length}" argument(s): "${reason}"`);
  }
}

const exists = (path: string, directory: boolean) => {
  try {
    return Deno.statSync(path).isDirectory === directory;
  } catch {
    return false;
  }
};

const lines = (text: string) => {
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === "") all.pop();
  return all;
};

type StaticMethod = (args: unknown[], context: DotNetContext) => unknown;

/** Runs a method that returns nothing (its statement then writes nothing). */
function voidCall(method: string, args: unknown[], action: () => unknown): typeof VOID {
  failing(method, args, action);
  return VOID;
}

const FILE: Record<string, StaticMethod> = {
  exists: (args, c) => exists(fullPath(c, args[0]), false),
  readalltext: (args, c) => failing("ReadAllText", args, () => Deno.readTextFileSync(fullPath(c, args[0])), fullPath(c, args[0])),
  readalllines: (args, c) => failing("ReadAllLines", args, () => lines(Deno.readTextFileSync(fullPath(c, args[0]))), fullPath(c, args[0])),
  writealltext: (args, c) => voidCall("WriteAllText", args, () => Deno.writeTextFileSync(fullPath(c, args[0]), toStr(args[1]))),
  writealllines: (args, c) => voidCall("WriteAllLines", args, () => Deno.writeTextFileSync(fullPath(c, args[0]), enumerate(args[1]).map((l) => toStr(l) + "\n").join(""))),
  appendalltext: (args, c) => voidCall("AppendAllText", args, () => Deno.writeTextFileSync(fullPath(c, args[0]), toStr(args[1]), { append: true })),
  // Deleting a file that is not there is no error (File.Delete).
  delete: (args, c) => voidCall("Delete", args, () => exists(fullPath(c, args[0]), false) && Deno.removeSync(fullPath(c, args[0]))),
};

const listDirectory = (c: DotNetContext, args: unknown[], directories: boolean) => {
  const dir = fullPath(c, args[0]);
  return failing(directories ? "GetDirectories" : "GetFiles", args, () =>
    [...Deno.readDirSync(dir)].filter((e) => e.isDirectory === directories).map((e) => `${dir.replace(/\/$/, "")}/${e.name}`).sort(), dir);
};

const DIRECTORY: Record<string, StaticMethod> = {
  exists: (args, c) => exists(fullPath(c, args[0]), true),
  createdirectory: (args, c) => voidCall("CreateDirectory", args, () => Deno.mkdirSync(fullPath(c, args[0]), { recursive: true })),
  getfiles: (args, c) => listDirectory(c, args, false),
  getdirectories: (args, c) => listDirectory(c, args, true),
};

const ENVIRONMENT: Record<string, StaticMethod> = {
  getenvironmentvariable: (args, c) => c.env.get(toStr(args[0])) ?? null,
  setenvironmentvariable: (args, c) => {
    const value = args[1] === null || args[1] === undefined ? "" : toStr(args[1]);
    if (value === "") c.env.delete(toStr(args[0]));
    else c.env.set(toStr(args[0]), value);
    return VOID;
  },
};

/** `[int]::TryParse(text, [ref]$n)` (and long, double): true and the number stored, or false and 0. */
function tryParse(args: unknown[]): boolean {
  const text = toStr(args[0]).trim();
  const n = text === "" ? null : toNumberOrNull(text);
  if (args[1] instanceof RefValue) args[1].write(n ?? 0);
  return n !== null;
}

const METHODS: Record<string, Record<string, StaticMethod>> = {
  "io.file": FILE, "io.directory": DIRECTORY, environment: ENVIRONMENT,
  int: { tryparse: tryParse }, long: { tryparse: tryParse }, double: { tryparse: tryParse },
};

/** `[type]::Name` or `[type]::Name(args)` for the types above; undefined when this module has no such member. */
export function systemStatic(type: string, name: string, args: unknown[] | null, context: DotNetContext): unknown {
  if (args !== null) return METHODS[type]?.[name]?.(args, context);
  if (type !== "environment") return undefined;
  switch (name) {
    case "newline": return "\n";
    case "machinename": return Deno.hostname();
    case "username": return context.env.get("USER") ?? context.env.get("LOGNAME") ?? null;
    case "currentdirectory": return context.location();
    default: return undefined;
  }
}
