// Evaluation jobs (CreateEvaluationJob and friends): automated, model-as-judge jobs over a custom
// prompt data set in S3. Their states on the emulator's clock (the batch jobs' clock: InProgress
// lasts its InProgress seconds, Stopping and Deleting its Stopping seconds), reading the data set,
// and writing the results where AWS writes them. The generator's reply is handed in
// (services/evaluation.ts runs it through the runtime's Converse route); the judge is ./judge.ts.
//
// Sources (read 2026-12-05):
// - data set: docs.aws.amazon.com/bedrock/latest/userguide/model-evaluation-prompt-datasets-judge.html
//   (JSON Lines, `.jsonl`, one object per line: `prompt` required, `referenceResponse` and `category`
//   optional; up to 1000 prompts per job);
// - results: docs.aws.amazon.com/bedrock/latest/userguide/model-evaluation-report-s3.html
//   (`<output>/<job-name>/<job-uuid>/models/<model-id>/taskTypes/<task-type>/datasets/<dataset>/<file-uuid>_output.jsonl`,
//   each line `{ automatedEvaluationResult: { scores: [{ metricName, result }] }, inputRecord, modelResponses:
//   [{ response, modelIdentifier }] }`; judge jobs add `evaluatorDetails: [{ modelIdentifier, explanation }]`
//   to each score).
import { ACCOUNT_ID } from "../arn";
import { errors } from "../errors";
import { randomUuid, utf8Text } from "../bytes";
import { parseS3Uri, type ObjectStore } from "./object-store";
import { judge } from "./judge";
import type { TimedState } from "./jobs";
import { OneAtATime } from "./one-at-a-time";

export type EvaluationStatus = "InProgress" | "Completed" | "Failed" | "Stopping" | "Stopped" | "Deleting";

/** The documented limit of prompts in one job's data set. */
export const MAX_PROMPTS = 1000;

export interface DatasetMetricConfig {
  taskType: string;
  dataset: { name: string; datasetLocation?: { s3Uri?: string } };
  metricNames: string[];
}
export interface EvaluationRequest extends Record<string, unknown> {
  jobName: string;
  roleArn: string;
  clientRequestToken?: string;
  evaluationConfig: { automated?: { datasetMetricConfigs: DatasetMetricConfig[]; evaluatorModelConfig?: { bedrockEvaluatorModels?: { modelIdentifier: string }[] } } };
  inferenceConfig: { models?: { bedrockModel?: { modelIdentifier: string; inferenceParams?: string } }[] };
  outputDataConfig: { s3Uri: string };
}

export interface EvaluationJob {
  id: string;
  arn: string;
  region: string;
  request: EvaluationRequest;
  generator: string;
  evaluator: string;
  status: EvaluationStatus;
  failureMessages?: string[];
  creationTime: Date;
  lastModifiedTime: Date;
  plan: { status: EvaluationStatus | "Gone"; at: Date }[];
}

/** One reply of the generator model: the text, or the error a live call would get. */
export type Generate = (job: EvaluationJob, prompt: string) => Promise<{ text: string } | { error: string }>;

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const NOT_FOUND = "The specified resource Amazon Resource Name (ARN) was not found. Check the Amazon Resource Name (ARN) and try your request again.";

interface PromptRecord {
  prompt: string;
  referenceResponse?: string;
  category?: string;
}

export class EvaluationJobStore {
  private readonly jobs = new Map<string, EvaluationJob>();
  private readonly busy = new OneAtATime();
  private counter = 0;

  constructor(
    private readonly objects: ObjectStore,
    private readonly clock: Record<TimedState, number>,
    private readonly now: () => Date,
  ) {}

  create(region: string, request: EvaluationRequest, generator: string, evaluator: string): EvaluationJob {
    const mine = [...this.jobs.values()].filter((j) => j.region === region);
    if (request.clientRequestToken) {
      const same = mine.find((j) => j.request.clientRequestToken === request.clientRequestToken);
      if (same) return same;
    }
    // The API reference: "Names must [be] unique with your Amazon Web Services account, and your account's Amazon Web Services region."
    if (mine.some((j) => j.request.jobName === request.jobName)) {
      throw errors.conflict(`An evaluation job named ${request.jobName} already exists in this account and Region. Choose a different jobName.`);
    }
    const at = this.now();
    const id = (at.getTime().toString(36) + (++this.counter).toString(36).padStart(4, "0")).slice(-12).padStart(12, "0");
    const job: EvaluationJob = {
      id,
      arn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:evaluation-job/${id}`,
      region,
      request,
      generator,
      evaluator,
      status: "InProgress",
      creationTime: at,
      lastModifiedTime: at,
      plan: [{ status: "Completed", at: addSeconds(at, this.clock.InProgress) }],
    };
    this.jobs.set(id, job);
    return job;
  }

  /** The job by ARN, brought up to the emulator's clock. */
  async get(region: string, arn: string, generate: Generate): Promise<EvaluationJob> {
    const job = this.find(region, arn);
    if (!job) throw errors.notFound(NOT_FOUND);
    await this.refresh(job, generate);
    if (!this.jobs.has(job.id)) throw errors.notFound(NOT_FOUND);
    return job;
  }

  async list(region: string, generate: Generate): Promise<EvaluationJob[]> {
    const jobs = [...this.jobs.values()].filter((j) => j.region === region);
    for (const j of jobs) await this.refresh(j, generate);
    return jobs.filter((j) => this.jobs.has(j.id));
  }

  async stop(region: string, arn: string, generate: Generate): Promise<void> {
    const job = await this.get(region, arn, generate);
    if (job.status !== "InProgress") {
      throw errors.validation(`The evaluation job ${job.request.jobName} can't be stopped because its status is ${job.status}. Only an InProgress job can be stopped.`);
    }
    const at = this.now();
    this.enter(job, "Stopping", at);
    job.plan = [{ status: "Stopped", at: addSeconds(at, this.clock.Stopping) }];
  }

  /** Marks a finished job Deleting (it disappears one Stopping step later); the reason it can't, if any. */
  async delete(region: string, arn: string, generate: Generate): Promise<{ status: EvaluationStatus } | { code: string; message: string }> {
    const job = this.find(region, arn);
    if (!job) return { code: "404", message: NOT_FOUND };
    await this.refresh(job, generate);
    if (!this.jobs.has(job.id)) return { code: "404", message: NOT_FOUND };
    if (job.status === "InProgress" || job.status === "Stopping") {
      return { code: "409", message: `The evaluation job ${job.request.jobName} is ${job.status}. Stop it, or wait until it ends, before you delete it.` };
    }
    if (job.status !== "Deleting") {
      const at = this.now();
      this.enter(job, "Deleting", at);
      job.plan = [{ status: "Gone", at: addSeconds(at, this.clock.Stopping) }];
    }
    return { status: job.status };
  }

  private find(region: string, arn: string): EvaluationJob | undefined {
    const job = this.jobs.get(arn.slice(arn.lastIndexOf("/") + 1));
    return job && job.region === region && job.arn === arn ? job : undefined;
  }

  private refresh(job: EvaluationJob, generate: Generate): Promise<void> {
    return this.busy.run(job.id, () => this.advance(job, generate));
  }

  private async advance(job: EvaluationJob, generate: Generate): Promise<void> {
    const now = this.now();
    while (job.plan.length && job.plan[0].at <= now) {
      const step = job.plan.shift()!;
      if (step.status === "Gone") {
        this.jobs.delete(job.id);
        this.busy.forget(job.id);
        return;
      }
      if (step.status === "Completed") {
        const problems = await this.run(job, generate);
        if (problems.length) {
          job.failureMessages = problems;
          this.enter(job, "Failed", step.at);
          continue;
        }
      }
      this.enter(job, step.status, step.at);
    }
  }

  private enter(job: EvaluationJob, status: EvaluationStatus, at: Date): void {
    job.status = status;
    job.lastModifiedTime = at;
  }

  /** Reads a data set; returns its records or the reason it can't be used. */
  private async readDataset(uri: string): Promise<PromptRecord[] | string> {
    const { bucket, key } = parseS3Uri(uri);
    const body = await this.objects.get(bucket, key);
    if (!key.endsWith(".jsonl") || !body) {
      return `No prompt data set found at ${uri}. A custom prompt data set is one .jsonl object in Amazon S3; upload it there and create the job again.`;
    }
    const records: PromptRecord[] = [];
    const lines = utf8Text(body).split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      let v: unknown;
      try {
        v = JSON.parse(lines[i]);
      } catch {
        return `Line ${i + 1} of ${uri} is not valid JSON. Each line of a prompt data set must be one JSON object.`;
      }
      const r = v as Record<string, unknown>;
      if (!r || typeof r !== "object" || typeof r.prompt !== "string") return `Line ${i + 1} of ${uri} has no "prompt" string. Each line of a prompt data set needs one.`;
      if (r.referenceResponse !== undefined && typeof r.referenceResponse !== "string") return `Line ${i + 1} of ${uri}: "referenceResponse" must be a string.`;
      if (r.category !== undefined && typeof r.category !== "string") return `Line ${i + 1} of ${uri}: "category" must be a string.`;
      records.push({ prompt: r.prompt, ...(r.referenceResponse !== undefined ? { referenceResponse: r.referenceResponse as string } : {}), ...(r.category !== undefined ? { category: r.category as string } : {}) });
    }
    if (records.length === 0) return `The prompt data set at ${uri} has no records.`;
    if (records.length > MAX_PROMPTS) return `The prompt data set at ${uri} has ${records.length} prompts; an evaluation job takes at most ${MAX_PROMPTS}.`;
    return records;
  }

  /** Runs every data set through the generator and the judge and writes the results. Returns failure messages. */
  private async run(job: EvaluationJob, generate: Generate): Promise<string[]> {
    const configs = job.request.evaluationConfig.automated!.datasetMetricConfigs;
    const read = await Promise.all(configs.map((c) => this.readDataset(c.dataset.datasetLocation!.s3Uri!)));
    const problems = read.filter((r): r is string => typeof r === "string");
    if (problems.length) return problems;
    const { bucket, key } = parseS3Uri(job.request.outputDataConfig.s3Uri);
    if (!(await this.objects.hasBucket(bucket))) return [`The output bucket ${bucket} does not exist. Create it (CreateBucket) and create the job again.`];
    const root = `${key === "" || key.endsWith("/") ? key : key + "/"}${job.request.jobName}/${job.id}/models/${job.generator}`;
    for (let d = 0; d < configs.length; d++) {
      const config = configs[d];
      const lines: string[] = [];
      for (const record of read[d] as PromptRecord[]) {
        const reply = await generate(job, record.prompt);
        if ("error" in reply) return [`The model ${job.generator} could not answer a prompt of ${config.dataset.name}: ${reply.error}`];
        const scores = config.metricNames.map((m) => judge(m, { ...record, response: reply.text }, job.evaluator));
        lines.push(JSON.stringify({ automatedEvaluationResult: { scores }, inputRecord: record, modelResponses: [{ response: reply.text, modelIdentifier: job.generator }] }));
      }
      const out = `${root}/taskTypes/${config.taskType}/datasets/${config.dataset.name}/${randomUuid()}_output.jsonl`;
      await this.objects.put(bucket, out, lines.map((l) => l + "\n").join(""), { contentType: "application/jsonl" });
    }
    return [];
  }
}
