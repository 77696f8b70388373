/**
 * The object-pipeline family: Where-Object and Out-Null here; ForEach-Object, Select-Object, Sort-Object and
 * Measure-Object in files of their own, exported from here for the registry.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";
import { getMember } from "../engine/members.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { then } from "../engine/maybe.ts";
import { binary } from "../engine/operators.ts";
import { toBool, toStr } from "../values/convert.ts";
import { inputOf } from "./format.ts";

export { forEachObject } from "./foreach.ts";
export { sortObject } from "./sort.ts";
export { measureObject } from "./measure.ts";
export { selectObject } from "./select.ts";

/**
 * Where-Object's comparison switches (its simplified syntax, `Where-Object Name -eq 'x'`), as binary operators; each
 * case-insensitive one also answers to its `I` name (`-IEQ`), as in the cmdlet reference.
 */
const CASELESS = ["EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains", "NotContains", "In", "NotIn"];
const WHERE_OPERATORS = [...CASELESS, ...CASELESS.map((name) => "C" + name), "Is", "IsNot"];

export const whereObject: BuiltinCommand = {
  name: "Where-Object",
  aliases: ["?", "where"],
  parameters: [
    // PowerShell has two parameter sets: a script block, or a property compared with -EQ, -GT, … and a value.
    { name: "FilterScript", aliases: ["Property"], position: 0, type: "object", mandatory: true },
    { name: "Value", position: 1, type: "object" },
    ...WHERE_OPERATORS.map((name) => ({ name, type: "switch", aliases: CASELESS.includes(name) ? ["I" + name] : undefined })),
    { name: "Not", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params) {
    // The comparison form needs both a property and a value, and a value needs an operator (WhereObjectCommand).
    if (params.get("FilterScript") instanceof ScriptBlockValue) return;
    const operator = WHERE_OPERATORS.some((name) => params.get(name) === true);
    const [message, id] = operator && !params.has("Value")
      ? ["The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.", "ValueNotSpecifiedForWhereObject"]
      : !operator && params.has("Value")
      ? ["An operator is required to compare the two specified values. Include a valid operator in the command, and then try the command again. For example, Get-Process | Where-Object -Property Name -eq Idle", "OperatorNotSpecified"]
      : [null, null];
    if (message) throw new RuntimeError(ctx.newErrorRecord(message, `${id},Microsoft.PowerShell.Commands.WhereObjectCommand`, "Where-Object", "InvalidArgument"));
  },
  process(ctx, params, input) {
    // Without pipeline input, -InputObject's value is the one object (a collection is not enumerated).
    input = inputOf(params, input);
    if (input === undefined) return;
    const filter = params.get("FilterScript");
    if (filter instanceof ScriptBlockValue) {
      return then(ctx.invokeInScope(filter, input), (result) => {
        if (toBool(result.length === 1 ? result[0] : result)) return ctx.emit(input);
      });
    }
    // `Where-Object Name -eq 'x'`: the property's value compared with -Value; a property alone tests its truth, and
    // `-Not` its falsehood.
    const value = getMember(input, toStr(filter)) ?? null;
    const operator = WHERE_OPERATORS.find((name) => params.get(name) === true);
    const keep = operator ? toBool(binary(`-${operator.toLowerCase()}`, value, params.get("Value") ?? null)) : toBool(value) !== (params.get("Not") === true);
    if (keep) return ctx.emit(input);
  },
};

export const outNull: BuiltinCommand = {
  name: "Out-Null",
  parameters: [{ name: "InputObject", pipeline: true, type: "object" }],
};
