/**
 * Background jobs (about_Jobs): `Start-Job` and `pipeline &` run a script in a new runspace of their own, in this
 * process — no `pwsh` process per job, so a job costs a runspace, not tens of megabytes and a second of start-up.
 * Output and error records are kept per job until received; values are copied in and out so the job and its
 * caller never share a mutable object.
 */
import type { JobHandle, OtherStream } from "../engine/command_types.ts";
import { ErrorRecord } from "../engine/errors.ts";
import { setFormatTypeName } from "../values/format.ts";
import { LiveObject, structuredCopy } from "../values/objects.ts";
import type { InvokeOptions, InvokeResult, StreamRecord } from "./runspace.ts";

export type JobState = "NotStarted" | "Running" | "Completed" | "Failed" | "Stopped" | "Disconnected";

/** What a job needs from a runspace (a LocalRunspace; injected so that this file does not import it). */
export interface JobRunspace {
  invoke(
    script: string,
    options?: Omit<InvokeOptions, "onRecord"> & { onRecord?: (record: StreamRecord, child?: number) => void },
  ): Promise<Pick<InvokeResult, "failed" | "stopped">>;
  stop(): Promise<void>;
  close(): Promise<void>;
  /** True while the remote session the job waits on is disconnected. */
  isDisconnected?(): boolean;
}

const JOB_COLUMNS = ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"];

/** The job as scripts see it: a live object (its State changes while you hold it) that formats as Get-Job's table. */
export class JobView extends LiveObject {
  constructor(readonly job: Job) {
    super([...JOB_COLUMNS, "InstanceId", "ChildJobs"]);
    setFormatTypeName(this, "System.Management.Automation.Job");
  }

  protected read(name: string): unknown {
    const job = this.job;
    switch (name) {
      case "id": return job.id;
      case "name": return job.name;
      case "psjobtypename": return job.type;
      case "state": return job.state;
      case "hasmoredata": return job.hasMoreData;
      case "location": return job.location;
      case "command": return job.command;
      case "instanceid": return job.instanceId;
      case "childjobs": return job.children.map((c) => c.view);
    }
  }
}

export class Job implements JobHandle {
  #state: JobState = "NotStarted";

  /** Running, or Disconnected while the remote session it waits on is disconnected (about_Remote_Disconnected_Sessions). */
  get state(): JobState {
    return this.#state === "Running" && this.#runspace?.isDisconnected?.() ? "Disconnected" : this.#state;
  }

  set state(state: JobState) {
    this.#state = state;
  }
  readonly instanceId = crypto.randomUUID();
  readonly view: JobView = new JobView(this);
  #output: unknown[] = [];
  #errors: ErrorRecord[] = [];
  /** Host, warning and verbose text, delivered with the output on receive. */
  #messages: { stream: OtherStream; value: unknown }[] = [];
  #finished: Promise<void> = Promise.resolve();
  #runspace: JobRunspace | null = null;
  /** Invoke-Command -AsJob: one child per computer or session; the parent holds no records of its own. */
  readonly children: Job[] = [];

  constructor(
    readonly id: number,
    readonly name: string,
    readonly command: string,
    /** PSJobTypeName: BackgroundJob (Start-Job, `&`) or RemoteJob (Invoke-Command -AsJob). */
    readonly type = "BackgroundJob",
    readonly location = "localhost",
  ) {}

  get hasMoreData(): boolean {
    if (this.children.length) return this.children.some((c) => c.hasMoreData);
    return this.#output.length > 0 || this.#errors.length > 0 || this.#messages.length > 0;
  }

  /** Keeps one record for whoever receives the job. */
  accept(record: StreamRecord): void {
    if (record.stream === "output") this.#output.push(structuredCopy(record.value));
    else if (record.stream === "error") this.#errors.push(record.value);
    else this.#messages.push({ stream: record.stream, value: structuredCopy(record.value) });
  }

  /** Starts `script` (after `initialization`) in `runspace`, which the job closes when it ends. */
  start(runspace: JobRunspace, script: string, args: unknown[], initialization: string | null): void {
    this.#runspace = runspace;
    this.state = "Running";
    for (const child of this.children) child.state = "Running";
    // A record for child i goes to that child; the parent's own records (none for a fan-out) stay with it.
    const onRecord = (record: StreamRecord, child?: number) => (this.children[child ?? -1] ?? this).accept(record);
    const initialized = initialization === null ? Promise.resolve(null) : runspace.invoke(initialization, { onRecord });
    this.#finished = initialized.then((init) => {
      if (init?.failed || init?.stopped) return init;
      return runspace.invoke(script, { args: args.map((a) => structuredCopy(a)), onRecord });
    }).then((result) => {
      // A script that throws ends Failed; its error was recorded with the others (about_Jobs).
      this.state = result.stopped ? "Stopped" : result.failed ? "Failed" : "Completed";
    }, (error) => {
      this.state = "Failed";
      this.#errors.push(new ErrorRecord(String((error as Error)?.message ?? error), "JobFailed", "NotSpecified", null, null));
    }).finally(() => runspace.close());
  }

  receive(keep: boolean): { output: unknown[]; errors: ErrorRecord[]; messages: { stream: OtherStream; value: unknown }[] } {
    // Receiving a parent receives its children, in order (about_Job_Details).
    if (this.children.length) {
      const all = this.children.map((c) => c.receive(keep));
      return { output: all.flatMap((r) => r.output), errors: all.flatMap((r) => r.errors), messages: all.flatMap((r) => r.messages) };
    }
    const taken = { output: this.#output, errors: this.#errors, messages: this.#messages };
    if (keep) return { output: [...taken.output], errors: [...taken.errors], messages: [...taken.messages] };
    this.#output = [];
    this.#errors = [];
    this.#messages = [];
    return taken;
  }

  finished(): Promise<void> {
    return this.#finished;
  }

  get isFinished(): boolean {
    return this.state === "Completed" || this.state === "Failed" || this.state === "Stopped";
  }

  async stop(): Promise<void> {
    if (this.isFinished || !this.#runspace) return;
    await this.#runspace.stop();
    await this.#finished;
  }
}

/** A session's jobs, numbered from 1 like PowerShell's job ids (per session here, not per process). */
export class JobTable {
  #jobs: Job[] = [];
  #nextId = 1;

  add(command: string, name: string | null, type?: string, location?: string, children: string[] = []): Job {
    const id = this.#nextId++;
    const job = new Job(id, name ?? `Job${id}`, command, type, location);
    // Children take the next ids, as in PowerShell, but Get-Job lists only parents.
    for (const childLocation of children) {
      const childId = this.#nextId++;
      job.children.push(new Job(childId, `Job${childId}`, command, type, childLocation));
    }
    this.#jobs.push(job);
    return job;
  }

  /** Marks a child job's end (its parent's runner reports each computer's outcome). */
  static finishChild(job: Job, index: number, outcome: { failed: boolean; stopped: boolean }): void {
    const child = job.children[index];
    if (child) child.state = outcome.stopped ? "Stopped" : outcome.failed ? "Failed" : "Completed";
  }

  list(): Job[] {
    return [...this.#jobs];
  }

  remove(job: Job): void {
    this.#jobs = this.#jobs.filter((j) => j !== job);
  }

  /** Closing the session stops its jobs (about_Remote_Jobs: jobs die with their session). */
  async stopAll(): Promise<void> {
    // A job waiting on a disconnected remote session is left to it: its command goes on on the server.
    await Promise.all(this.#jobs.filter((job) => job.state !== "Disconnected").map((job) => job.stop()));
  }
}
