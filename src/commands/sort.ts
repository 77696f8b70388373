/**
 * Sort-Object (microsoft.powershell.utility/sort-object): by the objects themselves or by -Property keys (names,
 * script blocks, `@{ Expression = …; Descending/Ascending = … }`), strings by -Culture's rules; -Unique, -Top and
 * -Bottom. The sort is always stable (JS's is), so -Stable only claims its parameter set.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { mapInOrder, type Maybe, then } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { enumerate, toBool, toStr } from "../values/convert.ts";
import { PSHashtable } from "../values/objects.ts";
import { entry } from "./calculated.ts";
import { culturalCompare } from "./collation.ts";
import { oneSetOf } from "./parameter_sets.ts";
import { collect } from "./format.ts";

/** A Sort-Object key: a property name, a script block, or @{ Expression = …; Descending = $true }. */
interface SortKey {
  read: unknown;
  descending: boolean;
}

function keysOf(params: Map<string, unknown>): SortKey[] {
  const descending = params.get("Descending") === true;
  if (!params.has("Property")) return [{ read: null, descending }];
  return enumerate(params.get("Property")).map((p) => {
    if (!(p instanceof PSHashtable)) return { read: p, descending };
    const own = entry(p, "descending");
    const ascending = entry(p, "ascending");
    return {
      read: entry(p, "expression") ?? null,
      descending: own !== undefined ? toBool(own) : ascending !== undefined ? !toBool(ascending) : descending,
    };
  });
}

/** A key's value for one object; a script block key may run a pipeline, so each is computed once. */
function keyOf(ctx: CommandContext, item: unknown, key: SortKey): Maybe<unknown> {
  if (key.read === null) return item;
  if (key.read instanceof ScriptBlockValue) return then(ctx.invokeInScope(key.read, item), (out) => (out.length === 1 ? out[0] : out));
  return getMember(item, toStr(key.read)) ?? null;
}

export const sortObject: BuiltinCommand = {
  name: "Sort-Object",
  // No `sort` alias: PowerShell on Linux and macOS leaves the native `sort` alone.
  parameters: [
    { name: "Property", position: 0, type: "object" },
    { name: "Descending", type: "switch" },
    { name: "Unique", type: "switch" },
    { name: "CaseSensitive", type: "switch" },
    { name: "Culture", type: "string" },
    { name: "Stable", type: "switch" },
    { name: "Top", type: "int", validateRange: [1, 2147483647] },
    { name: "Bottom", type: "int", validateRange: [1, 2147483647] },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin(ctx, params) {
    oneSetOf(ctx, params, [["Stable"], ["Top"], ["Bottom"]], "Sort-Object");
    return [] as unknown[];
  },
  process: collect,
  end(ctx, params, state) {
    const keys = keysOf(params);
    const items = state as unknown[];
    const culture = params.has("Culture") ? toStr(params.get("Culture")) : null;
    const cmp = culturalCompare(ctx, culture, params.get("CaseSensitive") === true, "Sort-Object");
    return then(mapInOrder(items, (item) => mapInOrder(keys, (key) => keyOf(ctx, item, key))), (values) => {
      const byKeys = (a: number, b: number) => {
        for (let k = 0; k < keys.length; k++) {
          const c = cmp(values[a][k], values[b][k]);
          if (c !== 0) return keys[k].descending ? -c : c;
        }
        return 0;
      };
      let order = items.map((_, i) => i).sort((a, b) => byKeys(a, b) || a - b);
      if (params.get("Unique") === true) order = order.filter((v, i) => i === 0 || byKeys(v, order[i - 1]) !== 0);
      // -Top n: the first n of the sorted order; -Bottom n: its last n, still written in sorted order.
      if (params.has("Top")) order = order.slice(0, Number(params.get("Top")));
      else if (params.has("Bottom")) order = order.slice(Math.max(0, order.length - Number(params.get("Bottom"))));
      return ctx.emitAll(order.map((i) => items[i]));
    });
  },
};
