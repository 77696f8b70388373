/**
 * The tokenizer's fast path (grammar/fast_path.ts) against the ordered rule list it shortcuts (`tokenizeByRules`):
 * every field of every token, and every lexer error, must be the same for the golden cases and the interpreter cases,
 * each also behind prefixes that put the tracker in each of its modes, and for seeded random and mutated inputs.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ILexingResult } from "chevrotain";
import { tokenize, tokenizeByRules } from "../../grammar/tokens.ts";
import { Deno } from "../../src/platform.ts";
import { prng as random } from "../support/prng.ts";

const equivalence = suite("grammar: tokenizer fast path = rule list");

/** Text before an input that leaves the tracker in each mode (and with each of its flags) where the input starts. */
const PREFIXES = ["", "Get-Item ", "$x + ", "$x = ", "1 | ", "& ", ". ", "@{ ", "switch (1) { ", "function ", "if ",
  "switch ", "$a.", "$a::", "[A(", "break ", "Get-Item -- ", "[int]", "$a", "foreach ($i in ", "(", "$(", "[", "x -f "];
const FRAGMENTS = ["$", "@", "{", "}", "(", ")", "[", "]", "`", "'", '"', "@'\n", '@"\n', "\n'@", '\n"@', "\r\n", "\r",
  "#", "<#", "#>", "-", "--", ".", "..", ":", "::", "?", "??=", "|", ";", ",", "&", "2>&1", "*>", "$(", "${", "0x1F",
  "0b2", "1.5e", "7z", "-eq", "-not", "-Path:", "\u00a0", "\ufeff", "\u3000", "é", "\x01", "param", "begin", "in",
  " ", " ", "\t", "x", "$x", "Get-Item"];

function files(dir: string): string[] {
  return [...Deno.readDirSync(dir)].flatMap((e) =>
    e.isDirectory ? files(`${dir}/${e.name}`) : e.name.endsWith(".rsh") ? [`${dir}/${e.name}`] : []
  );
}
const corpus = [...files("test/grammar/cases"), ...files("test/cases")].sort().map((f) => Deno.readTextFileSync(f));

function flatten({ tokens, errors }: ILexingResult): string {
  return JSON.stringify([
    tokens.map((t) => [t.tokenType.name, Object.entries(t).filter(([k]) => k !== "tokenType")]),
    errors,
  ]);
}

function check(text: string, label: string) {
  const fast = flatten(tokenize(text));
  const reference = flatten(tokenizeByRules(text));
  if (fast !== reference) assert.fixture(fast, reference, `${label}: ${JSON.stringify(text)}`);
}

equivalence("golden and interpreter cases, behind every mode prefix", () => {
  assert.ok(corpus.length > 300, `${corpus.length} cases`);
  for (const [i, text] of corpus.entries()) for (const prefix of PREFIXES) check(prefix + text, `case ${i}`);
});

equivalence("4,000 seeded random and mutated inputs", () => {
  const rand = random(20261202);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  for (let i = 0; i < 4000; i++) {
    let text = "";
    if (i % 2 === 0) for (let n = 1 + Math.floor(rand() * 30); n > 0; n--) text += pick(FRAGMENTS);
    else {
      const source = pick(corpus);
      const start = Math.floor(rand() * source.length);
      text = source.slice(start, start + Math.floor(rand() * 300));
      for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
        const at = Math.floor(rand() * (text.length + 1));
        const cut = at + 1 + Math.floor(rand() * 4);
        text = rand() < 0.6 ? text.slice(0, at) + pick(FRAGMENTS) + text.slice(at) : text.slice(0, at) + text.slice(cut);
      }
    }
    check(pick(PREFIXES) + text, `input #${i}`);
  }
});

equivalence.run();
