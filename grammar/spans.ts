/**
 * The spans parse() gives nodes: two offsets and the source they index. Line and column are worked out when read,
 * from a table of line starts made on first use. A 5 MB script's AST held about a million position objects when
 * every span carried its start and end as `{ line, column, offset }` — a quarter of a parse's time went to making and
 * collecting them, while the engine reads a position only to report an error or `$MyInvocation`.
 */
import type { Position, Span } from "./ast.ts";

/** Where a parse's spans find lines and columns: the parsed source, its name and (once asked) its line starts. */
export class SourceLines {
  readonly file: string;
  readonly source: string;
  #starts: number[] | null = null;

  constructor(file: string, source: string) {
    this.file = file;
    this.source = source;
  }

  /** Line and column of `offset`, counting `\r\n`, `\n` and `\r` as line ends, as the tokenizer does. */
  position(offset: number): Position {
    if (offset !== offset) return nanPosition();
    const starts = this.#starts ??= lineStarts(this.source);
    let low = 0, high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1, offset };
  }

  /**
   * The end of a range: just after its last character. A range that ends with a line end ends on that line (one
   * column past it), as the tokenizer reports a newline token's end — not at the start of the next line.
   */
  endPosition(offset: number): Position {
    const before = this.source.charCodeAt(offset - 1);
    if (offset > 0 && (before === 10 || before === 13)) {
      const { line, column } = this.position(offset - 1);
      return { line, column: column + 1, offset };
    }
    return this.position(offset);
  }
}

/**
 * The position of the end of input in an empty script (NaN, as chevrotain reports it). Built property by property so
 * that V8 gives it another hidden class than the `{ line, column, offset }` literal: one NaN stored through the
 * literal would turn every position's fields into boxed doubles for the rest of the process.
 */
export function nanPosition(): Position {
  const position = {} as Position;
  position.line = NaN;
  position.column = NaN;
  position.offset = NaN;
  return position;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 13 && source.charCodeAt(i + 1) === 10) i++;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
}

/** A node's span as parse() makes it (see the module comment); it reads as any other Span. */
export class SourceSpan implements Span {
  // Set in the constructor (no class-field initializers): a parse makes hundreds of thousands of these.
  declare readonly lines: SourceLines;
  /** The offset of the first character. */
  declare readonly startOffset: number;
  /** The offset just after the last character. */
  declare readonly endOffset: number;

  constructor(lines: SourceLines, startOffset: number, endOffset: number) {
    this.lines = lines;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  get file(): string {
    return this.lines.file;
  }

  get start(): Position {
    return this.lines.position(this.startOffset);
  }

  get end(): Position {
    return this.lines.endPosition(this.endOffset);
  }

  /** The plain `{ file, start, end }` form (JSON and anything else that copies a span's own fields). */
  toJSON(): Span {
    return { file: this.file, start: this.start, end: this.end };
  }
}
