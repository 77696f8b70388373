/**
 * The compiled fast paths (src/engine/compile.ts, expressions.ts) behave as the AST walk they replace: variable
 * cells remembered between runs still follow PowerShell's scoping (about_Scopes), `$?` is set after every statement
 * (about_Automatic_Variables), `return` in a script block ends only that block (about_Return), and ForEach-Object
 * and Measure-Object stream (about_Pipelines: each object goes on as soon as it is written).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { formatValue, LocalRunspace } from "../../src/runspace/local_runspace.ts";

const compiled = suite("engine: compiled statements and expressions");

/** Output, host lines and errors in the order they happened. */
async function run(source: string): Promise<string[]> {
  const events: string[] = [];
  const runspace = new LocalRunspace({
    host: {
      output: (v) => void events.push(formatValue(v)),
      error: (r) => void events.push(`error: ${r.message}`),
      host: (text) => void events.push(`host: ${String(text).trimEnd()}`),
    },
  });
  await runspace.run(parseOrThrow(source), { source });
  return events;
}

compiled("a variable read in a loop sees Remove-Variable (about_Scopes: the variable is gone, $null)", async () => {
  const out = await run("$x = 1; for ($i = 0; $i -lt 3; $i++) { $x -eq $null; if ($i -eq 0) { Remove-Variable x } }");
  assert.equal(out, ["False", "True", "True"]);
});

compiled("a parent's variable read in a loop is shadowed once the function assigns its own (about_Scopes)", async () => {
  const out = await run("$v = 'outer'; function g { for ($i = 0; $i -lt 3; $i++) { $v; $v = \"inner$i\" } }; g; $v");
  assert.equal(out, ["outer", "inner0", "inner1", "outer"]);
});

compiled("one expression read in many scopes: recursion gives each call its own parameter", async () => {
  const out = await run("function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }; fact 10; fact 3");
  assert.equal(out, ["3628800", "6"]);
});

compiled("the same script run twice in one runspace starts from the values it left (compiled once, run again)", async () => {
  const runspace = new LocalRunspace();
  await runspace.open();
  const source = "$n = ($n ?? 0) + 1; foreach ($i in 1..3) { $n += $i }; $n";
  const first = await runspace.invoke(source);
  const second = await runspace.invoke(source);
  assert.equal([first.output, second.output], [[7], [14]]);
});

compiled("numeric fast paths agree with PowerShell's operators on mixed operands (the left operand decides)", async () => {
  const out = await run("$a = 5; $a + '10'; '10' + $a; $a -lt '6'; 3 -ge 3; 2 -gt 1.5; $s = 'x'; $s += 1; $s; $n = 1; $n += 2.5; $n");
  assert.equal(out, ["15", "105", "True", "True", "True", "x1", "3.5"]);
});

compiled("$? is set after each statement, also lone expressions and conditions (about_Automatic_Variables)", async () => {
  const out = await run("Get-Item /no/such/path -ErrorAction SilentlyContinue; $?; 1 + 1 | Out-Null; $?; Get-Item /no/such -ea 0; if (1) { $? }");
  assert.equal(out, ["False", "True", "True"]);
});

compiled("`return` in a script block invoked with .Invoke() ends that block, not the function calling it (about_Return)", async () => {
  const out = await run("function f { $sb = { return 1; 2 }; $x = $sb.Invoke(); \"after $x\" }; f");
  assert.equal(out, ["after 1"]);
});

compiled("ForEach-Object writes each object on as soon as it is written (about_Pipelines: streaming)", async () => {
  const out = await run("1..2 | ForEach-Object { $_; Write-Host \"wrote $_\" } | ForEach-Object { Write-Host \"got $_\" }");
  assert.equal(out, ["host: got 1", "host: wrote 1", "host: got 2", "host: wrote 2"]);
});

compiled("ForEach-Object's begin and end blocks stream too, and $_ is restored after each item", async () => {
  const out = await run("$_ = 'before'; 1..2 | ForEach-Object -Begin { 'b' } -Process { $_ * 10 } -End { 'e' }; $_");
  assert.equal(out, ["b", "10", "20", "e", "before"]);
});

compiled("Measure-Object reports a non-numeric object when it arrives and still measures the rest (MeasureObjectCommand)", async () => {
  const out = await run("1, 'x', 3 | ForEach-Object { Write-Host \"sent $_\"; $_ } | Measure-Object -Sum -Maximum -Minimum -Average | ForEach-Object { \"$($_.Count) $($_.Sum) $($_.Maximum) $($_.Minimum) $($_.Average)\" }");
  // After a non-numeric input pwsh leaves Sum and Average out (MeasureObjectCommand's _nonNumericError).
  assert.equal(out, ["host: sent 1", "host: sent x", 'error: Input object "x" is not numeric.', "host: sent 3", "3  3 1 "]);
});

compiled("Measure-Object -Property measures that property of each object; empty input counts 0 and sums 0", async () => {
  const out = await run("$r = @{ n = 2 }, @{ n = 5 } | ForEach-Object { [pscustomobject]$_ } | Measure-Object -Property n -Maximum; $r.Maximum; $r.Property; $e = @() | Measure-Object -Sum; $e.Count; $null -eq $e.Sum");
  assert.equal(out, ["5", "n", "0", "False"]);
});

compiled("plain parameters bind positionally, extra values land in $args, missing ones are $null (about_Functions)", async () => {
  const out = await run("function f($a, $b) { \"$a|$($null -eq $b)|$($args -join ',')\" }; f 1; f 1 2 3 4; f -b 2 1 5; function g { $args.Count }; g x y");
  assert.equal(out, ["1|True|", "1|False|3,4", "1|False|5", "2"]);
});

compiled("a call site resolves anew once a function or alias is defined (about_Command_Precedence: alias, function, cmdlet)", async () => {
  const out = await run("for ($i = 0; $i -lt 3; $i++) { Write-Output \"w$i\"; if ($i -eq 0) { function Write-Output { \"fn $args\" } }; if ($i -eq 1) { Set-Alias Write-Output Write-Host } }");
  assert.equal(out, ["w0", "fn w1", "host: w2"]);
});

compiled.run();
