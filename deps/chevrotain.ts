/**
 * What `chevrotain` means on Deno (deno.json's import map): the package's own single-file ES module build
 * (lib/chevrotain.mjs), typed by the package's declarations. The package entry point is ~600 modules (lodash-es
 * among them), which cost Deno ~100 ms to load at every start. Node's esbuild bundle resolves the package as usual.
 */
// @ts-types="npm:chevrotain@^11.2.0"
export * from "../node_modules/chevrotain/lib/chevrotain.mjs";
