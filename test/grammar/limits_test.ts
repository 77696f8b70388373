/** Pathological nesting is an error value, never a crash (the parser recurses per level). */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse, ParseError } from "../../grammar/mod.ts";

const limits = suite("grammar: nesting limits");

limits("100 nested if blocks parse", () => {
  const source = "if ($true) {\n".repeat(100) + "'deep'\n" + "}\n".repeat(100);
  assert.ok(parse(source).ast);
});

limits("5,000 nested parentheses fail with a ParseError that says so", () => {
  const { ast, diagnostics } = parse("(".repeat(5000) + "1" + ")".repeat(5000));
  assert.is(ast, null);
  assert.instance(diagnostics[0], ParseError);
  assert.is(diagnostics[0].message, "The script is nested too deeply to parse.");
});

limits("the parser still works after such an input", () => {
  assert.ok(parse("1 + 2").ast);
});

limits.run();
