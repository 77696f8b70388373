/**
 * rsh's tokenizer: a hand-written driver over the token rules of tokens.ts, producing chevrotain IToken objects for
 * the chevrotain parser. It replaced chevrotain's Lexer, which ran at ~3 MB/s on a 5 MB script (most of it generic
 * per-token work: regex-driven line counting, result arrays for custom patterns, tokens whose position fields were
 * boxed doubles) and cost ~10 ms to build at start-up. It keeps that lexer's rules (tests compare ASTs and error
 * positions): rules are tried in declaration order among those whose first-character set holds the next character,
 * the first match wins, and an unmatched character is reported and skipped up to the next offset where any rule
 * matches (chevrotain's error recovery). Tokens carry offsets only; lines and columns come from the text when read. A fast path
 * (fast_path.ts) decides most tokens first with one switch on the character; it must pick what the rule list would.
 */
import type { ILexingError, ILexingResult, IToken, TokenType } from "chevrotain";

/**
 * A custom pattern: the image matched at `offset`, or null; the first `count` entries of `matched` are the tokens so
 * far (see modes.ts).
 */
export type Matcher = (text: string, offset: number, matched: IToken[], count: number) => string | null;

/** How one token type is recognised. */
export interface TokenRule {
  type: TokenType;
  /** A fixed one-character image, a sticky regex, or a custom matcher. */
  pattern: string | RegExp | Matcher;
  /** The characters a match can start with (characters from 128 up stand for every character from 128 up). */
  first: readonly string[];
  /** Skipped rules (whitespace, comments) make no token. */
  skipped: boolean;
}

/**
 * A token as the parser and the AST builder read it: its type, image and offsets. No line or column: the builder
 * works positions out from offsets when an error or a span is read (spans.ts), and a 5 MB script makes 1.2 million
 * tokens — four position fields fewer each took a quarter off allocating them. An object literal, not a class
 * instance: V8 tracks a literal's allocation site and, seeing that nearly every token lives to the end of the parse,
 * allocates tokens straight in the old generation; class instances were copied by each young-generation collection.
 */
function token(image: string, startOffset: number, type: TokenType): IToken {
  return {
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
    image,
    startOffset,
    endOffset: startOffset + image.length - 1,
  } as IToken;
}

/**
 * Line and column of each offset in `offsets` (ascending), counting `\r\n`, `\n` and `\r` as line ends: the
 * positions of the lexer's errors, found once the text is done (errors are rare; tokens carry no position).
 */
function positionsOf(text: string, offsets: number[]): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  let line = 1, lineStart = 0, i = 0;
  for (const offset of offsets) {
    for (; i < offset; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (code === 10 || code === 13) {
        line++;
        lineStart = i + 1;
      }
    }
    found.push({ line, column: offset - lineStart + 1 });
  }
  return found;
}

/** What the fast path (fast_path.ts) matched: the rule, and its image unless it is the text matched. */
export interface FastMatch {
  rule: TokenRule | null;
  image: string | null;
}

/** Matches the token at `offset` (whose character code is `code`) and returns its end, or -1 to run the rule list. */
export type FastPath = (
  text: string,
  offset: number,
  code: number,
  tokens: IToken[],
  count: number,
  match: FastMatch,
) => number;

/**
 * Short images seen before, by a hash of their characters: names, variables and operators repeat throughout a script,
 * and a token that reuses an old string spares the young generation a copy per token that the next scavenge would
 * have to find through the old token and move. Only images of at most 12 characters are kept: V8 copies those when
 * slicing, where a longer slice would keep the whole source text alive.
 */
const IMAGES: (string | undefined)[] = new Array(4096).fill(undefined);
const MAX_CACHED = 12;

function imageOf(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_CACHED) return text.slice(start, end);
  let hash = length;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const slot = (hash ^ (hash >>> 12)) & 4095;
  const cached = IMAGES[slot];
  if (cached !== undefined && cached.length === length) {
    let same = true;
    for (let i = 0; i < length && same; i++) same = cached.charCodeAt(i) === text.charCodeAt(start + i);
    if (same) return cached;
  }
  return (IMAGES[slot] = text.slice(start, end));
}

interface CompiledRule {
  rule: TokenRule;
  short: number;
  image: string;
  regex: RegExp | null;
  match: Matcher | null;
}

export class RshLexer {
  readonly #rules: CompiledRule[];
  /** Candidate rules by first character code below 128, in declaration order. */
  readonly #byChar: CompiledRule[][] = [];
  /** Candidates for characters from 128 up. */
  readonly #wide: CompiledRule[];
  readonly #fast: FastPath | null;
  readonly #result: FastMatch = { rule: null, image: null };

  /** `fast`, when given, must match exactly what the rule list would at every offset where it does not return -1. */
  constructor(rules: TokenRule[], fast: FastPath | null = null) {
    this.#fast = fast;
    this.#rules = rules.map((rule) => {
      const p = rule.pattern;
      return {
        rule,
        short: typeof p === "string" ? p.charCodeAt(0) : -1,
        image: typeof p === "string" ? p : "",
        regex: p instanceof RegExp ? new RegExp(p.source, "y") : null,
        match: typeof p === "function" ? p : null,
      };
    });
    for (let code = 0; code < 128; code++) {
      const ch = String.fromCharCode(code);
      this.#byChar.push(this.#rules.filter((r) => r.rule.first.includes(ch)));
    }
    this.#wide = this.#rules.filter((r) => r.rule.first.some((ch) => ch.charCodeAt(0) >= 128));
  }

  tokenize(text: string): ILexingResult {
    // Sized for dense code (about 4 characters a token; scripts average 6 to 7): grown a half at a time, as push does,
    // the array of a large script would take about three times its final size in new memory.
    const tokens: IToken[] = new Array(Math.min(text.length >> 2, 1 << 22));
    let count = 0;
    const errors: ILexingError[] = [];
    const length = text.length;
    let offset = 0;
    const fast = this.#fast;
    const match = this.#result;
    while (offset < length) {
      const code = text.charCodeAt(offset);
      let end = fast === null ? -1 : fast(text, offset, code, tokens, count, match);
      if (end < 0) end = this.#match(text, offset, code, tokens, count, match);
      if (end < 0) {
        const start = offset;
        do offset++; while (offset < length && !this.#matchesAnyAt(text, offset, tokens, count));
        errors.push({
          offset: start,
          line: 0,
          column: 0,
          length: offset - start,
          message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${offset - start} characters.`,
        });
        continue;
      }
      const rule = match.rule!;
      if (!rule.skipped) tokens[count++] = token(match.image ?? imageOf(text, offset, end), offset, rule.type);
      offset = end;
    }
    tokens.length = count;
    if (errors.length) {
      const where = positionsOf(text, errors.map((e) => e.offset));
      errors.forEach((e, i) => Object.assign(e, where[i]));
    }
    return { tokens, errors, groups: {} };
  }

  /** Runs the candidate rules for `code` in order; records the first that matches in `match` and returns its end. */
  #match(text: string, offset: number, code: number, tokens: IToken[], count: number, match: FastMatch): number {
    const candidates = code < 128 ? this.#byChar[code] : this.#wide;
    for (let i = 0; i < candidates.length; i++) {
      const r = candidates[i];
      let image: string | null = null;
      let end: number;
      if (r.short >= 0) {
        if (code !== r.short) continue;
        image = r.image;
        end = offset + 1;
      } else if (r.regex !== null) {
        r.regex.lastIndex = offset;
        if (!r.regex.test(text)) continue;
        end = r.regex.lastIndex;
      } else {
        image = r.match!(text, offset, tokens, count);
        if (image === null) continue;
        end = offset + image.length;
      }
      match.rule = r.rule;
      match.image = image;
      return end;
    }
    return -1;
  }

  /** Whether any rule, whatever its first characters, matches at `offset` (where recovery resumes). */
  #matchesAnyAt(text: string, offset: number, tokens: IToken[], count: number): boolean {
    for (const r of this.#rules) {
      if (r.short >= 0) {
        if (text.charCodeAt(offset) === r.short) return true;
      } else if (r.regex !== null) {
        r.regex.lastIndex = offset;
        if (r.regex.test(text)) return true;
      } else if (r.match!(text, offset, tokens, count) !== null) return true;
    }
    return false;
  }
}
