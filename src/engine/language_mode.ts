/**
 * Language modes (about_Language_Modes). A session's mode decides which parts of the language the text a user sends
 * may use. The check is a walk over the AST before anything runs (`checkLanguage`), so a forbidden construct fails as
 * a whole script, positioned, and the evaluator's hot path pays nothing; the few things only known at run time
 * (invoking a script block value, Invoke-Expression's text, a script file) call the same check where they happen.
 *
 * Text from the operator (a configuration's startup script) is trusted: it runs in FullLanguage with every command,
 * and the functions it defines stay trusted when a restricted user calls them (JEA's model). Trust travels with
 * frames, function entries and script block values (`Frame.trusted`), never with text, so a user cannot gain it by
 * sending the same characters.
 */
import type * as A from "../../grammar/ast.ts";
import { canonicalType, toStr } from "../values/convert.ts";
import { LiveObject, PSCustomObject } from "../values/objects.ts";
import { ErrorRecord, RuntimeError } from "./errors.ts";
import { MemberError } from "./members.ts";

/**
 * The language modes, from least to most restricted.
 *
 * @example
 * ```ts
 * import { LANGUAGE_MODES } from "rsh";
 * console.log(LANGUAGE_MODES.join(", ")); // FullLanguage, ConstrainedLanguage, RestrictedLanguage, NoLanguage
 * ```
 */
export const LANGUAGE_MODES = ["FullLanguage", "ConstrainedLanguage", "RestrictedLanguage", "NoLanguage"] as const;
/**
 * What a session's language allows (about_Language_Modes): everything (FullLanguage, the default), core types only
 * (ConstrainedLanguage), little more than commands and literals (RestrictedLanguage), or commands only (NoLanguage).
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const runspace = new LocalRunspace({ languageMode: "ConstrainedLanguage" });
 * const { errors } = await runspace.invoke("[System.IO.File]::ReadAllText('/etc/passwd')");
 * console.log(errors.length > 0); // true
 * ```
 */
export type LanguageMode = typeof LANGUAGE_MODES[number];

/** The mode named by `text` (any case), or null. */
export function parseLanguageMode(text: string): LanguageMode | null {
  return LANGUAGE_MODES.find((m) => m.toLowerCase() === text.toLowerCase()) ?? null;
}

/**
 * The types ConstrainedLanguage (and RestrictedLanguage) allow in casts, `[type]::` and `-as`/`-is`: PowerShell's
 * "core types" that rsh has, and New-Object's. The other types rsh has ([ArrayList], List[T], [System.IO.Path],
 * [convert], [Text.Encoding]) are refused there, as PowerShell refuses them.
 */
const CORE_TYPES = new Set([
  "int", "long", "byte", "double", "float", "decimal", "string", "bool", "char", "array", "hashtable", "ordered",
  "pscustomobject", "psobject", "object", "regex", "datetime", "switch", "math", "void", "scriptblock", "timespan",
  "guid", "version", "securestring", "security.securestring", "pscredential", "management.automation.pscredential",
]);

/** True for a type name ConstrainedLanguage allows: a core type, or an array of one (`[string[]]`). */
export function isCoreType(name: string): boolean {
  let type = canonicalType(name);
  while (type.endsWith("[]")) type = type.slice(0, -2);
  return CORE_TYPES.has(type);
}

/** The preference variables RestrictedLanguage still lets a user set (`$ErrorActionPreference = 'Stop'`). */
const RESTRICTED_ASSIGNABLE = new Set([
  "erroractionpreference", "warningpreference", "verbosepreference", "debugpreference", "informationpreference",
  "progresspreference",
]);

/**
 * The variables RestrictedLanguage lets a user read: PowerShell's list, plus the preference variables the user may
 * set and `$?`. Nothing else — a startup script's variables (a connection string) stay unreadable.
 */
const RESTRICTED_READABLE = new Set(["psculture", "psuiculture", "true", "false", "null", "?", ...RESTRICTED_ASSIGNABLE]);

/** A terminating error at `node` naming the mode (PowerShell's wording where it has one). */
export function languageError(node: { span: A.Span }, source: string | null, message: string, id: string): RuntimeError {
  return new RuntimeError(new ErrorRecord(message, id, "ParserError", node.span, source), true);
}

const NO_LANGUAGE_MESSAGE = "The syntax is not supported by this runspace. This can occur if the runspace is in no-language mode (NoLanguage): " +
  "only commands with literal arguments may run.";

/** Every node under `node` (itself first): a generic walk, so a new AST kind cannot slip past the checks unseen. */
function* walk(node: A.AnyNode): Generator<A.AnyNode> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "span") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === "object" && child !== null && "kind" in child) yield* walk(child as A.AnyNode);
    }
  }
}

/**
 * Checks `ast` against `mode`; throws the first violation as a RuntimeError positioned at it. FullLanguage allows
 * everything and returns at once.
 */
export function checkLanguage(ast: A.ScriptBlock, mode: LanguageMode, source: string | null): void {
  if (mode === "FullLanguage") return;
  if (mode === "NoLanguage") return checkNoLanguage(ast, source);
  for (const node of walk(ast)) {
    const problem = mode === "ConstrainedLanguage" ? constrained(node) : restricted(node) ?? constrained(node);
    if (problem) throw languageError(problem.at ?? node, source, problem.message, problem.id);
  }
}

type Problem = { message: string; id: string; at?: { span: A.Span } } | null;

function constrained(node: A.AnyNode): Problem {
  const type = node.kind === "Convert" || node.kind === "TypeLiteral" ? node.type : node.kind === "TypeConstraint" ? node.typeName : null;
  if (!type || isCoreType(type.name)) return null;
  return {
    message: `Cannot use type [${type.name}]: only core types are supported in this language mode (ConstrainedLanguage).`,
    id: "TypeNotAllowedInConstrainedLanguage",
  };
}

const restrictedOnly = (what: string, id: string): Problem => ({ message: `${what} not allowed in restricted language mode (RestrictedLanguage).`, id });

/** RestrictedLanguage: commands, a few variables and operators; no script blocks, assignments, members or loops. */
function restricted(node: A.AnyNode): Problem {
  switch (node.kind) {
    case "ScriptBlockExpression":
      return restrictedOnly("Script blocks are", "ScriptBlockNotSupportedInDataSection");
    case "FunctionDefinition":
      return restrictedOnly("Function declarations are", "FunctionDeclarationNotSupportedInDataSection");
    case "ParamBlock":
      return restrictedOnly("Parameter declarations are", "ParameterDeclarationNotSupportedInDataSection");
    case "Member":
      return restrictedOnly("Property references are", "PropertyReferenceNotSupportedInDataSection");
    case "InvokeMember":
      return restrictedOnly("Method calls are", "MethodCallNotSupportedInDataSection");
    case "Assignment": {
      const target = node.target;
      const allowed = node.operator === "=" && target.kind === "Variable" && target.qualifier === null &&
        RESTRICTED_ASSIGNABLE.has(target.name.toLowerCase());
      return allowed ? null : restrictedOnly("Assignment statements are (except to the preference variables)", "AssignmentStatementNotSupportedInDataSection");
    }
    case "Unary":
      return node.operator === "++" || node.operator === "--" ? restrictedOnly("Assignment statements are", "AssignmentStatementNotSupportedInDataSection") : null;
    case "Variable":
      if (node.qualifier === null && !node.splatted && RESTRICTED_READABLE.has(node.name.toLowerCase())) return null;
      return {
        message: `The variable '${node.splatted ? "@" : "$"}${node.qualifier ? node.qualifier + ":" : ""}${node.name}' cannot be referenced in restricted ` +
          "language mode (RestrictedLanguage). Variables that can be referenced include the following: $PSCulture, $PSUICulture, $true, " +
          "$false, $null, $? and the preference variables.",
        id: "VariableReferenceNotSupportedInDataSection",
      };
    case "Command":
      return node.invocation ? restrictedOnly(`Invoking with '${node.invocation}' is`, "ScriptInvocationNotSupportedInDataSection") : null;
    case "Pipeline":
    case "PipelineChain":
      return node.background ? restrictedOnly("Background jobs ('&' after a pipeline) are", "BackgroundNotSupportedInDataSection") : null;
    case "FileRedirection":
      return restrictedOnly("Redirections to a file are", "RedirectionNotSupportedInDataSection");
    case "Foreach":
    case "For":
    case "While":
    case "DoLoop":
    case "Switch":
    case "Try":
    case "Trap":
    case "Break":
      return restrictedOnly(`'${node.kind}' statements are`, `${node.kind}StatementNotSupportedInDataSection`);
    default:
      return null;
  }
}

/** NoLanguage: each statement is a pipeline of commands named by a bare word, whose arguments are all literals. */
function checkNoLanguage(ast: A.ScriptBlock, source: string | null): void {
  const refuse = (at: { span: A.Span }) => languageError(at, source, NO_LANGUAGE_MESSAGE, "ScriptsNotAllowed");
  if (ast.paramBlock || ast.begin || ast.process || !ast.unnamedEnd && ast.end) throw refuse(ast);
  for (const statement of ast.end?.statements ?? []) {
    if (statement.kind !== "Pipeline" || statement.background) throw refuse(statement);
    for (const element of statement.elements) {
      if (element.kind !== "Command" || element.invocation || element.name.kind !== "StringConstant" || element.redirections.length) throw refuse(element);
      for (const argument of element.elements) {
        const value = argument.kind === "CommandParameter" ? argument.argument : argument;
        if (value && !isLiteral(value)) throw refuse(value);
      }
    }
  }
  for (const trap of ast.end?.traps ?? []) throw refuse(trap);
}

function isLiteral(node: A.Expression): boolean {
  if (node.kind === "Constant" || node.kind === "StringConstant") return true;
  return node.kind === "ArrayLiteral" && node.elements.every(isLiteral);
}

/** The error for invoking a script block in a mode that has none (a block that reached the session some other way). */
export function scriptBlockRefused(node: { span: A.Span }, source: string | null, mode: LanguageMode): RuntimeError {
  return mode === "NoLanguage"
    ? languageError(node, source, NO_LANGUAGE_MESSAGE, "ScriptsNotAllowed")
    : languageError(node, source, "Script blocks are not allowed in restricted language mode (RestrictedLanguage).", "ScriptBlockNotSupportedInDataSection");
}

/** True for the modes in which a user has no script blocks at all. */
export function forbidsScriptBlocks(mode: LanguageMode): boolean {
  return mode === "NoLanguage" || mode === "RestrictedLanguage";
}

/** `$ExecutionContext.SessionState`: its LanguageMode reads live; only FullLanguage may set it (to a lower mode). */
class SessionStateView extends LiveObject {
  constructor(readonly mode: { get(): LanguageMode; set(mode: LanguageMode): void }) {
    super(["LanguageMode"]);
  }

  protected read(): unknown {
    return this.mode.get();
  }

  override set(...[, value]: unknown[]): void {
    const current = this.mode.get();
    // PowerShell: a restricted session cannot raise its own mode; FullLanguage may lower itself.
    if (current !== "FullLanguage") throw new MemberError(`Cannot set property. Property setting is supported only on core types in this language mode (${current}).`);
    const mode = parseLanguageMode(toStr(value));
    if (!mode) throw new MemberError(`Cannot convert value "${toStr(value)}" to type "System.Management.Automation.PSLanguageMode". Valid values: ${LANGUAGE_MODES.join(", ")}.`);
    this.mode.set(mode);
  }
}

/** The session's `$ExecutionContext` (rsh has its SessionState.LanguageMode). */
export function executionContext(mode: { get(): LanguageMode; set(mode: LanguageMode): void }): PSCustomObject {
  const context = new PSCustomObject();
  context.set("SessionState", new SessionStateView(mode));
  return context;
}
