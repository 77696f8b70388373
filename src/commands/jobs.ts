/**
 * The job family (about_Jobs): Start-Job, Get-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job. The session runs
 * the jobs (src/runspace/jobs.ts); these commands select them and move their records.
 */
import type { BuiltinCommand, CommandContext, JobHandle } from "../engine/command_types.ts";
import { usingValues } from "../engine/evaluator.ts";
import { ScriptBlockValue } from "../engine/expressions.ts";
import { wildcardToRegExp } from "../engine/operators.ts";
import { Deno } from "../platform.ts";
import { enumerate, toNumber, toStr } from "../values/convert.ts";
import { resolvePath } from "./files.ts";

const FINISHED = new Set(["Completed", "Failed", "Stopped"]);

/** The parameters every job-selecting command shares: a job object (also from the pipeline), -Id or -Name. */
const SELECTORS = [
  { name: "Job", position: 0, pipeline: true, type: "object" },
  { name: "Id", type: "int[]" },
  { name: "Name", type: "string[]" },
];

function jobOf(value: unknown): JobHandle | null {
  const job = (value as { job?: JobHandle } | null)?.job;
  return job && typeof job.receive === "function" ? job : null;
}

/** The jobs a command names; writes PowerShell's "cannot find" error for an id or name that matches none. */
function selectJobs(ctx: CommandContext, params: Map<string, unknown>, input: unknown, command: string): JobHandle[] {
  const all = ctx.session.jobs();
  const picked: JobHandle[] = [];
  for (const value of enumerate(input !== undefined ? input : params.get("Job") ?? [])) {
    const job = jobOf(value);
    if (job) picked.push(job);
    else ctx.writeError(`Cannot bind parameter 'Job': '${toStr(value)}' is not a job.`, `CannotConvertArgument,${command}`, command);
  }
  for (const id of enumerate(params.get("Id") ?? [])) {
    const job = all.find((j) => j.id === toNumber(id));
    if (job) picked.push(job);
    else ctx.writeError(`The command cannot find a job with the job ID ${id}. Verify the value of the Id parameter and then try the command again.`, `JobWithSpecifiedIdNotFound,${command}`, command);
  }
  for (const name of enumerate(params.get("Name") ?? [])) {
    const pattern = wildcardToRegExp(toStr(name), false);
    const found = all.filter((j) => pattern.test(j.name));
    if (found.length) picked.push(...found);
    else ctx.writeError(`The command cannot find the job because the job name ${name} was not found. Verify the value of the Name parameter, and then try the command again.`, `JobWithSpecifiedNameNotFound,${command}`, command);
  }
  return [...new Set(picked)];
}

export const startJob: BuiltinCommand = {
  name: "Start-Job",
  aliases: ["sajb"],
  parameters: [
    { name: "ScriptBlock", position: 0, type: "scriptblock", aliases: ["Command"] },
    { name: "FilePath", type: "string" },
    { name: "ArgumentList", aliases: ["Args"], type: "object" },
    { name: "Name", type: "string" },
    { name: "InitializationScript", type: "scriptblock" },
  ],
  process(ctx, params) {
    const block = params.get("ScriptBlock");
    let script: string;
    let using = new Map<string, unknown>();
    if (block instanceof ScriptBlockValue) {
      script = block.toString();
      using = usingValues(block.ast, ctx.scope);
    } else if (params.has("FilePath")) {
      const path = resolvePath(ctx, toStr(params.get("FilePath")));
      try {
        script = Deno.readTextFileSync(path);
      } catch {
        return ctx.writeError(`Cannot find path '${path}' because it does not exist.`, "PathNotFound,Microsoft.PowerShell.Commands.StartJobCommand", "Start-Job");
      }
    } else {
      return ctx.writeError("Start-Job needs -ScriptBlock or -FilePath.", "MissingScript,Microsoft.PowerShell.Commands.StartJobCommand", "Start-Job");
    }
    const init = params.get("InitializationScript");
    const job = ctx.session.startJob({
      script,
      name: params.has("Name") ? toStr(params.get("Name")) : null,
      args: params.has("ArgumentList") ? enumerate(params.get("ArgumentList")) : [],
      using,
      initialization: init instanceof ScriptBlockValue ? init.toString() : null,
      command: script.trim(),
    });
    return ctx.emit(job.view);
  },
};

export const getJob: BuiltinCommand = {
  name: "Get-Job",
  aliases: ["gjb"],
  parameters: [
    { name: "Id", position: 0, type: "int[]" },
    { name: "Name", type: "string[]" },
    { name: "State", type: "string" },
    { name: "HasMoreData", type: "bool" },
  ],
  process(ctx, params) {
    let jobs = params.has("Id") || params.has("Name") ? selectJobs(ctx, params, undefined, "Get-Job") : ctx.session.jobs();
    if (params.has("State")) jobs = jobs.filter((j) => j.state.toLowerCase() === toStr(params.get("State")).toLowerCase());
    if (params.has("HasMoreData")) jobs = jobs.filter((j) => j.hasMoreData === params.get("HasMoreData"));
    return ctx.emitAll(jobs.map((j) => j.view));
  },
};

/** Waits for a job to finish; a stop request (Ctrl+C, Stop-Job of the caller) ends the wait. */
function finished(ctx: CommandContext, job: JobHandle): Promise<void> {
  return ctx.pacer.wait(job.finished());
}

export const receiveJob: BuiltinCommand = {
  name: "Receive-Job",
  aliases: ["rcjb"],
  parameters: [...SELECTORS, { name: "Keep", type: "switch" }, { name: "Wait", type: "switch" }, { name: "AutoRemoveJob", type: "switch" }],
  async process(ctx, params, input) {
    for (const job of selectJobs(ctx, params, input, "Receive-Job")) {
      if (params.get("Wait")) await finished(ctx, job);
      const { output, errors, messages } = job.receive(params.get("Keep") === true);
      for (const { stream, value } of messages) ctx.host.write(stream, value);
      await ctx.emitAll(output);
      for (const record of errors) ctx.writeErrorRecord(record);
      if (params.get("Wait") && params.get("AutoRemoveJob")) ctx.session.removeJob(job);
    }
  },
};

export const waitJob: BuiltinCommand = {
  name: "Wait-Job",
  aliases: ["wjb"],
  parameters: [...SELECTORS, { name: "Any", type: "switch" }, { name: "Timeout", type: "int" }],
  begin: () => [] as JobHandle[],
  process(ctx, params, input, state) {
    (state as JobHandle[]).push(...selectJobs(ctx, params, input, "Wait-Job"));
  },
  async end(ctx, params, state) {
    const jobs = state as JobHandle[];
    if (jobs.length === 0) return;
    const all = params.get("Any") ? Promise.race(jobs.map((j) => j.finished())) : Promise.all(jobs.map((j) => j.finished()));
    // -Timeout is in seconds; when it expires Wait-Job returns without output and without an error (Wait-Job docs).
    const timeout = params.has("Timeout") ? toNumber(params.get("Timeout")) : -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<"timeout">((resolve) => timeout >= 0 && (timer = setTimeout(() => resolve("timeout"), timeout * 1000)));
    const outcome = await ctx.pacer.wait(Promise.race([all, expired])).finally(() => clearTimeout(timer));
    if (outcome === "timeout") return;
    const done = jobs.filter((j) => FINISHED.has(j.state));
    await ctx.emitAll((params.get("Any") ? done.slice(0, 1) : done).map((j) => j.view));
  },
};

export const stopJob: BuiltinCommand = {
  name: "Stop-Job",
  aliases: ["spjb"],
  parameters: [...SELECTORS, { name: "PassThru", type: "switch" }],
  async process(ctx, params, input) {
    for (const job of selectJobs(ctx, params, input, "Stop-Job")) {
      await ctx.pacer.wait(job.stop());
      if (params.get("PassThru")) await ctx.emit(job.view);
    }
  },
};

export const removeJob: BuiltinCommand = {
  name: "Remove-Job",
  aliases: ["rjb"],
  parameters: [...SELECTORS, { name: "Force", type: "switch" }],
  async process(ctx, params, input) {
    for (const job of selectJobs(ctx, params, input, "Remove-Job")) {
      if (!FINISHED.has(job.state)) {
        if (!params.get("Force")) {
          ctx.writeError(
            `The command cannot remove the job with the job ID ${job.id} because the job is not finished. To remove the job, first stop the job, or use the Force parameter.`,
            "InvalidOperation,Microsoft.PowerShell.Commands.RemoveJobCommand",
            "Remove-Job",
          );
          continue;
        }
        await ctx.pacer.wait(job.stop());
      }
      ctx.session.removeJob(job);
    }
  },
};
