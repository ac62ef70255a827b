import {
  BedrockClient,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  paginateListModelInvocationJobs,
  StopModelInvocationJobCommand,
  type GetModelInvocationJobCommandOutput,
  type ModelInvocationJobStatus,
  type ModelInvocationJobSummary,
} from "@aws-sdk/client-bedrock";
import {
  assertBatchWithinBudget,
  batchCostBound,
  type BatchInvocationType,
  type BatchRecord,
} from "bedrock-guide";

/**
 * Every job and evaluation of this chapter carries this tag (for your bill and your audits) and a
 * name starting with "guide-05-". The chapter finds its jobs by that name, which the List calls
 * filter on (nameContains); the emulator keeps job tags but cannot list them.
 */
export const CHAPTER_TAG = {
  key: "guide-chapter",
  value: "05-evaluating-at-scale",
};
export const JOB_NAME_PREFIX = "guide-05-";

/** States in which a job still runs (or may start): the ones StopModelInvocationJob accepts. */
export const RUNNING: readonly ModelInvocationJobStatus[] = [
  "Submitted",
  "Validating",
  "Scheduled",
  "InProgress",
];
const FINISHED: readonly ModelInvocationJobStatus[] = [
  "Completed",
  "PartiallyCompleted",
  "Failed",
  "Stopped",
  "Expired",
];

/** The chapter's jobs that are still running, found by their name's prefix. */
export async function runningChapterJobs(
  bedrock = new BedrockClient({}),
): Promise<ModelInvocationJobSummary[]> {
  const found: ModelInvocationJobSummary[] = [];
  for await (const page of paginateListModelInvocationJobs(
    { client: bedrock },
    // nameContains may not end in a hyphen (AWS's pattern): the prefix is checked below.
    { nameContains: JOB_NAME_PREFIX.replace(/-+$/, "") },
  ))
    for (const job of page.invocationJobSummaries ?? [])
      if (
        job.jobName?.startsWith(JOB_NAME_PREFIX) &&
        RUNNING.includes(job.status!)
      )
        found.push(job);
  return found;
}

export interface JobRequest {
  /** What the job is for ("haiku", "nova"): its name is guide-05-<purpose>-<time>. */
  purpose: string;
  modelId: string;
  invocationType: BatchInvocationType;
  records: readonly BatchRecord[];
  inputUri: string;
  outputUri: string;
  roleArn: string;
  budgetUsd: number;
}

/**
 * Starts the job, or picks up the one an earlier run of the notebook left running for the same
 * purpose, so leaving the notebook and coming back never pays twice. Before creating, it bounds
 * the job's cost and refuses above the budget (assertBatchWithinBudget throws).
 */
export async function startOrResumeJob(
  request: JobRequest,
  bedrock = new BedrockClient({}),
): Promise<{ jobArn: string; resumed: boolean }> {
  const name = `${JOB_NAME_PREFIX}${request.purpose}-`;
  const running = (await runningChapterJobs(bedrock)).find((job) =>
    job.jobName?.startsWith(name),
  );
  if (running) return { jobArn: running.jobArn!, resumed: true };
  assertBatchWithinBudget(
    batchCostBound(request.records, request.modelId),
    request.budgetUsd,
  );
  const { jobArn } = await bedrock.send(
    new CreateModelInvocationJobCommand({
      jobName: `${name}${Date.now().toString(36)}`,
      modelId: request.modelId,
      modelInvocationType: request.invocationType,
      roleArn: request.roleArn,
      inputDataConfig: {
        s3InputDataConfig: {
          s3Uri: request.inputUri,
          s3InputFormat: "JSONL",
        },
      },
      outputDataConfig: {
        s3OutputDataConfig: { s3Uri: request.outputUri },
      },
      // The shortest timeout AWS allows: a job not done in a day is one to look at.
      timeoutDurationInHours: 24,
      tags: [CHAPTER_TAG],
    }),
  );
  return { jobArn: jobArn!, resumed: false };
}

/**
 * Asks for the job's status until it finishes, waiting longer each time (doubling from
 * `firstDelayMs` up to `maxDelayMs`): a job takes minutes to hours live, and there is no reason
 * to ask every second. `onStatus` hears each change of status.
 */
export async function waitForJob(
  jobArn: string,
  options: {
    firstDelayMs: number;
    maxDelayMs: number;
    onStatus?: (status: ModelInvocationJobStatus) => void;
  },
  bedrock = new BedrockClient({}),
): Promise<GetModelInvocationJobCommandOutput> {
  let delay = options.firstDelayMs;
  let last: string | undefined;
  for (;;) {
    const job = await bedrock.send(
      new GetModelInvocationJobCommand({ jobIdentifier: jobArn }),
    );
    if (job.status !== last) options.onStatus?.(job.status!);
    last = job.status;
    if (FINISHED.includes(job.status!)) return job;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, options.maxDelayMs);
  }
}

/** Stops a job that is still running; a finished job cannot be stopped, so it is left alone. */
export async function stopJob(
  jobArn: string,
  bedrock = new BedrockClient({}),
): Promise<ModelInvocationJobStatus> {
  const { status } = await bedrock.send(
    new GetModelInvocationJobCommand({ jobIdentifier: jobArn }),
  );
  if (!RUNNING.includes(status!)) return status!;
  await bedrock.send(
    new StopModelInvocationJobCommand({ jobIdentifier: jobArn }),
  );
  const after = await bedrock.send(
    new GetModelInvocationJobCommand({ jobIdentifier: jobArn }),
  );
  return after.status!;
}
