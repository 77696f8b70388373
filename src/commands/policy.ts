/**
 * Get-ExecutionPolicy and Set-ExecutionPolicy (about_Execution_Policies; the session keeps the policy),
 * Get-RshSignature (Get-AuthenticodeSignature for rsh's Ed25519 signatures) and Unblock-File (removes the zone file
 * that marks a script as remote).
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";
import { resolvePath } from "./files.ts";

/** The zone file that marks a downloaded script as remote: PowerShell's Zone.Identifier stream, as a file beside it. */
export function zoneFile(path: string): string {
  return `${path}.remote`;
}

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

export const getRshSignature: BuiltinCommand = {
  name: "Get-RshSignature",
  parameters: [{ name: "FilePath", aliases: ["Path"], position: 0, type: "string", mandatory: true, pipeline: true, pipelineByName: true }],
  process(ctx, params) {
    const path = resolvePath(ctx, toStr(params.get("FilePath")));
    let text: string;
    try {
      text = Deno.readTextFileSync(path);
    } catch {
      return ctx.writeError(`Cannot find path '${path}' because it does not exist.`, "FileNotFound,Get-RshSignature", "Get-RshSignature");
    }
    const signature = ctx.session.scriptSignature(text);
    const row = new PSCustomObject();
    row.set("SignerKey", signature.signer);
    row.set("Status", signature.status);
    row.set("StatusMessage", signature.message);
    row.set("Path", path);
    row.set("SignatureType", signature.status === "NotSigned" ? "None" : "Ed25519");
    return ctx.emit(row);
  },
};

export const unblockFile: BuiltinCommand = {
  name: "Unblock-File",
  parameters: [{ name: "Path", aliases: ["FullName"], position: 0, type: "string", mandatory: true, pipeline: true, pipelineByName: true }],
  process(ctx, params) {
    try {
      Deno.removeSync(zoneFile(resolvePath(ctx, toStr(params.get("Path")))));
    } catch {
      // A file that carries no zone mark is already unblocked, as in PowerShell.
    }
  },
};
