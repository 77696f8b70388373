/**
 * PowerShell's dictionary and object values: keys and property names are case-insensitive and keep the case they
 * were first written with; both keep insertion order (an `[ordered]` hashtable and a plain one behave the same here).
 */

interface Entry {
  key: unknown;
  value: unknown;
}

function keyOf(key: unknown, caseSensitive: boolean): unknown {
  if (key instanceof NotedScalar) return keyOf(key.base, caseSensitive);
  // A [char] key is its own key, case-sensitive and apart from the one-letter string (.NET's Char.Equals).
  if (key instanceof PSChar) return `\u0000char ${key.code}`;
  return typeof key === "string" && !caseSensitive ? key.toLowerCase() : key;
}

/**
 * `@{ … }`: a case-insensitive hashtable. A `Dictionary[K,V]` is one too, with case-sensitive keys (.NET's default
 * comparer) unless made with `[StringComparer]::OrdinalIgnoreCase`, and its own .NET type name.
 */
export class PSHashtable {
  #entries = new Map<unknown, Entry>();
  ordered = false;
  /** Keys that differ in case are different keys (a Dictionary's default). */
  caseSensitive = false;
  /** The .NET type it stands for when not a Hashtable or OrderedDictionary (`System.Collections.Generic.Dictionary\`2`). */
  dotnetType: string | null = null;

  get(key: unknown): unknown {
    return this.#entries.get(keyOf(key, this.caseSensitive))?.value ?? null;
  }

  has(key: unknown): boolean {
    return this.#entries.has(keyOf(key, this.caseSensitive));
  }

  set(key: unknown, value: unknown): void {
    const k = keyOf(key, this.caseSensitive);
    const existing = this.#entries.get(k);
    if (existing) existing.value = value;
    else this.#entries.set(k, { key, value });
  }

  /** `.Add()`: fails on a duplicate key, as .NET's Hashtable does. */
  add(key: unknown, value: unknown): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  delete(key: unknown): void {
    this.#entries.delete(keyOf(key, this.caseSensitive));
  }

  get count(): number {
    return this.#entries.size;
  }

  keys(): unknown[] {
    return [...this.#entries.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.#entries.values()].map((e) => e.value);
  }

  entries(): [unknown, unknown][] {
    return [...this.#entries.values()].map((e) => [e.key, e.value]);
  }
}

/** The kinds of member an object holds (PowerShell's PSMemberTypes that Add-Member makes here). */
export type MemberKind = "NoteProperty" | "ScriptProperty" | "AliasProperty" | "ScriptMethod";

interface Property {
  name: string;
  value: unknown;
  hidden?: boolean;
  kind?: MemberKind;
  /** A computed property's getter (ScriptProperty, AliasProperty): read each time the property is. */
  read?: () => unknown;
  /** Its setter; null when it has none (setting it is then an error: see settable). */
  write?: ((value: unknown) => void) | null;
  /** What Get-Member shows as the member's definition (`Name = Target`, `System.Object Name {get=…;}`). */
  definition?: string;
}

/** `[pscustomobject]@{ … }`: an object with case-insensitive note properties in order. */
export class PSCustomObject {
  #properties = new Map<string, Property>();
  /**
   * PowerShell's PSTypeNames, most derived first, when they are not the default — e.g. an object that came over the
   * wire carries `Deserialized.System.Management.Automation.PSRemotingJob`, …; unset for an ordinary object.
   */
  typeNames?: string[];

  static from(table: PSHashtable): PSCustomObject {
    const object = new PSCustomObject();
    for (const [key, value] of table.entries()) object.set(String(key), value);
    return object;
  }

  has(name: string): boolean {
    return this.#properties.has(name.toLowerCase());
  }

  get(name: string): unknown {
    const property = this.#properties.get(name.toLowerCase());
    if (!property) return null;
    return property.read ? property.read() ?? null : property.value ?? null;
  }

  set(name: string, value: unknown): void {
    const existing = this.#properties.get(name.toLowerCase());
    if (existing?.read) existing.write?.(value);
    else if (existing) existing.value = value;
    else this.#properties.set(name.toLowerCase(), { name, value });
  }

  /** Sets a property that scripts can read but display and enumeration skip (PSShowComputerName on remote output). */
  setHidden(name: string, value: unknown): void {
    this.#properties.set(name.toLowerCase(), { name, value, hidden: true });
  }

  names(): string[] {
    const names: string[] = [];
    for (const p of this.#properties.values()) if (!p.hidden) names.push(p.name);
    return names;
  }

  /**
   * Adds (or replaces) a member that is not a plain note: a computed property (`read`, and `write` unless it is
   * read-only) or a method, which display and enumeration skip as PowerShell's do (its value is the method).
   */
  define(name: string, kind: MemberKind, member: Partial<Pick<Property, "read" | "write" | "value" | "definition">>): void {
    const { read, write = null, value = null, definition } = member;
    this.#properties.set(name.toLowerCase(), { name, value, kind, read, write, definition, hidden: kind === "ScriptMethod" });
  }

  /** The definition Get-Member shows for a member Add-Member defined (undefined for a note property). */
  definitionOf(name: string): string | undefined {
    return this.#properties.get(name.toLowerCase())?.definition;
  }

  /** The kind of the member `name` (a note property unless Add-Member said otherwise); undefined when there is none. */
  kindOf(name: string): MemberKind | undefined {
    const property = this.#properties.get(name.toLowerCase());
    return property ? property.kind ?? "NoteProperty" : undefined;
  }

  /** False for a computed property without a setter. */
  settable(name: string): boolean {
    const property = this.#properties.get(name.toLowerCase());
    return !property?.read || !!property.write;
  }

  /** The methods Add-Member added (hidden from display, listed by Get-Member). */
  methodNames(): string[] {
    const names: string[] = [];
    for (const p of this.#properties.values()) if (p.kind === "ScriptMethod") names.push(p.name);
    return names;
  }

  /** Removes a property (`.PSObject.Properties.Remove('Name')`). */
  remove(name: string): void {
    this.#properties.delete(name.toLowerCase());
  }
}

/**
 * A System.TimeSpan as PowerShell lists it (Days … TotalMilliseconds), from a duration in milliseconds (Measure-Command,
 * `$date2 - $date1`). A negative span has negative parts, as .NET's.
 */
export function timeSpan(ms: number): PSCustomObject {
  const ticks = Math.round(ms * 10_000);
  const sign = ticks < 0 ? -1 : 1;
  const abs = Math.abs(ticks);
  const span = new PSCustomObject();
  span.typeNames = ["System.TimeSpan", "System.ValueType", "System.Object"];
  const part = (unit: number, modulo: number) => sign * (Math.floor(abs / unit) % modulo) || 0;
  span.set("Days", sign * Math.floor(abs / 864_000_000_000) || 0);
  span.set("Hours", part(36_000_000_000, 24));
  span.set("Minutes", part(600_000_000, 60));
  span.set("Seconds", part(10_000_000, 60));
  span.set("Milliseconds", part(10_000, 1000));
  span.set("Ticks", ticks);
  span.set("TotalDays", ticks / 864_000_000_000);
  span.set("TotalHours", ticks / 36_000_000_000);
  span.set("TotalMinutes", ticks / 600_000_000);
  span.set("TotalSeconds", ticks / 10_000_000);
  span.set("TotalMilliseconds", ticks / 10_000);
  return span;
}

/** The milliseconds of a TimeSpan made by timeSpan, or null for anything else. */
export function timeSpanMs(value: unknown): number | null {
  return value instanceof PSCustomObject && value.typeNames?.[0] === "System.TimeSpan" ? Number(value.get("TotalMilliseconds")) : null;
}

/**
 * A .NET `List[T]` or `ArrayList`: an array (it enumerates, indexes and counts as one) that also grows in place with
 * Add/Insert/Remove — a PowerShell array (`@()`) is fixed-size. Copies and slices are plain arrays.
 */
export class PSList extends Array<unknown> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  constructor(readonly arrayList = false) {
    super();
  }
}

/**
 * A `[char]` (System.Char): one UTF-16 code unit. Not a one-letter string, because PowerShell treats a char as a
 * number in conversions and arithmetic (`[int][char]'A'` is 65, `[char]'a' + 1` is 98) and as text in strings and
 * comparisons with text (`'x' + [char]'y'` is `xy`, `[char]'a' -eq 'A'`). `'abc'[0]`, `.ToCharArray()`,
 * `[char[]]'abc'` and `[char]65` make them.
 */
export class PSChar {
  constructor(readonly code: number) {}

  /** The character, for JS contexts (`${c}`, an embedder's JSON). */
  toString(): string {
    return String.fromCharCode(this.code);
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * A scalar (string, number, boolean, date) with note properties: PowerShell wraps a remote command's scalar output
 * in a PSObject so that it still carries PSComputerName and RunspaceId (about_Remote_Output). Conversions, operators
 * and display see the base value; member access sees the notes first.
 */
export class NotedScalar {
  /** `typeName`: the .NET type it stands for when not its base's (a location is a PathInfo that is its path in text). */
  constructor(readonly base: string | number | boolean | Date, readonly notes: PSCustomObject, readonly typeName: string | null = null) {}

  // An embedder holding a raw output value gets the base in JS contexts too (`JSON.stringify`, `+x`, `${x}`).
  toJSON(): unknown {
    return this.base;
  }

  valueOf(): unknown {
    return this.base.valueOf();
  }

  toString(): string {
    return String(this.base);
  }

  // console.log of a raw output value shows the base, on Node and on Deno.
  [Symbol.for("nodejs.util.inspect.custom")](): unknown {
    return this.base;
  }

  [Symbol.for("Deno.customInspect")](inspect?: (value: unknown) => string): string {
    return inspect ? inspect(this.base) : String(this.base);
  }
}

/** The value under a NotedScalar's notes (anything else is its own base). */
export const baseOf = (value: unknown): unknown => (value instanceof NotedScalar ? value.base : value);

/**
 * An object whose properties are read live from something else (a job, a session): its State changes while a
 * script holds it. Read-only, with a fixed property order; subclasses say which names and how each is read.
 */
export abstract class LiveObject extends PSCustomObject {
  constructor(readonly propertyNames: readonly string[]) {
    super();
  }

  /** The value of a property, by lower-cased name. */
  protected abstract read(name: string): unknown;

  override has(name: string): boolean {
    return this.propertyNames.some((n) => n.toLowerCase() === name.toLowerCase());
  }

  override get(name: string): unknown {
    return this.has(name) ? this.read(name.toLowerCase()) ?? null : null;
  }

  override set(_name: string, _value: unknown): void {}

  override names(): string[] {
    return [...this.propertyNames];
  }
}

/**
 * An independent copy of a value for another runspace ($using:, job arguments, job output): hashtables, objects,
 * arrays and dates are copied deeply, so two sessions never share a mutable value. Other objects (script blocks)
 * are immutable and pass as they are.
 */
export function structuredCopy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(structuredCopy(item, seen));
    return copy;
  }
  if (value instanceof PSHashtable) {
    const copy = new PSHashtable();
    seen.set(value, copy);
    copy.ordered = value.ordered;
    for (const [k, v] of value.entries()) copy.set(structuredCopy(k, seen), structuredCopy(v, seen));
    return copy;
  }
  if (value instanceof PSCustomObject && value.constructor === PSCustomObject) {
    const copy = new PSCustomObject();
    seen.set(value, copy);
    if (value.typeNames) copy.typeNames = [...value.typeNames];
    for (const name of value.names()) copy.set(name, structuredCopy(value.get(name), seen));
    return copy;
  }
  return value;
}
