/**
 * The line editor driven as a terminal drives it: raw bytes in (what xterm/tmux send for each key), the screen a user
 * would see out (test/repl/screen.ts plays the escape codes the editor writes).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { KeyDecoder } from "../../repl/keys.ts";
import { type EditorOptions, LineEditor, type ReadResult } from "../../repl/line_editor.ts";
import { History } from "../../repl/history.ts";
import { Screen } from "./screen.ts";

const editor = suite("repl: line editor (bytes in, screen out)");

const ESC = "\x1b";
const KEY = {
  left: `${ESC}[D`, right: `${ESC}[C`, up: `${ESC}[A`, down: `${ESC}[B`, home: `${ESC}[H`, end: `${ESC}[F`, del: `${ESC}[3~`,
  ctrlLeft: `${ESC}[1;5D`, altB: `${ESC}b`, altF: `${ESC}f`, altD: `${ESC}d`, bs: "\x7f",
  ctrl: (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96),
};

/** An editor on a `width`-column screen; `type` feeds bytes and returns how the read ended (null: still reading). */
export function terminal(width = 80, options: Partial<EditorOptions> = {}, prompt = "PS /> ") {
  const screen = new Screen(width);
  const decoder = new KeyDecoder();
  const ed = new LineEditor({ write: (t) => screen.write(t), columns: () => width, color: false, ...options });
  ed.begin(prompt);
  return {
    screen,
    ed,
    async type(bytes: string): Promise<ReadResult | null> {
      let result: ReadResult | null = null;
      for (const key of decoder.decode(new TextEncoder().encode(bytes))) result = (await ed.key(key)) ?? result;
      return result;
    },
  };
}

editor("typed text appears after the prompt; arrows, Home/End, Backspace and Delete edit where the cursor is", async () => {
  const t = terminal();
  await t.type("Get-Item");
  assert.is(t.screen.text(), "PS /> Get-Item");
  await t.type(`${KEY.left}${KEY.left}${KEY.left}${KEY.left}X`);
  assert.is(t.screen.text(), "PS /> Get-XItem");
  assert.is(t.screen.col, "PS /> Get-X".length);
  await t.type(`${KEY.home}${KEY.del}g${KEY.end}${KEY.bs}M`);
  assert.is(t.screen.text(), "PS /> get-XIteM");
  assert.is(t.ed.text, "get-XIteM");
});

editor("Emacs keys: Ctrl+A/E/B/F move, Ctrl+K/U/W kill, Ctrl+Y yanks, Alt+B/F jump words, Alt+D kills a word", async () => {
  const t = terminal();
  await t.type(`Get-ChildItem -Path /tmp${KEY.ctrl("a")}${KEY.ctrl("f")}${KEY.ctrl("f")}${KEY.ctrl("k")}`);
  assert.is(t.ed.text, "Ge");
  await t.type(`${KEY.ctrl("y")}${KEY.ctrl("y")}`);
  assert.is(t.ed.text, "Get-ChildItem -Path /tmpt-ChildItem -Path /tmp");
  await t.type(`${KEY.ctrl("u")}`);
  assert.is(t.ed.text, "");
  await t.type(`one two three${KEY.ctrl("w")}`);
  assert.is(t.ed.text, "one two ");
  await t.type(`four${KEY.altB}${KEY.altB}${KEY.altD}`);
  assert.is(t.ed.text, "one  four");
  await t.type(`${KEY.ctrl("e")}${KEY.ctrl("b")}${KEY.ctrl("b")}!${KEY.ctrlLeft}(`);
  assert.is(t.ed.text, "one  (fo!ur");
  await t.type(`${KEY.ctrl("a")}${KEY.altF}.`);
  assert.is(t.ed.text, "one.  (fo!ur");
  assert.is(t.screen.text(), "PS /> one.  (fo!ur");
});

editor("a 200-character line wraps at the width; editing its start redraws every row in place", async () => {
  const t = terminal(40);
  const long = "x".repeat(194) + "END";
  await t.type(long);
  const rows = t.screen.text().split("\n");
  assert.is(rows.length, Math.ceil((6 + 197) / 40));
  assert.is(rows.join(""), "PS /> " + long);
  await t.type(`${KEY.home}AB`);
  assert.is(t.screen.text().split("\n").join(""), "PS /> AB" + long);
  assert.equal([t.screen.row, t.screen.col], [0, 8]);
  await t.type(KEY.end);
  assert.equal([t.screen.row, t.screen.col], [Math.floor(205 / 40), 205 % 40]);
});

editor("a line exactly as wide as the terminal puts the cursor on the next row (no stale wrap)", async () => {
  const t = terminal(10);
  await t.type("abcd");
  assert.equal([t.screen.row, t.screen.col], [1, 0]);
  await t.type("e");
  assert.is(t.screen.text(), "PS /> abcd\ne");
  await t.type(KEY.bs);
  assert.is(t.screen.text(), "PS /> abcd");
  assert.equal([t.screen.row, t.screen.col], [1, 0]);
});

editor("Enter returns the line and leaves the cursor under it; Ctrl+C shows ^C and discards; Ctrl+D on an empty line is end of input", async () => {
  const t = terminal();
  assert.equal(await t.type("1 + 1\r"), { kind: "line", text: "1 + 1" });
  assert.equal([t.screen.row, t.screen.col], [1, 0]);
  t.ed.begin("PS /> ");
  assert.equal(await t.type(`half typed${KEY.home}${KEY.ctrl("c")}`), { kind: "interrupt" });
  assert.is(t.screen.text(), "PS /> 1 + 1\nPS /> half typed^C");
  t.ed.begin("PS /> ");
  assert.equal(await t.type(`ab${KEY.home}${KEY.ctrl("d")}`), null);
  assert.is(t.ed.text, "b");
  assert.equal(await t.type(`${KEY.ctrl("d")}${KEY.ctrl("d")}`), { kind: "eof" });
});

editor("Enter on an unfinished statement opens a >> line in the same entry; Up/Down move between its lines", async () => {
  const t = terminal(80, { continues: (text) => text.split("{").length > text.split("}").length });
  assert.is(await t.type("function f {\r"), null);
  assert.is(await t.type("  'hi'\r"), null);
  assert.is(t.screen.text(), "PS /> function f {\n>>   'hi'\n>>");
  await t.type(`${KEY.up}${KEY.up}${KEY.end} # top`);
  assert.is(t.ed.text, "function f { # top\n  'hi'\n");
  await t.type(`${KEY.down}${KEY.down}}`);
  assert.equal(await t.type("\r"), { kind: "line", text: "function f { # top\n  'hi'\n}" });
  assert.is(t.screen.text(), "PS /> function f { # top\n>>   'hi'\n>> }");
});

editor("Ctrl+L clears the screen and draws the line at the top", async () => {
  const t = terminal();
  t.screen.write("old output\r\n");
  t.ed.begin("PS /> ");
  await t.type(`abc${KEY.ctrl("l")}`);
  assert.is(t.screen.text(), "PS /> abc");
});

editor("Up/Down walk the history (the line being typed comes back); Ctrl+R finds an older entry by a part of it", async () => {
  const history = new History();
  for (const entry of ["Get-Date", "$x = 42", "function g {\n  2\n}"]) history.add(entry);
  const t = terminal(80, { history });
  await t.type(`draft${KEY.up}`);
  assert.is(t.screen.text(), "PS /> function g {\n>>   2\n>> }");
  await t.type(`${KEY.up}${KEY.up}${KEY.up}`);
  assert.is(t.ed.text, "Get-Date");
  await t.type(`${KEY.down}${KEY.down}${KEY.down}`);
  assert.is(t.ed.text, "draft");
  await t.type(`${KEY.ctrl("r")}x =`);
  assert.is(t.screen.text(), "PS /> $x = 42\nbck-i-search: x =_");
  await t.type(`${KEY.ctrl("g")}`);
  assert.is(t.screen.text(), "PS /> draft");
  await t.type(`${KEY.ctrl("u")}${KEY.ctrl("r")}date`);
  assert.equal(await t.type("\r"), { kind: "line", text: "Get-Date" });
});

editor("wide characters take two columns and an emoji moves and deletes as one character", async () => {
  const t = terminal(24);
  await t.type("'日本語' + '😀'");
  assert.is(t.screen.text(), "PS /> '日本語' + '😀'");
  assert.equal([t.screen.row, t.screen.col], [0, 6 + 15]);
  await t.type(`${KEY.left}${KEY.bs}`);
  assert.is(t.ed.text, "'日本語' + ''");
  await t.type(`${KEY.home}${KEY.right}${KEY.right}`);
  assert.equal([t.screen.row, t.screen.col], [0, 6 + 3]);
  await t.type("漢字漢字");
  assert.is(t.screen.text(), "PS /> '日漢字漢字本語' +\n ''");
  assert.equal([t.screen.row, t.screen.col], [0, 17]);
});

editor("a bracketed paste lands in the entry whole, line breaks and all, and runs only on Enter", async () => {
  const t = terminal();
  assert.is(await t.type("\x1b[200~function f {\r\n  1\r\n"), null);
  assert.is(await t.type("}\x1b[201~"), null);
  assert.is(t.screen.text(), "PS /> function f {\n>>   1\n>> }");
  assert.equal(await t.type("\r"), { kind: "line", text: "function f {\n  1\n}" });
});

editor("Tab: one match is inserted; several: the first is inserted and all listed, Tab/Shift+Tab cycle, another key closes the list", async () => {
  const names = ["Get-ChildItem", "Get-Command", "Get-Content"];
  const complete = (text: string, cursor: number) => {
    const word = /\S*$/.exec(text.slice(0, cursor))![0];
    const matches = names.filter((n) => n.toLowerCase().startsWith(word.toLowerCase())).map((n) => ({ text: n, list: n }));
    return Promise.resolve({ start: cursor - word.length, length: word.length, matches });
  };
  const t = terminal(80, { complete });
  await t.type("Get-Chi\t");
  assert.is(t.screen.text(), "PS /> Get-ChildItem");
  await t.type(`${KEY.ctrl("u")}Get-Co\t`);
  assert.is(t.screen.text(), "PS /> Get-Command\nGet-Command  Get-Content");
  await t.type("\t");
  assert.is(t.screen.text(), "PS /> Get-Content\nGet-Command  Get-Content");
  await t.type(`${ESC}[Z`);
  assert.is(t.ed.text, "Get-Command");
  await t.type(" x");
  assert.is(t.screen.text(), "PS /> Get-Command x");
  assert.equal([t.screen.row, t.screen.col], [0, 19]);
});

editor("the key decoder keeps an escape sequence split across reads and reads Alt and modifiers", () => {
  const d = new KeyDecoder();
  assert.equal(d.decode(new TextEncoder().encode("a\x1b[")), [{ name: "text", text: "a" }]);
  assert.equal(d.decode(new TextEncoder().encode("1;5Cé\x1b\x7f\r\n\x1b")), [
    { name: "right", ctrl: true },
    { name: "text", text: "é" },
    { name: "backspace", alt: true },
    { name: "enter" },
    { name: "escape" },
  ]);
  assert.equal(d.decode(new TextEncoder().encode("\x1b[Z\x1b[3~\x1bOH\x05")), [
    { name: "tab", shift: true },
    { name: "delete" },
    { name: "home" },
    { name: "e", ctrl: true },
  ]);
});

editor.run();
