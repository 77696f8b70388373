/**
 * Text in screen cells, for tables and lists (PowerShell's DisplayCells and StringManipulationHelper): East Asian
 * wide characters take two cells; text that does not fit is cut with `…` or broken into lines.
 */

export type Align = "left" | "right" | "center";

export const ELLIPSIS = "\u2026";

function charCells(code: number): number {
  if (code < 0x1100) return 1;
  const wide = code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The screen cells `text` takes. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += charCells(ch.codePointAt(0)!);
  return cells;
}

/** The longest start (or end) of `text` that fits in `cells`. */
export function takeCells(text: string, cells: number, fromEnd = false): string {
  const chars = [...text];
  if (fromEnd) chars.reverse();
  let used = 0;
  let count = 0;
  for (const ch of chars) {
    used += charCells(ch.codePointAt(0)!);
    if (used > cells) break;
    count++;
  }
  const kept = chars.slice(0, count);
  return (fromEnd ? kept.reverse() : kept).join("");
}

/** Aligns `text` in `width` cells, cutting it with `…` (at the start when right-aligned) when it does not fit. */
export function fit(text: string, width: number, align: Align, pad: boolean): string {
  let used = displayWidth(text);
  if (used > width) {
    text = align === "right" ? ELLIPSIS + takeCells(text, width - 1, true) : takeCells(text, width - 1) + ELLIPSIS;
    used = displayWidth(text);
  }
  const space = Math.max(width - used, 0);
  if (align === "right") return " ".repeat(space) + text;
  const left = align === "center" ? Math.floor(space / 2) : 0;
  return " ".repeat(left) + text + (pad ? " ".repeat(space - left) : "");
}

/**
 * The lines `text` takes in `cells` columns (GenerateLinesWithWordWrap, the en culture's): each line of the text on
 * its own; words, each with the space after it, fill a line until the next does not fit; a word longer than a line
 * is broken where the line ends.
 */
export function generateLines(text: string, cells: number): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\r/g, "").split("\n")) {
    if (displayWidth(line) <= cells) {
      out.push(line);
      continue;
    }
    let current = "";
    let left = cells;
    // A piece goes on the current line when it fits in what is left, else it starts the next line.
    const place = (piece: string, width: number) => {
      if (width > left) {
        out.push(current);
        current = piece;
        left = cells - width;
      } else {
        current += piece;
        left -= width;
      }
    };
    const words = line.split(" ");
    words.forEach((word, i) => {
      const piece = i < words.length - 1 ? word + " " : word;
      const width = displayWidth(piece);
      if (width <= cells) place(piece, width);
      else for (const ch of piece) place(ch, Math.min(charCells(ch.codePointAt(0)!), cells));
    });
    out.push(current);
  }
  return out;
}
