/**
 * TabExpansion2 (PowerShell's completion entry point): what could stand at the cursor of a line being typed. The
 * REPL asks the session it talks to — the local one, or an entered remote one by running this same command there —
 * so names, variables, members and paths are those of that session. The result is a CommandCompletion:
 * CompletionMatches (CompletionText, ListItemText, ResultType, ToolTip), ReplacementIndex, ReplacementLength.
 */
import type { IToken } from "chevrotain";
import { tokenize } from "../../grammar/tokens.ts";
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import type { ParameterSpec } from "../engine/binder.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

interface Match {
  text: string;
  list: string;
  type: "Command" | "Parameter" | "Variable" | "Property" | "ProviderItem" | "ProviderContainer" | "ParameterValue";
}

/** The common parameters a built-in or an advanced function takes (about_CommonParameters), in PowerShell's order. */
const COMMON = ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "OutVariable"];

/** Tokens that end one command and start the next: after them a word is a command name. */
const COMMAND_START = new Set(["Pipe", "Semicolon", "NewLine", "LBrace", "LParen", "DollarParen", "AtParen", "AndAnd", "OrOr", "Ampersand", "DotSource"]);

const startsWith = (name: string, prefix: string) => name.toLowerCase().startsWith(prefix.toLowerCase());
const byName = (a: Match, b: Match) => a.list.localeCompare(b.list, "en", { sensitivity: "base" });

export const tabExpansion2: BuiltinCommand = {
  name: "TabExpansion2",
  parameters: [
    { name: "InputScript", position: 0, type: "string" },
    { name: "CursorColumn", position: 1, type: "int" },
  ],
  async process(ctx, params) {
    const script = toStr(params.get("InputScript") ?? "");
    const cursor = Math.max(0, Math.min(script.length, Number(params.get("CursorColumn") ?? script.length)));
    const before = script.slice(0, cursor);
    const word = /[^\s|;&(){}=,]*$/.exec(before)![0];
    const { start, matches } = await complete(ctx, before, word);
    const result = new PSCustomObject();
    result.set("CurrentMatchIndex", -1);
    result.set("ReplacementIndex", start);
    result.set("ReplacementLength", cursor - start);
    result.set("CompletionMatches", matches.map((m) => {
      const item = new PSCustomObject();
      item.set("CompletionText", m.text);
      item.set("ListItemText", m.list);
      item.set("ResultType", m.type);
      item.set("ToolTip", m.list);
      return item;
    }));
    return ctx.emit(result);
  },
};

/** What to complete for `word`, the end of `before` (the input up to the cursor). */
async function complete(ctx: CommandContext, before: string, word: string): Promise<{ start: number; matches: Match[] }> {
  const start = before.length - word.length;
  const member = /^(\$\w+(?:\.\w+)*)\.(\w*)$/.exec(word);
  if (member) return { start: before.length - member[2].length, matches: await members(ctx, member[1], member[2]) };
  if (/^\$[\w:]*$/.test(word)) return { start, matches: variables(ctx, word.slice(1)) };
  const tokens = tokenize(before.slice(0, start)).tokens;
  const previous = tokens[tokens.length - 1];
  const command = commandOf(tokens);
  if (word.startsWith("-") && command) return { start, matches: await parameters(ctx, command, word.slice(1)) };
  if ((!previous || COMMAND_START.has(previous.tokenType.name)) && !/[/~]/.test(word) && !word.startsWith(".")) {
    return { start, matches: commands(ctx, word) };
  }
  if (previous?.tokenType.name === "Parameter" && command && /-PSSession$/i.test(command) && /^-(Name|Id)$/i.test(previous.image)) {
    return { start, matches: await sessions(ctx, previous.image.slice(1), word) };
  }
  return { start, matches: paths(ctx, word) };
}

/** The name of the command whose arguments are being typed (the nearest command name of the current element). */
function commandOf(tokens: IToken[]): string | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const name = tokens[i].tokenType.name;
    if (name === "CommandName") return tokens[i].image;
    if (COMMAND_START.has(name)) return null;
  }
  return null;
}

function variables(ctx: CommandContext, prefix: string): Match[] {
  const variable = (name: string): Match => ({ text: `$${name}`, list: name, type: "Variable" });
  if (/^env:/i.test(prefix)) {
    const names = [...ctx.session.environment().keys()].filter((n) => startsWith(n, prefix.slice(4)));
    return names.map((n) => variable(`env:${n}`)).sort(byName);
  }
  const seen = new Map<string, Match>();
  for (let scope: CommandContext["scope"] | null = ctx.scope; scope; scope = scope.parent) {
    for (const [key, v] of scope.variables) {
      if (!seen.has(key) && startsWith(v.name, prefix) && /^\w+$/.test(v.name)) seen.set(key, variable(v.name));
    }
  }
  return [...seen.values()].sort(byName);
}

/** Members of the value of `expression` (variables and properties only: completion never runs a command). */
async function members(ctx: CommandContext, expression: string, prefix: string): Promise<Match[]> {
  let found: unknown[];
  try {
    found = await ctx.evaluateText(`${expression} | Get-Member`);
  } catch {
    return [];
  }
  const matches = new Map<string, Match>();
  for (const info of found) {
    const get = (name: string) => toStr((info as PSCustomObject).get?.(name) ?? "");
    const name = get("Name");
    if (!startsWith(name, prefix) || matches.has(name.toLowerCase())) continue;
    const isMethod = get("MemberType") === "Method";
    matches.set(name.toLowerCase(), { text: isMethod ? `${name}(` : name, list: name, type: "Property" });
  }
  return [...matches.values()].sort(byName);
}

async function parameters(ctx: CommandContext, command: string, prefix: string): Promise<Match[]> {
  const resolved = ctx.commands.resolve(command, ctx.scope);
  let names: string[] = [];
  if (resolved?.kind === "builtin") {
    const full = resolved.command.load ? await resolved.command.load() : resolved.command;
    const own = full.parameters.map((p: ParameterSpec) => p.name);
    names = [...own, ...COMMON.filter((c) => !own.some((o) => o.toLowerCase() === c.toLowerCase()))];
  } else if (resolved?.kind === "function") {
    const definition = resolved.entry.definition;
    const block = definition.body.paramBlock;
    names = (definition.parameters ?? block?.parameters ?? []).map((p) => p.name);
    const advanced = block?.attributes.some((a) => a.typeName.name.toLowerCase() === "cmdletbinding") ?? false;
    if (advanced) names.push(...COMMON);
  }
  return names.filter((n) => startsWith(n, prefix)).map((n) => ({ text: `-${n}`, list: n, type: "Parameter" }));
}

function commands(ctx: CommandContext, prefix: string): Match[] {
  const found = new Map<string, Match>();
  const add = (name: string) => {
    if (startsWith(name, prefix) && !found.has(name.toLowerCase())) found.set(name.toLowerCase(), { text: name, list: name, type: "Command" });
  };
  for (let scope: CommandContext["scope"] | null = ctx.scope; scope; scope = scope.parent) {
    // A restricted session's hidden startup functions are not offered (their names are the operator's business).
    for (const fn of scope.functions.values()) if (ctx.commands.functionVisible(fn)) add(fn.definition.name);
    for (const alias of scope.aliases.values()) add(alias.name);
  }
  for (const name of ctx.commands.names()) add(name);
  // Programs only for a prefix: listing every program on PATH for an empty word helps nobody.
  if (prefix !== "" && !ctx.commands.restricted) {
    for (const dir of (ctx.session.environment().get("PATH") ?? "").split(":")) {
      for (const entry of listDir(dir)) {
        if (!entry.isDirectory && isExecutable(`${dir}/${entry.name}`)) add(entry.name);
      }
    }
  }
  return [...found.values()].sort(byName);
}

/** Session names (or ids) for `Enter-PSSession -Name`, `Remove-PSSession -Id` and the like. */
async function sessions(ctx: CommandContext, property: string, prefix: string): Promise<Match[]> {
  let found: unknown[];
  try {
    found = await ctx.evaluateText("Get-PSSession");
  } catch {
    return [];
  }
  const values = found.map((s) => toStr((s as PSCustomObject).get?.(property) ?? "")).filter((v) => v !== "" && startsWith(v, prefix));
  return [...new Set(values)].map((v) => ({ text: quoted(v), list: v, type: "ParameterValue" }));
}

/** Files and directories matching `word`, relative to the session's location; directories end in `/`. */
function paths(ctx: CommandContext, word: string): Match[] {
  const typed = word.replace(/^['"]/, "");
  const slash = typed.lastIndexOf("/");
  const dirPart = typed.slice(0, slash + 1);
  const namePrefix = typed.slice(slash + 1);
  const location = toStr(ctx.scope.global.lookup("PWD")?.value ?? "") || Deno.cwd();
  const home = ctx.session.environment().get("HOME") ?? "";
  const expanded = dirPart.startsWith("~/") ? home + dirPart.slice(1) : dirPart;
  const dir = expanded.startsWith("/") ? expanded : `${location}/${expanded}`;
  const matches: Match[] = [];
  for (const entry of listDir(dir || "/")) {
    if (!startsWith(entry.name, namePrefix) || (entry.name.startsWith(".") && !namePrefix.startsWith("."))) continue;
    let isDirectory = entry.isDirectory;
    if (entry.isSymlink) {
      try {
        isDirectory = Deno.statSync(`${dir}/${entry.name}`).isDirectory;
      } catch { /* a dangling link is a file name */ }
    }
    const path = dirPart + entry.name + (isDirectory ? "/" : "");
    matches.push({ text: quoted(path), list: entry.name + (isDirectory ? "/" : ""), type: isDirectory ? "ProviderContainer" : "ProviderItem" });
  }
  return matches.sort(byName);
}

/** A completion that would not stay one argument is single-quoted, as PowerShell quotes it. */
function quoted(text: string): string {
  return /^[^\s'"`$&|;(){}<>,@#]*$/.test(text) ? text : `'${text.replaceAll("'", "''")}'`;
}

function listDir(dir: string): { name: string; isDirectory: boolean; isSymlink: boolean }[] {
  try {
    return [...Deno.readDirSync(dir)];
  } catch {
    return [];
  }
}

function isExecutable(path: string): boolean {
  try {
    return ((Deno.statSync(path).mode ?? 0) & 0o111) !== 0;
  } catch {
    return false;
  }
}
