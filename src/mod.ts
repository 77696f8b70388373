/**
 * rsh's public embedding API: the only module other tools import.
 * @module
 */
export type * from "../grammar/ast.ts";
export { isIncomplete, parse, ParseError, parseOrThrow } from "../grammar/mod.ts";
export type { ParseResult } from "../grammar/mod.ts";
export { ErrorRecord, formatValue, LocalRunspace, OutputFormatter } from "./runspace/local_runspace.ts";
export type { Host, LocalRunspaceOptions, RunOptions, RunResult } from "./runspace/local_runspace.ts";
export type { InvokeOptions, InvokeResult, Runspace, RunspaceAvailability, RunspaceState, StreamRecord } from "./runspace/runspace.ts";
export { RshServer } from "./remoting/server.ts";
export type { ServerOptions } from "./remoting/server.ts";
export { Connection, RemoteRunspace } from "./remoting/client.ts";
export type { Credential, SessionInfo, Target } from "./remoting/client.ts";
export { remotingCommands } from "./remoting/cmdlets.ts";
export { ConfigError, parseConfig } from "./remoting/config.ts";
export type { ServerConfig } from "./remoting/config.ts";
