/**
 * Text commands: Select-String (regular expressions over piped text or files, PowerShell's MatchInfo results) and
 * Join-String (pipeline objects into one string).
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { type Maybe, mapInOrder, then } from "../engine/maybe.ts";
import { getMember } from "../engine/members.ts";
import { format, toRegExp, wildcardToRegExp } from "../engine/operators.ts";
import { Deno } from "../platform.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject } from "../values/objects.ts";
import { resolvePath } from "./files.ts";
import { matches } from "./items.ts";

const SELECT_STRING = "Microsoft.PowerShell.Commands.SelectStringCommand";

function selectStringError(message: string, id: string): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},${SELECT_STRING}`, "InvalidArgument", null, null, null, "Select-String"));
}

/** A System.Text.RegularExpressions.Match as scripts read it (Value, Index, Length, Groups). */
function matchObject(m: RegExpExecArray): PSCustomObject {
  const group = (name: string, value: string | undefined, index: number) => {
    const g = new PSCustomObject();
    g.set("Success", value !== undefined);
    g.set("Name", name);
    g.set("Index", index);
    g.set("Length", value?.length ?? 0);
    g.set("Value", value ?? "");
    return g;
  };
  const names = Object.keys(m.groups ?? {});
  const groups = [...m].map((value, i) => group(String(i), value, i === 0 ? m.index : value === undefined ? 0 : m.input.indexOf(value, m.index)));
  // Named groups follow the numbered ones, as .NET numbers them.
  names.forEach((name, i) => groups[groups.length - names.length + i].set("Name", name));
  const match = group("0", m[0], m.index);
  match.set("Groups", groups);
  return match;
}

interface Options {
  patterns: string[];
  regexes: RegExp[] | null;
  simple: boolean;
  caseSensitive: boolean;
  notMatch: boolean;
  allMatches: boolean;
  pre: number;
  post: number;
}

/** The matches of `line` for the first pattern that matches it (PowerShell tries the patterns in order). */
function findMatches(o: Options, line: string): { pattern: string; matches: PSCustomObject[] } | null {
  for (let i = 0; i < o.patterns.length; i++) {
    if (o.simple) {
      const found = o.caseSensitive ? line.includes(o.patterns[i]) : line.toLowerCase().includes(o.patterns[i].toLowerCase());
      // A simple match leaves MatchInfo.Matches empty (SelectStringCommand.SimpleMatch).
      if (found) return { pattern: o.patterns[i], matches: [] };
      continue;
    }
    const regex = o.regexes![i];
    regex.lastIndex = 0;
    const first = regex.exec(line);
    if (!first) continue;
    const matches = [matchObject(first)];
    if (o.allMatches) {
      for (let m = regex.exec(line); m; m = regex.exec(line)) {
        if (m[0] === "") regex.lastIndex++;
        matches.push(matchObject(m));
      }
    }
    return { pattern: o.patterns[i], matches };
  }
  return null;
}

interface Found {
  lineNumber: number;
  line: string;
  pattern: string;
  matches: PSCustomObject[];
  pre: { n: number; text: string }[];
  post: { n: number; text: string }[];
}

/**
 * One source's lines (a file, or the input stream) scanned in order. A match waits until its -Context lines after
 * it have been read; `feed` returns the matches that are complete, `finish` the rest.
 */
class Scanner {
  lineNumber = 0;
  #pre: { n: number; text: string }[] = [];
  #pending: Found[] = [];
  #lastShown = 0;

  constructor(readonly options: Options, readonly path: string | null) {}

  feed(line: string): NotedScalar[] {
    const o = this.options;
    const n = ++this.lineNumber;
    for (const p of this.#pending) if (p.post.length < o.post) p.post.push({ n, text: line });
    const hit = findMatches(o, line);
    if ((hit !== null) !== o.notMatch) {
      this.#pending.push({ lineNumber: n, line, pattern: hit?.pattern ?? o.patterns[0], matches: hit?.matches ?? [], pre: [...this.#pre], post: [] });
    }
    if (o.pre > 0) {
      this.#pre.push({ n, text: line });
      if (this.#pre.length > o.pre) this.#pre.shift();
    }
    const ready: NotedScalar[] = [];
    while (this.#pending.length && this.#pending[0].post.length >= o.post) ready.push(this.#release());
    return ready;
  }

  finish(): NotedScalar[] {
    const rest: NotedScalar[] = [];
    while (this.#pending.length) rest.push(this.#release());
    return rest;
  }

  /**
   * PowerShell's MatchInfo. It shows, and converts to, its ToString() text: `path:line:text` (the text alone for piped
   * input), with -Context lines around it marked `> ` and `  `; scripts read its properties.
   */
  #release(): NotedScalar {
    const found = this.#pending.shift()!;
    const next = this.#pending[0]?.lineNumber ?? Infinity;
    // The display context leaves out lines another match already shows (MatchInfoContext.DisplayPreContext).
    const displayPre = found.pre.filter((l) => l.n > this.#lastShown);
    const displayPost = found.post.filter((l) => l.n < next);
    this.#lastShown = Math.max(found.lineNumber, ...displayPost.map((l) => l.n));
    const withContext = this.options.pre > 0 || this.options.post > 0;
    const text = (prefix: string, n: number, line: string) => prefix + (this.path === null ? line : `${this.path}:${n}:${line}`);
    const display = withContext
      ? [...displayPre.map((l) => text("  ", l.n, l.text)), text("> ", found.lineNumber, found.line), ...displayPost.map((l) => text("  ", l.n, l.text))].join("\n")
      : text("", found.lineNumber, found.line);
    const info = new PSCustomObject();
    info.typeNames = ["Microsoft.PowerShell.Commands.MatchInfo", "System.Object"];
    info.set("IgnoreCase", !this.options.caseSensitive);
    info.set("LineNumber", found.lineNumber);
    info.set("Line", found.line);
    info.set("Filename", this.path === null ? "InputStream" : this.path.slice(this.path.lastIndexOf("/") + 1));
    info.set("Path", this.path ?? "InputStream");
    info.set("Pattern", found.pattern);
    let context: PSCustomObject | null = null;
    if (withContext) {
      context = new PSCustomObject();
      context.set("PreContext", found.pre.map((l) => l.text));
      context.set("PostContext", found.post.map((l) => l.text));
      context.set("DisplayPreContext", displayPre.map((l) => l.text));
      context.set("DisplayPostContext", displayPost.map((l) => l.text));
    }
    info.set("Context", context);
    info.set("Matches", found.matches);
    return new NotedScalar(display, info);
  }
}

interface SelectState {
  options: Options;
  stream: Scanner;
  /** Nothing more to write: -Quiet has its answer, or -List its match from the input stream. */
  done: boolean;
  filesSearched: boolean;
}

/** The files -Path names (wildcards in the last segment expand) or -LiteralPath names, after -Include/-Exclude. */
function filesOf(ctx: CommandContext, params: Map<string, unknown>): string[] {
  const literal = params.has("LiteralPath");
  const include = enumerate(params.get("Include") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
  const exclude = enumerate(params.get("Exclude") ?? []).map((p) => wildcardToRegExp(toStr(p), false));
  const kept = (path: string) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return (include.length === 0 || include.some((p) => p.test(name))) && !exclude.some((p) => p.test(name));
  };
  const found = enumerate(params.get(literal ? "LiteralPath" : "Path")).map(toStr).flatMap((requested) => {
    if (!literal) return matches(ctx, requested, "Select-String");
    const path = resolvePath(ctx, requested);
    if (isFile(path) !== null) return [path];
    ctx.writeError(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${SELECT_STRING}`, "Select-String");
    return [];
  });
  // Directories are skipped, as pwsh does when a wildcard takes them in.
  return found.filter((path) => isFile(path) === true && kept(path));
}

/** True for a file, false for a directory, null when nothing is there. */
function isFile(path: string): boolean | null {
  try {
    return !Deno.statSync(path).isDirectory;
  } catch {
    return null;
  }
}

function linesOf(path: string): string[] {
  const lines = Deno.readTextFileSync(path).split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Writes what a source's scanner produced: MatchInfos, their lines (-Raw), or one $true (-Quiet); -List stops at one. */
function write(ctx: CommandContext, params: Map<string, unknown>, state: SelectState, scanner: Scanner, infos: NotedScalar[]): Maybe<void> {
  if (infos.length === 0 || state.done) return;
  if (params.get("Quiet")) {
    state.done = true;
    return ctx.emit(true);
  }
  const taken = params.get("List") ? infos.slice(0, 1) : infos;
  if (params.get("List")) state.done = scanner === state.stream;
  return ctx.emitAll(params.get("Raw") ? taken.map((info) => info.notes.get("Line")) : taken);
}

/** A Get-ChildItem / Get-Item object piped in: Select-String searches the file it names. */
const isFileObject = (value: unknown): value is PSCustomObject => value instanceof PSCustomObject && value.has("FullName") && value.has("Mode");

function searchFile(ctx: CommandContext, params: Map<string, unknown>, state: SelectState, path: string): Maybe<void> {
  if (state.done) return;
  const scanner = new Scanner(state.options, path);
  const results: NotedScalar[] = [];
  for (const line of linesOf(path)) {
    results.push(...scanner.feed(line));
    if (results.length && (params.get("List") || params.get("Quiet"))) break;
  }
  results.push(...scanner.finish());
  return write(ctx, params, state, scanner, results);
}

export const selectString: BuiltinCommand = {
  name: "Select-String",
  aliases: ["sls"],
  parameters: [
    { name: "Pattern", position: 0, type: "string[]", mandatory: true },
    { name: "Path", position: 1, type: "string[]" },
    { name: "LiteralPath", aliases: ["PSPath", "LP"], type: "string[]" },
    { name: "InputObject", pipeline: true, type: "object" },
    { name: "SimpleMatch", type: "switch" },
    { name: "CaseSensitive", aliases: ["ca"], type: "switch" },
    { name: "NotMatch", type: "switch" },
    { name: "AllMatches", type: "switch" },
    { name: "Quiet", aliases: ["q"], type: "switch" },
    { name: "List", type: "switch" },
    { name: "Raw", type: "switch" },
    { name: "NoEmphasis", type: "switch" },
    { name: "Include", type: "string[]" },
    { name: "Exclude", type: "string[]" },
    { name: "Context", type: "int[]" },
  ],
  begin(_ctx, params) {
    if (params.get("Raw") && params.get("Quiet")) {
      selectStringError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet");
    }
    const context = (params.get("Context") as number[] | undefined) ?? [];
    const negative = context.find((n) => n < 0);
    if (negative !== undefined) {
      selectStringError(`Cannot validate argument on parameter 'Context'. The ${negative} argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.`, "ParameterArgumentValidationError");
    }
    const raw = params.get("Raw") === true;
    const options: Options = {
      patterns: enumerate(params.get("Pattern")).map(toStr),
      regexes: null,
      simple: params.get("SimpleMatch") === true,
      caseSensitive: params.get("CaseSensitive") === true,
      notMatch: params.get("NotMatch") === true,
      allMatches: params.get("AllMatches") === true,
      // -Raw writes only the matching lines, so it ignores -Context.
      pre: raw ? 0 : context[0] ?? 0,
      post: raw ? 0 : context[1] ?? context[0] ?? 0,
    };
    return { options, stream: new Scanner(options, null), done: false, filesSearched: false } as SelectState;
  },
  process(ctx, params, input, state) {
    const s = state as SelectState;
    // Compiled here, not in begin, so an invalid pattern is reported at the command like -match's.
    s.options.regexes ??= s.options.simple ? [] : s.options.patterns.map((p) => toRegExp(p, s.options.caseSensitive, true));
    if (params.has("Path") || params.has("LiteralPath")) {
      if (s.filesSearched) return;
      s.filesSearched = true;
      return then(mapInOrder(filesOf(ctx, params), (file) => searchFile(ctx, params, s, file)), () => undefined);
    }
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null || s.done) return;
    if (isFileObject(value)) return value.get("Mode")?.toString().startsWith("d") ? undefined : searchFile(ctx, params, s, toStr(value.get("FullName")));
    return then(write(ctx, params, s, s.stream, s.stream.feed(toStr(value))), () => {
      if (s.done) ctx.stopUpstream();
    });
  },
  end(ctx, params, state) {
    const s = state as SelectState;
    return write(ctx, params, s, s.stream, s.stream.finish());
  },
};

/** Join-String's text for one object: its -Property (a name or a script block's first result), quoted or formatted. */
function joinText(ctx: CommandContext, params: Map<string, unknown>, value: unknown): Maybe<string> {
  const property = params.get("Property");
  const read: Maybe<unknown> = property === undefined || property === null
    ? value
    : property instanceof ScriptBlockValue
    ? then(ctx.invoke(property, value), (r) => r[0] ?? null)
    : getMember(value, toStr(property)) ?? null;
  return then(read, (item) => {
    if (params.get("SingleQuote")) return `'${toStr(item)}'`;
    if (params.get("DoubleQuote")) return `"${toStr(item)}"`;
    return params.has("FormatString") ? format(toStr(params.get("FormatString")), [item]) : toStr(item);
  });
}

export const joinString: BuiltinCommand = {
  name: "Join-String",
  parameters: [
    { name: "Property", position: 0, type: "object" },
    { name: "Separator", position: 1, type: "string" },
    { name: "OutputPrefix", aliases: ["op"], type: "string" },
    { name: "OutputSuffix", aliases: ["os"], type: "string" },
    { name: "SingleQuote", type: "switch" },
    { name: "DoubleQuote", type: "switch" },
    { name: "FormatString", type: "string" },
    // Formats numbers with the current culture instead of the invariant one; rsh's culture is en-US, which formats
    // as the invariant culture does, so the switch changes nothing here.
    { name: "UseCulture", type: "switch" },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: () => [] as string[],
  process(ctx, params, input, state) {
    // -InputObject takes an array (PSObject[]) whose elements are joined; $null objects are skipped (JoinStringCommand).
    const values = (input === undefined ? enumerate(params.get("InputObject") ?? null) : [input]).filter((v) => v !== null && v !== undefined);
    return then(mapInOrder(values, (value) => joinText(ctx, params, value)), (texts) => void (state as string[]).push(...texts));
  },
  end(ctx, params, state) {
    // Without -Separator the objects are joined with $OFS, which is unset (nothing between them) unless a script sets it.
    const separator = toStr(params.has("Separator") ? params.get("Separator") : ctx.scope.lookup("OFS")?.value ?? null);
    return ctx.emit(toStr(params.get("OutputPrefix") ?? "") + (state as string[]).join(separator) + toStr(params.get("OutputSuffix") ?? ""));
  },
};
