/**
 * A token stream as text, for tests of the tokenizer: each token's type, image and start-end line:column (the end
 * column is the last character's, as chevrotain writes token positions), then each lexer error's line:column and
 * length. Tokens carry offsets only; the lines and columns are worked out from the text as the parser's do.
 */
import { tokenize } from "../../grammar/tokens.ts";
import { SourceLines } from "../../grammar/spans.ts";

export function tokenStream(text: string): string[] {
  const { tokens, errors } = tokenize(text);
  const lines = new SourceLines("<test>", text);
  const at = (offset: number, end: boolean) => {
    const p = end ? lines.endPosition(offset) : lines.position(offset);
    return `${p.line}:${end ? p.column - 1 : p.column}`;
  };
  return [
    ...tokens.map((t) => `${t.tokenType.name} ${JSON.stringify(t.image)} ${at(t.startOffset, false)}-${at(t.startOffset + t.image.length, true)}`),
    ...errors.map((e) => `error ${e.line}:${e.column} +${e.length}`),
  ];
}
