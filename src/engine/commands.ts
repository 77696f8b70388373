/**
 * Command lookup in PowerShell's order (about_Command_Precedence): alias, function, built-in cmdlet. The built-in
 * table is shared and frozen; functions come from the caller's scope chain.
 */
import type { BuiltinCommand } from "./command_types.ts";
import type { FunctionEntry, Scope } from "./scope.ts";

export type Resolved = { kind: "function"; entry: FunctionEntry } | { kind: "builtin"; command: BuiltinCommand };

export class CommandTable {
  readonly #builtins = new Map<string, BuiltinCommand>();
  readonly #aliases = new Map<string, string>();

  constructor(commands: readonly BuiltinCommand[]) {
    for (const command of commands) {
      this.#builtins.set(command.name.toLowerCase(), command);
      for (const alias of command.aliases ?? []) this.#aliases.set(alias.toLowerCase(), command.name);
    }
  }

  resolve(name: string, scope: Scope): Resolved | undefined {
    const lower = name.toLowerCase();
    const target = (scope.findAlias(lower)?.target ?? this.#aliases.get(lower))?.toLowerCase() ?? lower;
    const fn = scope.findFunction(target);
    if (fn) return { kind: "function", entry: fn };
    const command = this.#builtins.get(target);
    return command ? { kind: "builtin", command } : undefined;
  }

  /** The built-in aliases, name → command. */
  builtinAliases(): [string, string][] {
    return [...this.#aliases];
  }

  /** Every built-in name and alias (for Get-Command and completion). */
  names(): string[] {
    return [...[...this.#builtins.values()].map((c) => c.name), ...this.#aliases.keys()];
  }
}
