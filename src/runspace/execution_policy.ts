/**
 * Execution policy (about_Execution_Policies). Scopes in precedence order: Process (this session alone — it
 * starts from the session's `PSExecutionPolicyPreference` variable, as in PowerShell), CurrentUser
 * (`~/.config/rsh/rsh.config.json`) and LocalMachine (`/etc/rsh/rsh.config.json`, or `$RSH_SYSTEM_CONFIG_DIR`).
 * PowerShell on Linux ignores policy (always Unrestricted); rsh enforces it — a server operator may want
 * `Restricted` — and, like PowerShell there, is Unrestricted when every scope is Undefined. Signature checks for
 * AllSigned/RemoteSigned come with the security issue: until then AllSigned refuses every script (none is signed)
 * and RemoteSigned allows local files (Linux has no zone marks; every file is local).
 */
import type * as A from "../../grammar/ast.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { Deno } from "../platform.ts";

export const POLICIES = ["Restricted", "AllSigned", "RemoteSigned", "Unrestricted", "Bypass", "Undefined"] as const;
export const POLICY_SCOPES = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"] as const;

function canonical<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
}

/** A policy or scope name that is not one of PowerShell's. */
export class PolicyError extends Error {}

export class ExecutionPolicy {
  #process: string;

  constructor(readonly env: Map<string, string>) {
    this.#process = canonical(env.get("PSExecutionPolicyPreference") ?? "", POLICIES) ?? "Undefined";
  }

  #file(scope: "CurrentUser" | "LocalMachine"): string {
    if (scope === "CurrentUser") return `${this.env.get("HOME") ?? ""}/.config/rsh/rsh.config.json`;
    return `${this.env.get("RSH_SYSTEM_CONFIG_DIR") ?? "/etc/rsh"}/rsh.config.json`;
  }

  /** The policy set at one scope (Undefined when none is). */
  get(scope: string): string {
    const which = canonical(scope, POLICY_SCOPES);
    if (!which) throw new PolicyError(`Cannot bind parameter 'Scope'. '${scope}' is not one of ${POLICY_SCOPES.join(", ")}.`);
    if (which === "Process") return this.#process;
    if (which !== "CurrentUser" && which !== "LocalMachine") return "Undefined";
    try {
      const settings = JSON.parse(Deno.readTextFileSync(this.#file(which)));
      return canonical(String(settings.ExecutionPolicy ?? ""), POLICIES) ?? "Undefined";
    } catch {
      return "Undefined";
    }
  }

  /** The policy in force: the first scope that sets one. */
  effective(): string {
    for (const scope of POLICY_SCOPES) {
      const policy = this.get(scope);
      if (policy !== "Undefined") return policy;
    }
    return "Unrestricted";
  }

  set(policy: string, scope: string): void {
    const value = canonical(policy, POLICIES);
    if (!value) throw new PolicyError(`Cannot bind parameter 'ExecutionPolicy'. '${policy}' is not one of ${POLICIES.join(", ")}.`);
    const which = canonical(scope, POLICY_SCOPES);
    if (which === "Process") {
      this.#process = value;
      return;
    }
    if (which !== "CurrentUser" && which !== "LocalMachine") {
      throw new PolicyError(`Cannot set the execution policy at scope '${scope}': use Process, CurrentUser or LocalMachine.`);
    }
    const file = this.#file(which);
    let settings: Record<string, unknown> = {};
    try {
      settings = JSON.parse(Deno.readTextFileSync(file));
    } catch {
      // A missing or unreadable settings file starts afresh.
    }
    settings.ExecutionPolicy = value;
    try {
      Deno.mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true });
      Deno.writeTextFileSync(file, JSON.stringify(settings, null, 2) + "\n");
    } catch (e) {
      throw new PolicyError(`Access to the path '${file}' is denied. (${(e as Error).message})`);
    }
  }

  /** Throws PowerShell's error when the policy does not let the script file at `path` run. */
  authorize(path: string, at: { span: A.Span; source: string | null }): void {
    const policy = this.effective();
    let reason: string | null = null;
    if (policy === "Restricted") {
      reason = `File ${path} cannot be loaded because running scripts is disabled on this system. ` +
        "For more information, see about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.";
    } else if (policy === "AllSigned") {
      reason = `File ${path} cannot be loaded. The file ${path} is not digitally signed. You cannot run this script on the current system. ` +
        "For more information about running scripts and setting execution policy, see about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.";
    }
    if (reason) throw new RuntimeError(new ErrorRecord(reason, "UnauthorizedAccess", "SecurityError", at.span, at.source));
  }
}
