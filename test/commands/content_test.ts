/**
 * The content commands (src/commands/content.ts) over a temporary directory, following PowerShell 7 on Linux
 * (microsoft.powershell.management/get-content, set-content, add-content; microsoft.powershell.utility/out-file):
 * Get-Content -TotalCount/-Head/-First, -Tail/-Last, -Raw, -ReadCount, -Delimiter, -Encoding, several and wildcard
 * paths; Set-Content/Add-Content -Encoding, -NoNewline, -PassThru, -LiteralPath; Out-File -Append, -NoClobber,
 * -NoNewline, -Encoding (position 1), -Width. Each test checks the file's bytes.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";

async function inTemp(fn: (dir: string, run: (script: string) => ReturnType<LocalRunspace["invoke"]>) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-content-" });
  try {
    const runspace = new LocalRunspace({ location: dir, env: { HOME: dir } });
    await fn(dir, (script) => runspace.invoke(script));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const bytes = (path: string) => [...Deno.readFileSync(path)];
const text = (path: string) => Deno.readTextFileSync(path);
const ids = (errors: unknown[]) => errors.map((e) => (e as { fullyQualifiedErrorId?: string }).fullyQualifiedErrorId);

const get = suite("Get-Content");

get("-TotalCount (aliases -Head, -First) and -Tail (alias -Last) take lines from either end; 0 takes none", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/n.txt`, "1\n2\n3\n4\n5\n");
    assert.equal((await run("Get-Content n.txt -TotalCount 2")).output, ["1", "2"]);
    assert.equal((await run("Get-Content n.txt -Head 1; Get-Content n.txt -First 0")).output, ["1"]);
    assert.equal((await run("Get-Content n.txt -Tail 2")).output, ["4", "5"]);
    assert.equal((await run("Get-Content n.txt -Last 1")).output, ["5"]);
    const both = await run("Get-Content n.txt -TotalCount 1 -Tail 1");
    assert.equal(ids(both.errors), ["TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand"]);
  });
});

get("-Raw is one string with its line ends; -ReadCount sends arrays of that many lines (0: all in one)", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/n.txt`, "1\r\n2\n3\n4\n5\n");
    assert.equal((await run("Get-Content n.txt -Raw")).output, ["1\r\n2\n3\n4\n5\n"]);
    assert.equal((await run("Get-Content n.txt -ReadCount 2 | ForEach-Object { $_ -join ',' }")).output, ["1,2", "3,4", "5"]);
    assert.equal((await run("(Get-Content n.txt -ReadCount 0).Count; (Get-Content n.txt).Count")).output, [5, 5]);
    Deno.writeTextFileSync(`${dir}/empty.txt`, "");
    assert.equal((await run("$null -eq (Get-Content empty.txt -Raw); (Get-Content empty.txt).Count")).output, [true, 0]);
  });
});

get("-Delimiter splits on the text and keeps it at the end of each section", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/d.txt`, "a;b;c");
    assert.equal((await run("Get-Content d.txt -Delimiter ';'")).output, ["a;", "b;", "c"]);
  });
});

get("several paths, a wildcard, and a Get-ChildItem object piped in; a directory and a missing path are errors", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.txt`, "A\n");
    Deno.writeTextFileSync(`${dir}/b.txt`, "B1\nB2\n");
    Deno.mkdirSync(`${dir}/sub`);
    assert.equal((await run("Get-Content a.txt, b.txt")).output, ["A", "B1", "B2"]);
    assert.equal((await run("Get-Content *.txt -TotalCount 1")).output, ["A", "B1"]);
    assert.equal((await run("Get-ChildItem b.txt | Get-Content -Tail 1")).output, ["B2"]);
    const r = await run("Get-Content sub; Get-Content nope");
    assert.equal(ids(r.errors), ["GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand", "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"]);
    assert.is(r.errors[0].message, `Unable to get content because it is a directory: '${dir}/sub'. Please use 'Get-ChildItem' instead.`);
  });
});

const set = suite("Set-Content / Add-Content");

set("-Encoding: utf8 has no byte order mark (PowerShell 7's default), utf8BOM and unicode do; ascii writes '?'", async () => {
  await inTemp(async (dir, run) => {
    await run("'é' | Set-Content u8.txt; 'é' | Set-Content -Encoding utf8BOM bom.txt; 'é' | Set-Content -Encoding unicode u16.txt; 'é' | Set-Content -Encoding ascii a.txt");
    assert.equal(bytes(`${dir}/u8.txt`), [0xc3, 0xa9, 0x0a]);
    assert.equal(bytes(`${dir}/bom.txt`), [0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x0a]);
    assert.equal(bytes(`${dir}/u16.txt`), [0xff, 0xfe, 0xe9, 0x00, 0x0a, 0x00]);
    assert.equal(bytes(`${dir}/a.txt`), [0x3f, 0x0a]);
    // Reading honours the byte order mark; Add-Content writes no second one.
    assert.equal((await run("'x' | Add-Content -Encoding unicode u16.txt; Get-Content u16.txt")).output, ["é", "x"]);
    assert.equal(bytes(`${dir}/u16.txt`).slice(0, 4), [0xff, 0xfe, 0xe9, 0x00]);
    const bad = await run("'x' | Set-Content -Encoding bogus z.txt");
    assert.equal(ids(bad.errors), ["ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.SetContentCommand"]);
  });
});

set("-NoNewline runs the values together; -PassThru writes them on; -Value takes an array", async () => {
  await inTemp(async (dir, run) => {
    await run("'a', 'b' | Set-Content -NoNewline n.txt; 'c' | Add-Content -NoNewline n.txt");
    assert.is(text(`${dir}/n.txt`), "abc");
    assert.equal((await run("Set-Content p.txt -Value 1, 2 -PassThru")).output, [1, 2]);
    assert.is(text(`${dir}/p.txt`), "1\n2\n");
  });
});

set("-LiteralPath takes brackets as they are; a missing directory is an error naming the path", async () => {
  await inTemp(async (dir, run) => {
    await run("Set-Content -LiteralPath 'x[1].txt' -Value hi");
    assert.is(text(`${dir}/x[1].txt`), "hi\n");
    const r = await run("'x' | Set-Content no/such.txt");
    assert.is(r.errors[0].message, `Could not find a part of the path '${dir}/no/such.txt'.`);
  });
});

const out = suite("Out-File");

out("writes what the console shows, the table sized by all rows; -Append adds; -NoClobber refuses an existing file", async () => {
  await inTemp(async (dir, run) => {
    await run("[pscustomobject]@{ A = 1; B = 'x' }, [pscustomobject]@{ A = 22; B = 'y' } | Out-File t.txt");
    assert.is(text(`${dir}/t.txt`), "\n A B\n - -\n 1 x\n22 y\n\n");
    await run("'more' | Out-File t.txt -Append");
    assert.ok(text(`${dir}/t.txt`).endsWith("\n\nmore\n"));
    const r = await run("'x' | Out-File t.txt -NoClobber");
    assert.equal(ids(r.errors), ["NoClobber,Microsoft.PowerShell.Commands.OutFileCommand"]);
    assert.is(r.errors[0].message, `The file '${dir}/t.txt' already exists.`);
  });
});

out("-NoNewline leaves out every line end; -Encoding is the second position", async () => {
  await inTemp(async (dir, run) => {
    await run("'a', 'b' | Out-File n.txt -NoNewline; 'é' | Out-File u.txt unicode");
    assert.is(text(`${dir}/n.txt`), "ab");
    assert.equal(bytes(`${dir}/u.txt`), [0xff, 0xfe, 0xe9, 0x00, 0x0a, 0x00]);
  });
});

const others = suite("-Encoding elsewhere");

others("Export-Csv, Import-Csv, Tee-Object and Select-String take -Encoding (encoding.ts): bytes written, text read back", async () => {
  await inTemp(async (dir, run) => {
    await run("[pscustomobject]@{ N = 'é' } | Export-Csv -Encoding unicode e.csv");
    assert.equal(bytes(`${dir}/e.csv`).slice(0, 4), [0xff, 0xfe, 0x22, 0x00]);
    assert.equal((await run("(Import-Csv e.csv -Encoding unicode).N")).output, ["é"]);
    await run("[pscustomobject]@{ N = 'x' } | Export-Csv -Encoding unicode e.csv -Append");
    assert.equal((await run("(Import-Csv e.csv).N -join ','")).output, ["é,x"]);
    assert.equal((await run("'é' | Tee-Object -FilePath t.txt -Encoding utf8BOM")).output, ["é"]);
    assert.equal(bytes(`${dir}/t.txt`).slice(0, 3), [0xef, 0xbb, 0xbf]);
    Deno.writeFileSync(`${dir}/l.txt`, new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.equal((await run("(Select-String caf. l.txt -Encoding latin1).Line")).output, ["café"]);
    const bad = await run("Import-Csv e.csv -Encoding nope");
    assert.equal(ids(bad.errors), ["ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.ImportCsvCommand"]);
  });
});

get.run();
others.run();
set.run();
out.run();
