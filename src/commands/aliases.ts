/** The alias family (about_Aliases): Set-Alias, New-Alias, Get-Alias. Script aliases live in the caller's scope. */
import { type BuiltinCommand, cmdletId, type CommandContext, SHOULD_PROCESS } from "../engine/command_types.ts";
import { type Maybe, then } from "../engine/maybe.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import type { Scope, ScriptAlias } from "../engine/scope.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";
import { frameOf, OPTIONS, optionsOf } from "./variables.ts";

/** AliasInfo's Description and Options, kept beside the scope's alias entry. */
const details = new WeakMap<ScriptAlias, { description: string; options: string[] }>();

/** An alias as Get-Alias and -PassThru write it (CommandType, Name, Definition; Description and Options readable). */
function aliasObject(name: string, definition: string, alias?: ScriptAlias): PSCustomObject {
  const object = new PSCustomObject();
  const info = alias && details.get(alias);
  object.set("CommandType", "Alias");
  object.set("Name", name);
  object.set("Definition", definition);
  object.setHidden("Description", info?.description ?? "");
  object.setHidden("Options", info?.options.length ? info.options.join(", ") : "None");
  return object;
}

function define(ctx: CommandContext, params: Map<string, unknown>, failIfExists: boolean, command: string): Maybe<void> {
  const name = toStr(params.get("Name"));
  const scope = params.has("Scope") ? frameOf(ctx, toStr(params.get("Scope")), command) : ctx.scope;
  const existing = scope.aliases.get(name.toLowerCase());
  const force = params.get("Force") === true;
  if (failIfExists && existing && !force) {
    ctx.writeError(`The alias is not allowed, because an alias with the name '${name}' already exists.`, `AliasAlreadyExists,${cmdletId(command)}`, command);
    return;
  }
  // New-Alias asks once the name is known to be free; Set-Alias before it finds a read-only alias in the way.
  const action = failIfExists ? "New Alias" : "Set Alias";
  return then(ctx.shouldProcess(`Name: ${name} Value: ${toStr(params.get("Value"))}`, action), (ok) => (ok ? write(ctx, params, scope, existing, command) : undefined));
}

/** Sets the alias once ShouldProcess allowed it, unless a read-only or constant one is in the way. */
function write(ctx: CommandContext, params: Map<string, unknown>, scope: Scope, existing: ScriptAlias | undefined, command: string): Maybe<void> {
  const name = toStr(params.get("Name"));
  const force = params.get("Force") === true;
  // A read-only alias changes only with -Force, a constant one never (SessionStateUnauthorizedAccessException).
  const was = existing && details.get(existing);
  if (was && (was.options.includes("Constant") || (was.options.includes("ReadOnly") && !force))) {
    ctx.writeError(`Alias was not written because alias ${name} is read-only or constant and cannot be written to.`, `AliasNotWritable,${cmdletId(command)}`, command);
    return;
  }
  const options = optionsOf(params, was?.options ?? []);
  // A restricted session's user sees a restricted view: their alias must not steer the operator's trusted code.
  const alias: ScriptAlias = { name, target: toStr(params.get("Value")), ...(ctx.commands.restricted ? { untrusted: true } : {}) };
  scope.aliases.set(name.toLowerCase(), alias);
  details.set(alias, { description: params.has("Description") ? toStr(params.get("Description")) : was?.description ?? "", options });
  if (params.get("PassThru")) return ctx.emit(aliasObject(name, alias.target, alias));
}

const PARAMETERS = [
  { name: "Name", position: 0, type: "string", mandatory: true },
  { name: "Value", position: 1, type: "string", mandatory: true },
  { name: "Scope", type: "string" },
  { name: "Description", type: "string" },
  { name: "Option", type: "string[]", validateSet: OPTIONS },
  { name: "PassThru", type: "switch" },
  { name: "Force", type: "switch" },
  ...SHOULD_PROCESS,
];

export const setAlias: BuiltinCommand = {
  name: "Set-Alias",
  aliases: ["sal"],
  parameters: PARAMETERS,
  process: (ctx, params) => define(ctx, params, false, "Set-Alias"),
};

export const newAlias: BuiltinCommand = {
  name: "New-Alias",
  aliases: ["nal"],
  parameters: PARAMETERS,
  process: (ctx, params) => define(ctx, params, true, "New-Alias"),
};

export const getAlias: BuiltinCommand = {
  name: "Get-Alias",
  aliases: ["gal"],
  parameters: [
    { name: "Name", position: 0, type: "string[]" },
    { name: "Definition", type: "string[]" },
    { name: "Exclude", type: "string[]" },
    { name: "Scope", type: "string" },
  ],
  process(ctx, params) {
    const found = new Map<string, { name: string; target: string; alias?: ScriptAlias }>();
    // -Scope lists that frame's aliases only; the built-in ones belong to the global scope.
    const only: Scope | null = params.has("Scope") ? frameOf(ctx, toStr(params.get("Scope")), "Get-Alias") : null;
    if (!only || only === ctx.scope.global) for (const [name, target] of ctx.commands.builtinAliases()) found.set(name.toLowerCase(), { name, target });
    // Scopes nearer the caller win over outer ones and over the built-ins.
    const chain: Scope[] = [];
    for (let scope: Scope | null = only ?? ctx.scope; scope; scope = only ? null : scope.parent) chain.unshift(scope);
    for (const scope of chain) for (const alias of scope.aliases.values()) found.set(alias.name.toLowerCase(), { name: alias.name, target: alias.target, alias });
    // -Name and -Definition take wildcards; -Definition lists the aliases of those commands (GetAliasCommand).
    const byDefinition = params.has("Definition");
    const requested = enumerate(params.get(byDefinition ? "Definition" : "Name") ?? "*").map(toStr);
    const excluded = enumerate(params.get("Exclude") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
    const entries = [...found.entries()].filter(([name]) => !excluded.some((p) => p.test(name))).sort(([a], [b]) => a.localeCompare(b));
    const rows: PSCustomObject[] = [];
    for (const wanted of requested) {
      const pattern = wildcardToRegExp(wanted, false);
      const hits = entries.filter(([, entry]) => pattern.test(byDefinition ? entry.target : entry.name));
      if (hits.length === 0 && !/[*?[]/.test(wanted)) {
        const message = byDefinition
          ? `This command cannot find a matching alias because an alias with the definition '${wanted}' does not exist.`
          : `This command cannot find a matching alias because an alias with the name '${wanted}' does not exist.`;
        ctx.writeError(message, "ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand", "Get-Alias");
      }
      rows.push(...hits.map(([, { name, target, alias }]) => aliasObject(name, target, alias)));
    }
    return ctx.emitAll(rows);
  },
};
