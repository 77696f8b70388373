/**
 * `.PSObject`, the view PowerShell gives of any value's wrapper (about_Intrinsic_Members): `BaseObject`, `TypeNames`,
 * `Properties` — each with `Name`, `Value`, `MemberType`, `IsSettable`, `TypeNameOfValue` — and `Copy()`. Scripts use
 * it to walk an object's properties (`$o.PSObject.Properties | % { "$($_.Name)=$($_.Value)" }`), look one up by name
 * (`.Properties['Name']`), change or remove one. rsh's objects hold note properties; a hashtable and a string show
 * the .NET properties rsh answers for them (Count, Keys, Values; Length).
 */
import { typeNameOf } from "../values/convert.ts";
import { LiveObject, type MemberKind, NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import type { Maybe } from "./maybe.ts";

/**
 * A method Add-Member gave an object (`-MemberType ScriptMethod`): `call` runs its script block with `$this` and the
 * arguments. Kept as the object's hidden member of that name, so display and enumeration skip it, as pwsh's do.
 */
export class ScriptMethod {
  constructor(readonly name: string, readonly call: (self: unknown, args: unknown[]) => Maybe<unknown[]>) {}
  toString(): string {
    return `System.Object ${this.name}();`;
  }
}

/** One property as `.PSObject.Properties` lists it (PSNoteProperty / PSProperty); setting `Value` writes through. */
class PropertyView extends LiveObject {
  constructor(readonly owner: unknown, readonly name: string, readonly memberType: MemberKind | "Property") {
    super(["Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance"]);
    this.typeNames = [`System.Management.Automation.PS${memberType}`, "System.Management.Automation.PSPropertyInfo", "System.Object"];
  }

  #value(): unknown {
    const owner = this.owner;
    if (owner instanceof PSCustomObject) return owner.get(this.name);
    if (owner instanceof PSHashtable) {
      const lower = this.name.toLowerCase();
      return lower === "count" ? owner.count : lower === "keys" ? owner.keys() : owner.values();
    }
    return typeof owner === "string" ? owner.length : null;
  }

  protected read(name: string): unknown {
    switch (name) {
      case "value": return this.#value();
      case "membertype": return this.memberType;
      case "issettable": return this.owner instanceof PSCustomObject && this.owner.settable(this.name);
      case "isgettable": return true;
      case "typenameofvalue": return typeNameOf(this.#value());
      case "name": return this.name;
      case "isinstance": return true;
    }
  }

  override set(name: string, value: unknown): void {
    if (name.toLowerCase() === "value" && this.owner instanceof PSCustomObject) this.owner.set(this.name, value);
  }
}

/** `.PSObject.Properties`: a list of PropertyView that also answers `['Name']` and `.Remove('Name')`. */
export class PropertyCollection extends Array<PropertyView> {
  owner: unknown = null;

  /** The property named `name` (any case), or null. */
  named(name: string): PropertyView | null {
    return this.find((p) => p.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** `.Remove('Name')`: removes a note property from its object (a no-op for one it does not have, as in pwsh). */
  remove(name: string): void {
    if (this.owner instanceof PSCustomObject) this.owner.remove(name);
  }
}

function propertiesOf(value: unknown): PropertyCollection {
  const owner = value instanceof NotedScalar ? value.notes : value;
  const list = new PropertyCollection();
  list.owner = owner;
  if (owner instanceof PSCustomObject) for (const name of owner.names()) list.push(new PropertyView(owner, name, owner.kindOf(name)!));
  else if (owner instanceof PSHashtable) for (const name of ["Count", "Keys", "Values"]) list.push(new PropertyView(owner, name, "Property"));
  else if (typeof owner === "string") list.push(new PropertyView(owner, "Length", "Property"));
  return list;
}

/** The `.PSObject` of `value`. */
export class PSObjectView extends LiveObject {
  constructor(readonly value: unknown) {
    super(["BaseObject", "ImmediateBaseObject", "Properties", "TypeNames"]);
    this.typeNames = ["System.Management.Automation.PSObject", "System.Object"];
  }

  protected read(name: string): unknown {
    const base = this.value instanceof NotedScalar ? this.value.base : this.value;
    switch (name) {
      case "baseobject":
      case "immediatebaseobject":
        return base;
      case "properties":
        return propertiesOf(this.value);
      case "typenames":
        return base instanceof PSCustomObject && base.typeNames ? [...base.typeNames] : [typeNameOf(base), "System.Object"];
    }
  }

  /** `.PSObject.Copy()`: a shallow copy of an object (its note properties); other values are values already. */
  copy(): unknown {
    const base = this.value instanceof NotedScalar ? this.value.base : this.value;
    if (!(base instanceof PSCustomObject) || base instanceof LiveObject) return base;
    const copy = new PSCustomObject();
    for (const name of base.names()) copy.set(name, base.get(name));
    if (base.typeNames) copy.typeNames = [...base.typeNames];
    return copy;
  }
}

/** The `.PSObject` of `value` (null for $null, as pwsh's `$null.PSObject`). */
export function psObjectOf(value: unknown): PSObjectView | null {
  return value === null || value === undefined ? null : new PSObjectView(value);
}
