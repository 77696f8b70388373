/**
 * Tab completion for the line editor: asks the session the REPL talks to — the local runspace, or the entered remote
 * session — by running TabExpansion2 there, so completions are that session's commands, variables and files.
 */
import { PSCustomObject } from "../src/values/objects.ts";
import type { Completion } from "./completion_menu.ts";
import type { RemoteCalls } from "./remote_calls.ts";

const field = (value: unknown, name: string) => (value instanceof PSCustomObject ? value.get(name) : null);

/** The TabExpansion2 call for `text` with the cursor at `cursor` (the text as a literal: no `$args` across the wire). */
export function completionScript(text: string, cursor: number): string {
  return `TabExpansion2 -InputScript '${text.replaceAll("'", "''")}' -CursorColumn ${cursor}`;
}

/** Reads a CommandCompletion (local, or deserialized from a remote session). */
export function readCompletion(value: unknown): Completion | null {
  const matches = field(value, "CompletionMatches");
  if (!Array.isArray(matches)) return null;
  return {
    start: Number(field(value, "ReplacementIndex")),
    length: Number(field(value, "ReplacementLength")),
    matches: matches.map((m) => ({ text: String(field(m, "CompletionText")), list: String(field(m, "ListItemText")) })),
  };
}

/** How long Tab waits for a session's answer; the editor cannot take Ctrl+C meanwhile, so a dead session gives none. */
const WAIT_MS = 3000;

/** A completer for the editor: local while no session is entered, remote inside one (never a broken one). */
export function sessionCompleter(calls: RemoteCalls) {
  return async (text: string, cursor: number): Promise<Completion | null> => {
    const entered = calls.runspace.entered;
    if (entered && calls.broken(entered)) return null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<unknown[]>((resolve) => (timer = setTimeout(() => resolve([]), WAIT_MS)));
    const output = await Promise.race([calls.hostCall(completionScript(text, cursor)).catch(() => []), gaveUp]);
    clearTimeout(timer);
    return readCompletion(output[0]);
  };
}
