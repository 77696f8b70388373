/** Small utility commands: Get-Random, New-Guid, Measure-Command, Get-Host, Clear-Host. */
import type { BuiltinCommand, CommandContext } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { then } from "../engine/maybe.ts";
import { ConversionError, enumerate, toNumber, toStr } from "../values/convert.ts";
import { EMPTY_GUID, guidValue, parseGuid } from "../values/guid.ts";
import { PSCustomObject, PSHashtable, timeSpan } from "../values/objects.ts";

/** A seedable generator (mulberry32 twice for 53 bits): a session keeps one, so `-SetSeed` makes what follows repeat. */
class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  #next32(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** A double in [0, 1). */
  next(): number {
    return (Math.floor(this.#next32() * 2 ** 21) * 2 ** 32 + Math.floor(this.#next32() * 2 ** 32)) / 2 ** 53;
  }
}

const RANDOM_KEY = "misc.random";

function generator(ctx: CommandContext, params: Map<string, unknown>): SeededRandom {
  const { extensions } = ctx.session;
  if (params.has("SetSeed")) extensions.set(RANDOM_KEY, new SeededRandom(toNumber(params.get("SetSeed"))));
  if (!extensions.has(RANDOM_KEY)) extensions.set(RANDOM_KEY, new SeededRandom(Math.floor(Math.random() * 2 ** 32)));
  return extensions.get(RANDOM_KEY) as SeededRandom;
}

function getRandomError(message: string, id: string, target: unknown): never {
  throw new RuntimeError(new ErrorRecord(message, `${id},Microsoft.PowerShell.Commands.GetRandomCommand`, "InvalidArgument", null, null, target, "Get-Random"));
}

/**
 * A number in [Minimum, Maximum): integers when neither bound is fractional (then Maximum defaults to Int32's
 * largest), else doubles (Maximum defaults to Double's largest), as GetRandomCommand.BeginProcessing chooses.
 */
function randomNumber(random: SeededRandom, params: Map<string, unknown>): number {
  const bound = (name: string): number | null => {
    const value = params.get(name);
    if (value === undefined || value === null) return null;
    try {
      return toNumber(value);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      return getRandomError(`Cannot process argument transformation on parameter '${name}'. ${e.message}`, "ParameterArgumentTransformationError", value);
    }
  };
  const [minimum, maximum] = [bound("Minimum"), bound("Maximum")];
  const integral = (minimum === null || Number.isInteger(minimum)) && (maximum === null || Number.isInteger(maximum));
  const min = minimum ?? 0;
  const max = maximum ?? (integral ? 2147483647 : Number.MAX_VALUE);
  if (min >= max) {
    getRandomError(`The Minimum value (${toStr(min)}) cannot be greater than or equal to the Maximum value (${toStr(max)}).`, "MinGreaterThanOrEqualMax", null);
  }
  // Scaling each bound keeps the widest double range finite; rounding can reach max, so draw again then (as pwsh).
  for (;;) {
    const r = random.next();
    const value = integral ? Math.floor(min + r * (max - min)) : min + r * max - r * min;
    if (value < max) return value;
  }
}

/** `count` distinct items drawn in random order (a partial Fisher–Yates shuffle). */
function draw(random: SeededRandom, items: unknown[], count: number): unknown[] {
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}

export const getRandom: BuiltinCommand = {
  name: "Get-Random",
  parameters: [
    { name: "Maximum", position: 0, type: "object" },
    { name: "Minimum", type: "object" },
    { name: "InputObject", pipeline: true, type: "object" },
    { name: "Count", type: "int", validateRange: [1, 2147483647] },
    { name: "Shuffle", type: "switch" },
    { name: "SetSeed", type: "int" },
  ],
  begin: () => ({ items: [] as unknown[], piped: false }),
  process(_ctx, params, input, state) {
    const s = state as { items: unknown[]; piped: boolean };
    if (input !== undefined) {
      s.piped = true;
      s.items.push(input);
    } else if (params.has("InputObject")) {
      s.piped = true;
      s.items.push(...enumerate(params.get("InputObject")));
    }
  },
  end(ctx, params, state) {
    const { items, piped } = state as { items: unknown[]; piped: boolean };
    const random = generator(ctx, params);
    if (piped || params.get("Shuffle")) {
      if (items.length === 0) return;
      const count = params.get("Shuffle") ? items.length : toNumber(params.get("Count") ?? 1);
      return ctx.emitAll(draw(random, items, count));
    }
    const numbers = Array.from({ length: toNumber(params.get("Count") ?? 1) }, () => randomNumber(random, params));
    return ctx.emitAll(numbers);
  },
};

export const newGuid: BuiltinCommand = {
  name: "New-Guid",
  // -InputObject (PowerShell 7.4+): a GUID's text, from the pipeline too, read as a Guid.
  parameters: [{ name: "Empty", type: "switch" }, { name: "InputObject", pipeline: true, type: "string" }],
  process(ctx, params, input) {
    const text = input !== undefined ? toStr(input) : params.has("InputObject") ? toStr(params.get("InputObject")) : null;
    if (text === null) return ctx.emit(guidValue(params.get("Empty") ? EMPTY_GUID : crypto.randomUUID()));
    const parsed = parseGuid(text);
    if (parsed !== null) return ctx.emit(guidValue(parsed));
    // NewGuidCommand writes the FormatException of `new Guid(text)`.
    ctx.writeError("Unrecognized Guid format.", "StringNotRecognizedAsGuid,Microsoft.PowerShell.Commands.NewGuidCommand", "New-Guid");
  },
};

export const measureCommand: BuiltinCommand = {
  name: "Measure-Command",
  parameters: [
    { name: "Expression", position: 0, type: "scriptblock", mandatory: true },
    { name: "InputObject", pipeline: true, type: "object" },
  ],
  begin: () => ({ elapsed: 0 }),
  // The block runs in the caller's scope (MeasureCommandCommand: useLocalScope false), once per input with `$_`;
  // its output is discarded and only the time it ran counts.
  process(ctx, params, input, state) {
    const started = performance.now();
    return then(ctx.invokeInScope(params.get("Expression"), input ?? null), () => void ((state as { elapsed: number }).elapsed += performance.now() - started));
  },
  end: (ctx, _params, state) => ctx.emit(timeSpan((state as { elapsed: number }).elapsed)),
};

const SPAN_UNITS: [string, number][] = [["Days", 86_400_000], ["Hours", 3_600_000], ["Minutes", 60_000], ["Seconds", 1000], ["Milliseconds", 1]];

/** New-TimeSpan: from -Start to -End (either defaults to now), or from -Days … -Milliseconds. */
export const newTimeSpan: BuiltinCommand = {
  name: "New-TimeSpan",
  parameters: [
    { name: "Start", aliases: ["LastWriteTime"], position: 0, type: "datetime" },
    { name: "End", position: 1, type: "datetime" },
    ...SPAN_UNITS.map(([name]) => ({ name, type: "double" })),
  ],
  end(ctx, params) {
    if (params.has("Start") || params.has("End")) {
      const start = (params.get("Start") as Date | undefined) ?? new Date();
      const end = (params.get("End") as Date | undefined) ?? new Date();
      return ctx.emit(timeSpan(end.getTime() - start.getTime()));
    }
    return ctx.emit(timeSpan(SPAN_UNITS.reduce((ms, [name, unit]) => ms + toNumber(params.get(name) ?? 0) * unit, 0)));
  },
};

const HOST_KEY = "misc.hostInstanceId";

export const getHost: BuiltinCommand = {
  name: "Get-Host",
  parameters: [],
  process(ctx) {
    const { extensions } = ctx.session;
    if (!extensions.has(HOST_KEY)) extensions.set(HOST_KEY, crypto.randomUUID());
    const versions = ctx.scope.global.lookup("PSVersionTable")?.value;
    const host = new PSCustomObject();
    host.set("Name", "rsh");
    host.set("Version", versions instanceof PSHashtable ? versions.get("PSVersion") : null);
    host.set("InstanceId", guidValue(toStr(extensions.get(HOST_KEY))));
    host.set("CurrentCulture", "en-US");
    host.set("CurrentUICulture", "en-US");
    host.set("IsRunspacePushed", ctx.session.entered() !== null);
    return ctx.emit(host);
  },
};

export const clearHost: BuiltinCommand = {
  name: "Clear-Host",
  // `clear` is the native program on Linux; PowerShell there keeps only `cls`.
  aliases: ["cls"],
  parameters: [],
  // Home the cursor, erase the screen and the scrollback: what the `clear` program writes for xterm-compatible
  // terminals, which pwsh's Clear-Host leaves to on Unix.
  process: (ctx) => ctx.host.host("\x1b[H\x1b[2J\x1b[3J"),
};
