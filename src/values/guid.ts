/** System.Guid as rsh holds one: its text, with a `Guid` property to read. */
import { NotedScalar, PSCustomObject } from "./objects.ts";

export const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

/** A Guid: it shows, compares and converts as its text; `.Guid` reads it too. */
export function guidValue(text: string): NotedScalar {
  const notes = new PSCustomObject();
  notes.set("Guid", text);
  return new NotedScalar(text, notes);
}

/**
 * Guid.Parse's forms — 32 digits, hyphenated (D), in braces (B) or in parentheses (P) — as the hyphenated lower-case
 * text; null for anything else.
 */
export function parseGuid(text: string): string | null {
  const m = /^\s*(?:([0-9a-f]{32})|([0-9a-f-]{36})|\{([0-9a-f-]{36})\}|\(([0-9a-f-]{36})\))\s*$/i.exec(text);
  if (!m) return null;
  const written = m[1] ?? m[2] ?? m[3] ?? m[4];
  if (written.length === 36 && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(written)) return null;
  const digits = written.replace(/-/g, "").toLowerCase();
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}
