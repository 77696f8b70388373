/**
 * What Tab does with the session's completions. Our choice, close to PSReadLine's MenuComplete and zsh's menu
 * completion: one match is inserted; with several, the first is inserted and all are listed under the line (the
 * current one in inverse video), each further Tab puts the next in its place and Shift+Tab the previous; any other
 * key keeps the current choice and closes the list.
 */

/** A TabExpansion2 result as the REPL uses it (CommandCompletion: ReplacementIndex/Length, CompletionMatches). */
export interface Completion {
  start: number;
  length: number;
  matches: { text: string; list: string }[];
}

/** Rows of the list at most; the rest is counted in a last line. */
const MAX_ROWS = 10;

export class CompletionMenu {
  #index = -1;
  #length: number;

  constructor(readonly completion: Completion) {
    this.#length = completion.length;
  }

  /** Moves to the next (or previous) match; returns the edit that puts it in the input. */
  step(by: 1 | -1): { start: number; end: number; text: string } {
    const count = this.completion.matches.length;
    this.#index = this.#index < 0 && by < 0 ? count - 1 : (this.#index + by + count) % count;
    const text = this.completion.matches[this.#index].text;
    const start = this.completion.start;
    const change = { start, end: start + this.#length, text };
    this.#length = text.length;
    return change;
  }

  /** The list in columns as wide as the longest item, filled down then across (as bash and PSReadLine show it). */
  lines(width: number, color: boolean): string[] {
    const items = this.completion.matches.map((m) => m.list);
    const cell = Math.min(width, Math.max(...items.map((i) => i.length)) + 2);
    const perRow = Math.max(1, Math.floor(width / cell));
    const rows = Math.ceil(items.length / perRow);
    const shown = Math.min(rows, MAX_ROWS);
    const lines: string[] = [];
    for (let r = 0; r < shown; r++) {
      let line = "";
      for (let c = 0; c < perRow; c++) {
        const i = c * rows + r;
        if (i >= items.length) break;
        const item = items[i].slice(0, cell - 1).padEnd(c === perRow - 1 ? 0 : cell);
        line += i === this.#index && color ? `\x1b[7m${item.trimEnd()}\x1b[0m${item.slice(item.trimEnd().length)}` : item;
      }
      lines.push(line.trimEnd());
    }
    if (rows > shown) lines.push(`… ${items.length - shown * perRow} more`);
    return lines;
  }
}
