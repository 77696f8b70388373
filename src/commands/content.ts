/**
 * Clear-Content: empties files without removing them (the FileSystem provider's ClearContent). Paths resolve against
 * the session's location; wildcards in the last segment expand.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { Deno } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { resolvePath } from "./files.ts";
import { matches } from "./items.ts";

const CLEAR_CONTENT = "Microsoft.PowerShell.Commands.ClearContentCommand";

/** -Path or -LiteralPath is mandatory (one in each parameter set); with neither, PowerShell names -Path. */
export function requirePath(params: Map<string, unknown>, command: string): void {
  if (params.has("Path") || params.has("LiteralPath")) return;
  const message = "Cannot process command because of one or more missing mandatory parameters: Path.";
  throw new RuntimeError(new ErrorRecord(message, `MissingMandatoryParameter,Microsoft.PowerShell.Commands.${command.replace("-", "")}Command`, "InvalidArgument", null, null, null, command));
}

export const clearContent: BuiltinCommand = {
  name: "Clear-Content",
  aliases: ["clc"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "Force", type: "switch" },
  ],
  process(ctx, params, input) {
    if (input === undefined) requirePath(params, "Clear-Content");
    const literal = params.has("LiteralPath");
    const requested = enumerate(input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path")).map(toStr);
    for (const path of requested.flatMap((r) => (literal ? [resolvePath(ctx, r)] : matches(ctx, r, "Clear-Content")))) {
      let directory: boolean;
      try {
        directory = Deno.statSync(path).isDirectory;
      } catch {
        ctx.writeError(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${CLEAR_CONTENT}`, "Clear-Content");
        continue;
      }
      // A directory has no content to clear: the provider refuses it as an unauthorized operation.
      if (directory) {
        ctx.writeError(`Access to the path '${path}' is denied.`, `ClearContentUnauthorizedAccessError,${CLEAR_CONTENT}`, "Clear-Content");
        continue;
      }
      Deno.writeTextFileSync(path, "");
    }
  },
};
