/**
 * Spans keep two offsets and compute line and column when read (grammar/spans.ts). Lines end at `\r\n`, `\n` or `\r`
 * (as PowerShell's tokenizer counts them); columns count UTF-16 code units from 1.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as A from "../../grammar/ast.ts";
import { parse, parseOrThrow } from "../../grammar/mod.ts";
import { SourceLines } from "../../grammar/spans.ts";

const spans = suite("grammar: spans computed from offsets");

const where = (p: A.Position) => `${p.line}:${p.column}@${p.offset}`;

spans("every kind of line end starts a new line", () => {
  const lines = new SourceLines("a.rsh", "ab\r\ncd\ne\rf");
  assert.equal([0, 2, 4, 6, 7, 8, 9, 10].map((o) => where(lines.position(o))), ["1:1@0", "1:3@2", "2:1@4", "2:3@6", "3:1@7", "3:2@8", "4:1@9", "4:2@10"]);
});

spans("a range ending with its line end ends on that line, one column past it", () => {
  const lines = new SourceLines("a.rsh", "x = 1\r\ny\n");
  assert.is(where(lines.endPosition(7)), "1:8@7");
  assert.is(where(lines.endPosition(9)), "2:3@9");
  assert.is(where(lines.endPosition(5)), "1:6@5");
});

spans("nodes read file, start and end as properties; JSON has the plain shape", () => {
  const ast = parseOrThrow("$a = 1\r\nif ($a) {\n  'x'\n}", "s.rsh");
  const statement = ast.end!.statements[1];
  assert.is(statement.span.file, "s.rsh");
  assert.is(`${where(statement.span.start)}-${where(statement.span.end)}`, "2:1@8-4:2@25");
  assert.equal(JSON.parse(JSON.stringify(statement.span)), { file: "s.rsh", start: { line: 2, column: 1, offset: 8 }, end: { line: 4, column: 2, offset: 25 } });
});

spans("a $( ) inside a string, parsed after its string, has true positions in the whole source", () => {
  const ast = parseOrThrow("'a'\n\"v: $x and $(2 +\n 3)\"", "s.rsh");
  const pipeline = ast.end!.statements[1] as A.Pipeline;
  const text = (pipeline.elements[0] as A.CommandExpression).expression as A.ExpandableString;
  const [variable, sub] = text.parts.filter((p): p is A.Variable | A.SubExpression => typeof p !== "string");
  assert.is(`${where(variable.span.start)}-${where(variable.span.end)}`, "2:5@8-2:7@10");
  assert.is(`${where(sub.span.start)}-${where(sub.span.end)}`, "2:12@15-3:4@24");
  const inner = (sub as A.SubExpression).statements[0].span;
  assert.is(`${where(inner.start)}-${where(inner.end)}`, "2:14@17-3:3@23");
});

spans("a ParseError's line is the line its source line is on, after an escaped line end too", () => {
  const { diagnostics } = parse("echo ..`\nelse )", "e.rsh");
  const error = diagnostics[0];
  assert.equal([error.line, error.column, error.sourceLine], [2, 6, "else )"]);
});

spans.run();
