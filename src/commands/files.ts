/**
 * The location and file family: Set-Location (each runspace has its own location, `$PWD`),
 * path resolution and the file objects the item commands write. Relative paths resolve against the
 * runspace's location, not the process's.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { PATH_INFO } from "../values/format.ts";
import { NotedScalar, PSCustomObject } from "../values/objects.ts";

/** The runspace's location (`$PWD`), or the process's directory before one is set. */
export function location(ctx: CommandContext): string {
  return toStr(ctx.scope.global.lookup("PWD")?.value ?? "") || Deno.cwd();
}

/**
 * A location as PowerShell gives it (Get-Location, `$PWD`, -PassThru): a PathInfo whose Path (and ProviderPath) is
 * the directory. It is the path itself in strings, conversions and comparisons (`"$PWD"`, `Join-Path $PWD x`), shows
 * as pwsh's one-column `Path` table, and answers `.Path` (`(Get-Location).Path`, `$PWD.Path`).
 */
export function pathInfo(path: string): NotedScalar {
  const info = new PSCustomObject();
  info.typeNames = [PATH_INFO, "System.Object"];
  info.set("Drive", "");
  info.set("Provider", "Microsoft.PowerShell.Core\\FileSystem");
  info.set("ProviderPath", path);
  info.set("Path", path);
  return new NotedScalar(path, info, PATH_INFO);
}


/** Resolves `path` against the runspace's location; `~` is the home directory. */
export function resolvePath(ctx: CommandContext, path: string): string {
  const home = toStr(ctx.scope.global.lookup("HOME")?.value ?? "");
  const expanded = path === "~" || path.startsWith("~/") ? home + path.slice(1) : path;
  const joined = expanded.startsWith("/") ? expanded : `${location(ctx)}/${expanded}`;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

function exists(path: string): "file" | "directory" | null {
  try {
    return Deno.statSync(path).isDirectory ? "directory" : "file";
  } catch {
    return null;
  }
}

const HISTORY_KEY = "files.locationHistory";

/** `cd -` and `cd +` walk the locations Set-Location left (PowerShell 6.2+ keeps the last 20 each way). */
function history(ctx: CommandContext): { back: string[]; forward: string[] } {
  let found = ctx.session.extensions.get(HISTORY_KEY) as { back: string[]; forward: string[] } | undefined;
  if (!found) ctx.session.extensions.set(HISTORY_KEY, found = { back: [], forward: [] });
  return found;
}

export const setLocation: BuiltinCommand = {
  name: "Set-Location",
  aliases: ["cd", "sl", "chdir"],
  parameters: [
    { name: "Path", position: 0, type: "string", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "PassThru", type: "switch" },
  ],
  process(ctx, params, input) {
    const literal = input === undefined && params.has("LiteralPath");
    const written = toStr(input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path") ?? "~");
    const walk = literal ? null : written === "-" ? "back" : written === "+" ? "forward" : null;
    const past = history(ctx);
    if (walk !== null && past[walk].length === 0) {
      const message = `There is no location history left to navigate ${walk === "back" ? "backwards" : "forwards"}.`;
      ctx.writeError(message, "InvalidOperation,Microsoft.PowerShell.Commands.SetLocationCommand", "Set-Location");
      return;
    }
    const target = walk !== null ? past[walk].at(-1)! : resolvePath(ctx, written);
    if (exists(target) !== "directory") {
      ctx.writeError(`Cannot find path '${target}' because it does not exist.`, "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand", "Set-Location");
      return;
    }
    const here = location(ctx);
    if (walk === null) {
      past.back.push(here);
      past.forward.length = 0;
    } else {
      past[walk].pop();
      past[walk === "back" ? "forward" : "back"].push(here);
    }
    if (past.back.length > 20) past.back.shift();
    ctx.scope.global.set("PWD", pathInfo(target));
    if (params.get("PassThru")) return ctx.emit(pathInfo(target));
  },
};

/** A file system entry as Get-ChildItem writes it (Name, FullName, Length, LastWriteTime, Mode); null when missing. */
export function fileInfo(path: string, name = path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1)): PSCustomObject | null {
  // The entry's own stat first (what pwsh on Linux shows as UnixMode, User, Group, Size: a link as a link); the
  // object otherwise describes what a link points to, so only a link costs a second stat.
  let own, info;
  try {
    own = Deno.lstatSync(path);
    info = own.isSymlink ? Deno.statSync(path) : own;
  } catch {
    return null;
  }
  const item = new PSCustomObject();
  item.typeNames = [info.isDirectory ? "System.IO.DirectoryInfo" : "System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"];
  item.set("Mode", (info.isDirectory ? "d" : "-") + "----");
  item.set("LastWriteTime", info.mtime ?? null);
  item.set("Length", info.isDirectory ? null : info.size);
  item.set("Name", name);
  item.set("FullName", path);
  // What pwsh on Linux and macOS adds to file objects and shows in its default view (childrenWithUnixStat).
  const target = own.isSymlink ? Deno.readLinkSync(path) : null;
  item.set("UnixMode", unixMode(own.mode ?? 0, own.isSymlink ? "l" : info.isDirectory ? "d" : "-"));
  item.set("User", nameOf(accounts("/etc/passwd"), own.uid));
  item.set("Group", nameOf(accounts("/etc/group"), own.gid));
  item.set("Size", own.size);
  item.setHidden("Target", target);
  return item;
}

/** `-rw-r--r--`: the entry's type, then read/write/execute for owner, group and others (setuid, setgid, sticky too). */
function unixMode(mode: number, type: string): string {
  const bits = (shift: number, special: number, mark: string) => {
    const r = mode & (4 << shift) ? "r" : "-";
    const w = mode & (2 << shift) ? "w" : "-";
    const x = mode & (1 << shift);
    return r + w + (mode & special ? (x ? mark : mark.toUpperCase()) : x ? "x" : "-");
  };
  return type + bits(6, 0o4000, "s") + bits(3, 0o2000, "s") + bits(0, 0o1000, "t");
}

const accountTables = new Map<string, Map<number, string>>();

/** The names by id in /etc/passwd or /etc/group (read once; empty when unreadable). */
function accounts(file: string): Map<number, string> {
  let table = accountTables.get(file);
  if (table) return table;
  table = new Map();
  try {
    for (const line of Deno.readTextFileSync(file).split("\n")) {
      const [name, , id] = line.split(":");
      if (name && id && /^\d+$/.test(id) && !table.has(Number(id))) table.set(Number(id), name);
    }
  } catch {
    // No account database (a container without one): ids stand for themselves.
  }
  accountTables.set(file, table);
  return table;
}

const nameOf = (table: Map<number, string>, id: number | null) => (id === null ? "" : table.get(id) ?? String(id));
