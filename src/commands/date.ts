/**
 * Get-Date (microsoft.powershell.utility/get-date): the date from -Date, -UnixTimeSeconds or now, with -Year …
 * -Millisecond replacing its parts, written as a DateTime or as text: -Format takes .NET's standard and custom
 * date and time format strings (en-US, rsh's culture) and PowerShell's FileDate… names, -UFormat the Unix specifiers.
 * A JavaScript Date is a local DateTime here, so `K` writes the local offset as .NET does for DateTimeKind.Local.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { toNumber, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject } from "../values/objects.ts";
import { customFormat, DateFormatError, formatDate, hour12, pad, universal } from "../values/date_format.ts";

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

/** The date with its DisplayHint note: Out-Default then shows only the date or the time part. */
function hinted(date: Date, hint: string): NotedScalar {
  const notes = new PSCustomObject();
  notes.set("DisplayHint", ["Date", "Time", "DateTime"].find((h) => h.toLowerCase() === hint.toLowerCase()) ?? "DateTime");
  return new NotedScalar(date, notes);
}

export const getDate: BuiltinCommand = {
  name: "Get-Date",
  parameters: [
    { name: "Date", aliases: ["LastWriteTime"], position: 0, pipeline: true, type: "datetime" },
    { name: "UnixTimeSeconds", aliases: ["UnixTime"], type: "long" },
    ...PARTS.map(([name, range]) => ({ name, type: "int", validateRange: range })),
    { name: "Format", type: "string" },
    { name: "UFormat", type: "string" },
    { name: "DisplayHint", type: "string", validateSet: ["Date", "Time", "DateTime"] },
    { name: "AsUTC", type: "switch" },
  ],
  process(ctx, params) {
    if (params.has("Format") && params.has("UFormat")) {
      throw dateError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet");
    }
    const given = params.get("Date") as Date | undefined;
    const base = params.has("UnixTimeSeconds") ? new Date(toNumber(params.get("UnixTimeSeconds")) * 1000) : given ?? new Date();
    // -AsUTC: the universal time (as ToUniversalTime gives it), before any formatting.
    const date = params.get("AsUTC") === true ? universal(withParts(base, params)) : withParts(base, params);
    if (params.has("UFormat")) return ctx.emit(uformat(date, toStr(params.get("UFormat"))));
    if (!params.has("Format")) return ctx.emit(params.has("DisplayHint") ? hinted(date, toStr(params.get("DisplayHint"))) : date);
    const format = toStr(params.get("Format"));
    let text: string;
    try {
      text = namedFormat(date, format) ?? formatDate(date, format);
    } catch (e) {
      throw e instanceof DateFormatError ? dateError(e.message, "System.FormatException") : e;
    }
    return ctx.emit(text);
  },
};
