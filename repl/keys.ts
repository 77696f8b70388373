/**
 * Key events decoded from a terminal's raw bytes: printable text, control keys (Ctrl+letter arrives as 1–26), and the
 * escape sequences xterm, tmux and the Linux console send for arrows, Home/End, Delete and Alt+key (ESC prefix).
 */

/**
 * One key press. `name` is a letter for Ctrl/Alt+letter, a key name otherwise, "text" for typed characters, or
 * "paste" for a bracketed paste.
 */
export interface Key {
  name: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** The characters typed or pasted (names "text" and "paste"). */
  text?: string;
}

/** CSI / SS3 final characters → key names. */
const FINAL: Record<string, string> = { A: "up", B: "down", C: "right", D: "left", H: "home", F: "end", Z: "tab" };
/** `ESC [ n ~` numbers → key names (1 and 7 are Home on different terminals, 4 and 8 End). */
const TILDE: Record<string, string> = { "1": "home", "7": "home", "4": "end", "8": "end", "3": "delete", "2": "insert" };

/** The markers a terminal puts around pasted text once bracketed paste is on (`ESC [ ? 2004 h`). */
export const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

const CONTROL: Record<number, Key> = {
  9: { name: "tab" },
  10: { name: "enter" },
  13: { name: "enter" },
  127: { name: "backspace" },
  8: { name: "backspace" },
  27: { name: "escape" },
};

/**
 * Decodes a stream of chunks into keys. An escape sequence split across two reads is kept until the next chunk; a
 * lone ESC at the end of a chunk is the Escape key (a terminal sends a whole sequence in one write).
 */
export class KeyDecoder {
  #decoder = new TextDecoder();
  #pending = "";

  decode(bytes: Uint8Array): Key[] {
    const text = this.#pending + this.#decoder.decode(bytes, { stream: true });
    this.#pending = "";
    const keys: Key[] = [];
    let i = 0;
    const pushText = (s: string) => {
      const last = keys[keys.length - 1];
      if (last?.name === "text") last.text += s;
      else keys.push({ name: "text", text: s });
    };
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (text.startsWith(PASTE_START, i)) {
        // Bracketed paste: everything up to the end marker is typed text, line breaks included (not Enter).
        const end = text.indexOf(PASTE_END, i + PASTE_START.length);
        if (end < 0) {
          this.#pending = text.slice(i);
          break;
        }
        keys.push({ name: "paste", text: text.slice(i + PASTE_START.length, end) });
        i = end + PASTE_END.length;
        continue;
      }
      if (code === 27 && i + 1 < text.length) {
        const sequence = escapeSequence(text, i);
        if (sequence === null) {
          this.#pending = text.slice(i);
          break;
        }
        keys.push(sequence.key);
        i = sequence.end;
        continue;
      }
      if (code < 32 || code === 127) {
        // CR LF is one Enter (a paste from a file with Windows line ends).
        if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
        keys.push(CONTROL[code] ?? { name: String.fromCharCode(code + 96), ctrl: true });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= 32 && text.charCodeAt(j) !== 127) j++;
      pushText(text.slice(i, j));
      i = j;
    }
    return keys;
  }
}

/** The key an escape sequence at `start` stands for, or null when the sequence is cut off. */
function escapeSequence(text: string, start: number): { key: Key; end: number } | null {
  const next = text[start + 1];
  if (next === "[" || next === "O") {
    const m = /^(\d*)(?:;(\d+))?([A-Za-z~])/.exec(text.slice(start + 2));
    if (!m) return /^[\d;]*$/.test(text.slice(start + 2)) ? null : { key: { name: "escape" }, end: start + 1 };
    const name = m[3] === "~" ? TILDE[m[1]] ?? "unknown" : FINAL[m[3]] ?? "unknown";
    // xterm's modifier parameter is 1 + (shift 1, alt 2, ctrl 4).
    const mod = Number(m[2] ?? 1) - 1;
    const key: Key = { name };
    if (mod & 1 || m[3] === "Z") key.shift = true;
    if (mod & 2) key.alt = true;
    if (mod & 4) key.ctrl = true;
    return { key, end: start + 2 + m[0].length };
  }
  const code = text.charCodeAt(start + 1);
  // ESC followed by a key is that key with Alt (the "meta sends escape" convention).
  const inner: Key = code < 32 || code === 127 ? { ...(CONTROL[code] ?? { name: String.fromCharCode(code + 96), ctrl: true }) } : { name: text[start + 1].toLowerCase() };
  return { key: { ...inner, alt: true }, end: start + 2 };
}
