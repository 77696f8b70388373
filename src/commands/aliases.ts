/** The alias family (about_Aliases): Set-Alias, New-Alias, Get-Alias. Script aliases live in the caller's scope. */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

function define(ctx: CommandContext, params: Map<string, unknown>, failIfExists: boolean, command: string): void {
  const name = toStr(params.get("Name"));
  const scope = toStr(params.get("Scope") ?? "Local").toLowerCase() === "global" ? ctx.scope.global : ctx.scope;
  if (failIfExists && scope.aliases.has(name.toLowerCase())) {
    ctx.writeError(`The alias is not allowed, because an alias with the name '${name}' already exists.`, `AliasAlreadyExists,Microsoft.PowerShell.Commands.${command.replace("-", "")}Command`, command);
    return;
  }
  // A restricted session's user sees a restricted view: their alias must not steer the operator's trusted code.
  scope.aliases.set(name.toLowerCase(), { name, target: toStr(params.get("Value")), ...(ctx.commands.restricted ? { untrusted: true } : {}) });
}

const PARAMETERS = [
  { name: "Name", position: 0, type: "string", mandatory: true },
  { name: "Value", position: 1, type: "string", mandatory: true },
  { name: "Scope", type: "string", validateSet: ["Global", "Local", "Script"] },
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
  ],
  process(ctx, params) {
    const found = new Map<string, string>();
    for (const [name, target] of ctx.commands.builtinAliases()) found.set(name.toLowerCase(), `${name} -> ${target}`);
    // Scopes nearer the caller win over outer ones and over the built-ins.
    const chain = [];
    for (let scope: typeof ctx.scope | null = ctx.scope; scope; scope = scope.parent) chain.unshift(scope);
    for (const scope of chain) for (const { name, target } of scope.aliases.values()) found.set(name.toLowerCase(), `${name} -> ${target}`);
    // -Name and -Definition take wildcards; -Definition lists the aliases of those commands (GetAliasCommand).
    const byDefinition = params.has("Definition");
    const requested = enumerate(params.get(byDefinition ? "Definition" : "Name") ?? "*").map(toStr);
    const excluded = enumerate(params.get("Exclude") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
    const entries = [...found.entries()].filter(([name]) => !excluded.some((p) => p.test(name))).sort(([a], [b]) => a.localeCompare(b));
    const rows: [string, string][] = [];
    for (const wanted of requested) {
      const pattern = wildcardToRegExp(wanted, false);
      const hits = entries.filter(([, display]) => pattern.test(byDefinition ? display.split(" -> ")[1] : display.split(" -> ")[0]));
      if (hits.length === 0 && !/[*?[]/.test(wanted)) {
        const message = byDefinition
          ? `This command cannot find a matching alias because an alias with the definition '${wanted}' does not exist.`
          : `This command cannot find a matching alias because an alias with the name '${wanted}' does not exist.`;
        ctx.writeError(message, "ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand", "Get-Alias");
      }
      rows.push(...hits);
    }
    return ctx.emitAll(rows.map(([, display]) => {
      const [name, definition] = display.split(" -> ");
      const alias = new PSCustomObject();
      alias.set("CommandType", "Alias");
      alias.set("Name", name);
      alias.set("Definition", definition);
      return alias;
    }));
  },
};
