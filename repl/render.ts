/**
 * Draws the edit area: the prompt and the (highlighted) input, continuation lines after `>> `, and an optional block
 * below (the completion list, the history search). Each frame goes back to the area's first row, clears to the end
 * of the screen and writes everything again — a 200-character line is a few hundred bytes, and redrawing whole
 * avoids the drift partial updates suffer when lines wrap.
 */

/** What one frame shows. */
export interface Frame {
  prompt: string;
  continuationPrompt: string;
  /** The input as typed. */
  text: string;
  /** The input as drawn (one string per line of `text`, with colours). */
  drawn: string[];
  cursor: number;
  /** Lines under the input (already fitted to the width). */
  below: string[];
}

// deno-lint-ignore no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/** The number of columns `text` takes (colour codes take none). */
export function visibleLength(text: string): number {
  return width(text.includes("\x1b") ? text.replace(SGR, "") : text);
}

/** East Asian wide and fullwidth characters and emoji: two columns each (as wcwidth). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{M}\u200b-\u200f]/u;

/** The columns plain `text` takes: combining marks none, wide characters two, the rest one per code point. */
export function width(text: string): number {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7e]*$/.test(text)) return text.length;
  let n = 0;
  for (const ch of text) n += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Renders frames to a terminal `columns` wide, remembering where it left the cursor. */
export class Renderer {
  /** The cursor's row counted from the edit area's first row. */
  #cursorRow = 0;

  constructor(readonly write: (text: string) => void, readonly columns: () => number) {}

  /** Forgets the previous frame (a new prompt, or the screen was cleared). */
  reset(): void {
    this.#cursorRow = 0;
  }

  draw(frame: Frame): void {
    const columns = Math.max(1, this.columns());
    let out = "\r" + (this.#cursorRow > 0 ? `\x1b[${this.#cursorRow}A` : "") + "\x1b[J";
    const lines = frame.text.split("\n");
    let row = 0;
    let cursorRow = 0;
    let cursorCol = 0;
    let offset = 0;
    let endCol = 0;
    for (let i = 0; i < lines.length; i++) {
      const prefix = i === 0 ? frame.prompt : frame.continuationPrompt;
      const start = visibleLength(prefix);
      if (i > 0) out += "\r\n";
      out += prefix + (frame.drawn[i] ?? lines[i]);
      if (frame.cursor >= offset && frame.cursor <= offset + lines[i].length) {
        const col = start + width(lines[i].slice(0, frame.cursor - offset));
        cursorRow = row + Math.floor(col / columns);
        cursorCol = col % columns;
      }
      endCol = start + width(lines[i]);
      offset += lines[i].length + 1;
      if (i < lines.length - 1) row += Math.max(1, Math.ceil(endCol / columns));
    }
    row += Math.floor(endCol / columns);
    // A line that exactly fills the width leaves the terminal waiting to wrap; step onto the next row ourselves.
    if (endCol > 0 && endCol % columns === 0) out += "\r\n";
    for (const line of frame.below) {
      out += "\r\n" + line;
      row += 1 + Math.floor(Math.max(0, visibleLength(line) - 1) / columns);
    }
    if (row > cursorRow) out += `\x1b[${row - cursorRow}A`;
    out += "\r" + (cursorCol > 0 ? `\x1b[${cursorCol}C` : "");
    this.#cursorRow = cursorRow;
    this.write(out);
  }

  /** Leaves the area: the cursor goes under the input (after `tail`, e.g. "^C"), ready for output. */
  finish(frame: Frame, tail = ""): void {
    this.draw({ ...frame, below: [], cursor: frame.text.length });
    this.write(tail + "\r\n");
    this.#cursorRow = 0;
  }
}
