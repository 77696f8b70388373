/**
 * Get-ChildItem (src/commands/childitem.ts) over a temporary directory, following PowerShell 7's FileSystem provider
 * on Linux (microsoft.powershell.management/get-childitem): -Filter (position 1), -Include, -Exclude, -Recurse,
 * -Depth, -File, -Directory, -Hidden, -Force, -Name, -LiteralPath. The session's location is the directory.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { formatValue, LocalRunspace } from "../../src/runspace/local_runspace.ts";

async function inTree(fn: (dir: string, run: (script: string) => ReturnType<LocalRunspace["invoke"]>) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rsh-gci-" });
  try {
    for (const d of ["sub/deep", ".hid"]) Deno.mkdirSync(`${dir}/${d}`, { recursive: true });
    for (const f of ["a.txt", "b.log", "sub/c.txt", "sub/deep/d.txt", ".hidden", ".hid/e.txt"]) Deno.writeTextFileSync(`${dir}/${f}`, f);
    const runspace = new LocalRunspace({ location: dir, env: { HOME: dir } });
    await fn(dir, (script) => runspace.invoke(script));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const gci = suite("Get-ChildItem");

gci("a name starting with '.' is hidden on Linux: listed only with -Force; -Hidden lists only hidden items", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Name")).output, ["sub", "a.txt", "b.log"]);
    assert.equal((await run("Get-ChildItem -Name -Force")).output, [".hid", "sub", ".hidden", "a.txt", "b.log"]);
    assert.equal((await run("Get-ChildItem -Name -Hidden")).output, [".hid", ".hidden"]);
  });
});

gci("subdirectories come before files; -Recurse lists a directory's children before descending; -Name writes paths relative to the listed directory", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Recurse -Name")).output, ["sub", "a.txt", "b.log", "sub/deep", "sub/c.txt", "sub/deep/d.txt"]);
    // Hidden directories are not descended into without -Force.
    assert.equal((await run("(Get-ChildItem -Recurse -Force -Name) -join ','")).output, [".hid,sub,.hidden,a.txt,b.log,.hid/e.txt,sub/deep,sub/c.txt,sub/deep/d.txt"]);
  });
});

gci("-Depth limits the levels (and implies -Recurse): 0 is the children only", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Depth 0 -Name")).output, ["sub", "a.txt", "b.log"]);
    assert.equal((await run("Get-ChildItem -Depth 1 -Name")).output, ["sub", "a.txt", "b.log", "sub/deep", "sub/c.txt"]);
  });
});

gci("-Filter matches names (positional after -Path) and recursion still walks every directory", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Recurse -Filter *.txt -Name")).output, ["a.txt", "sub/c.txt", "sub/deep/d.txt"]);
    assert.equal((await run("Get-ChildItem . *.log -Name")).output, ["b.log"]);
  });
});

gci("with -Recurse a wildcard path filters the whole tree below its directory (`Get-ChildItem *.txt -Recurse`)", async () => {
  await inTree(async (dir, run) => {
    assert.equal((await run("Get-ChildItem *.txt -Recurse -Name")).output, ["a.txt", "sub/c.txt", "sub/deep/d.txt"]);
    assert.equal((await run("Get-ChildItem sub/*.txt -Recurse -Name")).output, ["c.txt", "deep/d.txt"]);
    assert.equal((await run("(Get-ChildItem d* -Recurse).FullName")).output, [`${dir}/sub/deep`, `${dir}/sub/deep/d.txt`]);
  });
});

gci("-File and -Directory (aliases -af, -ad) keep one kind", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Recurse -File -Name")).output, ["a.txt", "b.log", "sub/c.txt", "sub/deep/d.txt"]);
    assert.equal((await run("Get-ChildItem -r -ad -Name")).output, ["sub", "sub/deep"]);
  });
});

gci("-Include and -Exclude take several wildcards", async () => {
  await inTree(async (_dir, run) => {
    assert.equal((await run("Get-ChildItem -Include *.txt, *.log -Name")).output, ["a.txt", "b.log"]);
    assert.equal((await run("Get-ChildItem -Exclude *.txt -Name")).output, ["sub", "b.log"]);
    assert.equal((await run("Get-ChildItem -Recurse -Include *.txt -Exclude c* -Name")).output, ["a.txt", "sub/deep/d.txt"]);
  });
});

gci("a file path gives the file; a wildcard path lists a matched directory's children; objects carry FullName", async () => {
  await inTree(async (dir, run) => {
    assert.equal((await run("(Get-ChildItem a.txt).FullName")).output, [`${dir}/a.txt`]);
    assert.equal((await run("Get-ChildItem su* -Name")).output, ["deep", "c.txt"]);
    assert.equal((await run("Get-ChildItem -Recurse -Filter d.txt | ForEach-Object FullName")).output, [`${dir}/sub/deep/d.txt`]);
    assert.equal((await run("Get-ChildItem a.txt, b.log -Name")).output, ["a.txt", "b.log"]);
  });
});

gci("-LiteralPath takes wildcard characters as they are; a missing path writes PathNotFound", async () => {
  await inTree(async (dir, run) => {
    Deno.mkdirSync(`${dir}/x[1]`);
    Deno.writeTextFileSync(`${dir}/x[1]/f`, "");
    assert.equal((await run("Get-ChildItem -LiteralPath 'x[1]' -Name")).output, ["f"]);
    const r = await run("Get-ChildItem nope");
    assert.equal(r.errors.map((e) => (e as { fullyQualifiedErrorId?: string }).fullyQualifiedErrorId), ["PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"]);
    assert.is(r.errors[0].message, `Cannot find path '${dir}/nope' because it does not exist.`);
  });
});

gci("a link to a directory is listed but not descended into; -FollowSymlink descends, once per real directory", async () => {
  await inTree(async (dir, run) => {
    Deno.symlinkSync(`${dir}/sub/deep`, `${dir}/link`);
    // A loop: sub/deep/up leads back to the top.
    Deno.symlinkSync(dir, `${dir}/sub/deep/up`);
    assert.equal((await run("Get-ChildItem -Recurse -Name -Filter *.txt")).output, ["a.txt", "sub/c.txt", "sub/deep/d.txt"]);
    // `link` comes before `sub`, so sub/deep is reached first through it and skipped later.
    assert.equal((await run("Get-ChildItem -Recurse -FollowSymlink -Name -Filter *.txt")).output, ["a.txt", "link/d.txt", "sub/c.txt"]);
    // Through the loop: link (sub/deep), then up (the top), whose sub/deep was listed already.
    assert.equal((await run("Get-ChildItem link -FollowSymlink -Recurse -Name -Filter *.txt")).output, ["d.txt", "up/a.txt", "up/sub/c.txt"]);
  });
});

gci("items show in the Unix file view under their directory (FileSystem format on Linux/macOS, childrenWithUnixStat: `    Directory: path` groups by PSParentPath; UnixMode 10, User 10 right, Group 10, LastWriteTime as '{0:d} {0:HH}:{0:mm}' 16 right, Size 12 right, Name)", async () => {
  await inTree(async (dir, run) => {
    Deno.utimeSync(`${dir}/a.txt`, new Date(2021, 4, 6, 13, 14), new Date(2021, 4, 6, 13, 14));
    Deno.chmodSync(`${dir}/a.txt`, 0o640);
    Deno.symlinkSync("a.txt", `${dir}/link`);
    const lines = formatValue((await run("Get-ChildItem a.txt, b.log, link")).output).split("\n");
    assert.equal(lines.slice(0, 5).map((l) => l.trimEnd()), ["", `    Directory: ${dir}`, "", "UnixMode         User Group         LastWriteTime         Size Name", "--------         ---- -----         -------------         ---- ----"]);
    // The user and group are this machine's: the owner's names from /etc/passwd and /etc/group (or their ids).
    assert.match(lines[5].trimEnd(), /^-rw-r----- {1,10}\S+ \S+ +5\/6\/2021 13:14 {12}5 a\.txt$/);
    assert.match(lines[6], /^-rw-[-r][-w]-[-r][-w]- +\S+ \S+ +\d+\/\d+\/\d{4} \d\d:\d\d +5 b\.log$/);
    // A symbolic link shows as one: its own mode and size, and where it points.
    assert.match(lines[7].trimEnd(), /^lrwxrwxrwx +\S+ \S+ +\S+ \S+ +5 link -> a\.txt$/);
  });
});

gci("-Recurse: each directory's items under their own `    Directory:` header, one empty line between groups", async () => {
  await inTree(async (dir, run) => {
    const text = formatValue((await run("Get-ChildItem -Recurse -File | Select-Object -First 3")).output);
    const headers = text.split("\n").filter((l) => l.startsWith("    Directory: "));
    assert.equal(headers, [`    Directory: ${dir}`, `    Directory: ${dir}/sub`]);
    assert.match(text, /b\.log\n\n {4}Directory: /);
  });
});

gci.run();
