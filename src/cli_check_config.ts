/**
 * `rsh serve --check-config FILE`: validates a server config without starting a server, and prints what each
 * session configuration exposes — the commands its wildcards resolve to, the functions its startup script defines
 * and exposes, its language mode and who may use it — so an operator reviews the doors before opening them.
 */
import { Deno, writeStderr, writeStdout } from "./platform.ts";
import { remotingCommands } from "./remoting/cmdlets.ts";
import { ConfigError, parseConfig } from "./remoting/config.ts";
import { describeConfiguration, type SessionConfiguration } from "./remoting/configurations.ts";
import { LocalRunspace } from "./runspace/local_runspace.ts";

/** The functions a configuration's startup script defines (it runs here as it would in a session). */
async function startupFunctions(configuration: SessionConfiguration): Promise<string[]> {
  if (!configuration.startupScript) return [];
  const runspace = new LocalRunspace({ startupScript: configuration.startupScript, commands: remotingCommands });
  try {
    const result = await runspace.invoke("Get-Command -CommandType Function");
    return result.output.map((info) => String((info as { get(name: string): unknown }).get("Name")));
  } finally {
    await runspace.close();
  }
}

export async function runCheckConfig(path: string | undefined): Promise<number> {
  if (!path) {
    writeStderr("rsh serve --check-config: which file? (rsh serve --check-config FILE)\n");
    return 1;
  }
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    writeStderr(`rsh serve --check-config: cannot read '${path}': ${(e as Error).message}\n`);
    return 1;
  }
  const descriptions: string[] = [];
  try {
    const config = parseConfig(text);
    for (const configuration of config.configurations.values()) {
      let functions: string[];
      try {
        functions = await startupFunctions(configuration);
      } catch (e) {
        throw new ConfigError(`'configurations.${configuration.name}.startupScript' fails: ${(e as Error).message}`);
      }
      descriptions.push(describeConfiguration(configuration, remotingCommands, functions));
    }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    writeStderr(`rsh serve --check-config: ${path}: ${e.message}\n`);
    return 1;
  }
  writeStdout(`${path}: valid\n\n${descriptions.join("\n\n")}\n`);
  return 0;
}
