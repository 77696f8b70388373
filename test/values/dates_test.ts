/**
 * Dates written as text are read as .NET's DateTime.Parse reads them: a date alone is midnight local time, whatever
 * the time zone (JS's Date reads that one ISO form as UTC, which west of Greenwich is the evening before). Run in a
 * real rsh process with TZ set, so the machine's own zone does not hide the difference.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runRsh } from "../support/rsh_process.ts";

const dates = suite("values: dates from text");

for (const zone of ["America/New_York", "Asia/Tokyo", "UTC"]) {
  dates(`[datetime]'2026-03-04' and [datetime]::Parse are that day at midnight in ${zone}`, async () => {
    const r = await runRsh(["-NoProfile", "-c", "$d = [datetime]'2026-03-04'; \"$($d.Day) $($d.Hour)\"; [datetime]::Parse('2026-03-04').ToString('yyyy-MM-dd HH:mm')"], { env: { TZ: zone } });
    assert.is(r.stderr, "");
    assert.is(r.stdout, "4 0\n2026-03-04 00:00\n");
  });
}

dates("a day that does not exist is not a date", async () => {
  const r = await runRsh(["-NoProfile", "-c", "try { [datetime]'2026-02-30' } catch { $_.Exception.Message }"]);
  assert.is(r.stdout, 'Cannot convert value "2026-02-30" to type "System.DateTime".\n');
});

dates.run();
