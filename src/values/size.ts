/**
 * An approximate size in bytes of rsh values, for the server's per-session memory limit (maxSessionMemoryMB). The
 * figures are V8's rough costs (a string's characters at two bytes, a slot per array element or property), not a
 * measurement: the limit is meant to catch a session that grows without bound, not to account for every byte.
 */
import { PSCustomObject, PSHashtable } from "./objects.ts";

const SLOT = 8;
const OBJECT = 32;

/**
 * The approximate bytes `values` hold, shared values counted once. It stops counting once past `budget` (a big
 * session is not walked to the end at every check), so the answer is exact only up to the budget.
 */
export function approximateSize(values: Iterable<unknown>, budget = Infinity): number {
  const seen = new Set<object>();
  const pending: object[] = [];
  let total = 0;
  // Scalars are counted where they are met; only objects wait on the stack (a big array of numbers is one loop).
  const add = (value: unknown) => {
    if (typeof value === "string") total += OBJECT + value.length * 2;
    else if (value === null || typeof value !== "object") total += SLOT;
    else if (!seen.has(value)) {
      seen.add(value);
      pending.push(value);
    }
  };
  for (const value of values) add(value);
  while (pending.length > 0 && total <= budget) {
    const value = pending.pop()!;
    total += OBJECT;
    if (Array.isArray(value)) {
      total += value.length * SLOT;
      for (let i = 0; i < value.length; i++) add(value[i]);
    } else if (value instanceof PSHashtable) {
      total += value.count * 2 * SLOT;
      for (const [key, item] of value.entries()) {
        add(key);
        add(item);
      }
    } else if (value instanceof PSCustomObject) {
      for (const name of value.names()) {
        add(name);
        add(value.get(name));
      }
    } else if (value instanceof Uint8Array) {
      total += value.byteLength;
    }
  }
  return total;
}
