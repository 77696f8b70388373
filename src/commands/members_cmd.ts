/**
 * Objects and their members: Add-Member (note, script and alias properties, script methods — about_Intrinsic_Members)
 * and New-Object (the types rsh has values for).
 */
import { type BuiltinCommand, cmdletId, type CommandContext } from "../engine/command_types.ts";
import { ScriptBlockValue, unwrap } from "../engine/expressions.ts";
import type { Maybe } from "../engine/maybe.ts";
import { getMember, setMember } from "../engine/members.ts";
import { ScriptMethod } from "../engine/psobject.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { construct } from "../engine/dotnet.ts";
import { isCoreType } from "../engine/language_mode.ts";
import { canonicalType, ConversionError, convertTo, enumerate, toNumber, toStr } from "../values/convert.ts";
import { TypeValue } from "../engine/operators.ts";
import { type MemberKind, NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";

function terminate(command: string, message: string, id: string, category: string, target: unknown = null): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},${cmdletId(command)}`, category, null, null, target, command));
}

/** PSMemberTypes names Add-Member knows; it makes notes, script properties and methods, and aliases (MEMBER_KINDS). */
const MEMBER_TYPES = [
  "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties", "PropertySet", "Method",
  "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All",
];

/** The member types Add-Member makes here. */
const MEMBER_KINDS: readonly MemberKind[] = ["NoteProperty", "ScriptProperty", "AliasProperty", "ScriptMethod"];

/** A member one Add-Member call adds: its name and how it goes onto the object (`self`: what `$this` is). */
interface NewMember {
  name: string;
  add(object: PSCustomObject, self: unknown): void;
}

const note = (name: string, value: unknown): NewMember => ({ name, add: (object) => object.set(name, value) });

/** The members one Add-Member call adds, whichever of its forms (parameter sets) was used. */
function membersOf(ctx: CommandContext, params: Map<string, unknown>): NewMember[] {
  if (params.has("NotePropertyMembers")) return dictionaryNotes(params.get("NotePropertyMembers"));
  if (params.has("NotePropertyName")) return [note(toStr(params.get("NotePropertyName")), params.get("NotePropertyValue") ?? null)];
  const first = params.get("MemberType");
  // `Add-Member @{ A = 1 }` and `Add-Member A 1`: the first positional argument is not a member type, so PowerShell
  // binds it (and the next) to the NotePropertyMembers or NotePropertyName/NotePropertyValue sets.
  if (first instanceof PSHashtable) return dictionaryNotes(first);
  const type = MEMBER_TYPES.find((t) => t.toLowerCase() === toStr(first).toLowerCase());
  // With a -Value (or more) it can only be the MemberSet form, so the name must be a member type.
  if (first !== undefined && !type && !params.has("Value") && !params.has("SecondValue")) return [note(toStr(first), params.get("Name") ?? null)];
  if (first !== undefined && !type) {
    terminate(
      "Add-Member",
      `Cannot bind parameter 'MemberType'. Cannot convert value "${toStr(first)}" to type "System.Management.Automation.PSMemberTypes". Error: "Unable to match the identifier name ${toStr(first)} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${MEMBER_TYPES.join(", ")}"`,
      "CannotConvertArgumentNoMessage", "InvalidArgument", first,
    );
  }
  if (type === undefined) terminate("Add-Member", "Cannot process command because of one or more missing mandatory parameters: MemberType.", "MissingMandatoryParameter", "InvalidArgument");
  const kind = MEMBER_KINDS.find((k) => k === type);
  if (!kind) {
    terminate("Add-Member", `The member type '${type}' is not supported; rsh objects take ${MEMBER_KINDS.join(", ")}.`, "NotSupported", "NotImplemented", type);
  }
  if (!params.has("Name")) terminate("Add-Member", "Cannot process command because of one or more missing mandatory parameters: Name.", "MissingMandatoryParameter", "InvalidArgument");
  const name = toStr(params.get("Name"));
  const value = params.get("Value") ?? null;
  switch (kind) {
    case "NoteProperty":
      return [note(name, value)];
    case "AliasProperty": {
      const target = toStr(value);
      // -SecondValue: a type the aliased value is converted to when read (the reference's example 6).
      const type = params.has("SecondValue") ? aliasType(params.get("SecondValue")) : null;
      const definition = type ? `${name} = (${type})${target}` : `${name} = ${target}`;
      const read = (self: unknown) => (type ? convertTo(getMember(self, target) ?? null, type) : getMember(self, target));
      return [{ name, add: (object, self) => object.define(name, kind, { read: () => read(self), write: (v) => setMember(self, target, v), definition }) }];
    }
    case "ScriptProperty": {
      const getter = scriptBlock(value, "Value");
      const setter = params.has("SecondValue") ? scriptBlock(params.get("SecondValue"), "SecondValue") : null;
      const definition = `System.Object ${name} {get=${getter};${setter ? `set=${setter};` : ""}}`;
      return [{
        name,
        add: (object, self) =>
          object.define(name, kind, {
            read: () => unwrap(synchronously(ctx.invoke(getter, null, [], { this: self }), name)),
            write: setter && ((v) => void synchronously(ctx.invoke(setter, null, [v], { this: self }), name)),
            definition,
          }),
      }];
    }
    case "ScriptMethod": {
      const body = scriptBlock(value, "Value");
      const method = (self: unknown, args: unknown[]) => ctx.invoke(body, null, args, { this: self });
      return [{ name, add: (object) => object.define(name, kind, { value: new ScriptMethod(name, method), definition: `System.Object ${name}();` }) }];
    }
  }
}

/** An alias property's -SecondValue: a type (`[int]` or its name) that rsh can convert to. */
function aliasType(value: unknown): string {
  const name = value instanceof TypeValue ? value.name : toStr(value);
  try {
    convertTo(null, name);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    terminate("Add-Member", `Cannot convert the "${name}" value of type "System.String" to type "System.Type".`, "InvalidCastFromStringToType", "InvalidArgument", value);
  }
  return canonicalType(name);
}

function scriptBlock(value: unknown, parameter: string): ScriptBlockValue {
  if (value instanceof ScriptBlockValue) return value;
  terminate("Add-Member", `Cannot bind parameter '${parameter}': a script member needs a script block, not "${toStr(value)}".`, "CannotConvertArgument", "InvalidArgument", value);
}

/**
 * A script property is read where a value is needed at once (display, conversion, member access): its accessor must
 * finish without waiting. One that waits (Start-Sleep, a job, a remote call) is an error here, written down.
 */
function synchronously(result: Maybe<unknown[]>, name: string): unknown[] {
  if (result instanceof Promise) {
    result.catch(() => {});
    terminate("Add-Member", `The accessor of script property '${name}' waited (a sleep, job or remote call); rsh runs property accessors without waiting.`, "ScriptPropertyWaited", "NotImplemented", name);
  }
  return result;
}

function dictionaryNotes(value: unknown): NewMember[] {
  if (!(value instanceof PSHashtable)) {
    terminate("Add-Member", `Cannot bind parameter 'NotePropertyMembers'. Cannot convert the "${toStr(value)}" value to type "System.Collections.IDictionary".`, "CannotConvertArgument", "InvalidArgument", value);
  }
  return value.entries().map(([k, v]) => note(toStr(k), v));
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
    const members = params.has("TypeName") && !params.has("MemberType") && !params.has("NotePropertyName") && !params.has("NotePropertyMembers") ? [] : membersOf(ctx, params);
    // A scalar is wrapped (PowerShell's PSObject): the notes reach the caller only through -PassThru, as in pwsh.
    const base = target instanceof NotedScalar ? target.base : target;
    const scalar = typeof base === "string" || typeof base === "number" || typeof base === "boolean" || base instanceof Date;
    const object = target instanceof PSCustomObject ? target : target instanceof NotedScalar ? target.notes : scalar ? new PSCustomObject() : null;
    if (!object) {
      terminate("Add-Member", `Members can be added to objects and scalars here; a ${target instanceof PSHashtable ? "hashtable" : "collection"} holds keys or elements instead.`, "NotSupported", "NotImplemented", target);
    }
    // A member already there is a non-terminating error, and that member is skipped (AddMemberToTarget).
    const added = members.filter((member) => {
      const name = member.name;
      if (object.has(name) && !params.get("Force")) {
        ctx.writeError(`Cannot add a member with the name "${name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`, "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand", "Add-Member");
        return false;
      }
      // A computed member gives way to a note by removal (setting it would call its setter); the rest replace in place.
      if (object.kindOf(name) !== undefined && object.kindOf(name) !== "NoteProperty") object.remove(name);
      member.add(object, target);
      return true;
    });
    if (members.length > 0 && added.length === 0) return;
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
  if (construct(name, []) !== null) return (args) => construct(name, args);
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
