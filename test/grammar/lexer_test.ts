/**
 * The tokenizer (grammar/lexer.ts). It is hand-written: chevrotain's Lexer, which it replaced, was the slowest part of
 * a parse after the parser itself (see docs/grammar.md, "Tokens"). It keeps that lexer's contract, so these expected
 * streams are the ones chevrotain's Lexer produced over the same token rules: positions of tokens that span lines,
 * CRLF, skipped trivia, names in any script, and recovery after a character no rule starts with (reported, skipped up
 * to the next offset where any rule matches, and lexing goes on: the REPL's highlighter reads the tokens after it).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tokenStream as stream } from "../support/token_stream.ts";

const lexer = suite("grammar: tokenizer");

const CASES: [string, string[]][] = [
  ['"a\r\nb" $x', ['DoubleQuoted "\\"a\\r\\nb\\"" 1:1-2:2', 'Variable "$x" 2:4-2:5']],
  ["@'\nline\n'@\n$y", ["HereString \"@'\\nline\\n'@\" 1:1-3:2", 'NewLine "\\n" 3:3-3:3', 'Variable "$y" 4:1-4:2']],
  ["<# one\ntwo #> Get-Item\r\n", ['CommandName "Get-Item" 2:8-2:15', 'NewLine "\\r\\n" 2:16-2:17']],
  ["'x\ny'\n", ["SingleQuoted \"'x\\ny'\" 1:1-2:2", 'NewLine "\\n" 2:3-2:3']],
  ["ñame-ü ß", ['CommandName "ñame-ü" 1:1-1:6', 'GenericArgument "ß" 1:8-1:8']],
  ["$a\u00a0+\ufeff1", ['Variable "$a" 1:1-1:2', 'Plus "+" 1:4-1:4', 'NumberLiteral "1" 1:6-1:6']],
  // \x01 starts no rule, but an argument may hold it: recovery stops at the second \x01, which is reported again.
  ["Write-Output 2-1 \x01\x01 ok", ['CommandName "Write-Output" 1:1-1:12', 'GenericArgument "2-1" 1:14-1:16',
    'GenericArgument "ok" 1:21-1:22', "error 1:18 +1", "error 1:19 +1"]],
  ["$a = \x02", ['Variable "$a" 1:1-1:2', 'Equals "=" 1:4-1:4', "error 1:6 +1"]],
];

for (const [text, expected] of CASES) {
  lexer(JSON.stringify(text), () => assert.equal(stream(text), expected));
}

lexer.run();
