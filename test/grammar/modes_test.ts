/**
 * PowerShell's two parsing modes (about_Parsing): the same characters mean different things in argument mode and
 * in expression mode. Each row: source → the dump of its first statement's interesting node, in one line.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as A from "../../grammar/ast.ts";
import { parseOrThrow } from "../../grammar/mod.ts";

const modes = suite("grammar: command mode vs expression mode");

function firstStatement(source: string): A.Statement {
  return parseOrThrow(source).end!.statements[0];
}

/** A one-line S-expression of a node, leaving out spans. */
function sexp(node: unknown): string {
  if (Array.isArray(node)) return `[${node.map(sexp).join(" ")}]`;
  if (typeof node !== "object" || node === null) return JSON.stringify(node);
  const n = node as Record<string, unknown>;
  switch (n.kind) {
    case "StringConstant": return `'${n.value}'${n.quote === "bare" ? ":bare" : ""}`;
    case "Constant": return `${n.value}:${n.numberType}`;
    case "Variable": return `$${n.splatted ? "@" : ""}${n.name}`;
    case "Binary": return `(${n.operator} ${sexp(n.left)} ${sexp(n.right)})`;
    case "Unary": return `(${n.operator}${n.postfix ? "post" : ""} ${sexp(n.operand)})`;
    case "Member": return `(. ${sexp(n.target)} ${sexp(n.member)})`;
    case "InvokeMember": return `(call ${sexp(n.target)} ${sexp(n.member)} ${sexp(n.arguments)})`;
    case "Index": return `(index ${sexp(n.target)} ${sexp(n.index)})`;
    case "Paren": return `(paren ${sexp(n.statement)})`;
    case "CommandParameter": return `-${n.name}${n.argument ? ":" + sexp(n.argument) : ""}`;
    case "ArrayLiteral": return `(array ${(n.elements as unknown[]).map(sexp).join(" ")})`;
    case "ExpandableString": return `(expand ${sexp(n.parts)})`;
    case "Command": return `(cmd ${sexp(n.name)} ${(n.elements as unknown[]).map(sexp).join(" ")})`.replace(/ \)$/, ")");
    case "CommandExpression": return sexp(n.expression);
    case "Pipeline": return (n.elements as unknown[]).map(sexp).join(" | ");
    case "Foreach": return `(foreach $${(n.variable as A.Variable).name} ${sexp(n.iterable)})`;
    default: return String(n.kind);
  }
}

const table: [string, string, string][] = [
  ["Write-Output 2-1", "(cmd 'Write-Output':bare '2-1':bare)", "a number must end where the argument ends"],
  ["(2-1)", "(paren (- 2:int 1:int))", "in parentheses it is arithmetic"],
  ["2-1", "(- 2:int 1:int)", "an expression at statement start"],
  ["Write-Output -x", "(cmd 'Write-Output':bare -x)", "-x in argument mode is a parameter"],
  ["$a -eq $b", "(-eq $a $b)", "-eq in expression mode is an operator"],
  ["Write-Output -eq", "(cmd 'Write-Output':bare -eq)", "an operator name in argument mode is a parameter"],
  ["Write-Output a.b", "(cmd 'Write-Output':bare 'a.b':bare)", "a.b in argument mode is a bareword"],
  ["$a.b", "(. $a 'b':bare)", "$a.b is member access"],
  ["Write-Output $a.b", "(cmd 'Write-Output':bare (. $a 'b':bare))", "member access also in argument mode"],
  ["Write-Output $a .b", "(cmd 'Write-Output':bare $a '.b':bare)", "whitespace before . makes two arguments"],
  ["f(1)", "(cmd 'f':bare (paren 1:int))", "f(1) passes (1) to the command f"],
  ["f (1)", "(cmd 'f':bare (paren 1:int))", "f (1) too"],
  ["$o.f(1)", "(call $o 'f':bare [1:int])", "$o.f(1) is a method call"],
  ["Write-Output $o.f (1)", "(cmd 'Write-Output':bare (. $o 'f':bare) (paren 1:int))", "a space before ( ends the member in argument mode"],
  ["Write-Output $a[0]", "(cmd 'Write-Output':bare (index $a 0:int))", "adjacent [ indexes"],
  ["Write-Output $a [0]", "(cmd 'Write-Output':bare $a '[0]':bare)", "a space before [ makes a bareword"],
  ["Write-Output 1kb", "(cmd 'Write-Output':bare 1024:int)", "multipliers work in arguments"],
  ["Write-Output -5", "(cmd 'Write-Output':bare -5:int)", "a negative number is an argument, not a parameter"],
  ["Write-Output 5x", "(cmd 'Write-Output':bare '5x':bare)", "a number followed by letters is a bareword"],
  ["Write-Output -- -x", "(cmd 'Write-Output':bare '-x':bare)", "after -- nothing is a parameter"],
  ["echo if else", "(cmd 'echo':bare 'if':bare 'else':bare)", "keywords are plain words in argument mode"],
  ["1..3 | foreach { $_ }", "(.. 1:int 3:int) | (cmd 'foreach':bare ScriptBlockExpression)", "after | foreach is the alias, not the keyword"],
  ["foreach ($x in Get-Item a) { }", "(foreach $x (cmd 'Get-Item':bare 'a':bare))", "after `in` a pipeline starts"],
  ["Write-Output [int]", "(cmd 'Write-Output':bare '[int]':bare)", "[int] in argument mode is a bareword"],
  ["[int] $x", "Convert", "[int] before a value in expression mode is a cast"],
  ["Get-Item -Path:a.txt", "(cmd 'Get-Item':bare -Path:'a.txt':bare)", "-Name:value binds the value"],
  ["Write-Output a,b", "(cmd 'Write-Output':bare (array 'a':bare 'b':bare))", "commas make one array argument"],
  ["Write-Output a$b", "(cmd 'Write-Output':bare (expand [\"a\" $b]))", "a bareword with $ expands"],
  ["Write-Output @args", "(cmd 'Write-Output':bare $@args)", "@name splats"],
  ["$x = Get-Date", "Assignment", "the value of = is a statement"],
  ["- 1", "(- 1:int)", "unary minus at statement start"],
  ["Write-Output (1 + 2).ToString()", "(cmd 'Write-Output':bare (call (paren (+ 1:int 2:int)) 'ToString':bare []))", "members after parentheses"],
];

for (const [source, expected, why] of table) {
  modes(`${source}  →  ${why}`, () => {
    const statement = firstStatement(source);
    const actual = statement.kind === "Pipeline" || statement.kind === "Foreach" ? sexp(statement) : statement.kind;
    assert.is(actual, expected);
  });
}

modes.run();
