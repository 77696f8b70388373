import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { VERSION } from "../../src/version.ts";
import { rshCommand, runRsh, startRsh } from "../support/rsh_process.ts";

const cli = suite("cli: the rsh command-line contract");

let dir = "";
cli.before(() => void (dir = Deno.makeTempDirSync({ prefix: "rsh-cli-" })));
cli.after(() => Deno.removeSync(dir, { recursive: true }));

function tempScript(name: string, text: string): string {
  const path = `${dir}/${name}`;
  Deno.writeTextFileSync(path, text);
  return path;
}

cli("--version prints the package version", async () => {
  const pkg = JSON.parse(Deno.readTextFileSync("package.json"));
  assert.is(pkg.version, VERSION);
  const r = await runRsh(["--version"]);
  assert.is(r.code, 0);
  assert.is(r.stdout, `rsh ${VERSION}\n`);
});

cli("--help prints usage and exits 0", async () => {
  const r = await runRsh(["--help"]);
  assert.is(r.code, 0);
  assert.match(r.stdout, /Usage: rsh/);
});

cli("an unknown option exits 64 with a message naming it (pwsh uses 64 for bad arguments)", async () => {
  const r = await runRsh(["--frobnicate"]);
  assert.is(r.code, 64);
  assert.match(r.stderr, /Unknown option '--frobnicate'/);
});

cli("-c runs the text and prints one output object per line", async () => {
  const r = await runRsh(["-c", "1; 'two'; 1 + 2"]);
  assert.is(r.stderr, "");
  assert.is(r.stdout, "1\ntwo\n3\n");
  assert.is(r.code, 0);
});

cli("-Command is the long form of -c (prefixes and any case work, as in pwsh)", async () => {
  const r = await runRsh(["-COMMAND", "40 + 2"]);
  assert.is(r.stdout, "42\n");
});

cli("exit N gives exit status N", async () => {
  const r = await runRsh(["-c", "'before'; exit 7; 'after'"]);
  assert.is(r.stdout, "before\n");
  assert.is(r.code, 7);
});

cli("an escaping terminating error exits 1 and goes to stderr", async () => {
  const r = await runRsh(["-c", "'a'; throw 'boom'; 'b'"]);
  assert.is(r.stdout, "a\n");
  assert.match(r.stderr, /boom/);
  assert.is(r.code, 1);
});

cli("a parse error exits 1 with PowerShell's message and the position", async () => {
  const r = await runRsh(["-c", "1 +"]);
  assert.is(r.code, 1);
  assert.is(r.stdout, "");
  assert.match(r.stderr, /<command>:1:3/);
  assert.match(r.stderr, /You must provide a value expression following the '\+' operator\./);
});

cli("a script file's parse error names file:line:column", async () => {
  const path = tempScript("broken.rsh", "'ok'\nif ($true) {\n  1\n");
  const r = await runRsh([path]);
  assert.is(r.code, 1);
  assert.is(r.stdout, "", "nothing runs when the script does not parse");
  assert.ok(r.stderr.includes(`${path}:2:12`), r.stderr);
  assert.match(r.stderr, /Missing closing '\}' in statement block or type definition\./);
});

cli("> and >> write output to a file, 2> writes errors (about_Redirection)", async () => {
  const out = `${dir}/out.txt`;
  const err = `${dir}/err.txt`;
  const r = await runRsh(["-c", `'one' > '${out}'; 1..2 >> '${out}'; Write-Error 'bad' 2> '${err}'; 'shown'`]);
  assert.is(r.stdout, "shown\n");
  assert.is(r.stderr, "");
  assert.is(Deno.readTextFileSync(out), "one\n1\n2\n");
  assert.is(Deno.readTextFileSync(err), "bad\n");
});

cli("file commands resolve paths against the session's location (Set-Location, *-Content, Test-Path)", async () => {
  const script = `Set-Location '${dir}'; 'a', 'b' | Set-Content f.txt; Add-Content f.txt 'c'; Get-Content f.txt; ` +
    `(Get-Content f.txt -Raw).Length; Test-Path f.txt; Test-Path nope.txt; $PWD.Path; 1, 2 | Out-File o.txt; Get-Content ./o.txt`;
  const r = await runRsh(["-c", script]);
  assert.is(r.stderr, "");
  assert.is(r.stdout, `a\nb\nc\n6\nTrue\nFalse\n${dir}\n1\n2\n`);
  assert.is(Deno.readTextFileSync(`${dir}/f.txt`), "a\nb\nc\n");
});

cli("script arguments bind to param() by name and position, like pwsh -File", async () => {
  const path = tempScript("greet.rsh", "param([string]$Name, [int]$Count = 1)\n\"$Name x $Count\"\n");
  const r1 = await runRsh([path, "-Name", "Ada", "-Count", "3"]);
  assert.is(r1.stdout, "Ada x 3\n");
  const r2 = await runRsh([path, "Bob"]);
  assert.is(r2.stdout, "Bob x 1\n");
});

cli("script arguments land in $args when the script has no param()", async () => {
  const path = tempScript("args.rsh", "$args.Count\n$args[1]\n");
  const r = await runRsh([path, "a", "b", "c"]);
  assert.is(r.stdout, "3\nb\n");
});

cli("a missing script file is reported (exit 64, as pwsh -File)", async () => {
  const r = await runRsh(["/nonexistent/nope.rsh"]);
  assert.is(r.code, 64);
  assert.match(r.stderr, /nope\.rsh' is not recognized as the name of a script file/);
});

cli("stdin not a terminal: statements are gathered across lines and run in order, without prompts", async () => {
  const r = await runRsh([], { stdin: "$x = 5\n$x * 2\nif ($x -gt 1) {\n  'multi'\n}\n'end'\n" });
  assert.is(r.stderr, "");
  assert.is(r.stdout, "10\nmulti\nend\n");
  assert.is(r.code, 0);
});

cli("stdin: each statement runs before the next line is read, and its output appears at once", async () => {
  const rsh = startRsh([]);
  try {
    rsh.write("'first'\n");
    await rsh.waitFor("first\n");
    assert.not.match(rsh.stdout, /second/);
    rsh.write("'second'\n");
    await rsh.waitFor("second\n");
    rsh.end();
    assert.is(await rsh.exited, 0);
  } finally {
    rsh.kill();
  }
});

cli("stdin: a parse error is reported and later statements still run", async () => {
  const r = await runRsh([], { stdin: "1 )\n'still here'\n" });
  assert.match(r.stderr, /Unexpected token '\)' in expression or statement\./);
  assert.is(r.stdout, "still here\n");
});

cli("stdin: a trailing operator continues the statement on the next line, as in pwsh", async () => {
  const r = await runRsh([], { stdin: "1 +\n2\n" });
  assert.is(r.stdout, "3\n");
});

cli("stdin: exit N ends the session with N", async () => {
  const r = await runRsh([], { stdin: "'a'\nexit 3\n'b'\n" });
  assert.is(r.stdout, "a\n");
  assert.is(r.code, 3);
});

cli("on a terminal (a pty from util-linux `script`) rsh starts the REPL with a PS prompt", () => {
  const [command, argv] = rshCommand([]);
  const quoted = [command, ...argv].map((a) => `'${a}'`).join(" ");
  // node:child_process works on both runtimes (the Node shim has no Deno.Command).
  const result = spawnSync("script", ["-qec", quoted, "/dev/null"], { input: "20 + 22\nexit 5\n", encoding: "utf8", timeout: 20_000 });
  // The line editor draws the entry after the prompt (with colours unless NO_COLOR): read the text without them.
  // deno-lint-ignore no-control-regex
  const text = result.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  const code = result.status;
  assert.match(text, /PS \/[^\r\n]*> 20 \+ 22\r*\n42\r?\n/);
  assert.is(code, 5);
});

cli("a script's $MyInvocation names the script file (about_Automatic_Variables: MyCommand.Name and Path)", async () => {
  const path = tempScript("who.rsh", "$MyInvocation.MyCommand.Name\n$MyInvocation.MyCommand.Path -eq $PSCommandPath\n");
  const { stdout, code } = await runRsh([path]);
  assert.is(code, 0);
  assert.equal(stdout.trim().split(/\r?\n/), ["who.rsh", "True"]);
});

cli.run();
