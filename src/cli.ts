/**
 * The `rsh` entry point: a script file, `-c TEXT`, or statements read from stdin (the REPL). Thin by design: it
 * parses argv, wires a LocalRunspace to stdout/stderr, and turns the outcome into an exit status.
 */
import { runRepl } from "../repl/repl.ts";
import { historyPath } from "../repl/history.ts";
import { ProgressLine } from "../repl/progress.ts";
import type { Completer } from "../repl/line_editor.ts";
import { KeyReader, readEntry, terminalEditor } from "../repl/terminal.ts";
import { CliUsageError, parseCliArgs, USAGE } from "./cli_args.ts";
import { lazyRemotingCommands } from "./remoting/lazy.ts";
import { args, Deno, splitLines, writeStderr, writeStdout } from "./platform.ts";
import type { ScriptBlock } from "../grammar/ast.ts";
import { parse, type ParseError } from "../grammar/mod.ts";
// Not "./mod.ts": that reaches the server and the client, which most runs never load (start-up time).
import { formatValue, type Host, LocalRunspace, OutputFormatter, type RunOptions } from "./runspace/local_runspace.ts";
import type { StreamRecord } from "./runspace/runspace.ts";
import { VERSION } from "./version.ts";
import { fstatSync, statSync } from "node:fs";
import process from "node:process";

/**
 * Whether stdout (1) or stderr (2) is a terminal. Node builds process.stdout/stderr on first touch (a stream, and for
 * a pipe the net module: ~5 ms of start-up each), so a pipe, a file or /dev/null is recognised by fstat first.
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === statSync("/dev/null").rdev) return false;
  } catch {
    // No fstat or no /dev/null here: Node's answer below.
  }
  return (fd === 1 ? process.stdout : process.stderr).isTTY === true;
}
const stdoutIsTerminal = isTerminal(1);
const stderrIsTerminal = isTerminal(2);

/**
 * Prints each record as soon as it is produced: output to stdout through Out-Default's formatter (objects of one
 * shape share a table, whose widths are settled by the rows of its first 300 ms), everything else to stderr.
 */
const formatter = new OutputFormatter({ width: stdoutIsTerminal ? process.stdout.columns || 120 : 120 });
let releaseTimer: ReturnType<typeof setTimeout> | undefined;
/** Colours on a terminal unless NO_COLOR is set (PowerShell 7.2+ honours it too). */
const colors = !Deno.env.get("NO_COLOR");
/** Write-Progress's line on a terminal; other output erases it first. */
const progress = stderrIsTerminal ? new ProgressLine(writeStderr, () => process.stderr.columns || 80, colors) : null;
const toStdout = (text: string) => {
  if (text !== "") progress?.clear();
  writeStdout(text);
};
const release = () => {
  clearTimeout(releaseTimer);
  releaseTimer = undefined;
  toStdout(formatter.release());
};
const toStderr = (text: string) => {
  if (formatter.collecting) release();
  progress?.clear();
  writeStderr(text);
};
const consoleHost: Host = {
  output: (value) => {
    toStdout(formatter.write(value));
    if (formatter.collecting && !releaseTimer) releaseTimer = setTimeout(release, 300);
  },
  error: (record) => toStderr(errorText(String((record as { format?: () => string }).format?.() ?? record)) + "\n"),
  host: (text) => {
    if (formatter.collecting) release();
    toStdout(text);
  },
  warning: (text) => toStderr(`WARNING: ${text}\n`),
  verbose: (text) => toStderr(`VERBOSE: ${text}\n`),
  debug: (text) => toStderr(`DEBUG: ${text}\n`),
  progress: (record) => progress?.update(record),
  information: (value) => toStdout(formatValue(value) + "\n"),
  prompt,
  showsNativeStderr: true,
  flush: () => {
    clearTimeout(releaseTimer);
    releaseTimer = undefined;
    toStdout(formatter.flush());
    progress?.end();
  },
};

/** Prints a record of an entered remote session as the console host prints local ones. */
function showRecord(record: StreamRecord): void {
  switch (record.stream) {
    case "output": return consoleHost.output(record.value);
    case "error": return consoleHost.error(record.value);
    case "host": return consoleHost.host(record.value);
    case "warning": return consoleHost.warning?.(record.value);
    case "verbose": return consoleHost.verbose?.(record.value);
    case "debug": return consoleHost.debug?.(record.value);
    case "information": return consoleHost.information?.(record.value);
    case "progress": return consoleHost.progress?.(record.value);
  }
}

/** Errors are red on a terminal ($PSStyle.Formatting.Error), plain when redirected or with NO_COLOR. */
const errorColor = stderrIsTerminal && colors;
const errorText = (text: string) => (errorColor ? `\x1b[31;1m${text}\x1b[0m` : text);

function reportParseError(error: ParseError): void {
  writeStderr(errorText(error.format()) + "\n");
}

/** Runs one parsed unit; returns the exit status it asks for (`exit N`), 1 for an escaped error, else null. */
async function runUnit(runspace: LocalRunspace, ast: ScriptBlock, options?: RunOptions) {
  // Ctrl+C while a pipeline runs stops it (and, through it, a remote command it waits for).
  const interrupt = () => void runspace.stop();
  process.on("SIGINT", interrupt);
  const result = await runspace.run(ast, options).finally(() => process.off("SIGINT", interrupt));
  return { exit: result.exitCode, failed: result.failed, succeeded: result.succeeded };
}

async function runText(runspace: LocalRunspace, text: string, file: string, scriptArgs: string[]): Promise<number> {
  const { ast, diagnostics } = parse(text, file);
  if (!ast) {
    reportParseError(diagnostics[0]);
    return 1;
  }
  const command = file === "<command>";
  const outcome = await runUnit(runspace, ast, { args: scriptArgs, file: command ? undefined : file, source: text });
  // As pwsh: -c exits 1 when its last statement failed ($? false); a script file only for a script-terminating error.
  return outcome.exit ?? (outcome.failed || (command && !outcome.succeeded) ? 1 : 0);
}

/** Stdin's chunks as they arrive (read on demand, so each statement runs before the next is read). */
async function* stdinChunks(): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(64 * 1024);
  while (true) {
    const n = await Deno.stdin.read(buffer);
    if (n === null) return;
    yield buffer.slice(0, n);
  }
}

/** One reader of stdin's lines, shared by the statement loop and by Read-Host / Get-Credential prompts. */
const stdinLines = splitLines(stdinChunks());

/** Reads a line typed on the terminal without echoing it (a password). */
async function readSecret(): Promise<string | null> {
  Deno.stdin.setRaw(true);
  const buffer = new Uint8Array(64);
  let text = "";
  try {
    while (true) {
      const n = await Deno.stdin.read(buffer);
      if (n === null) return text === "" ? null : text;
      for (const byte of buffer.subarray(0, n)) {
        if (byte === 13 || byte === 10) return text;
        if (byte === 3) return null; // Ctrl+C
        if (byte === 127 || byte === 8) text = text.slice(0, -1);
        else text += String.fromCharCode(byte);
      }
    }
  } finally {
    Deno.stdin.setRaw(false);
    writeStderr("\n");
  }
}

/** Read-Host and Get-Credential: the prompt goes to stderr, the answer is the next line of stdin. */
async function prompt(text: string, secret: boolean): Promise<string | null> {
  writeStderr(text);
  if (secret && Deno.stdin.isTerminal()) return await readSecret();
  const line = await stdinLines.next();
  return line.done ? null : line.value;
}

class FetchError extends Error {}

async function fetchScript(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new FetchError(`Cannot fetch the script ${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new FetchError(`Cannot fetch the script ${url}: the server answered ${response.status} ${response.statusText}.`);
  return await response.text();
}

let openRunspace: LocalRunspace | null = null;

async function main(argv: readonly string[]): Promise<number> {
  try {
    return await runMain(argv);
  } finally {
    await openRunspace?.close();
  }
}

async function runMain(argv: readonly string[]): Promise<number> {
  let options;
  try {
    // The server's code loads only for `rsh serve` (start-up time of everything else).
    if (argv[0] === "serve") return await (await import("./cli_serve.ts")).runServe(argv.slice(1));
    if (argv[0] === "hash-password") return await (await import("./cli_serve.ts")).runHashPassword();
    if (argv[0] === "keygen") return (await import("./cli_sign.ts")).runKeygen(argv.slice(1));
    if (argv[0] === "sign") return (await import("./cli_sign.ts")).runSign(argv.slice(1));
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    writeStderr(`rsh: ${error.message}\n`);
    return 64;
  }
  if (options.help) {
    writeStdout(USAGE);
    return 0;
  }
  if (options.version) {
    writeStdout(`rsh ${VERSION}\n`);
    return 0;
  }
  const runspace = openRunspace = new LocalRunspace({
    host: consoleHost,
    name: "local",
    env: Deno.env.toObject(),
    location: Deno.cwd(),
    profile: !options.noProfile,
    commands: lazyRemotingCommands,
  });
  if (options.command !== null) return await runText(runspace, options.command, "<command>", []);
  if (options.file !== null) {
    let text: string;
    try {
      // A script fetched from a URL counts as remote: RemoteSigned and AllSigned want it signed.
      text = /^https?:\/\//i.test(options.file) ? await fetchScript(options.file) : await Deno.readTextFile(options.file);
    } catch (e) {
      if (e instanceof FetchError) {
        writeStderr(`rsh: ${e.message}\n`);
        return 1;
      }
      writeStderr(
        `rsh: The argument '${options.file}' is not recognized as the name of a script file. ` +
          "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
      );
      return 64;
    }
    return await runText(runspace, text, options.file, options.args);
  }
  const interactive = Deno.stdin.isTerminal();
  return await runRepl(runspace, {
    lines: stdinLines,
    prompt: interactive ? writeStdout : null,
    read: interactive ? terminalReader() : undefined,
    notice: writeStderr,
    reportParseError,
    record: showRecord,
    flush: () => consoleHost.flush?.(),
    whileRunning: (stop) => {
      process.on("SIGINT", stop);
      return () => void process.off("SIGINT", stop);
    },
  });
}

/** The line editor on the terminal (stdin and stdout). */
function terminalReader() {
  const color = colors && stdoutIsTerminal;
  const keys = new KeyReader({ read: (buffer) => Deno.stdin.read(buffer), setRaw: (raw) => Deno.stdin.setRaw(raw) });
  const editor = terminalEditor({
    write: writeStdout,
    columns: () => process.stdout.columns || 80,
    color,
    historyFile: historyPath(Deno.env.toObject()),
  });
  return (prompt: string, complete: Completer) => readEntry(editor, keys, prompt, complete);
}

// When the script ends rsh exits, without waiting for timers or background jobs it started (as pwsh does); its
// runspace closes first, so that remote servers hear a goodbye. No top-level await: Node runs this file as a
// CommonJS bundle (scripts/build.mjs), whose V8 code cache makes start-up faster.
main(args).then((code) => Deno.exit(code));
