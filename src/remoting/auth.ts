/**
 * Authentication for `rsh serve`: scrypt password hashes (`rsh hash-password`), constant-time comparison, the
 * zero-config token for the OS user, and a slow-down for addresses that keep failing.
 */
import { Buffer } from "node:buffer";
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { Deno } from "../platform.ts";

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

/** `scrypt$N$r$p$salt$hash` (base64 salt and hash). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Whether a hash string has the shape hashPassword makes (checked when the config loads). */
export function isPasswordHash(text: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(text);
}

/** Checks a password against its hash; scrypt runs on the thread pool, so sessions go on meanwhile. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split("$");
  const expected = Buffer.from(hash, "base64");
  return new Promise((resolve, reject) => {
    scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) }, (error, actual) => {
      if (error) reject(error);
      else resolve(timingSafeEqual(actual, expected));
    });
  });
}

let dummy: string | null = null;

/**
 * Checked against when the user does not exist, so that a wrong name costs as long as a wrong password. Made on first
 * use: an scrypt hash at import time would cost every `rsh` start-up tens of milliseconds.
 */
export function dummyHash(): string {
  return dummy ??= hashPassword(randomBytes(12).toString("base64"));
}

/** Compares two secrets in constant time (for the server token). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Where the zero-config token lives: `~/.config/rsh/server-token`. */
export function tokenPath(home: string): string {
  return `${home}/.config/rsh/server-token`;
}

/**
 * The server token: an existing one is reused (several servers of one user share it, and clients keep working
 * across restarts); otherwise a fresh one is written with mode 0600 (only the user may read it).
 */
export function writeServerToken(home: string): string {
  const existing = readServerToken(home);
  if (existing && existing.length >= 32) {
    Deno.chmodSync(tokenPath(home), 0o600);
    return existing;
  }
  const token = randomBytes(32).toString("base64url");
  const path = tokenPath(home);
  Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true, mode: 0o700 });
  try {
    // createNew: of two servers starting at once, one writes the token and the other reads it.
    Deno.writeTextFileSync(path, token + "\n", { mode: 0o600, createNew: true });
  } catch {
    const written = readServerToken(home);
    if (written) return written;
    Deno.writeTextFileSync(path, token + "\n", { mode: 0o600 });
  }
  Deno.chmodSync(path, 0o600);
  return token;
}

export function readServerToken(home: string): string | null {
  try {
    return Deno.readTextFileSync(tokenPath(home)).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Failed logins per address: after the first few, each further attempt from that address waits longer (up to 5 s)
 * before it is answered, which makes guessing slow without locking anyone out for good. And an address that failed
 * `maxFailedLoginsPerMinute` times in the last minute is refused without a check until the oldest of those failures
 * is a minute old: a guesser gets that many tries a minute, however many connections it opens. Successful logins do
 * not count, so a client that reconnects often is never limited.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, { count: number; last: number; recent: number[] }>();
  /** The server's maxFailedLoginsPerMinute. */
  maxFailuresPerMinute = Infinity;

  /** Seconds until `address` may try again (0: it may now). */
  refusedFor(address: string): number {
    const recent = this.#failures.get(address)?.recent;
    if (!recent) return 0;
    const now = Date.now();
    while (recent.length > 0 && now - recent[0] >= 60_000) recent.shift();
    return recent.length >= this.maxFailuresPerMinute ? Math.ceil((recent[0] + 60_000 - now) / 1000) : 0;
  }

  delayFor(address: string): number {
    const entry = this.#failures.get(address);
    if (!entry) return 0;
    if (Date.now() - entry.last > 10 * 60 * 1000) {
      this.#failures.delete(address);
      return 0;
    }
    return entry.count < 3 ? 0 : Math.min(5000, 250 * 2 ** (entry.count - 3));
  }

  failed(address: string): void {
    const entry = this.#failures.get(address) ?? { count: 0, last: 0, recent: [] };
    entry.count++;
    entry.last = Date.now();
    entry.recent.push(entry.last);
    this.#failures.set(address, entry);
  }

  succeeded(address: string): void {
    this.#failures.delete(address);
  }
}
