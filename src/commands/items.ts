/**
 * The item family (PowerShell 7's Microsoft.PowerShell.Management cmdlets over the FileSystem provider): Get-Item,
 * New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item, Resolve-Path, Get-Location, Push-Location and
 * Pop-Location. Relative paths resolve against the runspace's location (resolvePath); file-system access goes through
 * src/platform.ts.
 */
import { type BuiltinCommand, type CommandContext, SHOULD_PROCESS } from "../engine/command_types.ts";
import { eachInOrder, type Maybe, then } from "../engine/maybe.ts";
import { Deno } from "../platform.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { toStr } from "../values/convert.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { PSCustomObject } from "../values/objects.ts";
import { envItems, envMatches, envMissing, envName } from "./env_drive.ts";
import { fileInfo, location, pathInfo, resolvePath } from "./files.ts";

const NS = "Microsoft.PowerShell.Commands";
const STACK_KEY = "items.locationStack";

function kindOf(path: string): "file" | "directory" | null {
  try {
    return Deno.statSync(path).isDirectory ? "directory" : "file";
  } catch {
    return null;
  }
}

const leaf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const parent = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";
const join = (dir: string, name: string) => `${dir === "/" ? "" : dir}/${name}`;


const hasWildcard = (path: string) => /[*?\[]/.test(path);

/**
 * Expands wildcards in the last path segment (PowerShell expands them in every segment; rsh only in the leaf). A
 * wildcard passes over hidden names (a leading `.` on Linux) unless `force` (the commands' -Force) lets it see them.
 */
export function expand(ctx: CommandContext, requested: string, force = false): string[] {
  const path = resolvePath(ctx, requested);
  if (!hasWildcard(leaf(path))) return kindOf(path) ? [path] : [];
  const dir = parent(path);
  if (kindOf(dir) !== "directory") return [];
  const pattern = wildcardToRegExp(leaf(path), false);
  const visible = (name: string) => force || !name.startsWith(".");
  return [...Deno.readDirSync(dir)].map((e) => e.name).filter((name) => visible(name) && pattern.test(name)).sort().map((name) => join(dir, name));
}

function notFound(ctx: CommandContext, path: string, command: string) {
  ctx.writeError(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${NS}.${command.replace("-", "")}Command`, command);
}

/** Each -Path value (string[] binds one or many). */
function paths(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(toStr);
}

/** -Path or -LiteralPath is mandatory (one in each parameter set); with neither, PowerShell names -Path. */
export function requirePath(params: Map<string, unknown>, command: string): void {
  if (params.has("Path") || params.has("LiteralPath")) return;
  const message = "Cannot process command because of one or more missing mandatory parameters: Path.";
  throw new RuntimeError(new ErrorRecord(message, `MissingMandatoryParameter,${NS}.${command.replace("-", "")}Command`, "InvalidArgument", null, null, null, command));
}

/** A Get-ChildItem / Get-Item object piped in names its file (PowerShell binds its PSPath to -LiteralPath). */
export const fileObjectPath = (value: unknown): string | null =>
  value instanceof PSCustomObject && value.has("FullName") && value.has("Mode") ? toStr(value.get("FullName")) : null;

/**
 * The items a command's -Path (wildcards expanded) or -LiteralPath (taken as written; a missing one is reported)
 * names, or the pipeline's path; -Include, -Exclude and -Filter keep the names they match, as the provider filters.
 */
function targetsOf(ctx: CommandContext, params: Map<string, unknown>, input: unknown, command: string): string[] {
  const piped = fileObjectPath(input);
  if (piped !== null) return [piped];
  if (input === undefined) requirePath(params, command);
  const literal = input === undefined && params.has("LiteralPath");
  const requested = paths(input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path"));
  const found = requested.flatMap((r) => {
    if (!literal) return matches(ctx, r, command, params.get("Force") === true);
    const path = resolvePath(ctx, r);
    if (kindOf(path) === null) notFound(ctx, path, command);
    return kindOf(path) === null ? [] : [path];
  });
  const patterns = (name: string) => paths(params.get(name)).map((p) => wildcardToRegExp(p, false));
  const [include, exclude, filter] = [patterns("Include"), patterns("Exclude"), patterns("Filter")];
  return found.filter((path) => {
    const name = leaf(path);
    return (include.length === 0 || include.some((p) => p.test(name))) && !exclude.some((p) => p.test(name)) && filter.every((p) => p.test(name));
  });
}

/** -LiteralPath, and the name filters the item commands share. */
const LITERAL = { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" };
const FILTERS = [{ name: "Include", type: "string[]" }, { name: "Exclude", type: "string[]" }, { name: "Filter", type: "string" }];

/** Matches for one requested path, writing PowerShell's PathNotFound error when a literal path is missing. */
export function matches(ctx: CommandContext, requested: string, command: string, force = false): string[] {
  const found = expand(ctx, requested, force);
  if (found.length === 0 && !hasWildcard(requested)) notFound(ctx, resolvePath(ctx, requested), command);
  return found;
}

export const getItem: BuiltinCommand = {
  name: "Get-Item",
  aliases: ["gi"],
  parameters: [{ name: "Path", position: 0, type: "string[]", pipeline: true }, LITERAL, ...FILTERS, { name: "Force", type: "switch" }],
  process(ctx, params, input) {
    const out: unknown[] = [];
    const env = envPaths(ctx, params, input, "Get-Item", (pattern) => envItems(ctx, pattern));
    if (env) return ctx.emitAll(env);
    for (const path of targetsOf(ctx, params, input, "Get-Item")) {
      const item = fileInfo(path);
      if (item) out.push(item);
    }
    return ctx.emitAll(out);
  },
};

/** New-Item's ShouldProcess action for each -ItemType (FileSystemProviderStrings NewItemAction*). */
const CREATE_ACTIONS: Record<string, string> = {
  file: "Create File",
  directory: "Create Directory",
  symboliclink: "Create Symbolic Link",
  hardlink: "Create Hard Link",
};

export const newItem: BuiltinCommand = {
  name: "New-Item",
  // No `ni` removal: PowerShell on Linux keeps `ni`; `mkdir` is a function there and native here.
  aliases: ["ni"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "Name", type: "string" },
    { name: "ItemType", aliases: ["Type"], type: "string" },
    { name: "Value", aliases: ["Target"], type: "object" },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params) {
    const name = params.get("Name");
    const requested = paths(params.get("Path"));
    if (requested.length === 0) requested.push(".");
    const type = toStr(params.get("ItemType") ?? "File").toLowerCase();
    if (!(type in CREATE_ACTIONS)) {
      ctx.writeError(
        `The '${toStr(params.get("ItemType"))}' type is not supported by the FileSystem provider: use File, Directory, SymbolicLink or HardLink.`,
        `NotSupported,${NS}.NewItemCommand`,
        "New-Item",
      );
      return;
    }
    const out: unknown[] = [];
    const created = eachInOrder(requested, (base) => {
      const target = resolvePath(ctx, name === undefined || name === null ? base : `${base.replace(/\/+$/, "")}/${toStr(name)}`);
      // ShouldProcess comes before the checks: the provider asks, then finds the item in the way.
      return then(ctx.shouldProcess(`Destination: ${target}`, CREATE_ACTIONS[type]), (ok) => {
        if (!ok) return;
        const item = type === "symboliclink" || type === "hardlink" ? newLink(ctx, params, target, type) : newFileOrDirectory(ctx, params, target, type);
        if (item) out.push(item);
      });
    });
    return then(created, () => ctx.emitAll(out));
  },
};

/** Creates one file or directory for New-Item, or writes PowerShell's error for what is in the way. */
function newFileOrDirectory(ctx: CommandContext, params: Map<string, unknown>, target: string, type: string): unknown {
  const force = params.get("Force") === true;
  const existing = kindOf(target);
  if (type === "directory") {
    if (existing === "directory" && !force) {
      return ctx.writeError(`An item with the specified name ${target} already exists.`, `DirectoryExist,${NS}.NewItemCommand`, "New-Item");
    }
    if (existing === "file") {
      return ctx.writeError(`An item with the specified name ${target} already exists.`, `NewItemIOError,${NS}.NewItemCommand`, "New-Item");
    }
    // Directory.CreateDirectory: missing parents are created too.
    Deno.mkdirSync(target, { recursive: true });
    return fileInfo(target);
  }
  if (existing !== null && !force) {
    return ctx.writeError(`An item with the specified name ${target} already exists.`, `NewItemIOError,${NS}.NewItemCommand`, "New-Item");
  }
  if (existing === "directory") {
    return ctx.writeError(`Access to the path '${target}' is denied.`, `NewItemUnauthorizedAccessError,${NS}.NewItemCommand`, "New-Item");
  }
  if (kindOf(parent(target)) !== "directory") {
    if (!force) return ctx.writeError(`Could not find a part of the path '${target}'.`, `NewItemIOError,${NS}.NewItemCommand`, "New-Item");
    Deno.mkdirSync(parent(target), { recursive: true });
  }
  const value = params.get("Value");
  // -Value is written as is, with no newline added.
  Deno.writeTextFileSync(target, value === undefined || value === null ? "" : toStr(value));
  return fileInfo(target);
}

/**
 * New-Item -ItemType SymbolicLink / HardLink at `link`: -Value (alias -Target) names an existing item; a symbolic
 * link keeps the target as written, a hard link needs a file. -Force replaces an existing file at the link's path.
 */
function newLink(ctx: CommandContext, params: Map<string, unknown>, link: string, type: string): unknown {
  const written = toStr(params.get("Value") ?? "");
  const target = resolvePath(ctx, written);
  if (written === "" || kindOf(target) === null) return notFound(ctx, target, "New-Item");
  if (kindOf(link) !== null || isLink(link)) {
    if (params.get("Force") !== true || (kindOf(link) === "directory" && !isLink(link))) {
      return ctx.writeError(`An item with the specified name ${link} already exists.`, `NewItemIOError,${NS}.NewItemCommand`, "New-Item");
    }
    Deno.removeSync(link);
  }
  if (type === "hardlink") {
    if (kindOf(target) === "directory") return ctx.writeError("Hard links are not supported for directories.", `ItemNotFile,${NS}.NewItemCommand`, "New-Item");
    Deno.linkSync(target, link);
  } else Deno.symlinkSync(written, link);
  return fileInfo(link);
}

function isLink(path: string): boolean {
  try {
    return Deno.lstatSync(path).isSymlink;
  } catch {
    return false;
  }
}

/** Remove-Item's confirmation for a non-empty directory without -Recurse (ShouldContinue's query and caption). */
function childrenQuery(path: string): string {
  return `The item at ${path} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`;
}

function removeOne(ctx: CommandContext, path: string, recursive: boolean) {
  try {
    Deno.removeSync(path, { recursive });
  } catch (error) {
    ctx.writeError(`Cannot remove item ${path}: ${(error as Error).message}`, `RemoveFileSystemItemIOError,${NS}.RemoveItemCommand`, "Remove-Item");
  }
}

/**
 * Removes `targets[from..]`. A non-empty directory without -Recurse asks as PowerShell's console host does ("Confirm",
 * the query, the choices; Enter is Yes); Yes to All / No to All answer the rest. With nobody to answer (no terminal),
 * the directory stays and the query is written as the error.
 */
function removeFrom(ctx: CommandContext, targets: string[], from: number, recurse: boolean, answers: { all?: boolean }): Maybe<void> {
  for (let i = from; i < targets.length; i++) {
    const path = targets[i];
    // ShouldProcess (-WhatIf, -Confirm) comes first: "Remove File" or "Remove Directory", as the FileSystem provider says.
    const go = ctx.shouldProcess(path, kindOf(path) === "directory" ? "Remove Directory" : "Remove File");
    const next = () => removeFrom(ctx, targets, i + 1, recurse, answers);
    if (go instanceof Promise) return go.then((ok) => (ok ? then(removeTarget(ctx, path, recurse, answers), next) : next()));
    if (!go) continue;
    const removed = removeTarget(ctx, path, recurse, answers);
    if (removed instanceof Promise) return removed.then(next);
  }
}

function removeTarget(ctx: CommandContext, path: string, recurse: boolean, answers: { all?: boolean }): Maybe<void> {
  if (recurse || kindOf(path) !== "directory" || [...Deno.readDirSync(path)].length === 0) return removeOne(ctx, path, recurse);
  if (answers.all !== undefined) return answers.all ? removeOne(ctx, path, true) : undefined;
  const text = `Confirm\n${childrenQuery(path)}\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `;
  return ctx.pacer.wait(ctx.host.prompt(text, false)).then((answer) => {
    if (answer === null) return ctx.writeError(childrenQuery(path), `DirectoryNotEmpty,${NS}.RemoveItemCommand`, "Remove-Item");
    const choice = answer.trim().toLowerCase();
    if (choice === "a") answers.all = true;
    if (choice === "l") answers.all = false;
    if (choice === "" || choice === "y" || choice === "a") removeOne(ctx, path, true);
  });
}

export const removeItem: BuiltinCommand = {
  name: "Remove-Item",
  // No `rm`/`rmdir` aliases on Linux and macOS (the native programs), as in PowerShell there.
  aliases: ["ri", "del", "erase", "rd"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    LITERAL,
    ...FILTERS,
    { name: "Recurse", type: "switch" },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    const environment = ctx.session.environment();
    const env = envPaths(ctx, params, input, "Remove-Item", (pattern) => envMatches(ctx, pattern).map(([name]) => environment.delete(name)));
    if (env) return;
    const targets = targetsOf(ctx, params, input, "Remove-Item");
    return removeFrom(ctx, targets, 0, params.get("Recurse") === true, {});
  },
};

/**
 * For `env:` paths (Get-Item Env:HOME, Remove-Item Env:TMP*): what `each` does with each pattern's variables, or
 * null when the paths are not on the env: drive. A name that matches nothing is the provider's PathNotFound error.
 */
function envPaths(ctx: CommandContext, params: Map<string, unknown>, input: unknown, command: string, each: (pattern: string) => unknown[]): unknown[] | null {
  const value = input !== undefined ? input : params.get(params.has("LiteralPath") ? "LiteralPath" : "Path");
  const paths = value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(toStr);
  const names = paths.map(envName);
  if (names.length === 0 || names.some((n) => n === null)) return null;
  return names.flatMap((name) => {
    const done = each(name!);
    if (done.length === 0 && !/[*?[]/.test(name!)) envMissing(ctx, name!, command);
    return done;
  });
}

/**
 * Copies `from` to `to`. With -Recurse each item inside is a change of its own: the provider asks about it too
 * (under -Confirm; Yes to All answers them all), once the directory holding it was allowed.
 */
function copyTree(ctx: CommandContext, from: string, to: string, recurse: boolean): Maybe<void> {
  if (kindOf(from) !== "directory") {
    Deno.copyFileSync(from, to);
    return;
  }
  if (kindOf(to) !== "directory") Deno.mkdirSync(to);
  // Without -Recurse PowerShell copies the directory itself, empty.
  if (!recurse) return;
  const names = [...Deno.readDirSync(from)].map((e) => e.name).sort();
  return eachInOrder(names, (name) => copyAsked(ctx, join(from, name), join(to, name), true));
}

/** ShouldProcess for one copy ("Copy File" / "Copy Directory"), then the copy when allowed; whether it was. */
function copyAsked(ctx: CommandContext, from: string, to: string, recurse: boolean): Maybe<boolean> {
  const action = kindOf(from) === "directory" ? "Copy Directory" : "Copy File";
  return then(ctx.shouldProcess(transferTarget(from, to), action), (ok) => (ok ? then(copyTree(ctx, from, to, recurse), () => true) : false));
}

/** The ShouldProcess target of Copy-Item, Move-Item and Rename-Item (FileSystemProviderStrings *ResourceFileTemplate). */
const transferTarget = (source: string, destination: string) => `Item: ${source} Destination: ${destination}`;

/** Where Copy-Item and Move-Item put `source`: into `destination` when that is an existing directory. */
function destinationFor(ctx: CommandContext, source: string, destination: unknown): string {
  const target = resolvePath(ctx, destination === undefined || destination === null ? "." : toStr(destination));
  return kindOf(target) === "directory" ? join(target, leaf(source)) : target;
}

export const copyItem: BuiltinCommand = {
  name: "Copy-Item",
  // No `cp` alias on Linux and macOS, as in PowerShell there.
  aliases: ["copy", "cpi"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    LITERAL,
    ...FILTERS,
    { name: "Destination", position: 1, type: "string" },
    { name: "Recurse", type: "switch" },
    { name: "Force", type: "switch" },
    { name: "PassThru", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    const out: unknown[] = [];
    const done = eachInOrder(targetsOf(ctx, params, input, "Copy-Item"), (source) => {
      const target = destinationFor(ctx, source, params.get("Destination"));
      if (target === source) {
        return ctx.writeError(`Cannot overwrite the item ${source} with itself.`, `CopyError,${NS}.CopyItemCommand`, "Copy-Item");
      }
      if (kindOf(parent(target)) !== "directory") {
        return ctx.writeError(`Could not find a part of the path '${target}'.`, `CopyDirectoryInfoItemIOError,${NS}.CopyItemCommand`, "Copy-Item");
      }
      return then(copyAsked(ctx, source, target, params.get("Recurse") === true), (copied) => {
        if (copied && params.get("PassThru")) out.push(fileInfo(target));
      });
    });
    return then(done, () => ctx.emitAll(out));
  },
};

export const moveItem: BuiltinCommand = {
  name: "Move-Item",
  // No `mv` alias on Linux and macOS, as in PowerShell there.
  aliases: ["move", "mi"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    LITERAL,
    ...FILTERS,
    { name: "Destination", position: 1, type: "string" },
    { name: "Force", type: "switch" },
    { name: "PassThru", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    const out: unknown[] = [];
    const moved = eachInOrder(targetsOf(ctx, params, input, "Move-Item"), (source) => {
      const target = destinationFor(ctx, source, params.get("Destination"));
      return then(ctx.shouldProcess(transferTarget(source, target), kindOf(source) === "directory" ? "Move Directory" : "Move File"), (ok) => {
        if (!ok) return;
        if (kindOf(target) !== null && !(params.get("Force") === true && kindOf(target) === "file")) {
          return ctx.writeError("Cannot create a file when that file already exists.", `MoveDirectoryItemIOError,${NS}.MoveItemCommand`, "Move-Item");
        }
        try {
          Deno.renameSync(source, target);
          if (params.get("PassThru")) out.push(fileInfo(target));
        } catch {
          ctx.writeError(`Could not find a part of the path '${target}'.`, `MoveFileInfoItemIOError,${NS}.MoveItemCommand`, "Move-Item");
        }
      });
    });
    return then(moved, () => ctx.emitAll(out));
  },
};

export const renameItem: BuiltinCommand = {
  name: "Rename-Item",
  aliases: ["ren", "rni"],
  parameters: [
    { name: "Path", position: 0, type: "string", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "NewName", position: 1, type: "string", mandatory: true },
    { name: "Force", type: "switch" },
    { name: "PassThru", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    const piped = fileObjectPath(input);
    if (piped === null && input === undefined) requirePath(params, "Rename-Item");
    const written = piped ?? toStr(params.get(piped === null && input === undefined && params.has("LiteralPath") ? "LiteralPath" : "Path"));
    const source = resolvePath(ctx, written);
    const newName = toStr(params.get("NewName"));
    if (kindOf(source) === null) {
      ctx.writeError(`Cannot rename because item at '${written}' does not exist.`, `InvalidOperation,${NS}.RenameItemCommand`, "Rename-Item");
      return;
    }
    // -NewName is a name; a path there must name the same directory.
    const target = newName.includes("/") ? resolvePath(ctx, newName) : join(parent(source), newName);
    if (newName.includes("/") && parent(target) !== parent(source)) {
      ctx.writeError("Cannot rename the specified target, because it represents a path or device name.", `Argument,${NS}.RenameItemCommand`, "Rename-Item");
      return;
    }
    return then(ctx.shouldProcess(transferTarget(source, target), kindOf(source) === "directory" ? "Rename Directory" : "Rename File"), (ok) => {
      if (!ok) return;
      if (kindOf(target) !== null) {
        return ctx.writeError(`Cannot create a file when that file already exists.`, `RenameItemIOError,${NS}.RenameItemCommand`, "Rename-Item");
      }
      Deno.renameSync(source, target);
      if (params.get("PassThru")) return ctx.emit(fileInfo(target));
    });
  },
};

/** `path` relative to `from` as Resolve-Path -Relative writes it on Linux: `./name`, or `../…` above the location. */
function relativeTo(from: string, path: string): string {
  const base = from.split("/").filter(Boolean);
  const parts = path.split("/").filter(Boolean);
  let common = 0;
  while (common < base.length && common < parts.length && base[common] === parts[common]) common++;
  const up = base.length - common;
  const rest = parts.slice(common).join("/");
  return up === 0 ? `./${rest}` : "../".repeat(up) + rest;
}

export const resolvePathCommand: BuiltinCommand = {
  name: "Resolve-Path",
  aliases: ["rvpa"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    LITERAL,
    { name: "Relative", type: "switch" },
    // PowerShell 7.4: relative paths resolve against this base (and -Relative is relative to it) instead of the location.
    { name: "RelativeBasePath", type: "string" },
  ],
  process(ctx, params, input) {
    if (input === undefined) requirePath(params, "Resolve-Path");
    const literal = input === undefined && params.has("LiteralPath");
    const base = params.has("RelativeBasePath") ? resolvePath(ctx, toStr(params.get("RelativeBasePath"))) : location(ctx);
    const against = (path: string) => (path.startsWith("/") || path.startsWith("~") ? path : `${base}/${path}`);
    const out: string[] = [];
    for (const requested of paths(input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path")).map(against)) {
      const found = literal ? [resolvePath(ctx, requested)].filter((p) => kindOf(p) !== null) : expand(ctx, requested);
      // Resolve-Path reports a wildcard that matches nothing too.
      if (found.length === 0) notFound(ctx, resolvePath(ctx, requested), "Resolve-Path");
      out.push(...found);
    }
    return ctx.emitAll(params.get("Relative") ? out.map((p) => relativeTo(base, p)) : out);
  },
};

/** The named location stacks (Push-Location -StackName); "default" is the one without a name. */
function locationStack(ctx: CommandContext, name: unknown): string[] {
  let stacks = ctx.session.extensions.get(STACK_KEY) as Map<string, string[]> | undefined;
  if (!stacks) ctx.session.extensions.set(STACK_KEY, stacks = new Map());
  const key = name === undefined || name === null ? "default" : toStr(name).toLowerCase();
  let stack = stacks.get(key);
  if (!stack) stacks.set(key, stack = []);
  return stack;
}

export const getLocation: BuiltinCommand = {
  name: "Get-Location",
  aliases: ["pwd", "gl"],
  parameters: [{ name: "Stack", type: "switch" }, { name: "StackName", type: "string[]" }],
  process(ctx, params) {
    if (!params.get("Stack") && !params.has("StackName")) return ctx.emit(pathInfo(location(ctx)));
    // -Stack lists a location stack, the most recently pushed location first.
    const names = params.has("StackName") ? paths(params.get("StackName")) : [undefined];
    return ctx.emitAll(names.flatMap((name) => [...locationStack(ctx, name)].reverse()));
  },
};

export const pushLocation: BuiltinCommand = {
  name: "Push-Location",
  aliases: ["pushd"],
  parameters: [
    { name: "Path", position: 0, type: "string", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "StackName", type: "string" },
    { name: "PassThru", type: "switch" },
  ],
  process(ctx, params, input) {
    const requested = input !== undefined ? input : params.get(params.has("LiteralPath") ? "LiteralPath" : "Path");
    const stack = locationStack(ctx, params.get("StackName"));
    if (requested === undefined || requested === null) {
      stack.push(location(ctx));
      return;
    }
    const target = resolvePath(ctx, toStr(requested));
    if (kindOf(target) !== "directory") {
      notFound(ctx, target, "Push-Location");
      return;
    }
    stack.push(location(ctx));
    ctx.scope.global.set("PWD", pathInfo(target));
    if (params.get("PassThru")) return ctx.emit(pathInfo(target));
  },
};

export const popLocation: BuiltinCommand = {
  name: "Pop-Location",
  aliases: ["popd"],
  parameters: [{ name: "StackName", type: "string" }, { name: "PassThru", type: "switch" }],
  process(ctx, params) {
    // An empty default stack is no error in PowerShell: the location stays. A named one that is empty is.
    const target = locationStack(ctx, params.get("StackName")).pop();
    if (target === undefined) {
      if (params.has("StackName")) {
        ctx.writeError(`Cannot find location stack '${toStr(params.get("StackName"))}'. It does not exist or it is not a container.`, `Argument,${NS}.PopLocationCommand`, "Pop-Location");
      }
      return;
    }
    ctx.scope.global.set("PWD", pathInfo(target));
    if (params.get("PassThru")) return ctx.emit(pathInfo(target));
  },
};
