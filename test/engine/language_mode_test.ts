/**
 * Language modes (about_Language_Modes) and visible commands in one runspace: what each mode lets a user's text do,
 * the positioned error naming the mode for what it does not, and the trust a startup script's functions keep.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ErrorRecord } from "../../src/engine/errors.ts";
import type { LanguageMode } from "../../src/engine/language_mode.ts";
import { LocalRunspace, type LocalRunspaceOptions } from "../../src/runspace/local_runspace.ts";

async function run(options: LocalRunspaceOptions, script: string): Promise<{ output: string[]; errors: ErrorRecord[] }> {
  const runspace = new LocalRunspace(options);
  try {
    const result = await runspace.invoke(script);
    return { output: result.output.map(String), errors: result.errors };
  } finally {
    await runspace.close();
  }
}

const inMode = (languageMode: LanguageMode, script: string) => run({ languageMode }, script);

const modes = suite("language modes: what the user's text may use");

modes("NoLanguage runs commands with literal arguments, and refuses variables, operators, script blocks and subexpressions", async () => {
  assert.equal((await inMode("NoLanguage", "Write-Output hello 'a b' 3; ConvertTo-Json -InputObject 5 -Compress")).output, ["hello", "a b", "3", "5"]);
  for (const script of ["Write-Output $HOME", "1 + 1", "{ 1 }", "Write-Output $(Get-Date)", "Write-Output (1)", "& Write-Output 1", "Write-Output 1 > out.txt", "$x = 1"]) {
    const { output, errors } = await inMode("NoLanguage", script);
    assert.equal(output, [], script);
    assert.is(errors.length, 1, script);
    // PowerShell's ScriptsNotAllowed wording, naming the mode.
    assert.match(errors[0].message, /The syntax is not supported by this runspace\. This can occur if the runspace is in no-language mode \(NoLanguage\)/, script);
    assert.is(errors[0].fullyQualifiedErrorId, "ScriptsNotAllowed");
  }
});

modes("a refused script runs none of its statements (the check is before evaluation) and the error is positioned", async () => {
  const runspace = new LocalRunspace({ languageMode: "NoLanguage" });
  const result = await runspace.invoke("Write-Output first\nWrite-Output $second");
  assert.equal(result.output, []);
  const rendered = result.errors[0].format();
  assert.match(rendered, /<invoke>:2:14/);
  assert.match(rendered, /Write-Output \$second\n.*~~~~~~~/);
  await runspace.close();
});

modes("RestrictedLanguage: operators and a few variables yes; script blocks, assignments, members, loops, functions no (PowerShell's DataSection ids)", async () => {
  assert.equal((await inMode("RestrictedLanguage", "$ErrorActionPreference = 'Stop'; 1 + 2 -eq 3; $true -and 2 -gt 1; 'a','b' -join '-'; $ErrorActionPreference")).output, ["true", "true", "a-b", "Stop"]);
  const refused: [string, RegExp, string][] = [
    ["{ 1 }", /Script blocks are not allowed in restricted language mode \(RestrictedLanguage\)/, "ScriptBlockNotSupportedInDataSection"],
    ["$x = 1", /Assignment statements are .*not allowed in restricted language mode/, "AssignmentStatementNotSupportedInDataSection"],
    ["$i++", /Assignment statements are not allowed/, "AssignmentStatementNotSupportedInDataSection"],
    ["'abc'.Length", /Property references are not allowed in restricted language mode/, "PropertyReferenceNotSupportedInDataSection"],
    ["'abc'.ToUpper()", /Method calls are not allowed in restricted language mode/, "MethodCallNotSupportedInDataSection"],
    ["function f { 1 }", /Function declarations are not allowed/, "FunctionDeclarationNotSupportedInDataSection"],
    ["foreach ($i in 1..2) { $i }", /'Foreach' statements are not allowed in restricted language mode/, "ForeachStatementNotSupportedInDataSection"],
    ["$env:HOME", /The variable '\$env:HOME' cannot be referenced in restricted language mode \(RestrictedLanguage\)/, "VariableReferenceNotSupportedInDataSection"],
    ["$ExecutionContext", /The variable '\$ExecutionContext' cannot be referenced/, "VariableReferenceNotSupportedInDataSection"],
    ["Write-Output $HOME", /The variable '\$HOME' cannot be referenced.*include the following: \$PSCulture, \$PSUICulture, \$true, \$false, \$null/, "VariableReferenceNotSupportedInDataSection"],
    ["& Get-Date", /Invoking with '&' is not allowed/, "ScriptInvocationNotSupportedInDataSection"],
    ["Get-Date > out.txt", /Redirections to a file are not allowed/, "RedirectionNotSupportedInDataSection"],
  ];
  for (const [script, message, id] of refused) {
    const { output, errors } = await inMode("RestrictedLanguage", script);
    assert.equal(output, [], script);
    assert.match(errors[0]?.message ?? "", message, script);
    assert.is(errors[0].fullyQualifiedErrorId, id, script);
  }
});

modes("ConstrainedLanguage: the whole language over core types; other types fail naming the mode", async () => {
  const ok = await inMode("ConstrainedLanguage", "[int]'4' + [math]::Max(1, 2); & { param($a) $a * 2 } 5; [string[]]@(1) -is [array]; $ExecutionContext.SessionState.LanguageMode");
  assert.equal(ok.output, ["6", "10", "true", "ConstrainedLanguage"]);
  for (const script of ["[System.IO.File]::ReadAllText('/etc/passwd')", "[System.Diagnostics.Process]$p = 1", "1 -as [System.Net.WebClient]", "function f([System.IO.FileInfo]$f) { }"]) {
    const { errors } = await inMode("ConstrainedLanguage", script);
    assert.match(errors[0]?.message ?? "", /only core types are supported in this language mode \(ConstrainedLanguage\)/, script);
  }
});

modes("ConstrainedLanguage: New-Object makes core types only; the operator's trusted functions may make any", async () => {
  const options: LocalRunspaceOptions = {
    languageMode: "ConstrainedLanguage",
    startupScript: "function New-List { $l = New-Object System.Collections.ArrayList; [void]$l.Add(1); ,$l }",
  };
  const r = await run(options, "(New-Object psobject -Property @{ a = 1 }).a; (New-List).Count; New-Object System.Collections.ArrayList");
  assert.equal(r.output, ["1", "1"]);
  assert.match(r.errors[0].message, /Cannot create type\. Only core types are supported in this language mode \(ConstrainedLanguage\)/);
  const cast = await run(options, "[System.Collections.ArrayList]@(1)");
  assert.match(cast.errors[0].message, /only core types are supported in this language mode \(ConstrainedLanguage\)/);
});

modes("FullLanguage may lower itself through $ExecutionContext; a restricted mode cannot raise itself (PowerShell)", async () => {
  const runspace = new LocalRunspace();
  const lowered = await runspace.invoke("$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'; $ExecutionContext.SessionState.LanguageMode");
  assert.equal(lowered.output, ["ConstrainedLanguage"]);
  const raised = await runspace.invoke("$ExecutionContext.SessionState.LanguageMode = 'FullLanguage'; $ExecutionContext.SessionState.LanguageMode");
  assert.match(raised.errors[0].message, /Cannot set property\. Property setting is supported only on core types in this language mode \(ConstrainedLanguage\)/);
  assert.equal(raised.output, ["ConstrainedLanguage"]);
  const bad = await new LocalRunspace().invoke("$ExecutionContext.SessionState.LanguageMode = 'Loose'");
  assert.match(bad.errors[0].message, /Valid values: FullLanguage, ConstrainedLanguage, RestrictedLanguage, NoLanguage/);
  await runspace.close();
});

modes("Invoke-Expression and script files are checked against the mode like the text that calls them", async () => {
  const iex = await inMode("RestrictedLanguage", "Invoke-Expression '1 + 1'; Invoke-Expression '{ 1 }'");
  assert.equal(iex.output, ["2"]);
  assert.match(iex.errors[0].message, /Script blocks are not allowed in restricted language mode/);
});

const visible = suite("visible commands and the startup script");

visible("only the visible commands (and the always-visible few) exist for the user; a hidden one is 'not recognized'", async () => {
  const options = { visibleCommands: ["Write-*"] };
  const listed = await run(options, "(Get-Command).Name -join ','");
  const names = listed.output[0].split(",");
  assert.ok(names.includes("Write-Output") && names.includes("Write-Host") && names.includes("Get-Command"), listed.output[0]);
  assert.not.ok(names.includes("Get-Date") || names.includes("Set-Content") || names.includes("Invoke-Expression"), listed.output[0]);
  const hidden = await run(options, "Get-Date; gci; sh -c 'echo no'");
  assert.is(hidden.errors.length, 3);
  for (const [i, name] of ["Get-Date", "gci", "sh"].entries()) {
    assert.match(hidden.errors[i].message, new RegExp(`The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program`));
  }
});

visible("a startup script's exposed functions run unrestricted (calling hidden commands); its other functions stay hidden", async () => {
  const options: LocalRunspaceOptions = {
    languageMode: "NoLanguage",
    visibleCommands: ["Write-Output"],
    visibleFunctions: ["Get-Json"],
    startupScript: "function Get-Json { ConvertTo-Json @{ a = 1 } -Compress }\nfunction Get-Secret { 's3cret' }",
  };
  const result = await run(options, "Get-Json; Get-Secret; Get-Date");
  assert.equal(result.output, ['{"a":1}']);
  assert.match(result.errors[0].message, /The term 'Get-Secret' is not recognized/);
  assert.match(result.errors[1].message, /The term 'Get-Date' is not recognized/);
  const listed = await run(options, "Get-Command -CommandType Function");
  assert.equal(listed.output.length, 1);
});

visible("a user's aliases and functions do not steer the startup script's trusted functions to hidden commands", async () => {
  const options: LocalRunspaceOptions = {
    visibleCommands: ["Set-Alias", "Write-Output"],
    visibleFunctions: ["Get-Json"],
    startupScript: "function Get-Json { ConvertTo-Json @{ a = 1 } -Compress }",
  };
  // Get-Date is hidden: pointing the name the trusted function calls at it must not reach it.
  const aliased = await run(options, "Set-Alias ConvertTo-Json Get-Date; Get-Json");
  assert.equal(aliased.output, ['{"a":1}']);
  const shadowed = await run(options, "function ConvertTo-Json { 'the user decides' }; Get-Json; ConvertTo-Json");
  assert.equal(shadowed.output, ['{"a":1}', "the user decides"]);
  // Without restrictions there is nothing to protect: aliases work as everywhere else.
  assert.equal((await run({}, "Set-Alias cj ConvertTo-Json; cj 1")).output, ["1"]);
});

visible("completion (TabExpansion2) offers only what the user can run", async () => {
  const runspace = new LocalRunspace({
    visibleCommands: ["TabExpansion2", "Write-Output"],
    visibleFunctions: ["Get-Shown"],
    startupScript: "function Get-Shown { 1 }\nfunction Get-Hidden { 2 }",
  });
  const r = await runspace.invoke("(TabExpansion2 -InputScript 'Get-' -CursorColumn 4).CompletionMatches.CompletionText");
  const offered = r.output.map(String);
  assert.ok(offered.includes("Get-Shown") && offered.includes("Get-Command"), offered.join(","));
  assert.not.ok(offered.includes("Get-Hidden") || offered.includes("Get-Date"), offered.join(","));
  await runspace.close();
});

visible("a failing startup script leaves the session unopened, with the error", async () => {
  const runspace = new LocalRunspace({ startupScript: "throw 'no database'" });
  try {
    await runspace.invoke("1");
    assert.unreachable("the session must not open");
  } catch (e) {
    assert.match((e as Error).message, /The startup script of session .* failed: no database/);
  }
  assert.is(runspace.state, "Broken");
});

visible("a background job runs under the restrictions of the session that started it", async () => {
  const result = await run(
    { languageMode: "ConstrainedLanguage", visibleCommands: ["Start-Job", "Receive-Job", "Wait-Job", "Write-Output"] },
    "Start-Job { [System.IO.File]::Exists('/'); Get-Date } | Wait-Job | Receive-Job",
  );
  assert.equal(result.output, []);
  assert.match(result.errors.map((e) => e.message).join("\n"), /only core types are supported in this language mode \(ConstrainedLanguage\)/);
});

modes.run();
visible.run();
