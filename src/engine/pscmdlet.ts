/**
 * `$PSCmdlet` in an advanced function (about_Functions_CmdletBindingAttribute): ShouldProcess for functions declared
 * `[CmdletBinding(SupportsShouldProcess)]` — under -WhatIf (the function's `$WhatIfPreference`) it writes pwsh's
 * `What if:` line and answers false — and the parameter set's name.
 */
import { DOTNET_TYPE, toBool, toStr } from "../values/convert.ts";
import type { EngineHost } from "./command_types.ts";
import type { Scope } from "./scope.ts";

export class PSCmdletValue {
  constructor(readonly command: string, private readonly scope: Scope, private readonly host: EngineHost) {}

  get [DOTNET_TYPE](): string {
    return "System.Management.Automation.PSScriptCmdlet";
  }

  /** A property (lower-case name); undefined for one this does not have. */
  member(name: string): unknown {
    if (name === "parametersetname") return "__AllParameterSets";
    return undefined;
  }

  /** A method (lower-case name); undefined for one this does not have. */
  method(name: string, args: unknown[]): unknown {
    if (name === "shouldprocess") return this.shouldProcess(args);
    return undefined;
  }

  /**
   * ShouldProcess(target), (target, action) or (description, warning, caption): false under -WhatIf, after the
   * `What if:` line (the description alone for the three-argument form, as pwsh writes it).
   */
  shouldProcess(args: unknown[]): boolean {
    if (!toBool(this.scope.lookup("WhatIfPreference")?.value ?? false)) return true;
    const text = args.length >= 3
      ? toStr(args[0])
      : `Performing the operation "${args.length > 1 ? toStr(args[1]) : this.command}" on target "${toStr(args[0])}".`;
    this.host.host(`What if: ${text}\n`);
    return false;
  }
}
