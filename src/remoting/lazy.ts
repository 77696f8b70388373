/**
 * The remoting cmdlets as the CLI registers them: names and aliases only, the code (the client, `ws`, the
 * serializer) loading on first use — most runs of `rsh` never touch remoting, and start-up is paid on every one.
 * test/remoting/lazy_test.ts checks this list against the cmdlets themselves.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";

const NAMES: readonly [string, string[]][] = [
  ["Disconnect-PSSession", ["dnsn"]],
  ["Connect-PSSession", ["cnsn"]],
  ["Receive-PSSession", ["rcsn"]],
  ["Enter-PSSession", ["etsn"]],
  ["Exit-PSSession", ["exsn"]],
  ["New-PSSession", ["nsn"]],
  ["Get-PSSession", ["gsn"]],
  ["Remove-PSSession", ["rsn"]],
  ["Invoke-Command", ["icm"]],
  ["New-PSSessionOption", []],
  ["ConvertTo-SecureString", []],
];

export const lazyRemotingCommands: readonly BuiltinCommand[] = Object.freeze(NAMES.map(([name, aliases]): BuiltinCommand => ({
  name,
  aliases,
  parameters: [],
  load: async () => {
    const { remotingCommands } = await import("./cmdlets.ts");
    return remotingCommands.find((c) => c.name === name)!;
  },
})));
