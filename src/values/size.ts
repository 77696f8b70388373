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
  const pending: unknown[] = [...values];
  let total = 0;
  while (pending.length > 0 && total <= budget) {
    const value = pending.pop();
    if (typeof value === "string") {
      total += OBJECT + value.length * 2;
      continue;
    }
    if (value === null || typeof value !== "object") {
      total += SLOT;
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    total += OBJECT;
    if (Array.isArray(value)) {
      total += value.length * SLOT;
      for (const item of value) pending.push(item);
    } else if (value instanceof PSHashtable) {
      for (const [key, item] of value.entries()) pending.push(key, item);
      total += value.count * 2 * SLOT;
    } else if (value instanceof PSCustomObject) {
      for (const name of value.names()) pending.push(name, value.get(name));
    } else if (value instanceof Uint8Array) {
      total += value.byteLength;
    }
  }
  return total;
}
