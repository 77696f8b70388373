/**
 * The line editor: a state machine fed one key at a time (repl/keys.ts) that draws through a Renderer. Emacs keys as
 * bash's readline and PSReadLine's Emacs mode (PSReadLine's default on Linux): Ctrl+A/E/B/F, Alt+B/F word jumps,
 * Ctrl+K/U/W and Alt+D kill, Ctrl+Y yanks, Up/Down walk the history, Ctrl+R searches it, Tab completes. Enter on an
 * unfinished statement (the parser says so) starts a `>> ` line inside the same entry, so history keeps it whole.
 */
import type { Key } from "./keys.ts";
import { type Frame, Renderer, visibleLength } from "./render.ts";
import type { History } from "./history.ts";
import { type Completion, CompletionMenu } from "./completion_menu.ts";

export interface EditorOptions {
  write(text: string): void;
  columns(): number;
  /** Colours the input, one string per line; plain text without it. */
  highlight?(text: string): string[];
  history?: History;
  /** Completions for the input at the cursor (asked of the session the REPL talks to); `begin` may give another. */
  complete?: Completer;
  /** True when `text` is an unfinished statement: Enter then starts a continuation line. */
  continues?(text: string): boolean;
  /** Whether to use colours and inverse video (NO_COLOR turns them off). */
  color?: boolean;
}

export type Completer = (text: string, cursor: number) => Promise<Completion | null>;

/** How a read ended: a line to run, end of input (Ctrl+D on an empty line), or Ctrl+C. */
export type ReadResult = { kind: "line"; text: string } | { kind: "eof" } | { kind: "interrupt" };

const WORD = /[\p{L}\p{N}_$]/u;

export class LineEditor {
  #renderer: Renderer;
  #prompt = "";
  #text = "";
  #cursor = 0;
  #killed = "";
  /** Index into the history while walking it (entries.length: the line being typed). */
  #historyIndex = 0;
  #draft = "";
  #search: { query: string; index: number; failed: boolean } | null = null;
  #menu: CompletionMenu | null = null;
  #completer: Completer | undefined;

  constructor(readonly options: EditorOptions) {
    this.#renderer = new Renderer(options.write, options.columns);
  }

  /**
   * Starts reading an entry after `prompt` (whose lines before its last are written once, above the edit area), with
   * `complete` for Tab.
   */
  begin(prompt: string, complete = this.options.complete): void {
    this.#completer = complete;
    const lastBreak = prompt.lastIndexOf("\n");
    if (lastBreak >= 0) this.options.write(prompt.slice(0, lastBreak).replaceAll("\n", "\r\n") + "\r\n");
    this.#prompt = prompt.slice(lastBreak + 1);
    this.#text = "";
    this.#cursor = 0;
    this.#historyIndex = this.options.history?.entries.length ?? 0;
    this.#search = null;
    this.#menu = null;
    this.#renderer.reset();
    this.#draw();
  }

  get text(): string {
    return this.#text;
  }

  get cursor(): number {
    return this.#cursor;
  }

  /** Handles one key; returns how the read ended, or null while it goes on. */
  async key(key: Key): Promise<ReadResult | null> {
    if (this.#search) {
      if (this.#searchKey(key)) return this.#draw();
    }
    if (key.name === "tab" && this.#completer) {
      await this.#complete(key.shift === true);
      return this.#draw();
    }
    this.#menu = null;
    const result = this.#edit(key);
    if (result) return result;
    return this.#draw();
  }

  #edit(key: Key): ReadResult | null {
    const text = this.#text;
    const c = this.#cursor;
    const lineStart = text.lastIndexOf("\n", c - 1) + 1;
    const nextBreak = text.indexOf("\n", c);
    const lineEnd = nextBreak < 0 ? text.length : nextBreak;
    if (key.name === "text" || key.name === "paste") {
      this.#insert(key.text!.replace(/\r\n?/g, "\n"));
      return null;
    }
    if (key.alt) {
      if (key.name === "b" || key.name === "left") this.#cursor = wordStart(text, c);
      else if (key.name === "f" || key.name === "right") this.#cursor = wordEnd(text, c);
      else if (key.name === "d") this.#kill(c, wordEnd(text, c));
      else if (key.name === "backspace") this.#kill(wordStart(text, c), c);
      else if (key.name === "enter") this.#insert("\n");
      return null;
    }
    const name = key.ctrl ? `C-${key.name}` : key.name;
    switch (name) {
      case "enter": {
        if (this.options.continues?.(text)) {
          this.#insert("\n");
          return null;
        }
        this.#renderer.finish(this.#frame());
        this.options.history?.add(text);
        return { kind: "line", text };
      }
      case "C-c":
        this.#renderer.finish(this.#frame(), "^C");
        return { kind: "interrupt" };
      case "C-d":
        if (text === "") {
          this.#renderer.finish(this.#frame());
          return { kind: "eof" };
        }
        this.#text = text.slice(0, c) + text.slice(nextChar(text, c));
        return null;
      case "delete":
        this.#text = text.slice(0, c) + text.slice(nextChar(text, c));
        return null;
      case "backspace":
      case "C-h":
        if (c > 0) this.#kill(previousChar(text, c), c, false);
        return null;
      case "left":
      case "C-b":
        this.#cursor = previousChar(text, c);
        return null;
      case "C-left":
        this.#cursor = wordStart(text, c);
        return null;
      case "right":
      case "C-f":
        this.#cursor = nextChar(text, c);
        return null;
      case "C-right":
        this.#cursor = wordEnd(text, c);
        return null;
      case "home":
      case "C-a":
        this.#cursor = lineStart;
        return null;
      case "end":
      case "C-e":
        this.#cursor = lineEnd;
        return null;
      case "C-k":
        this.#kill(c, lineEnd === c && nextBreak >= 0 ? c + 1 : lineEnd);
        return null;
      case "C-u":
        this.#kill(lineStart, c);
        return null;
      case "C-w": {
        // unix-word-rubout: back to the previous whitespace, as readline.
        let start = c;
        while (start > 0 && /\s/.test(text[start - 1])) start--;
        while (start > 0 && !/\s/.test(text[start - 1])) start--;
        this.#kill(start, c);
        return null;
      }
      case "C-y":
        this.#insert(this.#killed);
        return null;
      case "C-l":
        this.options.write("\x1b[H\x1b[2J");
        this.#renderer.reset();
        return null;
      case "up":
      case "C-p":
        // Within an entry being typed Up/Down move between its lines; a recalled one is stepped over whole.
        if (lineStart > 0 && !this.#walking()) this.#cursor = verticalMove(text, c, -1);
        else this.#walkHistory(-1);
        return null;
      case "down":
      case "C-n":
        if (nextBreak >= 0 && !this.#walking()) this.#cursor = verticalMove(text, c, 1);
        else this.#walkHistory(1);
        return null;
      case "C-r":
        if (this.#historyIndex === (this.options.history?.entries.length ?? 0)) this.#draft = text;
        this.#search = { query: "", index: this.#historyIndex, failed: false };
        return null;
      default:
        return null;
    }
  }

  #insert(s: string): void {
    this.#text = this.#text.slice(0, this.#cursor) + s + this.#text.slice(this.#cursor);
    this.#cursor += s.length;
  }

  #kill(start: number, end: number, keep = true): void {
    if (end <= start) return;
    if (keep) this.#killed = this.#text.slice(start, end);
    this.#text = this.#text.slice(0, start) + this.#text.slice(end);
    this.#cursor = start;
  }

  #walking(): boolean {
    return this.#historyIndex < (this.options.history?.entries.length ?? 0);
  }

  #walkHistory(step: number): void {
    const entries = this.options.history?.entries ?? [];
    const index = this.#historyIndex + step;
    if (index < 0 || index > entries.length) return;
    if (this.#historyIndex === entries.length) this.#draft = this.#text;
    this.#historyIndex = index;
    this.#text = index === entries.length ? this.#draft : entries[index];
    this.#cursor = this.#text.length;
  }

  /** A key while searching the history (Ctrl+R); false when the key ends the search and is handled as usual. */
  #searchKey(key: Key): boolean {
    const search = this.#search!;
    const entries = this.options.history?.entries ?? [];
    const find = (from: number) => {
      const query = search.query.toLowerCase();
      for (let i = from; i >= 0; i--) {
        const at = entries[i]?.toLowerCase().lastIndexOf(query) ?? -1;
        if (at >= 0) {
          search.index = this.#historyIndex = i;
          search.failed = false;
          this.#text = entries[i];
          this.#cursor = at;
          return;
        }
      }
      search.failed = true;
    };
    if (key.name === "text") {
      search.query += key.text;
      find(Math.min(search.index, entries.length - 1));
    } else if (key.name === "backspace") {
      search.query = search.query.slice(0, -1);
      find(entries.length - 1);
    } else if (key.ctrl && key.name === "r") {
      find(search.index - 1);
    } else if (key.ctrl && key.name === "g") {
      this.#search = null;
      this.#text = this.#draft;
      this.#cursor = this.#text.length;
    } else {
      this.#search = null;
      // Escape only leaves the search; other keys also act on the line found (Enter runs it), as readline.
      return key.name === "escape";
    }
    return true;
  }

  async #complete(backwards: boolean): Promise<void> {
    if (this.#menu) {
      this.#apply(this.#menu.step(backwards ? -1 : 1));
      return;
    }
    const completion = await this.#completer!(this.#text, this.#cursor);
    if (!completion || completion.matches.length === 0) return;
    this.#menu = new CompletionMenu(completion);
    this.#apply(this.#menu.step(backwards ? -1 : 1));
    if (completion.matches.length === 1) this.#menu = null;
  }

  #apply(change: { start: number; end: number; text: string }): void {
    this.#text = this.#text.slice(0, change.start) + change.text + this.#text.slice(change.end);
    this.#cursor = change.start + change.text.length;
  }

  #frame(): Frame {
    const color = this.options.color ?? true;
    const below: string[] = [];
    if (this.#search) {
      const s = this.#search;
      below.push(`${s.failed ? "failed " : ""}bck-i-search: ${s.query}_`);
    } else if (this.#menu) {
      below.push(...this.#menu.lines(this.options.columns(), color));
    }
    return {
      prompt: this.#prompt,
      continuationPrompt: ">> ",
      text: this.#text,
      drawn: this.options.highlight?.(this.#text) ?? this.#text.split("\n"),
      cursor: this.#cursor,
      below: below.map((line) => fit(line, this.options.columns())),
    };
  }

  #draw(): null {
    this.#renderer.draw(this.#frame());
    return null;
  }
}

/** Where the character before `c` starts (an emoji is two UTF-16 units: never stop between them). */
function previousChar(text: string, c: number): number {
  if (c <= 0) return 0;
  return c >= 2 && /[\udc00-\udfff]/.test(text[c - 1]) && /[\ud800-\udbff]/.test(text[c - 2]) ? c - 2 : c - 1;
}

function nextChar(text: string, c: number): number {
  if (c >= text.length) return text.length;
  return /[\ud800-\udbff]/.test(text[c]) && /[\udc00-\udfff]/.test(text[c + 1] ?? "") ? c + 2 : c + 1;
}

function wordStart(text: string, c: number): number {
  while (c > 0 && !WORD.test(text[c - 1])) c--;
  while (c > 0 && WORD.test(text[c - 1])) c--;
  return c;
}

function wordEnd(text: string, c: number): number {
  while (c < text.length && !WORD.test(text[c])) c++;
  while (c < text.length && WORD.test(text[c])) c++;
  return c;
}

/** The cursor one line up or down in a multi-line entry, at the same column where the line is long enough. */
function verticalMove(text: string, c: number, step: -1 | 1): number {
  const lineStart = text.lastIndexOf("\n", c - 1) + 1;
  const column = c - lineStart;
  if (step < 0) {
    const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    return Math.min(prevStart + column, lineStart - 1);
  }
  const nextStart = text.indexOf("\n", c) + 1;
  const nextEnd = text.indexOf("\n", nextStart);
  return Math.min(nextStart + column, nextEnd < 0 ? text.length : nextEnd);
}

/** Cuts a line (that may carry colour codes) to `width` columns. */
function fit(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  return line.includes("\x1b") ? line : line.slice(0, Math.max(0, width - 1)) + "…";
}
