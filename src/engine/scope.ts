/**
 * Scopes are frames with parent pointers (about_Scopes): lookup walks outward; `$global:`, `$script:`, `$local:`
 * pick a frame. Functions live in the same frames as variables, in their own table.
 */
import type { FunctionDefinition } from "../../grammar/ast.ts";
import { canonicalType, convertTo } from "../values/convert.ts";

/**
 * A function defined in a scope.
 *
 * @example
 * ```ts
 * const names = (scope: Scope) => [...scope.functions.values()].map((entry: FunctionEntry) => entry.definition.name);
 * ```
 */
export interface FunctionEntry {
  /** The function's AST. */
  definition: FunctionDefinition;
  /** The text of the script that defined it (for error snippets). */
  source: string;
  /** Defined by trusted text (a configuration's startup script): its body runs unrestricted (language_mode.ts). */
  trusted?: boolean;
}

/**
 * A Set-Alias alias: its name as written and the command it names. `untrusted`: defined by a restricted session's
 * user, so trusted code does not follow it (it could point a name the operator's functions call at a hidden command).
 *
 * @example
 * ```ts
 * const targets = (scope: Scope) => [...scope.aliases.values()].map((alias: ScriptAlias) => `${alias.name} -> ${alias.target}`);
 * ```
 */
export interface ScriptAlias {
  /** The alias as written. */
  name: string;
  /** The command it names. */
  target: string;
  /** Defined by a restricted session's user: trusted code does not follow it. */
  untrusted?: boolean;
}

/** Types a variable cannot be held to: they take any value as it is (or, as `[ordered]`, only a literal). */
const UNCONSTRAINED = new Set(["object", "psobject", "pscustomobject", "scriptblock", "ordered", "ref", "void"]);

/**
 * Whether `[type]$name = …` (or a parameter of that type) holds the variable to its type from then on. A type no
 * conversion applies to is not a constraint worth keeping.
 */
export function constrains(type: string): boolean {
  return !UNCONSTRAINED.has(canonicalType(type));
}

/**
 * A variable held to a type (about_Variables, "Types of variables"): `[int]$n = '5'` or a typed parameter. Every
 * value written to it later is converted as the cast would (`$n = '7.6'` holds 8); one that cannot be throws the
 * cast's ConversionError. Reads and writes go through `value`, so code that keeps a variable's cell sees it too.
 *
 * @example
 * ```ts
 * const n = new TypedVariable("n", "int", 5);
 * n.value = "7";
 * console.log(n.value); // 7
 * ```
 */
export class TypedVariable {
  declare readonly name: string;
  /** The type as written (`int`, `string[]`, `System.DateTime`). */
  declare readonly type: string;
  declare private?: boolean;
  /** The value held, already of the type. */
  declare current: unknown;

  constructor(name: string, type: string, value: unknown) {
    this.name = name;
    this.type = type;
    this.current = value;
  }

  get value(): unknown {
    return this.current;
  }

  set value(value: unknown) {
    this.current = convertTo(value, this.type);
  }
}

/** A plain assignment to a ReadOnly or Constant variable (about_Variables: Set-Variable -Option). */
export class VariableNotWritableError extends Error {
  constructor(readonly variableName: string) {
    super(`Cannot overwrite variable ${variableName} because it is read-only or constant.`);
  }
}

type Cell = { name: string; value: unknown };
const protectedCells = new WeakMap<object, (value: unknown) => void>();

/**
 * Makes a variable refuse plain writes (`$x = …`, `$x++`) with VariableNotWritableError: ReadOnly and Constant
 * variables. The cell itself changes (its `value` becomes an accessor), so compiled accesses that keep it see it;
 * the variable commands still write it through `forceVariable` (ReadOnly with -Force).
 */
export function protectVariable(cell: Cell): void {
  if (protectedCells.has(cell)) return;
  let current = cell.value;
  Object.defineProperty(cell, "value", {
    get: () => current,
    set: () => {
      throw new VariableNotWritableError(cell.name);
    },
    configurable: true,
    enumerable: true,
  });
  protectedCells.set(cell, (value) => current = value);
}

/** Lets a protected variable take plain writes again (its options no longer say ReadOnly or Constant). */
export function unprotectVariable(cell: Cell): void {
  if (!protectedCells.has(cell)) return;
  const current = cell.value;
  protectedCells.delete(cell);
  delete (cell as { value?: unknown }).value;
  // A typed variable's own accessor (its prototype's) converts again from here on.
  if (cell instanceof TypedVariable) cell.current = current;
  else cell.value = current;
}

/** Writes a variable whether or not it is protected (the variable commands, once they allowed the write). */
export function forceVariable(cell: Cell, value: unknown): void {
  const write = protectedCells.get(cell);
  if (write) write(value);
  else cell.value = value;
}

/**
 * One scope frame (about_Scopes): its variables, functions and aliases, and its parent. A host command gets the
 * caller's scope as `ctx.scope`.
 *
 * @example
 * ```ts
 * import type { BuiltinCommand } from "rsh";
 * const remember: BuiltinCommand = {
 *   name: "Set-Last",
 *   parameters: [{ name: "Value", position: 0, type: "object" }],
 *   end: (ctx, params) => ctx.scope.global.set("Last", params.get("Value")),
 * };
 * ```
 */
export class Scope {
  /**
   * This frame's variables, by lower-case name (the name as first written is kept). `private`: set as
   * `$private:name`, seen only in this frame, not in the frames below it (about_Scopes).
   */
  declare readonly variables: Map<string, { name: string; value: unknown; private?: boolean }>;
  // Most frames (a function call's, a script block's) never define a function or an alias: their tables are made
  // on first use, which saves two Maps per call.
  declare private functionTable: Map<string, FunctionEntry> | null;
  declare private aliasTable: Map<string, ScriptAlias> | null;

  /** This frame's functions, by lower-case name (taking the table counts as a change: see definitions). */
  get functions(): Map<string, FunctionEntry> {
    Scope.definitions++;
    return this.functionTable ??= new Map();
  }

  /** Aliases defined by scripts (Set-Alias), by lower-cased name (taking the table counts as a change). */
  get aliases(): Map<string, ScriptAlias> {
    Scope.definitions++;
    return this.aliasTable ??= new Map();
  }

  /**
   * Counts the times a function or alias table was handed out to be changed: what a call site resolved stays true
   * while this count is unchanged (processors.ts, resolveAt).
   */
  static definitions = 0;

  /** Set-StrictMode's version set in this frame (0: -Off); undefined: as the parent's. */
  declare strictMode: number | undefined;

  /** `$?`'s cell, kept so that setting it after every statement costs one store; one for all frames of a global. */
  declare private readonly status: { cell: { name: string; value: unknown } | null; removals: number };

  /** The enclosing frame (null for a global scope). */
  declare readonly parent: Scope | null;
  /** A script's own scope (`$script:`). */
  declare readonly isScript: boolean;

  // Every field is set here, in one order, with no class-field initializers: a function call makes a Scope, and V8
  // then builds each with one map (class fields profiled as a third of a call once the heap had been through a GC).
  /** A new frame under `parent` (null: a global scope); `isScript` marks a script's own scope (`$script:`). */
  constructor(parent: Scope | null, isScript = false) {
    this.parent = parent;
    this.isScript = isScript;
    this.variables = new Map();
    this.functionTable = null;
    this.aliasTable = null;
    this.strictMode = undefined;
    this.global = parent ? parent.global : this;
    this.status = parent ? parent.status : { cell: null, removals: -1 };
  }

  /**
   * Counts variable removals in the process: compiled variable accesses keep the cell they found and trust it while
   * this count is unchanged (see expressions.ts, compileVariableRead).
   */
  static removals = 0;

  /** The outermost frame (`$global:`). */
  declare readonly global: Scope;

  /** The nearest script scope (`$script:`), else the global one. */
  get script(): Scope {
    return this.isScript || !this.parent ? this : this.parent.script;
  }

  /** The strict mode in effect here (about_Scopes: Set-StrictMode applies to its scope and the scopes below). */
  get effectiveStrictMode(): number {
    return this.strictMode ?? this.parent?.effectiveStrictMode ?? 0;
  }

  /** The variable `name` (any case) here or in the nearest enclosing frame; undefined when none has it. */
  lookup(name: string): { name: string; value: unknown } | undefined {
    const key = name.toLowerCase();
    return this.variables.get(key) ?? (this.parent ? this.parent.inherited(key) : undefined);
  }

  /** What a frame below sees of `key`: this frame's variable unless it is private, else an outer one. */
  private inherited(key: string): { name: string; value: unknown } | undefined {
    const cell = this.variables.get(key);
    if (cell && !cell.private) return cell;
    return this.parent ? this.parent.inherited(key) : undefined;
  }

  /** The variable `name` of this frame, made here (as $null) if this frame does not have it. */
  cell(name: string): { name: string; value: unknown } {
    const key = name.toLowerCase();
    let cell = this.variables.get(key);
    if (!cell) this.variables.set(key, cell = { name, value: null });
    return cell;
  }

  /** Sets the variable `name` in this frame (creating it here if this frame does not have it). */
  set(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const existing = this.variables.get(key);
    if (existing) existing.value = value;
    else this.variables.set(key, { name, value });
  }

  /**
   * Holds the variable `name` of this frame to `type`, with `value` (already converted) as its value: `[int]$n = …`
   * and typed parameters. Replacing a variable's cell counts as a removal, so compiled accesses look it up again.
   */
  constrain(name: string, type: string, value: unknown): void {
    const key = name.toLowerCase();
    const existing = this.variables.get(key);
    if (existing instanceof TypedVariable && existing.type === type) {
      existing.current = value;
      return;
    }
    const typed = new TypedVariable(existing?.name ?? name, type, value);
    if (existing?.private) typed.private = true;
    this.variables.set(key, typed);
    if (existing) Scope.removals++;
  }

  /** Sets `$?` (in the global scope), as every statement does when it ends. */
  setStatus(succeeded: boolean): void {
    const status = this.status;
    if (status.cell && status.removals === Scope.removals) {
      status.cell.value = succeeded;
      return;
    }
    status.cell = this.global.cell("?");
    status.cell.value = succeeded;
    status.removals = Scope.removals;
  }

  /** Removes the variable `name` from this frame (Remove-Variable). */
  remove(name: string): void {
    if (this.variables.delete(name.toLowerCase())) Scope.removals++;
  }

  /** A script-defined alias (Set-Alias) here or in an enclosing frame. */
  findAlias(name: string): ScriptAlias | undefined {
    return this.aliasTable?.get(name.toLowerCase()) ?? this.parent?.findAlias(name);
  }

  /** A function here or in an enclosing frame. */
  findFunction(name: string): FunctionEntry | undefined {
    return this.functionTable?.get(name.toLowerCase()) ?? this.parent?.findFunction(name);
  }
}
