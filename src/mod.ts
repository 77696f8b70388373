/**
 * rsh's public embedding API: the only module other tools import.
 * @module
 */
export type * from "../grammar/ast.ts";
