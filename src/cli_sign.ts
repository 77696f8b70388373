/**
 * `rsh keygen [PATH] [--force]` and `rsh sign FILE... [--key PATH]`: make an Ed25519 key pair for signing scripts,
 * and sign scripts with it (the format is in signing.ts and docs/language.md, "Signed scripts").
 */
import { hostname, userInfo } from "node:os";
import { CliUsageError } from "./cli_args.ts";
import { Deno, writeStderr, writeStdout } from "./platform.ts";
import { generateKeyPair, signText } from "./runspace/signing.ts";

export const KEYGEN_USAGE = `Usage: rsh keygen [PATH] [--force]

  Makes an Ed25519 key pair for signing scripts: PATH (the private key, mode 0600; default
  ~/.config/rsh/signing-key) and PATH.pub (the public key). Trust it by adding the .pub line to
  ~/.config/rsh/trusted-publishers (or a server config's trustedPublishers).
`;

export const SIGN_USAGE = `Usage: rsh sign FILE... [--key PATH]

  Appends (or replaces) a signature block to each script, signed with the private key at PATH
  (default ~/.config/rsh/signing-key).
`;

function defaultKeyPath(): string {
  return `${Deno.env.get("HOME") ?? userInfo().homedir}/.config/rsh/signing-key`;
}

/** Splits argv into words and `--name [value]` options; `valued` names the options that take a value. */
function parseWords(argv: readonly string[], command: string, valued: string[], flags: string[]) {
  const words: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!/^--?\w/.test(argv[i])) {
      words.push(argv[i]);
      continue;
    }
    const name = argv[i].replace(/^--?/, "").toLowerCase();
    if (valued.includes(name)) {
      if (i + 1 >= argv.length) throw new CliUsageError(`Missing the argument of '${argv[i]}'.`);
      options.set(name, argv[++i]);
    } else if (flags.includes(name)) options.set(name, "");
    else throw new CliUsageError(`Unknown option '${argv[i]}' for 'rsh ${command}'. Run 'rsh ${command} --help' for the options.`);
  }
  return { words, options };
}

export function runKeygen(argv: readonly string[]): number {
  const { words, options } = parseWords(argv, "keygen", [], ["force", "help", "h"]);
  if (options.has("help") || options.has("h")) {
    writeStdout(KEYGEN_USAGE);
    return 0;
  }
  if (words.length > 1) throw new CliUsageError("'rsh keygen' takes one path at most.");
  const path = words[0] ?? defaultKeyPath();
  const exists = (p: string) => {
    try {
      Deno.statSync(p);
      return true;
    } catch {
      return false;
    }
  };
  if (!options.has("force") && (exists(path) || exists(`${path}.pub`))) {
    writeStderr(`rsh keygen: ${path} already exists; use --force to replace it (scripts signed with the old key will no longer be trusted).\n`);
    return 1;
  }
  const { privateKey, publicKey } = generateKeyPair();
  const slash = path.lastIndexOf("/");
  if (slash > 0) Deno.mkdirSync(path.slice(0, slash), { recursive: true, mode: 0o700 });
  Deno.writeTextFileSync(path, privateKey, { mode: 0o600 });
  // A file that existed keeps its mode through a write: set it.
  Deno.chmodSync(path, 0o600);
  Deno.writeTextFileSync(`${path}.pub`, `${publicKey} ${userInfo().username}@${hostname()}\n`);
  writeStdout(`Private key: ${path}\nPublic key:  ${path}.pub\n${publicKey}\n`);
  return 0;
}

export function runSign(argv: readonly string[]): number {
  const { words, options } = parseWords(argv, "sign", ["key"], ["help", "h"]);
  if (options.has("help") || options.has("h")) {
    writeStdout(SIGN_USAGE);
    return 0;
  }
  if (words.length === 0) throw new CliUsageError("'rsh sign' needs the script files to sign. Run 'rsh sign --help'.");
  const keyPath = options.get("key") ?? defaultKeyPath();
  let key: string;
  try {
    key = Deno.readTextFileSync(keyPath);
  } catch (e) {
    writeStderr(`rsh sign: cannot read the key '${keyPath}': ${(e as Error).message} (make one with 'rsh keygen').\n`);
    return 1;
  }
  let status = 0;
  for (const file of words) {
    try {
      Deno.writeTextFileSync(file, signText(Deno.readTextFileSync(file), key));
      writeStdout(`Signed ${file}\n`);
    } catch (e) {
      writeStderr(`rsh sign: ${file}: ${(e as Error).message}\n`);
      status = 1;
    }
  }
  return status;
}
