/** Get-ExecutionPolicy and Set-ExecutionPolicy (about_Execution_Policies); the session keeps the policy. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

const SCOPES = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"];

export const getExecutionPolicy: BuiltinCommand = {
  name: "Get-ExecutionPolicy",
  parameters: [{ name: "Scope", position: 0, type: "string", validateSet: SCOPES }, { name: "List", type: "switch" }],
  process(ctx, params) {
    if (!params.get("List")) {
      return ctx.emit(ctx.session.executionPolicy(params.has("Scope") ? toStr(params.get("Scope")) : undefined));
    }
    return ctx.emitAll(SCOPES.map((scope) => {
      const row = new PSCustomObject();
      row.set("Scope", scope);
      row.set("ExecutionPolicy", ctx.session.executionPolicy(scope));
      return row;
    }));
  },
};

export const setExecutionPolicy: BuiltinCommand = {
  name: "Set-ExecutionPolicy",
  parameters: [
    {
      name: "ExecutionPolicy",
      position: 0,
      type: "string",
      mandatory: true,
      validateSet: ["Restricted", "AllSigned", "RemoteSigned", "Unrestricted", "Bypass", "Undefined", "Default"],
    },
    // PowerShell's default scope is LocalMachine (which needs the rights to write /etc/rsh).
    { name: "Scope", position: 1, type: "string", validateSet: ["Process", "CurrentUser", "LocalMachine"] },
    { name: "Force", type: "switch" },
  ],
  process(ctx, params) {
    // `Default` is RemoteSigned on Windows; on Linux and macOS rsh treats it as Unrestricted, PowerShell's policy there.
    const requested = toStr(params.get("ExecutionPolicy"));
    const policy = requested.toLowerCase() === "default" ? "Unrestricted" : requested;
    try {
      ctx.session.setExecutionPolicy(policy, toStr(params.get("Scope") ?? "LocalMachine"));
    } catch (e) {
      ctx.writeError((e as Error).message, "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand", "Set-ExecutionPolicy");
    }
  },
};
