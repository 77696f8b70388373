/**
 * The one place that decides where the `Deno` namespace comes from: the real one on Deno,
 * `@deno/shim-deno` on Node. Everything else imports `Deno` from here.
 */
// deno-lint-ignore no-explicit-any
const native = (globalThis as any).Deno as typeof globalThis.Deno | undefined;

/** The Deno namespace of the running runtime (the shim on Node). */
export const Deno: typeof globalThis.Deno = native ??
  ((await import("@deno/shim-deno")).Deno as unknown as typeof globalThis.Deno);

/** Which runtime runs this process. */
export const runtime: "deno" | "node" = native ? "deno" : "node";

/** Command-line arguments after the script (Deno.args on both runtimes). */
export const args: readonly string[] = Deno.args;

const encoder = new TextEncoder();

/** Writes text to stdout synchronously, so output appears as soon as it is produced. */
export function writeStdout(text: string): void {
  writeAll(Deno.stdout, encoder.encode(text));
}

/** Writes text to stderr synchronously. */
export function writeStderr(text: string): void {
  writeAll(Deno.stderr, encoder.encode(text));
}

function writeAll(target: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += target.writeSync(bytes.subarray(offset));
}
