/** rsh's version (kept equal to package.json's by test/cli/cli_test.ts). */
export const VERSION = "0.1.0";
