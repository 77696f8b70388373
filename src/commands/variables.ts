/**
 * The variable family (about_Variables, about_Scopes): Get-Variable, Set-Variable, New-Variable, Remove-Variable,
 * Clear-Variable. `-Scope` takes Global, Script, Local or a number of frames up from the caller (0 is Local).
 * Set-StrictMode is here too: it sets how the caller's scope treats variables (and properties) that do not exist.
 */
import { type BuiltinCommand, cmdletId, type CommandContext, SHOULD_PROCESS } from "../engine/command_types.ts";
import { eachInOrder, then } from "../engine/maybe.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { forceVariable, protectVariable, type Scope, unprotectVariable } from "../engine/scope.ts";
import { enumerate, toStr, typeNameOf } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

type Variable = { name: string; value: unknown; private?: boolean };

/** PSVariable's Description, Options and Visibility, kept beside the variable's cell (the engine's cells hold name and value). */
interface Details {
  description: string;
  /** ScopedItemOptions' names (`ReadOnly`, `Constant`, `Private`, `AllScope`); empty is None. */
  options: string[];
  visibility: string;
}

const details = new WeakMap<Variable, Details>();
const detailsOf = (variable: Variable): Details => details.get(variable) ?? { description: "", options: variable.private ? ["Private"] : [], visibility: "Public" };
const hasOption = (variable: Variable, option: string) => detailsOf(variable).options.includes(option);

/** ScopedItemOptions, as -Option takes them (the variable and alias commands). */
export const OPTIONS = ["None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"];

/** -Option's names as written (`ReadOnly, Private` or an array), canonical and without None; else `current`. */
export function optionsOf(params: Map<string, unknown>, current: string[]): string[] {
  if (!params.has("Option")) return current;
  return enumerate(params.get("Option")).flatMap((o) => toStr(o).split(","))
    .map((o) => OPTIONS.find((n) => n.toLowerCase() === o.trim().toLowerCase()) ?? o.trim())
    .filter((o) => o !== "None" && o !== "Unspecified");
}

/** The frame `-Scope` names; a bad name or a number past the global scope is PowerShell's ArgumentOutOfRange. */
export function frameOf(ctx: CommandContext, which: string, command: string): Scope {
  const lower = which.toLowerCase();
  if (lower === "global") return ctx.scope.global;
  if (lower === "script") return ctx.scope.script;
  if (lower === "local") return ctx.scope;
  const fail = (message: string, id: string): never => {
    throw new RuntimeError(new ErrorRecord(message, `${id},${cmdletId(command)}`, "InvalidArgument", null, null, which, command));
  };
  if (!/^\d+$/.test(lower)) {
    fail(`The scope '${which}' is not valid. Valid values are "Global", "Local", or "Script", or a number relative to the current scope. (Parameter 'Scope')`, "Argument");
  }
  let frame: Scope | null = ctx.scope;
  for (let up = Number(lower); frame && up > 0; up--) frame = frame.parent;
  return frame ?? fail(`The scope number '${which}' exceeds the number of active scopes. (Parameter 'Scope')`, "ArgumentOutOfRange");
}

/**
 * Each variable once with the frame that holds it: only those of the `-Scope` frame (or of `fallback` when there is
 * no -Scope), else the nearest of each name.
 */
function visible(ctx: CommandContext, params: Map<string, unknown>, command: string, fallback: Scope | null): { variable: Variable; frame: Scope }[] {
  const only = params.has("Scope") ? frameOf(ctx, toStr(params.get("Scope")), command) : fallback;
  const seen = new Map<string, { variable: Variable; frame: Scope }>();
  for (let frame: Scope | null = only ?? ctx.scope; frame; frame = only ? null : frame.parent) {
    for (const [key, variable] of frame.variables) if (!seen.has(key) && !key.startsWith("using:")) seen.set(key, { variable, frame });
  }
  return [...seen.values()];
}

const patterns = (value: unknown) => (value === undefined || value === null ? [] : enumerate(value).map((v) => wildcardToRegExp(toStr(v), false)));

/**
 * The variables `-Name` matches, after -Include/-Exclude, sorted by name (VariableCommandBase.GetMatchingVariables);
 * a name without wildcards that matches nothing, and that the filters did not leave out, writes VariableNotFound.
 */
function matching(ctx: CommandContext, params: Map<string, unknown>, command: string, fallback: Scope | null = null): { variable: Variable; frame: Scope }[] {
  const all = visible(ctx, params, command, fallback);
  const include = patterns(params.get("Include"));
  const exclude = patterns(params.get("Exclude"));
  const passes = (name: string) => (include.length === 0 || include.some((p) => p.test(name))) && !exclude.some((p) => p.test(name));
  const found: { variable: Variable; frame: Scope }[] = [];
  for (const name of params.has("Name") ? enumerate(params.get("Name")).map(toStr) : ["*"]) {
    const pattern = wildcardToRegExp(name, false);
    const hits = all
      .filter(({ variable }) => pattern.test(variable.name) && passes(variable.name))
      .sort((a, b) => a.variable.name.localeCompare(b.variable.name));
    if (hits.length === 0 && !/[*?[]/.test(name) && passes(name)) {
      ctx.writeError(`Cannot find a variable with the name '${name}'.`, `VariableNotFound,${cmdletId(command)}`, command);
    }
    found.push(...hits.filter((hit) => !found.includes(hit)));
  }
  return found;
}

/** A variable as the variable commands write it: a PSVariable (its view shows Name and Value; `fl *` shows all). */
function variableObject(variable: Variable): PSCustomObject {
  const object = new PSCustomObject();
  const { description, options, visibility } = detailsOf(variable);
  object.typeNames = ["System.Management.Automation.PSVariable", "System.Object"];
  object.set("Name", variable.name);
  object.set("Description", description);
  object.set("Value", variable.value);
  object.set("Visibility", visibility);
  object.set("Module", null);
  object.set("ModuleName", "");
  object.set("Options", options.length ? options.join(", ") : "None");
  object.set("Attributes", []);
  return object;
}

/** A read-only variable changes only with -Force, a constant one never (SessionStateUnauthorizedAccessException). */
function writable(ctx: CommandContext, variable: Variable | undefined, force: boolean, command: string, removing = false): boolean {
  if (!variable || !(hasOption(variable, "Constant") || (hasOption(variable, "ReadOnly") && !force))) return true;
  const message = removing
    ? `Cannot remove variable ${variable.name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`
    : `Cannot overwrite variable ${variable.name} because it is read-only or constant.`;
  ctx.writeError(message, `${removing ? "VariableNotRemovable" : "VariableNotWritable"},${cmdletId(command)}`, command);
  return false;
}

/**
 * Gives a variable the -Description, -Option and -Visibility written (those not written stay). An existing variable
 * cannot be made constant; -Option Private is the engine's `private` (not seen from child scopes).
 */
function describe(ctx: CommandContext, params: Map<string, unknown>, variable: Variable, existed: boolean, command: string): boolean {
  const current = detailsOf(variable);
  const options = optionsOf(params, current.options);
  if (existed && options.includes("Constant") && !current.options.includes("Constant")) {
    ctx.writeError(`Existing variable ${variable.name} cannot be made constant. Variables can be made constant only at creation time.`, `VariableCannotBeMadeConstant,${cmdletId(command)}`, command);
    return false;
  }
  variable.private = options.includes("Private") || undefined;
  // A ReadOnly or Constant variable refuses `$x = …` too, not only the variable commands (about_Variables).
  if (options.includes("ReadOnly") || options.includes("Constant")) protectVariable(variable);
  else unprotectVariable(variable);
  details.set(variable, {
    description: params.has("Description") ? toStr(params.get("Description")) : current.description,
    options,
    visibility: params.has("Visibility") ? toStr(params.get("Visibility")) : current.visibility,
  });
  return true;
}

/** Sets a variable of `frame` once the command has allowed it: a ReadOnly one changes here (with -Force). */
function writeValue(frame: Scope, name: string, value: unknown): void {
  const own = frame.variables.get(name.toLowerCase());
  if (own) forceVariable(own, value);
  else frame.set(name, value);
}

/** A value in a ShouldProcess target ("Name: {0} Value: {1}"), as .NET's string formatting writes it. */
export const targetValue = (value: unknown) => (value === null || value === undefined ? "" : Array.isArray(value) ? typeNameOf(value) : toStr(value));

const SCOPE = { name: "Scope", type: "string" };
const FILTERS = [{ name: "Include", type: "string[]" }, { name: "Exclude", type: "string[]" }];
/** What Set-Variable and New-Variable also take (PSVariable's Description, Options, Visibility). */
const DETAILS = [
  { name: "Description", type: "string" },
  { name: "Option", type: "string[]", validateSet: OPTIONS },
  { name: "Visibility", type: "string", validateSet: ["Public", "Private"] },
];

export const getVariable: BuiltinCommand = {
  name: "Get-Variable",
  aliases: ["gv"],
  parameters: [{ name: "Name", position: 0, type: "string[]" }, { name: "ValueOnly", type: "switch" }, SCOPE, ...FILTERS],
  process(ctx, params) {
    const found = matching(ctx, params, "Get-Variable").map(({ variable }) => variable);
    return ctx.emitAll(params.get("ValueOnly") ? found.map((v) => v.value) : found.map(variableObject));
  },
};

/** Where Set-Variable and New-Variable write: the `-Scope` frame, else the caller's. */
const target = (ctx: CommandContext, params: Map<string, unknown>, command: string) =>
  params.has("Scope") ? frameOf(ctx, toStr(params.get("Scope")), command) : ctx.scope;

export const setVariable: BuiltinCommand = {
  name: "Set-Variable",
  aliases: ["set", "sv"],
  parameters: [
    { name: "Name", position: 0, type: "string[]", mandatory: true },
    { name: "Value", position: 1, type: "object", pipeline: true },
    SCOPE,
    ...FILTERS,
    ...DETAILS,
    { name: "PassThru", type: "switch" },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  // Values piped in are gathered and set at the end: one is the value, several an array (SetVariableCommand).
  begin: () => [] as unknown[],
  process(_ctx, _params, input, state) {
    if (input !== undefined) (state as unknown[]).push(input);
  },
  end(ctx, params, state) {
    const piped = state as unknown[];
    const value = piped.length === 0 ? params.get("Value") ?? null : piped.length === 1 ? piped[0] : piped;
    const frame = target(ctx, params, "Set-Variable");
    const include = patterns(params.get("Include"));
    const exclude = patterns(params.get("Exclude"));
    const passes = (name: string) => (include.length === 0 || include.some((p) => p.test(name))) && !exclude.some((p) => p.test(name));
    // A wildcard name sets the frame's variables it matches; -Include/-Exclude leave names out (SetVariableCommand).
    const names = enumerate(params.get("Name")).map(toStr).flatMap((name) => {
      if (!/[*?[]/.test(name)) return [name];
      const pattern = wildcardToRegExp(name, false);
      return [...frame.variables.values()].map((v) => v.name).filter((n) => pattern.test(n));
    }).filter(passes);
    const written: PSCustomObject[] = [];
    const done = eachInOrder(names, (name) =>
      then(ctx.shouldProcess(`Name: ${name} Value: ${targetValue(value)}`, "Set variable"), (ok) => {
        if (!ok) return;
        const existing = frame.variables.get(name.toLowerCase());
        // -Value not given leaves an existing variable's value (Set-Variable x -Description d changes only that).
        const changesValue = piped.length > 0 || params.has("Value") || !existing;
        if (changesValue && !writable(ctx, existing, params.get("Force") === true, "Set-Variable")) return;
        if (changesValue) writeValue(frame, name, value);
        const variable = frame.variables.get(name.toLowerCase())!;
        if (describe(ctx, params, variable, existing !== undefined, "Set-Variable")) written.push(variableObject(variable));
      }));
    return then(done, () => (params.get("PassThru") ? ctx.emitAll(written) : undefined));
  },
};

export const newVariable: BuiltinCommand = {
  name: "New-Variable",
  aliases: ["nv"],
  parameters: [
    { name: "Name", position: 0, type: "string", mandatory: true },
    { name: "Value", position: 1, type: "object", pipeline: true },
    SCOPE,
    ...DETAILS,
    { name: "PassThru", type: "switch" },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    const name = toStr(params.get("Name"));
    const frame = target(ctx, params, "New-Variable");
    // Only a variable of the target frame itself is in the way; one of an outer scope is hidden by the new one.
    const existing = frame.variables.get(name.toLowerCase());
    if (existing && !params.get("Force")) {
      ctx.writeError(`A variable with name '${name}' already exists.`, `VariableAlreadyExists,${cmdletId("New-Variable")}`, "New-Variable");
      return;
    }
    const value = input === undefined ? params.get("Value") ?? null : input;
    // Asked once the name is known to be free (or -Force replaces it), as NewVariableCommand does.
    return then(ctx.shouldProcess(`Name: ${name} Value: ${targetValue(value)}`, "New variable"), (ok) => {
      if (!ok || !writable(ctx, existing, true, "New-Variable")) return;
      writeValue(frame, name, value);
      const variable = frame.variables.get(name.toLowerCase())!;
      // -Force replaces the variable: what it was described as goes with it.
      details.delete(variable);
      if (!describe(ctx, params, variable, false, "New-Variable")) return;
      if (params.get("PassThru")) return ctx.emit(variableObject(variable));
    });
  },
};

const NAMES = [{ name: "Name", position: 0, type: "string[]", mandatory: true }, SCOPE, ...FILTERS, { name: "Force", type: "switch" }, ...SHOULD_PROCESS];

export const removeVariable: BuiltinCommand = {
  name: "Remove-Variable",
  aliases: ["rv"],
  parameters: NAMES,
  // Without -Scope only the caller's own scope is searched (RemoveVariableCommand: Scope ??= "local").
  process(ctx, params) {
    return eachInOrder(matching(ctx, params, "Remove-Variable", ctx.scope), ({ variable, frame }) =>
      then(ctx.shouldProcess(`Name: ${variable.name}`, "Remove variable"), (ok) => {
        if (ok && writable(ctx, variable, params.get("Force") === true, "Remove-Variable", true)) frame.remove(variable.name);
      }));
  },
};

export const clearVariable: BuiltinCommand = {
  name: "Clear-Variable",
  aliases: ["clv"],
  parameters: [...NAMES, { name: "PassThru", type: "switch" }],
  // Without -Scope the variable is found anywhere but cleared by setting it in the caller's scope, so an outer one
  // is hidden rather than changed (ClearVariableCommand.ClearValue: SessionState.PSVariable.Set).
  process(ctx, params) {
    const cleared: PSCustomObject[] = [];
    const done = eachInOrder(matching(ctx, params, "Clear-Variable"), ({ variable, frame }) =>
      then(ctx.shouldProcess(`Name: ${variable.name}`, "Clear variable"), (ok) => {
        if (!ok || !writable(ctx, variable, params.get("Force") === true, "Clear-Variable")) return;
        writeValue(params.has("Scope") ? frame : ctx.scope, variable.name, null);
        cleared.push(variableObject(params.has("Scope") ? variable : ctx.scope.variables.get(variable.name.toLowerCase())!));
      }));
    return then(done, () => (params.get("PassThru") ? ctx.emitAll(cleared) : undefined));
  },
};

/** Set-StrictMode's versions: 1.0 (unset variables), 2.0 (also in strings, and missing properties), 3.0 = Latest (also indexes out of range). */
function strictVersion(text: string): number {
  if (text.toLowerCase() === "latest") return 3;
  const version = /^([123])(\.0)?$/.exec(text.trim());
  if (version) return Number(version[1]);
  throw new RuntimeError(new ErrorRecord(
    `Cannot validate argument on parameter 'Version'. The value "${text}" is not a strict mode version: use 1.0, 2.0, 3.0 or Latest.`,
    `ParameterArgumentValidationError,${cmdletId("Set-StrictMode")}`, "InvalidData", null, null, text, "Set-StrictMode",
  ));
}

export const setStrictMode: BuiltinCommand = {
  name: "Set-StrictMode",
  parameters: [{ name: "Version", aliases: ["v"], type: "string" }, { name: "Off", type: "switch" }],
  end(ctx, params) {
    const off = params.get("Off") === true;
    if (off === params.has("Version")) {
      throw new RuntimeError(new ErrorRecord(
        off ? "Parameter set cannot be resolved using the specified named parameters." : "Cannot process command because of one or more missing mandatory parameters: Version.",
        `${off ? "AmbiguousParameterSet" : "MissingMandatoryParameter"},${cmdletId("Set-StrictMode")}`, "InvalidArgument", null, null, null, "Set-StrictMode",
      ));
    }
    ctx.scope.strictMode = off ? 0 : strictVersion(toStr(params.get("Version")));
  },
};
