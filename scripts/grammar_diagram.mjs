// `npm run grammar:diagram`: writes docs/grammar.html, chevrotain's railroad diagrams of rsh's grammar.
import { build } from "esbuild";
import { createSyntaxDiagramsCode } from "chevrotain";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "rsh-diagram-"));
const out = join(temp, "parser.mjs");
await build({
  entryPoints: [join(root, "grammar/parser.ts")], bundle: true, platform: "node", format: "esm", outfile: out,
  logLevel: "warning", absWorkingDir: root, nodePaths: [join(root, "node_modules")],
});
const { RshParser } = await import(pathToFileURL(out).href);
const html = createSyntaxDiagramsCode(new RshParser().getSerializedGastProductions());
writeFileSync(join(root, "docs/grammar.html"), html);
rmSync(temp, { recursive: true });
console.log("wrote docs/grammar.html");
