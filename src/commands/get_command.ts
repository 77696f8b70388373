/**
 * Get-Command (microsoft.powershell.core/get-command): CommandInfo objects for aliases, functions, built-ins and
 * programs on PATH, picked by name (wildcards, abbreviations, fuzzy), verb, noun, type, module and parameters.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { mapInOrder, type Maybe, then } from "../engine/maybe.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { Scope } from "../engine/scope.ts";
import { findExecutable } from "../platform.ts";
import { canonicalType, enumerate, toNumber, toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";
import { builtinSyntax, functionSyntax, parameterType } from "./discovery.ts";

const COMMAND_TYPES = ["Alias", "Function", "Cmdlet", "Application", "ExternalScript"];

interface Found {
  type: string;
  name: string;
  source: string;
  /** An alias's target (CommandInfo.Definition / ResolvedCommandName). */
  definition: string;
}

const hasWildcard = (name: string) => /[*?[]/.test(name);

/** Every alias, function and built-in visible from the caller's scope (the nearest definition of a name wins). */
function visibleCommands(ctx: CommandContext): Found[] {
  const aliases = new Map<string, Found>();
  const functions = new Map<string, Found>();
  for (let scope: typeof ctx.scope | null = ctx.scope; scope; scope = scope.parent) {
    for (const [key, alias] of scope.aliases) {
      if (!aliases.has(key)) aliases.set(key, { type: "Alias", name: alias.name, source: "", definition: alias.target });
    }
    for (const [key, fn] of scope.functions) {
      if (!functions.has(key) && ctx.commands.functionVisible(fn)) functions.set(key, { type: "Function", name: fn.definition.name, source: "", definition: "" });
    }
  }
  for (const [alias, target] of ctx.commands.builtinAliases()) {
    if (!aliases.has(alias)) aliases.set(alias, { type: "Alias", name: alias, source: "", definition: target });
  }
  const builtinAliases = new Set(ctx.commands.builtinAliases().map(([alias]) => alias));
  const cmdlets = ctx.commands.names().filter((name) => !builtinAliases.has(name.toLowerCase()))
    .map((name): Found => ({ type: "Cmdlet", name, source: "rsh", definition: "" }));
  return [...aliases.values(), ...functions.values(), ...cmdlets];
}

function commandInfo(found: Found): PSCustomObject {
  const info = new PSCustomObject();
  info.set("CommandType", found.type);
  info.set("Name", found.name);
  info.set("Version", "");
  info.set("Source", found.source);
  // Read by scripts (`(Get-Command ll).Definition`), not shown in the table.
  info.setHidden("Definition", found.type === "Alias" ? found.definition : found.type === "Application" ? found.source : found.name);
  if (found.type === "Alias") info.setHidden("ResolvedCommandName", found.definition);
  return info;
}

export const getCommand: BuiltinCommand = {
  name: "Get-Command",
  aliases: ["gcm"],
  parameters: [
    { name: "Name", position: 0, type: "string[]", pipeline: true },
    { name: "CommandType", aliases: ["Type"], type: "string[]" },
    { name: "Verb", type: "string[]" },
    { name: "Noun", type: "string[]" },
    { name: "Module", aliases: ["PSSnapin"], type: "string[]" },
    { name: "TotalCount", type: "int" },
    { name: "All", type: "switch" },
    // Every command of a session is loaded here: -ListImported lists what Get-Command lists anyway.
    { name: "ListImported", type: "switch" },
    { name: "ParameterName", type: "string[]" },
    { name: "ParameterType", type: "string[]" },
    { name: "UseAbbreviationExpansion", type: "switch" },
    { name: "UseFuzzyMatching", type: "switch" },
    { name: "FuzzyMinimumDistance", type: "long", validateRange: [0, 4294967295] },
    { name: "Syntax", type: "switch" },
  ],
  process(ctx, params, input) {
    const types = params.has("CommandType") ? enumerate(params.get("CommandType")).map(toStr) : null;
    for (const type of types ?? []) {
      if (!COMMAND_TYPES.some((t) => t.toLowerCase() === type.toLowerCase())) {
        ctx.writeError(
          `Cannot bind parameter 'CommandType'. Cannot convert value "${type}" to type "System.Management.Automation.CommandTypes". Error: "Unable to match the identifier name ${type} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${COMMAND_TYPES.join(", ")}"`,
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetCommandCommand",
          "Get-Command",
        );
        return;
      }
    }
    const wanted = (type: string) => types === null || types.some((t) => t.toLowerCase() === type.toLowerCase());
    const value = input === undefined ? params.get("Name") : input;
    const names = value === undefined || value === null ? null : enumerate(value).map(toStr);
    // -Verb and -Noun (wildcards) pick cmdlets and functions by the two halves of their names.
    const half = (name: string, i: 0 | 1) => (name.includes("-") ? [name.slice(0, name.indexOf("-")), name.slice(name.indexOf("-") + 1)][i] : null);
    const fits = (param: string, i: 0 | 1) => (c: Found) => {
      if (!params.has(param)) return true;
      const part = half(c.name, i);
      return part !== null && c.type !== "Alias" && c.type !== "Application" && enumerate(params.get(param)).some((p) => wildcardToRegExp(toStr(p), false).test(part));
    };
    // -Module: the module a command comes from (its Source; rsh's built-ins are the `rsh` module's).
    const modules = params.has("Module") ? enumerate(params.get("Module")).map((m) => wildcardToRegExp(toStr(m), false)) : null;
    const inModule = (c: Found) => modules === null || (c.source !== "" && c.type !== "Application" && modules.some((m) => m.test(c.source)));
    const all = visibleCommands(ctx).filter((c) => wanted(c.type) && fits("Verb", 0)(c) && fits("Noun", 1)(c) && inModule(c));
    const order = (c: Found) => COMMAND_TYPES.indexOf(c.type);
    const sorted = (list: Found[]) => list.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
    // -UseAbbreviationExpansion: `i-psdf` names Import-PowerShellDataFile (the verb's first letter, the noun's capitals).
    const nameTest = (name: string): (c: Found) => boolean => {
      const pattern = wildcardToRegExp(name, false);
      return params.get("UseAbbreviationExpansion") ? (c) => pattern.test(abbreviation(c.name)) : (c) => pattern.test(c.name);
    };
    const finish = (found: Found[]) => then(withParameters(ctx, params, found), (kept) => {
      const limited = params.has("TotalCount") && toNumber(params.get("TotalCount")) >= 0 ? kept.slice(0, toNumber(params.get("TotalCount"))) : kept;
      if (params.get("Syntax")) return then(mapInOrder(limited, (c) => syntaxOf(ctx, c)), (lines) => ctx.emitAll(lines));
      return ctx.emitAll(limited.map(commandInfo));
    });
    if (names === null) return finish(sorted(all));
    const results: Found[] = [];
    for (const name of names) {
      if (params.get("UseFuzzyMatching")) {
        results.push(...fuzzyMatches(all, name, params.has("FuzzyMinimumDistance") ? toNumber(params.get("FuzzyMinimumDistance")) : 5));
        continue;
      }
      if (hasWildcard(name) || params.get("UseAbbreviationExpansion")) {
        results.push(...sorted(all.filter(nameTest(name))));
        continue;
      }
      // An exact name gives the command that runs for it (about_Command_Precedence): alias, function, cmdlet, program;
      // -All gives every command of that name, the hidden ones too.
      const matches = sorted(all.filter((c) => c.name.toLowerCase() === name.toLowerCase()));
      if (matches.length) {
        results.push(...(params.get("All") ? matches : matches.slice(0, 1)));
        continue;
      }
      if (wanted("Application") && !ctx.commands.restricted) {
        const env = ctx.session.environment();
        const path = findExecutable(name, env.get("PATH") ?? "", toStr(ctx.scope.global.lookup("PWD")?.value ?? "") || ".");
        if (path) {
          results.push({ type: "Application", name: path.slice(path.lastIndexOf("/") + 1), source: path, definition: path });
          continue;
        }
      }
      ctx.writeError(
        `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
        "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand",
        "Get-Command",
      );
    }
    return finish(results);
  },
};

/**
 * -UseFuzzyMatching: the commands whose names are within `distance` edits of `name` (FuzzyMatcher: the Damerau–
 * Levenshtein distance of the upper-cased names, adjacent transpositions counting one), nearest first.
 */
function fuzzyMatches(all: Found[], name: string, distance: number): Found[] {
  const scored = all.map((c) => ({ c, d: editDistance(c.name.toUpperCase(), name.toUpperCase()) })).filter(({ d }) => d <= distance);
  return scored.sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name, "en", { sensitivity: "base" })).map(({ c }) => c);
}

/** The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** `Import-PowerShellDataFile` → `i-psdf`: the verb's first letter and the noun's capitals (and digits), lower-case. */
function abbreviation(name: string): string {
  const dash = name.indexOf("-");
  if (dash < 0) return name.toLowerCase();
  return (name[0] + "-" + name.slice(dash + 1).replace(/[^A-Z0-9]/g, "")).toLowerCase();
}

/** A command's parameters as -ParameterName and -ParameterType see them: names, aliases and type names. */
function parametersOf(ctx: CommandContext, found: Found): Maybe<{ names: string[]; type: string }[] | null> {
  if (found.type !== "Cmdlet" && found.type !== "Function") return null;
  // The cmdlet of that name, not a function or alias that would hide it.
  const resolved = ctx.commands.resolve(found.name, found.type === "Cmdlet" ? new Scope(null) : ctx.scope);
  if (!resolved) return null;
  if (resolved.kind === "function") {
    const { definition } = resolved.entry;
    return (definition.parameters ?? definition.body.paramBlock?.parameters ?? []).map((p) => ({ names: [p.name], type: parameterType(p) }));
  }
  const command = resolved.command;
  return then(command.load ? command.load() : command, (full) => full.parameters.map((p) => ({ names: [p.name, ...(p.aliases ?? [])], type: p.type ?? "object" })));
}

/** The short name of a type as written or as .NET names it (`System.String[]` and `string[]` are both `string[]`). */
const parameterTypeName = (type: string) => canonicalType(type).replace(/^.*\./, "").toLowerCase();

/** -ParameterName and -ParameterType (wildcards): the commands with a parameter of that name and of that type. */
function withParameters(ctx: CommandContext, params: Map<string, unknown>, found: Found[]): Maybe<Found[]> {
  if (!params.has("ParameterName") && !params.has("ParameterType")) return found;
  const names = params.has("ParameterName") ? enumerate(params.get("ParameterName")).map((n) => wildcardToRegExp(toStr(n), false)) : null;
  const types = params.has("ParameterType") ? enumerate(params.get("ParameterType")).map((t) => wildcardToRegExp(parameterTypeName(toStr(t)), false)) : null;
  return then(mapInOrder(found, (c) => parametersOf(ctx, c)), (lists) =>
    found.filter((_, i) =>
      lists[i]?.some((p) => (names === null || p.names.some((n) => names.some((re) => re.test(n)))) && (types === null || types.some((re) => re.test(parameterTypeName(p.type)))))
    ));
}

/** Get-Command -Syntax: a command's syntax line (an alias's is its command's; a program's is its path). */
function syntaxOf(ctx: CommandContext, found: Found): Maybe<string> {
  if (found.type === "Application") return found.source;
  const resolved = ctx.commands.resolve(found.type === "Alias" ? found.definition : found.name, ctx.scope);
  if (!resolved) return found.name;
  if (resolved.kind === "function") return functionSyntax(resolved.entry.definition, resolved.entry.source);
  const command = resolved.command;
  return then(command.load ? command.load() : command, builtinSyntax);
}
