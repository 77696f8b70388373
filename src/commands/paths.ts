/**
 * The path commands (microsoft.powershell.management/test-path, join-path, split-path): they work on path text,
 * resolving against the session's location only where PowerShell looks at the file system (Test-Path, -Resolve).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { Deno } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { envMatches, envName } from "./env_drive.ts";
import { resolvePath } from "./files.ts";
import { expand, fileObjectPath, matches } from "./items.ts";

const NS = "Microsoft.PowerShell.Commands";
const hasWildcard = (path: string) => /[*?[]/.test(path);

/** The paths a -Path / -LiteralPath parameter (or the pipeline: strings, or file objects' full names) gives. */
function requested(params: Map<string, unknown>, input: unknown): { paths: string[]; literal: boolean } {
  const piped = fileObjectPath(input);
  if (piped !== null) return { paths: [piped], literal: true };
  const literal = input === undefined && params.has("LiteralPath");
  const value = input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path");
  return { paths: enumerate(value ?? null).filter((v) => v !== null && v !== undefined).map(toStr), literal };
}

function modified(path: string): Date | null {
  try {
    return Deno.statSync(path).mtime ?? null;
  } catch {
    return null;
  }
}

function kind(path: string): "file" | "directory" | null {
  try {
    return Deno.statSync(path).isDirectory ? "directory" : "file";
  } catch {
    return null;
  }
}

export const testPath: BuiltinCommand = {
  name: "Test-Path",
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "PathType", aliases: ["Type"], type: "string", validateSet: ["Any", "Container", "Leaf"] },
    { name: "IsValid", type: "switch" },
    { name: "OlderThan", type: "datetime" },
    { name: "NewerThan", type: "datetime" },
  ],
  process(ctx, params, input) {
    const { paths, literal } = requested(params, input);
    if (paths.length === 0 && !params.has("Path") && !params.has("LiteralPath") && input === undefined) {
      throw new RuntimeError(new ErrorRecord("Cannot process command because of one or more missing mandatory parameters: Path.", `MissingMandatoryParameter,${NS}.TestPathCommand`, "InvalidArgument", null, null, null, "Test-Path"));
    }
    const wanted = toStr(params.get("PathType") ?? "Any").toLowerCase();
    const olderThan = params.get("OlderThan") as Date | undefined;
    const newerThan = params.get("NewerThan") as Date | undefined;
    const fits = (path: string) => {
      const found = kind(path);
      if (found === null || (wanted === "leaf" && found !== "file") || (wanted === "container" && found !== "directory")) return false;
      const time = modified(path)?.getTime() ?? 0;
      return (olderThan === undefined || time < olderThan.getTime()) && (newerThan === undefined || time > newerThan.getTime());
    };
    // -IsValid asks only whether the text could be a path: on Linux anything but an empty one or a NUL character.
    if (params.get("IsValid")) return ctx.emitAll(paths.map((p) => p !== "" && !p.includes("\0")));
    const exists = (p: string) => {
      const env = envName(p);
      if (env !== null) {
        // `env:` itself is the drive (a container); `Env:NAME`, a variable of the session (a leaf).
        const drive = env === "";
        if ((wanted === "leaf" && drive) || (wanted === "container" && !drive)) return false;
        return drive || envMatches(ctx, env).length > 0;
      }
      const item = sessionItem(ctx, p);
      if (item !== null) return wanted !== "container" && item;
      return p === "" ? false : (literal || !hasWildcard(p) ? [resolvePath(ctx, p)] : expand(ctx, p)).some(fits);
    };
    return ctx.emitAll(paths.map(exists));
  },
};

/**
 * `variable:name`, `function:name`, `alias:name` (about_Providers: the Variable, Function and Alias drives): whether
 * the caller can see that item; null for a path on another drive. Names are not case-sensitive there.
 */
function sessionItem(ctx: CommandContext, path: string): boolean | null {
  const drive = /^(variable|function|alias):[\\/]?(.+)$/i.exec(path);
  if (!drive) return null;
  const [, kind, name] = drive;
  switch (kind.toLowerCase()) {
    case "variable":
      return ctx.scope.lookup(name) !== undefined;
    case "function":
      return ctx.scope.findFunction(name) !== undefined;
    default:
      return ctx.scope.findAlias(name) !== undefined || ctx.commands.builtinAliases().some(([alias]) => alias.toLowerCase() === name.toLowerCase());
  }
}

/** Joins two path parts with one `/` between them (the FileSystem provider's MakePath). */
function joinTwo(parent: string, child: string): string {
  if (parent === "") return child;
  if (child === "") return parent;
  return `${parent.replace(/\/+$/, "")}/${child.replace(/^\/+/, "")}`;
}

export const joinPath: BuiltinCommand = {
  name: "Join-Path",
  parameters: [
    { name: "Path", aliases: ["PSPath"], position: 0, type: "string[]", mandatory: true, pipeline: true },
    { name: "ChildPath", position: 1, type: "string", mandatory: true },
    { name: "AdditionalChildPath", position: 2, type: "string[]", remaining: true },
    { name: "Resolve", type: "switch" },
  ],
  process(ctx, params, input) {
    const parents = enumerate(input !== undefined ? input : params.get("Path")).map(toStr);
    const children = [toStr(params.get("ChildPath")), ...enumerate(params.get("AdditionalChildPath") ?? []).map(toStr)];
    const joined = parents.map((parent) => children.reduce(joinTwo, parent));
    if (!params.get("Resolve")) return ctx.emitAll(joined);
    return ctx.emitAll(joined.flatMap((path) => matches(ctx, path, "Join-Path")));
  },
};

/** The `name:` qualifier of a PowerShell path (`env:`, `function:`), or null for a file-system path. */
const qualifier = (path: string) => /^([A-Za-z][\w-]*):/.exec(path)?.[0] ?? null;

/** Split-Path's parts of one path (SplitPathCommand): only one of the switches chooses, -Parent when none does. */
function splitOne(params: Map<string, unknown>, path: string): string | boolean {
  if (params.get("IsAbsolute")) return path.startsWith("/") || path.startsWith("~") || qualifier(path) !== null;
  if (params.get("Qualifier")) return qualifier(path) ?? "";
  if (params.get("NoQualifier")) return path.slice(qualifier(path)?.length ?? 0);
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const slash = trimmed.lastIndexOf("/");
  const leaf = trimmed.slice(slash + 1);
  // Path.GetExtension: from the last dot of the leaf; a leading dot alone (".bashrc") is an extension too.
  const dot = leaf.lastIndexOf(".");
  if (params.get("Leaf")) return leaf;
  if (params.get("Extension")) return dot === -1 ? "" : leaf.slice(dot);
  if (params.get("LeafBase")) return dot === -1 ? leaf : leaf.slice(0, dot);
  return slash === -1 ? "" : slash === 0 ? (trimmed === "/" ? "" : "/") : trimmed.slice(0, slash);
}

const SPLIT_SWITCHES = ["Leaf", "LeafBase", "Extension", "Parent", "Qualifier", "NoQualifier", "IsAbsolute"];

export const splitPath: BuiltinCommand = {
  name: "Split-Path",
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    ...SPLIT_SWITCHES.map((name) => ({ name, type: "switch" })),
    { name: "Resolve", type: "switch" },
  ],
  process(ctx: CommandContext, params, input) {
    if (SPLIT_SWITCHES.filter((name) => params.get(name) === true).length > 1) {
      throw new RuntimeError(new ErrorRecord("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", `AmbiguousParameterSet,${NS}.SplitPathCommand`, "InvalidArgument", null, null, null, "Split-Path"));
    }
    const { paths, literal } = requested(params, input);
    if (paths.length === 0 && input === undefined) {
      throw new RuntimeError(new ErrorRecord("Cannot process command because of one or more missing mandatory parameters: Path.", `MissingMandatoryParameter,${NS}.SplitPathCommand`, "InvalidArgument", null, null, null, "Split-Path"));
    }
    // -Resolve splits the paths the (wildcard) path stands for; a missing one is an error.
    const targets = params.get("Resolve") ? paths.flatMap((p) => (literal ? [resolvePath(ctx, p)] : matches(ctx, p, "Split-Path"))) : paths;
    return ctx.emitAll(targets.map((p) => splitOne(params, p)));
  },
};
