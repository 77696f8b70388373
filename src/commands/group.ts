/** Group-Object and Get-Unique: objects gathered by equal values. */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { getMember } from "../engine/members.ts";
import { compare } from "../engine/operators.ts";
import { toStr, typeNameOf } from "../values/convert.ts";
import { setFormatTypeName } from "../values/format.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { then } from "../engine/maybe.ts";
import { collect, inputOf } from "./format.ts";
import { culturalCompare } from "./collation.ts";
import { oneSetOf } from "./parameter_sets.ts";

interface Entry {
  item: unknown;
  keys: unknown[];
}

function terminate(message: string, errorId: string): never {
  throw new RuntimeError(new ErrorRecord(message, `${errorId},Microsoft.PowerShell.Commands.GroupObjectCommand`, "InvalidArgument", null, null));
}

/** The grouping values of one object: each -Property (a name, a script block, or `@{Expression=…}`), else the object. */
function keysOf(ctx: CommandContext, properties: unknown[] | undefined, item: unknown): unknown[] | Promise<unknown[]> {
  if (!properties) return [item];
  const keys: unknown[] = [];
  const next = (i: number): unknown[] | Promise<unknown[]> => {
    for (; i < properties.length; i++) {
      let property = properties[i];
      if (property instanceof PSHashtable) property = property.get(property.keys().find((k) => "expression".startsWith(toStr(k).toLowerCase())));
      if (typeof property === "string") {
        keys.push(getMember(item, property) ?? null);
        continue;
      }
      const results = ctx.invoke(property, item) as unknown[] | Promise<unknown[]>;
      const store = (r: unknown[]) => void keys.push(r.length === 0 ? null : r.length === 1 ? r[0] : r);
      if (results instanceof Promise) return results.then((r) => (store(r), next(i + 1)));
      store(results);
    }
    return keys;
  };
  return next(0);
}

/** A group's name: its values joined with ", ", a collection value as `{a, b}` (GroupInfo.BuildName). */
function nameOf(keys: readonly unknown[]): string {
  return keys.map((k) => (Array.isArray(k) ? `{${k.map(toStr).join(", ")}}` : toStr(k))).join(", ");
}

function sameKinds(entries: readonly Entry[]): boolean {
  const kinds: (string | undefined)[] = [];
  for (const { keys } of entries) {
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === null) continue;
      const kind = typeNameOf(keys[i]).replace("System.Int32", "System.Double");
      if (kinds[i] !== undefined && kinds[i] !== kind) return false;
      kinds[i] = kind;
    }
  }
  return true;
}

function groupEntries(ctx: CommandContext, entries: Entry[], caseSensitive: boolean, culture: string | null): Entry[][] {
  const compareKeys = culturalCompare(ctx, culture, caseSensitive, "Group-Object");
  const byKey = (a: Entry, b: Entry) => {
    for (let i = 0; i < a.keys.length; i++) {
      const c = compareKeys(a.keys[i], b.keys[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
  // pwsh sorts by the grouping values when they are all of one type, and keeps the input order otherwise.
  const ordered = sameKinds(entries) ? [...entries].sort(byKey) : entries;
  const groups: Entry[][] = [];
  const index = new Map<string, Entry[]>();
  for (const entry of ordered) {
    const id = entry.keys.map((k) => (caseSensitive ? toStr(k) : toStr(k).toLowerCase())).join("\u0000");
    const group = index.get(id);
    if (group) group.push(entry);
    else {
      const created = [entry];
      index.set(id, created);
      groups.push(created);
    }
  }
  return groups;
}

export const groupObject: BuiltinCommand = {
  name: "Group-Object",
  aliases: ["group"],
  parameters: [
    { name: "Property", position: 0, type: "object[]" },
    { name: "NoElement", type: "switch" },
    { name: "AsHashTable", aliases: ["AHT"], type: "switch" },
    { name: "AsString", type: "switch" },
    { name: "CaseSensitive", type: "switch" },
    { name: "Culture", type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(_ctx, params) {
    if (params.get("AsString") && !params.get("AsHashTable")) {
      terminate("The AsString parameter can be used only with the AsHashTable parameter.", "ArgumentException");
    }
    const properties = params.get("Property") as unknown[] | undefined;
    if (params.get("AsHashTable") && !params.get("AsString") && properties && properties.length > 1) {
      terminate("The AsHashTable parameter can be used with only one Property when AsString is not specified.", "ArgumentException");
    }
    return [] as Entry[];
  },
  process(ctx, params, input, state) {
    const item = inputOf(params, input);
    if (item === undefined || item === null) return;
    return then(keysOf(ctx, params.get("Property") as unknown[] | undefined, item), (keys) => void (state as Entry[]).push({ item, keys }));
  },
  end(ctx, params, state) {
    const groups = groupEntries(ctx, state as Entry[], params.get("CaseSensitive") === true, params.has("Culture") ? toStr(params.get("Culture")) : null);
    if (params.get("AsHashTable")) {
      if (groups.length === 0) return;
      // pwsh makes the table with a case-sensitive comparer under -CaseSensitive: keys differing in case stay apart.
      const table = new PSHashtable();
      table.caseSensitive = params.get("CaseSensitive") === true;
      for (const group of groups) {
        const keys = group[0].keys;
        table.set(params.get("AsString") ? nameOf(keys) : keys.length === 1 ? keys[0] : keys, group.map((e) => e.item));
      }
      return ctx.emit(table);
    }
    const noElement = params.get("NoElement") === true;
    const infos = groups.map((group) => {
      const info = new PSCustomObject();
      info.set("Name", nameOf(group[0].keys));
      info.set("Count", group.length);
      if (!noElement) info.set("Group", group.map((e) => e.item));
      info.set("Values", group[0].keys);
      return setFormatTypeName(info, noElement ? "Microsoft.PowerShell.Commands.GroupInfoNoElement" : "Microsoft.PowerShell.Commands.GroupInfo");
    });
    return ctx.emitAll(infos);
  },
};

/** Get-Unique: drops each object equal to the one before it (the input is expected to be sorted). */
export const getUnique: BuiltinCommand = {
  name: "Get-Unique",
  aliases: ["gu"],
  parameters: [
    { name: "AsString", type: "switch" },
    { name: "OnType", type: "switch" },
    { name: "CaseInsensitive", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params) {
    oneSetOf(ctx, params, [["AsString"], ["OnType"]], "Get-Unique");
    return [] as unknown[];
  },
  process: collect,
  end(ctx, params, state) {
    const caseSensitive = params.get("CaseInsensitive") !== true;
    const same = (a: unknown, b: unknown): boolean => {
      if (params.get("OnType")) return typeNameOf(a) === typeNameOf(b);
      if (params.get("AsString")) return caseSensitive ? toStr(a) === toStr(b) : toStr(a).toLowerCase() === toStr(b).toLowerCase();
      return compare(a, b, caseSensitive) === 0;
    };
    const items = state as unknown[];
    return ctx.emitAll(items.filter((item, i) => i === 0 || !same(item, items[i - 1])));
  },
};
