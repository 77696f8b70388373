/**
 * One parameter binder for functions, scripts and built-in commands (about_Parameters, about_Functions_Advanced_
 * Parameters): named arguments by any unambiguous prefix, `-Name:value`, switches, positional arguments in position
 * order, pipeline input, type conversion and validation — with PowerShell's error wording.
 */
import { ConversionError, convertTo, toNumber, toStr } from "../values/convert.ts";

/**
 * A parameter's declaration: the same table shape for built-ins and for `param()` blocks.
 *
 * @example
 * ```ts
 * const parameters: ParameterSpec[] = [
 *   { name: "Path", position: 0, type: "string[]", mandatory: true, aliases: ["FullName"], pipelineByName: true },
 *   { name: "Depth", type: "int", validateRange: [1, 10] },
 *   { name: "Force", type: "switch" },
 * ];
 * ```
 */
export interface ParameterSpec {
  /** The parameter's name; callers may abbreviate it to any unambiguous prefix. */
  name: string;
  /** Other names callers may use (`-Cn` for `-ComputerName`). */
  aliases?: string[];
  /** A type name as written in PowerShell (`string`, `int`, `switch`, `scriptblock`, `string[]`, `object`). */
  type?: string;
  /** Binds the N-th positional argument (0-based, among the unnamed arguments). */
  position?: number;
  /** Binding fails without it ("Cannot process command because of one or more missing mandatory parameters"). */
  mandatory?: boolean;
  /** Binds pipeline input (ValueFromPipeline). */
  pipeline?: boolean;
  /** Binds the same-named property (or an alias's) of each pipeline object (ValueFromPipelineByPropertyName). */
  pipelineByName?: boolean;
  /** The values allowed (case-insensitive), as [ValidateSet()]. */
  validateSet?: string[];
  /** The inclusive range allowed, as [ValidateRange()]. */
  validateRange?: [number, number];
  /** Refuses null, empty strings and empty arrays, as [ValidateNotNullOrEmpty()]. */
  notNullOrEmpty?: boolean;
  /**
   * A script function's mandatory parameter refuses $null, an empty string and an empty array unless
   * `[AllowNull()]`, `[AllowEmptyString()]` or `[AllowEmptyCollection()]` lets it (names of what it allows).
   */
  refusesEmpty?: { null: boolean; string: boolean; collection: boolean };
  /** `[ValidatePattern('^a')]`: each value matches the regular expression (in any case, as pwsh's). */
  validatePattern?: string;
  /** `[ValidateLength(1, 10)]`: each value's text is that many characters long. */
  validateLength?: [number, number];
  /** `[ValidateCount(1, 3)]`: that many values (a single value is one). */
  validateCount?: [number, number];
  /** Takes every positional argument no other parameter took (ValueFromRemainingArguments). */
  remaining?: boolean;
}

/** One argument as written: `-Name`, `-Name:value`, or a value. */
export type RawArgument =
  | { kind: "parameter"; name: string; value?: unknown; hasValue: boolean; text: string }
  | { kind: "value"; value: unknown };

export class BindingError extends Error {
  constructor(message: string, readonly errorId: string) {
    super(message);
  }
}

function findSpec(specs: ParameterSpec[], name: string): ParameterSpec | undefined {
  const lower = name.toLowerCase();
  const exact = specs.find((s) => s.name.toLowerCase() === lower || s.aliases?.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const prefixed = specs.filter((s) => s.name.toLowerCase().startsWith(lower));
  if (prefixed.length > 1) {
    throw new BindingError(
      `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${prefixed.map((s) => "-" + s.name).join(" ")}.`,
      "AmbiguousParameter",
    );
  }
  return prefixed[0];
}

/** Whether `specs` declare `name` (any case) as a parameter or an alias: then a common parameter of that name is theirs. */
export function declaresParameter(specs: readonly ParameterSpec[], name: string): boolean {
  const lower = name.toLowerCase();
  return specs.some((s) => s.name.toLowerCase() === lower || s.aliases?.some((a) => a.toLowerCase() === lower));
}

/** Types whose parameters take any value as it is. */
const UNCONVERTED = /^(object|scriptblock)$/i;

/** Converts and validates one bound value. */
export function coerce(spec: ParameterSpec, value: unknown): unknown {
  let result = value;
  if (spec.type && spec.type !== "object" && !UNCONVERTED.test(spec.type)) {
    try {
      result = convertTo(value, spec.type);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      throw new BindingError(`Cannot process argument transformation on parameter '${spec.name}'. ${e.message}`, "ParameterArgumentTransformationError");
    }
  }
  if (spec.notNullOrEmpty && (result === null || result === "" || (Array.isArray(result) && result.length === 0))) {
    throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.`, "ParameterArgumentValidationError");
  }
  if (spec.validateSet && !spec.validateSet.some((v) => v.toLowerCase() === toStr(result).toLowerCase())) {
    throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The argument "${toStr(result)}" does not belong to the set "${spec.validateSet.join(",")}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`, "ParameterArgumentValidationError");
  }
  const empty = spec.refusesEmpty;
  if (empty) {
    const what = result === null && empty.null ? "null" : result === "" && empty.string ? "an empty string" : Array.isArray(result) && result.length === 0 && empty.collection ? "an empty array" : null;
    const id = what === "null" ? "NullNotAllowed" : what === "an empty string" ? "EmptyStringNotAllowed" : "EmptyArrayNotAllowed";
    if (what !== null) throw new BindingError(`Cannot bind argument to parameter '${spec.name}' because it is ${what}.`, `ParameterArgumentValidationError${id}`);
  }
  if (spec.validateCount) {
    const [min, max] = spec.validateCount;
    const count = Array.isArray(result) ? result.length : 1;
    if (count < min || count > max) {
      throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The parameter requires at least ${min} value(s) and no more than ${max} value(s) - ${count} value(s) were provided.`, "ParameterArgumentValidationError");
    }
  }
  for (const item of spec.validatePattern !== undefined || spec.validateLength ? (Array.isArray(result) ? result : [result]) : []) {
    const text = toStr(item);
    if (spec.validatePattern !== undefined && !new RegExp(spec.validatePattern, "i").test(text)) {
      throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The argument "${text}" does not match the "${spec.validatePattern}" pattern. Supply an argument that matches "${spec.validatePattern}" and try the command again.`, "ParameterArgumentValidationError");
    }
    const [min, max] = spec.validateLength ?? [0, Infinity];
    if (text.length < min) {
      throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The character length (${text.length}) of the argument is too short. Specify an argument with a length that is greater than or equal to "${min}", and then try the command again.`, "ParameterArgumentValidationError");
    }
    if (text.length > max) {
      throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The character length of the ${text.length} argument is too long. Shorten the character length of the argument so it is fewer than or equal to "${max}" characters, and then try the command again.`, "ParameterArgumentValidationError");
    }
  }
  if (spec.validateRange) {
    const n = toNumber(result);
    const [min, max] = spec.validateRange;
    if (n < min) throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The ${toStr(result)} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`, "ParameterArgumentValidationError");
    if (n > max) throw new BindingError(`Cannot validate argument on parameter '${spec.name}'. The ${toStr(result)} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`, "ParameterArgumentValidationError");
  }
  return result;
}

export interface Bound {
  /** Bound values by declared parameter name. */
  values: Map<string, unknown>;
  /** Arguments no parameter took (`$args` for functions). */
  remaining: unknown[];
}

/**
 * Binds written arguments to `specs`. With `strict` (built-ins, advanced functions) an unknown `-Name` or an extra
 * positional argument is an error; otherwise they land in `remaining`.
 */
export function bindArguments(specs: ParameterSpec[], args: RawArgument[], strict: boolean, strictNames = strict): Bound {
  const values = new Map<string, unknown>();
  const positional: unknown[] = [];
  const remaining: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.kind === "value") {
      positional.push(arg.value);
      continue;
    }
    const spec = findSpec(specs, arg.name);
    if (!spec) {
      if (strictNames) throw new BindingError(`A parameter cannot be found that matches parameter name '${arg.name}'.`, "NamedParameterNotFound");
      remaining.push(arg.text);
      if (arg.hasValue) remaining.push(arg.value);
      continue;
    }
    if (values.has(spec.name)) throw new BindingError(`Cannot bind parameter because parameter '${spec.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, "ParameterAlreadyBound");
    if (spec.type?.toLowerCase() === "switch") {
      values.set(spec.name, arg.hasValue ? coerce(spec, arg.value) : true);
      continue;
    }
    if (arg.hasValue) {
      values.set(spec.name, coerce(spec, arg.value));
      continue;
    }
    const next = args[i + 1];
    if (!next || next.kind !== "value") {
      throw new BindingError(`Missing an argument for parameter '${spec.name}'. Specify a parameter of type '${systemType(spec.type)}' and try again.`, "MissingArgument");
    }
    values.set(spec.name, coerce(spec, next.value));
    i++;
  }
  const { order, remainingSpec } = positionalOrder(specs);
  let next = 0;
  const rest = remainingSpec && !values.has(remainingSpec.name) ? remainingSpec : undefined;
  for (let index = 0; index < positional.length; index++) {
    const value = positional[index];
    // The next positional parameter no named argument took.
    while (next < order.length && values.has(order[next].name)) next++;
    const spec = order[next];
    if (rest && spec === rest && positional.length - index > 1) {
      values.set(rest.name, coerce(rest, positional.slice(index)));
      break;
    }
    if (spec) {
      values.set(spec.name, coerce(spec, value));
      next++;
    }
    else if (strict) throw new BindingError(`A positional parameter cannot be found that accepts argument '${toStr(value)}'.`, "PositionalParameterNotFound");
    else remaining.push(value);
  }
  return { values, remaining };
}

interface Positional {
  /** The parameters that take positional arguments, in position order. */
  order: ParameterSpec[];
  /** The ValueFromRemainingArguments parameter, if any. */
  remainingSpec: ParameterSpec | undefined;
}

const positionalOrders = new WeakMap<ParameterSpec[], Positional>();

/** How a parameter table takes positional arguments (worked out once per table). */
function positionalOrder(specs: ParameterSpec[]): Positional {
  let positional = positionalOrders.get(specs);
  if (!positional) {
    const order = specs.filter((s) => s.position !== undefined && s.type?.toLowerCase() !== "switch").sort((a, b) => a.position! - b.position!);
    positionalOrders.set(specs, positional = { order, remainingSpec: specs.find((s) => s.remaining) });
  }
  return positional;
}

/** Checks mandatory parameters once pipeline input had its chance. */
export function checkMandatory(specs: ParameterSpec[], values: Map<string, unknown>, pipelineBound: boolean): void {
  const unbound = (s: ParameterSpec) => s.mandatory && !values.has(s.name) && !(s.pipeline && pipelineBound);
  // Most tables have no mandatory parameter left unbound: found without making a list.
  if (!specs.some(unbound)) return;
  const missing = specs.filter(unbound).map((s) => s.name).join(" ");
  throw new BindingError(`Cannot process command because of one or more missing mandatory parameters: ${missing}.`, "MissingMandatoryParameter");
}

function systemType(type: string | undefined): string {
  const names: Record<string, string> = { string: "System.String", int: "System.Int32", scriptblock: "System.Management.Automation.ScriptBlock", "string[]": "System.String[]" };
  return names[(type ?? "object").toLowerCase()] ?? "System.Object";
}
