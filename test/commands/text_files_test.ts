/**
 * The commands of issue 3 that read and write files (src/commands/csv.ts, text.ts, content.ts, compare.ts):
 * Export-Csv / Import-Csv, Select-String -Path, Clear-Content and Tee-Object -FilePath, following PowerShell 7 on
 * Linux. Each test runs in its own temporary directory (the session's location, not the process's), checks the
 * files themselves, and removes the directory.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { PSCustomObject } from "../../src/values/objects.ts";
import { formatValue } from "../../src/values/format.ts";

async function inTemp(fn: (dir: string, run: (script: string) => ReturnType<LocalRunspace["invoke"]>) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-text-files-" });
  try {
    const runspace = new LocalRunspace({ location: dir, env: { HOME: dir } });
    await fn(dir, (script) => runspace.invoke(script));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const read = (path: string) => Deno.readTextFileSync(path);
const ids = (errors: { fullyQualifiedErrorId?: string }[]) => errors.map((e) => e.fullyQualifiedErrorId);
const field = (value: unknown, name: string) => (value as PSCustomObject).get(name);

const csv = suite("Export-Csv / Import-Csv");

csv("Export-Csv writes a relative path in the session's location: quoted header and rows, no #TYPE line (PowerShell 7)", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("[pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b,c'; N = 2 } | Export-Csv out.csv");
    assert.equal(r.errors, []);
    assert.equal(r.output, []);
    assert.is(read(`${dir}/out.csv`), '"Name","N"\n"a","1"\n"b,c","2"\n');
  });
});

csv("Export-Csv -UseQuotes AsNeeded, -Delimiter, -IncludeTypeInformation, -NoHeader", async () => {
  await inTemp(async (dir, run) => {
    await run("[pscustomobject]@{ A = 'x;y'; B = 2 } | Export-Csv a.csv -UseQuotes AsNeeded -Delimiter ';' -IncludeTypeInformation");
    assert.is(read(`${dir}/a.csv`), '#TYPE System.Management.Automation.PSCustomObject\nA;B\n"x;y";2\n');
    await run("[pscustomobject]@{ A = 1 } | Export-Csv b.csv -NoHeader");
    assert.is(read(`${dir}/b.csv`), '"1"\n');
  });
});

csv("Export-Csv -Append keeps the file's columns and writes no second header; a missing column needs -Force", async () => {
  await inTemp(async (dir, run) => {
    await run("[pscustomobject]@{ A = 1; B = 2 } | Export-Csv t.csv");
    await run("[pscustomobject]@{ B = 4; A = 3 } | Export-Csv t.csv -Append");
    assert.is(read(`${dir}/t.csv`), '"A","B"\n"1","2"\n"3","4"\n');
    const r = await run("[pscustomobject]@{ A = 5 } | Export-Csv t.csv -Append");
    assert.equal(ids(r.errors as never), ["CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand"]);
    assert.is(r.errors[0].message, `Cannot append CSV content to the following file: ${dir}/t.csv. The appended object does not have a property that corresponds to the following column: B. To continue with mismatched properties, add the -Force parameter, and then retry the command.`);
    await run("[pscustomobject]@{ A = 5 } | Export-Csv t.csv -Append -Force");
    assert.is(read(`${dir}/t.csv`), '"A","B"\n"1","2"\n"3","4"\n"5",\n');
  });
});

csv("Export-Csv -NoClobber refuses an existing file and leaves it as it was", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/keep.csv`, "old\n");
    const r = await run("[pscustomobject]@{ A = 1 } | Export-Csv keep.csv -NoClobber");
    assert.is(r.errors[0].message, `The file '${dir}/keep.csv' already exists.`);
    assert.equal(ids(r.errors as never), ["NoClobber,Microsoft.PowerShell.Commands.ExportCsvCommand"]);
    assert.is(read(`${dir}/keep.csv`), "old\n");
  });
});

csv("Import-Csv reads objects with string values; quoted fields keep delimiters, quotes and line breaks; alias ipcsv", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/in.csv`, 'Name,Note\r\nann,"say ""hi"""\r\n"bo, jr","two\nlines"\r\n');
    const r = await run("ipcsv in.csv");
    assert.equal(r.errors, []);
    assert.is(r.output.length, 2);
    assert.equal((r.output[0] as PSCustomObject).names(), ["Name", "Note"]);
    assert.equal(r.output.map((o) => [field(o, "Name"), field(o, "Note")]), [["ann", 'say "hi"'], ["bo, jr", "two\nlines"]]);
  });
});

csv("Import-Csv -Header and -Delimiter; a missing value is $null; an Export-Csv round trip gives the same values", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/raw.txt`, "1|2\n3\n");
    const r = await run("Import-Csv raw.txt -Header X, Y -Delimiter '|' | ForEach-Object { \"$($_.X)-$($null -eq $_.Y)\" }");
    assert.equal(r.output, ["1-False", "3-True"]);
    const trip = await run("$o = [pscustomobject]@{ A = 'x,\"y\"'; B = 2 }; $o | Export-Csv rt.csv; $i = Import-Csv rt.csv; $i.A; $i.B");
    assert.equal(trip.output, ['x,"y"', "2"]);
  });
});

csv("Import-Csv of a missing file writes FileOpenFailure naming the file; no -Path names the missing parameter", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("Import-Csv nope.csv; 'next'");
    assert.equal(r.output, ["next"]);
    assert.is(r.errors[0].message, `Could not find file '${dir}/nope.csv'.`);
    assert.equal(ids(r.errors as never), ["FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand"]);
    const none = await run("Import-Csv");
    assert.is(none.errors[0].message, "Cannot process command because of one or more missing mandatory parameters: Path.");
  });
});

csv.run();

const sls = suite("Select-String -Path");

const LINES = "This is a text string, and another string\nThis is the second line\nThis is the third line\nThis is the fourth line\nNo matches\n";

sls("a file's MatchInfo shows and converts to path:line:text (Select-String.Tests.ps1); Line, LineNumber, Filename, Path", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/testfile1.txt`, LINES);
    const r = await run("$m = Select-String second testfile1.txt; \"$m\"; $m.Line; $m.LineNumber; $m.Filename; $m.Path");
    assert.equal(r.errors, []);
    assert.equal(r.output, [`${dir}/testfile1.txt:2:This is the second line`, "This is the second line", 2, "testfile1.txt", `${dir}/testfile1.txt`]);
    const shown = await run("Select-String second testfile1.txt");
    assert.is(formatValue(shown.output[0]), `${dir}/testfile1.txt:2:This is the second line`);
  });
});

sls("the pattern first, the path second; -CaseSensitive counts 4 lines with 'is'; -Raw gives the lines; -List one per file", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/testfile1.txt`, LINES);
    Deno.writeTextFileSync(`${dir}/two.txt`, "in one\nin two\n");
    assert.equal((await run("(Select-String is testfile1.txt -CaseSensitive).Count")).output, [4]);
    assert.equal((await run("Select-String in testfile1.txt -Raw")).output, LINES.split("\n").slice(0, 4));
    const list = await run("Select-String in *.txt -List | ForEach-Object { \"$($_.Filename):$($_.LineNumber)\" }");
    assert.equal(list.output, ["testfile1.txt:1", "two.txt:1"]);
  });
});

sls("-Context 1 shows the lines around the match marked '  ' and '> ' with their numbers", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/testfile1.txt`, LINES);
    const r = await run("$m = Select-String third testfile1.txt -Context 1; \"$m\"; $m.Context.PreContext; $m.Context.PostContext");
    const path = `${dir}/testfile1.txt`;
    assert.equal(r.output, [
      `  ${path}:2:This is the second line\n> ${path}:3:This is the third line\n  ${path}:4:This is the fourth line`,
      "This is the second line",
      "This is the fourth line",
    ]);
  });
});

sls("wildcards, -Include/-Exclude, -LiteralPath, and Get-Item objects piped in; directories are skipped", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.log`, "hit a\n");
    Deno.writeTextFileSync(`${dir}/b.log`, "hit b\n");
    Deno.writeTextFileSync(`${dir}/c.txt`, "hit c\n");
    Deno.writeTextFileSync(`${dir}/[x].txt`, "hit x\n");
    Deno.mkdirSync(`${dir}/d.log`);
    const names = async (script: string) => (await run(`${script} | ForEach-Object Filename`)).output;
    assert.equal(await names("Select-String hit *.log"), ["a.log", "b.log"]);
    // -Include and -Exclude are matched against the whole path (MeetsIncludeExcludeCriteria), so `c*` excludes nothing.
    assert.equal(await names("Select-String hit * -Include *.txt -Exclude c*"), ["[x].txt", "c.txt"]);
    assert.equal(await names("Select-String hit * -Include *.txt -Exclude *c.txt"), ["[x].txt"]);
    assert.equal(await names("Select-String hit -LiteralPath '[x].txt'"), ["[x].txt"]);
    assert.equal(await names("Get-Item *.log | Select-String hit"), ["a.log", "b.log"]);
  });
});

sls("a missing -Path is a terminating PathNotFound before any file is read; a missing -LiteralPath file is a ProcessingFile error", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/ok.txt`, "yes\nyes\n");
    const r = await run("Select-String yes ok.txt, nope.txt | ForEach-Object LineNumber; 'next'");
    assert.equal(r.output, ["next"]);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nope.txt' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.SelectStringCommand"]);
    const literal = await run("Select-String yes -LiteralPath nope.txt, ok.txt | ForEach-Object LineNumber");
    assert.equal(literal.output, [1, 2]);
    assert.is(literal.errors[0].message, `The file ${dir}/nope.txt cannot be read: Could not find file '${dir}/nope.txt'.`);
    assert.equal(ids(literal.errors as never), ["ProcessingFile,Microsoft.PowerShell.Commands.SelectStringCommand"]);
  });
});

sls("-Quiet over files: $true at the first file that matches, $false when none does (piped text that never matches gives nothing)", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.txt`, "no\n");
    Deno.writeTextFileSync(`${dir}/b.txt`, "yes\n");
    assert.equal((await run("Select-String yes a.txt, b.txt -Quiet")).output, [true]);
    assert.equal((await run("Select-String maybe a.txt, b.txt -Quiet")).output, [false]);
    assert.equal((await run("'x' | Select-String maybe -Quiet")).output, []);
  });
});

sls.run();

const files = suite("Clear-Content, Tee-Object -FilePath");

files("Clear-Content empties files (wildcards expand) and keeps them; alias clc; missing and directory paths are errors", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/one.tmp`, "x\n");
    Deno.writeTextFileSync(`${dir}/two.tmp`, "y\n");
    Deno.mkdirSync(`${dir}/sub`);
    const r = await run("Clear-Content *.tmp; clc nope; Clear-Content sub");
    assert.is(read(`${dir}/one.tmp`), "");
    assert.is(read(`${dir}/two.tmp`), "");
    assert.equal(ids(r.errors as never), [
      "PathNotFound,Microsoft.PowerShell.Commands.ClearContentCommand",
      "ClearContentUnauthorizedAccessError,Microsoft.PowerShell.Commands.ClearContentCommand",
    ]);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nope' because it does not exist.`);
  });
});

files("Tee-Object -FilePath writes what the console shows and passes the objects on; -Append adds to the file", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("1, 2 | Tee-Object -FilePath t.txt | ForEach-Object { $_ + 10 }");
    assert.equal(r.output, [11, 12]);
    assert.is(read(`${dir}/t.txt`), "1\n2\n");
    await run("'three' | Tee-Object t.txt -Append | Out-Null");
    assert.is(read(`${dir}/t.txt`), "1\n2\nthree\n");
    await run("[pscustomobject]@{ A = 1; B = 'x' }, [pscustomobject]@{ A = 22; B = 'y' } | Tee-Object -FilePath o.txt | Out-Null");
    assert.is(read(`${dir}/o.txt`), "\n A B\n - -\n 1 x\n22 y\n\n");
  });
});

files.run();
