/**
 * The command tables of runspaces, and the embedder's side of them: host commands written in TypeScript get their
 * plain JS values turned into rsh values (objects into PSCustomObjects, nested objects into hashtables).
 */
import { builtinCommands } from "../commands/registry.ts";
import { CommandTable } from "../engine/commands.ts";
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";

const commands = new CommandTable(builtinCommands);

/** An embedder's JS value as an rsh value: plain objects become (ordered) hashtables, recursively. */
export function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const table = new PSHashtable();
    table.ordered = true;
    for (const [k, v] of Object.entries(value)) table.set(k, fromPlain(v));
    return table;
  }
  return value;
}

/** Command tables by extra-command list, so that runspaces sharing a list share one table. */
const tables = new WeakMap<readonly BuiltinCommand[], CommandTable>();

export function commandTable(extra: readonly BuiltinCommand[] | undefined): CommandTable {
  if (!extra || extra.length === 0) return commands;
  let table = tables.get(extra);
  if (!table) tables.set(extra, table = new CommandTable([...builtinCommands, ...extra.map(hostCommand)]));
  return table;
}

/** A value an embedder's command writes: a plain JS object becomes a PSCustomObject (its nested objects hashtables). */
function fromHost(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return fromPlain(value);
  const object = new PSCustomObject();
  for (const [k, v] of Object.entries(value)) object.set(k, fromPlain(v));
  return object;
}

/** Wraps a command from outside the engine so that the plain JS values it writes arrive as rsh values. */
function hostCommand(command: BuiltinCommand): BuiltinCommand {
  // The context is a class instance: the wrapper derives from it (a spread would lose its methods).
  const wrap = (ctx: CommandContext): CommandContext =>
    Object.assign(Object.create(ctx) as CommandContext, {
      emit: (value: unknown) => ctx.emit(fromHost(value)),
      emitAll: (values: readonly unknown[]) => ctx.emitAll(values.map(fromHost)),
    });
  return {
    ...command,
    begin: command.begin && ((ctx, params) => command.begin!(wrap(ctx), params)),
    process: command.process && ((ctx, params, input, state) => command.process!(wrap(ctx), params, input, state)),
    end: command.end && ((ctx, params, state) => command.end!(wrap(ctx), params, state)),
  };
}
