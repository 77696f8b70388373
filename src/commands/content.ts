/**
 * The content family over the FileSystem provider: Get-Content, Set-Content, Add-Content, Clear-Content and Out-File
 * (microsoft.powershell.management/get-content … and microsoft.powershell.utility/out-file). Paths resolve against the
 * session's location; wildcards in the last segment expand. -Encoding is encoding.ts's.
 */
import { type BuiltinCommand, type CommandContext, SHOULD_PROCESS } from "../engine/command_types.ts";
import { eachInOrder, then } from "../engine/maybe.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { Deno } from "../platform.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { DEFAULT_WIDTH, OutputFormatter } from "../values/format.ts";
import { resolvePath } from "./files.ts";
import { encodingOf, readEncoded, writeEncoded } from "./encoding.ts";
import { fileObjectPath, matches, requirePath } from "./items.ts";

const NS = "Microsoft.PowerShell.Commands";
const commandId = (command: string) => `${NS}.${command.replace("-", "")}Command`;

/** The files one invocation names: -LiteralPath as written, -Path with its wildcards expanded, or the piped items. */
function targets(ctx: CommandContext, params: Map<string, unknown>, input: unknown, command: string, mustExist: boolean): string[] {
  const piped = input === undefined ? null : fileObjectPath(input);
  if (piped !== null) return [piped];
  if (input === undefined) requirePath(params, command);
  const literal = params.has("LiteralPath");
  const requested = enumerate(input !== undefined ? input : params.get(literal ? "LiteralPath" : "Path")).map(toStr);
  return requested.flatMap((r) => {
    if (literal || !/[*?[]/.test(r.slice(r.lastIndexOf("/") + 1))) return [resolvePath(ctx, r)];
    const found = matches(ctx, r, command);
    return found.length || mustExist ? found : [resolvePath(ctx, r)];
  });
}

function kindOf(path: string): "file" | "directory" | null {
  try {
    return Deno.statSync(path).isDirectory ? "directory" : "file";
  } catch {
    return null;
  }
}

export const clearContent: BuiltinCommand = {
  name: "Clear-Content",
  aliases: ["clc"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  process(ctx, params, input) {
    return eachInOrder(targets(ctx, params, input, "Clear-Content", true), (path) => {
      const kind = kindOf(path);
      if (kind === null) {
        return ctx.writeError(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${commandId("Clear-Content")}`, "Clear-Content");
      }
      // A directory has no content to clear: the provider refuses it as an unauthorized operation.
      if (kind === "directory") {
        return ctx.writeError(`Access to the path '${path}' is denied.`, `ClearContentUnauthorizedAccessError,${commandId("Clear-Content")}`, "Clear-Content");
      }
      // The FileSystem provider's ShouldProcess: "Clear Content" on "Item: <path>".
      return then(ctx.shouldProcess(`Item: ${path}`, "Clear Content"), (ok) => {
        if (ok) Deno.writeTextFileSync(path, "");
      });
    });
  },
};

/** Get-Content's pieces of one file's text: lines (the line end dropped), or -Delimiter's sections (it kept). */
function pieces(text: string, delimiter: string | null): string[] {
  if (delimiter !== null && delimiter !== "") {
    const parts: string[] = [];
    let start = 0;
    for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, start)) {
      parts.push(text.slice(start, at + delimiter.length));
      start = at + delimiter.length;
    }
    if (start < text.length) parts.push(text.slice(start));
    return parts;
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export const getContent: BuiltinCommand = {
  name: "Get-Content",
  // No `cat` alias: as PowerShell on Linux and macOS, rsh leaves the native `cat` alone.
  aliases: ["gc", "type"],
  parameters: [
    { name: "Path", position: 0, type: "string[]", pipeline: true },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "Raw", type: "switch" },
    { name: "TotalCount", aliases: ["First", "Head"], type: "long" },
    { name: "Tail", aliases: ["Last"], type: "int" },
    { name: "ReadCount", type: "long" },
    { name: "Delimiter", type: "string" },
    { name: "Encoding", type: "string" },
    { name: "Force", type: "switch" },
  ],
  process(ctx, params, input) {
    const encoding = encodingOf(params, "Get-Content");
    if (params.has("TotalCount") && params.has("Tail")) {
      ctx.writeError("The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.", `TailAndHeadCannotCoexist,${commandId("Get-Content")}`, "Get-Content");
      return;
    }
    const out: unknown[] = [];
    for (const path of targets(ctx, params, input, "Get-Content", true)) {
      const kind = kindOf(path);
      if (kind !== "file") {
        if (kind === null) ctx.writeError(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${commandId("Get-Content")}`, "Get-Content");
        else ctx.writeError(`Unable to get content because it is a directory: '${path}'. Please use 'Get-ChildItem' instead.`, `GetContentReaderUnauthorizedAccessError,${commandId("Get-Content")}`, "Get-Content");
        continue;
      }
      const text = readEncoded(path, encoding);
      if (params.get("Raw")) {
        // An empty file gives nothing, not an empty string.
        if (text !== "") out.push(text);
        continue;
      }
      let parts = pieces(text, params.has("Delimiter") ? toStr(params.get("Delimiter")) : null);
      // A negative -TotalCount is no limit; -TotalCount 0 reads nothing.
      const total = params.has("TotalCount") ? toNumber(params.get("TotalCount")) : -1;
      if (total >= 0) parts = parts.slice(0, total);
      if (params.has("Tail")) {
        const tail = toNumber(params.get("Tail"));
        if (tail >= 0) parts = tail === 0 ? [] : parts.slice(-tail);
      }
      // -ReadCount sends that many lines at a time as one array; 0 sends them all as one.
      const readCount = params.has("ReadCount") ? toNumber(params.get("ReadCount")) : 1;
      if (readCount === 1 || readCount < 0) out.push(...parts);
      else if (parts.length) {
        const size = readCount === 0 ? parts.length : readCount;
        for (let i = 0; i < parts.length; i += size) out.push(parts.slice(i, i + size));
      }
    }
    return ctx.emitAll(out);
  },
};

const denied = (e: unknown) => (e as { code?: string }).code === "EACCES" || (e as Error).name === "PermissionDenied";

/**
 * Writes `text` to `path` in `encoding`, appending or replacing, with PowerShell's error when it cannot. -Force writes
 * a read-only file too (the provider clears the attribute: here the owner's write permission is added).
 */
function writeFile(ctx: CommandContext, command: string, path: string, text: string, params: Map<string, unknown>, append: boolean): void {
  const encoding = encodingOf(params, command);
  if (kindOf(path) === "directory") {
    ctx.writeError(`Access to the path '${path}' is denied.`, `GetContentWriterUnauthorizedAccessError,${commandId(command)}`, command);
    return;
  }
  try {
    writeEncoded(path, text, encoding, append);
  } catch (e) {
    if (!denied(e)) {
      ctx.writeError(`Could not find a part of the path '${path}'.`, `GetContentWriterDirectoryNotFoundError,${commandId(command)}`, command);
      return;
    }
    if (params.get("Force") !== true || kindOf(path) !== "file") {
      ctx.writeError(`Access to the path '${path}' is denied.`, `GetContentWriterUnauthorizedAccessError,${commandId(command)}`, command);
      return;
    }
    Deno.chmodSync(path, (Deno.statSync(path).mode ?? 0o644) | 0o200);
    writeEncoded(path, text, encoding, append);
  }
}

interface Collected {
  items: unknown[];
}

/**
 * Set-Content and Add-Content: each value's string on its own line (-NoNewline: run together), written at the end.
 * `action` is the ShouldProcess action (NavigationResources SetContentAction / AddContentAction; target "Path: …").
 */
function contentWriter(name: string, aliases: string[], append: boolean, action: string): BuiltinCommand {
  return {
    name,
    aliases,
    parameters: [
      { name: "Path", position: 0, type: "string[]" },
      { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
      { name: "Value", position: 1, pipeline: true, type: "object" },
      { name: "Encoding", type: "string" },
      { name: "NoNewline", type: "switch" },
      { name: "PassThru", type: "switch" },
      { name: "Force", type: "switch" },
      ...SHOULD_PROCESS,
    ],
    begin: (_ctx, params) => {
      requirePath(params, name);
      encodingOf(params, name);
      return { items: [] } as Collected;
    },
    process(_ctx, params, input, state) {
      const value = input === undefined ? params.get("Value") : input;
      if (value !== undefined && value !== null) (state as Collected).items.push(...enumerate(value));
    },
    end(ctx, params, state) {
      const { items } = state as Collected;
      const texts = items.map(toStr);
      const text = params.get("NoNewline") ? texts.join("") : texts.map((line) => line + "\n").join("");
      let written = false;
      const done = eachInOrder(targets(ctx, params, undefined, name, false), (path) =>
        then(ctx.shouldProcess(`Path: ${path}`, action), (ok) => {
          if (!ok) return;
          written = true;
          writeFile(ctx, name, path, text, params, append);
        }));
      // -PassThru passes on what was written: nothing when every file was skipped.
      return then(done, () => (params.get("PassThru") && written ? ctx.emitAll(items) : undefined));
    },
  };
}

export const setContent = contentWriter("Set-Content", ["sc"], false, "Set Content");
// No `ac` alias on Linux and macOS (a native accounting command there), as in PowerShell.
export const addContent = contentWriter("Add-Content", [], true, "Add Content");

/** Out-File: what the console would show for the input (tables sized by all rows), written to the file. */
export const outFile: BuiltinCommand = {
  name: "Out-File",
  parameters: [
    { name: "FilePath", aliases: ["Path"], position: 0, type: "string" },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string" },
    { name: "Encoding", position: 1, type: "string" },
    { name: "InputObject", pipeline: true, type: "object" },
    { name: "Append", type: "switch" },
    { name: "NoClobber", aliases: ["NoOverwrite"], type: "switch" },
    { name: "NoNewline", type: "switch" },
    { name: "Width", type: "int", validateRange: [2, 2147483647] },
    { name: "Force", type: "switch" },
    ...SHOULD_PROCESS,
  ],
  begin(_ctx, params) {
    if (!params.has("FilePath") && !params.has("LiteralPath")) {
      const message = "Cannot process command because of one or more missing mandatory parameters: FilePath.";
      throw new RuntimeError(new ErrorRecord(message, `MissingMandatoryParameter,${commandId("Out-File")}`, "InvalidArgument", null, null, null, "Out-File"));
    }
    encodingOf(params, "Out-File");
    return { items: [] } as Collected;
  },
  process(_ctx, params, input, state) {
    const value = input === undefined ? params.get("InputObject") : input;
    if (value !== undefined) (state as Collected).items.push(value);
  },
  end(ctx, params, state) {
    const written = toStr(params.get(params.has("LiteralPath") ? "LiteralPath" : "FilePath"));
    // Out-File asks about the path as written ("Output to File"), before it opens the file.
    return then(ctx.shouldProcess(written, "Output to File"), (ok) => (ok ? outFileEnd(ctx, params, state as Collected, resolvePath(ctx, written)) : undefined));
  },
};

/** What Out-File does once it may: -NoClobber's check, then the formatted text written. */
function outFileEnd(ctx: CommandContext, params: Map<string, unknown>, { items }: Collected, path: string): void {
  const append = params.get("Append") === true;
  if (params.get("NoClobber") && !append && kindOf(path) !== null) {
    ctx.writeError(`The file '${path}' already exists.`, `NoClobber,${commandId("Out-File")}`, "Out-File");
    return;
  }
  const formatter = new OutputFormatter({ width: params.has("Width") ? toNumber(params.get("Width")) : DEFAULT_WIDTH, collectMs: Infinity });
  const formatted = items.map((item) => formatter.write(item)).join("") + formatter.flush();
  // -NoNewline leaves out every line end, the ones between the lines too.
  const text = params.get("NoNewline") ? formatted.replace(/\n/g, "") : formatted;
  writeFile(ctx, "Out-File", path, text, params, append);
}
