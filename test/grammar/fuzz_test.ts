/**
 * Seeded fuzzing: 5,000 random and mutated inputs (from the golden cases) must each parse or fail with a
 * ParseError — never another exception — and none may take longer than 1 s (a hang detector, not a benchmark).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse, ParseError } from "../../grammar/mod.ts";
import { Deno } from "../../src/platform.ts";
import { prng as random } from "../support/prng.ts";

const fuzz = suite("grammar: seeded fuzz");

const dir = "test/grammar/cases/valid";
const corpus = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".rsh")).map((e) => Deno.readTextFileSync(`${dir}/${e.name}`));
const FRAGMENTS = ["{", "}", "(", ")", "[", "]", "@{", "@(", "$(", "'", '"', "@\"\n", "\"@", "`", "|", ";", "\n", ",", ".",
  "::", "-eq", "-not", "=", "+=", "&&", "||", "&", "2>&1", ">", "$x", "${a}", "if", "else", "foreach", "function f",
  "param(", "[int]", "[Parameter(", "1..2", "0x1F", "1kb", "-", "--", "?", ":", "??", "#", "<#", "#>", "$_", "%", "*"];

function mutate(rand: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (out.length + 1));
    const choice = rand();
    if (choice < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 3));
    else if (choice < 0.6) out = out.slice(0, at) + FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)] + out.slice(at);
    else if (choice < 0.8) out = out.slice(0, at);
    else {
      const b = Math.floor(rand() * out.length);
      const [x, y] = at < b ? [at, b] : [b, at];
      out = out.slice(0, x) + out.slice(y, y + 5) + out.slice(x + 5, y) + out.slice(x, x + 5) + out.slice(y + 5);
    }
  }
  return out;
}

function randomInput(rand: () => number): string {
  const pieces = 1 + Math.floor(rand() * 12);
  let out = "";
  for (let i = 0; i < pieces; i++) out += FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)] + (rand() < 0.5 ? " " : "");
  return out;
}

fuzz("5,000 inputs either parse or fail with ParseError, each within 1 s", () => {
  const rand = random(20261125);
  let parsed = 0;
  let failed = 0;
  let slowest = 0;
  for (let i = 0; i < 5000; i++) {
    const input = i % 5 === 0 ? randomInput(rand) : mutate(rand, corpus[Math.floor(rand() * corpus.length)]);
    const started = performance.now();
    let result;
    try {
      result = parse(input, "fuzz.rsh");
    } catch (error) {
      throw new Error(`input #${i} threw ${(error as Error).stack}\n--- input ---\n${input}`);
    }
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    assert.ok(took < 1000, `input #${i} took ${took} ms:\n${input}`);
    if (result.ast) parsed++;
    else {
      assert.instance(result.diagnostics[0], ParseError, `input #${i}`);
      failed++;
    }
  }
  assert.is(parsed + failed, 5000);
  assert.ok(parsed > 100 && failed > 100, `both outcomes occur (parsed ${parsed}, failed ${failed})`);
});

fuzz.run();
