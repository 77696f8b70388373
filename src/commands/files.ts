/**
 * The location and file family: Set-Location (each runspace has its own location, `$PWD`),
 * path resolution and the file objects the item commands write. Relative paths resolve against the
 * runspace's location, not the process's.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

/** The runspace's location (`$PWD`), or the process's directory before one is set. */
export function location(ctx: CommandContext): string {
  return toStr(ctx.scope.global.lookup("PWD")?.value ?? "") || Deno.cwd();
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
    ctx.scope.global.set("PWD", target);
    if (params.get("PassThru")) return ctx.emit(target);
  },
};

/** A file system entry as Get-ChildItem writes it (Name, FullName, Length, LastWriteTime, Mode); null when missing. */
export function fileInfo(path: string, name = path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1)): PSCustomObject | null {
  let info;
  try {
    info = Deno.statSync(path);
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
  return item;
}
