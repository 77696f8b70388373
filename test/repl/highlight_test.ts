/** Syntax highlighting of the input line from the lexer's tokens, with PSReadLine's default colours. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { COLORS, highlight } from "../../repl/highlight.ts";

const hl = suite("repl: syntax highlighting");

/** The highlighted text with each colour shown as <name> and the reset as </>; PSReadLine draws parameters and operators alike (<gray>), keywords and variables too (<green>). */
function tagged(text: string): string {
  let out = highlight(text).join("\n").replaceAll(COLORS.operator, "<gray>").replaceAll(COLORS.keyword, "<green>");
  for (const [name, code] of Object.entries(COLORS)) out = out.replaceAll(code, `<${name}>`);
  return out.replaceAll("\x1b[0m", "</>");
}

hl("commands, parameters, strings, variables, numbers and operators get their own colours", () => {
  assert.is(
    tagged("Get-ChildItem -Path $HOME | Where-Object { $_.Length -gt 42 } # big"),
    "<command>Get-ChildItem</> <gray>-Path</> <green>$HOME</> <gray>|</> <command>Where-Object</> { <green>$_</>.Length <gray>-gt</> <number>42</> } <comment># big</>",
  );
  assert.is(tagged("if ($x -eq 'a') { \"b\" }"), "<green>if</> (<green>$x</> <gray>-eq</> <string>'a'</>) { <string>\"b\"</> }");
});

hl("a parse error is red from where it stands; an unfinished statement is not an error", () => {
  assert.is(tagged("1 + )"), "<number>1</> <gray>+</> <error>)</>");
  assert.is(tagged("foreach ($a in"), "<green>foreach</> (<green>$a</> in");
  assert.is(tagged("'open"), "<string>'open</>");
});

hl("each line of a multi-line entry carries its own colours (the >> prompt comes between)", () => {
  assert.equal(highlight("'a\nb'"), ["\x1b[36m'a\x1b[0m", "\x1b[36mb'\x1b[0m"]);
});

hl.run();
