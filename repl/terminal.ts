/**
 * The line editor on a real terminal: the terminal is raw only while an entry is being read (a running command gets
 * a cooked terminal, so Ctrl+C is SIGINT and stops it, and its output gets the terminal's own line handling). Keys
 * typed ahead of the prompt are kept for the next read.
 */
import { isIncomplete } from "../grammar/mod.ts";
import { highlight } from "./highlight.ts";
import { History } from "./history.ts";
import type { Key } from "./keys.ts";
import { KeyDecoder } from "./keys.ts";
import { type Completer, type EditorOptions, LineEditor, type ReadResult } from "./line_editor.ts";

export interface TerminalInput {
  read(buffer: Uint8Array): Promise<number | null>;
  setRaw(raw: boolean): void;
}

/** Keys from a byte source, one at a time. */
export class KeyReader {
  #decoder = new KeyDecoder();
  #queue: Key[] = [];
  #buffer = new Uint8Array(4096);

  constructor(readonly input: TerminalInput) {}

  /** The next key, or null at the end of input. */
  async next(): Promise<Key | null> {
    while (this.#queue.length === 0) {
      const n = await this.input.read(this.#buffer);
      if (n === null) return null;
      this.#queue.push(...this.#decoder.decode(this.#buffer.subarray(0, n)));
    }
    return this.#queue.shift()!;
  }
}

/** Reads one entry: the editor handles keys until Enter, Ctrl+C or Ctrl+D. */
export async function readEntry(editor: LineEditor, keys: KeyReader, prompt: string, complete?: Completer): Promise<ReadResult> {
  keys.input.setRaw(true);
  // Bracketed paste while editing: a pasted script lands in the entry whole instead of running line by line.
  editor.options.write("\x1b[?2004h");
  try {
    editor.begin(prompt, complete);
    while (true) {
      const key = await keys.next();
      if (key === null) return { kind: "eof" };
      const result = await editor.key(key);
      if (result) return result;
    }
  } finally {
    editor.options.write("\x1b[?2004l");
    keys.input.setRaw(false);
  }
}

/**
 * The editor the CLI uses: history from `historyFile`, `>> ` lines while the parser says the entry is unfinished,
 * syntax colours unless colours are off.
 */
export function terminalEditor(options: Omit<EditorOptions, "continues" | "history" | "highlight"> & { historyFile: string | null }): LineEditor {
  return new LineEditor({
    ...options,
    history: new History(options.historyFile),
    continues: isIncomplete,
    highlight: options.color === false ? undefined : highlight,
  });
}
