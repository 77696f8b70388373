/**
 * Discovery commands: Get-Member (the members rsh really gives a value, per distinct input type) and Get-Help
 * (comment-based help of script functions; name and syntax of built-ins). Get-Command is in get_command.ts.
 */
import type { FunctionDefinition, Parameter } from "../../grammar/ast.ts";
import type { ParameterSpec } from "../engine/binder.ts";
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { then } from "../engine/maybe.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import type { FunctionEntry } from "../engine/scope.ts";
import { enumerate, toStr, typeNameOf } from "../values/convert.ts";
import { type MemberKind, PSCustomObject, PSHashtable } from "../values/objects.ts";

// ---------------------------------------------------------------- Get-Member

interface Member {
  name: string;
  type: "Method" | "Property" | MemberKind;
  definition: string;
}

/** The short type name PowerShell writes in member definitions (`string`, `int`, `Object[]`). */
function shortType(value: unknown): string {
  if (value === null || value === undefined) return "object";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return typeNameOf(value) === "System.Int32" ? "int" : "double";
  if (Array.isArray(value)) return "Object[]";
  if (value instanceof PSHashtable) return value.ordered ? "System.Collections.Specialized.OrderedDictionary" : "hashtable";
  if (value instanceof Date) return "datetime";
  return typeNameOf(value);
}

function noteProperty(name: string, value: unknown): Member {
  const shown = value === null || value === undefined ? "null" : value instanceof PSCustomObject ? toStr(value) : Array.isArray(value) ? "System.Object[]" : toStr(value);
  return { name, type: "NoteProperty", definition: `${shortType(value)} ${name}=${shown}` };
}

const method = (name: string, definition: string): Member => ({ name, type: "Method", definition });
const property = (name: string, definition: string): Member => ({ name, type: "Property", definition });

/** What every value answers to (members.ts invokeMethod: GetType and ToString on anything). */
const OBJECT_METHODS = [method("GetType", "type GetType()"), method("ToString", "string ToString()")];

const STRING_MEMBERS: Member[] = [
  method("Contains", "bool Contains(string value)"),
  method("EndsWith", "bool EndsWith(string value)"),
  method("IndexOf", "int IndexOf(string value)"),
  method("Insert", "string Insert(int startIndex, string value)"),
  method("PadLeft", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"),
  method("PadRight", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"),
  method("Remove", "string Remove(int startIndex), string Remove(int startIndex, int count)"),
  method("Replace", "string Replace(string oldValue, string newValue)"),
  method("Split", "string[] Split(char[] separator)"),
  method("StartsWith", "bool StartsWith(string value)"),
  method("Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"),
  method("ToCharArray", "char[] ToCharArray()"),
  method("ToLower", "string ToLower()"),
  method("ToString", "string ToString()"),
  method("ToUpper", "string ToUpper()"),
  method("Trim", "string Trim(), string Trim(char[] trimChars)"),
  method("GetType", "type GetType()"),
  property("Length", "int Length {get;}"),
];

const HASHTABLE_MEMBERS: Member[] = [
  method("Add", "void Add(System.Object key, System.Object value)"),
  method("Clone", "System.Object Clone()"),
  method("ContainsKey", "bool ContainsKey(System.Object key)"),
  method("Remove", "void Remove(System.Object key)"),
  ...OBJECT_METHODS,
  property("Count", "int Count {get;}"),
  property("Keys", "System.Collections.ICollection Keys {get;}"),
  property("Values", "System.Collections.ICollection Values {get;}"),
];

const DATE_MEMBERS: Member[] = [
  ...OBJECT_METHODS,
  ...["Day", "Hour", "Minute", "Month", "Second", "Year"].map((name) => property(name, `int ${name} {get;}`)),
  property("DayOfWeek", "System.DayOfWeek DayOfWeek {get;}"),
  property("Ticks", "long Ticks {get;}"),
];

const byKind = (a: Member, b: Member) => (a.type === "Method" ? 0 : 1) - (b.type === "Method" ? 0 : 1) || a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** The type name Get-Member shows and the members rsh gives values of that type. */
function membersOf(value: unknown): { typeName: string; members: Member[] } {
  const typeName = typeNameOf(value);
  if (typeof value === "string") return { typeName, members: [...STRING_MEMBERS].sort(byKind) };
  if (value instanceof PSHashtable) {
    const keys = value.entries().map(([k, v]) => noteProperty(toStr(k), v));
    return { typeName, members: [...HASHTABLE_MEMBERS, ...keys].sort(byKind) };
  }
  if (value instanceof PSCustomObject) {
    // As pwsh orders them: by member type (AliasProperty, Method, NoteProperty, ScriptMethod, ScriptProperty).
    const members = [...value.names(), ...value.methodNames()].map((name): Member => {
      const kind = value.kindOf(name)!;
      return kind === "NoteProperty" ? noteProperty(name, value.get(name)) : { name, type: kind, definition: value.definitionOf(name) ?? name };
    });
    const ofType = (type: string) => members.filter((m) => m.type === type);
    return { typeName: value.typeNames?.[0] ?? typeName, members: [...ofType("AliasProperty"), ...OBJECT_METHODS, ...ofType("NoteProperty"), ...ofType("ScriptMethod"), ...ofType("ScriptProperty")] };
  }
  if (value instanceof Date) return { typeName, members: DATE_MEMBERS };
  if (Array.isArray(value)) {
    return { typeName, members: [method("Contains", "bool Contains(System.Object value)"), method("IndexOf", "int IndexOf(System.Object value)"), ...OBJECT_METHODS, property("Count", "int Count {get;}"), property("Length", "int Length {get;}")].sort(byKind) };
  }
  return { typeName, members: OBJECT_METHODS };
}

export const getMember: BuiltinCommand = {
  name: "Get-Member",
  aliases: ["gm"],
  parameters: [
    { name: "InputObject", pipeline: true, type: "object" },
    { name: "Name", position: 0, type: "string[]" },
    { name: "MemberType", aliases: ["Type"], type: "string[]" },
  ],
  begin: () => new Set<string>(),
  process(ctx, params, input, state) {
    const seen = state as Set<string>;
    // Pipeline input arrives one element at a time; -InputObject takes the collection itself, as PowerShell.
    const value = input === undefined ? params.get("InputObject") : input;
    if (value === undefined || value === null) return;
    const { typeName, members } = membersOf(value);
    if (seen.has(typeName)) return;
    seen.add(typeName);
    const names = params.has("Name") ? enumerate(params.get("Name")).map((n) => wildcardToRegExp(toStr(n), false)) : null;
    const kinds = params.has("MemberType") ? enumerate(params.get("MemberType")).map((k) => toStr(k).toLowerCase()) : null;
    const kindMatches = (kind: string) =>
      kinds === null || kinds.includes(kind.toLowerCase()) || kinds.includes("all") ||
      (kinds.includes("properties") && kind.endsWith("Property"));
    const chosen = members.filter((m) => (names === null || names.some((n) => n.test(m.name))) && kindMatches(m.type));
    return ctx.emitAll(chosen.map((m) => {
      const info = new PSCustomObject();
      info.typeNames = ["Microsoft.PowerShell.Commands.MemberDefinition", "System.Object"];
      info.set("TypeName", typeName);
      info.set("Name", m.name);
      info.set("MemberType", m.type);
      info.set("Definition", m.definition);
      return info;
    }));
  },
};

// ---------------------------------------------------------------- Get-Help

/** The `.KEYWORD` sections of a `<# … #>` comment: lower-cased keyword → text lines. */
function helpSections(comment: string): Map<string, string[]> | null {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of comment.split(/\r?\n/)) {
    const line = raw.trim();
    const keyword = /^\.([A-Za-z]+)(\s+.*)?$/.exec(line);
    if (keyword) {
      current = [];
      const word = keyword[1].toLowerCase();
      // Each .EXAMPLE is its own section; .PARAMETER names its parameter.
      const key = word === "example" ? `example ${sections.size}` : word + (keyword[2] ? " " + keyword[2].trim() : "");
      sections.set(key, current);
    } else if (current) current.push(line);
  }
  for (const lines of sections.values()) {
    while (lines.length && lines[0] === "") lines.shift();
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
  }
  return sections.size ? sections : null;
}

/**
 * The comment-based help of a function (about_Comment_Based_Help): a `<# … #>` block at the start of its body, at
 * its end, or right before the `function` keyword.
 */
function functionHelp(entry: FunctionEntry): Map<string, string[]> | null {
  const { definition, source } = entry;
  const body = definition.body;
  const inner = source.slice(body.span.start.offset, body.span.end.offset).replace(/^\{/, "");
  const leading = /^\s*<#([\s\S]*?)#>/.exec(inner);
  if (leading) return helpSections(leading[1]);
  const trailing = /<#([\s\S]*?)#>\s*\}?\s*$/.exec(inner);
  if (trailing) {
    const help = helpSections(trailing[1]);
    if (help) return help;
  }
  const before = /<#([\s\S]*?)#>\s*$/.exec(source.slice(0, definition.span.start.offset));
  return before ? helpSections(before[1]) : null;
}

/** A script parameter's type as written (`[int]`), or Object. */
export function parameterType(parameter: Parameter): string {
  const constraint = parameter.attributes.find((a) => a.kind === "TypeConstraint");
  return constraint ? constraint.typeName.name : "Object";
}

/** `[Parameter(Mandatory)]` or `Mandatory = $true` (anything but a written `$false`/`0`). */
function isMandatory(parameter: Parameter, source: string): boolean {
  return parameter.attributes.some((a) =>
    a.kind === "Attribute" && a.typeName.name.toLowerCase() === "parameter" &&
    a.namedArguments.some((n) =>
      n.name.toLowerCase() === "mandatory" &&
      (n.value === null || !/^\s*(\$false|0)\s*$/i.test(source.slice(n.value.span.start.offset, n.value.span.end.offset)))
    )
  );
}

/** `name [[-A] <T>] [-S]`: a script function's parameters are positional in order, a switch is named. */
export function functionSyntax(definition: FunctionDefinition, source: string): string {
  const parameters = definition.parameters ?? definition.body.paramBlock?.parameters ?? [];
  const parts = parameters.map((p) => {
    const type = parameterType(p);
    if (type.toLowerCase() === "switch") return `[-${p.name}]`;
    return isMandatory(p, source) ? `[-${p.name}] <${type}>` : `[[-${p.name}] <${type}>]`;
  });
  return [definition.name, ...parts].join(" ");
}

/** `Get-Content [-Path] <string> [-Raw]`, from a built-in's parameter table. */
export function builtinSyntax(command: BuiltinCommand): string {
  const positional = command.parameters.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  const named = command.parameters.filter((p) => p.position === undefined);
  const valueOf = (p: ParameterSpec) => p.validateSet ? ` {${p.validateSet.join(" | ")}}` : ` <${p.type ?? "Object"}>`;
  const parts = [
    ...positional.map((p) => p.type === "switch" ? `[-${p.name}]` : p.mandatory ? `[-${p.name}]${valueOf(p)}` : `[[-${p.name}]${valueOf(p)}]`),
    ...named.map((p) => p.type === "switch" ? `[-${p.name}]` : p.mandatory ? `-${p.name}${valueOf(p)}` : `[-${p.name}${valueOf(p)}]`),
  ];
  return [command.name, ...parts].join(" ");
}

/**
 * Get-Help -Parameter: each named parameter (wildcards) as `-Name <Type>` with its description; none matching is
 * PowerShell's "No parameter matches criteria" error.
 */
function parameterHelp(ctx: CommandContext, params: Map<string, unknown>, parameters: { name: string; text: string[]; type: string }[]) {
  const patterns = enumerate(params.get("Parameter")).map((p) => wildcardToRegExp(toStr(p), false));
  const found = parameters.filter((p) => patterns.some((pattern) => pattern.test(p.name)));
  if (found.length === 0) {
    ctx.writeError(`No parameter matches criteria ${enumerate(params.get("Parameter")).map(toStr).join(", ")}.`, "NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand", "Get-Help");
    return;
  }
  const type = (t: string) => (t.toLowerCase() === "switch" ? "" : ` <${t}>`);
  return ctx.emitAll(found.flatMap((p) => section(`-${p.name}${type(p.type)}`, p.text)).slice(0, -1));
}

const section = (title: string, lines: string[]) => [title, ...lines.map((l) => (l ? "    " + l : "")), ""];

/** HelpCategory's names, as -Category takes them. */
const HELP_CATEGORIES = [
  "Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary", "HelpFile", "ScriptCommand", "Function", "Filter",
  "ExternalScript", "All", "DefaultHelp", "DscResource", "Class", "Configuration",
];

/**
 * -Category, -Component, -Functionality and -Role: whether the help found for `name` is of a wanted category (an
 * alias's, a function's, a cmdlet's) and its comment-based help's .COMPONENT, .FUNCTIONALITY and .ROLE match the
 * patterns given (built-ins have none of those).
 */
function helpWanted(ctx: CommandContext, params: Map<string, unknown>, name: string, help: Map<string, string[]> | null, kind: "function" | "builtin"): boolean {
  if (params.has("Category")) {
    const wanted = enumerate(params.get("Category")).map((c) => toStr(c).toLowerCase());
    const isAlias = ctx.scope.findAlias(name) !== undefined || ctx.commands.builtinAliases().some(([alias]) => alias === name.toLowerCase());
    const own = [kind === "function" ? "function" : "cmdlet", ...(isAlias ? ["alias"] : []), "all"];
    if (!wanted.some((c) => own.includes(c))) return false;
  }
  return ["Component", "Functionality", "Role"].every((field) => {
    if (!params.has(field)) return true;
    const text = (help?.get(field.toLowerCase()) ?? []).join(" ");
    return text !== "" && enumerate(params.get(field)).some((p) => wildcardToRegExp(toStr(p), false).test(text));
  });
}

export const getHelp: BuiltinCommand = {
  name: "Get-Help",
  aliases: ["help"],
  parameters: [
    { name: "Name", position: 0, type: "string" },
    // rsh always shows the whole of a function's help (what -Full shows in PowerShell), so these two change nothing.
    { name: "Full", type: "switch" },
    { name: "Detailed", type: "switch" },
    { name: "Examples", type: "switch" },
    { name: "Parameter", type: "string[]" },
    { name: "Category", type: "string[]", validateSet: HELP_CATEGORIES },
    { name: "Component", type: "string[]" },
    { name: "Functionality", type: "string[]" },
    { name: "Role", type: "string[]" },
  ],
  process(ctx, params) {
    if (!params.has("Name")) {
      return ctx.emitAll([
        ...section("TOPIC", ["rsh Help System"]),
        ...section("SHORT DESCRIPTION", ["Displays help about rsh commands."]),
        ...section("LONG DESCRIPTION", ["Get-Help <name> shows the syntax of a command and a function's comment-based help.", "Get-Command lists the commands."]),
      ]);
    }
    const name = toStr(params.get("Name"));
    const resolved = ctx.commands.resolve(name, ctx.scope);
    if (!resolved || !helpWanted(ctx, params, name, resolved.kind === "function" ? functionHelp(resolved.entry) : null, resolved.kind)) {
      ctx.writeError(
        `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.`,
        "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand",
        "Get-Help",
      );
      return;
    }
    if (resolved.kind === "function") {
      const { definition } = resolved.entry;
      const help = functionHelp(resolved.entry);
      if (params.has("Parameter")) {
        const names = definition.parameters ?? definition.body.paramBlock?.parameters ?? [];
        const described = (p: Parameter) => [...(help ?? [])].find(([key]) => key.toLowerCase() === `parameter ${p.name.toLowerCase()}`)?.[1] ?? [];
        return parameterHelp(ctx, params, names.map((p) => ({ name: p.name, text: described(p), type: parameterType(p) })));
      }
      const lines = [...section("NAME", [definition.name])];
      if (params.get("Examples")) {
        // -Examples: the name, the synopsis and the examples only.
        if (help?.has("synopsis")) lines.push(...section("SYNOPSIS", help.get("synopsis")!));
        [...(help ?? [])].filter(([key]) => key.startsWith("example ")).forEach(([, text], i) => lines.push(...section(`EXAMPLE ${i + 1}`, text)));
        return ctx.emitAll(lines.slice(0, -1));
      }
      if (help?.has("synopsis")) lines.push(...section("SYNOPSIS", help.get("synopsis")!));
      lines.push(...section("SYNTAX", [functionSyntax(definition, resolved.entry.source)]));
      if (help?.has("description")) lines.push(...section("DESCRIPTION", help.get("description")!));
      for (const [key, text] of help ?? []) {
        if (key.startsWith("parameter ")) lines.push(...section(`PARAMETER -${key.slice(10)}`, text));
      }
      const examples = [...(help ?? [])].filter(([key]) => key.startsWith("example "));
      examples.forEach(([, text], i) => lines.push(...section(`EXAMPLE ${i + 1}`, text)));
      if (help?.has("notes")) lines.push(...section("NOTES", help.get("notes")!));
      return ctx.emitAll(lines.slice(0, -1));
    }
    const command = resolved.command;
    return then(command.load ? command.load() : command, (full) =>
      params.has("Parameter") ? parameterHelp(ctx, params, full.parameters.map((p) => ({ name: p.name, text: [], type: p.type ?? "Object" }))) : ctx.emitAll([
        ...section("NAME", [full.name]),
        ...section("SYNTAX", [builtinSyntax(full)]),
        ...(full.aliases?.length ? section("ALIASES", full.aliases) : []),
        "DESCRIPTION",
        "    rsh built-in command",
      ]));
  },
};
