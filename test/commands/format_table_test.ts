/**
 * Format-Table and Format-List parameters (microsoft.powershell.utility/format-table, format-list) and Out-Default
 * (microsoft.powershell.core/out-default): -GroupBy, -Wrap, calculated properties' FormatString, -DisplayError and
 * -ShowError; the file views' `Directory:` group header. Expected texts follow pwsh's formatter (TableWriter,
 * StringManipulationHelper's word wrap for the en culture).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runFormatted } from "../support/formatted.ts";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { OutputFormatter } from "../../src/values/format.ts";

const run = (source: string) => runFormatted(source, "format_table_test.rsh");

const objects = "$o = 1..3 | % { [pscustomobject]@{ G = [int]($_ -gt 1); V = \"v$_\" } };";

const table = suite("Format-Table / Format-List parameters");

table("Format-Table -GroupBy: each run of equal values under `   G: value`, a table header per group", async () => {
  assert.is(await run(objects + "$o | Format-Table -GroupBy G"), [
    "", "   G: 0", "", "G V", "- -", "0 v1", "", "   G: 1", "", "G V", "- -", "1 v2", "1 v3", "", "",
  ].join("\n"));
});

table("Format-Table -GroupBy takes a calculated property (its label heads the groups)", async () => {
  const text = await run("1..3 | % { [pscustomobject]@{ N = $_ } } | Format-Table -GroupBy @{ Name = 'Odd'; Expression = { $_.N % 2 } }");
  assert.equal(text.split("\n").filter((l) => l.startsWith("   ")), ["   Odd: 1", "   Odd: 0", "   Odd: 1"]);
});

table("Format-List -GroupBy: list entries under their group header", async () => {
  assert.is(await run(objects + "$o | Format-List -GroupBy G -Property V"), [
    "", "   G: 0", "", "V : v1", "", "   G: 1", "", "V : v2", "", "V : v3", "", "",
  ].join("\n"));
});

table("Format-Table -Wrap: a cell goes on over more lines, word by word; without it the text is cut at its line break", async () => {
  const wide = "[pscustomobject]@{ A = 'one two three four five six'; B = 1 } | Format-Table -Wrap -Property @{ n = 'A'; e = { $_.A }; w = 9 }, B";
  assert.is(await run(wide), "\nA         B\n-         -\none two   1\nthree\nfour\nfive six\n\n");
  assert.is(await run("[pscustomobject]@{ A = \"line1`nline two\"; B = 1 } | Format-Table -Wrap"), "\nA        B\n-        -\nline1    1\nline two\n\n");
  assert.is(await run("[pscustomobject]@{ A = \"line1`nline two\"; B = 1 } | Format-Table"), "\nA      B\n-      -\nline1\u2026 1\n\n");
});

table("a calculated property's FormatString formats its value (a number stays right-aligned)", async () => {
  assert.is(await run("[pscustomobject]@{ A = 3.14159 }, [pscustomobject]@{ A = 10 } | Format-Table @{ n = 'Pi'; e = { $_.A }; FormatString = 'N2' }"), "\n   Pi\n   --\n 3.14\n10.00\n\n");
  assert.is(await run("[pscustomobject]@{ A = 0.5 } | Format-List @{ n = 'P'; e = 'A'; FormatString = 'P0' }"), "\nP : 50%\n\n");
});

table("a failing calculated property leaves its cell blank; -DisplayError shows #ERR; -ShowError writes the error", async () => {
  const script = "[pscustomobject]@{ A = 1 } | Format-Table @{ n = 'Bad'; e = { throw 'boom' } }, A";
  assert.is(await run(script), "\nBad A\n--- -\n    1\n\n");
  assert.is(await run(script + " -DisplayError"), "\nBad  A\n---  -\n#ERR 1\n\n");
  assert.match(await run(script + " -ShowError"), /^ERROR: boom\n/);
});

table("file items show under `    Directory: path` (FileSystem_format_ps1xml groups by PSParentPath), one group per directory", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.mkdirSync(`${dir}/sub`);
    Deno.writeTextFileSync(`${dir}/a.txt`, "a");
    Deno.writeTextFileSync(`${dir}/sub/b.txt`, "b");
    const text = await run(`Get-ChildItem -LiteralPath '${dir}' -Recurse -File`);
    const lines = text.split("\n");
    assert.equal(lines.slice(0, 3), ["", `    Directory: ${dir}`, ""]);
    assert.equal(lines.filter((l) => l.startsWith("    Directory:")), [`    Directory: ${dir}`, `    Directory: ${dir}/sub`]);
    // The table before the next header ends without its own empty line: one empty line parts the groups.
    assert.match(text, /a\.txt\n\n {4}Directory: /);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

table("Format-Table's lines are laid out again by an Out-* command of another width (Out-String -Width, the console)", async () => {
  const wide = "$o = [pscustomobject]@{ k = 'k'; v = 'x' * 150 };";
  assert.is(await run(wide + "($o | Format-Table | Out-String -Width 200).Split(\"`n\")[3].Length"), "152\n");
  assert.is(await run(wide + "($o | Format-Table | Out-String -Width 30).Split(\"`n\")[3]"), `k ${"x".repeat(27)}\u2026\n`);
  // Read as strings they are the lines at 120 columns; a narrower -Wrap table takes more lines.
  assert.is(await run(wide + "@($o | Format-Table)[3].Length; @($o | Format-Table -Wrap | Out-String -Width 30 -Stream).Count"), "120\n10\n");
  const formatter = new OutputFormatter({ width: 20, collectMs: Infinity });
  const { output } = await new LocalRunspace().invoke("[pscustomobject]@{ a = 'x' * 40 } | Format-List");
  assert.is(output.map((line) => formatter.write(line)).join(""), "\na : xxxxxxxxxxxxxxxx\n    xxxxxxxxxxxxxxxx\n    xxxxxxxx\n\n");
});

table("the env: drive's items show in the DictionaryEntry view (Name 30 cells wide) and have a Key", async () => {
  const text = await run("$env:RSH_FMT_TEST = 'v'; Get-ChildItem env:RSH_FMT_TEST");
  assert.is(text, `\nName${" ".repeat(27)}Value\n----${" ".repeat(27)}-----\nRSH_FMT_TEST${" ".repeat(19)}v\n\n`);
  assert.is(await run("$env:RSH_FMT_TEST = 'v'; (Get-ChildItem env:RSH_FMT_TEST).Key"), "RSH_FMT_TEST\n");
});

table.run();

const outDefault = suite("Out-Default / Out-Host");

outDefault("Out-Default formats its input to the host and writes nothing to the pipeline; -Transcript writes nowhere else", async () => {
  assert.is(await run("$r = [pscustomobject]@{ a = 1 } | Out-Default; $null -eq $r"), "\na\n-\n1\n\nTrue\n");
  assert.is(await run("'x' | Out-Default -Transcript; 'after'"), "after\n");
});

outDefault("Out-Host -Paging writes everything on a host without a pager", async () => {
  assert.is(await run("1, 2 | Out-Host -Paging"), "1\n2\n");
});

outDefault.run();
