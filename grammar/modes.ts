/**
 * PowerShell tokenizes the same characters differently in command mode and expression mode (`Write-Output 2-1`
 * passes the string "2-1"; `(2-1)` is 1). the tokenizer's custom patterns see the tokens matched so far, so this
 * tracker replays them to know the mode at the current offset: a stack of bracket frames, each with the mode that
 * applies inside it. It is incremental — each token is replayed once — so lexing stays linear.
 */
import type { IToken, TokenType } from "chevrotain";

/** What a bareword, a `-word`, a `[` or a number means at the current position. */
export const Mode = {
  /** Start of a statement: a bareword is a keyword or a command name; otherwise an expression starts. */
  Start: 0,
  /** After `|`: a bareword is a command name (no keywords: `| foreach { }` is the alias). */
  CommandStart: 1,
  /** After `&` or `.`: the next thing is the command to call. */
  CommandName: 2,
  /** Command arguments: barewords are strings, `-x` is a parameter, numbers must end at a boundary. */
  CommandArgs: 3,
  /** Inside an expression: `-eq` is an operator, a bareword is an identifier (member name, key). */
  Expression: 4,
  /** After a statement keyword (`if`, `while`, `catch`, …): `(`, `{` and types follow. */
  Keyword: 5,
  /** After `switch`: `-regex` and friends are flags. */
  SwitchKeyword: 6,
  /** After `function`/`filter`: the name is a bareword that may hold dashes. */
  FunctionName: 7,
  /** Inside `@{ }` where a key is expected. */
  HashKey: 8,
  /** Inside a switch body where a clause pattern is expected: barewords are strings. */
  SwitchClause: 9,
  /** After `.`/`::`/`?.`: a member name. */
  Member: 10,
  /** Inside an attribute's `( )`: barewords are named-argument names. */
  Attribute: 11,
  /** After `break`/`continue`: a bareword is a label. */
  Label: 12,
} as const;
export type Mode = typeof Mode[keyof typeof Mode];

/** How a token changes the tracker; set on each token type as `effect`. */
export const Effect = {
  /** A value or operand: leaves statement-start modes for expression or argument mode. */
  Value: 0,
  StatementEnd: 1,
  Pipe: 2,
  ChainOrBackground: 3,
  OpenParen: 4,
  OpenSubExpression: 5,
  OpenBrace: 6,
  OpenHash: 7,
  OpenIndex: 8,
  OpenType: 9,
  Close: 10,
  CommandName: 11,
  Invocation: 12,
  Assign: 13,
  Keyword: 14,
  MemberAccess: 15,
  Redirection: 16,
  Parameter: 17,
  EndOfParameters: 18,
  Label: 19,
  Comma: 20,
} as const;
export type Effect = typeof Effect[keyof typeof Effect];

interface Frame {
  kind: "top" | "paren" | "block" | "hash" | "switch" | "index" | "type" | "attribute";
  mode: Mode;
  /** The mode to return to after a member name. */
  returnMode: Mode;
  /** After `--` no more parameters in this command. */
  noParameters: boolean;
  /** The keyword whose block a `{` opens (`switch` opens a clause list). */
  keyword: string;
  /** The `( … )` after `foreach`: after its `in`, a pipeline starts. */
  foreachHeader: boolean;
}

/** A token type carrying its tracker effect (set by the token factory). */
export type TrackedTokenType = TokenType & { effect?: Effect; keywordMode?: Mode };

export class ModeTracker {
  #frames: Frame[] = [];
  /** The innermost frame (the last of `#frames`), read for every token. */
  #top: Frame = frame("top", Mode.Start);
  #processed = 0;
  #lastEnd = -1;
  #lastType: TrackedTokenType | undefined;
  #closedType = false;

  reset(): void {
    this.#top = frame("top", Mode.Start);
    this.#frames = [this.#top];
    this.#processed = 0;
    this.#lastEnd = -1;
    this.#lastType = undefined;
    this.#closedType = false;
  }

  /** Replays the tokens matched since the last call (up to `count`); returns the mode at `offset`. */
  sync(matched: IToken[], count = matched.length): Mode {
    for (let i = this.#processed; i < count; i++) this.#apply(matched[i]);
    this.#processed = count;
    return this.#top.mode;
  }

  /** True when `offset` directly follows the previous token (no whitespace or comment between). */
  adjacent(offset: number): boolean {
    return this.#lastEnd === offset;
  }

  /** The type of the previous token, if any. */
  get lastType(): TrackedTokenType | undefined {
    return this.#lastType;
  }

  /** True when the previous token was the `]` ending a type name (`[int]`), which cannot be indexed. */
  get closedType(): boolean {
    return this.#closedType && this.#lastType?.name === "RBracket";
  }

  get noParameters(): boolean {
    return this.#top.noParameters;
  }

  #enter(inner: Frame): void {
    this.#frames.push(inner);
    this.#top = inner;
  }

  #apply(token: IToken): void {
    const type = token.tokenType as TrackedTokenType;
    const top = this.#top;
    const previous = this.#lastType;
    this.#lastEnd = token.endOffset! + 1;
    this.#lastType = type;
    switch (type.effect ?? Effect.Value) {
      case Effect.Value:
        if (top.foreachHeader && type.name === "Identifier" && token.image.toLowerCase() === "in") top.mode = Mode.Start;
        else top.mode = afterValue(top);
        return;
      case Effect.Comma:
        if (top.mode === Mode.Start || top.mode === Mode.CommandStart) top.mode = Mode.Expression;
        return;
      case Effect.StatementEnd:
        top.mode = top.kind === "hash" ? Mode.HashKey : top.kind === "switch" ? Mode.SwitchClause : top.kind === "attribute" ? Mode.Attribute : Mode.Start;
        top.noParameters = false;
        return;
      case Effect.Pipe:
        top.mode = Mode.CommandStart;
        top.noParameters = false;
        return;
      case Effect.ChainOrBackground:
        top.mode = Mode.Start;
        top.noParameters = false;
        return;
      case Effect.OpenParen: {
        // `[Parameter(`: a `(` right after a type name opens attribute arguments.
        const attribute = top.kind === "type" && previous?.name === "TypeOpen";
        const foreachHeader = top.mode === Mode.Keyword && top.keyword === "foreach";
        // After `param( … )` a new statement begins (`{ param($a) $a.Length }`).
        if (top.mode === Mode.Keyword && top.keyword === "param") top.mode = Mode.Start;
        else if (!attribute) top.mode = afterValue(top);
        const inner = frame(attribute ? "attribute" : "paren", attribute ? Mode.Attribute : Mode.Start);
        inner.foreachHeader = foreachHeader;
        this.#enter(inner);
        return;
      }
      case Effect.OpenSubExpression:
        top.mode = afterValue(top);
        this.#enter(frame("paren", Mode.Start));
        return;
      case Effect.OpenBrace:
        if (top.mode === Mode.Keyword || top.mode === Mode.SwitchKeyword) {
          const opensSwitch = top.keyword === "switch";
          top.mode = Mode.Start;
          this.#enter(opensSwitch ? frame("switch", Mode.SwitchClause) : frame("block", Mode.Start));
        } else {
          top.mode = afterValue(top);
          this.#enter(frame("block", Mode.Start));
        }
        return;
      case Effect.OpenHash:
        top.mode = afterValue(top);
        this.#enter(frame("hash", Mode.HashKey));
        return;
      case Effect.OpenIndex:
        this.#enter(frame("index", Mode.Expression));
        return;
      case Effect.OpenType:
        if (top.mode !== Mode.Keyword && top.mode !== Mode.Attribute) top.mode = afterValue(top);
        this.#enter(frame("type", Mode.Expression));
        return;
      case Effect.Close:
        if (this.#frames.length > 1) {
          this.#closedType = this.#frames.pop()!.kind === "type";
          this.#top = this.#frames[this.#frames.length - 1];
        } else this.#closedType = false;
        return;
      case Effect.CommandName:
        top.mode = top.mode === Mode.FunctionName ? Mode.Keyword : Mode.CommandArgs;
        return;
      case Effect.Invocation:
        top.mode = Mode.CommandName;
        return;
      case Effect.Assign:
        if (top.mode !== Mode.Attribute) top.mode = Mode.Start;
        return;
      case Effect.Keyword: {
        top.mode = type.keywordMode ?? Mode.Keyword;
        top.keyword = token.image.toLowerCase();
        return;
      }
      case Effect.MemberAccess:
        if (top.mode !== Mode.Member) top.returnMode = top.mode === Mode.Start ? Mode.Expression : top.mode;
        top.mode = Mode.Member;
        return;
      case Effect.Redirection:
        top.mode = Mode.CommandArgs;
        return;
      case Effect.Parameter:
        if (top.mode !== Mode.SwitchKeyword) top.mode = Mode.CommandArgs;
        return;
      case Effect.EndOfParameters:
        top.noParameters = true;
        return;
      case Effect.Label:
        return;
    }
  }
}

function frame(kind: Frame["kind"], mode: Mode): Frame {
  return { kind, mode, returnMode: Mode.Expression, noParameters: false, keyword: "", foreachHeader: false };
}

/** The mode after a value (or an operator) has been seen in a frame whose mode was `frame.mode`. */
function afterValue(frame: Frame): Mode {
  switch (frame.mode) {
    case Mode.Start:
    case Mode.CommandStart:
    case Mode.HashKey:
    case Mode.Label:
      return Mode.Expression;
    case Mode.CommandName:
      return Mode.CommandArgs;
    case Mode.Member:
      return frame.returnMode;
    default:
      return frame.mode;
  }
}
