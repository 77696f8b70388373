/**
 * Token streams at the edges of the tokenizer's rules, where the order the rules are tried in decides the token (the
 * fast path of grammar/fast_path.ts must pick exactly what the ordered rule list picks). Each expected stream is
 * written out: type, image and start-end line:column, then any lexer errors (line:column +length).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tokenStream as stream } from "../support/token_stream.ts";

const scanner = suite("grammar: tokenizer edge cases");

const CASES: [string, string[]][] = [
  // An escaped line end inside a bareword argument: the tokens after it are on the next line (chevrotain's lexer
  // counted lines only in rules flagged as holding line ends, and put `x` at 1:15).
  ["echo ..`\nelse x", ["CommandName \"echo\" 1:1-1:4", "GenericArgument \"..`\\nelse\" 1:6-2:4", "GenericArgument \"x\" 2:6-2:6"]],
  // A lone dot that ends the text at a statement start is a command name (CommandName is tried before DotSource).
  ["x; .", ["CommandName \"x\" 1:1-1:1", "Semicolon \";\" 1:2-1:2", "CommandName \".\" 1:4-1:4"]],
  // A dot before a space is the dot-source operator.
  [". ./a.rsh", ["DotSource \".\" 1:1-1:1", "CommandName \"./a.rsh\" 1:3-1:9"]],
  // In an argument, `$` before `(` is a bareword of its own (GenericArgument is tried before DollarParen).
  ["Write-Output $(1)", ["CommandName \"Write-Output\" 1:1-1:12", "GenericArgument \"$\" 1:14-1:14", "LParen \"(\" 1:15-1:15", "NumberLiteral \"1\" 1:16-1:16", "RParen \")\" 1:17-1:17"]],
  // `<#` with no `#>` after it (the `#` of `<#` cannot close it) runs to the end.
  ["<#>", ["Unterminated \"<#>\" 1:1-1:3"]],
  // A number followed by a letter at a statement start is a command name.
  ["0x", ["CommandName \"0x\" 1:1-1:2"]],
  // `-eq1` is no dash operator (a word character follows the letters): it is a parameter.
  ["$a -eq1", ["Variable \"$a\" 1:1-1:2", "Parameter \"-eq1\" 1:4-1:7"]],
  // A colon with no name after it ends the variable.
  ["$a:", ["Variable \"$a\" 1:1-1:2", "Colon \":\" 1:3-1:3"]],
  // A backtick escapes the brace in a braced variable name.
  ["${a`}b}", ["Variable \"${a`}b}\" 1:1-1:7"]],
  // A backtick that ends the text escapes nothing: it is reported.
  ["echo a`", ["CommandName \"echo\" 1:1-1:4", "GenericArgument \"a\" 1:6-1:6", "error 1:7 +1"]],
  // `2>&1` is one redirection token.
  ["2>&1", ["Redirection \"2>&1\" 1:1-1:4"]],
  // `param` after an attribute on the same line is the keyword.
  ["[CmdletBinding()] param($a)", ["TypeOpen \"[CmdletBinding\" 1:1-1:14", "LParen \"(\" 1:15-1:15", "RParen \")\" 1:16-1:16", "RBracket \"]\" 1:17-1:17", "Param \"param\" 1:19-1:23", "LParen \"(\" 1:24-1:24", "Variable \"$a\" 1:25-1:26", "RParen \")\" 1:27-1:27"]],
  // `begin` is a keyword only before its `{`, which may be on the next line.
  ["begin\n{", ["Begin \"begin\" 1:1-1:5", "NewLine \"\\n\" 1:6-1:6", "LBrace \"{\" 2:1-2:1"]],
  // Otherwise it is a command name.
  ["begin x", ["CommandName \"begin\" 1:1-1:5", "GenericArgument \"x\" 1:7-1:7"]],
  // U+3000 is whitespace to a bareword but starts no token: it ends the argument and is reported.
  ["echo a\u3000b", ["CommandName \"echo\" 1:1-1:4", "GenericArgument \"a\" 1:6-1:6", "GenericArgument \"b\" 1:8-1:8", "error 1:7 +1"]],
  // A label at a statement start.
  [":lbl while", ["LoopLabel \":lbl\" 1:1-1:4", "While \"while\" 1:6-1:10"]],
  // `[` right after a variable indexes; after a space it does not make a type.
  ["$a [0]", ["Variable \"$a\" 1:1-1:2", "LBracket \"[\" 1:4-1:4", "NumberLiteral \"0\" 1:5-1:5", "RBracket \"]\" 1:6-1:6"]],
  // A here-string with CRLF line breaks spans three lines.
  ["@'\r\nx\r\n'@", ["HereString \"@'\\r\\nx\\r\\n'@\" 1:1-3:2"]],
  // `@"` with no line break opens no here-string.
  ["@\"x\"@", ["DoubleQuoted \"\\\"x\\\"\" 1:2-1:4", "error 1:1 +1", "error 1:5 +1"]],
  // `-not` has only a unary form.
  ["-not $a", ["DashUnaryOperator \"-not\" 1:1-1:4", "Variable \"$a\" 1:6-1:7"]],
  // After `--` a dash word is an argument.
  ["echo -- -x", ["CommandName \"echo\" 1:1-1:4", "EndOfParameters \"--\" 1:6-1:7", "GenericArgument \"-x\" 1:9-1:10"]],
  // A binary literal stops at the first digit that is not 0 or 1.
  ["0b102", ["NumberLiteral \"0b10\" 1:1-1:4", "NumberLiteral \"2\" 1:5-1:5"]],
  // A sign belongs to a number only in argument mode.
  ["-1.5e3L", ["Minus \"-\" 1:1-1:1", "NumberLiteral \"1.5e3L\" 1:2-1:7"]],
  // In argument mode it does.
  ["echo -1.5e3L", ["CommandName \"echo\" 1:1-1:4", "NumberLiteral \"-1.5e3L\" 1:6-1:12"]],
  // In argument mode a number must end where the argument ends.
  ["echo 2-1 3", ["CommandName \"echo\" 1:1-1:4", "GenericArgument \"2-1\" 1:6-1:8", "NumberLiteral \"3\" 1:10-1:10"]],
  // A hash key may hold dashes.
  ["@{ a-b = 1 }", ["AtBrace \"@{\" 1:1-1:2", "Identifier \"a-b\" 1:4-1:6", "Equals \"=\" 1:8-1:8", "NumberLiteral \"1\" 1:10-1:10", "RBrace \"}\" 1:12-1:12"]],
  // So may a switch clause.
  ["switch -regex ($x) { a-b { 1 } }", ["Switch \"switch\" 1:1-1:6", "Parameter \"-regex\" 1:8-1:13", "LParen \"(\" 1:15-1:15", "Variable \"$x\" 1:16-1:17", "RParen \")\" 1:18-1:18", "LBrace \"{\" 1:20-1:20", "Identifier \"a-b\" 1:22-1:24", "LBrace \"{\" 1:26-1:26", "NumberLiteral \"1\" 1:28-1:28", "RBrace \"}\" 1:30-1:30", "RBrace \"}\" 1:32-1:32"]],
  // A function name is a bareword.
  ["function Get-X {}", ["Function \"function\" 1:1-1:8", "CommandName \"Get-X\" 1:10-1:14", "LBrace \"{\" 1:16-1:16", "RBrace \"}\" 1:17-1:17"]],
  // `?` at a command start is the Where-Object alias.
  ["x | ? { $_ }", ["CommandName \"x\" 1:1-1:1", "Pipe \"|\" 1:3-1:3", "CommandName \"?\" 1:5-1:5", "LBrace \"{\" 1:7-1:7", "Variable \"$_\" 1:9-1:10", "RBrace \"}\" 1:12-1:12"]],
  // Null-coalescing and null-conditional operators.
  ["$a ??= $b?.c ?? 1", ["Variable \"$a\" 1:1-1:2", "CoalesceAssign \"??=\" 1:4-1:6", "Variable \"$b\" 1:8-1:9", "QuestionDot \"?.\" 1:10-1:11", "Identifier \"c\" 1:12-1:12", "Coalesce \"??\" 1:14-1:15", "NumberLiteral \"1\" 1:17-1:17"]],
  // A `)` inside a string inside `$( )` does not close the subexpression.
  ["\"a $(\")\") b\"", ["DoubleQuoted \"\\\"a $(\\\")\\\") b\\\"\" 1:1-1:12"]],
  // A range after a number.
  ["1..3", ["NumberLiteral \"1\" 1:1-1:1", "DotDot \"..\" 1:2-1:3", "NumberLiteral \"3\" 1:4-1:4"]],
  // A type with an array suffix.
  ["[string[]]$x", ["TypeOpen \"[string[]\" 1:1-1:9", "RBracket \"]\" 1:10-1:10", "Variable \"$x\" 1:11-1:12"]],
  // A drive-qualified variable.
  ["$env:HOME", ["Variable \"$env:HOME\" 1:1-1:9"]],
  // `*>` redirects every stream.
  ["echo *> out", ["CommandName \"echo\" 1:1-1:4", "Redirection \"*>\" 1:6-1:7", "GenericArgument \"out\" 1:9-1:11"]],
  // A block comment over CRLF moves the next token to line 2.
  ["<# a\r\nb #>x", ["CommandName \"x\" 2:5-2:5"]],
  // A line comment stops before CR LF.
  ["# c\r\ny", ["NewLine \"\\r\\n\" 1:4-1:5", "CommandName \"y\" 2:1-2:1"]],
  // In a bareword a backtick escapes one code unit: the CR, not the CR LF pair.
  ["echo a`\r\n  b", ["CommandName \"echo\" 1:1-1:4", "GenericArgument \"a`\\r\" 1:6-1:8", "NewLine \"\\n\" 1:9-1:9", "CommandName \"b\" 2:3-2:3"]],
];

for (const [text, expected] of CASES) {
  scanner(JSON.stringify(text), () => assert.equal(stream(text), expected));
}

scanner.run();
