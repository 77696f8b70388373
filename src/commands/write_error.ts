/**
 * Write-Error (microsoft.powershell.utility/write-error): an error record made from a message, an exception or an
 * existing record, with its category, target, error id, recommended action and CategoryInfo parts as given.
 */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { ExceptionValue } from "../engine/exceptions.ts";
import { toStr } from "../values/convert.ts";

/** System.Management.Automation.ErrorCategory's names, as -Category takes them. */
const CATEGORIES = [
  "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument", "InvalidData",
  "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound",
  "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
  "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr", "SecurityError", "ProtocolError",
  "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded", "NotEnabled",
];

const WRITE_ERROR_EXCEPTION = "Microsoft.PowerShell.Commands.WriteErrorException";

/** CategoryInfo's parts and the parameters that set them. */
const CATEGORY_PARTS = [["activity", "CategoryActivity"], ["reason", "CategoryReason"], ["targetName", "CategoryTargetName"], ["targetType", "CategoryTargetType"]];

/** -Exception as given, or the Exception a string converts to (`[Exception]'text'`, its one-argument constructor). */
function exceptionOf(value: unknown): ExceptionValue {
  if (value instanceof ExceptionValue) return value;
  if (value instanceof ErrorRecord) return value.exception;
  return new ExceptionValue("System.Exception", toStr(value));
}

/**
 * Write-Error inside a function reports at the function's call and is named after it (pwsh takes the record's
 * InvocationInfo from the function: `Test-Thing: script.ps1:4:1`); elsewhere at Write-Error itself.
 */
function recordAt(ctx: CommandContext, message: string, id: string, category: string, target: unknown): ErrorRecord {
  const call = ctx.invocation;
  if (call) return new ErrorRecord(message, id, category, call.span, call.source, target, call.name);
  return ctx.newErrorRecord(message, id, "Write-Error", category, target);
}

export const writeError: BuiltinCommand = {
  name: "Write-Error",
  parameters: [
    { name: "Message", aliases: ["Msg"], position: 0, pipeline: true, type: "string" },
    { name: "Exception", type: "object" },
    { name: "ErrorRecord", type: "object" },
    { name: "Category", type: "string", validateSet: CATEGORIES },
    { name: "ErrorId", type: "string" },
    { name: "TargetObject", type: "object" },
    { name: "RecommendedAction", type: "string" },
    { name: "CategoryActivity", aliases: ["Activity"], type: "string" },
    { name: "CategoryReason", aliases: ["Reason"], type: "string" },
    { name: "CategoryTargetName", aliases: ["TargetName"], type: "string" },
    { name: "CategoryTargetType", aliases: ["TargetType"], type: "string" },
  ],
  process(ctx, params, input) {
    const text = (name: string) => params.has(name) && params.get(name) !== null ? toStr(params.get(name)) : "";
    const message = input === undefined ? text("Message") : toStr(input);
    const given = params.get("ErrorRecord");
    // Each parameter set has its mandatory parameter: -Message, -Exception or -ErrorRecord.
    if (input === undefined && !params.has("Message") && !params.has("Exception") && !params.has("ErrorRecord")) {
      const missing = ctx.newErrorRecord("Cannot process command because of one or more missing mandatory parameters: Message.", "MissingMandatoryParameter,Microsoft.PowerShell.Commands.WriteErrorCommand", "Write-Error", "InvalidArgument");
      throw new RuntimeError(missing);
    }
    let record: ErrorRecord;
    if (given instanceof ErrorRecord) {
      // -ErrorRecord: a copy of the record, written from here.
      record = recordAt(ctx, given.message, given.fullyQualifiedErrorId, given.category, given.targetObject);
      if (given.thrownException) record.exception = given.exception;
      else record.reportException(given.exception);
      record.errorDetails = given.errorDetails && { ...given.errorDetails };
      record.categoryOverrides = given.categoryOverrides && { ...given.categoryOverrides };
    } else {
      const exception = params.has("Exception") ? exceptionOf(params.get("Exception")) : new ExceptionValue(WRITE_ERROR_EXCEPTION, message);
      const category = CATEGORIES.find((c) => c.toLowerCase() === text("Category").toLowerCase()) ?? "NotSpecified";
      const target = params.has("TargetObject") ? params.get("TargetObject") : null;
      // The error id defaults to the exception's type name; a -Message beside -Exception is the text shown (ErrorDetails).
      const id = text("ErrorId") || exception.typeName;
      const shown = params.has("Exception") && message !== "" ? message : exception.message;
      record = recordAt(ctx, shown, id, category, target);
      record.reportException(exception);
      if (shown !== exception.message) record.errorDetails = { message: shown, recommendedAction: "" };
    }
    const action = text("RecommendedAction");
    if (action) record.errorDetails = { message: record.errorDetails?.message ?? record.message, recommendedAction: action };
    const overrides = Object.fromEntries(CATEGORY_PARTS.filter(([, name]) => text(name)).map(([part, name]) => [part, text(name)]));
    if (Object.keys(overrides).length) record.categoryOverrides = { ...record.categoryOverrides, ...overrides };
    ctx.writeErrorRecord(record);
  },
};
