/**
 * Write-Progress on a terminal: one line at the bottom, redrawn in place for each progress record (local or from a
 * remote session), as PowerShell 7.2's "Minimal" progress view. Any other output first erases the line (and the next
 * record draws it again); a Completed record, or the end of the statement, erases it for good.
 */

interface Activity {
  activity: string;
  status: string;
  percent: number;
}

const BAR = 20;

/** Reads a field of a progress record (a PSCustomObject here, or a deserialized one from a remote session). */
function field(record: unknown, name: string): unknown {
  const get = (record as { get?: (name: string) => unknown })?.get;
  return typeof get === "function" ? get.call(record, name) : (record as Record<string, unknown>)?.[name];
}

export class ProgressLine {
  #activities = new Map<string, Activity>();
  #shown = false;

  constructor(readonly write: (text: string) => void, readonly columns: () => number, readonly color: boolean) {}

  /** Takes one progress record (ProgressRecord: Activity, StatusDescription, ActivityId, PercentComplete, RecordType). */
  update(record: unknown): void {
    const id = String(field(record, "ActivityId") ?? 0);
    if (field(record, "RecordType") === "Completed") this.#activities.delete(id);
    else {
      this.#activities.set(id, {
        activity: String(field(record, "Activity") ?? ""),
        status: String(field(record, "StatusDescription") ?? ""),
        percent: Number(field(record, "PercentComplete") ?? -1),
      });
    }
    const latest = [...this.#activities.values()].pop();
    if (latest) this.#draw(latest);
    else this.clear();
  }

  /** Erases the line (before other output); the activities stay and come back with the next record. */
  clear(): void {
    if (!this.#shown) return;
    this.write("\r\x1b[K");
    this.#shown = false;
  }

  /** The statement ended: its activities are over. */
  end(): void {
    this.#activities.clear();
    this.clear();
  }

  /** The line a record draws, fitted to `width` columns. */
  static text(a: Activity, width: number, color: boolean): string {
    const known = a.percent >= 0 && a.percent <= 100;
    const filled = known ? Math.round((a.percent / 100) * BAR) : 0;
    const bar = color ? `\x1b[7m${" ".repeat(filled)}\x1b[27m${" ".repeat(BAR - filled)}` : "=".repeat(filled) + " ".repeat(BAR - filled);
    const head = `${a.activity}${known ? ` [${bar}] ${a.percent}%` : ""} `;
    const room = Math.max(0, width - 1 - (head.length - (color ? 9 : 0)));
    return head + a.status.slice(0, room);
  }

  #draw(a: Activity): void {
    this.write("\r\x1b[K" + ProgressLine.text(a, this.columns(), this.color));
    this.#shown = true;
  }
}
