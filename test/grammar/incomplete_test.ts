/**
 * The REPL asks `isIncomplete` whether to read another line (as PowerShell's console host does on an incomplete
 * parse): open braces, parentheses, strings and here-strings, a trailing `|` or backtick.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isIncomplete } from "../../grammar/mod.ts";

const incomplete = suite("grammar: incomplete input");

const more: string[] = [
  "if ($true) {",
  "function f {\n  1",
  "(1 +",
  "@(1,",
  "@{ a = 1",
  "'open string",
  "\"open string",
  "@\"\nhere",
  "@'\nhere",
  "Get-Item a |",
  "Write-Output `",
  "1 +",
  "$x =",
  "<# comment",
  "foreach ($i in 1..3)",
  "try { 1 }\ncatch {",
];
for (const text of more) incomplete(`needs more: ${JSON.stringify(text)}`, () => assert.ok(isIncomplete(text)));

const done: string[] = ["1", "if ($true) { 1 }", "Get-Item a | Select-Object", "'closed'", "1 )", "1 2", "}", "@\"\nx\n\"@"];
for (const text of done) incomplete(`complete or wrong for good: ${JSON.stringify(text)}`, () => assert.not.ok(isIncomplete(text)));

incomplete.run();
