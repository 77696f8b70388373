/**
 * `rsh serve [--host H] [--port P] [--config FILE]` and `rsh hash-password`: argv to a running server (or a hash).
 * The server prints exactly one line when it is ready — `rsh server listening on ws://H:P` — and shuts down cleanly
 * on SIGINT/SIGTERM (tells clients, closes sessions, exits 0).
 */
import { userInfo } from "node:os";
import process from "node:process";
import { CliUsageError } from "./cli_args.ts";
import { Deno, writeStderr, writeStdout } from "./platform.ts";
import { hashPassword } from "./remoting/auth.ts";
import { remotingCommands } from "./remoting/cmdlets.ts";
import { ConfigError, parseConfig } from "./remoting/config.ts";
import { RshServer } from "./remoting/server.ts";
import { runCheckConfig } from "./cli_check_config.ts";

export const SERVE_USAGE = `Usage: rsh serve [--host H] [--port P] [--config FILE] [--audit FILE]

  --host H        the address to listen on (default 127.0.0.1)
  --port P        the port (default 5995; 0 picks a free one)
  --config FILE   the server's JSON configuration (users, configurations, timeouts, limits, tls)
  --check-config FILE   validate FILE and print what each session configuration exposes, then exit
  --audit FILE    append a JSON line per login, session event and command to FILE (the config's 'audit')
`;

interface ServeOptions {
  host: string;
  port: number;
  config: string | null;
  audit: string | null;
}

export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const options: ServeOptions = { host: "127.0.0.1", port: 5995, config: null, audit: null };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i].replace(/^--?/, "").toLowerCase();
    const value = () => {
      if (i + 1 >= argv.length) throw new CliUsageError(`Missing the argument of '${argv[i]}'.`);
      return argv[++i];
    };
    if (word === "host") options.host = value();
    else if (word === "port") {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new CliUsageError(`'--port' must be a port number from 0 to 65535 (got '${text}').`);
      options.port = port;
    } else if (word === "config") options.config = value();
    else if (word === "audit") options.audit = value();
    else throw new CliUsageError(`Unknown option '${argv[i]}' for 'rsh serve'. Run 'rsh serve --help' for the options.`);
  }
  return options;
}

export async function runServe(argv: readonly string[]): Promise<number> {
  if (argv.some((a) => /^--?(help|h|\?)$/i.test(a))) {
    writeStdout(SERVE_USAGE);
    return 0;
  }
  const check = argv.findIndex((a) => /^--?check-config$/i.test(a));
  if (check >= 0) return await runCheckConfig(argv[check + 1]);
  const options = parseServeArgs(argv);
  let config;
  try {
    config = parseConfig(options.config === null ? null : Deno.readTextFileSync(options.config));
  } catch (e) {
    if (e instanceof ConfigError) {
      writeStderr(`rsh serve: ${options.config}: ${e.message}\n`);
      return 1;
    }
    writeStderr(`rsh serve: cannot read the config file '${options.config}': ${(e as Error).message}\n`);
    return 1;
  }
  if (options.audit !== null) config.audit = options.audit;
  const env = Deno.env.toObject();
  let server: RshServer;
  try {
    server = await RshServer.start({
      host: options.host,
      port: options.port,
      config,
      osUser: (env.USER ?? userInfo().username).toLowerCase(),
      home: env.HOME ?? userInfo().homedir,
      env,
      sessionOptions: () => ({ commands: remotingCommands }),
    });
  } catch (e) {
    writeStderr(`rsh serve: cannot listen on ${options.host}:${options.port}: ${(e as Error).message}\n`);
    return 1;
  }
  writeStdout(`rsh server listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}

/** Reads one line (the password, newline stripped) from stdin and prints its scrypt hash. */
export async function runHashPassword(): Promise<number> {
  const chunks: Uint8Array[] = [];
  const buffer = new Uint8Array(4096);
  while (true) {
    const n = await Deno.stdin.read(buffer);
    if (n === null) break;
    chunks.push(buffer.slice(0, n));
    if (buffer.subarray(0, n).includes(10)) break;
  }
  const text = new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
  const password = text.split("\n")[0].replace(/\r$/, "");
  if (password === "") {
    writeStderr("rsh hash-password: no password on stdin (one line: the password).\n");
    return 1;
  }
  writeStdout(hashPassword(password) + "\n");
  return 0;
}
