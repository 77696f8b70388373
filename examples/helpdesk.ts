// A restricted help-desk endpoint: a NoLanguage configuration exposing two operator-written functions and nothing else.
// Deno: `deno run -A examples/helpdesk.ts`. Node: bundle it first (esbuild), or import "rsh". It starts its own server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { RemoteComputer, RshServer, serverConfig } from "../src/mod.ts";

const home = mkdtempSync(`${tmpdir()}/rsh-helpdesk-`);

// The operator's side: what help-desk users may do, written once in FullLanguage (the startup script). Its functions
// stay trusted, so they may use commands the users cannot (Set-Content here); users get only what is listed.
const config = serverConfig({
  configurations: {
    helpdesk: {
      languageMode: "NoLanguage",
      visibleCommands: ["Get-Date"],
      visibleFunctions: ["Get-Ticket", "Reset-Spooler"],
      startupScript: `
        $tickets = @{ 101 = 'printer jammed'; 102 = 'password expired' }
        function Get-Ticket { param([int]$Id) "ticket $Id - $($tickets[$Id])" }
        function Reset-Spooler { param([string]$Printer) Set-Content -Path "$HOME/spooler-$Printer.log" -Value reset; "spooler on $Printer reset" }
      `,
    },
  },
});
const server = await RshServer.start({ config, host: "127.0.0.1", port: 0, osUser: "operator", home, env: { HOME: home } });

// The help-desk user's side: a session of that configuration, and what they try.
const computer = await RemoteComputer.connect({ computerName: "127.0.0.1", port: Number(server.url.split(":").at(-1)), home });
const desk = await computer.open("desk", { configurationName: "helpdesk" });
const attempts = [
  "Get-Ticket -Id 101",
  "Reset-Spooler -Printer floor2",
  "Get-Command | Select-Object -ExpandProperty Name",
  "Set-Content -Path /tmp/x -Value pwned",
  "Invoke-Expression 'Set-Content /tmp/x pwned'",
  "$tickets",
  "{ Set-Content /tmp/x pwned }.Invoke()",
];
for (const script of attempts) {
  const { output, errors } = await desk.invoke(script);
  console.log(`> ${script}`);
  for (const value of output) console.log(`  ${value}`);
  for (const error of errors) console.log(`  error: ${error.message.split("\n")[0].replace(/: only commands.*/, "")}`);
}

await computer.close();
await server.close();
rmSync(home, { recursive: true });
