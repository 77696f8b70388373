/**
 * The item commands (src/commands/items.ts): Get-Item, New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item,
 * Resolve-Path, Push-Location and Pop-Location, following PowerShell 7's FileSystem provider on Linux. Each test runs
 * in its own temporary directory (the session's location), checks the file system itself, and removes the directory.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import type { PSCustomObject } from "../../src/values/objects.ts";

async function inTemp(fn: (dir: string, run: (script: string) => ReturnType<LocalRunspace["invoke"]>) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-items-" });
  try {
    const runspace = new LocalRunspace({ location: dir, env: { HOME: dir } });
    await fn(dir, (script) => runspace.invoke(script));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const kind = (path: string) => {
  try {
    return Deno.statSync(path).isDirectory ? "directory" : "file";
  } catch {
    return null;
  }
};
const field = (value: unknown, name: string) => (value as PSCustomObject).get(name);
const ids = (errors: { fullyQualifiedErrorId?: string }[]) => errors.map((e) => e.fullyQualifiedErrorId);

const items = suite("items");

items("Get-Item: a relative path resolves against the location; the object has Get-ChildItem's properties", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.txt`, "hello");
    const r = await run("Get-Item a.txt");
    assert.equal(r.errors, []);
    assert.is(r.output.length, 1);
    // pwsh on Linux/macOS adds UnixMode, User, Group and Size to file objects.
    assert.equal((r.output[0] as PSCustomObject).names(), ["Mode", "LastWriteTime", "Length", "Name", "FullName", "UnixMode", "User", "Group", "Size"]);
    assert.equal([field(r.output[0], "Name"), field(r.output[0], "FullName"), field(r.output[0], "Length"), field(r.output[0], "Mode")], ["a.txt", `${dir}/a.txt`, 5, "-----"]);
    const d = await run("(Get-Item .).Mode; (Get-Item .).FullName");
    assert.equal(d.output, ["d----", dir]);
  });
});

items("Get-Item: a missing path writes PathNotFound 'Cannot find path ... because it does not exist.'", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("Get-Item nope");
    assert.equal(r.output, []);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nope' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]);
  });
});

items("Get-Item: a wildcard in the leaf lists the matches, sorted; one matching nothing writes no error", async () => {
  await inTemp(async (dir, run) => {
    for (const name of ["b.log", "a.log", "c.txt"]) Deno.writeTextFileSync(`${dir}/${name}`, "");
    const r = await run("(Get-Item *.log).Name; Get-Item *.zip");
    assert.equal(r.output, ["a.log", "b.log"]);
    assert.equal(r.errors, []);
  });
});

items("New-Item: -ItemType File with -Value writes the value as is and returns the item", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("(New-Item -Path notes.txt -ItemType File -Value 'hi there').Name");
    assert.equal(r.errors, []);
    assert.equal(r.output, ["notes.txt"]);
    assert.is(Deno.readTextFileSync(`${dir}/notes.txt`), "hi there");
  });
});

items("New-Item: without -ItemType creates an empty file; -Path with -Name joins them", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/sub`);
    const r = await run("New-Item plain.txt | Out-Null; New-Item -Path sub -Name inner.txt | Out-Null");
    assert.equal(r.errors, []);
    assert.is(Deno.readTextFileSync(`${dir}/plain.txt`), "");
    assert.is(kind(`${dir}/sub/inner.txt`), "file");
  });
});

items("New-Item: -ItemType Directory creates the directory and its missing parents", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("(New-Item -ItemType Directory a/b/c).Mode");
    assert.equal(r.errors, []);
    assert.equal(r.output, ["d----"]);
    assert.is(kind(`${dir}/a/b/c`), "directory");
  });
});

items("New-Item: an existing file is an error 'An item with the specified name X already exists.'; -Force overwrites it", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/x.txt`, "old");
    const r = await run("New-Item x.txt -Value new");
    assert.is(r.errors[0].message, `An item with the specified name ${dir}/x.txt already exists.`);
    assert.equal(ids(r.errors as never), ["NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"]);
    assert.is(Deno.readTextFileSync(`${dir}/x.txt`), "old");
    const forced = await run("New-Item x.txt -Value new -Force | Out-Null");
    assert.equal(forced.errors, []);
    assert.is(Deno.readTextFileSync(`${dir}/x.txt`), "new");
  });
});

items("New-Item: an existing directory is DirectoryExist; with -Force it is returned without error", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/d`);
    Deno.writeTextFileSync(`${dir}/d/keep`, "");
    const r = await run("New-Item -ItemType Directory d");
    assert.is(r.errors[0].message, `An item with the specified name ${dir}/d already exists.`);
    assert.equal(ids(r.errors as never), ["DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand"]);
    const forced = await run("(New-Item -ItemType Directory d -Force).Name");
    assert.equal(forced.errors, []);
    assert.equal(forced.output, ["d"]);
    assert.is(kind(`${dir}/d/keep`), "file");
  });
});

items("New-Item: a file in a missing directory fails 'Could not find a part of the path'; -Force creates the parents", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("New-Item no/such/f.txt");
    assert.is(r.errors[0].message, `Could not find a part of the path '${dir}/no/such/f.txt'.`);
    assert.is(kind(`${dir}/no`), null);
    const forced = await run("New-Item no/such/f.txt -Force | Out-Null");
    assert.equal(forced.errors, []);
    assert.is(kind(`${dir}/no/such/f.txt`), "file");
  });
});

items("Remove-Item: removes a file and an empty directory; a missing path is PathNotFound", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/f`, "");
    Deno.mkdirSync(`${dir}/empty`);
    const r = await run("Remove-Item f; Remove-Item empty; Remove-Item gone");
    assert.is(kind(`${dir}/f`), null);
    assert.is(kind(`${dir}/empty`), null);
    assert.is(r.errors.length, 1);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/gone' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"]);
  });
});

items("Remove-Item: a non-empty directory without -Recurse and nobody to confirm stays, with the 'has children' query as the error; -Recurse removes it", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/full/deep`, { recursive: true });
    Deno.writeTextFileSync(`${dir}/full/deep/f`, "");
    const r = await run("Remove-Item full");
    assert.is(
      r.errors[0].message,
      `The item at ${dir}/full has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`,
    );
    assert.is(kind(`${dir}/full/deep/f`), "file");
    const recursed = await run("Remove-Item full -Recurse");
    assert.equal(recursed.errors, []);
    assert.is(kind(`${dir}/full`), null);
  });
});

items("Remove-Item: a non-empty directory asks PowerShell's Confirm prompt; N keeps it, Enter (default Y) removes it, A answers the rest", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-items-" });
  try {
    const answers: string[] = [];
    const prompts: string[] = [];
    const runspace = new LocalRunspace({
      location: dir,
      env: { HOME: dir },
      host: { output() {}, error() {}, host() {}, prompt: (text) => (prompts.push(text), Promise.resolve(answers.shift() ?? null)) },
    });
    for (const name of ["one", "two", "three", "four"]) {
      Deno.mkdirSync(`${dir}/${name}`);
      Deno.writeTextFileSync(`${dir}/${name}/f`, "");
    }
    answers.push("n");
    const no = await runspace.invoke("Remove-Item one");
    assert.equal(no.errors, []);
    assert.is(kind(`${dir}/one/f`), "file");
    assert.is(
      prompts[0],
      `Confirm\nThe item at ${dir}/one has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `,
    );
    answers.push("");
    const yes = await runspace.invoke("Remove-Item two");
    assert.equal(yes.errors, []);
    assert.is(kind(`${dir}/two`), null);
    answers.push("a");
    const all = await runspace.invoke("Remove-Item three, four");
    assert.equal(all.errors, []);
    assert.is(prompts.length, 3);
    assert.equal([...Deno.readDirSync(dir)].map((e) => e.name), ["one"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

items("Remove-Item: wildcards remove every match", async () => {
  await inTemp(async (dir, run) => {
    for (const name of ["a.tmp", "b.tmp", "c.keep"]) Deno.writeTextFileSync(`${dir}/${name}`, "");
    const r = await run("Remove-Item *.tmp");
    assert.equal(r.errors, []);
    assert.equal([...Deno.readDirSync(dir)].map((e) => e.name), ["c.keep"]);
  });
});

items("Copy-Item: copies a file to a new name and into an existing directory", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/src.txt`, "data");
    Deno.mkdirSync(`${dir}/into`);
    const r = await run("Copy-Item src.txt dst.txt; Copy-Item -Path src.txt -Destination into");
    assert.equal(r.errors, []);
    assert.is(Deno.readTextFileSync(`${dir}/dst.txt`), "data");
    assert.is(Deno.readTextFileSync(`${dir}/into/src.txt`), "data");
    assert.is(Deno.readTextFileSync(`${dir}/src.txt`), "data");
  });
});

items("Copy-Item: a directory without -Recurse is copied empty; with -Recurse its whole tree", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/tree/sub`, { recursive: true });
    Deno.writeTextFileSync(`${dir}/tree/sub/leaf.txt`, "x");
    const r = await run("Copy-Item tree shallow; Copy-Item tree deep -Recurse");
    assert.equal(r.errors, []);
    assert.is(kind(`${dir}/shallow`), "directory");
    assert.equal([...Deno.readDirSync(`${dir}/shallow`)], []);
    assert.is(Deno.readTextFileSync(`${dir}/deep/sub/leaf.txt`), "x");
  });
});

items("Copy-Item: a missing source is PathNotFound", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("Copy-Item nothing there");
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nothing' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand"]);
  });
});

items("Move-Item: moves a file to a new name and into a directory; an existing destination file is an error", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/one`, "1");
    Deno.writeTextFileSync(`${dir}/two`, "2");
    Deno.mkdirSync(`${dir}/box`);
    const r = await run("Move-Item one uno; Move-Item -Path uno -Destination box");
    assert.equal(r.errors, []);
    assert.is(kind(`${dir}/one`), null);
    assert.is(Deno.readTextFileSync(`${dir}/box/uno`), "1");
    Deno.writeTextFileSync(`${dir}/three`, "3");
    const clash = await run("Move-Item two three");
    assert.is(clash.errors[0].message, "Cannot create a file when that file already exists.");
    assert.is(Deno.readTextFileSync(`${dir}/two`), "2");
    const forced = await run("Move-Item two three -Force");
    assert.equal(forced.errors, []);
    assert.is(Deno.readTextFileSync(`${dir}/three`), "2");
  });
});

items("Rename-Item: renames in place; a missing item is 'Cannot rename because item at ... does not exist.'", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/d`);
    Deno.writeTextFileSync(`${dir}/d/old.txt`, "v");
    const r = await run("Rename-Item d/old.txt -NewName new.txt; Rename-Item ghost.txt other.txt");
    assert.is(Deno.readTextFileSync(`${dir}/d/new.txt`), "v");
    assert.is(kind(`${dir}/d/old.txt`), null);
    assert.is(r.errors.length, 1);
    assert.is(r.errors[0].message, "Cannot rename because item at 'ghost.txt' does not exist.");
    assert.equal(ids(r.errors as never), ["InvalidOperation,Microsoft.PowerShell.Commands.RenameItemCommand"]);
  });
});

items("Resolve-Path: emits the absolute path; wildcards expand; a missing path is PathNotFound", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/sub`);
    Deno.writeTextFileSync(`${dir}/sub/x.md`, "");
    Deno.writeTextFileSync(`${dir}/sub/y.md`, "");
    const r = await run("Resolve-Path sub; Resolve-Path ./sub/../sub/x.md; Resolve-Path sub/*.md; Resolve-Path missing");
    assert.equal(r.output, [`${dir}/sub`, `${dir}/sub/x.md`, `${dir}/sub/x.md`, `${dir}/sub/y.md`]);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/missing' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand"]);
  });
});

items("Push-Location / Pop-Location: a per-session stack; Pop-Location on an empty stack does nothing", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/a/b`, { recursive: true });
    const r = await run("Push-Location a; $PWD.Path; Push-Location b; (Get-Location).Path; Pop-Location; (Get-Location).Path; Pop-Location; \"$PWD\"; Pop-Location; (Get-Location).Path");
    assert.equal(r.errors, []);
    assert.equal(r.output, [`${dir}/a`, `${dir}/a/b`, `${dir}/a`, dir, dir]);
  });
});

items("Push-Location: a missing directory is PathNotFound and leaves location and stack as they were", async () => {
  await inTemp(async (dir, run) => {
    const r = await run("Push-Location nowhere; (Get-Location).Path; Pop-Location; (Get-Location).Path");
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nowhere' because it does not exist.`);
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.PushLocationCommand"]);
    assert.equal(r.output, [dir, dir]);
  });
});

items("Push-Location: relative paths after it resolve against the new location (New-Item lands there)", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/work`);
    const r = await run("Push-Location work; New-Item made.txt | Out-Null; Pop-Location; Test-Path work/made.txt");
    assert.equal(r.errors, []);
    assert.equal(r.output, [true]);
    assert.is(kind(`${dir}/work/made.txt`), "file");
  });
});

items("-LiteralPath takes brackets as they are; a wildcard passes over hidden (dot) names unless -Force", async () => {
  await inTemp(async (dir, run) => {
    for (const name of ["x[1].txt", ".hidden", "a.txt"]) Deno.writeTextFileSync(`${dir}/${name}`, "");
    assert.equal((await run("(Get-Item -LiteralPath 'x[1].txt').Name")).output, ["x[1].txt"]);
    assert.equal((await run("(Get-Item *).Name -join ','; (Get-Item * -Force).Name -join ','")).output, ["a.txt,x[1].txt", ".hidden,a.txt,x[1].txt"]);
    await run("Remove-Item -LiteralPath 'x[1].txt'");
    assert.is(kind(`${dir}/x[1].txt`), null);
    const r = await run("Remove-Item -LiteralPath nope");
    assert.equal(ids(r.errors as never), ["PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"]);
  });
});

items("-Include, -Exclude and -Filter keep the matches whose names fit (Remove-Item * -Include *.tmp)", async () => {
  await inTemp(async (dir, run) => {
    for (const name of ["a.txt", "b.tmp", "c.tmp"]) Deno.writeTextFileSync(`${dir}/${name}`, "");
    assert.equal((await run("(Get-Item * -Exclude *.tmp).Name; (Get-Item * -Filter b*).Name")).output, ["a.txt", "b.tmp"]);
    await run("Remove-Item * -Include *.tmp");
    assert.equal([kind(`${dir}/a.txt`), kind(`${dir}/b.tmp`), kind(`${dir}/c.tmp`)], ["file", null, null]);
  });
});

items("Copy-Item, Move-Item and Rename-Item -PassThru write the new item; Get-ChildItem objects pipe into Remove-Item and Rename-Item", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.txt`, "a");
    assert.equal((await run("(Copy-Item a.txt b.txt -PassThru).Name; (Move-Item b.txt c.txt -PassThru).Name; (Rename-Item c.txt d.txt -PassThru).FullName")).output, ["b.txt", "c.txt", `${dir}/d.txt`]);
    await run("Get-ChildItem d.txt | Rename-Item -NewName e.txt");
    assert.equal([kind(`${dir}/d.txt`), kind(`${dir}/e.txt`)], [null, "file"]);
    await run("Get-ChildItem e.txt | Remove-Item");
    assert.is(kind(`${dir}/e.txt`), null);
  });
});

items("Resolve-Path -Relative writes ./name below the location and ../ above it; -LiteralPath", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/sub`);
    Deno.writeTextFileSync(`${dir}/a.txt`, "");
    Deno.writeTextFileSync(`${dir}/sub/b.txt`, "");
    assert.equal((await run("Resolve-Path a.txt, sub/b.txt -Relative")).output, ["./a.txt", "./sub/b.txt"]);
    assert.equal((await run("cd sub; Resolve-Path ../a.txt -Relative; cd ..")).output, ["../a.txt"]);
    assert.equal((await run("Resolve-Path -LiteralPath a.txt")).output, [`${dir}/a.txt`]);
    // -RelativeBasePath (PowerShell 7.4) replaces the location for both resolving and -Relative.
    assert.equal((await run("Resolve-Path b.txt -RelativeBasePath sub; Resolve-Path ../a.txt -Relative -RelativeBasePath sub")).output, [`${dir}/sub/b.txt`, "../a.txt"]);
  });
});

items("New-Item -ItemType SymbolicLink / HardLink with -Target (alias of -Value); a missing target is PathNotFound", async () => {
  await inTemp(async (dir, run) => {
    Deno.writeTextFileSync(`${dir}/a.txt`, "hi");
    Deno.mkdirSync(`${dir}/sub`);
    assert.equal((await run("(New-Item -ItemType SymbolicLink -Path lnk -Target a.txt).Name; Get-Content lnk")).output, ["lnk", "hi"]);
    assert.ok(Deno.lstatSync(`${dir}/lnk`).isSymlink);
    assert.is(Deno.readLinkSync(`${dir}/lnk`), "a.txt");
    const again = await run("New-Item -ItemType SymbolicLink -Path lnk -Target a.txt");
    assert.equal(ids(again.errors as never), ["NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"]);
    assert.equal((await run("(New-Item -ItemType SymbolicLink -Path lnk -Value sub -Force).Mode")).output, ["d----"]);
    assert.equal((await run("(New-Item -ItemType HardLink hl -Value a.txt).Length")).output, [2]);
    assert.is(Deno.statSync(`${dir}/hl`).nlink, 2);
    const missing = await run("New-Item -ItemType SymbolicLink bad -Target nope");
    assert.is(missing.errors[0].message, `Cannot find path '${dir}/nope' because it does not exist.`);
  });
});

items("Push-Location -StackName keeps its own stack; -PassThru writes the location; Get-Location -Stack lists it, newest first; an empty named stack is an error", async () => {
  await inTemp(async (dir, run) => {
    Deno.mkdirSync(`${dir}/sub`);
    assert.equal((await run("Push-Location sub -StackName s1 -PassThru; Push-Location .. ; Pop-Location -StackName s1 -PassThru; Pop-Location -PassThru")).output.map(String), [`${dir}/sub`, dir, `${dir}/sub`]);
    assert.equal((await run(`Set-Location '${dir}'; Push-Location sub; Push-Location ..; Get-Location -Stack; Pop-Location; Pop-Location`)).output, [`${dir}/sub`, dir]);
    const r = await run("Pop-Location -StackName s1");
    assert.is(r.errors[0].message, "Cannot find location stack 's1'. It does not exist or it is not a container.");
  });
});

items.run();
