/**
 * rsh's public embedding API: the only module other tools import.
 * @module
 */
export type * from "../grammar/ast.ts";
export { isIncomplete, parse, ParseError, parseOrThrow } from "../grammar/mod.ts";
export type { ParseResult } from "../grammar/mod.ts";
export { ErrorRecord, formatValue, LocalRunspace, OutputFormatter } from "./runspace/local_runspace.ts";
export type { Host, RunOptions, RunResult } from "./runspace/local_runspace.ts";
