export type { ScriptBlock } from "./ast.ts";
