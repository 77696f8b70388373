// What the benches share: a real `rsh serve` child process on 127.0.0.1:0 with a private HOME (its token).
import { spawn } from "node:child_process";
import { join } from "node:path";
import process from "node:process";

/**
 * `node bin/rsh.js serve --port 0` with HOME set to `home`; resolves once it prints its listening line. `stop()`
 * sends SIGTERM (the clean shutdown), SIGKILL if it has not exited 5 s later, and resolves with how it exited;
 * `cleanups` gets it so that an aborted bench still stops the server.
 */
export async function startServerProcess(root, home, cleanups, label) {
  const child = spawn(process.execPath, [join(root, "bin/rsh.js"), "serve", "--port", "0"], {
    cwd: root,
    env: { ...process.env, HOME: home },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const killNow = () => running() && child.kill("SIGKILL");
  process.once("exit", killNow);
  const stop = async () => {
    if (running()) {
      child.kill("SIGTERM");
      const timer = setTimeout(killNow, 5000);
      await exited;
      clearTimeout(timer);
    }
    return await exited;
  };
  cleanups.push(stop);
  const url = await new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`${label}: no listening line from rsh serve (it said ${JSON.stringify(said)})`)), 10_000);
    child.stdout.on("data", (chunk) => {
      said += chunk;
      const m = /rsh server listening on (ws:\/\/\S+)/.exec(said);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`${label}: rsh serve exited (${code}) before listening`)));
  });
  return { child, home, port: Number(new URL(url).port), stop };
}

/** Runs the cleanups last first (each failure reported, the others still run), then exits 1 if the bench failed. */
export async function finish(cleanups, failed, label) {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (e) {
      console.error(`${label}: cleanup failed:`, e);
    }
  }
  process.exit(failed ? 1 : 0);
}
