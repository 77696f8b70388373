/**
 * -Confirm on the commands that change something (about_CommonParameters: ShouldProcess), through the real CLI with
 * the answers piped to its stdin: Y (or Enter) does this change, N skips it, A (Yes to All) does it and every later
 * one of the same command without asking, L (No to All) skips the rest; no answer left (end of input) is No. Each test
 * runs in its own temporary directory and checks the file system and the session's variables and aliases itself.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { runRsh } from "../support/rsh_process.ts";

const confirm = suite("ShouldProcess: -Confirm with piped answers");

/** Runs `script` in a new temporary directory; `check` gets the prompts (the CLI asks on stderr) and the output. */
async function inTemp(script: string, answers: string, check: (dir: string, prompts: string, stdout: string) => void) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-should-process-" });
  try {
    // The child starts in the repository (its entry point is a relative path) and moves to the directory itself.
    const r = await runRsh(["-NoProfile", "-c", `Set-Location -LiteralPath '${dir}'\n${script}`], { stdin: answers });
    assert.is(r.code, 0, r.stderr);
    check(dir, r.stderr, r.stdout);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const names = (dir: string) => [...Deno.readDirSync(dir)].map((e) => e.name).sort();
const read = (path: string) => Deno.readTextFileSync(path);
/** How many times the console host asked "Are you sure you want to perform this action?". */
const asked = (prompts: string) => prompts.split("Are you sure you want to perform this action?").length - 1;

confirm("New-Item: N skips the first item, Y creates the second; the question names PowerShell's action and target", async () => {
  await inTemp("New-Item a.txt, b.txt -Confirm | Out-Null", "n\ny\n", (dir, prompts) => {
    assert.equal(names(dir), ["b.txt"]);
    assert.ok(
      prompts.includes(
        `Confirm\nAre you sure you want to perform this action?\nPerforming the operation "Create File" on target "Destination: ${dir}/a.txt".\n` +
          `[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `,
      ),
      prompts,
    );
    assert.is(asked(prompts), 2);
  });
});

confirm("Copy-Item: A (Yes to All) copies every file after one question", async () => {
  const script = "Set-Content x.txt 1; Set-Content y.txt 2; Set-Content z.txt 3; $null = New-Item -ItemType Directory out; Copy-Item *.txt out -Confirm";
  await inTemp(script, "a\n", (dir, prompts) => {
    assert.equal(names(`${dir}/out`), ["x.txt", "y.txt", "z.txt"]);
    assert.is(asked(prompts), 1);
    assert.ok(prompts.includes(`"Copy File" on target "Item: ${dir}/x.txt Destination: ${dir}/out/x.txt"`), prompts);
  });
});

confirm("Copy-Item -Recurse: each item inside the directory is asked about once the directory was allowed", async () => {
  const script = "$null = New-Item -ItemType Directory tree; Set-Content tree/a.txt a; Set-Content tree/b.txt b; Copy-Item tree copy -Recurse -Confirm";
  await inTemp(script, "y\nn\ny\n", (dir, prompts) => {
    assert.equal(names(`${dir}/copy`), ["b.txt"]);
    assert.is(asked(prompts), 3);
    assert.ok(prompts.includes(`"Copy Directory" on target "Item: ${dir}/tree Destination: ${dir}/copy"`), prompts);
    assert.ok(prompts.includes(`"Copy File" on target "Item: ${dir}/tree/a.txt Destination: ${dir}/copy/a.txt"`), prompts);
  });
});

confirm("Set-Content: L (No to All) leaves every file as it was after one question", async () => {
  const script = "Set-Content p.txt old; Set-Content q.txt old; Set-Content p.txt, q.txt new -Confirm";
  await inTemp(script, "l\ny\n", (dir, prompts) => {
    assert.is(read(`${dir}/p.txt`), "old\n");
    assert.is(read(`${dir}/q.txt`), "old\n");
    assert.is(asked(prompts), 1);
    assert.ok(prompts.includes(`"Set Content" on target "Path: ${dir}/p.txt"`), prompts);
  });
});

confirm("Move-Item, Rename-Item, Add-Content, Clear-Content: each Y or N decides its own change", async () => {
  const script = [
    "Set-Content m.txt m; Set-Content r.txt r; Set-Content c.txt c; $null = New-Item -ItemType Directory d",
    "Move-Item m.txt d -Confirm",
    "Rename-Item r.txt s.txt -Confirm",
    "Add-Content c.txt more -Confirm",
    "Clear-Content c.txt -Confirm",
  ].join("\n");
  await inTemp(script, "y\nn\ny\nn\n", (dir, prompts) => {
    assert.equal(names(dir), ["c.txt", "d", "r.txt"]);
    assert.equal(names(`${dir}/d`), ["m.txt"]);
    assert.is(read(`${dir}/c.txt`), "c\nmore\n");
    assert.is(asked(prompts), 4);
    for (const action of ['"Move File"', '"Rename File"', '"Add Content"', '"Clear Content"']) assert.ok(prompts.includes(action), action);
  });
});

confirm("Out-File and Export-Csv ask about the path as written; N writes nothing, Y writes the file", async () => {
  const script = "'text' | Out-File o.txt -Confirm; [pscustomobject]@{ A = 1 } | Export-Csv e.csv -Confirm";
  await inTemp(script, "n\ny\n", (dir, prompts) => {
    assert.equal(names(dir), ["e.csv"]);
    assert.is(read(`${dir}/e.csv`), '"A"\n"1"\n');
    assert.ok(prompts.includes('Performing the operation "Output to File" on target "o.txt".'), prompts);
    assert.ok(prompts.includes('Performing the operation "Export-Csv" on target "e.csv".'), prompts);
  });
});

confirm("the variable and alias commands: Y and N per variable, and no answer left is No", async () => {
  const script = [
    "$a = 1; $b = 2; $c = 3",
    "Set-Variable a 10 -Confirm",
    "New-Variable n 5 -Confirm",
    "Remove-Variable b, c -Confirm",
    "Clear-Variable a -Confirm",
    "Set-Alias zz Get-Date -Confirm",
    "New-Alias zy Get-Date -Confirm",
    "function Has($command, $name) { $null -ne (& $command $name -ErrorAction Ignore) }",
    "\"a=$a n=$(Has Get-Variable n) b=$(Has Get-Variable b) c=$(Has Get-Variable c)\"",
    "\"zz=$(Has Get-Alias zz) zy=$(Has Get-Alias zy)\"",
  ].join("\n");
  // Set a: y; New n: n; Remove b: y; Remove c: n; Clear a: n; Set-Alias: y; New-Alias: input ended, so No.
  await inTemp(script, "y\nn\ny\nn\nn\ny\n", (_dir, prompts, stdout) => {
    assert.ok(stdout.includes("a=10 n=False b=False c=True"), stdout);
    assert.ok(stdout.includes("zz=True zy=False"), stdout);
    assert.ok(prompts.includes('"Set variable" on target "Name: a Value: 10"'), prompts);
    assert.ok(prompts.includes('"Remove variable" on target "Name: c"'), prompts);
    assert.ok(prompts.includes('"New Alias" on target "Name: zy Value: Get-Date"'), prompts);
    assert.is(asked(prompts), 7);
  });
});

confirm.run();
