/**
 * How an output object is printed when it reaches the host (a small Out-Default): scalars one per line, hashtables as
 * PowerShell's Name/Value table, custom objects as a table of their properties.
 */
import { toStr } from "./convert.ts";
import { PSCustomObject, PSHashtable } from "./objects.ts";

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join(" ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The text printed for one object on the output stream (no trailing newline). */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join("\n");
  if (value instanceof PSHashtable) {
    return "\n" + table(["Name", "Value"], value.entries().map(([k, v]) => [toStr(k), toStr(v)])) + "\n";
  }
  if (value instanceof PSCustomObject) {
    const names = value.names();
    return "\n" + table(names, [names.map((n) => toStr(value.get(n)))]) + "\n";
  }
  return toStr(value);
}
