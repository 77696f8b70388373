/**
 * PowerShell's formatting (about_Format.ps1xml, Out-Default, Format-Table, Format-List): how output objects become
 * text. The rules followed here, from PowerShell's FormatAndOutput sources and its Pester tests:
 *
 * - Scalars print as their string, one per line. They are "out of band": they never end a table or list.
 * - A hashtable is enumerated into Name/Value rows (the DictionaryEntry view: Name 30 cells wide); an object whose
 *   type has a view here (Group-Object's GroupInfo) gets that view's columns; any other object with up to 4
 *   properties starts a table of its properties, with 5 or more a list (`Name : value`, names padded alike).
 * - A table or list is a group that the following objects join: every object joins a group whose columns came from
 *   the first object's own properties (so later objects of another shape show blank cells, as in pwsh); only objects
 *   of the same type join a view's table. A group ends when an object does not fit or the output is flushed.
 * - A table is preceded by an empty line and followed by one; headers are underlined with dashes of their length;
 *   numbers and booleans are right-aligned (header included), text left; columns are as wide as their widest cell
 *   (pwsh waits up to 300 ms for rows before it prints the header); what does not fit is cut with `…`.
 */
import { toStr } from "./convert.ts";
import { cultureDate, customFormat, displayDate } from "./date_format.ts";
import { PSCustomObject, PSHashtable } from "./objects.ts";

export type Align = "left" | "right" | "center";

/** A column or list field requested by name (wildcards allowed) or calculated by `read` (Format-* -Property). */
export interface FormatProperty {
  name: string;
  read?: (object: PSCustomObject) => unknown;
  width?: number;
  align?: Align;
}

export interface FormatterOptions {
  /** Screen columns a table must fit (default 120, pwsh's width when there is no console). */
  width?: number;
  /** Format-Table / Format-List force a shape; by default it is chosen as Out-Default does. */
  shape?: "table" | "list";
  properties?: readonly FormatProperty[];
  hideTableHeaders?: boolean;
  /** How long a table collects rows to size its columns before printing (pwsh: 300 ms). */
  collectMs?: number;
  now?: () => number;
}

export const DEFAULT_WIDTH = 120;
/** `$FormatEnumerationLimit`: the elements of a collection a cell shows. */
const ENUMERATION_LIMIT = 4;
const ELLIPSIS = "\u2026";
/** Tables built from an object's properties show at most 10 columns (TableViewGenerator). */
const MAX_GENERATED_COLUMNS = 10;
const PROPERTY_COUNT_FOR_TABLE = 4;
const DICTIONARY_ENTRY = "System.Collections.DictionaryEntry";

const typeNames = new WeakMap<object, string>();

/** Gives an object the type name its view is chosen by (PowerShell's `PSTypeNames[0]`); returns the object. */
export function setFormatTypeName<T extends object>(object: T, name: string): T {
  typeNames.set(object, name);
  return object;
}

/** The type a view is chosen by; a deserialized object (remote output) uses its original type's view. */
/** The type whose view formats `object`: the first of its type names (most derived first) that has one, else its own. */
function typeNameOf(object: PSCustomObject): string {
  const names = object.typeNames?.map((name) => name.replace(/^Deserialized\./, ""));
  return typeNames.get(object) ?? names?.find((name) => name in TABLE_VIEWS) ?? names?.[0] ?? "System.Management.Automation.PSCustomObject";
}

interface ViewColumn {
  label: string;
  width?: number;
  align?: Align;
  /** The cell's value when it is not the property of the label's name as it is. */
  read?: (object: PSCustomObject) => unknown;
}

/** The table views of PowerShell's built-in format data that rsh has types for. */
const TABLE_VIEWS: Record<string, readonly ViewColumn[]> = {
  [DICTIONARY_ENTRY]: [{ label: "Name", width: 30 }, { label: "Value" }],
  "Microsoft.PowerShell.Commands.GroupInfo": [{ label: "Count", width: 5, align: "right" }, { label: "Name", width: 25 }, { label: "Group" }],
  "Microsoft.PowerShell.Commands.GroupInfoNoElement": [{ label: "Count", width: 5, align: "right" }, { label: "Name", width: 25 }],
  // Get-Job's view (PowerShellCore_format_ps1xml: Job).
  "System.Management.Automation.Job": ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]
    .map((label) => ({ label, align: label === "Id" ? "right" as const : undefined })),
  // Get-ChildItem's view (FileSystem_format_ps1xml: children): the date as its short date and short time.
  "System.IO.FileSystemInfo": [
    { label: "Mode" },
    { label: "LastWriteTime", width: 21, align: "right", read: (item) => shortDateTime(item.get("LastWriteTime")) },
    { label: "Length", width: 14, align: "right" },
    { label: "Name" },
  ],
  // Get-PSSession's view (PowerShellCore_format_ps1xml: PSSession).
  "System.Management.Automation.Runspaces.PSSession": ["Id", "Name", "Transport", "ComputerName", "ComputerType", "State", "ConfigurationName", "Availability"]
    .map((label) => ({ label, align: label === "Id" ? "right" as const : undefined })),
};

// ---- display cells: East Asian wide characters take two cells of the screen.

function charCells(code: number): number {
  if (code < 0x1100) return 1;
  const wide = code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The screen cells `text` takes. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += charCells(ch.codePointAt(0)!);
  return cells;
}

/** The longest start (or end) of `text` that fits in `cells`. */
function takeCells(text: string, cells: number, fromEnd = false): string {
  const chars = [...text];
  if (fromEnd) chars.reverse();
  let used = 0;
  let count = 0;
  for (const ch of chars) {
    used += charCells(ch.codePointAt(0)!);
    if (used > cells) break;
    count++;
  }
  const kept = chars.slice(0, count);
  return (fromEnd ? kept.reverse() : kept).join("");
}

/** Aligns `text` in `width` cells, cutting it with `…` (at the start when right-aligned) when it does not fit. */
function fit(text: string, width: number, align: Align, pad: boolean): string {
  let used = displayWidth(text);
  if (used > width) {
    text = align === "right" ? ELLIPSIS + takeCells(text, width - 1, true) : takeCells(text, width - 1) + ELLIPSIS;
    used = displayWidth(text);
  }
  const space = Math.max(width - used, 0);
  if (align === "right") return " ".repeat(space) + text;
  const left = align === "center" ? Math.floor(space / 2) : 0;
  return " ".repeat(left) + text + (pad ? " ".repeat(space - left) : "");
}

/** Splits one line into pieces of at most `cells` screen cells (list values wrap at the screen's edge). */
function wrap(line: string, cells: number): string[] {
  const pieces: string[] = [];
  while (displayWidth(line) > cells) {
    const piece = takeCells(line, cells) || [...line][0];
    pieces.push(piece);
    line = line.slice(piece.length);
  }
  pieces.push(line);
  return pieces;
}

// ---- values as text

function elementText(value: unknown): string {
  return Array.isArray(value) ? "System.Object[]" : toStr(value);
}

function enumerationText(items: readonly string[]): string {
  const shown = items.slice(0, ENUMERATION_LIMIT).join(", ");
  return "{" + shown + (items.length > ENUMERATION_LIMIT ? ELLIPSIS : "") + "}";
}

/**
 * A property value as a table cell or list value (PowerShell's SmartToString): a collection shows its first four
 * elements as `{1, 2, 3, 4…}`, a hashtable its entries as `{[key, value]}`; in tables built from properties a
 * fractional number shows two decimals (the "F" format pwsh 7.4 uses in tables).
 */
export function displayText(value: unknown, fixedDecimals = false): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return enumerationText(value.map(elementText));
  if (value instanceof PSHashtable) return enumerationText(value.entries().map(([k, v]) => `[${toStr(k)}, ${elementText(v)}]`));
  if (fixedDecimals && typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value)) return value.toFixed(2);
  if (value instanceof Date) return cultureDate(value);
  return toStr(value);
}

/** A table cell keeps one line: text after a line break is replaced by `…` (TruncateAtNewLine). */
function cellText(value: unknown, fixedDecimals: boolean): string {
  const text = displayText(value, fixedDecimals);
  const newline = text.search(/[\r\n]/);
  return newline < 0 ? text : text.slice(0, newline) + ELLIPSIS;
}

// ---- what gets formatted

function dictionaryEntry(key: unknown, value: unknown): PSCustomObject {
  const entry = new PSCustomObject();
  entry.set("Name", key);
  entry.set("Value", value);
  return setFormatTypeName(entry, DICTIONARY_ENTRY);
}

/**
 * The items the formatter sees for one output value: arrays are enumerated and hashtables become their Name/Value
 * entries (as Out-Default enumerates them); objects stay objects and anything else is a scalar.
 */
export function formatItems(value: unknown, out: unknown[] = []): unknown[] {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) for (const item of value) formatItems(item, out);
  else if (value instanceof PSHashtable) for (const [k, v] of value.entries()) out.push(dictionaryEntry(k, v));
  else out.push(value);
  return out;
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i");
}

interface Field {
  label: string;
  read: (object: PSCustomObject) => unknown;
  width?: number;
  align?: Align;
}

/** `12/1/2026 11:11 PM`: the file view's "{0,10} {1,8}" of the short date and the short time. */
function shortDateTime(value: unknown): string {
  if (!(value instanceof Date)) return "";
  return `${customFormat(value, "M/d/yyyy").padStart(10)} ${customFormat(value, "h:mm tt").padStart(8)}`;
}

const own = (name: string) => (object: PSCustomObject) => (object.has(name) ? object.get(name) : undefined);

/** The fields of `object` for a table or list: the requested properties (wildcards resolved), or all of them. */
function fieldsOf(object: PSCustomObject, properties: readonly FormatProperty[] | undefined): Field[] {
  if (!properties) return object.names().map((name) => ({ label: name, read: own(name) }));
  const fields: Field[] = [];
  for (const p of properties) {
    if (p.read) fields.push({ label: p.name, read: p.read, width: p.width, align: p.align });
    else if (/[*?]/.test(p.name)) {
      const pattern = wildcard(p.name);
      for (const name of object.names().filter((n) => pattern.test(n))) fields.push({ label: name, read: own(name), width: p.width, align: p.align });
    } else fields.push({ label: p.name, read: own(p.name), width: p.width, align: p.align });
  }
  return fields;
}

/** Right for numbers and booleans (pwsh's scalar types other than strings), left for the rest. */
function alignmentOf(value: unknown): Align {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" ? "right" : "left";
}

// ---- tables and lists

interface Column {
  label: string;
  read: (object: PSCustomObject) => unknown;
  width?: number;
  align: Align;
}

interface TableGroup {
  kind: "table";
  /** The type whose view made the columns; null when they came from the first object's properties. */
  view: string | null;
  columns: Column[];
  /** Rows (cells) and out-of-band lines collected before the widths are known; null once the header is printed. */
  pending: (string[] | string)[] | null;
  widths: number[];
  started: number;
}

interface ListGroup {
  kind: "list";
  view: string | null;
}

/** Column widths: fixed by the view or as wide as the widest cell; then the last columns shrink or hide to fit. */
function columnWidths(columns: readonly Column[], rows: readonly string[][], screen: number): number[] {
  const widths = columns.map((c, i) => c.width ?? Math.max(1, displayWidth(c.label), ...rows.map((r) => displayWidth(r[i]))));
  const total = () => widths.filter((w) => w > 0).reduce((sum, w) => sum + w + 1, -1);
  while (total() > screen) {
    const last = widths.findLastIndex((w) => w > 0);
    if (last < 0) break;
    const shrunk = widths[last] - (total() - screen);
    widths[last] = shrunk < 1 ? -1 : shrunk;
  }
  return widths;
}

function tableLine(cells: readonly string[], group: TableGroup): string {
  const visible = group.widths.flatMap((w, i) => (w > 0 ? [i] : []));
  return visible.map((i, k) => fit(cells[i], group.widths[i], group.columns[i].align, k < visible.length - 1)).join(" ").trimEnd();
}

function listLines(fields: readonly [string, string][], screen: number): string[] {
  const labelWidth = Math.max(0, ...fields.map(([label]) => displayWidth(label)));
  const valueWidth = Math.max(screen - labelWidth - 3, 10);
  const lines: string[] = [];
  for (const [label, value] of fields) {
    const pieces = value.split(/\r?\n/).flatMap((line) => wrap(line, valueWidth));
    lines.push(label + " ".repeat(labelWidth - displayWidth(label)) + " : " + pieces[0]);
    for (const piece of pieces.slice(1)) lines.push(" ".repeat(labelWidth + 3) + piece);
  }
  return lines;
}

/**
 * Out-Default's formatting of an output stream, one object at a time. Every method returns text ready to print,
 * each line ending in "\n" ("" when there is nothing to print yet):
 *
 * - `write(value)` formats one output object. While a table collects rows to size its columns it returns "" and
 *   keeps them; it prints them itself once `collectMs` have passed since the table started.
 * - `release()` prints a collecting table now, sized by the rows so far (call it from a timer `collectMs` after a
 *   write that returned while a table was collecting, as pwsh's Out-Default does); later rows use those widths.
 * - `flush()` ends the current table or list (prints its closing empty line): at the end of a script, or of each
 *   line at an interactive prompt.
 *
 * @example
 * ```ts
 * import { LocalRunspace, OutputFormatter } from "rsh";
 * const formatter = new OutputFormatter({ width: 80, collectMs: 0 });
 * const { output } = await new LocalRunspace().invoke("[pscustomobject]@{ A = 1; B = 'x' }, [pscustomobject]@{ A = 2; B = 'y' }");
 * process.stdout.write(output.map((o) => formatter.write(o)).join("") + formatter.flush());
 * ```
 */
export class OutputFormatter {
  readonly #width: number;
  readonly #options: FormatterOptions;
  readonly #collectMs: number;
  readonly #now: () => number;
  #group: TableGroup | ListGroup | null = null;

  /** A formatter for one output stream; throws a RangeError when `width` is not a positive integer. */
  constructor(options: FormatterOptions = {}) {
    const width = options.width ?? DEFAULT_WIDTH;
    if (!Number.isInteger(width) || width < 1) throw new RangeError(`OutputFormatter: width must be a positive integer (got ${width})`);
    this.#width = width;
    this.#options = options;
    this.#collectMs = options.collectMs ?? 300;
    this.#now = options.now ?? Date.now;
  }

  /** Whether a table is holding rows back until its widths are known (a caller may then schedule `release()`). */
  get collecting(): boolean {
    return this.#group?.kind === "table" && this.#group.pending !== null;
  }

  /** Formats one output object (an array: each element); "" while a table is still collecting rows. */
  write(value: unknown): string {
    let out = "";
    for (const item of formatItems(value)) out += this.#writeItem(item);
    const group = this.#group;
    if (group?.kind === "table" && group.pending && this.#now() - group.started >= this.#collectMs) out += this.release();
    return out;
  }

  /** Prints a collecting table now, sized by its rows so far; "" when no table is collecting. */
  release(): string {
    const group = this.#group;
    if (group?.kind !== "table" || !group.pending) return "";
    const rows = group.pending.filter((entry): entry is string[] => Array.isArray(entry));
    group.widths = columnWidths(group.columns, rows, this.#width);
    let out = "\n";
    if (!this.#options.hideTableHeaders) {
      const labels = group.columns.map((c) => c.label);
      out += tableLine(labels, group) + "\n";
      out += tableLine(labels.map((l, i) => "-".repeat(Math.min(displayWidth(l), Math.max(group.widths[i], 0)))), group) + "\n";
    }
    for (const entry of group.pending) out += (typeof entry === "string" ? entry : tableLine(entry, group)) + "\n";
    group.pending = null;
    return out;
  }

  /** Ends the current table or list (its rows and closing empty line); "" when there is none. */
  flush(): string {
    if (!this.#group) return "";
    const out = this.release() + "\n";
    this.#group = null;
    return out;
  }

  #writeItem(item: unknown): string {
    if (!(item instanceof PSCustomObject) || item.names().length === 0) {
      // Out of band: pwsh writes a scalar's string (an object without properties prints as an empty line).
      const text = item instanceof PSCustomObject ? "" : item instanceof Date ? displayDate(item) : toStr(item);
      const group = this.#group;
      if (group?.kind === "table" && group.pending) {
        group.pending.push(text);
        return "";
      }
      return text + "\n";
    }
    let out = "";
    // An object with a view of its own (a hashtable's entries, a job) never joins another table, nor others its table.
    const type = typeNameOf(item);
    const view = type in TABLE_VIEWS ? type : null;
    if (this.#group && (this.#group.view !== null || view !== null) && this.#group.view !== view) out += this.flush();
    const group = this.#group ??= this.#start(item);
    if (group.kind === "list") {
      const fields = fieldsOf(item, this.#options.properties).map((f): [string, string] => [f.label, displayText(f.read(item))]);
      return out + "\n" + listLines(fields, this.#width).join("\n") + "\n";
    }
    const cells = group.columns.map((c) => cellText(c.read(item), group.view === null));
    if (group.pending) {
      group.pending.push(cells);
      return out;
    }
    return out + tableLine(cells, group) + "\n";
  }

  #start(object: PSCustomObject): TableGroup | ListGroup {
    const type = typeNameOf(object);
    const properties = this.#options.properties;
    const view = !properties && type in TABLE_VIEWS ? type : null;
    const shape = this.#options.shape ?? (view || object.names().length <= PROPERTY_COUNT_FOR_TABLE ? "table" : "list");
    if (shape === "list") return { kind: "list", view };
    let columns: Column[];
    if (view) columns = TABLE_VIEWS[view].map((c) => ({ ...c, read: c.read ?? own(c.label), align: c.align ?? "left" }));
    else {
      const fields = fieldsOf(object, properties).slice(0, properties ? undefined : MAX_GENERATED_COLUMNS);
      columns = fields.map((f) => ({ ...f, align: f.align ?? alignmentOf(f.read(object)) }));
    }
    return { kind: "table", view, columns, pending: [], widths: [], started: this.#now() };
  }
}

/**
 * The text printed for one output object on its own (no trailing newline): what a fresh OutputFormatter writes and
 * flushes for it. Streams that print many objects should keep one OutputFormatter so tables share their header.
 *
 * @example
 * ```ts
 * import { formatValue, LocalRunspace } from "rsh";
 * const { output } = await new LocalRunspace().invoke("'text'; 1.5; $true; [pscustomobject]@{ N = 1 }");
 * console.log(output.map((v) => formatValue(v))); // ["text", "1.5", "True", "\nN\n-\n1\n"]
 * ```
 */
export function formatValue(value: unknown): string {
  const formatter = new OutputFormatter();
  const text = formatter.write(value) + formatter.flush();
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}
