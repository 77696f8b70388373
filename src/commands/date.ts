/**
 * Get-Date (microsoft.powershell.utility/get-date): the date from -Date, -UnixTimeSeconds or now, with -Year …
 * -Millisecond replacing its parts, written as a DateTime or as text: -Format takes .NET's standard and custom
 * date and time format strings (en-US, rsh's culture) and PowerShell's FileDate… names, -UFormat the Unix specifiers.
 * A JavaScript Date is a local DateTime here, so `K` writes the local offset as .NET does for DateTimeKind.Local.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { toNumber, toStr } from "../values/convert.ts";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const hour12 = (date: Date) => date.getHours() % 12 || 12;

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
const universal = (date: Date) => new Date(date.getTime() + date.getTimezoneOffset() * 60_000);

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

function customFormat(date: Date, format: string): string {
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
    if (text === null) throw dateError("Input string was not in a correct format.", "System.FormatException");
    // An `F` run that writes nothing takes the decimal point before it away too.
    out = ch === "F" && text === "" && out.endsWith(".") ? out.slice(0, -1) : out + text;
    i += count;
  }
  return out;
}

/** ISO 8601's week number (ISOWeek.GetWeekOfYear): weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((day.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

const dayOfYear = (date: Date) => Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(date.getFullYear(), 0, 0)) / 86_400_000);

/** The week of the year whose weeks start on `first` (0 Sunday, 1 Monday), days before the first such day in week 0. */
const weekStartingOn = (date: Date, first: number) => Math.floor((dayOfYear(date) - 1 + 7 - ((date.getDay() - first + 7) % 7)) / 7);

/** -UFormat: GetDateCommand.UFormatDateString's specifiers; an unknown letter is written as it is. */
function uformat(date: Date, format: string): string {
  const c = (f: string) => customFormat(date, f);
  const table: Record<string, () => string> = {
    a: () => c("ddd"), A: () => c("dddd"), b: () => c("MMM"), B: () => c("MMMM"), h: () => c("MMM"),
    c: () => c("ddd dd MMM yyyy HH:mm:ss"), C: () => pad(Math.floor(date.getFullYear() / 100)),
    d: () => c("dd"), D: () => c("MM/dd/yy"), e: () => String(date.getDate()).padStart(2, " "), F: () => c("yyyy-MM-dd"),
    g: () => c("yy"), G: () => c("yyyy"), H: () => c("HH"), I: () => c("hh"), j: () => pad(dayOfYear(date), 3),
    k: () => String(date.getHours()).padStart(2, " "), l: () => String(hour12(date)).padStart(2, " "),
    m: () => c("MM"), M: () => c("mm"), n: () => "\n", p: () => c("tt"), r: () => c("hh:mm:ss tt"), R: () => c("HH:mm"),
    s: () => String(Math.floor(date.getTime() / 1000)), S: () => c("ss"), t: () => "\t", T: () => c("HH:mm:ss"),
    u: () => String(date.getDay() || 7), U: () => pad(weekStartingOn(date, 0)), V: () => pad(isoWeek(date)),
    w: () => String(date.getDay()), W: () => pad(weekStartingOn(date, 1)), x: () => c("MM/dd/yy"), X: () => c("HH:mm:ss"),
    y: () => c("yy"), Y: () => c("yyyy"), Z: () => c("zz"), "%": () => "%",
  };
  return format.replace(/%(.)/gs, (_, letter: string) => table[letter]?.() ?? letter);
}

/** -Format's names PowerShell adds (GetDateCommand: FileDate, FileDateUniversal, FileDateTime, FileDateTimeUniversal). */
function namedFormat(date: Date, name: string): string | null {
  switch (name.toLowerCase()) {
    case "filedate": return customFormat(date, "yyyyMMdd");
    case "filedateuniversal": return customFormat(universal(date), "yyyyMMdd") + "Z";
    case "filedatetime": return customFormat(date, "yyyyMMdd'T'HHmmssffff");
    case "filedatetimeuniversal": return customFormat(universal(date), "yyyyMMdd'T'HHmmssffff") + "Z";
    default: return null;
  }
}

function dateError(message: string, id: string): RuntimeError {
  return new RuntimeError(new ErrorRecord(message, `${id},Microsoft.PowerShell.Commands.GetDateCommand`, "InvalidArgument", null, null, null, "Get-Date"));
}

/** DateTime.AddMonths: the day stays, or becomes the month's last when the month is shorter. */
function addMonths(date: Date, months: number): Date {
  const moved = new Date(date.getTime());
  const day = moved.getDate();
  moved.setDate(1);
  moved.setMonth(moved.getMonth() + months);
  moved.setDate(Math.min(day, new Date(moved.getFullYear(), moved.getMonth() + 1, 0).getDate()));
  return moved;
}

const PARTS: [name: string, range: [number, number]][] = [
  ["Year", [1, 9999]], ["Month", [1, 12]], ["Day", [1, 31]], ["Hour", [0, 23]], ["Minute", [0, 59]], ["Second", [0, 59]], ["Millisecond", [0, 999]],
];

/**
 * -Year … -Millisecond, each applied as GetDateCommand does: the difference is added (AddYears, AddMonths, AddDays …),
 * so -Day 31 in a 30-day month runs into the next one.
 */
function withParts(date: Date, params: Map<string, unknown>): Date {
  let result = date;
  const get = (name: string) => toNumber(params.get(name));
  if (params.has("Year")) result = addMonths(result, (get("Year") - result.getFullYear()) * 12);
  if (params.has("Month")) result = addMonths(result, get("Month") - (result.getMonth() + 1));
  const units: [string, (d: Date) => number, number][] = [
    ["Day", (d) => d.getDate(), 86_400_000], ["Hour", (d) => d.getHours(), 3_600_000], ["Minute", (d) => d.getMinutes(), 60_000],
    ["Second", (d) => d.getSeconds(), 1000], ["Millisecond", (d) => d.getMilliseconds(), 1],
  ];
  for (const [name, read, ms] of units) if (params.has(name)) result = new Date(result.getTime() + (get(name) - read(result)) * ms);
  return result;
}

export const getDate: BuiltinCommand = {
  name: "Get-Date",
  parameters: [
    { name: "Date", aliases: ["LastWriteTime"], position: 0, pipeline: true, type: "datetime" },
    { name: "UnixTimeSeconds", aliases: ["UnixTime"], type: "long" },
    ...PARTS.map(([name, range]) => ({ name, type: "int", validateRange: range })),
    { name: "Format", type: "string" },
    { name: "UFormat", type: "string" },
  ],
  process(ctx, params) {
    if (params.has("Format") && params.has("UFormat")) {
      throw dateError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet");
    }
    const given = params.get("Date") as Date | undefined;
    const base = params.has("UnixTimeSeconds") ? new Date(toNumber(params.get("UnixTimeSeconds")) * 1000) : given ?? new Date();
    const date = withParts(base, params);
    if (params.has("UFormat")) return ctx.emit(uformat(date, toStr(params.get("UFormat"))));
    if (!params.has("Format")) return ctx.emit(date);
    const format = toStr(params.get("Format"));
    return ctx.emit(namedFormat(date, format) ?? formatDate(date, format));
  },
};
