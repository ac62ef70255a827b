// Evaluation jobs through the real bedrock and S3 clients: AWS's validation of CreateEvaluationJob
// (from its model), the life of a model-as-judge job on an injected clock (InProgress → Completed,
// Stopping → Stopped, Failed, Deleting → gone), and its results where AWS's user guide puts them,
// with the synthetic judge's scores checked against hand-counted word overlaps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BatchDeleteEvaluationJobCommand,
  CreateEvaluationJobCommand,
  GetEvaluationJobCommand,
  ListEvaluationJobsCommand,
  StopEvaluationJobCommand,
  type BedrockClient,
  type CreateEvaluationJobCommandInput,
} from "@aws-sdk/client-bedrock";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { scriptedResponder, startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, credentials, expectAwsError, sdk } from "./helpers";

const MODEL = "amazon.nova-micro-v1:0"; // on demand in us-east-1
const JUDGE = "amazon.nova-pro-v1:0";
const ROLE = "arn:aws:iam::123456789012:role/EvalRole";

let clock = TODAY.getTime();
const advance = (seconds: number) => void (clock += seconds * 1000);
let emu: RunningEmulator;
let br: BedrockClient;
let s3: S3Client;

// The generator's replies are scripted, so the judge's scores can be counted by hand.
const responder = scriptedResponder([
  { prompt: /capital of France/, reply: "Paris is the capital" },
  { prompt: /Bedrock/, reply: "A managed service" },
]);

beforeAll(async () => {
  emu = await startEmulator({ now: () => new Date(clock), env: {}, responder });
  br = sdk(emu.url).bedrock;
  s3 = new S3Client({ endpoint: emu.url, region: "us-east-1", credentials, forcePathStyle: true, maxAttempts: 1 });
  await s3.send(new CreateBucketCommand({ Bucket: "guide-eval" }));
  // AWS's documented data set format: one JSON object per line, prompt + referenceResponse + category.
  const dataset = [
    { prompt: "What is the capital of France?", referenceResponse: "The capital of France is Paris.", category: "geography" },
    { prompt: "What is Amazon Bedrock?", referenceResponse: "A fully managed service offering foundation models.", category: "aws" },
  ];
  await s3.send(new PutObjectCommand({ Bucket: "guide-eval", Key: "datasets/qa.jsonl", Body: dataset.map((d) => JSON.stringify(d)).join("\n") + "\n" }));
});
afterAll(() => emu.close());
beforeEach(() => void (clock = TODAY.getTime()));

let names = 0;
function job(over: Partial<CreateEvaluationJobCommandInput> = {}): CreateEvaluationJobCommandInput {
  return {
    jobName: `judge-run-${++names}`,
    roleArn: ROLE,
    applicationType: "ModelEvaluation",
    evaluationConfig: {
      automated: {
        datasetMetricConfigs: [
          { taskType: "QuestionAndAnswer", dataset: { name: "qa", datasetLocation: { s3Uri: "s3://guide-eval/datasets/qa.jsonl" } }, metricNames: ["Builtin.Correctness", "Builtin.Completeness", "Builtin.Harmfulness"] },
        ],
        evaluatorModelConfig: { bedrockEvaluatorModels: [{ modelIdentifier: JUDGE }] },
      },
    },
    inferenceConfig: { models: [{ bedrockModel: { modelIdentifier: MODEL, inferenceParams: '{"inferenceConfig":{"maxTokens":200}}' } }] },
    outputDataConfig: { s3Uri: "s3://guide-eval/results/" },
    ...over,
  };
}
const create = async (over?: Partial<CreateEvaluationJobCommandInput>) => (await br.send(new CreateEvaluationJobCommand(job(over)))).jobArn!;
const status = async (jobIdentifier: string) => (await br.send(new GetEvaluationJobCommand({ jobIdentifier }))).status;

describe("CreateEvaluationJob validation (AWS's model: botocore bedrock 2023-04-20)", () => {
  // botocore's copies of the patterns drop Smithy's ^…$ (the engine still matches the whole value).
  it("a job name that breaks AWS's pattern [a-z0-9](-*[a-z0-9]){0,62} (no capitals, no underscore)", async () => {
    await expectAwsError(
      br.send(new CreateEvaluationJobCommand(job({ jobName: "Judge_Run" }))),
      "ValidationException",
      400,
      "1 validation error detected: Value 'Judge_Run' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z0-9](-*[a-z0-9]){0,62}",
    );
  });

  it("a missing role ARN", async () => {
    await expectAwsError(
      br.send(new CreateEvaluationJobCommand(job({ roleArn: undefined }))),
      "ValidationException",
      400,
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it("a bad S3 URI (upper case is outside the S3Uri pattern) in the output and the data set location", async () => {
    const bad = job({ outputDataConfig: { s3Uri: "s3://Guide-Eval/results/" } });
    bad.evaluationConfig!.automated!.datasetMetricConfigs![0].dataset!.datasetLocation = { s3Uri: "https://guide-eval/qa.jsonl" };
    const err = await expectAwsError(br.send(new CreateEvaluationJobCommand(bad)), "ValidationException", 400, /^2 validation errors detected: /);
    expect(err.message).toContain("Value 's3://Guide-Eval/results/' at 'outputDataConfig.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://[a-z0-9][-.a-z0-9]{1,61}");
    expect(err.message).toContain("Value 'https://guide-eval/qa.jsonl' at 'evaluationConfig.automated.datasetMetricConfigs.1.member.dataset.datasetLocation.s3Uri' failed to satisfy constraint");
  });

  it("a name already used in the account and Region is a ConflictException", async () => {
    await create({ jobName: "same-name" });
    await expectAwsError(br.send(new CreateEvaluationJobCommand(job({ jobName: "same-name" }))), "ConflictException", 409, /same-name already exists/);
  });

  it("an unknown job ARN is ResourceNotFoundException", async () => {
    await expectAwsError(br.send(new GetEvaluationJobCommand({ jobIdentifier: "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/abcdefabcdef" })), "ResourceNotFoundException", 404);
  });
});

describe("the life of a model-as-judge job", () => {
  it("InProgress, then Completed, with the results where AWS writes them and hand-counted scores", async () => {
    const arn = await create({ jobName: "judge-life" });
    expect(arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:evaluation-job\/[a-z0-9]{12}$/);
    const first = await br.send(new GetEvaluationJobCommand({ jobIdentifier: arn }));
    expect(first).toMatchObject({ status: "InProgress", jobType: "Automated", applicationType: "ModelEvaluation", roleArn: ROLE, jobName: "judge-life" });
    advance(1);
    expect(await status(arn)).toBe("InProgress");
    advance(1); // the default clock: 2 seconds InProgress
    expect(await status(arn)).toBe("Completed");

    // AWS: <output>/<job-name>/<job-uuid>/models/<model-id>/taskTypes/<task-type>/datasets/<dataset>/<file-uuid>_output.jsonl
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "guide-eval", Prefix: "results/judge-life/" }));
    expect(listed.Contents).toHaveLength(1);
    const key = listed.Contents![0].Key!;
    expect(key).toMatch(new RegExp(`^results/judge-life/${arn.split("/")[1]}/models/${MODEL}/taskTypes/QuestionAndAnswer/datasets/qa/[0-9a-f-]{36}_output\\.jsonl$`));
    const lines = (await (await s3.send(new GetObjectCommand({ Bucket: "guide-eval", Key: key }))).Body!.transformToString()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const paris = lines.find((l) => l.inputRecord.category === "geography");
    expect(paris.inputRecord).toEqual({ prompt: "What is the capital of France?", referenceResponse: "The capital of France is Paris.", category: "geography" });
    expect(paris.modelResponses).toEqual([{ response: "Paris is the capital", modelIdentifier: MODEL }]);
    const score = (name: string) => paris.automatedEvaluationResult.scores.find((s: { metricName: string }) => s.metricName === name);
    // Response words {paris, is, the, capital}: all 4 in the reference → correctness 1.
    // Reference words {the, capital, of, france, is, paris}: 4 of 6 in the response → completeness 0.6667.
    expect(score("Builtin.Correctness").result).toBe(1);
    expect(score("Builtin.Completeness").result).toBe(0.6667);
    expect(score("Builtin.Completeness").evaluatorDetails).toEqual([{ modelIdentifier: JUDGE, explanation: expect.stringMatching(/^Synthetic score .*4 of the 6 distinct words/) }]);
    // Not judged offline, and saying so.
    expect(score("Builtin.Harmfulness").result).toBeNull();
    expect(score("Builtin.Harmfulness").evaluatorDetails[0].explanation).toMatch(/not judged offline/);
    // "A managed service" vs "A fully managed service offering foundation models.": {a, managed, service} all in the reference (1); 3 of 7 (0.4286).
    const aws = lines.find((l) => l.inputRecord.category === "aws").automatedEvaluationResult.scores;
    expect(aws.map((s: { result: number | null }) => s.result)).toEqual([1, 0.4286, null]);
  });

  it("Stop: InProgress → Stopping → Stopped, no results; stopping a Stopped job is refused", async () => {
    const arn = await create({ jobName: "judge-stop" });
    await br.send(new StopEvaluationJobCommand({ jobIdentifier: arn }));
    expect(await status(arn)).toBe("Stopping");
    advance(2);
    expect(await status(arn)).toBe("Stopped");
    expect((await s3.send(new ListObjectsV2Command({ Bucket: "guide-eval", Prefix: "results/judge-stop/" }))).KeyCount).toBe(0);
    await expectAwsError(br.send(new StopEvaluationJobCommand({ jobIdentifier: arn })), "ValidationException", 400, /can't be stopped because its status is Stopped/);
  });

  it("Failed, with a failure message, when the data set isn't there", async () => {
    const arn = await create({
      jobName: "judge-missing",
      evaluationConfig: { automated: { ...job().evaluationConfig!.automated!, datasetMetricConfigs: [{ taskType: "Generation", dataset: { name: "gone", datasetLocation: { s3Uri: "s3://guide-eval/datasets/gone.jsonl" } }, metricNames: ["Builtin.Correctness"] }] } },
    });
    advance(2);
    const got = await br.send(new GetEvaluationJobCommand({ jobIdentifier: arn }));
    expect(got.status).toBe("Failed");
    expect(got.failureMessages?.[0]).toMatch(/No prompt data set found at s3:\/\/guide-eval\/datasets\/gone\.jsonl/);
  });

  it("List filters by status and name; BatchDelete: Deleting, then gone; an InProgress job and an unknown ARN are errors", async () => {
    const done = await create({ jobName: "judge-list-done" });
    advance(2);
    const running = await create({ jobName: "judge-list-running" });
    const listed = await br.send(new ListEvaluationJobsCommand({ nameContains: "judge-list", statusEquals: "Completed" }));
    expect(listed.jobSummaries?.map((j) => j.jobName)).toEqual(["judge-list-done"]);
    expect(listed.jobSummaries?.[0]).toMatchObject({ jobType: "Automated", evaluationTaskTypes: ["QuestionAndAnswer"], evaluatorModelIdentifiers: [JUDGE] });
    const unknown = "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/zzzzzzzzzzzz";
    const del = await br.send(new BatchDeleteEvaluationJobCommand({ jobIdentifiers: [done, running, unknown] }));
    expect(del.evaluationJobs).toEqual([{ jobIdentifier: done, jobStatus: "Deleting" }]);
    expect(del.errors?.map((e) => [e.jobIdentifier, e.code])).toEqual([
      [running, "409"],
      [unknown, "404"],
    ]);
    expect(await status(done)).toBe("Deleting");
    advance(2);
    await expectAwsError(br.send(new GetEvaluationJobCommand({ jobIdentifier: done })), "ResourceNotFoundException", 404);
    expect((await br.send(new ListEvaluationJobsCommand({ nameContains: "judge-list" }))).jobSummaries?.map((j) => j.jobName)).toEqual(["judge-list-running"]);
  });
});
