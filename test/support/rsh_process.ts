/**
 * Runs the real `rsh` CLI as a child process on the runtime under test: `node bin/rsh.js` on Node (the built
 * bundle), `deno run -A src/cli.ts` on Deno. node:child_process works on both runtimes.
 */
import { spawn } from "node:child_process";
import process from "node:process";
import { runtime } from "../../src/platform.ts";

export interface RshResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command line that starts rsh with `args` on the current runtime. */
export function rshCommand(args: string[]): [string, string[]] {
  return runtime === "deno"
    ? [process.execPath, ["run", "-A", "src/cli.ts", ...args]]
    : [process.execPath, ["bin/rsh.js", ...args]];
}

/** Runs rsh to completion (killed after `timeoutMs`), feeding `stdin` if given. */
export function runRsh(
  args: string[],
  options: { stdin?: string; timeoutMs?: number; cwd?: string; env?: Record<string, string> } = {},
): Promise<RshResult> {
  const [command, argv] = rshCommand(args);
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: "1", ...options.env };
    const child = spawn(command, argv, { cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"], env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

/** Starts rsh and lets the test talk to it line by line (for streaming and REPL behaviour). */
export function startRsh(args: string[], options: { env?: Record<string, string> } = {}) {
  const [command, argv] = rshCommand(args);
  const child = spawn(command, argv, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", ...options.env } });
  let stdout = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    for (const w of waiters.splice(0)) {
      if (stdout.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code: number | null) => resolve(code)));
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return {
    get stderr() {
      return stderr;
    },
    write: (text: string) => child.stdin.write(text),
    end: () => child.stdin.end(),
    get stdout() {
      return stdout;
    },
    /** Resolves once stdout contains `text`; rejects after `timeoutMs`. */
    waitFor(text: string, timeoutMs = 10_000): Promise<void> {
      if (stdout.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(text)}; got ${JSON.stringify(stdout)}`)), timeoutMs);
        waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    exited,
    kill: () => child.kill("SIGKILL"),
    /** Ctrl+C. */
    interrupt: () => child.kill("SIGINT"),
  };
}
