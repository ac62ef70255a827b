// Batch inference jobs (CreateModelInvocationJob and friends): their state, the walk through AWS's
// statuses on the emulator's clock, and where they read input and write output. The per-record
// invocation is handed in (services/batch.ts runs each record through the runtime routes).
import { ACCOUNT_ID } from "../arn";
import { errors } from "../errors";
import { utf8Text } from "../bytes";
import { parseS3Uri, type ObjectStore } from "./object-store";
import { OneAtATime } from "./one-at-a-time";

export type JobStatus =
  | "Submitted" | "Validating" | "Scheduled" | "InProgress" | "Completed" | "PartiallyCompleted"
  | "Failed" | "Stopping" | "Stopped" | "Expired";

/** The states a job passes through on its way, each lasting a while on the emulator's clock. */
export type TimedState = "Submitted" | "Validating" | "Scheduled" | "InProgress" | "Stopping";
const TIMED: TimedState[] = ["Submitted", "Validating", "Scheduled", "InProgress", "Stopping"];

/** Seconds each state lasts on the emulator's clock: one number for all, or per state. Default 2. */
export type BatchClock = number | Partial<Record<TimedState, number>>;
export const DEFAULT_STATE_SECONDS = 2;

/** Statuses a job can be stopped from (then Stopping, then Stopped). */
export const STOPPABLE: ReadonlySet<JobStatus> = new Set(["Submitted", "Validating", "Scheduled", "InProgress"]);
/** The model's maximum, used for jobExpirationTime when the request sets no timeout. */
export const MAX_TIMEOUT_HOURS = 168;

export interface BatchRecord {
  recordId: string;
  modelInput: Record<string, unknown>;
}
export interface RecordResult {
  modelOutput?: unknown;
  error?: { errorCode: number; errorMessage: string };
  inputTokens: number;
  outputTokens: number;
}
export type RunRecord = (job: BatchJob, record: BatchRecord) => Promise<RecordResult>;

export interface BatchJob {
  id: string;
  arn: string;
  region: string;
  request: Record<string, unknown> & { jobName: string; modelId: string; roleArn: string; clientRequestToken?: string; timeoutDurationInHours?: number };
  invocationType: "InvokeModel" | "Converse";
  inputUri: string;
  outputUri: string;
  status: JobStatus;
  message?: string;
  submitTime: Date;
  lastModifiedTime: Date;
  endTime?: Date;
  jobExpirationTime: Date;
  /** Transitions still to come, in time order. */
  plan: { status: JobStatus; at: Date }[];
  files?: { key: string; records: BatchRecord[] }[];
  counts?: { totalRecordCount: number; processedRecordCount?: number; successRecordCount?: number; errorRecordCount?: number };
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/** Reads the clock setting, from options or BEDROCK_EMULATOR_BATCH_STATE_SECONDS. */
export function batchClockFrom(option: BatchClock | undefined, env: Record<string, string | undefined>): Record<TimedState, number> {
  const raw = env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS;
  let base = DEFAULT_STATE_SECONDS;
  if (raw !== undefined && raw.trim() !== "") {
    base = Number(raw);
    if (!Number.isFinite(base) || base < 0) throw new Error(`BEDROCK_EMULATOR_BATCH_STATE_SECONDS must be a number of seconds ≥ 0, not "${raw}".`);
  }
  const given = typeof option === "number" ? Object.fromEntries(TIMED.map((s) => [s, option])) : (option ?? {});
  const out = Object.fromEntries(TIMED.map((s) => [s, given[s] ?? base])) as Record<TimedState, number>;
  for (const [s, v] of Object.entries(out)) if (!Number.isFinite(v) || v < 0) throw new Error(`batch clock: ${s} must last a number of seconds ≥ 0, not ${v}.`);
  return out;
}

/** An 11-character record ID for a line without one (AWS adds one in the output); stable per line. */
function recordIdFor(fileKey: string, line: number): string {
  let h = 2166136261;
  for (const ch of `${fileKey}#${line}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h.toString(36).toUpperCase() + line.toString(36).toUpperCase()).padStart(11, "0").slice(-11);
}

/** Orders records by a hash of their ID: AWS doesn't keep input order in the output, so neither do we. */
function unordered<T extends { recordId: string }>(items: T[]): T[] {
  const h = (s: string) => [...s].reduce((a, c) => Math.imul(a ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return [...items].sort((a, b) => h(a.recordId) - h(b.recordId) || (a.recordId < b.recordId ? -1 : 1));
}

export class BatchJobStore {
  private readonly jobs = new Map<string, BatchJob>();
  private readonly busy = new OneAtATime();
  private counter = 0;

  constructor(
    private readonly objects: ObjectStore,
    private readonly clock: Record<TimedState, number>,
    private readonly now: () => Date,
  ) {}

  create(region: string, request: BatchJob["request"], invocationType: BatchJob["invocationType"], inputUri: string, outputUri: string): BatchJob {
    if (request.clientRequestToken) {
      const same = [...this.jobs.values()].find((j) => j.region === region && j.request.clientRequestToken === request.clientRequestToken);
      if (same) return same;
    }
    const submit = this.now();
    // 12 lower-case letters and digits, as the ARN pattern requires.
    const id = (submit.getTime().toString(36) + (++this.counter).toString(36).padStart(4, "0")).slice(-12).padStart(12, "0");
    const c = this.clock;
    const expiration = addSeconds(submit, (request.timeoutDurationInHours ?? MAX_TIMEOUT_HOURS) * 3600);
    const validating = addSeconds(submit, c.Submitted);
    const scheduled = addSeconds(validating, c.Validating);
    const started = addSeconds(scheduled, c.Scheduled);
    const finished = addSeconds(started, c.InProgress);
    // The timeout counts from submission: a job not started by then expires, one not finished by then
    // ends PartiallyCompleted.
    const plan: BatchJob["plan"] = [
      { status: "Validating", at: validating },
      { status: "Scheduled", at: scheduled },
      ...(started >= expiration
        ? [{ status: "Expired" as const, at: expiration }]
        : [{ status: "InProgress" as const, at: started }, finished > expiration ? { status: "PartiallyCompleted" as const, at: expiration } : { status: "Completed" as const, at: finished }]),
    ];
    const job: BatchJob = {
      id,
      arn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:model-invocation-job/${id}`,
      region,
      request,
      invocationType,
      inputUri,
      outputUri,
      status: "Submitted",
      submitTime: submit,
      lastModifiedTime: submit,
      jobExpirationTime: expiration,
      plan,
    };
    this.jobs.set(id, job);
    return job;
  }

  /** The job by ID or ARN, brought up to the emulator's clock. */
  async get(region: string, identifier: string, run: RunRecord): Promise<BatchJob> {
    const id = identifier.slice(identifier.lastIndexOf("/") + 1);
    const job = this.jobs.get(id);
    if (!job || job.region !== region || (identifier.startsWith("arn:") && identifier !== job.arn)) {
      // The API reference's description of ResourceNotFoundException.
      throw errors.notFound("The specified resource Amazon Resource Name (ARN) was not found. Check the Amazon Resource Name (ARN) and try your request again.");
    }
    await this.refresh(job, run);
    return job;
  }

  async list(region: string, run: RunRecord): Promise<BatchJob[]> {
    const jobs = [...this.jobs.values()].filter((j) => j.region === region);
    for (const j of jobs) await this.refresh(j, run);
    return jobs;
  }

  async stop(region: string, identifier: string, run: RunRecord): Promise<void> {
    const job = await this.get(region, identifier, run);
    if (!STOPPABLE.has(job.status)) {
      throw errors.validation(
        `The batch inference job ${job.id} can't be stopped because its status is ${job.status}. Only a job that is Submitted, Validating, Scheduled or InProgress can be stopped.`,
      );
    }
    const at = this.now();
    this.enter(job, "Stopping", at);
    job.plan = [{ status: "Stopped", at: addSeconds(at, this.clock.Stopping) }];
  }

  /** Applies every transition due by now, one job at a time (a record run is async). */
  private refresh(job: BatchJob, run: RunRecord): Promise<void> {
    return this.busy.run(job.id, () => this.advance(job, run));
  }

  private async advance(job: BatchJob, run: RunRecord): Promise<void> {
    const now = this.now();
    while (job.plan.length && job.plan[0].at <= now) {
      const step = job.plan.shift()!;
      if (step.status === "Scheduled") {
        // Validation ends here: the input must exist and every line be a record.
        const problem = await this.readInput(job);
        if (problem) {
          job.message = problem;
          job.plan = [];
          this.enter(job, "Failed", step.at);
          return;
        }
      }
      if (step.status === "Completed" || step.status === "PartiallyCompleted") {
        const started = job.lastModifiedTime.getTime();
        const share = step.status === "Completed" ? 1 : (step.at.getTime() - started) / (this.clock.InProgress * 1000);
        await this.process(job, run, share);
      }
      this.enter(job, step.status, step.at);
    }
  }

  private enter(job: BatchJob, status: JobStatus, at: Date): void {
    job.status = status;
    job.lastModifiedTime = at;
    if (!STOPPABLE.has(status) && status !== "Stopping") job.endTime = at;
  }

  /** Reads the input JSONL (one object, or every .jsonl under a prefix). Returns the failure message, if any. */
  private async readInput(job: BatchJob): Promise<string | undefined> {
    const { bucket, key } = parseS3Uri(job.inputUri);
    const keys = key.endsWith(".jsonl") ? [key] : (await this.objects.list(bucket, key === "" || key.endsWith("/") ? key : key + "/")).filter((k) => k.endsWith(".jsonl"));
    const files: NonNullable<BatchJob["files"]> = [];
    for (const k of keys) {
      const body = await this.objects.get(bucket, k);
      if (!body) continue;
      const records: BatchRecord[] = [];
      const lines = utf8Text(body).split(/\r?\n/);
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].trim()) continue;
        let value: unknown;
        try {
          value = JSON.parse(lines[i]);
        } catch {
          return `Line ${i + 1} of s3://${bucket}/${k} is not valid JSON. Each line of a batch input file must be one JSON object with a modelInput field.`;
        }
        const rec = value as { recordId?: unknown; modelInput?: unknown };
        if (!rec || typeof rec !== "object" || !rec.modelInput || typeof rec.modelInput !== "object" || Array.isArray(rec.modelInput)) {
          return `Line ${i + 1} of s3://${bucket}/${k} has no modelInput object. Each line of a batch input file must be one JSON object with a modelInput field.`;
        }
        records.push({ recordId: typeof rec.recordId === "string" ? rec.recordId : recordIdFor(k, i + 1), modelInput: rec.modelInput as Record<string, unknown> });
      }
      files.push({ key: k, records });
    }
    if (files.length === 0) {
      return `No input data found at ${job.inputUri}: there is no .jsonl object at that location. Upload the JSONL file there (or point s3Uri at it) and create the job again.`;
    }
    job.files = files;
    job.counts = { totalRecordCount: files.reduce((n, f) => n + f.records.length, 0) };
    return undefined;
  }

  /** Runs the records (all, or the share the time allowed), writes `<file>.out` per input file and manifest.json.out. */
  private async process(job: BatchJob, run: RunRecord, share: number): Promise<void> {
    const total = job.counts!.totalRecordCount;
    let budget = Math.floor(total * Math.min(1, Math.max(0, share)));
    const { bucket, key } = parseS3Uri(job.outputUri);
    const dir = `${key === "" || key.endsWith("/") ? key : key + "/"}${job.id}/`;
    let success = 0;
    let failed = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    for (const file of job.files!) {
      const lines: string[] = [];
      for (const record of unordered(file.records)) {
        if (budget-- <= 0) break;
        const r = await run(job, record);
        inputTokens += r.inputTokens;
        outputTokens += r.outputTokens;
        if (r.error) failed++;
        else success++;
        lines.push(JSON.stringify({ recordId: record.recordId, modelInput: record.modelInput, ...(r.error ? { error: r.error } : { modelOutput: r.modelOutput }) }));
      }
      const name = file.key.slice(file.key.lastIndexOf("/") + 1);
      await this.objects.put(bucket, `${dir}${name}.out`, lines.map((l) => l + "\n").join(""));
    }
    const manifest = { totalRecordCount: total, processedRecordCount: success + failed, successRecordCount: success, errorRecordCount: failed, inputTokenCount: inputTokens, outputTokenCount: outputTokens };
    await this.objects.put(bucket, `${dir}manifest.json.out`, JSON.stringify(manifest));
    job.counts = { totalRecordCount: total, processedRecordCount: success + failed, successRecordCount: success, errorRecordCount: failed };
  }
}
