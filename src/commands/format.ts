/**
 * The formatting family: Format-Table, Format-List, Out-String, Out-Host (about_Format.ps1xml), over the formatter
 * in src/values/format.ts that Out-Default uses.
 *
 * Simplification: pwsh's Format-Table and Format-List emit format objects that only an Out-* command renders; here
 * they emit their lines (at 120 columns) as strings, each of which knows its run (values/format.ts, formatRun): an
 * Out-* command of another width (Out-String -Width, Out-File -Width, a console) lays the run out again at its width.
 * A command after them sees strings rather than format objects.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { toNumber, toStr } from "../values/convert.ts";
import { type Align, DEFAULT_WIDTH, type FormatProperty, formatItems, formatRun, OutputFormatter } from "../values/format.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { entry, expressionValue } from "./calculated.ts";
import { eachInOrder, type Maybe, then, tryCatch } from "../engine/maybe.ts";
import { RuntimeError } from "../engine/errors.ts";
import { format } from "../engine/operators.ts";

/** A calculated column: its values are computed before formatting, since a script block may finish later. */
interface Calculated {
  /** A property name or a script block. */
  expression: unknown;
  /** The calculated property's FormatString (`{0:N2}`'s N2), or null. */
  formatString: string | null;
  values: Map<PSCustomObject, unknown>;
  /** The column it fills: a formatted number keeps a number's right alignment unless the column names its own. */
  property: FormatProperty;
}

/** A cell whose expression failed: blank, `#ERR` with -DisplayError; -ShowError also writes the error. */
const FAILED = Symbol("failed");

/**
 * One -Property or -GroupBy entry: a name (wildcards allowed), a script block, or `@{Name/Label=…; Expression=…;
 * FormatString=…; Width=…; Alignment=…}`.
 */
function formatProperty(p: unknown, calculated: Calculated[], failedText: string): FormatProperty {
  if (typeof p === "string") return { name: p };
  const table = p instanceof PSHashtable ? p : null;
  const expression = table ? entry(table, "expression") : p;
  const formatString = table ? entry(table, "formatstring") : undefined;
  if (table && typeof expression === "string" && entry(table, "name", "label") === undefined && formatString === undefined) return { name: expression };
  const values = new Map<PSCustomObject, unknown>();
  const label = table ? entry(table, "name", "label") ?? expression : p;
  const width = table ? entry(table, "width") : undefined;
  const align = table ? toStr(entry(table, "alignment")).toLowerCase() : "";
  const property: FormatProperty = {
    name: toStr(label).trim(),
    read: (object) => (values.get(object) === FAILED ? failedText : values.get(object)),
    width: width === undefined ? undefined : toNumber(width),
    align: ["left", "right", "center"].includes(align) ? align as Align : undefined,
  };
  calculated.push({ expression, values, formatString: formatString === undefined ? null : toStr(formatString), property });
  return property;
}

/** -Property and -GroupBy as the formatter takes them, and the calculated values to compute first. */
function parseProperties(params: Map<string, unknown>) {
  const calculated: Calculated[] = [];
  const failedText = params.get("DisplayError") === true ? "#ERR" : "";
  const properties = params.has("Property") ? (params.get("Property") as unknown[]).map((p) => formatProperty(p, calculated, failedText)) : undefined;
  const groupBy = params.has("GroupBy") && params.get("GroupBy") !== null ? formatProperty(params.get("GroupBy"), calculated, failedText) : undefined;
  return { properties, groupBy, calculated };
}

/**
 * Evaluates the calculated columns for every object, in order, before the formatter reads them. A failing
 * expression leaves its cell blank, as pwsh's formatter does; -ShowError writes its error too.
 */
function computeColumns(ctx: CommandContext, params: Map<string, unknown>, items: unknown[], calculated: Calculated[]): Maybe<void> {
  const objects = items.filter((item): item is PSCustomObject => item instanceof PSCustomObject);
  const showError = params.get("ShowError") === true;
  return eachInOrder(calculated, (c) =>
    eachInOrder(objects, (object) =>
      tryCatch(
        () => then(expressionValue(ctx, c.expression, object), (value) => {
          if (c.formatString === null) return void c.values.set(object, value);
          if (c.values.size === 0 && typeof value === "number") c.property.align ??= "right";
          c.values.set(object, format(`{0:${c.formatString}}`, [value]));
        }),
        (error) => {
          if (!(error instanceof RuntimeError)) throw error;
          c.values.set(object, FAILED);
          if (showError) ctx.writeErrorRecord(error.record);
        },
      )));
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

/** What both commands take besides -Property and -InputObject. */
const SHARED: BuiltinCommand["parameters"] = [
  { name: "GroupBy", type: "object" },
  { name: "ShowError", type: "switch" },
  { name: "DisplayError", type: "switch" },
];

function formatCommand(name: string, alias: string, shape: "table" | "list", extra: BuiltinCommand["parameters"]): BuiltinCommand {
  return {
    name,
    aliases: [alias],
    parameters: [
      { name: "Property", position: 0, type: "object[]" },
      ...SHARED,
      ...extra,
      { name: "InputObject", pipeline: true, type: "object" },
    ],
    begin: () => [] as unknown[],
    process: collect,
    end(ctx, params, state) {
      const items = (state as unknown[]).flatMap((item) => formatItems(item));
      const { properties, groupBy, calculated } = parseProperties(params);
      return then(computeColumns(ctx, params, items, calculated), () => {
        const hideTableHeaders = params.get("HideTableHeaders") === true;
        const wrap = params.get("Wrap") === true;
        // Everything is collected first, so tables are sized by all their rows (-AutoSize is always in effect).
        const render = (width: number) => formatLines(new OutputFormatter({ shape, properties, groupBy, hideTableHeaders, wrap, width, collectMs: Infinity }), items);
        return ctx.emitAll(formatRun(render));
      });
    },
  };
}

export const formatTable = formatCommand("Format-Table", "ft", "table", [
  { name: "AutoSize", type: "switch" },
  { name: "HideTableHeaders", type: "switch" },
  { name: "Wrap", type: "switch" },
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

/**
 * Out-Host and Out-Default: format their input as the end of a pipeline would and write it to the host, object by
 * object. Out-Host -Paging has no pager to page through on a host that is not a console: everything is written.
 * Out-Default -Transcript writes only to the transcript, and rsh keeps none: nothing is written.
 */
function outToHost(name: string, aliases: string[], extra: BuiltinCommand["parameters"]): BuiltinCommand {
  return {
    name,
    aliases,
    parameters: [...extra, { name: "InputObject", pipeline: true, type: "object" }],
    begin: (_ctx, params) => (params.get("Transcript") === true ? null : new OutputFormatter()),
    process(ctx, params, input, state) {
      const text = (state as OutputFormatter | null)?.write(inputOf(params, input));
      if (text) ctx.host.host(text);
    },
    end(ctx, _params, state) {
      const text = (state as OutputFormatter | null)?.flush();
      if (text) ctx.host.host(text);
    },
  };
}

export const outHost = outToHost("Out-Host", ["oh"], [{ name: "Paging", type: "switch" }]);

export const outDefault = outToHost("Out-Default", [], [{ name: "Transcript", type: "switch" }]);
