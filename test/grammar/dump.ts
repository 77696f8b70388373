/**
 * A compact, readable dump of the AST for golden files: one node per line, indented, `Kind@line:col-line:col`
 * followed by its scalar fields; child nodes below under their field name.
 */
import type { AnyNode, Span } from "../../grammar/ast.ts";

function at(span: Span): string {
  return `@${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && "kind" in value && "span" in value;
}

function scalar(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Dumps a node (or a list of nodes/strings, as in ExpandableString parts). */
export function dump(node: unknown, indent = ""): string {
  if (!isNode(node)) return `${indent}${scalar(node)}\n`;
  const scalars: string[] = [];
  const children: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "kind" || key === "span") continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (isNode(value) || Array.isArray(value)) children.push([key, value]);
    else if (typeof value === "object") {
      const flags = Object.entries(value as Record<string, unknown>).filter(([, v]) => v).map(([k]) => k);
      if (flags.length) scalars.push(`${key}=${flags.join("|")}`);
    } else if (value !== false) scalars.push(`${key}=${scalar(value)}`);
  }
  let out = `${indent}${node.kind}${at(node.span)}${scalars.length ? " " + scalars.join(" ") : ""}\n`;
  for (const [key, value] of children) {
    out += `${indent}  .${key}\n`;
    for (const item of Array.isArray(value) ? value : [value]) out += dump(item, indent + "    ");
  }
  return out;
}
