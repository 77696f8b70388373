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
