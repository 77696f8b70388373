/** Objects and their members: Add-Member (note properties) and New-Object (the types rsh has values for). */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { constructList } from "../engine/dotnet.ts";
import { isCoreType } from "../engine/language_mode.ts";
import { canonicalType, enumerate, toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";

function terminate(command: string, message: string, id: string, category: string, target: unknown = null): never {
  const type = `Microsoft.PowerShell.Commands.${command.replace("-", "")}Command`;
  throw new RuntimeError(new ErrorRecord(message, `${id},${type}`, category, null, null, target, command));
}

/** PSMemberTypes names Add-Member accepts; rsh's objects hold note properties only, so the others are refused. */
const MEMBER_TYPES = [
  "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties", "PropertySet", "Method",
  "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All",
];

/** The note properties one Add-Member call adds, whichever of its forms (parameter sets) was used. */
function notesOf(params: Map<string, unknown>): [string, unknown][] {
  if (params.has("NotePropertyMembers")) return dictionaryPairs(params.get("NotePropertyMembers"));
  if (params.has("NotePropertyName")) return [[toStr(params.get("NotePropertyName")), params.get("NotePropertyValue") ?? null]];
  const first = params.get("MemberType");
  // `Add-Member @{ A = 1 }` and `Add-Member A 1`: the first positional argument is not a member type, so PowerShell
  // binds it (and the next) to the NotePropertyMembers or NotePropertyName/NotePropertyValue sets.
  if (first instanceof PSHashtable) return dictionaryPairs(first);
  const type = MEMBER_TYPES.find((t) => t.toLowerCase() === toStr(first).toLowerCase());
  if (first !== undefined && !type) return [[toStr(first), params.get("Name") ?? null]];
  if (type === undefined) terminate("Add-Member", "Cannot process command because of one or more missing mandatory parameters: MemberType.", "MissingMandatoryParameter", "InvalidArgument");
  if (type !== "NoteProperty") {
    terminate("Add-Member", `The member type '${type}' is not supported; rsh objects hold note properties only (NoteProperty).`, "NotSupported", "NotImplemented", type);
  }
  if (!params.has("Name")) terminate("Add-Member", "Cannot process command because of one or more missing mandatory parameters: Name.", "MissingMandatoryParameter", "InvalidArgument");
  return [[toStr(params.get("Name")), params.get("Value") ?? null]];
}

function dictionaryPairs(value: unknown): [string, unknown][] {
  if (!(value instanceof PSHashtable)) {
    terminate("Add-Member", `Cannot bind parameter 'NotePropertyMembers'. Cannot convert the "${toStr(value)}" value to type "System.Collections.IDictionary".`, "CannotConvertArgument", "InvalidArgument", value);
  }
  return value.entries().map(([k, v]) => [toStr(k), v]);
}

export const addMember: BuiltinCommand = {
  name: "Add-Member",
  parameters: [
    { name: "InputObject", pipeline: true, type: "object", mandatory: true },
    { name: "MemberType", aliases: ["Type"], position: 0, type: "object" },
    { name: "Name", position: 1, type: "object" },
    { name: "Value", position: 2, type: "object" },
    { name: "SecondValue", position: 3, type: "object" },
    { name: "NotePropertyName", type: "string" },
    { name: "NotePropertyValue", type: "object" },
    { name: "NotePropertyMembers", type: "object" },
    { name: "TypeName", type: "string" },
    { name: "Force", type: "switch" },
    { name: "PassThru", type: "switch" },
  ],
  process(ctx, params, input) {
    const target = input === undefined ? params.get("InputObject") : input;
    const notes = params.has("TypeName") && !params.has("MemberType") && !params.has("NotePropertyName") && !params.has("NotePropertyMembers") ? [] : notesOf(params);
    // A scalar is wrapped (PowerShell's PSObject): the notes reach the caller only through -PassThru, as in pwsh.
    const base = target instanceof NotedScalar ? target.base : target;
    const scalar = typeof base === "string" || typeof base === "number" || typeof base === "boolean" || base instanceof Date;
    const object = target instanceof PSCustomObject ? target : target instanceof NotedScalar ? target.notes : scalar ? new PSCustomObject() : null;
    if (!object) {
      terminate("Add-Member", `Members can be added to objects and scalars here; a ${target instanceof PSHashtable ? "hashtable" : "collection"} holds keys or elements instead.`, "NotSupported", "NotImplemented", target);
    }
    // A member already there is a non-terminating error, and that member is skipped (AddMemberToTarget).
    const added = notes.filter(([name, value]) => {
      if (object.has(name) && !params.get("Force")) {
        ctx.writeError(`Cannot add a member with the name "${name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`, "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand", "Add-Member");
        return false;
      }
      object.set(name, value);
      return true;
    });
    if (notes.length > 0 && added.length === 0) return;
    if (params.has("TypeName")) object.typeNames = [toStr(params.get("TypeName")), ...(object.typeNames ?? ["System.Management.Automation.PSCustomObject", "System.Object"])];
    if (!params.get("PassThru")) return;
    return ctx.emit(target instanceof NotedScalar || !scalar ? target : new NotedScalar(base as string | number | boolean | Date, object));
  },
};

/**
 * What `New-Object -TypeName name` makes, as a constructor of its -ArgumentList; null for a type rsh has no value
 * for. This is the one place a type name is resolved (a language mode may restrict it here).
 */
export function resolveNewObjectType(name: string): ((args: unknown[]) => unknown) | null {
  const type = canonicalType(name).replace(/^management\.automation\./, "");
  if (type === "psobject" || type === "pscustomobject") return () => new PSCustomObject();
  if (type === "hashtable") return () => new PSHashtable();
  if (type === "ordered") {
    return () => {
      const table = new PSHashtable();
      table.ordered = true;
      return table;
    };
  }
  if (constructList(name, []) !== null) return (args) => constructList(name, args);
  if (type === "datetime") {
    return (args) => {
      const [y = 1, mo = 1, d = 1, h = 0, mi = 0, s = 0] = args.map((a) => toNumber(a));
      return new Date(y, mo - 1, d, h, mi, s);
    };
  }
  return null;
}

export const newObject: BuiltinCommand = {
  name: "New-Object",
  parameters: [
    { name: "TypeName", position: 0, type: "string", mandatory: true },
    { name: "ArgumentList", aliases: ["Args"], position: 1, type: "object[]" },
    { name: "Property", type: "hashtable" },
  ],
  process(ctx, params) {
    const name = toStr(params.get("TypeName"));
    if (ctx.languageMode === "ConstrainedLanguage" && !isCoreType(name)) {
      terminate("New-Object", "Cannot create type. Only core types are supported in this language mode (ConstrainedLanguage).", "CannotCreateTypeConstrainedLanguage", "PermissionDenied", name);
    }
    const make = resolveNewObjectType(name);
    if (!make) terminate("New-Object", `Cannot find type [${name}]: verify that the assembly containing this type is loaded.`, "TypeNotFound", "InvalidType", name);
    const made = make(enumerate(params.get("ArgumentList") ?? []));
    const properties = params.get("Property") as PSHashtable | undefined;
    if (properties) {
      for (const [key, value] of properties.entries()) {
        if (made instanceof PSCustomObject || made instanceof PSHashtable) made.set(toStr(key), value);
        else terminate("New-Object", `The member "${toStr(key)}" was not found for the specified .NET object.`, "InvalidOperationException", "InvalidOperation", made);
      }
    }
    // One object, not enumerated: a new (empty) list is written as the list itself.
    return ctx.emit(made);
  },
};
