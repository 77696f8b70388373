/**
 * The CSV family: ConvertTo-Csv, ConvertFrom-Csv, Export-Csv and Import-Csv, with PowerShell 7's rules: no `#TYPE`
 * line unless -IncludeTypeInformation, every field quoted unless -UseQuotes/-QuoteFields say otherwise, `""` inside
 * a quoted field, columns from the first object's properties. Files resolve against the session's location.
 */
import { type BuiltinCommand, cmdletId, type CommandContext, SHOULD_PROCESS } from "../engine/command_types.ts";
import { then } from "../engine/maybe.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import type { ParameterSpec } from "../engine/binder.ts";
import { Deno } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { encodingOf, readEncoded, writeEncoded } from "./encoding.ts";
import { requirePath } from "./items.ts";
import { resolvePath } from "./files.ts";

function csvError(command: string, message: string, id: string, category: string, target: unknown = null): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},${cmdletId(command)}`, category, null, null, target, command));
}

/** The delimiter: -Delimiter, `,` for -UseCulture (en-US's list separator), else a comma. */
function delimiterOf(params: Map<string, unknown>): string {
  return params.has("Delimiter") ? toStr(params.get("Delimiter")) : ",";
}

// ---- writing

/** An object's columns and values: a PSCustomObject's properties, a hashtable's keys, a string's Length. */
function fieldsOf(value: unknown): [string, unknown][] {
  if (value instanceof NotedScalar) value = value.base;
  if (value instanceof PSCustomObject) return value.names().map((n) => [n, value.get(n)]);
  if (value instanceof PSHashtable) return value.entries().map(([k, v]) => [toStr(k), v]);
  if (typeof value === "string") return [["Length", value.length]];
  return [];
}

function typeNameOf(value: unknown): string {
  if (value instanceof PSCustomObject) return value.typeNames?.[0] ?? "System.Management.Automation.PSCustomObject";
  if (value instanceof PSHashtable) return "System.Collections.Hashtable";
  return typeof value === "string" ? "System.String" : "System.Object";
}

interface WriterOptions {
  delimiter: string;
  quote: "Always" | "AsNeeded" | "Never";
  quoteFields: string[] | null;
  header: boolean;
  typeInformation: boolean;
}

const QUOTE_KINDS = ["Never", "Always", "AsNeeded"] as const;

function writerOptions(params: Map<string, unknown>): WriterOptions {
  const quoteFields = params.has("QuoteFields") ? enumerate(params.get("QuoteFields")).map((f) => toStr(f).toLowerCase()) : null;
  return {
    delimiter: delimiterOf(params),
    quote: QUOTE_KINDS.find((k) => k.toLowerCase() === toStr(params.get("UseQuotes") ?? "Always").toLowerCase())!,
    quoteFields,
    header: params.get("NoHeader") !== true,
    // PowerShell 7 leaves the #TYPE line out unless asked; -NoTypeInformation stays for compatibility.
    typeInformation: params.get("IncludeTypeInformation") === true && params.get("NoTypeInformation") !== true,
  };
}

/** One field: quoted always, when needed (a delimiter, quote or newline inside), or for the -QuoteFields columns. */
function field(o: WriterOptions, column: string, text: string): string {
  const needed = text.includes(o.delimiter) || /["\n]/.test(text);
  const quoted = o.quoteFields ? o.quoteFields.includes(column.toLowerCase()) : o.quote === "Always" || (o.quote === "AsNeeded" && needed);
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Turns objects into CSV lines one at a time; the first object fixes the columns. */
class CsvWriter {
  columns: string[] | null = null;

  constructor(readonly options: WriterOptions) {}

  write(value: unknown): string[] {
    const lines: string[] = [];
    const fields = fieldsOf(value);
    if (this.columns === null) {
      this.columns = fields.map(([name]) => name);
      if (this.options.typeInformation) lines.push(`#TYPE ${typeNameOf(value)}`);
      if (this.options.header) lines.push(this.columns.map((c) => field(this.options, c, c)).join(this.options.delimiter));
    }
    const values = new Map(fields.map(([name, v]) => [name.toLowerCase(), v]));
    // A $null (or missing) value is written as nothing at all, not as "" (ExportCsvHelper.ConvertPSObjectToCSV).
    lines.push(this.columns.map((c) => {
      const value = values.get(c.toLowerCase());
      return value === null || value === undefined ? "" : field(this.options, c, toStr(value));
    }).join(this.options.delimiter));
    return lines;
  }
}

const WRITER_PARAMETERS: ParameterSpec[] = [
  { name: "Delimiter", position: 1, type: "char" },
  { name: "UseCulture", type: "switch" },
  { name: "IncludeTypeInformation", aliases: ["ITI"], type: "switch" },
  { name: "NoTypeInformation", aliases: ["NTI"], type: "switch" },
  { name: "UseQuotes", aliases: ["UQ"], type: "string", validateSet: [...QUOTE_KINDS] },
  { name: "QuoteFields", aliases: ["QF"], type: "string[]" },
  { name: "NoHeader", type: "switch" },
];

export const convertToCsv: BuiltinCommand = {
  name: "ConvertTo-Csv",
  parameters: [{ name: "InputObject", position: 0, pipeline: true, type: "object", mandatory: true }, ...WRITER_PARAMETERS],
  begin: (_ctx, params) => new CsvWriter(writerOptions(params)),
  process(ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null) return;
    const writer = state as CsvWriter;
    return ctx.emitAll((input === undefined ? enumerate(value) : [value]).flatMap((item) => writer.write(item)));
  },
};

interface ExportState {
  writer: CsvWriter;
  lines: string[];
}

/** The columns of an existing CSV file that -Append adds to (its first line after any #TYPE line), or null. */
function existingColumns(path: string, delimiter: string, encoding: string): string[] | null {
  let text: string;
  try {
    text = readEncoded(path, encoding);
  } catch {
    return null;
  }
  const first = text.split(/\r?\n/).find((line) => line !== "" && !line.startsWith("#TYPE"));
  return first === undefined ? null : new RecordReader(first, delimiter).next();
}

export const exportCsv: BuiltinCommand = {
  name: "Export-Csv",
  aliases: ["epcsv"],
  parameters: [
    { name: "Path", aliases: ["FilePath"], position: 0, type: "string" },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "InputObject", pipeline: true, type: "object", mandatory: true },
    { name: "Append", type: "switch" },
    { name: "Force", type: "switch" },
    { name: "NoClobber", aliases: ["NoOverwrite"], type: "switch" },
    { name: "Encoding", type: "string" },
    ...WRITER_PARAMETERS,
    ...SHOULD_PROCESS,
  ],
  begin(ctx, params) {
    requirePath(params, "Export-Csv");
    const path = resolvePath(ctx, toStr(params.get("Path") ?? params.get("LiteralPath")));
    const writer = new CsvWriter(writerOptions(params));
    if (params.get("Append")) {
      // Appending keeps the file's own columns and writes no second header.
      const columns = existingColumns(path, writer.options.delimiter, encodingOf(params, "Export-Csv"));
      if (columns) {
        writer.columns = columns;
        writer.options.header = false;
        writer.options.typeInformation = false;
      }
    } else if (params.get("NoClobber")) {
      try {
        Deno.statSync(path);
        csvError("Export-Csv", `The file '${path}' already exists.`, "NoClobber", "ResourceExists", path);
      } catch (e) {
        if (e instanceof RuntimeError) throw e;
      }
    }
    return { writer, lines: [] } as ExportState;
  },
  process(ctx, params, input, state) {
    const { writer, lines } = state as ExportState;
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null) return;
    for (const item of input === undefined ? enumerate(value) : [value]) {
      if (params.get("Append") && writer.columns && !params.get("Force")) {
        const names = new Set(fieldsOf(item).map(([n]) => n.toLowerCase()));
        const missing = writer.columns.find((c) => !names.has(c.toLowerCase()));
        if (missing !== undefined) {
          const path = resolvePath(ctx, toStr(params.get("Path") ?? params.get("LiteralPath")));
          csvError("Export-Csv", `Cannot append CSV content to the following file: ${path}. The appended object does not have a property that corresponds to the following column: ${missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command.`, "CannotAppendCsvWithMismatchedPropertyNames", "InvalidData", item);
        }
      }
      lines.push(...writer.write(item));
    }
  },
  end(ctx, params, state) {
    const path = resolvePath(ctx, toStr(params.get("Path") ?? params.get("LiteralPath")));
    const { lines } = state as ExportState;
    // Export-Csv's ShouldProcess names the path as written, with the command's name as the action. PowerShell asks
    // before the first record; rsh asks here, where the file is written, since begin cannot wait for an answer.
    return then(ctx.shouldProcess(toStr(params.get("Path") ?? params.get("LiteralPath")), "Export-Csv"), (ok) => {
      if (ok) writeEncoded(path, lines.map((line) => line + "\n").join(""), encodingOf(params, "Export-Csv"), params.get("Append") === true);
    });
  },
};

// ---- reading

/**
 * Reads records from CSV text as ImportCsvHelper.ParseNextRecord does: quotes group (a `""` inside is a quote),
 * blanks before a field and after a closing quote are dropped, a quote inside an unquoted field is kept, and a line
 * break inside quotes belongs to the field.
 */
class RecordReader {
  #at = 0;

  constructor(readonly text: string, readonly delimiter: string) {}

  get done(): boolean {
    return this.#at >= this.text.length;
  }

  /** The next line as it stands (the #TYPE line is read whole). */
  peekLine(): string {
    const end = this.text.slice(this.#at).search(/\r?\n|\r/);
    return end < 0 ? this.text.slice(this.#at) : this.text.slice(this.#at, this.#at + end);
  }

  skipLine(): void {
    const line = this.peekLine();
    this.#at += line.length;
    this.#newline();
  }

  #newline(): boolean {
    if (this.text[this.#at] === "\r") this.#at += this.text[this.#at + 1] === "\n" ? 2 : 1;
    else if (this.text[this.#at] === "\n") this.#at++;
    else return false;
    return true;
  }

  /** The rest of a field up to the next delimiter or line end; blanks only are dropped when `eatBlanks`. */
  #tillDelimiter(eatBlanks: boolean): { text: string; endOfRecord: boolean } {
    let text = "";
    for (;;) {
      if (this.done) return { text: eatBlanks && text.trim() === "" ? "" : text, endOfRecord: true };
      if (this.text[this.#at] === this.delimiter) {
        this.#at++;
        return { text: eatBlanks && text.trim() === "" ? "" : text, endOfRecord: false };
      }
      if (this.#newline()) return { text: eatBlanks && text.trim() === "" ? "" : text, endOfRecord: true };
      text += this.text[this.#at++];
    }
  }

  next(): string[] {
    const fields: string[] = [];
    let current = "";
    let quoted = false;
    while (!this.done) {
      const ch = this.text[this.#at];
      if (ch === this.delimiter && !quoted) {
        this.#at++;
        fields.push(current);
        current = "";
      } else if (ch === '"') {
        this.#at++;
        if (quoted && this.text[this.#at] === '"') {
          this.#at++;
          current += '"';
        } else if (quoted || current.length > 0) {
          // A closing quote, or a stray one inside an unquoted field (kept, as Excel does): the field runs on to
          // the next delimiter.
          const rest = this.#tillDelimiter(quoted);
          fields.push(current + (quoted ? "" : '"') + rest.text);
          current = "";
          quoted = false;
          if (rest.endOfRecord) return fields;
        } else quoted = true;
      } else if ((ch === " " || ch === "\t") && !quoted) {
        this.#at++;
        if (current.length === 0) continue;
        const rest = this.#tillDelimiter(true);
        fields.push(current + ch + rest.text);
        current = "";
        if (rest.endOfRecord) return fields;
      } else if ((ch === "\n" || ch === "\r") && !quoted) {
        this.#newline();
        fields.push(current);
        return fields;
      } else {
        current += ch;
        this.#at++;
      }
    }
    if (current.length > 0) fields.push(current);
    return fields;
  }
}

/**
 * Turns CSV text into objects. The header (the first record that is not a `#` line, or -Header) and the #TYPE name
 * carry over from one text to the next, as ConvertFrom-Csv's do from one input string to the next.
 */
class CsvReader {
  #columns: string[] | null;
  #typeName: string | null = null;
  warnedUnnamed = false;

  constructor(readonly delimiter: string, header: string[] | null) {
    this.#columns = header;
  }

  read(ctx: CommandContext, command: string, text: string): PSCustomObject[] {
    const records = new RecordReader(text, this.delimiter);
    if (this.#typeName === null && this.#columns === null && /^#type/i.test(records.peekLine())) {
      this.#typeName = records.peekLine().slice(5).trim() || null;
      records.skipLine();
    }
    while (this.#columns === null && !records.done) {
      const values = records.next();
      while (values.length > 1 && values[values.length - 1] === "") values.pop();
      if (values[0]?.startsWith("#Fields: ")) this.#columns = [values[0].slice(9), ...values.slice(1)];
      else if (!values[0]?.startsWith("#")) this.#columns = values;
      if (this.#columns) checkDuplicates(this.#columns, command);
    }
    const out: PSCustomObject[] = [];
    while (this.#columns && !records.done) {
      const values = records.next();
      if (values.length === 0 || (values.length === 1 && values[0] === "")) continue;
      out.push(this.#object(ctx, values));
    }
    return out;
  }

  #object(ctx: CommandContext, values: string[]): PSCustomObject {
    const object = new PSCustomObject();
    let unnamed = 0;
    // A missing value is $null; values past the header are dropped; a column without a name is H1, H2, …
    this.#columns!.forEach((column, i) => object.set(column === "" ? `H${++unnamed}` : column, i < values.length ? values[i] : null));
    if (unnamed > 0 && !this.warnedUnnamed) {
      this.warnedUnnamed = true;
      ctx.host.warning('One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.');
    }
    // A #TYPE line names the objects' type, then the same with a CSV: prefix (ImportCsvHelper.BuildMshobject).
    if (this.#typeName) object.typeNames = [this.#typeName, `CSV:${this.#typeName}`];
    return object;
  }
}

function checkDuplicates(columns: string[], command: string): void {
  const seen = new Set<string>();
  for (const column of columns.filter((c) => c !== "")) {
    if (seen.has(column.toLowerCase())) csvError(command, `The member "${column}" is already present.`, "AlreadyPresentPSMemberInfoInternalCollectionAdd", "NotSpecified", column);
    seen.add(column.toLowerCase());
  }
}

const READER_PARAMETERS: ParameterSpec[] = [
  { name: "Delimiter", position: 1, type: "char" },
  { name: "UseCulture", type: "switch" },
  { name: "Header", type: "string[]" },
];

const readerOf = (params: Map<string, unknown>) =>
  new CsvReader(delimiterOf(params), params.has("Header") ? enumerate(params.get("Header")).map(toStr) : null);

export const convertFromCsv: BuiltinCommand = {
  name: "ConvertFrom-Csv",
  parameters: [{ name: "InputObject", position: 0, pipeline: true, type: "object", mandatory: true }, ...READER_PARAMETERS],
  begin: (_ctx, params) => readerOf(params),
  process(ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null) return;
    const reader = state as CsvReader;
    // Each input string is read on its own (a quoted field does not run on into the next string).
    return ctx.emitAll((input === undefined ? enumerate(value) : [value]).flatMap((text) => reader.read(ctx, "ConvertFrom-Csv", toStr(text))));
  },
};

function readFile(ctx: CommandContext, path: string, encoding: string): string | null {
  try {
    return readEncoded(path, encoding);
  } catch {
    ctx.writeError(`Could not find file '${path}'.`, "FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand", "Import-Csv");
    return null;
  }
}

export const importCsv: BuiltinCommand = {
  name: "Import-Csv",
  aliases: ["ipcsv"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "Encoding", type: "string" },
    ...READER_PARAMETERS,
  ],
  begin(_ctx, params) {
    requirePath(params, "Import-Csv");
    encodingOf(params, "Import-Csv");
  },
  process(ctx, params, input) {
    const paths = input !== undefined ? [input] : enumerate(params.get("Path") ?? params.get("LiteralPath"));
    const out: PSCustomObject[] = [];
    for (const path of paths.map((p) => resolvePath(ctx, toStr(p)))) {
      const text = readFile(ctx, path, encodingOf(params, "Import-Csv"));
      if (text === null) continue;
      out.push(...readerOf(params).read(ctx, "Import-Csv", text));
    }
    return ctx.emitAll(out);
  },
};
