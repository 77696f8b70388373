// Embedding rsh in a TypeScript program: host commands with parameter tables, and a script that uses them.
// Deno: `deno run -A examples/embed.ts`. Node: bundle it first (esbuild, as scripts/build.mjs does), or import "rsh".
import { type BuiltinCommand, LocalRunspace, toPlain } from "../src/mod.ts";

// The host application's own data: latency samples per service, in milliseconds.
const latency: Record<string, number[]> = {
  api: [120, 95, 310, 101],
  db: [12, 15, 11, 14],
  cache: [2, 3, 250, 2],
};
const alerts: { severity: string; message: string }[] = [];

// A command that reads host data. The binder does the work the parameter table asks for: positional and named
// arguments, -Last converted to an int and range-checked, -Service checked against a set, errors in PowerShell's words.
const getLatency: BuiltinCommand = {
  name: "Get-Latency",
  parameters: [
    { name: "Service", position: 0, type: "string", mandatory: true, validateSet: Object.keys(latency) },
    { name: "Last", type: "int", validateRange: [1, 100] },
  ],
  process(ctx, params) {
    const samples = latency[String(params.get("Service")).toLowerCase()];
    const last = params.has("Last") ? Number(params.get("Last")) : samples.length;
    return ctx.emitAll(samples.slice(-last)); // return the promise: output stays in order when the next command waits
  },
};

// A command that takes pipeline input and hands it to the host.
const sendAlert: BuiltinCommand = {
  name: "Send-Alert",
  parameters: [
    { name: "Message", pipeline: true, type: "string", mandatory: true },
    { name: "Severity", type: "string", validateSet: ["Info", "Warning", "Critical"] },
  ],
  process(_ctx, params) {
    alerts.push({ severity: String(params.get("Severity") ?? "Warning"), message: String(params.get("Message")) });
  },
};

const runspace = new LocalRunspace({ commands: [getLatency, sendAlert], variables: { services: Object.keys(latency) } });

// The script can be the user's: it sees the host commands as ordinary commands, next to the built-ins.
const script = `
  param([int]$Threshold)
  $report = foreach ($service in $services) {
    $stats = Get-Latency $service | Measure-Object -Average -Maximum
    [pscustomobject]@{ Service = $service; Average = $stats.Average; Max = $stats.Maximum }
  }
  $report | Where-Object { $_.Max -gt $Threshold } | ForEach-Object { "$($_.Service) peaked at $($_.Max) ms" } | Send-Alert -Severity Critical
  'recent db samples: ' + ((Get-Latency -Service db -Last 2) -join ', ')
  $report
`;
const result = await runspace.invoke(script, { args: [200] });
console.log("output:");
for (const value of result.output) console.log(" ", JSON.stringify(toPlain(value)));
console.log("alerts the script sent:");
for (const alert of alerts) console.log(`  [${alert.severity}] ${alert.message}`);

// Arguments the parameter table rejects come back as error records, in PowerShell's words.
console.log("errors:");
for (const line of ["Get-Latency -Service queue", "Get-Latency api -Last 0", "Get-Latency", "Send-Alert 'disk full' -Severity Low"]) {
  const { errors } = await runspace.invoke(line);
  console.log(`  ${line}: ${errors.map((e) => e.message).join("; ")}`);
}

await runspace.close();
