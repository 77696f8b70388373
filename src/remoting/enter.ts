/**
 * Enter-PSSession and Exit-PSSession (about_Remote, Enter-PSSession): the interactive host sends what the user types
 * to a remote session until they leave. `-ComputerName` opens a temporary session that is closed on exit; `-Session`
 * (or -Id / -Name / -InstanceId) enters an existing one, which stays open with its state when you leave.
 */
import type { BuiltinCommand } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { enumerate, toStr } from "../values/convert.ts";
import { filterSessions, SELECT_PARAMETERS } from "./delivery.ts";
import { type PSSessionView, RemotingClient, sessionOf, sessionSettings, TARGET_PARAMETERS } from "./sessions.ts";

function refuse(message: string, id: string): never {
  throw new RuntimeError(new ErrorRecord(message, id, "InvalidOperation", null, null));
}

export const enterPSSession: BuiltinCommand = {
  name: "Enter-PSSession",
  aliases: ["etsn"],
  parameters: [
    { name: "ComputerName", aliases: ["Cn"], position: 0, type: "object" },
    { name: "Session", type: "object" },
    ...SELECT_PARAMETERS,
    ...TARGET_PARAMETERS,
  ],
  async process(ctx, params) {
    if (ctx.session.entered()) refuse("You are already in a remote session; Exit-PSSession leaves it.", "RemoteHostAlreadyEntered");
    const client = RemotingClient.of(ctx);
    let view: PSSessionView | undefined;
    let temporary = false;
    const positional = params.get("ComputerName");
    const given = params.get("Session") ?? (positional !== undefined && typeof positional !== "string" ? positional : undefined);
    if (given !== undefined) view = sessionOf(enumerate(given)[0]);
    else if (typeof positional === "string") {
      const configuration = toStr(params.get("ConfigurationName") ?? "") || null;
      view = await ctx.pacer.wait(client.newSession(RemotingClient.target(ctx, params, positional), null, configuration, false, sessionSettings(ctx, params)));
      temporary = true;
    } else {
      view = filterSessions(client.sessions, params)[0];
      if (!view) refuse("Enter-PSSession needs -ComputerName, or a session (-Session, -Id, -Name or -InstanceId) that exists.", "PSSessionNotFound");
    }
    const runspace = view.runspace;
    if (runspace.state === "Disconnected") await ctx.pacer.wait(runspace.connect());
    if (runspace.state !== "Opened") {
      refuse(`Cannot enter session ${runspace.name}: its state is ${runspace.state}.`, "EnterPSSessionBrokenSession");
    }
    await ctx.session.enter({ runspace, computerName: runspace.computerName, temporary });
  },
};

export const exitPSSession: BuiltinCommand = {
  name: "Exit-PSSession",
  aliases: ["exsn"],
  parameters: [],
  async process(ctx) {
    await ctx.session.enter(null);
  },
};
