/**
 * .NET's date and time formatting for en-US, rsh's culture (DateTime.ToString(format), `-f`, Get-Date -Format): the
 * standard format letters and the custom specifiers. A JavaScript Date is a local DateTime here, so `K` writes the
 * local offset as .NET does for DateTimeKind.Local. Also the two texts a date has without a format: the invariant
 * one of string conversion (`"$date"`, `[string]$date`) and the en-US one of display and `-f`.
 */

/** A format string .NET would refuse (FormatException). */
export class DateFormatError extends Error {}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");
export const hour12 = (date: Date) => date.getHours() % 12 || 12;

/** The local offset as .NET's `z` / `zz` / `zzz` write it (`+1`, `+01`, `+01:00`). */
function offset(date: Date, width: number): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  if (width === 1) return sign + hours;
  return sign + pad(hours) + (width >= 3 ? ":" + pad(Math.abs(minutes) % 60) : "");
}

/** en-US's standard formats (DateTimeFormatInfo of en-US); `U` is `F` of the universal time. */
const STANDARD: Record<string, string> = {
  d: "M/d/yyyy",
  D: "dddd, MMMM d, yyyy",
  t: "h:mm tt",
  T: "h:mm:ss tt",
  f: "dddd, MMMM d, yyyy h:mm tt",
  F: "dddd, MMMM d, yyyy h:mm:ss tt",
  U: "dddd, MMMM d, yyyy h:mm:ss tt",
  g: "M/d/yyyy h:mm tt",
  G: "M/d/yyyy h:mm:ss tt",
  m: "MMMM d",
  M: "MMMM d",
  y: "MMMM yyyy",
  Y: "MMMM yyyy",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  // Neither converts a DateTime to universal time: they only write the suffix (DateTimeFormat.Format).
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

/** The date's universal time read through the local-time getters (what ToUniversalTime gives a formatter). */
export const universal = (date: Date) => new Date(date.getTime() + date.getTimezoneOffset() * 60_000);

/** One run of a custom specifier letter (`count` repeats) as DateTimeFormat.FormatCustomized writes it. */
function specifier(date: Date, letter: string, count: number, written: string): string | null {
  switch (letter) {
    case "d":
      return count === 1 ? String(date.getDate()) : count === 2 ? pad(date.getDate()) : count === 3 ? DAYS[date.getDay()].slice(0, 3) : DAYS[date.getDay()];
    case "M": {
      const month = date.getMonth();
      return count === 1 ? String(month + 1) : count === 2 ? pad(month + 1) : count === 3 ? MONTHS[month].slice(0, 3) : MONTHS[month];
    }
    case "y": {
      const year = date.getFullYear();
      return count === 1 ? String(year % 100) : count === 2 ? pad(year % 100) : pad(year, count);
    }
    case "h":
      return count === 1 ? String(hour12(date)) : pad(hour12(date));
    case "H":
      return count === 1 ? String(date.getHours()) : pad(date.getHours());
    case "m":
      return count === 1 ? String(date.getMinutes()) : pad(date.getMinutes());
    case "s":
      return count === 1 ? String(date.getSeconds()) : pad(date.getSeconds());
    case "t": {
      const designator = date.getHours() < 12 ? "AM" : "PM";
      return count === 1 ? designator[0] : designator;
    }
    case "f":
    case "F": {
      if (count > 7) return null;
      // JavaScript keeps milliseconds: the finer digits are zeros.
      const digits = (pad(date.getMilliseconds(), 3) + "0000").slice(0, count);
      return letter === "f" ? digits : digits.replace(/0+$/, "");
    }
    case "g":
      return "A.D.";
    case "z":
      return offset(date, count);
    case "K":
      return offset(date, 3).repeat(count);
    default:
      return written;
  }
}

/** DateTime.ToString(format) for en-US: a standard format letter, or a custom format string. */
export function formatDate(date: Date, format: string): string {
  if (format.length === 1 && format in STANDARD) return customFormat(format === "U" ? universal(date) : date, STANDARD[format]);
  return customFormat(date, format);
}

export function customFormat(date: Date, format: string): string {
  let out = "";
  for (let i = 0; i < format.length;) {
    const ch = format[i];
    if (ch === "'" || ch === '"') {
      // A quoted literal; a backslash inside escapes the next character.
      let j = i + 1;
      while (j < format.length && format[j] !== ch) {
        if (format[j] === "\\") j++;
        out += format[j] ?? "";
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === "\\") {
      out += format[i + 1] ?? "";
      i += 2;
      continue;
    }
    // `%d` is the single-letter custom specifier `d`, not the standard format.
    if (ch === "%" && i + 1 < format.length && format[i + 1] !== "%") {
      out += specifier(date, format[i + 1], 1, format[i + 1]) ?? format[i + 1];
      i += 2;
      continue;
    }
    let count = 1;
    while (format[i + count] === ch && /[dMyhHmstfFgzK]/.test(ch)) count++;
    const text = specifier(date, ch, count, ch);
    if (text === null) throw new DateFormatError("Input string was not in a correct format.");
    // An `F` run that writes nothing takes the decimal point before it away too.
    out = ch === "F" && text === "" && out.endsWith(".") ? out.slice(0, -1) : out + text;
    i += count;
  }
  return out;
}

/** `"$date"` and `[string]$date`: PowerShell converts with the invariant culture (`05/06/2021 13:14:15`). */
export function invariantDate(date: Date): string {
  return customFormat(date, "MM/dd/yyyy HH:mm:ss");
}

/** DateTime.ToString() in en-US, also what `-f` and a table cell show (`5/6/2021 1:14:15 PM`). */
export function cultureDate(date: Date): string {
  return customFormat(date, "M/d/yyyy h:mm:ss tt");
}

/** A date written on its own to the host (`Thursday, May 6, 2021 1:14:15 PM`), as pwsh's DateTime view shows it. */
export function displayDate(date: Date): string {
  return customFormat(date, "dddd, MMMM d, yyyy h:mm:ss tt");
}

/** The custom specifiers DateTime.ParseExact reads here, longest first, with the text each one takes. */
const PARSED: [token: string, pattern: string][] = [
  ["yyyy", "(\\d{4})"], ["yy", "(\\d{2})"], ["MMMM", "([A-Za-z]+)"], ["MMM", "([A-Za-z]{3})"], ["MM", "(\\d{2})"], ["M", "(\\d{1,2})"],
  ["dddd", "[A-Za-z]+"], ["ddd", "[A-Za-z]{3}"], ["dd", "(\\d{2})"], ["d", "(\\d{1,2})"], ["HH", "(\\d{2})"], ["H", "(\\d{1,2})"],
  ["hh", "(\\d{2})"], ["h", "(\\d{1,2})"], ["mm", "(\\d{2})"], ["m", "(\\d{1,2})"], ["ss", "(\\d{2})"], ["s", "(\\d{1,2})"],
  ["fff", "(\\d{3})"], ["ff", "(\\d{2})"], ["f", "(\\d)"], ["tt", "(AM|PM)"],
];

/**
 * DateTime.ParseExact(text, format) for en-US and the custom specifiers above (a standard letter is first expanded);
 * null when the text does not have the format's shape or names no real date.
 */
export function parseExact(text: string, format: string): Date | null {
  const expanded = format.length === 1 && format in STANDARD ? STANDARD[format] : format;
  let source = "";
  const fields: string[] = [];
  for (let i = 0; i < expanded.length;) {
    const quote = expanded[i];
    if (quote === "'" || quote === '"') {
      const end = expanded.indexOf(quote, i + 1);
      source += escapeRegExp(expanded.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? expanded.length : end + 1;
      continue;
    }
    const found = PARSED.find(([token]) => expanded.startsWith(token, i));
    if (found) {
      source += found[1];
      if (found[1].startsWith("(")) fields.push(found[0]);
      i += found[0].length;
      continue;
    }
    source += escapeRegExp(expanded[i] === "\\" ? expanded[++i] ?? "" : expanded[i]);
    i++;
  }
  const match = new RegExp(`^${source}$`, "i").exec(text.trim());
  if (!match) return null;
  const parts = { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, pm: null as boolean | null };
  fields.forEach((field, i) => {
    const value = match[i + 1];
    const n = Number(value);
    if (field === "yyyy") parts.year = n;
    else if (field === "yy") parts.year = n < 50 ? 2000 + n : 1900 + n;
    else if (field.startsWith("MMM")) parts.month = MONTHS.findIndex((m) => (field === "MMM" ? m.slice(0, 3) : m).toLowerCase() === value.toLowerCase()) + 1;
    else if (field.startsWith("M")) parts.month = n;
    else if (field.startsWith("d")) parts.day = n;
    else if (field.startsWith("H") || field.startsWith("h")) parts.hour = n;
    else if (field.startsWith("m")) parts.minute = n;
    else if (field.startsWith("s")) parts.second = n;
    else if (field.startsWith("f")) parts.ms = Number(value.padEnd(3, "0"));
    else if (field === "tt") parts.pm = value.toUpperCase() === "PM";
  });
  if (parts.pm !== null) parts.hour = (parts.hour % 12) + (parts.pm ? 12 : 0);
  const date = new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
  // Month 13 or February 30 would roll over in a JavaScript Date; .NET refuses them.
  if (date.getMonth() !== parts.month - 1 || date.getDate() !== parts.day || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  if (parts.year < 100) date.setFullYear(parts.year);
  return date;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
