/** approximateSize: the estimate behind the server's maxSessionMemoryMB. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { PSCustomObject, PSHashtable } from "../../src/values/objects.ts";
import { approximateSize } from "../../src/values/size.ts";

const size = suite("values: approximateSize");

size("strings count two bytes a character; a value reached twice (or through a cycle) counts once", () => {
  const text = "x".repeat(1000);
  assert.ok(approximateSize([text]) >= 2000);
  const shared = ["y".repeat(10_000)];
  assert.is(approximateSize([shared, shared]), approximateSize([shared]));
  const cyclic: unknown[] = [1, 2];
  cyclic.push(cyclic);
  assert.ok(approximateSize([cyclic]) < 200);
});

size("hashtables and objects count their keys and values; a million numbers is megabytes", () => {
  const table = new PSHashtable();
  table.set("key", "v".repeat(5000));
  const object = new PSCustomObject();
  object.set("Name", table);
  assert.ok(approximateSize([object]) >= 10_000);
  const numbers = Array.from({ length: 1_000_000 }, (_, i) => i);
  assert.ok(approximateSize([numbers]) >= 8_000_000);
});

size("counting stops soon after the budget is passed", () => {
  const many = Array.from({ length: 1000 }, () => ["z".repeat(1000)]);
  const full = approximateSize([many]);
  const capped = approximateSize([many], 10_000);
  assert.ok(capped > 10_000 && capped < full / 10, `${capped} of ${full}`);
});

size.run();
