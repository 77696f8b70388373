/**
 * The formatting family: Format-Table, Format-List, Out-String, Out-Host (about_Format.ps1xml), over the formatter
 * in src/values/format.ts that Out-Default uses.
 *
 * Simplification: pwsh's Format-Table and Format-List emit format objects that only an Out-* command renders; here
 * they emit the finished lines as strings. Printing them, or piping them to Out-String, gives pwsh's text, but their
 * width is fixed when they run (120 columns, not the -Width of a later Out-String), and a command after them sees
 * strings rather than format objects.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { toNumber, toStr } from "../values/convert.ts";
import { type Align, DEFAULT_WIDTH, type FormatProperty, formatItems, OutputFormatter } from "../values/format.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { entry, expressionValue } from "./calculated.ts";
import { eachInOrder, type Maybe, then } from "../engine/maybe.ts";

/** A calculated column: its values are computed before formatting, since a script block may finish later. */
interface Calculated {
  /** A property name or a script block. */
  expression: unknown;
  values: Map<PSCustomObject, unknown>;
}

/** -Property: names (wildcards allowed), script blocks, and `@{Name=…; Expression=…; Width=…; Alignment=…}`. */
function parseProperties(params: Map<string, unknown>): { properties?: FormatProperty[]; calculated: Calculated[] } {
  const calculated: Calculated[] = [];
  if (!params.has("Property")) return { calculated };
  const properties = (params.get("Property") as unknown[]).map((p): FormatProperty => {
    if (typeof p === "string") return { name: p };
    const table = p instanceof PSHashtable ? p : null;
    const expression = table ? entry(table, "expression") : p;
    if (table && typeof expression === "string" && entry(table, "name", "label") === undefined) return { name: expression };
    const values = new Map<PSCustomObject, unknown>();
    const label = table ? entry(table, "name", "label") ?? expression : p;
    const width = table ? entry(table, "width") : undefined;
    const align = table ? toStr(entry(table, "alignment")).toLowerCase() : "";
    calculated.push({ expression, values });
    return {
      name: toStr(label).trim(),
      read: (object) => values.get(object),
      width: width === undefined ? undefined : toNumber(width),
      align: ["left", "right", "center"].includes(align) ? align as Align : undefined,
    };
  });
  return { properties, calculated };
}

/** Evaluates the calculated columns for every object, in order, before the formatter reads them. */
function computeColumns(ctx: CommandContext, items: unknown[], calculated: Calculated[]): Maybe<void> {
  const objects = items.filter((item): item is PSCustomObject => item instanceof PSCustomObject);
  return eachInOrder(calculated, (c) =>
    eachInOrder(objects, (object) => {
      return then(expressionValue(ctx, c.expression, object), (value) => void c.values.set(object, value));
    }));
}

/** The lines a formatter prints for `items` (without their line ends). */
function formatLines(formatter: OutputFormatter, items: readonly unknown[]): string[] {
  const text = items.map((item) => formatter.write(item)).join("") + formatter.flush();
  return text === "" ? [] : text.slice(0, -1).split("\n");
}

/** The object a process step works on: the pipeline's, or -InputObject's when the command runs first. */
export function inputOf(params: Map<string, unknown>, input: unknown): unknown {
  return input !== undefined ? input : params.get("InputObject");
}

/** A process step that gathers the input into the array begin() returned. */
export function collect(_ctx: CommandContext, params: Map<string, unknown>, input: unknown, state: unknown): void {
  const value = inputOf(params, input);
  if (value !== undefined) (state as unknown[]).push(value);
}

function formatCommand(name: string, alias: string, shape: "table" | "list", extra: BuiltinCommand["parameters"]): BuiltinCommand {
  return {
    name,
    aliases: [alias],
    parameters: [
      { name: "Property", position: 0, type: "object[]" },
      ...extra,
      { name: "InputObject", pipeline: true, type: "object" },
    ],
    begin: () => [] as unknown[],
    process: collect,
    end(ctx, params, state) {
      const items = (state as unknown[]).flatMap((item) => formatItems(item));
      const { properties, calculated } = parseProperties(params);
      return then(computeColumns(ctx, items, calculated), () => {
        const hideTableHeaders = params.get("HideTableHeaders") === true;
        // Everything is collected first, so tables are sized by all their rows (-AutoSize is always in effect).
        const formatter = new OutputFormatter({ shape, properties, hideTableHeaders, collectMs: Infinity });
        return ctx.emitAll(formatLines(formatter, items));
      });
    },
  };
}

export const formatTable = formatCommand("Format-Table", "ft", "table", [
  { name: "AutoSize", type: "switch" },
  { name: "HideTableHeaders", type: "switch" },
]);

export const formatList = formatCommand("Format-List", "fl", "list", []);

export const outString: BuiltinCommand = {
  name: "Out-String",
  parameters: [
    { name: "Stream", type: "switch" },
    { name: "Width", type: "int", validateRange: [2, 2147483647] },
    { name: "NoNewline", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: () => [] as unknown[],
  process: collect,
  end(ctx, params, state) {
    if (params.get("Stream") && params.get("NoNewline")) {
      ctx.writeError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet", "Out-String");
      return;
    }
    const width = params.has("Width") ? toNumber(params.get("Width")) : DEFAULT_WIDTH;
    const lines = formatLines(new OutputFormatter({ width, collectMs: Infinity }), state as unknown[]);
    if (params.get("Stream")) return ctx.emitAll(lines.flatMap((line) => line.split(/\r?\n/)));
    if (params.get("NoNewline")) return ctx.emit(lines.join(""));
    // One string, each line followed by a newline (pwsh: `"a", " b" | Out-String` is "a`n b`n"; no input gives "").
    return ctx.emit(lines.map((line) => line + "\n").join(""));
  },
};

/** Out-Host: formats its input as Out-Default would and writes it to the host, object by object. */
export const outHost: BuiltinCommand = {
  name: "Out-Host",
  aliases: ["oh"],
  parameters: [{ name: "InputObject", pipeline: true, type: "object" }],
  begin: () => new OutputFormatter(),
  process(ctx, params, input, state) {
    const text = (state as OutputFormatter).write(inputOf(params, input));
    if (text) ctx.host.host(text);
  },
  end(ctx, _params, state) {
    const text = (state as OutputFormatter).flush();
    if (text) ctx.host.host(text);
  },
};
