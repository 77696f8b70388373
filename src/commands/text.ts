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
import { encodingOf, readEncoded } from "./encoding.ts";
import { resolvePath } from "./files.ts";
import { matches } from "./items.ts";
import { containsUnder } from "./collation.ts";
import { oneSetOf } from "./parameter_sets.ts";

const SELECT_STRING = "Microsoft.PowerShell.Commands.SelectStringCommand";
const MATCH_INFO = "Microsoft.PowerShell.Commands.MatchInfo";

function selectStringError(message: string, id: string): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},${SELECT_STRING}`, "InvalidArgument", null, null, null, "Select-String"));
}

/**
 * The capture groups of a pattern in JavaScript's numbering (1, 2, …): each one's name, or null when unnamed.
 * Escapes and character classes are skipped; `(?` opens no capture unless it is `(?<name>` / `(?'name'`.
 */
function captureNames(pattern: string): (string | null)[] {
  const names: (string | null)[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      const named = /^\?(?:<(?![=!])|')([A-Za-z_]\w*)/.exec(pattern.slice(i + 1));
      if (named) names.push(named[1]);
      else if (pattern[i + 1] !== "?") names.push(null);
    }
  }
  return names;
}

/**
 * A System.Text.RegularExpressions.Match as scripts read it (Value, Index, Length, Groups). .NET numbers the unnamed
 * groups first and the named ones after them, so Groups is reordered from JavaScript's left-to-right numbering.
 */
function matchObject(m: RegExpExecArray, names: (string | null)[]): PSCustomObject {
  const group = (name: string, value: string | undefined, index: number) => {
    const g = new PSCustomObject();
    g.set("Success", value !== undefined);
    g.set("Name", name);
    g.set("Index", index);
    g.set("Length", value?.length ?? 0);
    g.set("Value", value ?? "");
    return g;
  };
  const at = (i: number) => (m[i] === undefined ? 0 : m.input.indexOf(m[i], m.index));
  const numbered = names.flatMap((name, i) => (name === null ? [i + 1] : []));
  const named = names.flatMap((name, i) => (name === null ? [] : [i + 1]));
  const groups = [group("0", m[0], m.index), ...numbered.map((g, k) => group(String(k + 1), m[g], at(g))), ...named.map((g) => group(names[g - 1]!, m[g], at(g)))];
  const match = group("0", m[0], m.index);
  match.set("Groups", groups);
  return match;
}

interface Options {
  patterns: string[];
  regexes: RegExp[] | null;
  /** Each pattern's capture group names (captureNames), for the Match objects' Groups. */
  groups: (string | null)[][];
  simple: boolean;
  /** -SimpleMatch's test (by -Culture's rules). */
  contains: (line: string, pattern: string) => boolean;
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
      const found = o.contains(line, o.patterns[i]);
      // A simple match leaves MatchInfo.Matches empty (SelectStringCommand.SimpleMatch).
      if (found) return { pattern: o.patterns[i], matches: [] };
      continue;
    }
    const regex = o.regexes![i];
    regex.lastIndex = 0;
    const first = regex.exec(line);
    if (!first) continue;
    const matches = [matchObject(first, o.groups[i])];
    if (o.allMatches) {
      for (let m = regex.exec(line); m; m = regex.exec(line)) {
        if (m[0] === "") regex.lastIndex++;
        matches.push(matchObject(m, o.groups[i]));
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
    info.typeNames = [MATCH_INFO, "System.Object"];
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

/**
 * The files to search, resolved before any is read (SelectStringCommand.ResolveFilePaths): -Path expands wildcards
 * and refuses a missing path with a terminating PathNotFound error; -LiteralPath takes the names as they are.
 */
function filesOf(ctx: CommandContext, params: Map<string, unknown>): string[] {
  const literal = params.has("LiteralPath");
  return enumerate(params.get(literal ? "LiteralPath" : "Path")).map(toStr).flatMap((requested) => {
    const path = resolvePath(ctx, requested);
    if (literal) return [path];
    const slash = path.lastIndexOf("/");
    if (/[*?[]/.test(path.slice(slash + 1))) return matches(ctx, requested, "Select-String");
    if (isFile(path) === null) {
      throw new RuntimeError(new ErrorRecord(`Cannot find path '${path}' because it does not exist.`, `PathNotFound,${SELECT_STRING}`, "ObjectNotFound", null, null, path, "Select-String"));
    }
    return [path];
  });
}

/** True for a file, false for a directory, null when nothing is there. */
function isFile(path: string): boolean | null {
  try {
    return !Deno.statSync(path).isDirectory;
  } catch {
    return null;
  }
}

/** -Include/-Exclude, matched against the whole path (SelectStringCommand.MeetsIncludeExcludeCriteria). */
function included(params: Map<string, unknown>, path: string): boolean {
  const test = (name: string) => enumerate(params.get(name) ?? []).some((p) => wildcardToRegExp(toStr(p), false).test(path));
  return (!params.has("Include") || test("Include")) && !test("Exclude");
}

/**
 * Writes what a scanner released (FlushTrackerQueue): the lines for -Raw, one $true for -Quiet, the first match for
 * -List, else every MatchInfo. Returns whether there was anything.
 */
function flush(ctx: CommandContext, params: Map<string, unknown>, infos: NotedScalar[]): { found: boolean; written: Maybe<void> } {
  if (infos.length === 0) return { found: false, written: undefined };
  if (params.get("Raw")) return { found: true, written: ctx.emitAll(infos.map((info) => info.notes.get("Line"))) };
  if (params.get("Quiet") && !params.get("List")) return { found: true, written: ctx.emit(true) };
  return { found: true, written: params.get("List") ? ctx.emit(infos[0]) : ctx.emitAll(infos) };
}

/** Searches one file; -Quiet and -List stop at its first match. Returns whether it matched. */
function searchFile(ctx: CommandContext, params: Map<string, unknown>, state: SelectState, path: string, mayBeDirectory: boolean): Maybe<boolean> {
  if (!included(params, path)) return false;
  let lines: string[];
  try {
    if (mayBeDirectory && isFile(path) === false) return false;
    lines = readEncoded(path, encodingOf(params, "Select-String")).split(/\r?\n/);
  } catch (e) {
    const reason = isFile(path) === false ? `Access to the path '${path}' is denied.` : isFile(path) === null ? `Could not find file '${path}'.` : String((e as Error).message);
    ctx.writeError(`The file ${path} cannot be read: ${reason}`, `ProcessingFile,${SELECT_STRING}`, "Select-String");
    return false;
  }
  if (lines[lines.length - 1] === "") lines.pop();
  const scanner = new Scanner(state.options, path);
  const results: NotedScalar[] = [];
  for (const line of lines) {
    results.push(...scanner.feed(line));
    if (results.length && (params.get("Quiet") || params.get("List"))) break;
  }
  const { found, written } = flush(ctx, params, [...results, ...scanner.finish()]);
  return then(written, () => found);
}

/**
 * The files' part of ProcessRecord: each file in turn until -Quiet has its answer; with -Quiet and no match
 * anywhere the answer is $false (nothing with -List).
 */
function searchFiles(ctx: CommandContext, params: Map<string, unknown>, state: SelectState, files: string[], mayBeDirectory: boolean): Maybe<void> {
  const next = (i: number): Maybe<void> => {
    if (i === files.length) return params.get("Quiet") && !params.get("List") ? ctx.emit(false) : undefined;
    return then(searchFile(ctx, params, state, files[i], mayBeDirectory), (found) => (found && params.get("Quiet") ? undefined : next(i + 1)));
  };
  return next(0);
}

/** A Get-ChildItem / Get-Item object piped in: Select-String searches the file it names. */
const isFileObject = (value: unknown): value is PSCustomObject => value instanceof PSCustomObject && value.has("FullName") && value.has("Mode");

/** A MatchInfo piped in (filter mode): its Line is matched and the MatchInfo itself passed on. */
const isMatchInfo = (value: unknown): value is NotedScalar => value instanceof NotedScalar && value.notes.typeNames?.[0] === MATCH_INFO;

interface SelectState {
  options: Options;
  stream: Scanner;
  /** -Quiet has its answer from the input stream: the rest is not read. */
  done: boolean;
  filesSearched: boolean;
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
    // Used by -SimpleMatch only (a regular expression matches by its own rules), as in pwsh.
    { name: "Culture", type: "string" },
    { name: "CaseSensitive", aliases: ["ca"], type: "switch" },
    { name: "NotMatch", type: "switch" },
    { name: "AllMatches", type: "switch" },
    { name: "Quiet", aliases: ["q"], type: "switch" },
    { name: "List", type: "switch" },
    { name: "Raw", type: "switch" },
    // rsh never highlights the matched text, so asking it not to (-NoEmphasis) changes nothing.
    { name: "NoEmphasis", type: "switch" },
    { name: "Include", type: "string[]" },
    { name: "Exclude", type: "string[]" },
    { name: "Context", type: "int[]" },
    { name: "Encoding", type: "string" },
  ],
  begin(ctx, params) {
    if (params.get("Raw") && params.get("Quiet")) {
      selectStringError("Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.", "AmbiguousParameterSet");
    }
    encodingOf(params, "Select-String");
    const context = (params.get("Context") as number[] | undefined) ?? [];
    const negative = context.find((n) => n < 0);
    if (negative !== undefined) {
      selectStringError(`Cannot validate argument on parameter 'Context'. The ${negative} argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.`, "ParameterArgumentValidationError");
    }
    const raw = params.get("Raw") === true;
    const options: Options = {
      patterns: enumerate(params.get("Pattern")).map(toStr),
      regexes: null,
      groups: enumerate(params.get("Pattern")).map((p) => captureNames(toStr(p))),
      simple: params.get("SimpleMatch") === true,
      contains: containsUnder(ctx, params.has("Culture") ? toStr(params.get("Culture")) : null, params.get("CaseSensitive") === true),
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
    if (s.done) return;
    // Compiled here, not in begin, so an invalid pattern is reported at the command like -match's.
    s.options.regexes ??= s.options.simple ? [] : s.options.patterns.map((p) => toRegExp(p, s.options.caseSensitive, true));
    if (params.has("Path") || params.has("LiteralPath")) {
      if (s.filesSearched) return;
      s.filesSearched = true;
      return searchFiles(ctx, params, s, filesOf(ctx, params), params.has("Path"));
    }
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null) return;
    if (isFileObject(value)) return String(value.get("Mode")).startsWith("d") ? undefined : searchFiles(ctx, params, s, [toStr(value.get("FullName"))], false);
    let released: NotedScalar[];
    if (isMatchInfo(value)) {
      s.stream.lineNumber++;
      const hit = findMatches(s.options, toStr(value.notes.get("Line"))) !== null;
      released = hit !== s.options.notMatch ? [value] : [];
    } else released = s.stream.feed(toStr(value));
    const { found, written } = flush(ctx, params, released);
    // -Quiet needs nothing more once it has answered: the commands before this one stop (Select-Object -First's way).
    if (found && params.get("Quiet") && !params.get("List")) {
      s.done = true;
      return then(written, () => ctx.stopUpstream());
    }
    return written;
  },
  end(ctx, params, state) {
    const s = state as SelectState;
    if (!s.done) return flush(ctx, params, s.stream.finish()).written;
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
  begin(ctx, params) {
    oneSetOf(ctx, params, [["SingleQuote"], ["DoubleQuote"], ["FormatString"]], "Join-String");
    return [] as string[];
  },
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
