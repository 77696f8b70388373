/** The built-in command table: one literal list, frozen; sessions add functions over it, never to it. */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { getAlias, newAlias, setAlias } from "./aliases.ts";
import { getChildItem } from "./childitem.ts";
import { tabExpansion2 } from "./completion.ts";
import { compareObject, teeObject } from "./compare.ts";
import { addContent, clearContent, getContent, outFile, setContent } from "./content.ts";
import { convertFromCsv, convertToCsv, exportCsv, importCsv } from "./csv.ts";
import { getDate } from "./date.ts";
import { getHelp, getMember } from "./discovery.ts";
import { getCommand } from "./get_command.ts";
import { convertFromJson, convertToJson } from "./json.ts";
import { setLocation } from "./files.ts";
import { copyItem, getItem, getLocation, moveItem, newItem, popLocation, pushLocation, removeItem, renameItem, resolvePathCommand } from "./items.ts";
import { formatList, formatTable, outDefault, outHost, outString } from "./format.ts";
import { getUnique, groupObject } from "./group.ts";
import { getCredential, readHost } from "./host.ts";
import { getJob, receiveJob, removeJob, startJob, stopJob, waitJob } from "./jobs.ts";
import { forEachObject, measureObject, outNull, selectObject, sortObject, whereObject } from "./objects.ts";
import { addMember, newObject } from "./members_cmd.ts";
import { clearHost, getHost, getRandom, measureCommand, newGuid, newTimeSpan } from "./misc.ts";
import { joinPath, splitPath, testPath } from "./paths.ts";
import { getExecutionPolicy, getRshSignature, setExecutionPolicy, unblockFile } from "./policy.ts";
import { joinString, selectString } from "./text.ts";
import { invokeExpression, startSleep } from "./utility.ts";
import { clearVariable, getVariable, newVariable, removeVariable, setStrictMode, setVariable } from "./variables.ts";
import { writeDebug, writeHost, writeInformation, writeOutput, writeProgress, writeVerbose, writeWarning } from "./write.ts";
import { writeError } from "./write_error.ts";

export const builtinCommands: readonly BuiltinCommand[] = Object.freeze([
  writeOutput,
  writeHost,
  writeError,
  writeWarning,
  writeVerbose,
  writeDebug,
  writeInformation,
  writeProgress,
  forEachObject,
  whereObject,
  selectObject,
  sortObject,
  measureObject,
  outNull,
  getLocation,
  setLocation,
  testPath,
  joinPath,
  splitPath,
  getContent,
  setContent,
  addContent,
  outFile,
  getDate,
  startSleep,
  getVariable,
  setVariable,
  newVariable,
  removeVariable,
  clearVariable,
  setStrictMode,
  getRandom,
  newGuid,
  measureCommand,
  newTimeSpan,
  getHost,
  clearHost,
  compareObject,
  teeObject,
  selectString,
  joinString,
  addMember,
  newObject,
  convertToCsv,
  convertFromCsv,
  exportCsv,
  importCsv,
  clearContent,
  convertToJson,
  convertFromJson,
  startJob,
  getJob,
  receiveJob,
  waitJob,
  stopJob,
  removeJob,
  getExecutionPolicy,
  setExecutionPolicy,
  getRshSignature,
  unblockFile,
  getChildItem,
  getItem,
  newItem,
  removeItem,
  copyItem,
  moveItem,
  renameItem,
  resolvePathCommand,
  pushLocation,
  popLocation,
  setAlias,
  newAlias,
  getAlias,
  invokeExpression,
  readHost,
  getCredential,
  formatTable,
  formatList,
  outString,
  outHost,
  outDefault,
  groupObject,
  getUnique,
  getCommand,
  getMember,
  getHelp,
  tabExpansion2,
]);
