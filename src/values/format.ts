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
import { type Align, displayWidth, ELLIPSIS, fit, generateLines } from "./cells.ts";
import { toStr } from "./convert.ts";
import { cultureDate, customFormat, displayDate } from "./date_format.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "./objects.ts";

export type { Align } from "./cells.ts";

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
  /** Format-Table -Wrap: a cell's text goes on over more lines instead of being cut with `…`. */
  wrap?: boolean;
  /** Format-Table/-List -GroupBy: a new group, under `   Label: value`, starts where this property's value changes. */
  groupBy?: FormatProperty;
  /** How long a table collects rows to size its columns before printing (pwsh: 300 ms). */
  collectMs?: number;
  now?: () => number;
}

export const DEFAULT_WIDTH = 120;
/** `$FormatEnumerationLimit`: the elements of a collection a cell shows. */
const ENUMERATION_LIMIT = 4;
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

/** The text of an object's directory, as the file views' group header shows it. */
function directoryOf(item: PSCustomObject): string {
  const path = toStr(item.get("FullName"));
  return path.slice(0, path.lastIndexOf("/")) || "/";
}

/**
 * The group headers of PowerShell's built-in views: a new group starts where the header changes
 * (FileSystem_format_ps1xml groups by PSParentPath under `    Directory: path`).
 */
const GROUP_HEADERS: Record<string, (item: PSCustomObject) => string> = {
  "System.IO.FileSystemInfo": (item) => `    Directory: ${directoryOf(item)}`,
  // Get-Member's view (PowerShellCore_format_ps1xml: MemberDefinition groups by TypeName).
  "Microsoft.PowerShell.Commands.MemberDefinition": (item) => `   TypeName: ${toStr(item.get("TypeName"))}`,
};

/** A location's type: commands/files.ts makes them, this module shows them as a table of their Path. */
export const PATH_INFO = "System.Management.Automation.PathInfo";

/** The table views of PowerShell's built-in format data that rsh has types for. */
const TABLE_VIEWS: Record<string, readonly ViewColumn[]> = {
  [DICTIONARY_ENTRY]: [{ label: "Name", width: 30 }, { label: "Value" }],
  // Get-Variable's view (PowerShellCore_format_ps1xml: Variable).
  "System.Management.Automation.PSVariable": [{ label: "Name", width: 30 }, { label: "Value" }],
  "Microsoft.PowerShell.Commands.GroupInfo": [{ label: "Count", width: 5, align: "right" }, { label: "Name", width: 25 }, { label: "Group" }],
  "Microsoft.PowerShell.Commands.GroupInfoNoElement": [{ label: "Count", width: 5, align: "right" }, { label: "Name", width: 25 }],
  // Get-Job's view (PowerShellCore_format_ps1xml: Job).
  "System.Management.Automation.Job": ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]
    .map((label) => ({ label, align: label === "Id" ? "right" as const : undefined })),
  // Get-ChildItem's view on Linux and macOS (FileSystem_format_ps1xml: childrenWithUnixStat, the first view there).
  "System.IO.FileSystemInfo": [
    { label: "UnixMode", width: 10 },
    { label: "User", width: 10, align: "right" },
    { label: "Group", width: 10 },
    { label: "LastWriteTime", width: 16, align: "right", read: (item) => shortDateTime(item.get("LastWriteTime")) },
    { label: "Size", width: 12, align: "right" },
    // NameString: a symbolic link shows where it points.
    { label: "Name", read: (item) => item.get("Target") ? `${toStr(item.get("Name"))} -> ${toStr(item.get("Target"))}` : item.get("Name") },
  ],
  "Microsoft.PowerShell.Commands.MemberDefinition": [{ label: "Name" }, { label: "MemberType" }, { label: "Definition" }],
  [PATH_INFO]: [{ label: "Path" }],
  // Get-PSSession's view (PowerShellCore_format_ps1xml: PSSession).
  "System.Management.Automation.Runspaces.PSSession": ["Id", "Name", "Transport", "ComputerName", "ComputerType", "State", "ConfigurationName", "Availability"]
    .map((label) => ({ label, align: label === "Id" ? "right" as const : undefined })),
};

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

/**
 * An out-of-band scalar as Out-Default writes it: a date in its long form, or only its date or time part as its
 * DisplayHint note says (the DateTime view of DotNetTypes.format.ps1xml; Get-Date -DisplayHint).
 */
function scalarText(item: unknown): string {
  const base = item instanceof NotedScalar ? item.base : item;
  if (!(base instanceof Date)) return toStr(item);
  const hint = item instanceof NotedScalar && item.notes.has("DisplayHint") ? toStr(item.notes.get("DisplayHint")).toLowerCase() : "";
  return hint === "date" ? customFormat(base, "dddd, MMMM d, yyyy") : hint === "time" ? customFormat(base, "h:mm:ss tt") : displayDate(base);
}

/** A table cell keeps one line (text after a line break is replaced by `…`, TruncateAtNewLine), unless it wraps. */
function cellText(value: unknown, fixedDecimals: boolean, wrap: boolean): string {
  const text = displayText(value, fixedDecimals);
  const newline = wrap ? -1 : text.search(/[\r\n]/);
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
  // A location (Get-Location, $PWD) is its path in text but shows as its PathInfo: pwsh's one-column Path table.
  else if (value instanceof NotedScalar && value.typeName === PATH_INFO) out.push(value.notes);
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

/** `12/1/2026 23:11`: the Unix file view's `'{0:d} {0:HH}:{0:mm}' -f $_.LastWriteTime` (en-US short date). */
function shortDateTime(value: unknown): string {
  return value instanceof Date ? `${customFormat(value, "M/d/yyyy")} ${customFormat(value, "HH:mm")}` : "";
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
  wrap: boolean;
}

interface ListGroup {
  kind: "list";
  view: string | null;
}

/** Column widths: fixed by the view or as wide as the widest cell; then the last columns shrink or hide to fit. */
function columnWidths(columns: readonly Column[], rows: readonly string[][], screen: number): number[] {
  const cellWidth = (text: string) => Math.max(...text.split("\n").map(displayWidth));
  const widths = columns.map((c, i) => c.width ?? Math.max(1, displayWidth(c.label), ...rows.map((r) => cellWidth(r[i]))));
  const total = () => widths.filter((w) => w > 0).reduce((sum, w) => sum + w + 1, -1);
  while (total() > screen) {
    const last = widths.findLastIndex((w) => w > 0);
    if (last < 0) break;
    const shrunk = widths[last] - (total() - screen);
    widths[last] = shrunk < 1 ? -1 : shrunk;
  }
  return widths;
}

/** A row's text: one line, or with -Wrap as many as its tallest cell takes (shorter cells padded with blanks). */
function tableLine(cells: readonly string[], group: TableGroup): string {
  const visible = group.widths.flatMap((w, i) => (w > 0 ? [i] : []));
  const line = (texts: readonly string[]) =>
    visible.map((i, k) => fit(texts[i], group.widths[i], group.columns[i].align, k < visible.length - 1)).join(" ").trimEnd();
  if (!group.wrap) return line(cells);
  const split = cells.map((cell, i) => (group.widths[i] > 0 ? generateLines(cell, group.widths[i]) : [""]));
  const height = Math.max(...split.map((lines) => lines.length));
  return Array.from({ length: height }, (_, row) => line(split.map((lines) => lines[row] ?? ""))).join("\n");
}

function listLines(fields: readonly [string, string][], screen: number): string[] {
  const labelWidth = Math.max(0, ...fields.map(([label]) => displayWidth(label)));
  const valueWidth = Math.max(screen - labelWidth - 3, 10);
  const lines: string[] = [];
  for (const [label, value] of fields) {
    const pieces = generateLines(value, valueWidth);
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
  /** The header of the group being written (-GroupBy, a view's grouping), or null. */
  #header: string | null = null;

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
    this.#header = null;
    if (!this.#group) return "";
    const out = this.release() + "\n";
    this.#group = null;
    return out;
  }

  /** The group header `item` belongs under: -GroupBy's `   Label: value`, its view's, or null. */
  #headerOf(item: PSCustomObject): string | null {
    const groupBy = this.#options.groupBy;
    if (groupBy) return `   ${groupBy.name}: ${displayText(groupBy.read ? groupBy.read(item) : item.has(groupBy.name) ? item.get(groupBy.name) : null)}`;
    const header = this.#options.properties ? undefined : GROUP_HEADERS[typeNameOf(item)];
    return header ? header(item) : null;
  }

  /**
   * Starts a new group under `header`: the table or list before it ends without its closing empty line (the header's
   * empty line parts them), and the next object starts a new table, header row included.
   */
  #startGroup(header: string | null): string {
    if (header === null) return this.flush();
    const out = this.release();
    this.#group = null;
    this.#header = header;
    return out + "\n" + header + "\n";
  }

  #writeItem(item: unknown): string {
    if (!(item instanceof PSCustomObject) || item.names().length === 0) {
      // Out of band: pwsh writes a scalar's string (an object without properties prints as an empty line).
      const formatted = formatLineText(item, this.#width);
      if (formatted === null) return "";
      const text = item instanceof PSCustomObject ? "" : formatted ?? scalarText(item);
      const group = this.#group;
      if (group?.kind === "table" && group.pending) {
        group.pending.push(text);
        return "";
      }
      return text + "\n";
    }
    const header = this.#headerOf(item);
    let out = header === this.#header ? "" : this.#startGroup(header);
    // An object with a view of its own (a hashtable's entries, a job) never joins another table, nor others its table.
    const type = typeNameOf(item);
    const view = type in TABLE_VIEWS ? type : null;
    if (this.#group && (this.#group.view !== null || view !== null) && this.#group.view !== view) out += this.flush();
    const group = this.#group ??= this.#start(item);
    if (group.kind === "list") {
      const fields = fieldsOf(item, this.#options.properties).map((f): [string, string] => [f.label, displayText(f.read(item))]);
      return out + "\n" + listLines(fields, this.#width).join("\n") + "\n";
    }
    const cells = group.columns.map((c) => cellText(c.read(item), group.view === null, group.wrap));
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
    return { kind: "table", view, columns, pending: [], widths: [], started: this.#now(), wrap: this.#options.wrap === true };
  }
}

// ---- Format-Table / Format-List output

/** A Format-Table/-List run's lines at a width (the formatter it was made with, run again at that width). */
type Render = (width: number) => string[];

interface FormatLine {
  render: Render;
  index: number;
  /** How many lines the run wrote (at the default width). */
  count: number;
  /** The run's lines by width, shared by its lines. */
  rendered: Map<number, string[]>;
}

const formatLines = new WeakMap<NotedScalar, FormatLine>();

/**
 * Format-Table/-List's output: the run's lines at the default width — strings to whatever reads them — each knowing
 * its run, so an Out-* command of another width (Out-String -Width, Out-File -Width, a console) prints the run at its
 * own width, as pwsh's format objects are laid out by the Out-* command that receives them.
 */
export function formatRun(render: Render): NotedScalar[] {
  const lines = render(DEFAULT_WIDTH);
  const rendered = new Map([[DEFAULT_WIDTH, lines]]);
  return lines.map((text, index) => {
    const line = new NotedScalar(text, new PSCustomObject());
    formatLines.set(line, { render, index, count: lines.length, rendered });
    return line;
  });
}

/**
 * What a Format-Table/-List line prints at `width`: its line of the run laid out at that width (the last line also
 * the lines more that a narrower width makes), null for none; undefined for any other value.
 */
function formatLineText(item: unknown, width: number): string | null | undefined {
  const line = item instanceof NotedScalar ? formatLines.get(item) : undefined;
  if (!line) return undefined;
  let lines = line.rendered.get(width);
  if (!lines) line.rendered.set(width, lines = line.render(width));
  const own = lines.slice(line.index, line.index === line.count - 1 ? undefined : line.index + 1);
  return own.length ? own.join("\n") : null;
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
