/**
 * Formatting: Out-Default's rules (src/values/format.ts) and the Format-Table, Format-List, Out-String, Out-Host,
 * Group-Object and Get-Unique commands. Expected texts come from PowerShell's Pester tests
 * (test/powershell/Modules/Microsoft.PowerShell.Utility/*.Tests.ps1), its format views and its documentation; each
 * test names the behaviour it follows.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runFormatted } from "../support/formatted.ts";
import { formatValue, OutputFormatter } from "../../src/values/format.ts";
import { PSCustomObject, PSHashtable } from "../../src/values/objects.ts";

const run = (source: string) => runFormatted(source, "format_test.rsh");

function object(entries: Record<string, unknown>): PSCustomObject {
  const o = new PSCustomObject();
  for (const [k, v] of Object.entries(entries)) o.set(k, v);
  return o;
}

function table(entries: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
}

const outDefault = suite("format: Out-Default");

outDefault("scalars print one per line and $null prints nothing", async () => {
  assert.is(await run("1; 'two'; $null; $true; 2.5"), "1\ntwo\nTrue\n2.5\n");
  assert.is(new OutputFormatter().write(null), "");
});

outDefault("an object with up to 4 properties is a table between empty lines; numbers right-aligned, header too (Format-Table.Tests: left/right, right/left)", async () => {
  assert.is(await run("[pscustomobject]@{a='abc'; b=123}"), "\na     b\n-     -\nabc 123\n\n");
  assert.is(await run("[pscustomobject]@{a=123; b='abc'}"), "\n  a b\n  - -\n123 abc\n\n");
});

outDefault("an object with 5 or more properties is a list, names padded to the longest (PropertyCountForTable is 4)", async () => {
  assert.is(
    await run("[pscustomobject]@{Prop1=1; Prop2=2; Prop3=3; Prop4=4; LongProp5='five'}"),
    "\nProp1     : 1\nProp2     : 2\nProp3     : 3\nProp4     : 4\nLongProp5 : five\n\n",
  );
});

outDefault("consecutive objects share one header, columns as wide as their widest cell (implicit autosize)", async () => {
  assert.is(
    await run("[pscustomobject]@{abc='1234'; bcd='123'}; [pscustomobject]@{abc='1'; bcd='1234'}"),
    "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n",
  );
});

outDefault("a hashtable is a Name/Value table, Name 30 cells wide; collections show 4 elements (DictionaryEntry view)", async () => {
  const text = await run("$info = [ordered]@{}; $info.array = 0..255; $info.name = 'x'; $info");
  assert.is(text, [
    "",
    "Name                           Value",
    "----                           -----",
    "array                          {0, 1, 2, 3\u2026}",
    "name                           x",
    "",
    "",
  ].join("\n"));
});

outDefault("the first object decides the columns: a later object of another shape shows blank cells (generated views take every object)", async () => {
  assert.is(await run("[pscustomobject]@{a=1}; [pscustomobject]@{b=2}; [pscustomobject]@{a=3}"), "\na\n-\n1\n\n3\n\n");
});

outDefault("scalars are out of band: they print inside a table without ending it", async () => {
  assert.is(await run("[pscustomobject]@{a=1}; 'x'; [pscustomobject]@{a=22}"), "\n a\n -\n 1\nx\n22\n\n");
});

outDefault("a view's table only takes objects of its type: an object after a hashtable starts a new table", async () => {
  assert.is(
    await run("@{k='v'}; @{k2='v2'}; [pscustomobject]@{a=1}"),
    "\nName                           Value\n----                           -----\nk                              v\nk2                             v2\n\n\na\n-\n1\n\n",
  );
});

outDefault("fractional numbers show two decimals in tables (the F format) but in full in lists", async () => {
  assert.is(await run("[pscustomobject]@{double=1234.56789; int=3}"), "\n double int\n ------ ---\n1234.57   3\n\n");
  assert.is(await run("[pscustomobject]@{double=1234.56789} | Format-List | Out-String"), "\ndouble : 1234.56789\n\n\n");
});

outDefault("a cell keeps its first line and marks the rest with an ellipsis (TruncateAtNewLine)", async () => {
  assert.is(await run("[pscustomobject]@{a=\"line1`nline2\"; b=1}"), "\na      b\n-      -\nline1\u2026 1\n\n");
});

outDefault("double-width characters take two cells (Format-Table.Tests and Format-List.Tests, double byte wide chars)", () => {
  const o = object({ "哇": "62", dbda: "KM", "消息": "千" });
  assert.is(formatValue(o), "\n哇 dbda 消息\n-- ---- ----\n62 KM   千\n");
});

outDefault("formatValue formats one value on its own, without the final newline", () => {
  assert.is(formatValue("x"), "x");
  assert.is(formatValue([1, 2]), "1\n2");
  assert.is(formatValue(table({ a: 1 })), "\nName                           Value\n----                           -----\na                              1\n");
});

outDefault.run();

const stream = suite("format: OutputFormatter as a stream");

stream("a table collects rows until collectMs passes (pwsh waits 300 ms), then later rows keep those widths", () => {
  let now = 0;
  const f = new OutputFormatter({ now: () => now });
  assert.is(f.write(object({ name: "a" })), "");
  assert.ok(f.collecting);
  now = 100;
  assert.is(f.write(object({ name: "bbb" })), "");
  now = 300;
  assert.is(f.write(object({ name: "cc" })), "\nname\n----\na\nbbb\ncc\n");
  assert.not.ok(f.collecting);
  assert.is(f.write(object({ name: "a very long name" })), "a v\u2026\n");
  assert.is(f.flush(), "\n");
});

stream("release() prints a collecting table at once; flush() ends it", () => {
  const f = new OutputFormatter();
  assert.is(f.write(object({ n: 1 })), "");
  assert.is(f.release(), "\nn\n-\n1\n");
  assert.is(f.write(object({ n: 2 })), "2\n");
  assert.is(f.flush(), "\n");
  assert.is(f.flush(), "", "nothing is open after a flush");
  assert.is(f.write("after"), "after\n");
});

stream("a table wider than the screen shrinks its last column, cutting cells with an ellipsis", () => {
  const f = new OutputFormatter({ width: 20 });
  const text = f.write(object({ key: "k", value: "0123456789abcdefghijkl" })) + f.flush();
  assert.is(text, "\nkey value\n--- -----\nk   0123456789abcde\u2026\n\n");
  assert.throws(() => new OutputFormatter({ width: 0 }), /width must be a positive integer/);
});

stream.run();

const commands = suite("format: Format-Table, Format-List, Out-String, Out-Host");

commands("Format-Table | Out-String is the table with its empty lines (Format-Table.Tests: implicit autosize)", async () => {
  const text = await run("$s = [pscustomobject]@{abc='1234'; bcd='1234'}, [pscustomobject]@{abc='1'; bcd='1'} | Format-Table | Out-String; $s.Replace(' ', '.')");
  assert.is(text, "\nabc..bcd\n---..---\n1234.1234\n1....1\n\n\n");
});

commands("Format-Table -HideTableHeaders adds no trailing whitespace (Format-Table.Tests)", async () => {
  assert.is(await run("([pscustomobject]@{a=1;b=2} | Format-Table -HideTableHeaders | Out-String).Replace(\"`n\", '')"), "1 2\n");
});

commands("Format-Table emits lines; 5+ properties still make a table; -Property picks columns (wildcards too)", async () => {
  assert.is(await run("$o = [pscustomobject]@{a=1;b=2;c=3;d=4;e=5}; @($o | Format-Table).Count"), "5\n");
  assert.is(await run("[pscustomobject]@{Name='n'; Size=10; Other=1} | Format-Table -Property Name, S*"), "\nName Size\n---- ----\nn      10\n\n");
});

commands("calculated columns take a label, width and alignment (Format-Table.Tests: width declared with center alignment)", async () => {
  const text = await run("([pscustomobject]@{ one = 1 } | Format-Table @{ l='one'; e='one'; width=10; alignment='center' } | Out-String).Replace(' ', '.')");
  assert.is(text, "\n...one\n...---\n....1\n\n\n");
  assert.is(await run("[pscustomobject]@{Len=2} | ft @{n='Double'; e={$_.Len * 2}}"), "\nDouble\n------\n     4\n\n");
});

commands("Format-List | Out-String (Format-List.Tests: expected output; hashtable entries)", async () => {
  assert.is(await run("[pscustomobject]@{testName='testValue'} | Format-List | Out-String"), "\ntestName : testValue\n\n\n");
  const text = await run("@{array = 0..255} | Format-List");
  assert.is(text, "\nName  : array\nValue : {0, 1, 2, 3\u2026}\n\n");
});

commands("Format-List -Property; entries of several objects are separated by an empty line", async () => {
  assert.is(await run("[pscustomobject]@{a=1;b=2}, [pscustomobject]@{a=3;b=4} | Format-List -Property b"), "\nb : 2\n\nb : 4\n\n");
});

commands("Out-String joins everything into one string; -Stream emits lines; -NoNewline joins without (Out-String.Tests)", async () => {
  assert.is(await run("$s = 'a', ' b' | Out-String; $s.Length; $s"), "5\na\n b\n\n");
  assert.is(await run("$l = 'a', \"b`nc\" | Out-String -Stream; $l.Count"), "3\n");
  assert.is(await run("'a', 'b' | Out-String -NoNewline"), "ab\n");
  assert.match(await run("'a' | Out-String -Stream -NoNewline"), /Parameter set cannot be resolved/);
});

commands("Out-String -Width cuts a wide table to fit", async () => {
  assert.is(await run("[pscustomobject]@{k='k'; v='0123456789abcdefghijkl'} | Out-String -Width 12"), "\nk v\n- -\nk 012345678\u2026\n\n\n");
});

commands("Out-Host writes the formatted text to the host instead of the pipeline", async () => {
  assert.is(await run("$x = [pscustomobject]@{a=1} | Out-Host; 'after'"), "\na\n-\n1\n\nafter\n");
});

commands.run();

const grouping = suite("format: Group-Object, Get-Unique");

grouping("Group-Object prints Count/Name/Group in the GroupInfo view, groups sorted by value (Group-Object docs, example 2)", async () => {
  assert.is(await run("1..20 | Group-Object -Property {$_ % 2}"), [
    "",
    "Count Name                      Group",
    "----- ----                      -----",
    "   10 0                         {2, 4, 6, 8\u2026}",
    "   10 1                         {1, 3, 5, 7\u2026}",
    "",
    "",
  ].join("\n"));
});

grouping("Group-Object is case-insensitive unless -CaseSensitive (Group-Object.Tests)", async () => {
  const script = "$r = 'aA','aA','AA','AA' | Group-Object @; $r.Count; $r.Name -join ','; ($r | % { $_.Group.Count }) -join ','";
  assert.is(await run(script.replace("@", "-CaseSensitive")), "2\naA,AA\n2,2\n");
  // One group: `$r.Count` is then the GroupInfo's own Count.
  assert.is(await run(script.replace("@", "")), "4\naA\n4\n");
});

grouping("Group-Object -NoElement leaves out Group; the table has Count and Name (GroupInfoNoElement view)", async () => {
  assert.is(await run("'b','a','b' | Group-Object -NoElement"), "\nCount Name\n----- ----\n    1 a\n    2 b\n\n");
  assert.is(await run("$null -eq ('a' | Group-Object -NoElement).Group"), "True\n");
});

grouping("Group-Object keeps input order when the values differ in type; names join several properties with ', '", async () => {
  assert.is(await run("(2, 'b', 1 | Group-Object).Name -join '|'"), "2|b|1\n");
  assert.is(await run("([pscustomobject]@{a=1;b='x'} | Group-Object a, b).Name"), "1, x\n");
});

grouping("Group-Object -AsHashTable maps each value to its objects (Group-Object.Tests)", async () => {
  const script = "$t = [pscustomobject]@{a='one'; b=2}, [pscustomobject]@{a='two'; b=10} | Group-Object -AsHashTable -Property a; $t.one.b; $t['two'].b";
  assert.is(await run(script), "2\n10\n");
  assert.match(await run("1 | Group-Object -AsString"), /AsString/);
});

grouping("Get-Unique drops an object equal to the one before it (Get-Unique.Tests)", async () => {
  assert.is(await run("(1,2,2,3,3,4,5 | Get-Unique) -join ','"), "1,2,3,4,5\n");
  const input = "'aa','aa','Aa','ba','BA','BA'";
  assert.is(await run(`(${input} | Get-Unique -AsString) -join ','`), "aa,Aa,ba,BA\n");
  assert.is(await run(`(${input} | Get-Unique -AsString -CaseInsensitive) -join ','`), "aa,ba\n");
  assert.is(await run("(Get-Unique -InputObject 1,1,2).Count"), "3\n");
});

grouping.run();
