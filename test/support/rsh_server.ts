/**
 * Starts a real `rsh serve` child process on 127.0.0.1, port 0, with its own HOME (so its token file is private to
 * the test), waits for its "listening" line and hands back the port; `stop()` sends SIGTERM and waits for the exit.
 * Every server is killed after `timeoutMs` whatever happens, so a test can never leave one behind.
 */
import { spawn } from "node:child_process";
import process from "node:process";
import { Deno } from "../../src/platform.ts";
import { rshCommand } from "./rsh_process.ts";

export interface TestServer {
  url: string;
  port: number;
  home: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then the exit code (a clean shutdown is 0). */
  stop(): Promise<number | null>;
}

export async function startServer(options: { config?: object; home?: string; timeoutMs?: number; args?: string[] } = {}): Promise<TestServer> {
  const home = options.home ?? Deno.makeTempDirSync({ prefix: "rsh-server-home-" });
  const args = ["serve", "--host", "127.0.0.1", "--port", "0", ...(options.args ?? [])];
  if (options.config) {
    const path = `${home}/server-config.json`;
    Deno.writeTextFileSync(path, JSON.stringify(options.config));
    args.push("--config", path);
  }
  const [command, argv] = rshCommand(args);
  const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: home, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code: number | null) => resolve(code)));
  const killer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
  exited.then(() => clearTimeout(killer));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const m = /rsh server listening on (\S+)\n/.exec(stdout);
      if (m) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`rsh serve exited with ${code} before listening: ${stderr}`)));
  });
  return {
    url,
    port: Number(url.slice(url.lastIndexOf(":") + 1)),
    home,
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
