/**
 * Asking the user: Read-Host and Get-Credential. The prompt goes through the runspace's host (the CLI writes it to
 * stderr and reads the next line of stdin, without echo for a secret on a terminal; an embedder decides for itself).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { toStr } from "../values/convert.ts";
import { makeCredential, SecureString } from "../values/credentials.ts";

async function ask(ctx: CommandContext, text: string, secret: boolean, command: string): Promise<string | null> {
  const answer = await ctx.pacer.wait(ctx.host.prompt(text, secret));
  if (answer === null) {
    ctx.writeError(`${command}: there is no input to read the answer from (no terminal, or the input has ended).`, `NoInput,${command}`, command);
  }
  return answer;
}

export const readHost: BuiltinCommand = {
  name: "Read-Host",
  parameters: [{ name: "Prompt", position: 0, type: "object" }, { name: "AsSecureString", type: "switch" }, { name: "MaskInput", type: "switch" }],
  async process(ctx, params) {
    const secret = params.get("AsSecureString") === true || params.get("MaskInput") === true;
    // PowerShell adds ": " after the prompt text.
    const text = params.has("Prompt") ? `${toStr(params.get("Prompt"))}: ` : "";
    const answer = await ask(ctx, text, secret, "Read-Host");
    if (answer !== null) await ctx.emit(params.get("AsSecureString") ? new SecureString(answer) : answer);
  },
};

export const getCredential: BuiltinCommand = {
  name: "Get-Credential",
  parameters: [{ name: "UserName", aliases: ["Credential"], position: 0, type: "string" }, { name: "Message", type: "string" }, { name: "Title", type: "string" }],
  async process(ctx, params) {
    if (params.has("Message")) ctx.host.host(toStr(params.get("Message")) + "\n");
    let user = params.has("UserName") ? toStr(params.get("UserName")) : null;
    if (user === null) {
      user = await ask(ctx, "User: ", false, "Get-Credential");
      if (user === null) return;
    }
    const password = await ask(ctx, `Password for user ${user}: `, true, "Get-Credential");
    if (password !== null) await ctx.emit(makeCredential(user, new SecureString(password)));
  },
};
