/**
 * The entry bench/remoting.mjs bundles (into bench/.build/) for Node: the remoting server and client and the
 * runspace they drive, which src/mod.ts does not export (yet).
 * @module
 */
export { RshServer } from "../src/remoting/server.ts";
export { Connection, RemoteRunspace } from "../src/remoting/client.ts";
export type { SessionInfo, Target } from "../src/remoting/client.ts";
export { remotingCommands } from "../src/remoting/cmdlets.ts";
export { parseConfig } from "../src/remoting/config.ts";
export { LocalRunspace } from "../src/runspace/local_runspace.ts";
