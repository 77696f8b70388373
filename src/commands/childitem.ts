/**
 * Get-ChildItem over the FileSystem provider (microsoft.powershell.management/get-childitem) and the env: drive.
 * A directory gives its children, subdirectories before files (each sorted by name: rsh's choice where .NET
 * enumerates in the file system's order); -Recurse (or -Depth) lists a directory's children before descending into
 * its subdirectories, as FileSystemProvider.Dir does. On Linux a name starting with `.` is hidden:
 * listed only with -Force or -Hidden, and not descended into without them. Symbolic links to directories are listed
 * but followed only with -FollowSymlink, which skips a directory it has already been in (a link loop).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { Deno } from "../platform.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { envItems, envName } from "./env_drive.ts";
import { fileInfo, resolvePath } from "./files.ts";

const GET_CHILD_ITEM = "Microsoft.PowerShell.Commands.GetChildItemCommand";

interface Entry {
  name: string;
  directory: boolean;
  symlink: boolean;
}

/** A directory's entries sorted by name (what the listing shows), or null when it cannot be read. */
function entries(path: string): Entry[] | null {
  try {
    return [...Deno.readDirSync(path)]
      .map((e) => {
        // A link's own entry says only that it is a link: whether it leads to a directory needs a stat.
        let directory = e.isDirectory;
        if (e.isSymlink) {
          try {
            directory = Deno.statSync(`${path}/${e.name}`).isDirectory;
          } catch {
            directory = false;
          }
        }
        return { name: e.name, directory, symlink: e.isSymlink };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return null;
  }
}

const isHidden = (name: string) => name.startsWith(".");
const join = (dir: string, name: string) => `${dir === "/" ? "" : dir}/${name}`;

interface Listing {
  /** Which entries are written (-Filter, -Include, -Exclude, -File, -Directory, -Hidden, -Force). */
  wanted: (entry: Entry) => boolean;
  /** Whether hidden entries are seen at all (-Force or -Hidden). */
  showHidden: boolean;
  /** How many levels below the first to descend: 0 without -Recurse, Infinity with it and no -Depth. */
  depth: number;
  names: boolean;
  /** With -FollowSymlink: the real paths of the directories already listed. */
  visited: Set<string> | null;
}

function listingOf(params: Map<string, unknown>): Listing {
  const patterns = (name: string) => enumerate(params.get(name) ?? []).map((p) => wildcardToRegExp(toStr(p), false));
  const filter = params.has("Filter") && params.get("Filter") !== null ? wildcardToRegExp(toStr(params.get("Filter")), false) : null;
  const include = patterns("Include");
  const exclude = patterns("Exclude");
  const hiddenOnly = params.get("Hidden") === true;
  const wanted = (e: Entry) =>
    (filter === null || filter.test(e.name)) &&
    (include.length === 0 || include.some((p) => p.test(e.name))) &&
    !exclude.some((p) => p.test(e.name)) &&
    (params.get("File") !== true || !e.directory) &&
    (params.get("Directory") !== true || e.directory) &&
    (!hiddenOnly || isHidden(e.name));
  const depth = params.has("Depth") ? toNumber(params.get("Depth")) : params.get("Recurse") === true ? Infinity : 0;
  const visited = params.get("FollowSymlink") === true ? new Set<string>() : null;
  return { wanted, showHidden: hiddenOnly || params.get("Force") === true, depth, names: params.get("Name") === true, visited };
}

/** Lists `dir` and, within the depth, its subdirectories: `prefix` is the name path -Name writes. */
function list(listing: Listing, dir: string, prefix: string, level: number, out: unknown[]): void {
  if (listing.visited) {
    const real = Deno.realPathSync(dir);
    if (listing.visited.has(real)) return;
    listing.visited.add(real);
  }
  const children = entries(dir)?.filter((e) => listing.showHidden || !isHidden(e.name)) ?? [];
  // Dir() writes EnumerateDirectories, then EnumerateFiles.
  for (const e of [...children.filter((c) => c.directory), ...children.filter((c) => !c.directory)]) {
    if (!listing.wanted(e)) continue;
    if (listing.names) out.push(prefix + e.name);
    else {
      const item = fileInfo(join(dir, e.name), e.name);
      if (item) out.push(item);
    }
  }
  if (level >= listing.depth) return;
  for (const e of children) if (e.directory && (!e.symlink || listing.visited)) list(listing, join(dir, e.name), `${prefix}${e.name}/`, level + 1, out);
}

/** The paths one -Path names: itself, or the matches of a wildcard in its last segment (hidden ones with -Force). */
function expand(ctx: CommandContext, requested: string, literal: boolean, showHidden: boolean): string[] {
  const path = resolvePath(ctx, requested);
  const slash = path.lastIndexOf("/");
  const leaf = path.slice(slash + 1);
  if (literal || !/[*?[]/.test(leaf)) return [path];
  const dir = path.slice(0, slash) || "/";
  const pattern = wildcardToRegExp(leaf, false);
  return (entries(dir) ?? []).filter((e) => pattern.test(e.name) && (showHidden || !isHidden(e.name))).map((e) => join(dir, e.name));
}

export const getChildItem: BuiltinCommand = {
  name: "Get-ChildItem",
  // No `ls` alias on Linux and macOS (the native `ls`), as in PowerShell there.
  aliases: ["gci", "dir"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "Filter", position: 1, type: "string" },
    { name: "Include", type: "string[]" },
    { name: "Exclude", type: "string[]" },
    { name: "Recurse", aliases: ["s"], type: "switch" },
    { name: "Depth", type: "int", validateRange: [0, 2147483647] },
    { name: "Force", type: "switch" },
    { name: "Name", type: "switch" },
    { name: "File", aliases: ["af"], type: "switch" },
    { name: "Directory", aliases: ["ad", "d"], type: "switch" },
    { name: "Hidden", aliases: ["ah", "h"], type: "switch" },
    { name: "FollowSymlink", type: "switch" },
  ],
  process(ctx, params, input) {
    const literal = params.has("LiteralPath");
    const value = input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path");
    const requested = value === undefined || value === null ? ["."] : enumerate(value).map(toStr);
    const listing = listingOf(params);
    const out: unknown[] = [];
    for (const path of requested) {
      const env = envName(path);
      if (env !== null) {
        out.push(...envItems(ctx, env, listing.names));
        continue;
      }
      // With -Recurse a wildcard in the last segment filters the whole tree below its directory (`*.txt -Recurse`
      // finds the .txt files everywhere), as the cmdlet moves it into the include filter.
      const resolved = resolvePath(ctx, path);
      const leaf = resolved.slice(resolved.lastIndexOf("/") + 1);
      if (listing.depth > 0 && !literal && /[*?[]/.test(leaf)) {
        const pattern = wildcardToRegExp(leaf, false);
        const dir = resolved.slice(0, resolved.lastIndexOf("/")) || "/";
        if (entries(dir) !== null) list({ ...listing, wanted: (e) => pattern.test(e.name) && listing.wanted(e) }, dir, "", 0, out);
        continue;
      }
      const found = expand(ctx, path, literal, listing.showHidden);
      if (found.length === 1 && found[0] === resolvePath(ctx, path) && fileInfo(found[0]) === null) {
        ctx.writeError(`Cannot find path '${found[0]}' because it does not exist.`, `PathNotFound,${GET_CHILD_ITEM}`, "Get-ChildItem");
        continue;
      }
      for (const target of found) {
        const item = fileInfo(target);
        if (item === null) continue;
        if (item.get("Mode") === "d----") {
          list(listing, target, "", 0, out);
          continue;
        }
        // A file named by the path is written itself, when the filters let it through.
        const name = toStr(item.get("Name"));
        if (listing.wanted({ name, directory: false, symlink: false })) out.push(listing.names ? name : item);
      }
    }
    return ctx.emitAll(out);
  },
};
