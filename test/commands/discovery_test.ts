/**
 * Discovery commands (src/commands/get_command.ts, discovery.ts): Get-Command, Get-Member and Get-Help, following
 * PowerShell 7's documentation (Get-Command, Get-Member, Get-Help, about_Command_Precedence,
 * about_Comment_Based_Help); each test names the behaviour it follows.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { findExecutable } from "../../src/platform.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { PSCustomObject } from "../../src/values/objects.ts";

const PATH = "/usr/local/bin:/usr/bin:/bin";

async function run(script: string) {
  const runspace = new LocalRunspace({ env: { PATH } });
  return await runspace.invoke(script);
}

const field = (value: unknown, name: string) => (value as PSCustomObject).get(name);

const getCommand = suite("Get-Command");

getCommand("an exact built-in name gives one CommandInfo: CommandType Cmdlet, Name, empty Version, Source", async () => {
  const r = await run("Get-Command Get-Content");
  assert.equal(r.errors, []);
  assert.is(r.output.length, 1);
  const info = r.output[0] as PSCustomObject;
  assert.equal(info.names(), ["CommandType", "Name", "Version", "Source"]);
  assert.equal([field(info, "CommandType"), field(info, "Name"), field(info, "Version")], ["Cmdlet", "Get-Content", ""]);
});

getCommand("formats as PowerShell's table: CommandType, Name, Version, Source", async () => {
  const r = await run("Get-Command Get-Content | Out-String");
  assert.match(r.output[0] as string, /CommandType\s+Name\s+Version\s+Source\n-+\s+-+\s+-+\s+-+\nCmdlet\s+Get-Content\s+rsh/);
});

getCommand("wildcards list every matching alias, function and cmdlet, aliases first, names sorted", async () => {
  const r = await run("function Get-Cool { }; Get-Command Get-Co* | ForEach-Object { $_.CommandType + ':' + $_.Name }");
  assert.equal(r.output, ["Function:Get-Cool", "Cmdlet:Get-Command", "Cmdlet:Get-Content"]);
});

getCommand("an alias is an Alias CommandInfo whose Definition is the command it runs", async () => {
  const r = await run("Set-Alias hello Write-Output; $c = Get-Command hello; $c.CommandType; $c.Name; $c.Definition; (Get-Command gci).Definition");
  assert.equal(r.output, ["Alias", "hello", "Write-Output", "Get-ChildItem"]);
});

getCommand("an exact name gives the command that runs (about_Command_Precedence: a function hides a cmdlet)", async () => {
  const r = await run("function Get-Date { 'mine' }; (Get-Command Get-Date).CommandType");
  assert.equal(r.output, ["Function"]);
});

getCommand("functions defined in a child scope are found; -CommandType Function lists only functions", async () => {
  const r = await run("function outer { function inner { }; (Get-Command -CommandType Function).Name }; outer");
  assert.equal(r.output, ["inner", "outer"]);
});

getCommand("-CommandType Alias filters; a wildcard that matches nothing writes nothing and no error", async () => {
  const r = await run("(Get-Command -CommandType Alias gc).Definition; Get-Command zzz*");
  assert.equal(r.output, ["Get-Content"]);
  assert.equal(r.errors, []);
});

getCommand("a name found on PATH is an Application whose Source is the program's path", async () => {
  const path = findExecutable("ls", PATH, ".");
  if (!path) return; // no ls on this machine
  const r = await run("$c = Get-Command ls; $c.CommandType; $c.Name; $c.Source");
  assert.equal(r.output, ["Application", "ls", path]);
});

getCommand("a name that matches nothing: CommandNotFoundException with PowerShell's message; the statement goes on", async () => {
  const r = await run("Get-Command No-SuchThing; 'after'");
  assert.equal(r.output, ["after"]);
  assert.is(r.errors.length, 1);
  assert.ok(r.errors[0].message.startsWith("The term 'No-SuchThing' is not recognized as a name of a cmdlet, function, script file, or executable program."));
  assert.ok(r.errors[0].fullyQualifiedErrorId.startsWith("CommandNotFoundException"));
});

getCommand("-ErrorAction SilentlyContinue: nothing is written for an unknown name (the usual existence test)", async () => {
  const r = await run("$null -eq (Get-Command No-SuchThing -ErrorAction SilentlyContinue); [bool](Get-Command Get-Content -ErrorAction SilentlyContinue)");
  assert.equal(r.output, [true, true]);
  assert.equal(r.errors, []);
});

getCommand("without -Name lists aliases, functions and cmdlets, Get-Command among them", async () => {
  const r = await run("$all = Get-Command; ($all | Where-Object Name -eq 'Get-Command').CommandType; ($all | Where-Object Name -eq 'gcm').CommandType");
  assert.equal(r.output, ["Cmdlet", "Alias"]);
});

getCommand.run();

const getMember = suite("Get-Member");

getMember("a PSCustomObject: one NoteProperty per property with PowerShell's 'type name=value' definition", async () => {
  const r = await run("[pscustomobject]@{ a = 1; b = 'x' } | Get-Member -MemberType NoteProperty | ForEach-Object { $_.Name + '|' + $_.Definition }");
  assert.equal(r.output, ["a|int a=1", "b|string b=x"]);
});

getMember("TypeName, Name, MemberType and Definition on each member", async () => {
  const r = await run("$m = [pscustomobject]@{ a = 1 } | Get-Member -Name a; $m.TypeName; $m.Name; $m.MemberType");
  assert.equal(r.output, ["System.Management.Automation.PSCustomObject", "a", "NoteProperty"]);
});

getMember("a string: Length property and the string methods rsh implements, methods before properties", async () => {
  const r = await run("$m = 'abc' | Get-Member; ($m | Where-Object MemberType -eq Property).Name; $m[0].MemberType; ($m.Name -contains 'ToUpper'); ($m.Name -contains 'Substring')");
  assert.equal(r.output, ["Length", "Method", true, true]);
});

getMember("pipeline input enumerates: members per distinct type, each type once", async () => {
  const r = await run("'a', 'b', 1, 2 | Get-Member -Name ToString | ForEach-Object TypeName");
  assert.equal(r.output, ["System.String", "System.Int32"]);
});

getMember("-InputObject takes the collection itself: the array's members", async () => {
  const r = await run("(Get-Member -InputObject @(1, 2) -Name Count).TypeName");
  assert.equal(r.output, ["System.Object[]"]);
});

getMember("a hashtable: its keys, Count/Keys/Values properties and ContainsKey/Add/Remove/Clone methods", async () => {
  const r = await run("$m = @{ k = 1 } | Get-Member; ($m | Where-Object MemberType -eq Method).Name -join ','; ($m | Where-Object MemberType -ne Method).Name -join ','");
  assert.equal(r.output, ["Add,Clone,ContainsKey,GetType,Remove,ToString", "Count,k,Keys,Values"]);
});

getMember("-MemberType Method and -Name wildcards filter", async () => {
  const r = await run("('x' | Get-Member -MemberType Method -Name To*).Name -join ','");
  assert.equal(r.output, ["ToCharArray,ToLower,ToString,ToUpper"]);
});

getMember.run();

const getHelp = suite("Get-Help");

getHelp("comment-based help inside the function body: NAME, SYNOPSIS, SYNTAX and DESCRIPTION sections", async () => {
  const r = await run(`function Get-Greeting {
  <#
  .SYNOPSIS
  Says hello.
  .DESCRIPTION
  Greets someone
  by name.
  #>
  param([Parameter(Mandatory)][string]$Name, [int]$Times, [switch]$Loud)
  "hi $Name"
}
Get-Help Get-Greeting`);
  assert.equal(r.errors, []);
  assert.equal(r.output, [
    "NAME", "    Get-Greeting", "",
    "SYNOPSIS", "    Says hello.", "",
    "SYNTAX", "    Get-Greeting [-Name] <string> [[-Times] <int>] [-Loud]", "",
    "DESCRIPTION", "    Greets someone", "    by name.",
  ]);
});

getHelp("comment-based help right before the function keyword; parameters written as function f($x)", async () => {
  const r = await run("<#\n.SYNOPSIS\nAdds things.\n#>\nfunction Add-Things($x, [switch]$y) { }\nGet-Help Add-Things");
  assert.equal(r.output, ["NAME", "    Add-Things", "", "SYNOPSIS", "    Adds things.", "", "SYNTAX", "    Add-Things [[-x] <Object>] [-y]"]);
});

getHelp(".PARAMETER and .EXAMPLE sections follow", async () => {
  const r = await run("function f { <#\n.SYNOPSIS\ns\n.PARAMETER Path\nWhere.\n.EXAMPLE\nf -Path a\n.EXAMPLE\nf b\n#>\nparam($Path) }; Get-Help f");
  const text = (r.output as string[]).join("\n");
  assert.match(text, /PARAMETER -Path\n {4}Where\.\n\nEXAMPLE 1\n {4}f -Path a\n\nEXAMPLE 2\n {4}f b/);
});

getHelp("a built-in: NAME and SYNTAX from its parameter table; an alias resolves to its command", async () => {
  const r = await run("Get-Help gc");
  assert.equal(r.output.slice(0, 5), ["NAME", "    Get-Content", "", "SYNTAX", "    Get-Content [[-Path] <string[]>] [-LiteralPath <string[]>] [-Raw] [-TotalCount <long>] [-Tail <int>] [-ReadCount <long>] [-Delimiter <string>] [-Encoding <string>] [-Force]"]);
  assert.ok((r.output as string[]).includes("    rsh built-in command"));
});

getHelp("a validate set shows as {A | B}", async () => {
  const r = await run("(Get-Help Set-Alias)[4]");
  assert.match(r.output[0] as string, / \[-Option \{None \| ReadOnly \| Constant \| Private \| AllScope \| Unspecified\}\] /);
});

getHelp("an unknown name: PowerShell's 'could not find X in a help file in this session' error", async () => {
  const r = await run("Get-Help No-Such; 'after'");
  assert.equal(r.output, ["after"]);
  assert.match(r.errors[0].message, /^Get-Help could not find No-Such in a help file in this session\./);
});

getHelp.run();
