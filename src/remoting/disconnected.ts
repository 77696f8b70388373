/**
 * The disconnected-session cmdlets (about_Remote_Disconnected_Sessions): Disconnect-PSSession, Connect-PSSession,
 * Receive-PSSession. A session lives on its server; a client leaves it (a command keeps running there, its output
 * kept), and this or another client process of the same user comes back to it and receives what it missed.
 */
import type { BuiltinCommand, CommandContext, JobRunner } from "../engine/command_types.ts";
import { RuntimeError } from "../engine/errors.ts";
import { StoppedSignal } from "../engine/pacer.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { decorate, deliver, filterSessions, names, RecordQueue, SELECT_PARAMETERS } from "./delivery.ts";
import { PSSessionView, RemotingClient, sessionOf, TARGET_PARAMETERS } from "./sessions.ts";

const SELECTORS = [
  { name: "Session", position: 0, pipeline: true, type: "object" },
  ...SELECT_PARAMETERS,
];

/** The sessions a command names: objects (also piped), -Id/-Name/-InstanceId of this client's, or on -ComputerName. */
async function selected(ctx: CommandContext, params: Map<string, unknown>, input: unknown): Promise<PSSessionView[]> {
  const client = RemotingClient.of(ctx);
  const given = input !== undefined ? input : params.get("Session");
  if (given !== undefined && given !== null) return enumerate(given).map(sessionOf);
  if (params.has("ComputerName")) {
    const found: PSSessionView[] = [];
    for (const computer of names(params.get("ComputerName"))) {
      found.push(...filterSessions(await ctx.pacer.wait(client.listRemote(RemotingClient.target(ctx, params, computer))), params));
    }
    return found;
  }
  return filterSessions(client.sessions, params);
}

/** Runs `action` per session; a failure is that session's error record and the others go on. */
async function eachSession(ctx: CommandContext, sessions: PSSessionView[], action: (view: PSSessionView) => Promise<void>): Promise<void> {
  for (const view of sessions) {
    try {
      await action(view);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      ctx.writeErrorRecord(e.record);
    }
  }
}

export const disconnectPSSession: BuiltinCommand = {
  name: "Disconnect-PSSession",
  aliases: ["dnsn"],
  parameters: [
    ...SELECTORS,
    { name: "IdleTimeoutSec", type: "int" },
    { name: "OutputBufferingMode", type: "string", validateSet: ["Block", "Drop"] },
  ],
  async process(ctx, params, input) {
    await eachSession(ctx, await selected(ctx, params, input), async (view) => {
      await ctx.pacer.wait(view.runspace.disconnect({
        idleTimeoutSec: params.has("IdleTimeoutSec") ? toNumber(params.get("IdleTimeoutSec")) : undefined,
        outputBufferingMode: params.has("OutputBufferingMode") ? toStr(params.get("OutputBufferingMode")) : undefined,
      }));
      await ctx.emit(view);
    });
  },
};

/** Makes a session this client's (Get-PSSession without -ComputerName lists it from now on). */
function adopt(ctx: CommandContext, view: PSSessionView): void {
  const client = RemotingClient.of(ctx);
  if (!client.sessions.includes(view)) client.sessions.push(view);
}

/** Takes a session over, connecting it unless it already is (a connected one is left as it is, as in PowerShell). */
async function connect(ctx: CommandContext, view: PSSessionView): Promise<void> {
  if (view.runspace.state === "Disconnected") await ctx.pacer.wait(view.runspace.connect());
  adopt(ctx, view);
}

export const connectPSSession: BuiltinCommand = {
  name: "Connect-PSSession",
  aliases: ["cnsn"],
  parameters: [...SELECTORS, { name: "ComputerName", aliases: ["Cn"], type: "string[]" }, ...TARGET_PARAMETERS],
  async process(ctx, params, input) {
    await eachSession(ctx, await selected(ctx, params, input), async (view) => {
      await connect(ctx, view);
      await ctx.emit(view);
    });
  },
};

export const receivePSSession: BuiltinCommand = {
  name: "Receive-PSSession",
  aliases: ["rcsn"],
  parameters: [
    ...SELECTORS,
    { name: "ComputerName", aliases: ["Cn"], type: "string[]" },
    { name: "OutTarget", type: "string", validateSet: ["Host", "Job"] },
    { name: "JobName", type: "string" },
    ...TARGET_PARAMETERS,
  ],
  async process(ctx, params, input) {
    const sessions = await selected(ctx, params, input);
    const asJob = toStr(params.get("OutTarget") ?? "").toLowerCase() === "job" || params.has("JobName");
    await eachSession(ctx, sessions, async (view) => {
      // receive() connects, and its answer says what was dropped while away: no separate connect first.
      adopt(ctx, view);
      const origin = { computerName: view.runspace.computerName, instanceId: view.runspace.instanceId, index: 0 };
      if (asJob) return void await ctx.emit(receiveAsJob(ctx, view, params));
      const queue = new RecordQueue();
      const receiving = view.runspace.receive((record) => queue.push(record, origin)).finally(() => queue.end());
      try {
        for await (const { record } of queue.drain((p) => ctx.pacer.wait(p))) {
          if (ctx.pacer.stopping) throw new StoppedSignal();
          await deliver(ctx, record, origin, false);
        }
        await receiving;
      } catch (e) {
        await view.runspace.stop().catch(() => {});
        throw e;
      }
    });
  },
};

/** Receive-PSSession -OutTarget Job: the rest of the session's output goes to a job (RemoteJob). */
function receiveAsJob(ctx: CommandContext, view: PSSessionView, params: Map<string, unknown>): object {
  const origin = { computerName: view.runspace.computerName, instanceId: view.runspace.instanceId, index: 0 };
  const create = (): JobRunner => ({
    invoke: async (_script, options) => {
      await view.runspace.receive((record) => options.onRecord?.({ stream: record.stream, value: decorate(record.value, origin, false) }));
      return { failed: false, stopped: false };
    },
    stop: () => view.runspace.stop(),
    close: () => Promise.resolve(),
  });
  return ctx.session.startJob({
    script: "",
    name: params.has("JobName") ? toStr(params.get("JobName")) : null,
    args: [],
    using: new Map(),
    initialization: null,
    command: `Receive-PSSession ${view.runspace.name}`,
    runner: { create, type: "RemoteJob", location: view.runspace.computerName, children: [] },
  }).view;
}

export const disconnectedSessionCommands: readonly BuiltinCommand[] = [disconnectPSSession, connectPSSession, receivePSSession];
