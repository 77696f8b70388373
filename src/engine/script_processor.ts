/**
 * A script block run as a command — a function, a script file, `& { }` — as a pipeline processor: its parameters
 * bound through binder.ts (what each parameter list declares is derived once), its begin / process / end blocks
 * run in a scope of its own, pipeline input bound by value or by property name, `return` ending a block.
 */
import type * as A from "../../grammar/ast.ts";
import { canonicalType, convertTo, toBool, toStr } from "../values/convert.ts";
import { PSCustomObject, PSHashtable } from "../values/objects.ts";
import { type Bound, bindArguments, BindingError, checkMandatory, coerce, declaresParameter, type ParameterSpec, type RawArgument } from "./binder.ts";
import { type Emit, type Evaluator, returned } from "./evaluator.ts";
import { evaluate, forEachVariable, type Frame, type Invocation, ScriptBlockValue } from "./expressions.ts";
import { ErrorRecord, RuntimeError } from "./errors.ts";
import { getMember } from "./members.ts";
import { applyPreferences, captureVariables, type Common, takeCommonParameters } from "./common_parameters.ts";
import { eachInOrder, type Maybe, then } from "./maybe.ts";
import type { Processor } from "./processors.ts";
import { PSCmdletValue } from "./pscmdlet.ts";
import { constrains, type FunctionEntry, Scope } from "./scope.ts";

/** What a script block's declarations say about binding, derived once: a function called 100,000 times reads this. */
interface Declared {
  parameters: A.Parameter[];
  specs: ParameterSpec[];
  /** `[CmdletBinding()]`: takes the common parameters and refuses unknown arguments. */
  advanced: boolean;
  /** `[CmdletBinding(SupportsShouldProcess)]`: takes -WhatIf, and `$PSCmdlet.ShouldProcess` heeds it. */
  shouldProcess: boolean;
  /** An advanced function, or one with `[Parameter()]`: an unknown `-Name` is an error, not an entry of $args. */
  strictNames: boolean;
  pipelineSpec: ParameterSpec | undefined;
  byName: ParameterSpec[];
  /** The `[ValidateScript()]` blocks, with the parameter each checks. */
  validations: { spec: ParameterSpec; block: A.ScriptBlockExpression }[];
  /**
   * Every parameter is a plain `$name` (no type, attribute or default): positional values then bind in declaration
   * order with nothing to convert or check — the binder's own result for such a list, without its tables.
   */
  plain: boolean;
}

const declaredCache = new WeakMap<A.Parameter[], Declared>();
const NO_PARAMETERS: A.Parameter[] = [];

/**
 * Keyed by the parameter list, which belongs to one param block (whose `[CmdletBinding()]` it is) or to one
 * `function f($a)` header; blocks with neither share NO_PARAMETERS, never advanced.
 */
function declared(block: A.ScriptBlock, extraParameters: A.Parameter[] | null): Declared {
  const parameters = block.paramBlock?.parameters ?? extraParameters ?? NO_PARAMETERS;
  let found = declaredCache.get(parameters);
  if (found) return found;
  const specs = deriveSpecs(parameters);
  const binding = block.paramBlock?.attributes.find((a) => a.typeName.name.toLowerCase() === "cmdletbinding");
  const advanced = binding !== undefined;
  const supports = binding?.namedArguments.find((n) => n.name.toLowerCase() === "supportsshouldprocess");
  const shouldProcess = supports !== undefined && !(supports.value?.kind === "Variable" && supports.value.name.toLowerCase() === "false");
  found = {
    parameters,
    specs,
    advanced,
    shouldProcess,
    strictNames: advanced || declaresParameterAttribute(parameters),
    pipelineSpec: specs.find((s) => s.pipeline),
    byName: specs.filter((s) => s.pipelineByName),
    plain: !advanced && parameters.every((p) => p.attributes.length === 0 && p.defaultValue === null),
    validations: parameters.flatMap((p, i) => p.attributes.flatMap((a) => {
      const block = a.kind !== "TypeConstraint" && a.typeName.name.toLowerCase() === "validatescript" ? a.positionalArguments[0] : undefined;
      return block?.kind === "ScriptBlockExpression" ? [{ spec: specs[i], block }] : [];
    })),
  };
  declaredCache.set(parameters, found);
  return found;
}

/** Specs for a `param()` block or `function f($a, $b)` list (positional in declaration order, as PowerShell does). */
function deriveSpecs(parameters: A.Parameter[]): ParameterSpec[] {
  return parameters.map((p, index) => {
    const spec: ParameterSpec = { name: p.name, position: index };
    for (const attribute of p.attributes) {
      if (attribute.kind === "TypeConstraint") {
        spec.type = attribute.typeName.name;
        continue;
      }
      const name = attribute.typeName.name.toLowerCase();
      const literal = (e: A.Expression) => (e.kind === "Constant" || e.kind === "StringConstant" ? e.value : null);
      if (name === "parameter") {
        for (const named of attribute.namedArguments) {
          const flag = named.value === null || !(named.value.kind === "Variable" && named.value.name.toLowerCase() === "false");
          const key = named.name.toLowerCase();
          if (key === "mandatory") spec.mandatory = flag;
          else if (key === "valuefrompipeline") spec.pipeline = flag;
          else if (key === "valuefrompipelinebypropertyname") spec.pipelineByName = flag;
          else if (key === "position" && named.value) spec.position = Number(literal(named.value));
        }
      } else if (name === "alias") spec.aliases = attribute.positionalArguments.map((e) => String(literal(e)));
      else if (name === "validateset") spec.validateSet = attribute.positionalArguments.map((e) => String(literal(e)));
      else if (name === "validaterange") spec.validateRange = attribute.positionalArguments.map((e) => Number(literal(e))) as [number, number];
      else if (name === "validatenotnullorempty") spec.notNullOrEmpty = true;
      else if (name === "validatepattern") spec.validatePattern = String(literal(attribute.positionalArguments[0]));
      else if (name === "validatelength") spec.validateLength = attribute.positionalArguments.map((e) => Number(literal(e))) as [number, number];
      else if (name === "validatecount") spec.validateCount = attribute.positionalArguments.map((e) => Number(literal(e))) as [number, number];
    }
    if (spec.type?.toLowerCase() === "switch") delete spec.position;
    // about_Functions_Advanced_Parameters: a mandatory parameter takes no null or empty value unless allowed.
    if (spec.mandatory) {
      const allows = (name: string) => p.attributes.some((a) => a.kind !== "TypeConstraint" && a.typeName.name.toLowerCase() === name);
      spec.refusesEmpty = { null: !allows("allownull"), string: !allows("allowemptystring"), collection: !allows("allowemptycollection") };
    }
    return spec;
  });
}


/**
 * A BindingError as PowerShell reports it: positioned at the call and named after the command (`Get-Area: …` in the
 * concise view), its id followed by the command's (a function's name, a cmdlet's class:
 * `ParameterArgumentTransformationError,Get-Area`).
 */
export function bindingFailure(frame: Frame, node: { span: A.Span }, error: unknown, command: string | null, commandId = command): never {
  if (!(error instanceof BindingError)) throw error;
  const id = commandId ? `${error.errorId},${commandId}` : error.errorId;
  throw new RuntimeError(new ErrorRecord(error.message, id, "InvalidArgument", node.span, frame.source, null, command));
}

/** A processor for a script block run as a command: a function, a script, `& { }`. */
export function scriptBlockProcessor(
  evaluator: Evaluator,
  block: A.ScriptBlock,
  source: string,
  extraParameters: A.Parameter[] | null,
  rawArgs: RawArgument[],
  caller: Frame,
  node: { span: A.Span },
  emit: Emit,
  options: ScriptBlockOptions = {},
): Processor {
  return new ScriptBlockProcessor(evaluator, block, source, declared(block, extraParameters), rawArgs, caller, node, emit, options);
}

/** How a script block is run as a command. */
export interface ScriptBlockOptions {
  /** A filter: its body is a process block. */
  isFilter?: boolean;
  /** The scope it runs in (a script's own, the caller's when dot-sourced); else a new child of the caller's. */
  scope?: Scope;
  hasUpstream?: boolean;
  trusted?: boolean;
  /** What `$MyInvocation.MyCommand` says it is: a function's name, or a script file's path. */
  command?: { name: string; type: "Function" | "Filter" | "ExternalScript" | "Script"; path?: string };
  /** The name it was called by (`$MyInvocation.InvocationName`: an alias, or the name as typed). */
  invocationName?: string;
}

/** The automatic variables a script block's text reads that cost something to make for each call. */
interface Mentions {
  /** `$PSBoundParameters`, or `$MyInvocation` (whose BoundParameters is the same table). */
  bound: boolean;
  invocation: boolean;
  /** `$PSCmdlet` (an advanced function's). */
  cmdlet: boolean;
}

const mentionsCache = new WeakMap<A.ScriptBlock, Mentions>();

/**
 * Whether the block (or a block inside it) names `$PSBoundParameters` or `$MyInvocation`: only then does a call make
 * them — a function called 100,000 times that never reads them pays nothing. (Text that reaches them only through
 * Invoke-Expression or Get-Variable inside the block finds them unset.)
 */
function mentionsOf(block: A.ScriptBlock): Mentions {
  let found = mentionsCache.get(block);
  if (found) return found;
  const names = new Set<string>();
  forEachVariable(block, (variable) => names.add(variable.name.toLowerCase()));
  found = { bound: names.has("psboundparameters") || names.has("myinvocation"), invocation: names.has("myinvocation"), cmdlet: names.has("pscmdlet") };
  mentionsCache.set(block, found);
  return found;
}

const NO_COMMON: Common = Object.freeze({});
/** The empty `$args`/`$input` of a call that has none (see the constructor). */
const NOTHING: unknown[] = [];
const NOTHING_BOUND: Bound = { values: new Map(), remaining: [] };

/** One call of a script block (a class: a function called 100,000 times makes 100,000 of these, and no closures). */
class ScriptBlockProcessor implements Processor {
  // Plain fields, all set in the constructor in one order: V8 then makes each call's object with one map and no
  // class-field initializer (which profiled as a third of a call once the heap had been through a full GC).
  declare hadError: boolean;
  declare readonly scope: Scope;
  declare readonly frame: Frame;
  declare readonly common: Common;
  declare readonly args: RawArgument[];
  declare readonly captured: ReturnType<typeof captureVariables>;
  declare readonly emit: Emit;
  declare readonly processBlock: A.NamedBlock | null;
  declare readonly endBlock: A.NamedBlock | null;
  declare readonly source: string;
  declare bound: Bound;
  declare input: unknown[];
  /** `$PSBoundParameters` when the block reads it (see mentionsOf). */
  declare boundTable: PSHashtable | null;
  declare readonly evaluator: Evaluator;
  declare readonly block: A.ScriptBlock;
  declare readonly declared: Declared;
  declare readonly caller: Frame;
  declare readonly node: { span: A.Span };
  declare readonly options: ScriptBlockOptions;

  constructor(
    evaluator: Evaluator,
    block: A.ScriptBlock,
    source: string,
    declared: Declared,
    rawArgs: RawArgument[],
    caller: Frame,
    node: { span: A.Span },
    emit: Emit,
    options: ScriptBlockOptions,
  ) {
    this.hadError = false;
    this.evaluator = evaluator;
    this.block = block;
    this.declared = declared;
    this.caller = caller;
    this.node = node;
    this.options = options;
    this.source = source;
    const scope = this.scope = options.scope ?? new Scope(caller.scope);
    let args = rawArgs;
    let common = NO_COMMON;
    // An advanced function takes the common parameters (about_Functions_CmdletBindingAttribute).
    if (declared.advanced) {
      ({ args, common } = takeCommonParameters(rawArgs, (name) => declaresParameter(declared.specs, name), declared.shouldProcess));
    }
    this.args = args;
    this.common = common;
    this.captured = captureVariables(common, caller.scope);
    this.emit = this.captured.wrap(emit);
    const command = options.command;
    const called = command && (command.type === "Function" || command.type === "Filter") ? invocationAt(node, command.name, caller.source) : null;
    this.frame = evaluator.frame(scope, source, options.trusted ?? false, called);
    this.processBlock = block.process ?? (options.isFilter ? block.end : null);
    this.endBlock = options.isFilter ? null : block.end;
    this.bound = NOTHING_BOUND;
    // Without upstream, `$input` stays empty: one shared empty array (a script cannot grow a plain array in place).
    this.input = options.hasUpstream ? [] : NOTHING;
    this.boundTable = null;
  }

  begin(): Maybe<void> {
    applyPreferences(this.common, this.scope);
    if (this.declared.advanced && this.mentions.cmdlet) {
      this.scope.set("PSCmdlet", new PSCmdletValue(this.options.command?.name ?? "", this.scope, this.evaluator.host));
    }
    const bound = this.bindParameters();
    return bound instanceof Promise ? bound.then(() => this.runBlock(this.block.begin)) : this.runBlock(this.block.begin);
  }

  process(value: unknown): Maybe<void> {
    return this.processOne(value, true);
  }

  run(): Maybe<void> {
    if (this.processBlock) return this.processOne(null, false);
  }

  end(): Maybe<void> {
    this.scope.set("input", this.input);
    const ran = this.runBlock(this.endBlock);
    if (ran instanceof Promise) return ran.then(() => this.captured.finish());
    this.captured.finish();
  }

  runBlock(named: A.NamedBlock | null): Maybe<void> {
    if (named) return runNamedBlock(this.evaluator, named, this.frame, this.emit);
  }

  processOne(value: unknown, hasInput: boolean): Maybe<void> {
    const scope = this.scope;
    scope.set("_", value);
    scope.set("PSItem", value);
    const { pipelineSpec, byName } = this.declared;
    if (hasInput && pipelineSpec) {
      try {
        this.setParameter(pipelineSpec, coerce(pipelineSpec, value));
      } catch (e) {
        bindingFailure(this.caller, this.node, e, this.options.command?.name ?? null);
      }
      this.boundTable?.set(pipelineSpec.name, scope.lookup(pipelineSpec.name)?.value ?? null);
    }
    // ValueFromPipelineByPropertyName: each object's property of the parameter's name (or an alias) binds it.
    for (const spec of hasInput ? byName : []) {
      const property = [spec.name, ...(spec.aliases ?? [])].map((n) => ownProperty(value, n)).find((v) => v !== undefined);
      // An object without the property leaves the parameter as the command line bound it (not the last object's).
      if (property === undefined) {
        this.setParameter(spec, this.bound.values.has(spec.name) ? this.bound.values.get(spec.name) : unboundValue(spec));
        continue;
      }
      try {
        this.setParameter(spec, coerce(spec, property));
      } catch (e) {
        bindingFailure(this.caller, this.node, e, this.options.command?.name ?? null);
      }
      this.boundTable?.set(spec.name, scope.lookup(spec.name)?.value ?? null);
    }
    if (this.processBlock) return this.runBlock(this.processBlock);
    if (hasInput) (this.input === NOTHING ? (this.input = []) : this.input).push(value);
  }

  bindParameters(): Maybe<void> {
    const { specs, parameters, advanced, strictNames, pipelineSpec, plain } = this.declared;
    const args = this.args;
    if (plain && args.every((a) => a.kind === "value")) return this.bindPositionally(args as { value: unknown }[]);
    try {
      // An advanced function without parameters still refuses an unknown -Name (it goes to the binder, which does).
      if (specs.length === 0 && !strictNames) {
        this.bound = { values: new Map(), remaining: args.map((a) => (a.kind === "value" ? a.value : a.hasValue ? a.value : a.text)) };
      } else {
        // A simple function passes an unknown `-Name` on in $args; an advanced one (CmdletBinding or [Parameter()])
        // refuses it (about_Functions_Advanced_Parameters).
        this.bound = bindArguments(specs, args, false, strictNames);
        if (advanced && this.bound.remaining.length) {
          throw new BindingError(`A positional parameter cannot be found that accepts argument '${toStr(this.bound.remaining[0])}'.`, "PositionalParameterNotFound");
        }
      }
      checkMandatory(specs, this.bound.values, pipelineSpec !== undefined && this.options.hasUpstream === true);
    } catch (e) {
      bindingFailure(this.caller, this.node, e, this.options.command?.name ?? null);
    }
    const scope = this.scope;
    const values = this.bound.values;
    scope.set("args", this.bound.remaining);
    this.setAutomatics(values, this.bound.remaining);
    for (let i = 0; i < parameters.length; i++) {
      const spec = specs[i];
      if (values.has(spec.name)) this.setParameter(spec, values.get(spec.name));
      else if (parameters[i].defaultValue) return then(this.bindDefaults(i), () => this.validateScripts());
      else this.setParameter(spec, unboundValue(spec));
    }
    return this.validateScripts();
  }

  /**
   * `[ValidateScript({ … })]` (about_Functions_Advanced_Parameters): the block runs for each value the call bound,
   * with the value as `$_`, and must answer true; what it throws is the reason given.
   */
  validateScripts(): Maybe<void> {
    const checks = this.declared.validations;
    if (checks.length === 0) return;
    const values = this.bound.values;
    const fail = (spec: ParameterSpec, reason: string): never =>
      bindingFailure(this.caller, this.node, new BindingError(`Cannot validate argument on parameter '${spec.name}'. ${reason}`, "ParameterArgumentValidationError"), this.options.command?.name ?? null);
    return eachInOrder(checks, ({ spec, block }) => {
      if (!values.has(spec.name)) return;
      const value = values.get(spec.name);
      return eachInOrder(Array.isArray(value) ? value : [value], (item) => {
        const text = this.source.slice(block.span.start.offset + 1, block.span.end.offset - 1);
        const rejected = () => fail(spec, `The "${text}" validation script for the argument with value "${toStr(item)}" did not return a result of True. Determine why the validation script failed, and then try the command again.`);
        let ran: Maybe<unknown[]>;
        try {
          ran = this.evaluator.callScriptBlock(new ScriptBlockValue(block.scriptBlock, this.source, this.options.trusted ?? false), item, [], this.scope);
        } catch (e) {
          if (e instanceof RuntimeError) fail(spec, e.record.message);
          throw e;
        }
        return then(ran, (out) => (out.length > 0 && toBool(out.length === 1 ? out[0] : out) ? undefined : rejected()));
      });
    });
  }

  /** `Add 1 2` to `function Add($a, $b)`: each value to the next parameter, the rest in `$args`, unset ones $null. */
  bindPositionally(args: { value: unknown }[]): void {
    const parameters = this.declared.parameters;
    const remaining = bindPlainList(this.scope, parameters, args.map((a) => a.value));
    if (this.mentions.bound) {
      const values = new Map<string, unknown>();
      for (let i = 0; i < parameters.length && i < args.length; i++) values.set(parameters[i].name, args[i].value);
      this.setAutomatics(values, remaining);
    }
  }

  /** A parameter's variable: one of a type is held to it (`param([int]$n)`, then `$n = '7'` holds 7: about_Functions). */
  setParameter(spec: ParameterSpec, value: unknown): void {
    if (spec.type !== undefined && constrains(spec.type)) this.scope.constrain(spec.name, spec.type, value);
    else this.scope.set(spec.name, value);
  }

  get mentions(): Mentions {
    return mentionsOf(this.block);
  }

  /**
   * `$PSBoundParameters` (the parameters the call bound, by name — defaults are not in it; pipeline-bound ones join
   * as they bind) and `$MyInvocation` (about_Automatic_Variables), made only when the block reads them.
   */
  setAutomatics(values: Map<string, unknown>, remaining: unknown[]): void {
    const mentions = this.mentions;
    if (!mentions.bound) return;
    const table = this.boundTable = new PSHashtable();
    for (const [name, value] of values) table.set(name, value);
    this.scope.set("PSBoundParameters", table);
    if (mentions.invocation) this.scope.set("MyInvocation", this.invocationInfo(table, remaining));
  }

  invocationInfo(bound: PSHashtable, remaining: unknown[]): PSCustomObject {
    const { command, invocationName } = this.options;
    const myCommand = new PSCustomObject();
    myCommand.set("Name", command?.name ?? "");
    myCommand.set("CommandType", command?.type ?? "Script");
    // A script's definition is its path; a function's, its body's text.
    myCommand.set("Definition", command?.path ?? this.source.slice(this.block.span.start.offset, this.block.span.end.offset).trim());
    if (command?.path) myCommand.set("Path", command.path);
    const span = this.node.span;
    const source = this.caller.source;
    const lineStart = source.lastIndexOf("\n", span.start.offset - 1) + 1;
    const lineEnd = source.indexOf("\n", span.start.offset);
    const info = new PSCustomObject();
    info.typeNames = ["System.Management.Automation.InvocationInfo", "System.Object"];
    info.set("MyCommand", myCommand);
    info.set("BoundParameters", bound);
    info.set("UnboundArguments", remaining);
    info.set("ScriptLineNumber", span.start.line);
    info.set("OffsetInLine", span.start.column);
    info.set("ScriptName", span.file);
    info.set("Line", source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
    info.set("InvocationName", invocationName ?? command?.name ?? "");
    return info;
  }

  /** From the first parameter left to its default on: defaults are evaluated in order (one may use another). */
  bindDefaults(from: number): Maybe<void> {
    const { specs, parameters } = this.declared;
    const values = this.bound.values;
    return eachInOrder(parameters, (parameter, i) => {
      const spec = specs[i];
      if (values.has(spec.name)) return this.setParameter(spec, values.get(spec.name));
      if (!parameter.defaultValue) return this.setParameter(spec, unboundValue(spec));
      return then(evaluate(this.frame, parameter.defaultValue), (value) => this.setParameter(spec, coerceDefault(spec, value)));
    }, from);
  }
}

/** Runs one named block; `return` ends it, writing its value. */
function runNamedBlock(evaluator: Evaluator, named: A.NamedBlock, frame: Frame, emit: Emit): Maybe<void> {
  let ran: Maybe<void>;
  try {
    ran = evaluator.body(named, frame, emit);
  } catch (signal) {
    return returned(signal, emit);
  }
  return ran instanceof Promise ? ran.catch((signal) => returned(signal, emit)) : ran;
}

/** Binds positional values to a plain parameter list: each to the next parameter, unset ones $null; returns `$args`. */
function bindPlainList(scope: Scope, parameters: A.Parameter[], values: unknown[]): unknown[] {
  const remaining: unknown[] = values.length > parameters.length ? [] : NOTHING;
  for (let i = parameters.length; i < values.length; i++) remaining.push(values[i]);
  scope.set("args", remaining);
  for (let i = 0; i < parameters.length; i++) scope.set(parameters[i].name, i < values.length ? values[i] : null);
  return remaining;
}

const INVOCATION = Symbol("rsh.invocation");

/** The Invocation of a call site, made once per site (a loop calling a function 100,000 times makes one). */
function invocationAt(site: { span: A.Span }, name: string, source: string): Invocation {
  const known = (site as { [INVOCATION]?: Invocation })[INVOCATION];
  if (known !== undefined && known.name === name && known.source === source) return known;
  return (site as { [INVOCATION]?: Invocation })[INVOCATION] = { name, span: site.span, source };
}

const SIMPLE = Symbol("rsh.simpleParameters");
type Simple = A.FunctionDefinition & { [SIMPLE]?: A.Parameter[] | null };

/**
 * The parameters of a function that callSimply can run, or null: the function has a plain parameter list, only an
 * end block, is not a filter and does not read `$PSBoundParameters`/`$MyInvocation`. Decided once per definition.
 */
export function simpleParameters(definition: A.FunctionDefinition): A.Parameter[] | null {
  const known = (definition as Simple)[SIMPLE];
  if (known !== undefined) return known;
  const block = definition.body;
  const found = declared(block, definition.parameters);
  const simple = !definition.isFilter && block.begin === null && block.process === null && block.end !== null && found.plain &&
    !mentionsOf(block).bound;
  return (definition as Simple)[SIMPLE] = simple ? found.parameters : null;
}

/**
 * A call of a function with simpleParameters that is a pipeline of its own (`$null = Add $i 1`) and passes only
 * positional values, run without a processor. It does what ScriptBlockProcessor's begin, run and end do for such a
 * call — a new child scope, positional binding, an empty `$input`, the block — minus the processor, its options and
 * the pipeline around it (a loop of 100,000 calls spent most of its time there).
 */
export function callSimply(
  evaluator: Evaluator,
  entry: FunctionEntry,
  parameters: A.Parameter[],
  values: unknown[],
  caller: Frame,
  site: { span: A.Span },
  emit: Emit,
): Maybe<void> {
  const scope = new Scope(caller.scope);
  bindPlainList(scope, parameters, values);
  scope.set("input", NOTHING);
  const called = invocationAt(site, entry.definition.name, caller.source);
  return runNamedBlock(evaluator, entry.definition.body.end!, evaluator.frame(scope, entry.source, entry.trusted ?? false, called), emit);
}

function declaresParameterAttribute(parameters: A.Parameter[]): boolean {
  return parameters.some((p) => p.attributes.some((a) => a.kind !== "TypeConstraint" && a.typeName.name.toLowerCase() === "parameter"));
}

/** A property the object really has (not `.Count`/`.Length`, which every object answers). */
function ownProperty(value: unknown, name: string): unknown {
  if (value instanceof PSCustomObject || value instanceof PSHashtable) return value.has(name) ? value.get(name) : undefined;
  return getMember(value, name);
}

/**
 * What a parameter the call did not bind holds: $null, or for a switch and a value type its type's default (`[int]`
 * 0, `[bool]` $false) and for `[string]` an empty string — PowerShell converts $null to the parameter's type.
 */
function unboundValue(spec: ParameterSpec): unknown {
  return spec.type !== undefined && DEFAULTED.has(canonicalType(spec.type)) ? convertTo(null, spec.type) : null;
}

const DEFAULTED = new Set(["int", "long", "byte", "double", "float", "decimal", "bool", "switch", "string"]);

function coerceDefault(spec: ParameterSpec, value: unknown): unknown {
  return spec.type ? coerce({ name: spec.name, type: spec.type }, value) : value;
}
