/**
 * Get-Member's output as pwsh prints it (PowerShellCore_format_ps1xml, MemberDefinition): grouped under
 * `   TypeName: …`, then Name, MemberType and Definition; each input type its own group, one empty line between.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runFormatted } from "../support/formatted.ts";

const view = suite("Get-Member's view");

view("members group under their type name, in the Name/MemberType/Definition table", async () => {
  const text = await runFormatted("[pscustomobject]@{ A = 1 }, 'x' | Get-Member -Name A, Length");
  assert.is(text, [
    "",
    "   TypeName: System.Management.Automation.PSCustomObject",
    "",
    "Name MemberType   Definition",
    "---- ----------   ----------",
    "A    NoteProperty int A=1",
    "",
    "   TypeName: System.String",
    "",
    "Name   MemberType Definition",
    "----   ---------- ----------",
    "Length Property   int Length {get;}",
    "",
    "",
  ].join("\n"));
});

view.run();
