/**
 * The location and file family: Get-Location/Set-Location (each runspace has its own location, `$PWD`),
 * Test-Path, Join-Path, Split-Path, and the file objects the item commands write. Relative paths resolve against the
 * runspace's location, not the process's.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

function location(ctx: CommandContext): string {
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

export const getLocation: BuiltinCommand = {
  name: "Get-Location",
  aliases: ["pwd", "gl"],
  parameters: [],
  process: (ctx) => ctx.emit(location(ctx)),
};

export const setLocation: BuiltinCommand = {
  name: "Set-Location",
  aliases: ["cd", "sl", "chdir"],
  parameters: [{ name: "Path", position: 0, type: "string" }],
  process(ctx, params) {
    const target = resolvePath(ctx, toStr(params.get("Path") ?? "~"));
    if (exists(target) !== "directory") {
      ctx.writeError(`Cannot find path '${target}' because it does not exist.`, "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand", "Set-Location");
      return;
    }
    ctx.scope.global.set("PWD", target);
  },
};

export const testPath: BuiltinCommand = {
  name: "Test-Path",
  parameters: [{ name: "Path", position: 0, type: "string", mandatory: true, pipeline: true }, { name: "PathType", type: "string" }],
  process(ctx, params) {
    const kind = exists(resolvePath(ctx, toStr(params.get("Path"))));
    const wanted = toStr(params.get("PathType") ?? "Any").toLowerCase();
    return ctx.emit(wanted === "leaf" ? kind === "file" : wanted === "container" ? kind === "directory" : kind !== null);
  },
};

export const joinPath: BuiltinCommand = {
  name: "Join-Path",
  parameters: [{ name: "Path", position: 0, type: "string", mandatory: true }, { name: "ChildPath", position: 1, type: "string", mandatory: true }],
  process: (ctx, params) => ctx.emit(`${toStr(params.get("Path")).replace(/\/+$/, "")}/${toStr(params.get("ChildPath")).replace(/^\/+/, "")}`),
};

export const splitPath: BuiltinCommand = {
  name: "Split-Path",
  parameters: [{ name: "Path", position: 0, type: "string", mandatory: true, pipeline: true }, { name: "Leaf", type: "switch" }, { name: "Parent", type: "switch" }],
  process(ctx, params) {
    const path = toStr(params.get("Path")).replace(/\/+$/, "");
    const slash = path.lastIndexOf("/");
    return ctx.emit(params.get("Leaf") ? path.slice(slash + 1) : slash <= 0 ? (slash === 0 ? "/" : "") : path.slice(0, slash));
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
  item.set("Mode", (info.isDirectory ? "d" : "-") + "----");
  item.set("LastWriteTime", info.mtime ?? null);
  item.set("Length", info.isDirectory ? null : info.size);
  item.set("Name", name);
  item.set("FullName", path);
  return item;
}
