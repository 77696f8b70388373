/**
 * The remoting value serializer: every kind of value survives serialize → JSON text → deserialize; depth and cycles
 * are cut with one warning each; error records keep their fields and concise view; malformed input from the network
 * throws SerializationError and nothing else.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOrThrow } from "../../grammar/mod.ts";
import { ErrorRecord } from "../../src/engine/errors.ts";
import { TypeValue } from "../../src/engine/operators.ts";
import {
  deserialize,
  deserializeError,
  MAX_NESTING,
  SerializationError,
  serialize,
  serializeError,
  type Wire,
} from "../../src/remoting/serializer.ts";
import { Job } from "../../src/runspace/jobs.ts";
import { LocalRunspace } from "../../src/runspace/local_runspace.ts";
import { PSChar, PSCustomObject, PSHashtable } from "../../src/values/objects.ts";

const overJson = (data: Wire): Wire => JSON.parse(JSON.stringify(data));
/** serialize → JSON text → deserialize. */
function trip(value: unknown, depth?: number): { value: unknown; warnings: string[] } {
  const { data, warnings } = serialize(value, depth === undefined ? {} : { depth });
  return { value: deserialize(overJson(data)), warnings };
}
const roundTrip = (value: unknown) => trip(value).value;

function table(entries: [unknown, unknown][], ordered = false): PSHashtable {
  const t = new PSHashtable();
  t.ordered = ordered;
  for (const [k, v] of entries) t.set(k, v);
  return t;
}

function object(entries: [string, unknown][]): PSCustomObject {
  const o = new PSCustomObject();
  for (const [k, v] of entries) o.set(k, v);
  return o;
}

/** Runs a script in a fresh runspace; returns its output objects and error records. */
async function run(source: string, file = "script.rsh"): Promise<{ output: unknown[]; errors: ErrorRecord[] }> {
  const output: unknown[] = [];
  const errors: ErrorRecord[] = [];
  const runspace = new LocalRunspace({ host: { output: (v) => void output.push(v), error: (r) => void errors.push(r), host: () => {} } });
  await runspace.run(parseOrThrow(source, file), { source });
  return { output, errors };
}

const values = suite("serializer: values round-trip");

values("primitives: plain JSON for the common ones, tags keep NaN, infinities and -0", () => {
  for (const v of [null, true, false, "", "text", "ünï\u{1F600}", 0, 42, -7.5, 1e300, Number.MAX_VALUE, Number.MIN_VALUE]) {
    assert.is(serialize(v).data, v);
    assert.is(roundTrip(v), v);
  }
  assert.is(roundTrip(undefined), null);
  assert.ok(Number.isNaN(roundTrip(NaN)));
  assert.is(roundTrip(Infinity), Infinity);
  assert.is(roundTrip(-Infinity), -Infinity);
  assert.ok(Object.is(roundTrip(-0), -0));
  assert.equal(roundTrip([1, NaN, -0, "a", null, [true]]), [1, NaN, -0, "a", null, [true]]);
});

values("dates keep their instant", () => {
  const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123));
  const back = roundTrip(d) as Date;
  assert.instance(back, Date);
  assert.is(back.getTime(), d.getTime());
  assert.ok(Number.isNaN((roundTrip(new Date(NaN)) as Date).getTime()));
});

values("a [char] stays a char (PowerShell's CLIXML has a char element of its own)", () => {
  const back = roundTrip([new PSChar(97), "a"]) as unknown[];
  assert.instance(back[0], PSChar);
  assert.is((back[0] as PSChar).code, 97);
  assert.is(back[1], "a");
});

values("a Dictionary's case-sensitive keys stay apart on the receiver", () => {
  const dictionary = new PSHashtable();
  dictionary.caseSensitive = true;
  dictionary.set("a", 1);
  dictionary.set("A", 2);
  const back = roundTrip(dictionary) as PSHashtable;
  assert.is(back.caseSensitive, true);
  assert.equal(back.entries(), [["a", 1], ["A", 2]]);
});

values("hashtables keep order, case-insensitivity, the ordered flag and non-string keys", () => {
  const when = new Date(0);
  const t = table([["Zeta", 1], ["alpha", "two"], [3, "three"], [true, [1, 2]], ["Nested", table([["x", 1]])], [when, "epoch"]], true);
  const back = roundTrip(t) as PSHashtable;
  assert.instance(back, PSHashtable);
  assert.ok(back.ordered);
  assert.equal(back.keys().slice(0, 5), ["Zeta", "alpha", 3, true, "Nested"]);
  assert.is(back.get("ZETA"), 1);
  assert.is(back.get("Alpha"), "two");
  assert.is(back.get(3), "three");
  assert.equal(back.get(true), [1, 2]);
  assert.is((back.get("nested") as PSHashtable).get("X"), 1);
  assert.is((back.keys()[5] as Date).getTime(), 0);
  assert.not.ok((roundTrip(table([["a", 1]])) as PSHashtable).ordered);
});

values("objects keep property order (numeric names too) and case-insensitive names", () => {
  const o = object([["Name", "x"], ["2", "two"], ["1", "one"], ["Inner", object([["Deep", [1, 2]]])]]);
  const back = roundTrip(o) as PSCustomObject;
  assert.is(back.constructor, PSCustomObject);
  assert.equal(back.names(), ["Name", "2", "1", "Inner"]);
  assert.is(back.get("NAME"), "x");
  assert.equal((back.get("inner") as PSCustomObject).get("deep"), [1, 2]);
  assert.is(back.typeNames, undefined);
  const typed = object([["a", 1]]);
  typed.typeNames = ["Deserialized.Foo", "Deserialized.System.Object"];
  assert.equal((roundTrip(typed) as PSCustomObject).typeNames, typed.typeNames, "names already Deserialized. stay as they are");
  typed.typeNames = ["My.Type", "System.Management.Automation.PSCustomObject", "System.Object"];
  assert.equal((roundTrip(typed) as PSCustomObject).typeNames, typed.typeNames.map((t) => `Deserialized.${t}`));
});

values("live objects and other objects become Deserialized. property bags", () => {
  const job = new Job(7, "Job7", "Start-Sleep 1");
  const view = roundTrip(job.view) as PSCustomObject;
  assert.is(view.constructor, PSCustomObject);
  assert.equal(view.typeNames, [
    "Deserialized.System.Management.Automation.PSRemotingJob",
    "Deserialized.System.Management.Automation.Job",
    "Deserialized.System.Object",
  ]);
  assert.equal(view.names(), job.view.names());
  assert.is(view.get("id"), 7);
  assert.is(view.get("State"), "NotStarted");
  assert.is(view.get("InstanceId"), job.instanceId);

  class Gadget {
    size = 3;
    get label() {
      return "big";
    }
    get broken(): string {
      throw new Error("no");
    }
    method() {}
  }
  const gadget = roundTrip(new Gadget()) as PSCustomObject;
  assert.equal(gadget.typeNames, ["Deserialized.rsh.Gadget", "Deserialized.System.Object"]);
  assert.equal(gadget.names(), ["size", "label"]);
  assert.is(gadget.get("Label"), "big");
  assert.equal((roundTrip({ x: 1 }) as PSCustomObject).typeNames, ["Deserialized.System.Object"]);
  const regex = roundTrip(/a+b/i) as PSCustomObject;
  assert.is(regex.get("Pattern"), "a+b");
  assert.is(regex.typeNames![0], "Deserialized.System.Text.RegularExpressions.Regex");
});

values("script blocks travel as their text, type literals as their name", async () => {
  const { output } = await run("{ Get-Date | Out-String }");
  assert.is(roundTrip(output[0]), " Get-Date | Out-String ");
  assert.is(roundTrip(new TypeValue("int")), "int");
});

values("shared references are duplicated without a warning", () => {
  const shared = table([["k", 1]]);
  const { value, warnings } = trip([shared, shared]);
  assert.equal(warnings, []);
  const [a, b] = value as PSHashtable[];
  assert.is.not(a, b);
  assert.is(b.get("k"), 1);
});

values("a million small integers in arrays of a thousand", () => {
  const data = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 1000 }, (_, j) => i * 1000 + j));
  const back = roundTrip(data) as number[][];
  assert.is(back.length, 1000);
  assert.is(back[999][999], 999_999);
});

values.run();

const limits = suite("serializer: depth and cycles");

function chain(levels: number): PSHashtable {
  let t = table([["leaf", "end"]]);
  for (let i = levels - 1; i > 0; i--) t = table([["next", t]]);
  return t;
}

limits("depth: deeper values go as their string form, with one warning that says where", () => {
  const { value, warnings } = trip([chain(5), chain(5)], 3);
  const first = (value as PSHashtable[])[0];
  const third = (first.get("next") as PSHashtable).get("next");
  assert.is(third, "System.Collections.Hashtable");
  assert.is(warnings.length, 1);
  assert.match(warnings[0], /depth 3 exceeded: 2 value\(s\)/);
  assert.match(warnings[0], /first at \[0\]\.next\.next, a System\.Collections\.Hashtable/);
  assert.equal(trip(chain(3), 3).warnings, [], "exactly at the depth: nothing lost");
  const top = trip(object([["a", [1, 2]]]), 0);
  assert.is(top.value, "@{a=1 2}");
  assert.is(top.warnings.length, 1);
  assert.equal(trip([1, "a", NaN, new Date(0)], 1).warnings, [], "scalars never count as a level");
});

limits("depth: the default is 10 and a huge depth is capped at what a receiver accepts", () => {
  assert.is(trip(chain(10)).warnings.length, 0);
  assert.is(trip(chain(11)).warnings.length, 1);
  const { value, warnings } = trip(chain(MAX_NESTING + 5), 100_000);
  assert.is(warnings.length, 1);
  assert.instance(value, PSHashtable);
});

limits("cycles are cut where they repeat, with one warning", () => {
  const t = table([["name", "t"]]);
  t.set("self", t);
  const o = object([["Name", "o"]]);
  o.set("Me", o);
  const a: unknown[] = [1];
  a.push(a);
  const { value, warnings } = trip([t, o, a]);
  const [bt, bo, ba] = value as [PSHashtable, PSCustomObject, unknown[]];
  assert.is(bt.get("self"), "System.Collections.Hashtable");
  assert.is(typeof bo.get("me"), "string");
  assert.is(typeof ba[1], "string");
  assert.is(warnings.length, 1);
  assert.match(warnings[0], /cut 3 circular reference\(s\) \(first at \[0\]\.self, a System\.Collections\.Hashtable\)/);
});

limits.run();

const errors = suite("serializer: error records");

const SCRIPT = "# a comment\n$x = 1\nfunction f {\n  throw @{ Reason = 'bad'; Code = 7 }\n}\n" + "# filler\n".repeat(2000) + "f\n";

errors("fields, target object and the concise view survive; only the span's lines travel", async () => {
  const { errors: records } = await run(SCRIPT, "big.rsh");
  const record = records[0] ?? assert.unreachable("the script fails");
  const wire = overJson(serializeError(record));
  assert.ok(JSON.stringify(wire).length < 400, "the 18 KB script is not shipped");
  const back = deserializeError(wire);
  assert.instance(back, ErrorRecord);
  assert.is(back.message, record.message);
  assert.is(back.fullyQualifiedErrorId, record.fullyQualifiedErrorId);
  assert.is(back.category, record.category);
  // A parsed span computes its positions when read; what travels is its plain { file, start, end } form.
  assert.equal(back.span, JSON.parse(JSON.stringify(record.span)));
  assert.is(back.source, "  throw @{ Reason = 'bad'; Code = 7 }");
  assert.is((back.targetObject as PSHashtable).get("code"), 7);
  assert.is(back.format(), record.format());
  assert.is(back.sourceLine(), record.sourceLine(), "$_.InvocationInfo.Line on the receiver");
  assert.is(deserializeError(overJson(serializeError(back))).format(), record.format(), "a second trip too");
});

errors("Write-Error's ErrorDetails and CategoryInfo parts travel too (pwsh serializes the whole ErrorRecord)", async () => {
  const { errors: records } = await run("Write-Error 'disk full' -RecommendedAction 'free some space' -CategoryActivity 'Saving' -CategoryReason 'IOException' -CategoryTargetName 'log.txt'");
  const back = deserializeError(overJson(serializeError(records[0])));
  assert.equal(back.errorDetails, { message: records[0].errorDetails?.message ?? "", recommendedAction: "free some space" });
  assert.equal(back.categoryOverrides, { activity: "Saving", reason: "IOException", targetName: "log.txt", targetType: undefined });
});

errors("Write-Error's command name, multi-line spans and records inside values", async () => {
  const { errors: records } = await run("$y = 2\nWrite-Error 'oops'\n$z = (1 +\n  $null.Foo())\n");
  assert.ok(records.length >= 2);
  for (const record of records) {
    const back = deserializeError(overJson(serializeError(record)));
    assert.is(back.commandName, record.commandName);
    assert.is(back.format(), record.format());
  }
  assert.is(records[0].commandName, "Write-Error");
  const [inArray] = roundTrip([records[0]]) as ErrorRecord[];
  assert.is(inArray.format(), records[0].format());
  const at = (line: number, column: number, offset: number) => ({ line, column, offset });
  const source = "a\r\nfoo(1,\r\n  2)\r\nz";
  const multi = new ErrorRecord("multi", "Id", "ParserError", { file: "m.rsh", start: at(2, 1, 3), end: at(3, 5, 15) }, source);
  const multiBack = deserializeError(overJson(serializeError(multi)));
  assert.is(multiBack.source, "foo(1,\r\n  2)\r", "the lines the span touches");
  assert.is(multiBack.format(), multi.format());
  const long = "x = f(\n" + "  1,\n".repeat(5000) + ")\nnext";
  const wide = new ErrorRecord("wide", "Id", "ParserError", { file: "w.rsh", start: at(1, 5, 4), end: at(5002, 2, long.length - 5) }, long);
  const wideBack = deserializeError(overJson(serializeError(wide)));
  assert.is(wideBack.source, "x = f(", "a span over 16 KB of lines ships only its first line");
  assert.is(wideBack.format(), wide.format());
  const bare = new ErrorRecord("no position", "Id", "NotSpecified", null, "ignored source");
  (bare as { computerName?: string | null }).computerName = "server1";
  const back = deserializeError(overJson(serializeError(bare)));
  assert.is(back.source, null);
  assert.is(back.format(), "no position");
  assert.is((back as { computerName?: string | null }).computerName, "server1");
});

errors.run();

const malformed = suite("serializer: malformed input throws SerializationError only");

function rejects(data: unknown, why: string): void {
  try {
    deserialize(data as Wire);
  } catch (error) {
    if (error instanceof SerializationError) return;
    assert.unreachable(`${why}: threw ${error}`);
  }
  assert.unreachable(`${why}: was accepted`);
}

const errorWire = { $: "err", m: "m", id: "i", c: "c", s: ["f", 1, 1, 0, 1, 3, 2], src: "abc" };

malformed("wrong tags and wrong field types", () => {
  const cases: [unknown, string][] = [
    [{}, "no tag"], [{ $: 1 }, "numeric tag"], [{ $: "nope" }, "unknown tag"], [{ $: "__proto__" }, "proto tag"],
    [{ $: "num", v: "5" }, "not a special number"], [{ $: "num", v: 5 }, "number field"], [{ $: "num" }, "missing v"],
    [{ $: "num", v: "constructor" }, "inherited name"],
    [{ $: "char", v: 70000 }, "char beyond a code unit"], [{ $: "char", v: "a" }, "char as text"],
    [{ $: "date", v: "2020" }, "date string"], [{ $: "date", v: 1e20 }, "date out of range"], [{ $: "date" }, "no date"],
    [{ $: "ht", e: [1] }, "odd entries"], [{ $: "ht", e: {} }, "entries not a list"], [{ $: "ht", e: ["a", 1, "A", 2] }, "duplicate key"],
    [{ $: "ht", e: [], o: "yes" }, "ordered not a boolean"],
    [{ $: "obj", p: [1, 2] }, "numeric property name"], [{ $: "obj", p: ["a"] }, "odd properties"], [{ $: "obj" }, "no properties"],
    [{ $: "obj", p: ["a", 1, "A", 2] }, "duplicate property"], [{ $: "obj", p: [], t: [1] }, "numeric type name"],
    [{ $: "obj", p: [], t: "x" }, "type names not a list"],
    [{ ...errorWire, m: 1 }, "message not a string"], [{ ...errorWire, id: null }, "no id"], [{ ...errorWire, s: [1] }, "short span"],
    [{ ...errorWire, s: ["f", 0, 1, 0, 1, 1, 0] }, "line 0"], [{ ...errorWire, s: ["f", 1, 1.5, 0, 1, 2, 1] }, "fractional column"],
    [{ ...errorWire, s: ["f", 1, 1, 5, 1, 1, 2] }, "span ends before it starts"],
    [{ ...errorWire, s: ["f", 1, 1e9, 0, 1, 1e9, 1] }, "column far beyond the excerpt (a huge repeat in format())"],
    [{ ...errorWire, s: ["f", 1, 1, 10, 1, 2, 11] }, "span outside the excerpt"], [{ ...errorWire, b: -1 }, "negative base"],
    [{ ...errorWire, s: null }, "excerpt without a span"], [{ ...errorWire, cmd: 3 }, "numeric command name"], [{ ...errorWire, pc: [] }, "computer name not a string"],
    [{ ...errorWire, t: { $: "bad" } }, "bad target object"],
    [{ ...errorWire, ed: ["only one"] }, "short error details"], [{ ...errorWire, co: [1, null, null, null] }, "numeric category part"],
    [NaN, "bare NaN"], [Infinity, "bare infinity"], [undefined, "undefined"], [() => 1, "function"], [Symbol("s"), "symbol"],
    [[1, undefined], "undefined element"], [new Date(), "a Date instead of JSON"], [new Map(), "a Map"], [10n, "bigint"],
    [{ $: "ht", e: [10n, 1] }, "bigint key"],
  ];
  for (const [data, why] of cases) rejects(data, why);
  assert.throws(() => deserializeError("just text"), (e: unknown) => e instanceof SerializationError);
  const hostile = new Proxy({}, { getPrototypeOf: () => Object.prototype, get: () => { throw new TypeError("trap"); } });
  rejects(hostile, "a proxy that throws");
});

malformed("nesting is capped at MAX_NESTING; huge flat arrays are fine", () => {
  const nest = (levels: number, wrap: (inner: unknown) => unknown) => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = wrap(v);
    return v;
  };
  assert.ok(deserialize(nest(MAX_NESTING, (v) => [v]) as Wire));
  rejects(nest(MAX_NESTING + 1, (v) => [v]), "arrays too deep");
  rejects(nest(1_000_000, (v) => [v]), "a million levels");
  rejects(nest(100_000, (v) => ({ $: "obj", p: ["a", v] })), "objects too deep");
  rejects(nest(100_000, (v) => ({ $: "ht", e: [v, 1] })), "keys too deep");
  rejects(JSON.parse("[".repeat(5000) + "]".repeat(5000)), "parsed JSON too deep");
  assert.is((deserialize(new Array(2_000_000).fill("x")) as string[]).length, 2_000_000);
});

malformed("random damage to valid data never escapes as another error", () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const junk: unknown[] = [null, true, 0, -1, 1.5, "", "x", "num", "err", "obj", "ht", "date", [], {}, [1, 2, 3], { $: "obj" }, 1e300];
  const o = object([["a", [1, { b: 2 }]], ["when", new Date(5)], ["n", NaN]]);
  const samples = [
    serialize([table([["k", o], [2, [-0, Infinity]]], true), o]).data,
    serializeError(new ErrorRecord("m", "id", "cat", { file: "f", start: { line: 2, column: 3, offset: 6 }, end: { line: 2, column: 5, offset: 8 } }, "ab\ncdefgh\nij", o, "Cmd")),
  ];
  const mutate = (v: unknown): unknown => {
    if (random() < 0.15) return junk[Math.floor(random() * junk.length)];
    if (Array.isArray(v)) {
      const copy = v.map(mutate);
      if (random() < 0.1) copy.pop();
      return copy;
    }
    if (v && typeof v === "object") {
      const copy: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (random() > 0.05) copy[k] = mutate(x);
      return copy;
    }
    return v;
  };
  let accepted = 0;
  for (let i = 0; i < 3000; i++) {
    const data = mutate(overJson(samples[i % samples.length]));
    try {
      const value = deserialize(data as Wire);
      accepted++;
      if (value instanceof ErrorRecord) value.format();
      serialize(value);
    } catch (error) {
      if (!(error instanceof SerializationError)) assert.unreachable(`threw ${error} for ${JSON.stringify(data)}`);
    }
  }
  assert.ok(accepted > 10 && accepted < 3000, `some damage is harmless, most is caught (${accepted} accepted)`);
});

malformed.run();
