/**
 * The server's JSON configuration (`rsh serve --config FILE`). Every key is checked when the server starts: an
 * unknown key or a bad value stops it with a message naming the key, rather than a surprise later.
 */
import { isPublicKey } from "../runspace/signing.ts";
import { isPasswordHash } from "./auth.ts";
import { ConfigurationError, defaultConfiguration, parseConfiguration, type SessionConfiguration } from "./configurations.ts";

/**
 * A user of the server's config.
 *
 * @example
 * ```ts
 * const alice: UserEntry = { passwordHash: "scrypt$16384$8$1$N221IaxA8nQjuHgHi9sICA==$ouWM5IVoz90mPNdvaYS18BC+mWu2xXo03hmohK19j+E=", groups: ["ops"] };
 * ```
 */
export interface UserEntry {
  /** `scrypt$N$r$p$salt$hash`, as `rsh hash-password` prints it. */
  passwordHash: string;
  /** The user's groups (default none). */
  groups: string[];
}

export type { SessionConfiguration } from "./configurations.ts";

/**
 * A server's checked configuration, every key filled in (see docs/remoting.md, Server configuration). Make one
 * with `serverConfig({ … })` or `parseConfig(text)`.
 *
 * @example
 * ```ts
 * import { serverConfig } from "rsh";
 * const config: ServerConfig = serverConfig({ idleTimeoutSec: 600 });
 * console.log(config.maxIdleTimeoutSec, config.users); // 43200 null
 * ```
 */
export interface ServerConfig {
  /** Null: zero-config mode — only the OS user who started the server, by token. */
  users: Map<string, UserEntry> | null;
  /** The session configurations by lower-case name (`rsh` always among them). */
  configurations: Map<string, SessionConfiguration>;
  /** Seconds an idle (or disconnected) session lives (default 7200). */
  idleTimeoutSec: number;
  /** The largest idle timeout a client may ask for (default max(idleTimeoutSec, 43200)). */
  maxIdleTimeoutSec: number;
  /** Seconds an idle session whose connection vanished waits to be reclaimed (default 240). */
  reconnectWindowSec: number;
  /** Sessions per user, disconnected ones included (default 1000). */
  maxSessionsPerUser: number;
  /** The largest WebSocket message the server accepts; a bigger one closes that connection. */
  maxMessageBytes: number;
  /** How many output records a command may have unacknowledged before it waits (Block) or drops (Drop). */
  outputBufferRecords: number;
  /** PEM certificate and key files: the server speaks `wss://`; null: `ws://`. */
  tls: { cert: string; key: string } | null;
  /** Commands one connection may have running at once (PowerShell's MaxConcurrentCommandsPerSession). */
  maxConcurrentCommandsPerConnection: number;
  /** Failed logins an address may make in a minute; beyond that its logins are refused unchecked until it passes. */
  maxFailedLoginsPerMinute: number;
  /** The approximate memory a session's global variables may hold (PowerShell's MaxMemoryPerShellMB). */
  maxSessionMemoryMB: number;
  /** The longest a command may run, in seconds (null: no limit); it is stopped then. */
  operationTimeoutSec: number | null;
  /** The JSON-lines audit log (`rsh serve --audit` overrides it), or null. */
  audit: string | null;
  /** Publishers' keys trusted for signed scripts in every session, beyond the server user's own files. */
  trustedPublishers: string[];
}

/**
 * A config that cannot be used: the message names the key (`'idleTimeoutSec' must be a positive number (got -1).`).
 *
 * @example
 * ```ts
 * import { ConfigError, serverConfig } from "rsh";
 * try {
 *   serverConfig({ idleTimout: 5 });
 * } catch (e) {
 *   if (e instanceof ConfigError) console.error(e.message); // Unknown key 'idleTimout' in the config file (known keys: …).
 * }
 * ```
 */
export class ConfigError extends Error {}

const KEYS = [
  "users", "configurations", "idleTimeoutSec", "maxIdleTimeoutSec", "reconnectWindowSec", "maxSessionsPerUser",
  "maxMessageBytes", "outputBufferRecords", "tls", "maxConcurrentCommandsPerConnection", "maxFailedLoginsPerMinute",
  "maxSessionMemoryMB", "operationTimeoutSec", "audit", "trustedPublishers",
];

function positive(config: Record<string, unknown>, key: string, fallback: number, path = key): number {
  const value = config[key];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new ConfigError(`'${path}' must be a positive number (got ${JSON.stringify(value)}).`);
  }
  return value;
}

function object(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`'${key}' must be an object.`);
  return value as Record<string, unknown>;
}

/** The built-in configuration every server has (FullLanguage, every command). */
export const DEFAULT_CONFIGURATION = "rsh";

/**
 * Reads and checks `rsh serve --config`'s JSON text (null: no file, every default); throws a ConfigError naming
 * the key for an unknown key or a bad value.
 *
 * @example
 * ```ts
 * import { parseConfig } from "rsh";
 * const config = parseConfig('{ "maxSessionsPerUser": 20 }');
 * console.log(config.maxSessionsPerUser, config.idleTimeoutSec); // 20 7200
 * ```
 */
export function parseConfig(text: string | null): ServerConfig {
  let raw: Record<string, unknown> = {};
  if (text !== null) {
    try {
      raw = object(JSON.parse(text), "the config file");
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(`The config file is not valid JSON: ${(e as Error).message}`);
    }
  }
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key)) throw new ConfigError(`Unknown key '${key}' in the config file (known keys: ${KEYS.join(", ")}).`);
  }
  let users: Map<string, UserEntry> | null = null;
  if (raw.users !== undefined) {
    users = new Map();
    for (const [name, entry] of Object.entries(object(raw.users, "users"))) {
      const user = object(entry, `users.${name}`);
      for (const key of Object.keys(user)) {
        if (key !== "passwordHash" && key !== "groups") throw new ConfigError(`Unknown key 'users.${name}.${key}' (known: passwordHash, groups).`);
      }
      if (typeof user.passwordHash !== "string" || !isPasswordHash(user.passwordHash)) {
        throw new ConfigError(`'users.${name}.passwordHash' must be a hash made by 'rsh hash-password'.`);
      }
      const groups = user.groups ?? [];
      if (!Array.isArray(groups) || groups.some((g) => typeof g !== "string")) throw new ConfigError(`'users.${name}.groups' must be a list of names.`);
      users.set(name.toLowerCase(), { passwordHash: user.passwordHash, groups: groups as string[] });
    }
  }
  const configurations = new Map<string, SessionConfiguration>([[DEFAULT_CONFIGURATION, defaultConfiguration(DEFAULT_CONFIGURATION)]]);
  if (raw.configurations !== undefined) {
    const knownUsers = users ? new Set(users.keys()) : null;
    for (const [name, entry] of Object.entries(object(raw.configurations, "configurations"))) {
      try {
        configurations.set(name.toLowerCase(), parseConfiguration(name, entry, knownUsers));
      } catch (e) {
        throw e instanceof ConfigurationError ? new ConfigError(e.message) : e;
      }
    }
  }
  let tls: ServerConfig["tls"] = null;
  if (raw.tls !== undefined) {
    const t = object(raw.tls, "tls");
    if (typeof t.cert !== "string" || typeof t.key !== "string") throw new ConfigError("'tls' needs 'cert' and 'key' file paths.");
    tls = { cert: t.cert, key: t.key };
  }
  if (raw.audit !== undefined && (typeof raw.audit !== "string" || raw.audit === "")) throw new ConfigError("'audit' must be a file path.");
  const trustedPublishers = raw.trustedPublishers ?? [];
  if (!Array.isArray(trustedPublishers) || !trustedPublishers.every((k) => typeof k === "string" && isPublicKey(k))) {
    throw new ConfigError("'trustedPublishers' must be a list of public keys as 'rsh keygen' writes them (ed25519:…).");
  }
  const idleTimeoutSec = positive(raw, "idleTimeoutSec", 7200);
  const maxIdleTimeoutSec = positive(raw, "maxIdleTimeoutSec", Math.max(idleTimeoutSec, 12 * 3600));
  if (idleTimeoutSec > maxIdleTimeoutSec) throw new ConfigError("'idleTimeoutSec' must not exceed 'maxIdleTimeoutSec'.");
  for (const c of configurations.values()) {
    if (c.idleTimeoutSec !== null && c.idleTimeoutSec > maxIdleTimeoutSec) {
      throw new ConfigError(`'configurations.${c.name}.idleTimeoutSec' must not exceed 'maxIdleTimeoutSec' (${maxIdleTimeoutSec}).`);
    }
  }
  return {
    users,
    configurations,
    idleTimeoutSec,
    maxIdleTimeoutSec,
    reconnectWindowSec: positive(raw, "reconnectWindowSec", 240),
    maxSessionsPerUser: positive(raw, "maxSessionsPerUser", 1000),
    maxMessageBytes: positive(raw, "maxMessageBytes", 16 * 1024 * 1024),
    outputBufferRecords: positive(raw, "outputBufferRecords", 100_000),
    tls,
    maxConcurrentCommandsPerConnection: positive(raw, "maxConcurrentCommandsPerConnection", 1000),
    maxFailedLoginsPerMinute: positive(raw, "maxFailedLoginsPerMinute", 20),
    maxSessionMemoryMB: positive(raw, "maxSessionMemoryMB", 1024),
    operationTimeoutSec: raw.operationTimeoutSec === undefined ? null : positive(raw, "operationTimeoutSec", 0),
    audit: (raw.audit as string | undefined) ?? null,
    trustedPublishers: trustedPublishers as string[],
  };
}
