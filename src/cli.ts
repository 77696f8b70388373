/**
 * The `rsh` command line (placeholder until the grammar lands): prints the version.
 */
import { writeStdout } from "./platform.ts";
writeStdout("rsh 0.1.0\n");
