/** The built-in command table: one literal list, frozen; sessions add functions over it, never to it. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { forEachObject, measureObject, outNull, selectObject, sortObject, whereObject } from "./objects.ts";
import { writeError, writeHost, writeOutput, writeVerbose, writeWarning } from "./write.ts";

export const builtinCommands: readonly BuiltinCommand[] = Object.freeze([
  writeOutput,
  writeHost,
  writeError,
  writeWarning,
  writeVerbose,
  forEachObject,
  whereObject,
  selectObject,
  sortObject,
  measureObject,
  outNull,
]);
