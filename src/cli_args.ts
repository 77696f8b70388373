/**
 * The `rsh` command line, described as a table (as pwsh's own switches are): names are case-insensitive, start
 * with `-` or `--`, and any unambiguous prefix works (`-nop`, `-c`, `-Comm`).
 */

export interface CliOptions {
  command: string | null;
  file: string | null;
  args: string[];
  noProfile: boolean;
  version: boolean;
  help: boolean;
}

interface Switch {
  names: string[];
  takesValue: boolean;
  apply(options: CliOptions, value: string): void;
}

const SWITCHES: Switch[] = [
  { names: ["command", "c"], takesValue: true, apply: (o, v) => (o.command = v) },
  { names: ["file", "f"], takesValue: true, apply: (o, v) => (o.file = v) },
  { names: ["noprofile", "nop"], takesValue: false, apply: (o) => (o.noProfile = true) },
  { names: ["version", "v"], takesValue: false, apply: (o) => (o.version = true) },
  { names: ["help", "h", "?"], takesValue: false, apply: (o) => (o.help = true) },
];

/** A command-line mistake, reported as `rsh: <message>` with exit code 64 (pwsh's code for bad arguments). */
export class CliUsageError extends Error {}

function findSwitch(word: string): Switch | undefined {
  const name = word.replace(/^--?/, "").toLowerCase();
  const exact = SWITCHES.find((s) => s.names.includes(name));
  if (exact) return exact;
  const prefixed = SWITCHES.filter((s) => s.names[0].startsWith(name));
  if (prefixed.length > 1) {
    throw new CliUsageError(`The parameter '${word}' is ambiguous: it could be ${prefixed.map((s) => "-" + s.names[0]).join(", ")}.`);
  }
  return prefixed[0];
}

/** Parses argv: switches first; the first other word is the script file, everything after it goes to the script. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { command: null, file: null, args: [], noProfile: false, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith("-") || word === "-") {
      options.file = word;
      options.args = argv.slice(i + 1);
      return options;
    }
    const found = findSwitch(word);
    if (!found) throw new CliUsageError(`Unknown option '${word}'. Run 'rsh --help' for the options.`);
    if (found.takesValue) {
      if (i + 1 >= argv.length) throw new CliUsageError(`Missing the argument of '${word}'.`);
      found.apply(options, argv[++i]);
      // As in pwsh, everything after -Command TEXT is part of the command; after -File PATH it goes to the script.
      if (found.names[0] === "command" && i + 1 < argv.length) options.command += " " + argv.slice(i + 1).join(" ");
      if (found.names[0] === "file") options.args = argv.slice(i + 1);
      if (found.names[0] === "command" || found.names[0] === "file") return options;
    } else {
      found.apply(options, "");
    }
  }
  return options;
}

export const USAGE = `Usage: rsh [options] [FILE.rsh [ARGS...]]

  rsh                      start the interactive shell (reads statements from stdin when it is not a terminal)
  rsh FILE.rsh [ARGS...]   run a script; ARGS bind to its param() block or land in $args
  rsh -c TEXT              run TEXT (also -Command)
  rsh serve [--host H] [--port P] [--config FILE]
                           host sessions for remote clients (rsh serve --help)
  rsh hash-password        read a password from stdin, print its hash for the server's config
  rsh keygen [PATH]        make an Ed25519 key pair for signing scripts (rsh keygen --help)
  rsh sign FILE... [--key PATH]
                           sign scripts (for the AllSigned and RemoteSigned execution policies)

Options:
  -NoProfile               do not run the profile
  --version                print the version
  --help                   print this help

Exit status: 0 on success, 1 when a terminating error escapes or the script does not parse, N for 'exit N'.
`;
