/**
 * Parameter sets the binder does not model (about_Parameter_Sets): a command whose table mixes several sets checks
 * here that the parameters given belong to one of them, failing with the binder's wording when they do not.
 */
import { cmdletId, type CommandContext } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";

/**
 * Throws AmbiguousParameterSet (at the command's call) when more than one of `groups` has a parameter in `params`
 * (each group holds the parameters only one set has). `command` names the command (`Sort-Object`; its id names
 * SortObjectCommand).
 */
export function oneSetOf(ctx: CommandContext, params: Map<string, unknown>, groups: readonly (readonly string[])[], command: string): void {
  const used = groups.filter((group) => group.some((name) => params.has(name) && params.get(name) !== false));
  if (used.length > 1) {
    throw new RuntimeError(ctx.newErrorRecord(
      "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
      `AmbiguousParameterSet,${cmdletId(command)}`, command, "InvalidArgument",
    ));
  }
}
