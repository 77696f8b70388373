/**
 * What the remoting cmdlets share: selecting sessions, and delivering remote records into the caller's pipeline in
 * order, with PowerShell's remote-output properties.
 */
import type { CommandContext } from "../engine/command_types.ts";
import { ErrorRecord } from "../engine/errors.ts";
import type { StreamRecord } from "../runspace/runspace.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { NotedScalar, PSCustomObject } from "../values/objects.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import type { Origin } from "./fanout.ts";
import type { PSSessionView } from "./sessions.ts";

export const names = (value: unknown) => enumerate(value ?? []).map(toStr);

/** Keeps the sessions that match -Name, -Id, -InstanceId and -State. */
export function filterSessions(sessions: PSSessionView[], params: Map<string, unknown>): PSSessionView[] {
  const patterns = names(params.get("Name")).map((n) => wildcardToRegExp(n, false));
  const ids = enumerate(params.get("Id") ?? []).map(Number);
  const instanceIds = names(params.get("InstanceId")).map((s) => s.toLowerCase());
  const state = params.has("State") ? toStr(params.get("State")).toLowerCase() : null;
  return sessions.filter((s) =>
    (patterns.length === 0 || patterns.some((p) => p.test(toStr(s.get("Name"))))) &&
    (ids.length === 0 || ids.includes(s.runspace.id)) &&
    (instanceIds.length === 0 || instanceIds.includes(s.runspace.instanceId.toLowerCase())) &&
    (state === null || toStr(s.get("State")).toLowerCase() === state)
  );
}

export const SELECT_PARAMETERS = [
  { name: "Name", type: "string[]" },
  { name: "Id", type: "int[]" },
  { name: "InstanceId", type: "string[]" },
];

/**
 * Adds PowerShell's remote-output note properties to an object (about_Remote_Output); a scalar gets them on a
 * NotedScalar wrapper, as PowerShell's PSObject carries them on a deserialized int or string.
 */
export function decorate(value: unknown, origin: Origin, hide: boolean): unknown {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) {
    return new NotedScalar(value, scalarNotes(origin, hide));
  }
  if (value instanceof PSCustomObject && value.constructor === PSCustomObject) addRemoteNotes(value, origin, hide);
  if (value instanceof ErrorRecord) value.computerName = origin.computerName;
  return value;
}

/**
 * A scalar's notes cannot be changed by a script (setMember refuses a NotedScalar), so all the scalars of one origin
 * share one notes object: a million remote numbers cost a wrapper each, not a property table each.
 */
const sharedNotes = new WeakMap<Origin, { shown?: PSCustomObject; hidden?: PSCustomObject }>();

function scalarNotes(origin: Origin, hide: boolean): PSCustomObject {
  let notes = sharedNotes.get(origin);
  if (!notes) sharedNotes.set(origin, notes = {});
  const key = hide ? "hidden" : "shown";
  return notes[key] ??= addRemoteNotes(new PSCustomObject(), origin, hide);
}

function addRemoteNotes(object: PSCustomObject, origin: Origin, hide: boolean): PSCustomObject {
  // -HideComputerName: the property is still there to read, but not shown (about_Remote_Output).
  if (hide) object.setHidden("PSComputerName", origin.computerName);
  else object.set("PSComputerName", origin.computerName);
  object.set("RunspaceId", origin.instanceId);
  object.setHidden("PSShowComputerName", !hide);
  return object;
}

/** Remote records, queued for the caller's pipeline (which takes them one at a time, in order). */
export class RecordQueue {
  readonly #items: { record: StreamRecord; origin: Origin }[] = [];
  #wake: (() => void) | null = null;
  #done = false;

  push(record: StreamRecord, origin: Origin): void {
    this.#items.push({ record, origin });
    this.#wake?.();
  }

  end(): void {
    this.#done = true;
    this.#wake?.();
  }

  /** Yields records as they come until end(); `wait` lets the caller's stop end a wait. */
  async *drain(wait: (p: Promise<void>) => Promise<void>): AsyncGenerator<{ record: StreamRecord; origin: Origin }> {
    while (true) {
      if (this.#items.length) {
        yield* this.#items.splice(0);
        continue;
      }
      if (this.#done) return;
      await wait(new Promise<void>((resolve) => (this.#wake = resolve)));
      this.#wake = null;
    }
  }
}

export async function deliver(ctx: CommandContext, record: StreamRecord, origin: Origin, hide: boolean): Promise<void> {
  switch (record.stream) {
    case "output":
      return void await ctx.emit(decorate(record.value, origin, hide));
    case "error":
      return ctx.writeErrorRecord(decorate(record.value, origin, hide) as ErrorRecord);
    default:
      return ctx.host.write(record.stream, record.value);
  }
}

