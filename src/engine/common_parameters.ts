/**
 * The common parameters (about_CommonParameters) rsh takes: -ErrorAction, -WarningAction, -InformationAction, -Verbose,
 * -Debug, -ErrorVariable, -OutVariable, -PipelineVariable. Built-in commands take them all; a script function takes them when it is an
 * advanced function (`[CmdletBinding()]`), as in PowerShell. A command's own parameter of the same name wins.
 */
import { toStr } from "../values/convert.ts";
import type { RawArgument } from "./binder.ts";
import type { Scope } from "./scope.ts";

const COMMON: readonly { key: keyof Common; names: string[]; takesValue: boolean }[] = [
  { key: "errorAction", names: ["erroraction", "ea"], takesValue: true },
  { key: "warningAction", names: ["warningaction", "wa"], takesValue: true },
  { key: "informationAction", names: ["informationaction", "infa"], takesValue: true },
  { key: "verbose", names: ["verbose", "vb"], takesValue: false },
  { key: "debug", names: ["debug", "db"], takesValue: false },
  { key: "errorVariable", names: ["errorvariable", "ev"], takesValue: true },
  { key: "outVariable", names: ["outvariable", "ov"], takesValue: true },
  { key: "pipelineVariable", names: ["pipelinevariable", "pv"], takesValue: true },
];

/** -WhatIf, taken by an advanced function that declares `[CmdletBinding(SupportsShouldProcess)]`. */
const WHAT_IF = { key: "whatIf" as const, names: ["whatif", "wi"], takesValue: false };

const ACTION_PREFERENCES = ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"];

export interface Common {
  errorAction?: string;
  warningAction?: string;
  informationAction?: string;
  verbose?: boolean;
  debug?: boolean;
  errorVariable?: string;
  outVariable?: string;
  pipelineVariable?: string;
  whatIf?: boolean;
}

/**
 * Takes the common parameters out of `args` (those `own` does not declare itself); `shouldProcess`: -WhatIf too (a
 * function declaring SupportsShouldProcess).
 */
export function takeCommonParameters(args: RawArgument[], own: (name: string) => boolean, shouldProcess = false): { args: RawArgument[]; common: Common } {
  const common: Common = {};
  const rest: RawArgument[] = [];
  const known = shouldProcess ? [...COMMON, WHAT_IF] : COMMON;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const found = arg.kind === "parameter" ? known.find((c) => c.names.includes(arg.name.toLowerCase())) : undefined;
    if (!found || arg.kind !== "parameter" || own(arg.name)) {
      rest.push(arg);
      continue;
    }
    if (!found.takesValue) {
      (common as Record<string, unknown>)[found.key] = arg.hasValue ? arg.value !== false : true;
      continue;
    }
    const value = arg.hasValue ? arg.value : args[i + 1]?.kind === "value" ? (args[++i] as { value: unknown }).value : undefined;
    const text = toStr(value);
    // `-ea 0`: an ActionPreference may be given by its number (System.Management.Automation.ActionPreference).
    (common as Record<string, unknown>)[found.key] = found.key.endsWith("Action") && /^\d$/.test(text) ? ACTION_PREFERENCES[Number(text)] ?? text : text;
  }
  return { args: rest, common };
}

/** An advanced function's preference variables for its own scope (-Verbose sets $VerbosePreference, …). */
export function applyPreferences(common: Common, scope: Scope): void {
  if (common.errorAction) scope.set("ErrorActionPreference", common.errorAction);
  if (common.warningAction) scope.set("WarningPreference", common.warningAction);
  if (common.informationAction) scope.set("InformationPreference", common.informationAction);
  if (common.verbose !== undefined) scope.set("VerbosePreference", common.verbose ? "Continue" : "SilentlyContinue");
  if (common.debug !== undefined) scope.set("DebugPreference", common.debug ? "Continue" : "SilentlyContinue");
  // -WhatIf holds for the function and the commands it runs (Remove-Item inside says "What if:" too).
  if (common.whatIf !== undefined) scope.set("WhatIfPreference", common.whatIf);
}

const NO_CAPTURE = { wrap: <T>(emit: (value: unknown) => T) => emit, finish: () => {} };

/**
 * -OutVariable and -ErrorVariable: what the command writes (and the errors it reports) are also stored in the named
 * variables of the caller's scope when it ends. -PipelineVariable: each object the command writes is in the named
 * variable while the commands after it in the pipeline handle it.
 */
export function captureVariables(common: Common, caller: Scope): { wrap<T>(emit: (value: unknown) => T): (value: unknown) => T; finish(): void } {
  // Most calls ask for neither: nothing to look up or keep (a function called 100,000 times pays nothing here).
  if (!common.outVariable && !common.errorVariable && !common.pipelineVariable) return NO_CAPTURE;
  const out: unknown[] = [];
  const errors = caller.global.lookup("Error")?.value;
  const before = Array.isArray(errors) ? errors.length : 0;
  return {
    /** `emit`, also keeping what it writes for -OutVariable. */
    wrap: <T>(emit: (value: unknown) => T): ((value: unknown) => T) => {
      const pipelineVariable = common.pipelineVariable;
      const kept: (value: unknown) => T = common.outVariable
        ? (value) => {
          out.push(value);
          return emit(value);
        }
        : emit;
      return pipelineVariable
        ? (value) => {
          caller.set(pipelineVariable, value);
          return kept(value);
        }
        : kept;
    },
    finish: () => {
      if (common.outVariable) caller.set(common.outVariable.replace(/^\+/, ""), out);
      if (common.errorVariable && Array.isArray(errors)) caller.set(common.errorVariable.replace(/^\+/, ""), errors.slice(0, errors.length - before).reverse());
    },
  };
}
