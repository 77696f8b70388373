/**
 * Scopes are frames with parent pointers (about_Scopes): lookup walks outward; `$global:`, `$script:`, `$local:`
 * pick a frame. Functions live in the same frames as variables, in their own table.
 */
import type { FunctionDefinition } from "../../grammar/ast.ts";

export interface FunctionEntry {
  definition: FunctionDefinition;
  /** The text of the script that defined it (for error snippets). */
  source: string;
  /** Defined by trusted text (a configuration's startup script): its body runs unrestricted (language_mode.ts). */
  trusted?: boolean;
}

export class Scope {
  readonly variables = new Map<string, { name: string; value: unknown }>();
  readonly functions = new Map<string, FunctionEntry>();
  /** Aliases defined by scripts (Set-Alias): lower-cased name → target command name. */
  readonly aliases = new Map<string, { name: string; target: string }>();

  constructor(readonly parent: Scope | null, readonly isScript = false) {}

  get global(): Scope {
    return this.parent ? this.parent.global : this;
  }

  get script(): Scope {
    return this.isScript || !this.parent ? this : this.parent.script;
  }

  lookup(name: string): { name: string; value: unknown } | undefined {
    return this.variables.get(name.toLowerCase()) ?? this.parent?.lookup(name);
  }

  set(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const existing = this.variables.get(key);
    if (existing) existing.value = value;
    else this.variables.set(key, { name, value });
  }

  findAlias(name: string): { name: string; target: string } | undefined {
    return this.aliases.get(name.toLowerCase()) ?? this.parent?.findAlias(name);
  }

  findFunction(name: string): FunctionEntry | undefined {
    return this.functions.get(name.toLowerCase()) ?? this.parent?.findFunction(name);
  }
}
