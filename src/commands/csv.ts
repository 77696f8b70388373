/**
 * The CSV family: ConvertTo-Csv, ConvertFrom-Csv, Export-Csv and Import-Csv, with PowerShell 7's rules: no `#TYPE`
 * line unless -IncludeTypeInformation, every field quoted unless -UseQuotes/-QuoteFields say otherwise, `""` inside
 * a quoted field, columns from the first object's properties. Files resolve against the session's location.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import type { ParameterSpec } from "../engine/binder.ts";
import { Deno } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject, PSHashtable } from "../values/objects.ts";
import { requirePath } from "./content.ts";
import { resolvePath } from "./files.ts";

function csvError(command: string, message: string, id: string, category: string, target: unknown = null): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},Microsoft.PowerShell.Commands.${command.replace("-", "")}Command`, category, null, null, target, command));
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

/** One field: quoted always, when needed (a delimiter, quote or line break inside), or for the -QuoteFields columns. */
function field(o: WriterOptions, column: string, text: string): string {
  const needed = text.includes(o.delimiter) || /["\r\n]/.test(text);
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
    lines.push(this.columns.map((c) => field(this.options, c, toStr(values.get(c.toLowerCase()) ?? null))).join(this.options.delimiter));
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
function existingColumns(path: string, delimiter: string): string[] | null {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch {
    return null;
  }
  const first = text.split(/\r?\n/).find((line) => line !== "" && !line.startsWith("#TYPE"));
  return first === undefined ? null : parseRecord(first, delimiter);
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
    ...WRITER_PARAMETERS,
  ],
  begin(ctx, params) {
    requirePath(params, "Export-Csv");
    const path = resolvePath(ctx, toStr(params.get("Path") ?? params.get("LiteralPath")));
    const writer = new CsvWriter(writerOptions(params));
    if (params.get("Append")) {
      // Appending keeps the file's own columns and writes no second header.
      const columns = existingColumns(path, writer.options.delimiter);
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
    Deno.writeTextFileSync(path, lines.map((line) => line + "\n").join(""), { append: params.get("Append") === true });
  },
};

// ---- reading

/** Splits one complete record into fields: quotes group, `""` is a quote, text after a closing quote is kept. */
function parseRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/** Reads CSV text line by line into objects; a quoted field may span lines, so a record waits for its closing quote. */
class CsvReader {
  #pending: string | null = null;
  #columns: string[] | null;
  #typeName: string | null = null;

  constructor(readonly delimiter: string, header: string[] | null) {
    this.#columns = header;
  }

  feed(text: string): PSCustomObject[] {
    const out: PSCustomObject[] = [];
    for (const line of text.split(/\r?\n/)) {
      const record = this.#pending === null ? line : `${this.#pending}\n${line}`;
      if ((record.match(/"/g)?.length ?? 0) % 2 === 1) {
        this.#pending = record;
        continue;
      }
      this.#pending = null;
      const object = this.#record(record);
      if (object) out.push(object);
    }
    return out;
  }

  /** What is left when the input ends: a record whose quote never closed still counts. */
  finish(): PSCustomObject[] {
    const rest = this.#pending;
    this.#pending = null;
    const object = rest === null ? null : this.#record(rest);
    return object ? [object] : [];
  }

  #record(record: string): PSCustomObject | null {
    if (record === "") return null;
    if (this.#columns === null && this.#typeName === null && record.startsWith("#TYPE ")) {
      this.#typeName = record.slice(6).trim();
      return null;
    }
    const fields = parseRecord(record, this.delimiter);
    if (this.#columns === null) {
      this.#columns = fields;
      return null;
    }
    const object = new PSCustomObject();
    // A #TYPE line names the objects' type with a CSV: prefix (ImportCsvHelper), as pwsh shows in PSTypeNames.
    if (this.#typeName) object.typeNames = [`CSV:${this.#typeName}`, this.#typeName];
    this.#columns.forEach((column, i) => object.set(column, i < fields.length ? fields[i] : null));
    return object;
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
    return ctx.emitAll((input === undefined ? enumerate(value) : [value]).flatMap((line) => reader.feed(toStr(line))));
  },
  end: (ctx, _params, state) => ctx.emitAll((state as CsvReader).finish()),
};

function readFile(ctx: CommandContext, path: string): string | null {
  try {
    return Deno.readTextFileSync(path);
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
    ...READER_PARAMETERS,
  ],
  begin: (_ctx, params) => requirePath(params, "Import-Csv"),
  process(ctx, params, input) {
    const paths = input !== undefined ? [input] : enumerate(params.get("Path") ?? params.get("LiteralPath"));
    const out: PSCustomObject[] = [];
    for (const path of paths.map((p) => resolvePath(ctx, toStr(p)))) {
      const text = readFile(ctx, path);
      if (text === null) continue;
      const reader = readerOf(params);
      out.push(...reader.feed(text), ...reader.finish());
    }
    return ctx.emitAll(out);
  },
};
