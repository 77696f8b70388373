/**
 * How Sort-Object, Group-Object and Compare-Object order strings: by a culture's rules (en-US unless -Culture names
 * another), as pwsh's ObjectCommandComparer does with CultureInfo.CompareInfo — `'a','ä','z'` sort in that order,
 * and case-sensitively "aA" comes before "AA". Other values compare as PowerShell's operators do.
 */
import { cmdletId, type CommandContext } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";
import { compare } from "../engine/operators.ts";
import { NotedScalar } from "../values/objects.ts";

/** Collators by culture and case rule, made on first use (one costs ~9 ms at start-up). */
const collators = new Map<string, Intl.Collator>();

function collator(culture: string, caseSensitive: boolean): Intl.Collator {
  const key = `${culture}\u0000${caseSensitive}`;
  let made = collators.get(key);
  if (!made) collators.set(key, made = new Intl.Collator(culture, { sensitivity: caseSensitive ? "variant" : "accent" }));
  return made;
}

/**
 * A comparison of two keys under `culture` (null: en-US, rsh's current culture).
 */
export function culturalCompare(ctx: CommandContext, culture: string | null, caseSensitive: boolean, command: string): (a: unknown, b: unknown) => number {
  const name = culture ?? "en-US";
  // An unknown but well-formed name falls back to the default rules (as ICU-backed .NET accepts such names); an
  // ill-formed one is refused as pwsh refuses it (CultureNotFoundException).
  try {
    collator(name, caseSensitive);
  } catch {
    throw new RuntimeError(ctx.newErrorRecord(
      `Culture is not supported. (Parameter 'name')\n${name} is an invalid culture identifier.`,
      `System.Globalization.CultureNotFoundException,${cmdletId(command)}`, command, "NotSpecified",
    ));
  }
  return (a, b) => {
    // Numbers (most sort keys) skip the conversions.
    if (typeof a === "number" && typeof b === "number" && a === a && b === b) return a < b ? -1 : a > b ? 1 : 0;
    const left = a instanceof NotedScalar ? a.base : a;
    const right = b instanceof NotedScalar ? b.base : b;
    if (typeof left === "string" && typeof right === "string") return collator(name, caseSensitive).compare(left, right);
    return compare(left, right, caseSensitive);
  };
}

/**
 * Select-String -SimpleMatch's test under -Culture: `Ordinal` compares code units (rsh's default, as fast as
 * `includes`); `Invariant`, `Current` or a culture name compare each stretch of the line as long as the pattern by
 * that culture's rules (CompareInfo.IndexOf, short of expansions such as ß/ss, which change the length).
 */
export function containsUnder(ctx: CommandContext, culture: string | null, caseSensitive: boolean): (line: string, pattern: string) => boolean {
  const name = culture?.toLowerCase();
  if (name === undefined || name === "ordinal") {
    return caseSensitive ? (line, pattern) => line.includes(pattern) : (line, pattern) => line.toLowerCase().includes(pattern.toLowerCase());
  }
  const locale = name === "invariant" ? "und" : name === "current" ? "en-US" : culture!;
  const cmp = culturalCompare(ctx, locale, caseSensitive, "Select-String");
  // Composed and decomposed forms are equal to a culture (é, e + U+0301): both sides are composed first, so that
  // equal text has equal length.
  return (text, sought) => {
    const line = text.normalize("NFC");
    const pattern = sought.normalize("NFC");
    for (let i = 0; i + pattern.length <= line.length; i++) if (cmp(line.slice(i, i + pattern.length), pattern) === 0) return true;
    return false;
  };
}
