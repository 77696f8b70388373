/**
 * .NET exceptions as values (about_Try_Catch_Finally, about_Throw): `throw [System.ArgumentException]::new('bad')`
 * throws one, `$_.Exception` is one (its type derived from the error for rsh's own errors), and `catch [Type]` takes
 * an error whose exception is of that type or derives from it — along the base types of the exceptions scripts name.
 */
import { DOTNET_TYPE } from "../values/convert.ts";

/**
 * A .NET exception as a value: its full type name, message and inner exception (an ErrorRecord's `exception`).
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const { errors } = await new LocalRunspace().invoke("throw [System.ArgumentException]::new('bad')");
 * console.log(errors[0].exception.typeName, errors[0].exception.message); // System.ArgumentException bad
 * ```
 */
export class ExceptionValue {
  /** `typeName`: the full .NET name (`System.ArgumentException`). */
  constructor(readonly typeName: string, readonly message: string, readonly innerException: ExceptionValue | null = null) {}

  /** `-is` and `.GetType()` see the exception's own type. */
  get [DOTNET_TYPE](): string {
    return this.typeName;
  }

  /** As .NET's Exception.ToString() begins: `System.ArgumentException: bad`. */
  toString(): string {
    return `${this.typeName}: ${this.message}`;
  }
}

const SMA = "System.Management.Automation.";

/** Each exception's base type, by short lower-case name (System.Exception is the root of all). */
const BASE: Record<string, string> = {
  systemexception: "exception",
  argumentexception: "systemexception",
  argumentnullexception: "argumentexception",
  argumentoutofrangeexception: "argumentexception",
  arithmeticexception: "systemexception",
  dividebyzeroexception: "arithmeticexception",
  overflowexception: "arithmeticexception",
  formatexception: "systemexception",
  indexoutofrangeexception: "systemexception",
  invalidcastexception: "systemexception",
  invalidoperationexception: "systemexception",
  objectdisposedexception: "invalidoperationexception",
  ioexception: "systemexception",
  filenotfoundexception: "ioexception",
  directorynotfoundexception: "ioexception",
  pathtoolongexception: "ioexception",
  endofstreamexception: "ioexception",
  keynotfoundexception: "systemexception",
  notimplementedexception: "systemexception",
  notsupportedexception: "systemexception",
  nullreferenceexception: "systemexception",
  timeoutexception: "systemexception",
  unauthorizedaccessexception: "systemexception",
  operationcanceledexception: "systemexception",
  runtimeexception: "systemexception",
  commandnotfoundexception: "runtimeexception",
  parameterbindingexception: "runtimeexception",
  sessionstateexception: "runtimeexception",
  itemnotfoundexception: "sessionstateexception",
  methodexception: "runtimeexception",
  methodinvocationexception: "methodexception",
  actionpreferencestopexception: "runtimeexception",
};

const shortName = (typeName: string) => typeName.toLowerCase().slice(typeName.lastIndexOf(".") + 1);

/** Whether `exception` is of the type `typeName` names (any namespace form) or derives from it. */
export function exceptionIs(exception: ExceptionValue, typeName: string): boolean {
  const wanted = shortName(typeName);
  for (let type: string | undefined = shortName(exception.typeName); type; type = BASE[type]) if (type === wanted) return true;
  return wanted === "exception";
}

/** `[System.ArgumentException]::new(message[, inner])`, `New-Object System.Exception message`: null for other types. */
export function constructException(typeName: string, args: unknown[]): ExceptionValue | null {
  const short = shortName(typeName);
  if (!short.endsWith("exception")) return null;
  const full = /^system\./i.test(typeName) ? typeName : `System.${typeName}`;
  const inner = args[1] instanceof ExceptionValue ? args[1] : null;
  return new ExceptionValue(full, args.length ? String(args[0] ?? "") : `Exception of type '${full}' was thrown.`, inner);
}

/**
 * The exception PowerShell would report for one of rsh's own errors, by its error id: a command that is not
 * there, a binding failure, a missing item, a division by zero; a RuntimeException otherwise.
 */
export function exceptionForError(fullyQualifiedErrorId: string, message: string): ExceptionValue {
  const id = fullyQualifiedErrorId.toLowerCase();
  const type = message.includes("divide by zero") ? "System.DivideByZeroException"
    : id.startsWith("commandnotfound") ? `${SMA}CommandNotFoundException`
    : id.includes("parameter") || id.includes("argument") ? `${SMA}ParameterBindingException`
    : id.startsWith("pathnotfound") || id.startsWith("itemnotfound") ? `${SMA}ItemNotFoundException`
    : id.startsWith("methodnotfound") ? `${SMA}MethodException`
    : `${SMA}RuntimeException`;
  return new ExceptionValue(type, message);
}
