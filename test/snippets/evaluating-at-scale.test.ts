// Chapter 5's lessons against the emulator, offline: the data set and its records, the numbers
// behind "one at a time or a job", S3 and the service role, the job's life (create or resume,
// back-off, stop), the results joined and checked, an evaluation job, the clean-up and the advice.
// Expected values come from AWS's documentation (record and output formats, quotas, the batch
// discount, job states) or were worked out by hand.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  BedrockClient,
  CreateModelInvocationJobCommand,
  GetEvaluationJobCommand,
  GetModelInvocationJobCommand,
  ListModelInvocationJobsCommand,
} from "@aws-sdk/client-bedrock";
import { emulatorRequestHandler } from "bedrock-emulator/sdk-handler";
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { explainError, modelIdFor, startGuide, type BatchRecord, type BatchResults, type Guide } from "bedrock-guide";
import { evaluate } from "../bedrock-guide/iam-evaluator";
import { abCases, abChecks, abVariants } from "../../snippets/05-evaluating-at-scale/data-set";
import { recordOrigin, recordsForJob } from "../../snippets/05-evaluating-at-scale/build-records";
import { batchOrCalls } from "../../snippets/05-evaluating-at-scale/when-to-batch";
import { CHAPTER_PREFIX, chapterPlace, chapterRolePolicies, chapterS3, s3Uri, uploadJsonl } from "../../snippets/05-evaluating-at-scale/s3-and-role";
import { CHAPTER_TAG, JOB_NAME_PREFIX, runningChapterJobs, startOrResumeJob, stopJob, waitForJob } from "../../snippets/05-evaluating-at-scale/run-job";
import { answerIn, checkJobAnswers, failuresByReason, passRateTable, readJobResults, type CheckedAnswer } from "../../snippets/05-evaluating-at-scale/read-results";
import { readEvaluation, startEvaluation, waitForEvaluation } from "../../snippets/05-evaluating-at-scale/evaluation-job";
import { cleanUpChapter } from "../../snippets/05-evaluating-at-scale/clean-up";
import { checkRecordCount } from "bedrock-guide";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_2_LITE = "amazon.nova-2-lite-v1:0";
const NOVA_PRO = "amazon.nova-pro-v1:0";
const ACCOUNT = "123456789012";
const fast = { firstDelayMs: 20, maxDelayMs: 80 };

let guide: Guide;
let s3: S3Client;
const savedClock = process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS;

beforeAll(async () => {
  // Each job state lasts 0.3 s: a whole job runs in about a second, long enough that a job the
  // test has just created is still running at its next call, even on a loaded machine.
  process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS = "0.3";
  guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "en", quiet: true });
  s3 = chapterS3();
});
afterAll(async () => {
  await guide.stop();
  if (savedClock === undefined) delete process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS;
  else process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS = savedClock;
});

const place = () => chapterPlace(guide);
const cleanUp = () => cleanUpChapter({ namePrefix: JOB_NAME_PREFIX, bucket: place().bucket, prefix: place().prefix, deleteBucket: true, s3 });
afterEach(async () => {
  vi.restoreAllMocks();
  // Stop whatever a test left running, and wait until no chapter job runs, so tests stay apart.
  await cleanUp();
  for (const job of await runningChapterJobs()) await waitForJob(job.jobArn!, fast);
});

describe("the data set and its records", () => {
  it("50 cases in each language, with unique alphanumeric keys, and two variants", () => {
    for (const lang of ["es", "en"] as const) {
      const cases = abCases(lang);
      expect(cases).toHaveLength(50);
      expect(new Set(cases.map((c) => c.key)).size).toBe(50);
      for (const c of cases) expect(c.key).toMatch(/^[A-Za-z0-9]+$/);
      expect(abVariants(lang).map((v) => v.id)).toEqual(["A", "B"]);
    }
  });

  it("chapter 3's checks: a hand-written answer that follows the specific wording passes, a paragraph fails", async () => {
    const [first] = abCases("en"); // inference profiles, keyword "profiles"
    const { checkAnswer } = await import("bedrock-guide");
    const good = "- Inference profiles send your calls to the model in several regions\n- They help when one region is busy with other work\n- Their names start with a prefix such as us or eu";
    expect((await checkAnswer(good, abChecks(first, "en"))).passed).toBe(true);
    const paragraph = "Inference profiles are a way to route calls to a model across several regions.";
    const failed = (await checkAnswer(paragraph, abChecks(first, "en"))).results.filter((r) => !r.passed).map((r) => r.check);
    expect(failed).toEqual(["bullets(3)"]);
  });

  it("Haiku gets Anthropic's Messages body and Nova the Converse body; IDs name variant and case", async () => {
    const cases = abCases("en");
    const variants = abVariants("en");
    const haiku = recordsForJob({ variants, inputs: cases, modelId: await modelIdFor(HAIKU), invocationType: "InvokeModel" });
    const nova = recordsForJob({ variants, inputs: cases, modelId: await modelIdFor(NOVA_2_LITE), invocationType: "Converse" });
    for (const records of [haiku, nova]) {
      expect(records).toHaveLength(100);
      expect(new Set(records.map((r) => r.recordId)).size).toBe(100);
    }
    // AWS's Anthropic body on Bedrock: anthropic_version "bedrock-2023-05-31", max_tokens, messages with typed content.
    expect(haiku[0]).toEqual({
      recordId: "A0000000001",
      modelInput: {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        messages: [{ role: "user", content: [{ type: "text", text: "Tell me about inference profiles for beginners." }] }],
      },
    });
    // The Converse body without modelId: the job names the model.
    expect(nova[99].recordId).toBe("B0000000050");
    expect(nova[99].modelInput).not.toHaveProperty("modelId");
    expect(nova[99].modelInput).toMatchObject({ inferenceConfig: { maxTokens: 300 }, messages: [{ role: "user" }] });
    // Hand-checked: "B0000000007" is variant B on the seventh case (index 6).
    expect(recordOrigin("B0000000007")).toEqual({ variantId: "B", index: 6 });
    expect(recordOrigin(haiku[57].recordId)).toEqual({ variantId: "B", index: 7 });
  });
});

describe("one at a time or a job", () => {
  const usd = (s: string | number) => Number(String(s).replace(/[^0-9.]/g, ""));
  it("batch costs half of on demand (AWS's documented 50%), and the minimum comes from AWS's quota table", async () => {
    const cases = abCases("en");
    const records = recordsForJob({ variants: abVariants("en"), inputs: cases, modelId: await modelIdFor(NOVA_2_LITE), invocationType: "Converse" });
    const nova = batchOrCalls({ model: "Nova Lite", modelId: await modelIdFor("amazon.nova-lite-v1:0"), records, lang: "en" });
    expect(nova["minimum records"]).toBe(100); // "Minimum number of records per batch inference job for Nova Lite V1"
    expect(usd(nova.batch) / usd(nova["on demand"])).toBeCloseTo(0.5, 2);
    // Mistral Small: AWS's default quota is 400 requests per minute, so 100 calls need 15 s at least.
    const mistral = batchOrCalls({ model: "Mistral Small", modelId: "mistral.mistral-small-2402-v1:0", records, lang: "en" });
    expect(mistral["one at a time"]).toBe("≥ 15 s (400/min)");
    // No price in data/prices.json: no figure, never $0.
    expect(mistral.batch).toBe("—");
    // AWS publishes no job duration, only its timeout.
    expect(mistral.job).toBe("no published duration (timeout 24–168 h)");
    const haiku = batchOrCalls({ model: "Haiku", modelId: await modelIdFor(HAIKU), records, lang: "es" });
    expect(haiku["mínimo de registros"]).toBe("no publicado en la fuente de la guía");
    expect(haiku["de uno en uno"]).toBe("sin cuota en la guía: mira la tuya");
  });
});

describe("S3 and the service role", () => {
  it("offline: a bucket of the chapter's own; live: the reader's bucket and roles, or a clear refusal", () => {
    expect(place()).toMatchObject({ bucket: "bedrock-guide-05", prefix: CHAPTER_PREFIX, accountId: ACCOUNT, ownBucket: true });
    const live = { ...guide, mode: "live" as const };
    expect(() => chapterPlace(live, {})).toThrow(/BEDROCK_GUIDE_BATCH_BUCKET.*BEDROCK_GUIDE_BATCH_ROLE_ARN.*BEDROCK_GUIDE_EVALUATION_ROLE_ARN/);
    const env = { BEDROCK_GUIDE_BATCH_BUCKET: "my-bucket", BEDROCK_GUIDE_BATCH_ROLE_ARN: "arn:aws:iam::111122223333:role/Batch", BEDROCK_GUIDE_EVALUATION_ROLE_ARN: "arn:aws:iam::111122223333:role/Eval" };
    expect(chapterPlace(live, env)).toMatchObject({ bucket: "my-bucket", accountId: "111122223333", ownBucket: false });
  });

  it("addresses S3 path-style, which the emulator needs when the SDK would put the bucket in the host name (as in a page)", async () => {
    // No endpoint, as a page's client has none: the SDK builds https://s3.us-east-1.amazonaws.com/...
    // and the emulator's request handler answers it. Virtual-hosted, the bucket would be in the
    // host name, which the handler never reads.
    // In Node the session's AWS_ENDPOINT_URL (an IP address) makes the SDK use the path anyway.
    const endpoint = process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL;
    try {
      const pageLike = chapterS3({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, requestHandler: emulatorRequestHandler() });
      await pageLike.send(new CreateBucketCommand({ Bucket: "page-bucket" }));
      await pageLike.send(new PutObjectCommand({ Bucket: "page-bucket", Key: "a/b.jsonl", Body: "{}\n" }));
      const listed = await pageLike.send(new ListObjectsV2Command({ Bucket: "page-bucket" }));
      expect(listed.Contents!.map((o) => o.Key)).toEqual(["a/b.jsonl"]);
    } finally {
      process.env.AWS_ENDPOINT_URL = endpoint;
    }
  });

  it("uploads JSONL path-style to the emulator: one JSON object per line, read back as written", async () => {
    const uri = await uploadJsonl(place(), "t.jsonl", [{ recordId: "R1", modelInput: { a: 1 } }, { recordId: "R2", modelInput: { b: "ñ" } }], s3);
    expect(uri).toBe("s3://bedrock-guide-05/guide-05/input/t.jsonl");
    const body = await (await s3.send(new GetObjectCommand({ Bucket: "bedrock-guide-05", Key: "guide-05/input/t.jsonl" }))).Body!.transformToString();
    expect(body).toBe('{"recordId":"R1","modelInput":{"a":1}}\n{"recordId":"R2","modelInput":{"b":"ñ"}}\n');
  });

  it("the role the chapter composes reaches its own folders and nothing else (cases worked out by hand)", () => {
    const { trust, s3: policy } = chapterRolePolicies(place(), "us-east-1");
    const inAccount = { "aws:ResourceAccount": ACCOUNT };
    const object = (key: string) => `arn:aws:s3:::bedrock-guide-05/${key}`;
    // The job reads its input, writes its output and the evaluation's, under the chapter's folder.
    expect(evaluate(policy, { action: "s3:GetObject", resource: object("guide-05/input/haiku.jsonl"), context: inAccount })).toBe("allow");
    expect(evaluate(policy, { action: "s3:PutObject", resource: object("guide-05/output/abc123/haiku.jsonl.out"), context: inAccount })).toBe("allow");
    expect(evaluate(policy, { action: "s3:PutObject", resource: object("guide-05/output/evaluations/guide-05-judge-x/r.jsonl"), context: inAccount })).toBe("allow");
    expect(evaluate(policy, { action: "s3:ListBucket", resource: "arn:aws:s3:::bedrock-guide-05", context: { ...inAccount, "s3:prefix": "guide-05/input/" } })).toBe("allow");
    // Not the other way round, not a neighbouring folder, not another account's bucket of that name.
    expect(evaluate(policy, { action: "s3:PutObject", resource: object("guide-05/input/haiku.jsonl"), context: inAccount })).toBe("deny");
    expect(evaluate(policy, { action: "s3:GetObject", resource: object("guide-05/output/abc123/haiku.jsonl.out"), context: inAccount })).toBe("deny");
    expect(evaluate(policy, { action: "s3:GetObject", resource: object("guide-05/inputs-old/x.jsonl"), context: inAccount })).toBe("deny");
    expect(evaluate(policy, { action: "s3:GetObject", resource: object("guide-05/input/haiku.jsonl"), context: { "aws:ResourceAccount": "111122223333" } })).toBe("deny");
    // Bedrock may assume it for this account's batch jobs in this region only.
    const job = (region: string, account = ACCOUNT) => ({ "aws:SourceAccount": account, "aws:SourceArn": `arn:aws:bedrock:${region}:${account}:model-invocation-job/abc123` });
    expect(evaluate(trust, { action: "sts:AssumeRole", principalService: "bedrock.amazonaws.com", context: job("us-east-1") })).toBe("allow");
    expect(evaluate(trust, { action: "sts:AssumeRole", principalService: "bedrock.amazonaws.com", context: job("eu-west-1") })).toBe("deny");
    expect(evaluate(trust, { action: "sts:AssumeRole", principalService: "bedrock.amazonaws.com", context: job("us-east-1", "111122223333") })).toBe("deny");
  });
});

/** The Nova records of the chapter, uploaded, with what a job needs to run them. */
async function novaJob(purpose: string, budgetUsd = 1) {
  const modelId = await modelIdFor(NOVA_2_LITE);
  const records = recordsForJob({ variants: abVariants("en"), inputs: abCases("en"), modelId, invocationType: "Converse" });
  const inputUri = await uploadJsonl(place(), `${purpose}.jsonl`, records, s3);
  const outputUri = s3Uri(place(), "output/");
  return { purpose, modelId, invocationType: "Converse" as const, records, inputUri, outputUri, roleArn: place().roleArn, budgetUsd };
}

describe("the job's life", () => {
  it("creates a tagged job, and a second call while it runs picks it up instead of creating another", async () => {
    const request = await novaJob("nova");
    const first = await startOrResumeJob(request);
    expect(first.resumed).toBe(false);
    const again = await startOrResumeJob(request);
    expect(again).toEqual({ jobArn: first.jobArn, resumed: true });
    const bedrock = new BedrockClient({});
    const listed = await bedrock.send(new ListModelInvocationJobsCommand({ nameContains: "guide-05-nova" }));
    expect(listed.invocationJobSummaries!.filter((j) => j.status !== "Completed")).toHaveLength(1);
    const job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: first.jobArn }));
    expect(job).toMatchObject({ modelId: request.modelId, timeoutDurationInHours: 24, roleArn: place().roleArn });
    expect(job.jobName).toMatch(/^guide-05-nova-[a-z0-9]+$/);
    // Once it has finished, the next call starts a new one.
    await waitForJob(first.jobArn, fast);
    const next = await startOrResumeJob(request);
    expect(next.resumed).toBe(false);
    expect(next.jobArn).not.toBe(first.jobArn);
    expect(CHAPTER_TAG).toEqual({ key: "guide-chapter", value: "05-evaluating-at-scale" });
  });

  it("refuses a job whose cost bound is above the budget, and creates nothing", async () => {
    const request = await novaJob("nova", 0.001);
    await expect(startOrResumeJob(request)).rejects.toMatchObject({ name: "BatchBudgetExceeded" });
    expect(await runningChapterJobs()).toEqual([]);
  });

  it("polls with doubling pauses up to the cap and ends on a finished state, having seen the states in AWS's order", async () => {
    const { jobArn } = await startOrResumeJob(await novaJob("nova"));
    const pauses: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      // The SDK sets timers of its own (seconds long); the lesson's pauses are the short ones.
      if (ms !== undefined && ms > 0 && ms < 1000) pauses.push(ms);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    const seen: string[] = [];
    const done = await waitForJob(jobArn, { ...fast, onStatus: (s) => seen.push(s) });
    vi.restoreAllMocks();
    expect(done.status).toBe("Completed");
    const order = ["Submitted", "Validating", "Scheduled", "InProgress", "Completed"];
    expect(seen.at(-1)).toBe("Completed");
    expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(pauses.length).toBeGreaterThanOrEqual(3);
    expect(pauses.slice(0, 3)).toEqual([20, 40, 80]);
    expect(pauses.slice(3).every((ms) => ms === 80)).toBe(true);
  });

  it("stops a running job (Stopping, then Stopped) and leaves a finished one alone", async () => {
    const { jobArn } = await startOrResumeJob(await novaJob("stop"));
    // Stopping lasts one clock step: a slow machine may already see Stopped.
    expect(["Stopping", "Stopped"]).toContain(await stopJob(jobArn));
    expect((await waitForJob(jobArn, fast)).status).toBe("Stopped");
    // AWS refuses to stop a finished job; stopJob does not ask.
    expect(await stopJob(jobArn)).toBe("Stopped");
  });
});

describe("results", () => {
  it("reads the output from S3, joins by recordId and checks every answer: B passes where A fails", async () => {
    const request = await novaJob("nova");
    const { jobArn } = await startOrResumeJob(request);
    await waitForJob(jobArn, fast);
    const results = await readJobResults({ jobArn, outputUri: request.outputUri, records: request.records, s3 });
    expect(results.rows).toHaveLength(100);
    expect(results.rows.every((r) => r.status === "ok")).toBe(true);
    expect(results.rows.map((r) => r.recordId)).toEqual(request.records.map((r) => r.recordId));
    expect(results.manifestMismatches).toEqual([]);
    const cases = abCases("en");
    const variants = abVariants("en");
    const answers = await checkJobAnswers({
      model: "Nova 2 Lite",
      results,
      originOf: (id) => {
        const { variantId, index } = recordOrigin(id);
        return { variant: variants.find((v) => v.id === variantId)!.name, item: cases[index] };
      },
      checksFor: (c) => abChecks(c, "en"),
      lang: "en",
    });
    const rate = (variant: string) => answers.filter((a) => a.variant === variant && !a.failures.length).length;
    // The emulator follows explicit, checkable instructions and echoes vague prompts (its README).
    expect(rate("A: vague")).toBe(0);
    expect(rate("B: specific")).toBeGreaterThanOrEqual(40);
  });

  it("the answer's text from both output shapes", () => {
    expect(answerIn({ output: { message: { content: [{ text: "a" }, { text: "b" }] } }, stopReason: "end_turn" })).toEqual({ text: "ab", stopReason: "end_turn" });
    expect(answerIn({ content: [{ type: "text", text: "hola" }], stop_reason: "max_tokens" })).toEqual({ text: "hola", stopReason: "max_tokens" });
  });

  it("a failed record fails with its code and a missing one says so; rates and reasons count by hand", async () => {
    const record = (recordId: string): BatchRecord => ({ recordId, modelInput: {} });
    const results: BatchResults<BatchRecord> = {
      rows: [
        { recordId: "A1", input: record("A1"), status: "ok", modelOutput: { output: { message: { content: [{ text: "- one profiles\n- two\n- three" }] } } } },
        { recordId: "A2", input: record("A2"), status: "failed", error: { errorCode: 400, errorMessage: "bad" } },
        { recordId: "B1", input: record("B1"), status: "missing" },
      ],
      missing: ["B1"],
      failed: [],
      unexpected: [],
      manifestMismatches: [],
    };
    const { checks } = await import("bedrock-guide");
    const answers = await checkJobAnswers({
      model: "M",
      results,
      originOf: (id) => ({ variant: id[0], item: id }),
      checksFor: () => [checks.bullets({ count: 3 }), checks.contains("profiles")],
      lang: "en",
    });
    expect(answers.map((a) => a.failures)).toEqual([[], ["record error 400"], ["no result"]]);
    const table: CheckedAnswer[] = [
      { model: "M", variant: "A", recordId: "1", failures: [] },
      { model: "M", variant: "A", recordId: "2", failures: ["x", "y"] },
      { model: "M", variant: "A", recordId: "3", failures: [] },
      { model: "M", variant: "B", recordId: "4", failures: ["x"] },
    ];
    expect(passRateTable(table, "en")).toEqual([
      { model: "M", variant: "A", passed: "2/3", "%": 67 },
      { model: "M", variant: "B", passed: "0/1", "%": 0 },
    ]);
    expect(failuresByReason(table, "en")).toEqual([
      { reason: "x", A: 1, B: 1 },
      { reason: "y", A: 1, B: 0 },
    ]);
  });
});

describe("an evaluation job", () => {
  it("runs a model-as-judge job over AWS's data set format and reads every case's scores", async () => {
    const cases = [
      { prompt: "What is an inference profile?", referenceResponse: "It spreads calls across regions.", category: "profiles" },
      { prompt: "What is the Converse API?", referenceResponse: "One request shape for every text model.", category: "apis" },
    ];
    const jobName = `${JOB_NAME_PREFIX}judge-test`;
    const options = {
      jobName,
      tag: CHAPTER_TAG,
      roleArn: place().evaluationRoleArn,
      dataSetUri: await uploadJsonl(place(), "judge.jsonl", cases, s3),
      outputUri: s3Uri(place(), "output/evaluations/"),
      modelId: await modelIdFor(NOVA_2_LITE),
      judgeId: await modelIdFor(NOVA_PRO),
      maxTokens: 100,
    };
    const arn = await startEvaluation(options);
    // Names are unique per account and region (AWS's API reference): the same name again is refused.
    await expect(startEvaluation(options)).rejects.toMatchObject({ name: "ConflictException" });
    expect(await waitForEvaluation(arn, fast)).toBe("Completed");
    const judged = await readEvaluation({ outputUri: options.outputUri, jobName }, s3);
    expect(judged.map((j) => j.category).sort()).toEqual(["apis", "profiles"]);
    for (const j of judged) {
      expect(Object.keys(j.scores).sort()).toEqual(["Builtin.Completeness", "Builtin.Correctness", "Builtin.Relevance"]);
      for (const score of Object.values(j.scores)) expect(score).toBeGreaterThanOrEqual(0), expect(score).toBeLessThanOrEqual(1);
      expect(j.response.length).toBeGreaterThan(0);
    }
    // The clean-up deletes it: Deleting, then gone.
    await cleanUp();
    await new Promise((r) => setTimeout(r, 700));
    await expect(new BedrockClient({}).send(new GetEvaluationJobCommand({ jobIdentifier: arn }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });
});

describe("clean-up", () => {
  it("stops the chapter's running jobs, deletes its objects and its bucket, and finds nothing the second time", async () => {
    const { jobArn } = await startOrResumeJob(await novaJob("nova"));
    const report = await cleanUp();
    expect(report.stoppedJobs).toEqual([expect.stringMatching(/^guide-05-nova-/)]);
    expect(report.deletedObjects).toBe(1);
    expect(report.deletedBucket).toBe(true);
    expect(["Stopping", "Stopped"]).toContain((await new BedrockClient({}).send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }))).status);
    await expect(s3.send(new HeadBucketCommand({ Bucket: "bedrock-guide-05" }))).rejects.toMatchObject({ name: "NotFound" });
    expect(await cleanUp()).toEqual({ stoppedJobs: [], stoppedEvaluations: [], deletedEvaluations: [], deletedObjects: 0, deletedBucket: false });
  });

  it("leaves alone what is not the chapter's: another job, and objects outside its folder (so the bucket stays)", async () => {
    const request = await novaJob("nova");
    const bedrock = new BedrockClient({});
    const other = await bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: "not-guide-05-job",
        modelId: request.modelId,
        modelInvocationType: "Converse",
        roleArn: request.roleArn,
        inputDataConfig: { s3InputDataConfig: { s3Uri: request.inputUri } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://bedrock-guide-05/elsewhere/" } },
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: "bedrock-guide-05", Key: "keep/me.txt", Body: "x" }));
    const report = await cleanUp();
    expect(report.stoppedJobs).toEqual([]);
    expect(report.deletedBucket).toBe(false);
    expect((await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: other.jobArn }))).status).not.toMatch(/Stop/);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: "bedrock-guide-05" }));
    expect(left.Contents!.map((o) => o.Key)).toEqual(["keep/me.txt"]);
    // Tidy up by hand what the chapter would not touch.
    await waitForJob(other.jobArn!, fast);
    const { DeleteObjectsCommand, DeleteBucketCommand } = await import("@aws-sdk/client-s3");
    const all = await s3.send(new ListObjectsV2Command({ Bucket: "bedrock-guide-05" }));
    await s3.send(new DeleteObjectsCommand({ Bucket: "bedrock-guide-05", Delete: { Objects: all.Contents!.map((o) => ({ Key: o.Key })) } }));
    await s3.send(new DeleteBucketCommand({ Bucket: "bedrock-guide-05" }));
  });
});

describe("advice", () => {
  it("too few records for a model with a published minimum: the batch advice, in both languages", async () => {
    const novaLite = await modelIdFor("amazon.nova-lite-v1:0");
    for (const lang of ["es", "en"] as const) {
      const error = (() => {
        try {
          checkRecordCount(40, novaLite, lang);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toMatchObject({ name: "BatchTooFewRecords", count: 40, limit: 100 });
      const advice = explainError(error, { modelId: novaLite, lang });
      expect(advice.problem).toBe("batch-too-few-records");
      expect(advice.explanation).toContain(lang === "es" ? "100 para" : "100 for");
    }
  });
});
