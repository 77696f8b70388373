/**
 * The public API stays documented: `deno doc --lint src/mod.ts` reports nothing (JSDoc on every exported member
 * reachable from src/mod.ts, explicit types, no reference to an unexported type), and every entry src/mod.ts
 * exports carries an `@example` (issue 9: "deno doc src/mod.ts shows a documented public surface with an example on
 * each exported entry"), and those examples type-check (`deno check --doc` over the files that declare the
 * entries, with `rsh` mapped to src/mod.ts). On Node the deno binary comes from the `deno` npm package.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Deno } from "../../src/platform.ts";
import { denoBinary } from "./doc_support.ts";

const api = suite("docs: the public API is documented (deno doc src/mod.ts)");

function denoDoc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(denoBinary(), ["doc", ...args, "src/mod.ts"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

api("deno doc --lint src/mod.ts reports no diagnostic", () => {
  const r = denoDoc(["--lint"]);
  // Each diagnostic with the `--> file:line:column` line after it; deno's own warnings (type resolution) are not lint.
  const lines = `${r.stdout}\n${r.stderr}`.split("\n");
  const diagnostics = lines.flatMap((line, i) => /^(error|warning)\[/.test(line) ? [`${line} ${lines[i + 1]?.trim() ?? ""}`] : []);
  assert.equal(diagnostics, []);
  assert.is(r.status, 0, r.stderr);
});

interface DocNode {
  name: string;
  declarations: { kind: string; location: { filename: string; line: number }; jsDoc?: { tags?: { kind: string }[] } }[];
}

type DocModule = { symbols: DocNode[]; module_doc?: { tags?: { kind: string }[] } };

/** What `deno doc --json` says of src/mod.ts's exports. */
function publicSurface(): DocModule | undefined {
  const r = denoDoc(["--json"]);
  assert.is(r.status, 0, r.stderr);
  const nodes = JSON.parse(r.stdout).nodes as Record<string, DocModule>;
  return Object.entries(nodes).find(([url]) => url.endsWith("/src/mod.ts"))?.[1];
}

api("every entry src/mod.ts exports has an @example", () => {
  const mod = publicSurface();
  assert.ok(mod, "deno doc describes src/mod.ts");
  assert.ok(mod.symbols.length > 40, `src/mod.ts exports the API (${mod.symbols.length} entries)`);
  const hasTag = (tags: { kind: string }[] | undefined, kind: string) => (tags ?? []).some((t) => t.kind === kind);
  assert.ok(hasTag(mod.module_doc?.tags, "example"), "the module doc has an example");
  const missing = mod.symbols.flatMap((symbol) =>
    symbol.declarations
      .filter((d) => !hasTag(d.jsDoc?.tags, "example") && !hasTag(d.jsDoc?.tags, "ignore"))
      .map((d) => `${symbol.name} (${d.kind}, ${d.location.filename.replace(/^.*?\/(src|grammar)\//, "$1/")}:${d.location.line})`)
  );
  assert.equal(missing, [], `entries without an @example:\n${missing.join("\n")}`);
});

api("the examples type-check against the public API", () => {
  const mod = publicSurface();
  assert.ok(mod);
  const files = new Set(["src/mod.ts"]);
  for (const symbol of mod.symbols) {
    for (const d of symbol.declarations) files.add(decodeURIComponent(new URL(d.location.filename).pathname).slice(Deno.cwd().length + 1));
  }
  const dir = Deno.makeTempDirSync({ prefix: "rsh-api-doc-" });
  try {
    // The examples import "rsh", as a consumer does: the import map points it at src/mod.ts.
    // Entries relative to deno.json (deps/chevrotain.ts) stay relative to it.
    const imports = Object.fromEntries(
      Object.entries(JSON.parse(Deno.readTextFileSync("deno.json")).imports as Record<string, string>)
        .map(([name, target]) => [name, target.startsWith("./") ? `${Deno.cwd()}/${target.slice(2)}` : target]),
    );
    Deno.writeTextFileSync(`${dir}/import_map.json`, JSON.stringify({ imports: { ...imports, rsh: `${Deno.cwd()}/src/mod.ts` } }));
    const r = spawnSync(denoBinary(), ["check", "--quiet", "--doc", `--import-map=${dir}/import_map.json`, ...files], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 180_000,
    });
    assert.is(r.status, 0, `deno check --doc ${[...files].join(" ")}\n${r.stderr}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

api.run();
