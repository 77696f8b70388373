/**
 * Command lookup in PowerShell's order (about_Command_Precedence): alias, function, built-in cmdlet. The built-in
 * table is shared and frozen; functions come from the caller's scope chain. A restricted session sees a view of the
 * table (`restrict`) holding only its visible commands; text it trusts (a configuration's startup script) still
 * resolves through the whole table.
 */
import type { BuiltinCommand } from "./command_types.ts";
import { wildcardToRegExp } from "./operators.ts";
import type { FunctionEntry, Scope } from "./scope.ts";

export type Resolved = { kind: "function"; entry: FunctionEntry } | { kind: "builtin"; command: BuiltinCommand };

/**
 * What a restricted session always has besides its visible commands: PowerShell's RestrictedRemoteServer set, which
 * an interactive session needs to work (Enter-PSSession, formatting, discovering what is there).
 */
const ALWAYS_VISIBLE = ["Exit-PSSession", "Get-Command", "Get-FormatData", "Get-Help", "Measure-Object", "Out-Default", "Select-Object"];

/** Names or wildcards (`Get-*`) as one case-insensitive test. */
export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const tests = patterns.map((p) => wildcardToRegExp(p, false));
  return (name) => tests.some((t) => t.test(name));
}

export class CommandTable {
  readonly #builtins = new Map<string, BuiltinCommand>();
  readonly #aliases = new Map<string, string>();
  /** A restricted session's view: no programs or script files either (see restrict). */
  restricted = false;

  /** `functionVisible` hides functions from a restricted view (those a startup script defined and did not expose). */
  constructor(commands: readonly BuiltinCommand[], readonly functionVisible: (entry: FunctionEntry) => boolean = () => true) {
    for (const command of commands) {
      this.#builtins.set(command.name.toLowerCase(), command);
      for (const alias of command.aliases ?? []) this.#aliases.set(alias.toLowerCase(), command.name);
    }
  }

  /**
   * The command `name` means in `scope`. `operatorOnly` (trusted code in a restricted session) follows no alias and
   * calls no function the session's user defined: the operator's functions call what they were written to call.
   */
  resolve(name: string, scope: Scope, operatorOnly = false): Resolved | undefined {
    const lower = name.toLowerCase();
    const alias = scope.findAlias(lower);
    const target = ((operatorOnly && alias?.untrusted ? undefined : alias?.target) ?? this.#aliases.get(lower))?.toLowerCase() ?? lower;
    const fn = scope.findFunction(target);
    if (fn && this.functionVisible(fn) && (!operatorOnly || fn.trusted)) return { kind: "function", entry: fn };
    const command = this.#builtins.get(target);
    return command ? { kind: "builtin", command } : undefined;
  }

  /**
   * The view a restricted session's user gets: the built-ins matching `commands` (names or wildcards) plus the
   * always-visible few, and of the trusted functions only those matching `functions`. A function the user defines
   * is theirs and stays visible.
   */
  restrict(commands: readonly string[], functions: readonly string[]): CommandTable {
    const visible = nameMatcher([...commands, ...ALWAYS_VISIBLE]);
    const visibleFunction = nameMatcher(functions);
    const view = new CommandTable([...this.#builtins.values()].filter((c) => visible(c.name)), (entry) => !entry.trusted || visibleFunction(entry.definition.name));
    view.restricted = true;
    return view;
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
