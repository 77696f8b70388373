/**
 * A tiny terminal for tests: it plays the escape codes the line editor writes (cursor moves, erase, wrap at the width
 * with xterm's pending-wrap rule) onto a grid, so a test reads the screen a user would see and where the cursor is.
 */
import { width as cellsOf } from "../../repl/render.ts";

export class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  #pendingWrap = false;

  constructor(readonly width = 80) {}

  write(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      if (ch.length === 2) i++;
      if (ch === "\x1b") {
        const m = /^\[([0-9;]*)([A-Za-z])/.exec(text.slice(i + 1));
        if (!m) continue;
        i += m[0].length;
        this.#csi(m[2], m[1]);
      } else if (ch === "\r") {
        this.col = 0;
        this.#pendingWrap = false;
      } else if (ch === "\n") {
        this.#down();
        this.#pendingWrap = false;
      } else {
        if (this.#pendingWrap) {
          this.col = 0;
          this.#down();
          this.#pendingWrap = false;
        }
        // A wide character takes two cells (the second left empty); one that does not fit wraps first, as xterm.
        const cells = cellsOf(ch);
        if (cells === 2 && this.col === this.width - 1) {
          this.col = 0;
          this.#down();
        }
        this.#line()[this.col] = ch;
        if (cells === 2) this.#line()[++this.col] = "";
        if (this.col === this.width - 1) this.#pendingWrap = true;
        else this.col++;
      }
    }
  }

  /** The screen's lines, trailing spaces removed, trailing empty lines dropped. */
  text(): string {
    const lines = this.rows.map((r) => Array.from(r, (c) => c ?? " ").join("").trimEnd());
    while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    return lines.join("\n");
  }

  #line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  #down(): void {
    this.row++;
    this.#line();
  }

  #csi(final: string, param: string): void {
    const n = Number(param || 1);
    this.#pendingWrap = false;
    if (final === "A") this.row = Math.max(0, this.row - n);
    else if (final === "B") this.row += n;
    else if (final === "C") this.col = Math.min(this.width - 1, this.col + n);
    else if (final === "D") this.col = Math.max(0, this.col - n);
    else if (final === "H") this.row = this.col = 0;
    else if (final === "J") {
      if (param === "2") this.rows = [[]];
      else {
        this.#line().length = this.col;
        this.rows.length = this.row + 1;
      }
    } else if (final === "K") this.#line().length = this.col;
  }
}
