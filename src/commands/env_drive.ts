/**
 * The env: drive (about_Environment_Provider): the session's own environment (its copy, not the process's) as items
 * named by variable. Get-ChildItem lists it, Get-Item reads items, Test-Path asks for them, Remove-Item deletes them.
 * A name is case-sensitive, as environment variables are on Linux and macOS; a wildcard pattern matches in any case.
 */
import { cmdletId, type CommandContext } from "../engine/command_types.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { dictionaryEntry } from "../engine/members.ts";

/** The variable-name part of an `env:` path (`Env:HOME` → `HOME`, `env:` → ``), or null for another path. */
export const envName = (path: string): string | null => /^env:[\\/]?(.*)$/i.exec(path)?.[1] ?? null;

/** The variables `pattern` names (wildcards; all for ``), sorted by name. */
export function envMatches(ctx: CommandContext, pattern: string): [string, string][] {
  const environment = ctx.session.environment();
  if (pattern !== "" && !/[*?[]/.test(pattern)) {
    const value = environment.get(pattern);
    return value === undefined ? [] : [[pattern, value]];
  }
  const matcher = wildcardToRegExp(pattern || "*", false);
  return [...environment].filter(([name]) => matcher.test(name)).sort(([a], [b]) => a.localeCompare(b));
}

/** The drive's items: DictionaryEntry objects, shown in their view (Name 30 cells wide), Key readable too. */
export function envItems(ctx: CommandContext, pattern: string, names = false): unknown[] {
  return envMatches(ctx, pattern).map(([name, value]) => (names ? name : dictionaryEntry(name, value)));
}

/** Writes the provider's error for an env: path that names no variable (ItemNotFoundException). */
export function envMissing(ctx: CommandContext, name: string, command: string): void {
  ctx.writeError(`Cannot find path '${name}' because it does not exist.`, `PathNotFound,${cmdletId(command)}`, command);
}
