/**
 * The remoting cmdlets (about_Remote, about_PSSessions): New-PSSession, Get-PSSession, Remove-PSSession,
 * Invoke-Command, New-PSSessionOption, ConvertTo-SecureString. They live with the client, above the built-in command
 * layer, and are added to a runspace's command table by whoever creates it (the CLI, the server, an embedder).
 */
import type { BuiltinCommand, CommandContext, JobRunner } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { usingValues } from "../engine/evaluator.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { StoppedSignal } from "../engine/pacer.ts";
import { resolvePath } from "../commands/files.ts";
import { Deno } from "../platform.ts";
import type { StreamRecord } from "../runspace/runspace.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { SecureString } from "../values/credentials.ts";
import { PSCustomObject } from "../values/objects.ts";
import { disconnectedSessionCommands } from "./disconnected.ts";
import { enterPSSession, exitPSSession } from "./enter.ts";
import { decorate, deliver, filterSessions, names, RecordQueue, SELECT_PARAMETERS } from "./delivery.ts";
import { FanOut, type FanOutPlan, type Origin } from "./fanout.ts";
import { PSSessionView, RemotingClient, sessionOf, sessionSettings, TARGET_PARAMETERS } from "./sessions.ts";


export const newPSSession: BuiltinCommand = {
  name: "New-PSSession",
  aliases: ["nsn"],
  parameters: [{ name: "ComputerName", aliases: ["Cn"], position: 0, type: "string[]" }, { name: "Name", type: "string[]" }, ...TARGET_PARAMETERS],
  async process(ctx, params) {
    const client = RemotingClient.of(ctx);
    const sessionNames = names(params.get("Name"));
    for (const [i, computer] of names(params.get("ComputerName") ?? ["localhost"]).entries()) {
      try {
        const target = RemotingClient.target(ctx, params, computer);
        const configuration = toStr(params.get("ConfigurationName") ?? "") || null;
        const view = await ctx.pacer.wait(client.newSession(target, sessionNames[i] ?? null, configuration, true, sessionSettings(ctx, params)));
        await ctx.emit(view);
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        ctx.writeErrorRecord(e.record);
      }
    }
  },
};

export const getPSSession: BuiltinCommand = {
  name: "Get-PSSession",
  aliases: ["gsn"],
  parameters: [{ name: "ComputerName", aliases: ["Cn"], position: 0, type: "string[]" }, ...SELECT_PARAMETERS, { name: "State", type: "string" }, ...TARGET_PARAMETERS],
  async process(ctx, params) {
    const client = RemotingClient.of(ctx);
    if (!params.has("ComputerName")) return ctx.emitAll(filterSessions(client.sessions, params));
    for (const computer of names(params.get("ComputerName"))) {
      try {
        const sessions = await ctx.pacer.wait(client.listRemote(RemotingClient.target(ctx, params, computer)));
        await ctx.emitAll(filterSessions(sessions, params));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        ctx.writeErrorRecord(e.record);
      }
    }
  },
};

export const removePSSession: BuiltinCommand = {
  name: "Remove-PSSession",
  aliases: ["rsn"],
  parameters: [
    { name: "Session", position: 0, pipeline: true, type: "object" },
    ...SELECT_PARAMETERS,
    { name: "ComputerName", aliases: ["Cn"], type: "string[]" },
    ...TARGET_PARAMETERS,
  ],
  async process(ctx, params, input) {
    const client = RemotingClient.of(ctx);
    let targets: PSSessionView[] = [];
    const given = input !== undefined ? input : params.get("Session");
    if (given !== undefined && given !== null) targets = enumerate(given).map(sessionOf);
    else if (params.has("ComputerName")) {
      for (const computer of names(params.get("ComputerName"))) {
        targets.push(...filterSessions(await ctx.pacer.wait(client.listRemote(RemotingClient.target(ctx, params, computer))), params));
      }
    } else if (params.has("Name") || params.has("Id") || params.has("InstanceId")) targets = filterSessions(client.sessions, params);
    for (const session of targets) {
      try {
        await ctx.pacer.wait(client.remove(session));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        ctx.writeErrorRecord(e.record);
      }
    }
  },
};

export const newPSSessionOption: BuiltinCommand = {
  name: "New-PSSessionOption",
  parameters: [
    { name: "IdleTimeout", type: "int" },
    { name: "OperationTimeout", type: "int" },
    { name: "OpenTimeout", type: "int" },
    { name: "OutputBufferingMode", type: "string", validateSet: ["Block", "Drop", "None"] },
    { name: "MaxConnectionRetryCount", type: "int" },
    { name: "SkipCACheck", type: "switch" },
    { name: "SkipCNCheck", type: "switch" },
    // rsh's: how long a dropped connection keeps trying to come back (PowerShell: 4 minutes, fixed).
    { name: "RetryWindowSec", type: "double" },
  ],
  process(ctx, params) {
    const option = new PSCustomObject();
    // Defaults as PowerShell's PSSessionOption shows them (ms); -1 idle timeout means "the server's".
    option.set("IdleTimeout", params.get("IdleTimeout") ?? -1);
    option.set("OperationTimeout", params.get("OperationTimeout") ?? 180000);
    option.set("OpenTimeout", params.get("OpenTimeout") ?? 180000);
    option.set("OutputBufferingMode", params.get("OutputBufferingMode") ?? "None");
    option.set("MaxConnectionRetryCount", params.get("MaxConnectionRetryCount") ?? 5);
    option.set("SkipCACheck", params.get("SkipCACheck") === true);
    option.set("SkipCNCheck", params.get("SkipCNCheck") === true);
    option.set("RetryWindowSec", params.get("RetryWindowSec") ?? 240);
    return ctx.emit(option);
  },
};

export const convertToSecureString: BuiltinCommand = {
  name: "ConvertTo-SecureString",
  parameters: [
    { name: "String", position: 0, pipeline: true, type: "string", mandatory: true },
    { name: "AsPlainText", type: "switch" },
    { name: "Force", type: "switch" },
  ],
  process(ctx, params, input) {
    if (!params.get("AsPlainText")) {
      ctx.writeError("rsh has no encrypted SecureString format: use -AsPlainText -Force.", "NotSupported,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand", "ConvertTo-SecureString");
      return;
    }
    return ctx.emit(new SecureString(toStr(input === undefined ? params.get("String") : input)));
  },
};

interface InvokeState {
  input: unknown[];
  hasInput: boolean;
}

/** Sorts Invoke-Command's loosely typed positional values into a script block and computers or sessions. */
function targetsOf(params: Map<string, unknown>) {
  let block = params.get("ScriptBlock");
  let computers = params.get("ComputerName");
  if (!(block instanceof ScriptBlockValue) && computers instanceof ScriptBlockValue) [block, computers] = [computers, block];
  let sessions = params.get("Session");
  // `Invoke-Command $s { }`: sessions in the computers' place.
  if (sessions === undefined && computers !== undefined && enumerate(computers).every((c) => c instanceof PSSessionView)) {
    [sessions, computers] = [computers, undefined];
  }
  return { block, computers, sessions };
}

export const invokeCommand: BuiltinCommand = {
  name: "Invoke-Command",
  aliases: ["icm"],
  parameters: [
    // PowerShell's parameter sets put -ComputerName or -Session first and the script block second; rsh's binder has
    // one set, so both positions are typed loosely and sorted out by type (targetsOf).
    { name: "ScriptBlock", aliases: ["Command"], position: 0, type: "object" },
    { name: "ComputerName", aliases: ["Cn"], position: 1, type: "object" },
    { name: "Session", type: "object" },
    { name: "ArgumentList", aliases: ["Args"], type: "object" },
    { name: "InputObject", pipeline: true, type: "object" },
    { name: "FilePath", type: "string" },
    { name: "ThrottleLimit", type: "int" },
    { name: "HideComputerName", type: "switch" },
    { name: "Timeout", type: "double" },
    { name: "AsJob", type: "switch" },
    { name: "JobName", type: "string" },
    { name: "InDisconnectedSession", aliases: ["Disconnected"], type: "switch" },
    { name: "SessionName", type: "string[]" },
    ...TARGET_PARAMETERS,
  ],
  begin: (): InvokeState => ({ input: [], hasInput: false }),
  process(_ctx, _params, input, state) {
    if (input === undefined) return;
    const s = state as InvokeState;
    s.hasInput = true;
    s.input.push(input);
  },
  async end(ctx, params, state) {
    const { input, hasInput } = state as InvokeState;
    const { block, computers, sessions } = targetsOf(params);
    let script: string;
    if (block instanceof ScriptBlockValue) script = block.toString();
    else if (params.has("FilePath")) script = await readScript(ctx, toStr(params.get("FilePath")));
    else throw new RuntimeError(new ErrorRecord("Invoke-Command needs a -ScriptBlock or -FilePath.", "MissingScript", "InvalidArgument", null, null));
    const args = params.has("ArgumentList") ? enumerate(params.get("ArgumentList")) : undefined;
    if (sessions === undefined && computers === undefined) {
      // No -Session or -ComputerName: the script block runs here, like `& { }`.
      return void await ctx.emitAll(await ctx.invoke(block, null, args ?? []));
    }
    const client = RemotingClient.of(ctx);
    const configurationName = toStr(params.get("ConfigurationName") ?? "") || null;
    const asJob = params.get("AsJob") === true || params.has("JobName");
    const plan: FanOutPlan = {
      script,
      args,
      input: hasInput ? input : undefined,
      using: block instanceof ScriptBlockValue ? Object.fromEntries(usingValues(block.ast, ctx.scope)) : {},
      sessions: sessions === undefined ? undefined : enumerate(sessions).map((s) => sessionOf(s).runspace),
      computers: computers === undefined ? undefined : names(computers).map((name) => ({
        name,
        open: async () => (await client.newSession(RemotingClient.target(ctx, params, name), null, configurationName, false)).runspace,
      })),
      throttle: toNumber(params.get("ThrottleLimit") ?? 32),
      timeoutMs: params.has("Timeout") ? toNumber(params.get("Timeout")) * 1000 : 0,
      wait: !asJob,
    };
    const hide = params.get("HideComputerName") === true;
    if (params.get("InDisconnectedSession")) return startDisconnected(ctx, params, plan, names(computers), configurationName, sessions);
    if (asJob) return ctx.emit(startRemoteJob(ctx, plan, params, hide));
    const queue = new RecordQueue();
    const fanOut = new FanOut(plan, (record, origin) => queue.push(record, origin));
    const work = fanOut.run().finally(() => queue.end());
    try {
      for await (const { record, origin } of queue.drain((p) => ctx.pacer.wait(p))) {
        if (ctx.pacer.stopping) throw new StoppedSignal();
        await deliver(ctx, record, origin, hide);
      }
      await work;
    } catch (e) {
      // Stopping the caller (Ctrl+C, Stop-Job) stops the remote pipelines too.
      await fanOut.stop();
      throw e;
    }
  },
};

/**
 * Invoke-Command -InDisconnectedSession (about_Remote_Disconnected_Sessions): the command is started in each session
 * — existing ones (-Session), or a new persistent one per computer (-ComputerName, named by -SessionName) — and the
 * session is disconnected before any output, so all of it waits for whoever connects. Writes the sessions
 * (Disconnected, Availability None). (PowerShell refuses -Session here; rsh allows it: start, then leave.)
 */
async function startDisconnected(
  ctx: CommandContext,
  params: Map<string, unknown>,
  plan: FanOutPlan,
  computers: string[],
  configurationName: string | null,
  sessions: unknown,
) {
  if (params.get("AsJob")) {
    throw new RuntimeError(new ErrorRecord("-InDisconnectedSession and -AsJob cannot be used together.", "InvalidParameterCombination", "InvalidArgument", null, null));
  }
  const client = RemotingClient.of(ctx);
  const sessionNames = names(params.get("SessionName"));
  const open = (computer: string, i: number) =>
    client.newSession(RemotingClient.target(ctx, params, computer), sessionNames[i] ?? null, configurationName, true, sessionSettings(ctx, params));
  const targets: (() => Promise<PSSessionView>)[] = sessions !== undefined
    ? enumerate(sessions).map((s) => () => Promise.resolve(sessionOf(s)))
    : computers.map((computer, i) => () => open(computer, i));
  for (const target of targets) {
    try {
      const view = await target();
      await view.runspace.start(plan.script, { args: plan.args, input: plan.input, using: plan.using });
      await view.runspace.disconnect();
      await ctx.emit(view);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      ctx.writeErrorRecord(e.record);
    }
  }
}

/**
 * Invoke-Command -AsJob: the fan-out runs as a job of the caller's session (PSJobTypeName RemoteJob, Location the
 * computers), driven by the job cmdlets; Receive-Job gets every computer's records.
 */
function startRemoteJob(ctx: CommandContext, plan: FanOutPlan, params: Map<string, unknown>, hide: boolean): object {
  let fanOut: FanOut | null = null;
  const create = (childDone: (child: number, outcome: { failed: boolean; stopped: boolean }) => void): JobRunner => ({
    invoke: (_script, options) => {
      const onRecord = (record: StreamRecord, origin: Origin) =>
        options.onRecord?.({ stream: record.stream, value: decorate(record.value, origin, hide) }, origin.index);
      fanOut = new FanOut(plan, onRecord, childDone);
      return fanOut.run();
    },
    stop: async () => await fanOut?.stop(),
    close: () => Promise.resolve(),
    isDisconnected: () => fanOut?.disconnected ?? false,
  });
  const location = plan.sessions?.map((s) => s.computerName) ?? plan.computers?.map((c) => c.name) ?? [];
  return ctx.session.startJob({
    script: plan.script,
    name: params.has("JobName") ? toStr(params.get("JobName")) : null,
    args: [],
    using: new Map(),
    initialization: null,
    command: plan.script.trim(),
    runner: { create, type: "RemoteJob", location: [...new Set(location)].join(","), children: location },
  }).view;
}

async function readScript(ctx: CommandContext, path: string): Promise<string> {
  try {
    return await Deno.readTextFile(resolvePath(ctx, path));
  } catch {
    throw new RuntimeError(new ErrorRecord(`Cannot find path '${path}' because it does not exist.`, "PathNotFound", "ObjectNotFound", null, null));
  }
}

/**
 * The remoting cmdlets (New-PSSession, Invoke-Command, Enter-PSSession, Disconnect-/Connect-/Receive-PSSession …),
 * to add to a runspace's commands. Without a credential they reach local servers with the token under the
 * session's `$env:HOME`.
 *
 * @example
 * ```ts
 * import { LocalRunspace, remotingCommands } from "rsh";
 * const runspace = new LocalRunspace({ commands: remotingCommands, env: { HOME: "/home/ada" } });
 * const { output } = await runspace.invoke("Invoke-Command -ComputerName localhost { 6 * 7 }");
 * console.log(output); // [42]
 * ```
 */
export const remotingCommands: readonly BuiltinCommand[] = Object.freeze([
  ...disconnectedSessionCommands,
  enterPSSession,
  exitPSSession,
  newPSSession,
  getPSSession,
  removePSSession,
  invokeCommand,
  newPSSessionOption,
  convertToSecureString,
]);
