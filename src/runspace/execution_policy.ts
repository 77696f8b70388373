/**
 * Execution policy (about_Execution_Policies). Scopes in precedence order: Process (this session alone — it
 * starts from the session's `PSExecutionPolicyPreference` variable, as in PowerShell), CurrentUser
 * (`~/.config/rsh/rsh.config.json`) and LocalMachine (`/etc/rsh/rsh.config.json`, or `$RSH_SYSTEM_CONFIG_DIR`).
 * PowerShell on Linux ignores policy (always Unrestricted); rsh enforces it — a server operator may want
 * `Restricted` — and, like PowerShell there, is Unrestricted when every scope is Undefined. AllSigned and RemoteSigned
 * check Ed25519 signatures (signing.ts) against the trusted publishers: `~/.config/rsh/trusted-publishers`, the same
 * file under the system config directory, and those the embedder (the server's config) adds. A script is remote when
 * a zone file `FILE.remote` lies beside it (Linux has no NTFS zone streams) or it was fetched from a URL.
 */
import type * as A from "../../grammar/ast.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { zoneFile } from "../commands/policy.ts";
import { Deno } from "../platform.ts";
import { checkSignature, readTrustedPublishers, type ScriptSignature } from "./signing.ts";

export const POLICIES = ["Restricted", "AllSigned", "RemoteSigned", "Unrestricted", "Bypass", "Undefined"] as const;
export const POLICY_SCOPES = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"] as const;

function canonical<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
}

/** A policy or scope name that is not one of PowerShell's. */
export class PolicyError extends Error {}

export class ExecutionPolicy {
  #process: string;

  /** `trusted`: publishers' keys trusted beyond the user's and the machine's files (the server's config). */
  constructor(readonly env: Map<string, string>, readonly trusted: readonly string[] = []) {
    this.#process = canonical(env.get("PSExecutionPolicyPreference") ?? "", POLICIES) ?? "Undefined";
  }

  #file(scope: "CurrentUser" | "LocalMachine", name = "rsh.config.json"): string {
    if (scope === "CurrentUser") return `${this.env.get("HOME") ?? ""}/.config/rsh/${name}`;
    return `${this.env.get("RSH_SYSTEM_CONFIG_DIR") ?? "/etc/rsh"}/${name}`;
  }

  /** A script's signature, checked against the trusted publishers (read afresh: the files may change). */
  signature(text: string): ScriptSignature {
    const trusted = new Set([
      ...readTrustedPublishers(this.#file("CurrentUser", "trusted-publishers")),
      ...readTrustedPublishers(this.#file("LocalMachine", "trusted-publishers")),
      ...this.trusted,
    ]);
    return checkSignature(text, trusted);
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

  /**
   * Throws PowerShell's error when the policy does not let the script at `path` (whose text is `text`) run; returns
   * a warning to show when it runs but should not be trusted blindly (Unrestricted, a remote script).
   */
  authorize(path: string, text: string, at: { span: A.Span; source: string | null }): string | null {
    const policy = this.effective();
    if (policy === "Bypass") return null;
    const refuse = (reason: string, id = "UnauthorizedAccess") => {
      throw new RuntimeError(new ErrorRecord(`File ${path} cannot be loaded${reason}`, id, "SecurityError", at.span, at.source));
    };
    if (policy === "Restricted") {
      refuse(" because running scripts is disabled on this system. For more information, see about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.");
    }
    const remote = remoteOrigin(path);
    if (policy === "Unrestricted") {
      return remote && `Run only scripts that you trust. ${path} came from another computer (${remote}); it runs because the execution policy is Unrestricted.`;
    }
    if (policy === "RemoteSigned" && !remote) return null;
    const signature = this.signature(text);
    switch (signature.status) {
      case "Valid":
        return null;
      case "NotSigned":
        return refuse(`. The file ${path} is not digitally signed. You cannot run this script on the current system. ` +
          "For more information about running scripts and setting execution policy, see about_Execution_Policies at https://go.microsoft.com/fwlink/?LinkID=135170.");
      case "HashMismatch":
        return refuse(`. ${signature.message.replace("the file", `file ${path}`)} The script cannot run on the specified system (signature status: HashMismatch). ` +
          "For more information, run Get-Help about_Signing.", "HashMismatch");
      case "NotTrusted":
        return refuse(`. The file ${path} is published by ${signature.signer} and is not trusted on your system. Only scripts from trusted publishers can be run ` +
          "(signature status: NotTrusted; add the key to ~/.config/rsh/trusted-publishers to trust it).", "NotTrusted");
    }
  }
}

/** Why a script counts as remote (null: it is local). */
function remoteOrigin(path: string): string | null {
  if (/^https?:\/\//i.test(path)) return "it was fetched from a URL";
  try {
    Deno.statSync(zoneFile(path));
    return `${zoneFile(path)} marks it; Unblock-File removes the mark`;
  } catch {
    return null;
  }
}
