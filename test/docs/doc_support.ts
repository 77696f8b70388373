/**
 * What the docs tests share: the deno binary (the running one on Deno; on Node the one the `deno` npm package
 * installed), and the fenced blocks of a Markdown page.
 */
import process from "node:process";
import { Deno, runtime } from "../../src/platform.ts";

/** The deno executable: Deno itself, or node_modules/deno/deno when the tests run on Node. */
export function denoBinary(): string {
  return runtime === "deno" ? Deno.execPath() : `${process.cwd()}/node_modules/deno/deno`;
}

/** A fenced block of a Markdown page: its info string (`ts`, `powershell`, `sh` …), its text and first line. */
export interface Fence {
  lang: string;
  code: string;
  /** The 1-based line of the block's first code line. */
  line: number;
}

/** The fenced blocks of `text`, in order. */
export function fences(text: string): Fence[] {
  const found: Fence[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1].trim() !== "```") i++;
    found.push({ lang: open[1], code: lines.slice(start, i + 1).join("\n"), line: start + 1 });
    i++;
  }
  return found;
}

/** One runnable line of a ```powershell block, with what it should print (`# → …`), if it says. */
export interface Sample {
  code: string;
  expected: string | null;
  /** What its error records should say (`# errors → …` on the next line), if it says. */
  errors: string | null;
  line: number;
}

/**
 * A ```powershell block as runnable lines: a line's `# → a, b` (on the line, or alone on the next line) is what it
 * prints — each output object as the console shows it, joined with ", " — and `# errors → …` alone on the next line
 * is what its error records say. What follows the values is commentary: `(…)` at the end, or `; …`.
 */
export function powershellSamples(code: string, firstLine: number): Sample[] {
  const samples: Sample[] = [];
  code.split("\n").forEach((raw, index) => {
    const arrow = /^(.*?)\s*#\s*(errors\s*)?→\s*(.*)$/.exec(raw);
    const expected = arrow ? arrow[3].replace(/\s+\(.*\)\s*$/, "").replace(/;\s.*$/, "").trim() : null;
    const text = arrow ? arrow[1] : raw;
    const last = samples.at(-1);
    if (text.trim() === "" && arrow && last) {
      if (arrow[2]) last.errors = expected;
      else last.expected = expected;
    } else if (text.trim() !== "" && !text.trim().startsWith("#")) {
      samples.push({ code: text, expected: arrow?.[2] ? null : expected, errors: arrow?.[2] ? expected : null, line: firstLine + index });
    }
  });
  return samples;
}
