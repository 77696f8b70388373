/**
 * rsh's public embedding API — the only module other tools import, the same on Deno and Node.
 *
 * Host a session (a runspace), run scripts in it and read the results as plain JS values; add your own commands
 * with a declarative parameter table; decide where host output and prompts go; drive sessions on a server exactly
 * like local ones; or run a server in your process. docs/embedding.md has runnable examples.
 *
 * @example
 * ```ts
 * import { LocalRunspace, toPlain } from "rsh";
 * const runspace = new LocalRunspace({ variables: { limit: 3 } });
 * const { output } = await runspace.invoke("1..$limit | ForEach-Object { [pscustomobject]@{ N = $_ } }");
 * console.log(output.map((v) => toPlain(v))); // [{ N: 1 }, { N: 2 }, { N: 3 }]
 * ```
 * @module
 */
export type * from "../grammar/ast.ts";
/**
 * Parsing: `parse(text, file)` gives `{ ast, diagnostics }`; `parseOrThrow` throws a ParseError with file, line and
 * column; `isIncomplete(text)` says whether an interactive host should read another line.
 *
 * @example
 * ```ts
 * import { parse } from "rsh";
 * const { ast, diagnostics } = parse("Get-Item -Path $p |", "input.rsh");
 * console.log(ast === null, diagnostics[0].incomplete); // true true
 * ```
 */
export { isIncomplete, parse, ParseError, ParserMessages, parseOrThrow } from "../grammar/mod.ts";
export type { ParseResult } from "../grammar/mod.ts";
/**
 * A session in this process: its own variables, functions, environment copy, location, execution policy and jobs.
 * `invoke(script, { args, input, signal, onRecord })` runs one pipeline at a time; `stop()`, `close()`.
 *
 * @example
 * ```ts
 * import { LocalRunspace } from "rsh";
 * const runspace = new LocalRunspace({ env: { GREETING: "hi" }, location: "/tmp" });
 * const result = await runspace.invoke("param($name) \"$env:GREETING $name\"", { args: ["ada"] });
 * console.log(result.output); // ["hi ada"]
 * ```
 */
export { ErrorRecord, formatValue, LocalRunspace, OutputFormatter } from "./runspace/local_runspace.ts";
export { ExceptionValue } from "./engine/exceptions.ts";
export type { Host, LocalRunspaceOptions, RunOptions, RunResult } from "./runspace/local_runspace.ts";
export type { InvokeOptions, InvokeResult, Runspace, RunspaceAvailability, RunspaceState, StreamRecord } from "./runspace/runspace.ts";
/**
 * Host commands: a BuiltinCommand is a name, a parameter table and begin/process/end steps; pass them in
 * `LocalRunspaceOptions.commands`. The same binder as the built-ins handles named, positional, pipeline and switch
 * parameters and their errors.
 *
 * @example
 * ```ts
 * import { type BuiltinCommand, LocalRunspace } from "rsh";
 * const greet: BuiltinCommand = {
 *   name: "Get-Greeting",
 *   parameters: [{ name: "Name", position: 0, type: "string", mandatory: true }],
 *   process: (ctx, params) => ctx.emit(`hello ${params.get("Name")}`),
 * };
 * const runspace = new LocalRunspace({ commands: [greet] });
 * console.log((await runspace.invoke("Get-Greeting -Name ada")).output); // ["hello ada"]
 * ```
 */
export type { BuiltinCommand, CommandContext } from "./engine/command_types.ts";
export { SHOULD_PROCESS } from "./engine/command_types.ts";
export type { ParameterSpec } from "./engine/binder.ts";
// What a command's context and the runspace's members are made of: public so that their documentation is too.
export type { EngineHost, EnteredSession, JobHandle, JobRunner, JobSpec, OtherStream, SessionPort } from "./engine/command_types.ts";
export type { Maybe } from "./engine/maybe.ts";
export type { Pacer } from "./engine/pacer.ts";
export type { FunctionEntry, Scope, ScriptAlias } from "./engine/scope.ts";
export type { Invocation } from "./engine/expressions.ts";
export type { ParserErrorId } from "../grammar/errors.ts";
export { LANGUAGE_MODES, type LanguageMode } from "./engine/language_mode.ts";
/**
 * Results as plain JS values, and a script's records as an async iterator (see each function's docs).
 *
 * @example
 * ```ts
 * import { invokeStream, LocalRunspace } from "rsh";
 * for await (const record of invokeStream(new LocalRunspace(), "Write-Warning 'w'; 42")) console.log(record.stream);
 * ```
 */
export { invokeStream, type Plain, RemoteComputer, serverConfig, toPlain } from "./embedding.ts";
/**
 * The server of `rsh serve`, in your process: `RshServer.start({ config, host, port, osUser, home, env,
 * authenticate })`, then `close()`. `authenticate(user, password)` lets your own user store decide who gets in.
 *
 * @example
 * ```ts
 * import { RshServer, serverConfig } from "rsh";
 * const server = await RshServer.start({
 *   config: serverConfig(), port: 0, osUser: "deploy", home: "/srv/rsh", env: {},
 *   authenticate: (user, password) => (user === "ops" && password === "s3cret" ? "ops" : null),
 * });
 * console.log(server.url); // ws://127.0.0.1:PORT
 * await server.close();
 * ```
 */
export { RshServer } from "./remoting/server.ts";
export type { ServerOptions } from "./remoting/server.ts";
/**
 * The remoting client: a RemoteRunspace is the Runspace interface over a server session (invoke, stop, disconnect,
 * connect, receive, close); RemoteComputer opens, lists and attaches sessions; remotingCommands are the remoting
 * cmdlets (New-PSSession, Invoke-Command …) to give a LocalRunspace.
 *
 * @example
 * ```ts
 * import { LocalRunspace, remotingCommands } from "rsh";
 * const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: "/home/me" } });
 * await runspace.invoke("Invoke-Command -ComputerName localhost { hostname }");
 * ```
 */
export { Connection, RemoteRunspace } from "./remoting/client.ts";
export type { AttachedCommand, Credential, SessionInfo, Target } from "./remoting/client.ts";
export { remotingCommands } from "./remoting/cmdlets.ts";
export { ConfigError, parseConfig } from "./remoting/config.ts";
export type { ServerConfig, SessionConfiguration, UserEntry } from "./remoting/config.ts";
