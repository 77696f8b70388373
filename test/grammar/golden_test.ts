/**
 * Golden parser tests: each `cases/valid/NAME.rsh` parses to the AST in `NAME.ast`; each `cases/errors/NAME.rsh`
 * fails with the ParseError in `NAME.err`. `UPDATE=1` rewrites the expected files (review them by eye).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "../../grammar/mod.ts";
import { Deno } from "../../src/platform.ts";
import { dump } from "./dump.ts";

const root = "test/grammar/cases";
const update = Deno.env.get("UPDATE") === "1";

function cases(dir: string): string[] {
  return [...Deno.readDirSync(`${root}/${dir}`)].map((e) => e.name).filter((n) => n.endsWith(".rsh")).sort();
}

function check(path: string, actual: string) {
  if (update) Deno.writeTextFileSync(path, actual);
  assert.fixture(actual, Deno.readTextFileSync(path));
}

const valid = suite("grammar: golden valid cases");
const validCases = cases("valid");
valid("there are at least 150 valid cases", () => assert.ok(validCases.length >= 150, `${validCases.length}`));
for (const name of validCases) {
  valid(name, () => {
    const file = `${root}/valid/${name}`;
    const { ast, diagnostics } = parse(Deno.readTextFileSync(file), name);
    assert.equal(diagnostics.map((d) => d.format()), []);
    check(file.replace(/\.rsh$/, ".ast"), dump(ast));
  });
}
valid.run();

const errors = suite("grammar: golden error cases");
const errorCases = cases("errors");
errors("there are at least 40 error cases", () => assert.ok(errorCases.length >= 40, `${errorCases.length}`));
for (const name of errorCases) {
  errors(name, () => {
    const file = `${root}/errors/${name}`;
    const { ast, diagnostics } = parse(Deno.readTextFileSync(file), name);
    assert.is(ast, null, "the case must not parse");
    const error = diagnostics[0];
    check(file.replace(/\.rsh$/, ".err"), `${error.format()}\nincomplete=${error.incomplete}\n`);
  });
}
errors.run();
