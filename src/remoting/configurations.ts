/**
 * Session configurations (about_Session_Configurations, JEA): what a session made with `-ConfigurationName X` may
 * do and who may make one. The server config declares them under `configurations`; this module checks each entry
 * (every error names its key), decides who may use one, turns one into LocalRunspace options, and serves
 * `Get-PSSessionConfiguration` and `rsh serve --check-config`.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { CommandTable, nameMatcher } from "../engine/commands.ts";
import { LANGUAGE_MODES, type LanguageMode, parseLanguageMode } from "../engine/language_mode.ts";
import { builtinCommands } from "../commands/registry.ts";
import type { LocalRunspaceOptions } from "../runspace/local_runspace.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { PSCustomObject } from "../values/objects.ts";

/**
 * One session configuration, every key filled in.
 *
 * @example
 * ```ts
 * import { serverConfig } from "rsh";
 * const helpdesk = serverConfig({ configurations: { helpdesk: { languageMode: "NoLanguage", visibleCommands: ["Get-Date"] } } })
 *   .configurations.get("helpdesk");
 * console.log(helpdesk?.languageMode); // NoLanguage
 * ```
 */
export interface SessionConfiguration {
  /** The name clients give as -ConfigurationName (case-insensitive). */
  name: string;
  /** The sessions' language mode (default FullLanguage). */
  languageMode: LanguageMode;
  /** Names or wildcards of the built-in commands the user may see and run; null: all of them. */
  visibleCommands: string[] | null;
  /** Names or wildcards of the functions the startup script defines that the user may call; null: none when commands are restricted. */
  visibleFunctions: string[] | null;
  /** Users allowed to make sessions (lower-case); null with `allowedGroups` null too: every authenticated user. */
  allowedUsers: string[] | null;
  /** Groups (from the config's `users`) whose members may make sessions. */
  allowedGroups: string[] | null;
  /** Script text run, trusted and in FullLanguage, when a session opens; its functions may then be exposed. */
  startupScript: string | null;
  /** Environment variables set in each session (over the server's own). */
  environment: Record<string, string>;
  /** Sessions of this configuration one user may have (null: only the server's limit). */
  maxSessionsPerUser: number | null;
  /** The default idle timeout of its sessions, in seconds (null: the server's). */
  idleTimeoutSec: number | null;
  /**
   * The account its sessions run as. Such sessions belong to the configuration (PowerShell's RunAs rule): every
   * allowed user may list, connect to and use them. Null: each session stays private to its creator.
   */
  runAs: string | null;
}

const KEYS = [
  "languageMode", "visibleCommands", "visibleFunctions", "allowedUsers", "allowedGroups", "startupScript", "environment",
  "maxSessionsPerUser", "idleTimeoutSec", "runAs",
];

/** The configuration every server has: FullLanguage, every command, every user. */
export function defaultConfiguration(name: string): SessionConfiguration {
  return {
    name, languageMode: "FullLanguage", visibleCommands: null, visibleFunctions: null, allowedUsers: null, allowedGroups: null,
    startupScript: null, environment: {}, maxSessionsPerUser: null, idleTimeoutSec: null, runAs: null,
  };
}

/** A bad value in a configuration; the message names the key (`configurations.helpdesk.languageMode`). */
export class ConfigurationError extends Error {}

function names(value: unknown, key: string): string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) throw new ConfigurationError(`'${key}' must be a list of names.`);
  return value as string[];
}

function positiveOrNull(value: unknown, key: string): number | null {
  if (value === undefined) return null;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) throw new ConfigurationError(`'${key}' must be a positive number (got ${JSON.stringify(value)}).`);
  return value;
}

/** Checks one entry of the config's `configurations`; `knownUsers` (null in zero-config mode) catches typos in allowedUsers. */
export function parseConfiguration(name: string, raw: unknown, knownUsers: ReadonlySet<string> | null): SessionConfiguration {
  const at = `configurations.${name}`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigurationError(`'${at}' must be an object.`);
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!KEYS.includes(key)) throw new ConfigurationError(`Unknown key '${at}.${key}' (known: ${KEYS.join(", ")}).`);
  }
  const configuration = defaultConfiguration(name);
  if (entry.languageMode !== undefined) {
    const mode = typeof entry.languageMode === "string" ? parseLanguageMode(entry.languageMode) : null;
    if (!mode) throw new ConfigurationError(`'${at}.languageMode' must be one of ${LANGUAGE_MODES.join(", ")}.`);
    configuration.languageMode = mode;
  }
  configuration.visibleCommands = names(entry.visibleCommands, `${at}.visibleCommands`);
  configuration.visibleFunctions = names(entry.visibleFunctions, `${at}.visibleFunctions`);
  configuration.allowedUsers = names(entry.allowedUsers, `${at}.allowedUsers`)?.map((u) => u.toLowerCase()) ?? null;
  configuration.allowedGroups = names(entry.allowedGroups, `${at}.allowedGroups`);
  for (const user of configuration.allowedUsers ?? []) {
    if (knownUsers && !knownUsers.has(user)) throw new ConfigurationError(`'${at}.allowedUsers' names '${user}', who is not among the config's users.`);
  }
  if (entry.startupScript !== undefined && typeof entry.startupScript !== "string") throw new ConfigurationError(`'${at}.startupScript' must be script text.`);
  configuration.startupScript = (entry.startupScript as string | undefined) ?? null;
  if (entry.environment !== undefined) {
    const env = entry.environment;
    if (typeof env !== "object" || env === null || Array.isArray(env) || Object.values(env).some((v) => typeof v !== "string")) {
      throw new ConfigurationError(`'${at}.environment' must map variable names to strings.`);
    }
    configuration.environment = { ...env as Record<string, string> };
  }
  configuration.maxSessionsPerUser = positiveOrNull(entry.maxSessionsPerUser, `${at}.maxSessionsPerUser`);
  configuration.idleTimeoutSec = positiveOrNull(entry.idleTimeoutSec, `${at}.idleTimeoutSec`);
  if (entry.runAs !== undefined && (typeof entry.runAs !== "string" || entry.runAs === "")) throw new ConfigurationError(`'${at}.runAs' must be an account name.`);
  configuration.runAs = (entry.runAs as string | undefined) ?? null;
  return configuration;
}

/** May `user` (a member of `groups`) make, see or use sessions of `configuration`? */
export function mayUse(configuration: SessionConfiguration, user: string, groups: readonly string[]): boolean {
  const { allowedUsers, allowedGroups } = configuration;
  if (allowedUsers === null && allowedGroups === null) return true;
  if (allowedUsers?.includes(user.toLowerCase())) return true;
  return groups.some((g) => allowedGroups?.some((a) => a.toLowerCase() === g.toLowerCase()));
}

/** PowerShell's refusal for an endpoint the user has no permission on (about_Remote_Troubleshooting). */
export function accessDeniedMessage(computerName: string, configuration: string): string {
  return `Connecting to remote server ${computerName} failed with the following error message : Access is denied. ` +
    `(The session configuration ${configuration} does not allow this user.) For more information, see the about_Remote_Troubleshooting Help topic.`;
}

/** Commands lists with Get-PSSessionConfiguration added, one per (list, configurations) so sessions share tables. */
const withCommand = new WeakMap<ReadonlyMap<string, SessionConfiguration>, WeakMap<readonly BuiltinCommand[], BuiltinCommand[]>>();
const NONE: readonly BuiltinCommand[] = [];

/**
 * The LocalRunspace options a session of `configuration` gets, over `base` (the server's session options): its
 * commands plus Get-PSSessionConfiguration over `all`, its language mode, visible commands and startup script.
 */
export function configurationRunspaceOptions(
  all: ReadonlyMap<string, SessionConfiguration>,
  configuration: SessionConfiguration,
  base: Partial<LocalRunspaceOptions> = {},
): Partial<LocalRunspaceOptions> {
  let lists = withCommand.get(all);
  if (!lists) withCommand.set(all, lists = new WeakMap());
  const extra = base.commands ?? NONE;
  let commands = lists.get(extra);
  if (!commands) lists.set(extra, commands = [...extra, sessionConfigurationCommand(all)]);
  return {
    ...base,
    commands,
    languageMode: configuration.languageMode,
    visibleCommands: configuration.visibleCommands ?? undefined,
    visibleFunctions: configuration.visibleFunctions ?? undefined,
    startupScript: configuration.startupScript ?? undefined,
  };
}

function configurationObject(c: SessionConfiguration): PSCustomObject {
  const object = new PSCustomObject();
  object.set("Name", c.name);
  object.set("LanguageMode", c.languageMode);
  object.set("VisibleCommands", c.visibleCommands ?? ["*"]);
  object.set("VisibleFunctions", c.visibleFunctions ?? []);
  object.set("Permission", permission(c));
  object.set("RunAsUser", c.runAs);
  object.set("MaxSessionsPerUser", c.maxSessionsPerUser);
  object.set("IdleTimeoutSec", c.idleTimeoutSec);
  return object;
}

function permission(c: SessionConfiguration): string {
  if (c.allowedUsers === null && c.allowedGroups === null) return "every user";
  return [...c.allowedUsers ?? [], ...(c.allowedGroups ?? []).map((g) => `group ${g}`)].join(", ");
}

/** `Get-PSSessionConfiguration [-Name pattern]`: the configurations of the server the session runs on. */
function sessionConfigurationCommand(all: ReadonlyMap<string, SessionConfiguration>): BuiltinCommand {
  return {
    name: "Get-PSSessionConfiguration",
    parameters: [{ name: "Name", position: 0, type: "string[]" }],
    end(ctx, params) {
      const patterns = params.has("Name") ? enumerate(params.get("Name")).map(toStr) : ["*"];
      const wanted = nameMatcher(patterns);
      return ctx.emitAll([...all.values()].filter((c) => wanted(c.name)).map(configurationObject));
    },
  };
}

/**
 * What `rsh serve --check-config` prints for one configuration: its language mode, the commands its wildcards
 * resolve to among `extra` and the built-ins, the functions its startup script exposes, and who may use it.
 */
export function describeConfiguration(c: SessionConfiguration, extra: readonly BuiltinCommand[], startupFunctions: readonly string[]): string {
  const open = c.visibleCommands === null && c.visibleFunctions === null;
  const view = new CommandTable([...builtinCommands, ...extra]).restrict(c.visibleCommands ?? [], []);
  // Aliases have no dash; the commands' own names do.
  const commands = open ? "every command" : view.names().filter((n) => n.includes("-")).sort().join(", ");
  const wanted = nameMatcher(c.visibleFunctions ?? []);
  const functions = startupFunctions.filter((f) => open || wanted(f));
  return [
    `${c.name}:`,
    `  languageMode: ${c.languageMode}`,
    `  commands: ${commands}`,
    `  functions: ${functions.join(", ") || "none"}`,
    `  users: ${permission(c)}`,
    ...(c.runAs ? [`  runAs: ${c.runAs} (sessions shared by every allowed user)`] : []),
    ...(c.maxSessionsPerUser ? [`  maxSessionsPerUser: ${c.maxSessionsPerUser}`] : []),
    ...(c.idleTimeoutSec ? [`  idleTimeoutSec: ${c.idleTimeoutSec}`] : []),
    ...(Object.keys(c.environment).length ? [`  environment: ${Object.keys(c.environment).join(", ")}`] : []),
  ].join("\n");
}
