// Batch inference jobs through the real bedrock client: AWS's validation of CreateModelInvocationJob,
// the walk through the statuses on an injected clock (no sleeping), Stop in each state, List's
// filters and pages, and the output files joined by recordId.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  ListModelInvocationJobsCommand,
  StopModelInvocationJobCommand,
  paginateListModelInvocationJobs,
  type BedrockClient,
  type CreateModelInvocationJobCommandInput,
  type ListModelInvocationJobsCommandInput,
} from "@aws-sdk/client-bedrock";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, expectAwsError, sdk } from "./helpers";

const STEP = 2; // seconds each state lasts (the default clock)
const MODEL = "amazon.nova-micro-v1:0"; // on demand in us-east-1 (data/inference-types.json)
const ROLE = "arn:aws:iam::123456789012:role/BatchRole";

let clock = TODAY.getTime();
const at = (seconds: number) => new Date(TODAY.getTime() + seconds * 1000);
const setClock = (seconds: number) => void (clock = at(seconds).getTime());

let emu: RunningEmulator;
let br: BedrockClient;

beforeAll(async () => {
  emu = await startEmulator({ now: () => new Date(clock), env: {} });
  br = sdk(emu.url).bedrock;
});
afterAll(() => emu.close());
beforeEach(() => setClock(0));

const novaBody = (text: string) => ({ messages: [{ role: "user", content: [{ text }] }], inferenceConfig: { maxTokens: 40 } });
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

function job(over: Partial<CreateModelInvocationJobCommandInput> = {}): CreateModelInvocationJobCommandInput {
  return {
    jobName: "reviews-batch",
    roleArn: ROLE,
    modelId: MODEL,
    inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-input/reviews.jsonl" } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://guide-output/runs/" } },
    timeoutDurationInHours: 24,
    ...over,
  };
}
const create = async (over?: Partial<CreateModelInvocationJobCommandInput>) => (await br.send(new CreateModelInvocationJobCommand(job(over)))).jobArn!;
const get = (jobIdentifier: string) => br.send(new GetModelInvocationJobCommand({ jobIdentifier }));
const outputText = async (bucket: string, key: string) => new TextDecoder().decode(await emu.objects.get(bucket, key));

beforeAll(async () => {
  await emu.objects.put("guide-input", "reviews.jsonl", jsonl([{ recordId: "REC00000001", modelInput: novaBody("Hola") }]));
});

describe("CreateModelInvocationJob validation (AWS's model: botocore bedrock 2023-04-20)", () => {
  it("refuses a job name with an underscore, a 23-hour timeout and a user ARN as role, all in one message", async () => {
    // Name pattern [a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\+\-\.]){0,63}: no underscore. Timeout range 24–168.
    // Role pattern arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+ : a user is not a role.
    const err = await expectAwsError(
      br.send(new CreateModelInvocationJobCommand(job({ jobName: "my_job", timeoutDurationInHours: 23, roleArn: "arn:aws:iam::123456789012:user/alice" }))),
      "ValidationException",
      400,
    );
    expect(err.message).toMatch(/^3 validation errors detected: /);
    expect(err.message).toContain("Value 'my_job' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect(err.message).toContain("Value '23' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value greater than or equal to 24");
    expect(err.message).toContain("at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it("accepts the limits themselves: 24 and 168 hours, a 63-character name with dots and dashes", async () => {
    await create({ jobName: "a".repeat(59) + "-v.2", timeoutDurationInHours: 24 });
    await create({ timeoutDurationInHours: 168 });
  });

  it("refuses 169 hours, an invocation type outside InvokeModel | Converse, and a missing output config", async () => {
    await expectAwsError(create({ timeoutDurationInHours: 169 }), "ValidationException", 400, /Member must have value less than or equal to 168/);
    await expectAwsError(create({ modelInvocationType: "Chat" as never }), "ValidationException", 400, /Member must satisfy enum value set: \[InvokeModel, Converse\]/);
    await expectAwsError(create({ outputDataConfig: undefined }), "ValidationException", 400, /Value null at 'outputDataConfig' failed to satisfy constraint: Member must not be null/);
    await expectAwsError(create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "https://example.com/in.jsonl" } } }), "ValidationException", 400, /at 'inputDataConfig.s3InputDataConfig.s3Uri'/);
  });

  it("refuses a model the region doesn't have with the runtime's wording", async () => {
    await expectAwsError(create({ modelId: "amazon.nothing-v9:0" }), "ValidationException", 400, "The provided model identifier is invalid.");
  });

  it("answers a repeated clientRequestToken with the first job, as AWS's idempotency does", async () => {
    const a = await create({ clientRequestToken: "token-123" });
    const b = await create({ clientRequestToken: "token-123", jobName: "other" });
    expect(b).toBe(a);
    expect((await get(a)).jobName).toBe("reviews-batch");
  });
});

describe("the state walk on the emulator's clock", () => {
  it("goes Submitted → Validating → Scheduled → InProgress → Completed, STEP seconds each, with AWS's timestamps", async () => {
    const arn = await create();
    expect(arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]{12}$/);
    const first = await get(arn);
    expect(first).toMatchObject({ status: "Submitted", submitTime: at(0), lastModifiedTime: at(0), jobExpirationTime: at(24 * 3600), modelInvocationType: "InvokeModel" });
    expect(first.endTime).toBeUndefined();
    const seen: [number, string | undefined, Date | undefined][] = [];
    for (const s of [1, 2, 3, 4, 5, 6, 7, 8, 20]) {
      setClock(s);
      const j = await get(arn);
      seen.push([s, j.status, j.lastModifiedTime]);
    }
    expect(seen).toEqual([
      [1, "Submitted", at(0)],
      [2, "Validating", at(2)],
      [3, "Validating", at(2)],
      [4, "Scheduled", at(4)],
      [5, "Scheduled", at(4)],
      [6, "InProgress", at(6)],
      [7, "InProgress", at(6)],
      [8, "Completed", at(8)],
      [20, "Completed", at(8)],
    ]);
    expect((await get(arn)).endTime).toEqual(at(8));
  });

  it("a job still Scheduled when its timeout runs out ends Expired; one still running ends PartiallyCompleted", async () => {
    const slow = await startEmulator({ now: () => new Date(clock), env: {}, batchClock: { Scheduled: 25 * 3600 } });
    const busy = await startEmulator({ now: () => new Date(clock), env: {}, batchClock: { InProgress: 48 * 3600 } });
    try {
      const records = ["A", "B", "C", "D"].map((l) => ({ recordId: `REC0000000${l}`, modelInput: novaBody(`Texto ${l}`) }));
      for (const e of [slow, busy]) await e.objects.put("guide-input", "reviews.jsonl", jsonl(records));
      const s = sdk(slow.url).bedrock;
      const b = sdk(busy.url).bedrock;
      const expiring = (await s.send(new CreateModelInvocationJobCommand(job()))).jobArn!;
      const partial = (await b.send(new CreateModelInvocationJobCommand(job()))).jobArn!;
      setClock(24 * 3600 - 1);
      expect((await s.send(new GetModelInvocationJobCommand({ jobIdentifier: expiring }))).status).toBe("Scheduled");
      expect((await b.send(new GetModelInvocationJobCommand({ jobIdentifier: partial }))).status).toBe("InProgress");
      setClock(24 * 3600);
      expect(await s.send(new GetModelInvocationJobCommand({ jobIdentifier: expiring }))).toMatchObject({ status: "Expired", endTime: at(24 * 3600) });
      // InProgress from 6 s to the 24 h timeout, of a planned 48 h: (86400 − 6) / 172800 of 4 records → 1 record.
      const p = await b.send(new GetModelInvocationJobCommand({ jobIdentifier: partial }));
      expect(p).toMatchObject({ status: "PartiallyCompleted", endTime: at(24 * 3600), totalRecordCount: 4, processedRecordCount: 1, successRecordCount: 1, errorRecordCount: 0 });
    } finally {
      await slow.close();
      await busy.close();
    }
  });

  it("the clock comes from BEDROCK_EMULATOR_BATCH_STATE_SECONDS when the options don't set it", async () => {
    const e = await startEmulator({ now: () => new Date(clock), env: { BEDROCK_EMULATOR_BATCH_STATE_SECONDS: "10" } });
    try {
      const c = sdk(e.url).bedrock;
      const arn = (await c.send(new CreateModelInvocationJobCommand(job()))).jobArn!;
      setClock(9);
      expect((await c.send(new GetModelInvocationJobCommand({ jobIdentifier: arn }))).status).toBe("Submitted");
      setClock(10);
      expect((await c.send(new GetModelInvocationJobCommand({ jobIdentifier: arn }))).status).toBe("Validating");
    } finally {
      await e.close();
    }
    await expect(startEmulator({ env: { BEDROCK_EMULATOR_BATCH_STATE_SECONDS: "soon" } })).rejects.toThrow(/BEDROCK_EMULATOR_BATCH_STATE_SECONDS must be a number/);
  });

  it("a missing input object fails the job when validation ends, with a message saying what to fix", async () => {
    const arn = await create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-input/missing.jsonl" } } });
    setClock(3);
    expect((await get(arn)).status).toBe("Validating");
    setClock(4);
    const j = await get(arn);
    expect(j).toMatchObject({ status: "Failed", endTime: at(4), lastModifiedTime: at(4) });
    expect(j.message).toContain("s3://guide-input/missing.jsonl");
    expect(await emu.objects.list("guide-output", "runs/" + arn.split("/")[1])).toEqual([]);
  });
});

describe("StopModelInvocationJob", () => {
  for (const [state, seconds] of [["Submitted", 0], ["Validating", 2], ["Scheduled", 4], ["InProgress", 6]] as const) {
    it(`stops a job that is ${state}: Stopping, then Stopped one step later`, async () => {
      const arn = await create();
      setClock(seconds);
      expect((await get(arn)).status).toBe(state);
      await br.send(new StopModelInvocationJobCommand({ jobIdentifier: arn }));
      expect(await get(arn)).toMatchObject({ status: "Stopping", lastModifiedTime: at(seconds) });
      setClock(seconds + STEP);
      expect(await get(arn)).toMatchObject({ status: "Stopped", endTime: at(seconds + STEP) });
      setClock(100);
      expect((await get(arn)).status).toBe("Stopped");
    });
  }

  it("refuses to stop a job that is Stopping, Stopped, Completed or Failed", async () => {
    const stopped = await create();
    await br.send(new StopModelInvocationJobCommand({ jobIdentifier: stopped }));
    await expectAwsError(br.send(new StopModelInvocationJobCommand({ jobIdentifier: stopped })), "ValidationException", 400, /status is Stopping/);
    const done = await create();
    const failed = await create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-input/none.jsonl" } } });
    setClock(10);
    for (const [arn, status] of [[stopped, "Stopped"], [done, "Completed"], [failed, "Failed"]]) {
      expect((await get(arn)).status).toBe(status);
      await expectAwsError(br.send(new StopModelInvocationJobCommand({ jobIdentifier: arn })), "ValidationException", 400, new RegExp(`status is ${status}\\.`));
    }
  });

  it("answers an unknown job (by ID or ARN) with ResourceNotFoundException 404, and a malformed ID with the model's pattern", async () => {
    await expectAwsError(br.send(new StopModelInvocationJobCommand({ jobIdentifier: "abcdefabcdef" })), "ResourceNotFoundException", 404);
    await expectAwsError(get("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefabcdef"), "ResourceNotFoundException", 404);
    await expectAwsError(get("ABC"), "ValidationException", 400, /at 'jobIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  });
});

describe("ListModelInvocationJobs", () => {
  it("filters by name, status and submit time, sorts newest first by default and pages with nextToken", async () => {
    const own = await startEmulator({ now: () => new Date(clock), env: {} });
    try {
      const c = sdk(own.url).bedrock;
      const arns: string[] = [];
      for (const [i, name] of ["nightly-es", "nightly-en", "adhoc"].entries()) {
        setClock(i * 100);
        arns.push((await c.send(new CreateModelInvocationJobCommand(job({ jobName: name })))).jobArn!);
      }
      setClock(201); // the third job (submitted at 200) is still Submitted; the others have failed (no input there)
      const names = async (input: ListModelInvocationJobsCommandInput) =>
        ((await c.send(new ListModelInvocationJobsCommand(input))).invocationJobSummaries ?? []).map((j) => j.jobName);
      expect(await names({})).toEqual(["adhoc", "nightly-en", "nightly-es"]);
      expect(await names({ sortOrder: "Ascending", sortBy: "CreationTime" })).toEqual(["nightly-es", "nightly-en", "adhoc"]);
      expect(await names({ nameContains: "nightly" })).toEqual(["nightly-en", "nightly-es"]);
      expect(await names({ statusEquals: "Submitted" })).toEqual(["adhoc"]);
      expect(await names({ submitTimeAfter: at(50), submitTimeBefore: at(150) })).toEqual(["nightly-en"]);
      const first = await c.send(new ListModelInvocationJobsCommand({ maxResults: 2 }));
      expect(first.invocationJobSummaries?.map((j) => j.jobArn)).toEqual([arns[2], arns[1]]);
      expect(first.nextToken).toBeTruthy();
      const pages: string[][] = [];
      for await (const page of paginateListModelInvocationJobs({ client: c, pageSize: 2 }, {})) pages.push((page.invocationJobSummaries ?? []).map((j) => j.jobName!));
      expect(pages).toEqual([["adhoc", "nightly-en"], ["nightly-es"]]);
      // A page that reaches the last job carries no nextToken: there is nothing after it.
      expect((await c.send(new ListModelInvocationJobsCommand({ maxResults: 3 }))).nextToken).toBeUndefined();
      await expectAwsError(c.send(new ListModelInvocationJobsCommand({ maxResults: 0 })), "ValidationException", 400, /Member must have value greater than or equal to 1/);
      await expectAwsError(c.send(new ListModelInvocationJobsCommand({ statusEquals: "Running" as never })), "ValidationException", 400, /Member must satisfy enum value set/);
    } finally {
      await own.close();
    }
  });
});

describe("outputs: <file>.jsonl.out per input file and manifest.json.out, joined by recordId", () => {
  it("InvokeModel records get the model's native answer; a malformed body gets an error object instead", async () => {
    const records = [
      { recordId: "CALL0000001", modelInput: novaBody("Resume esta reseña: el hotel era limpio.") },
      { recordId: "CALL0000002", modelInput: { messages: "not a list" } },
      { recordId: "CALL0000003", modelInput: novaBody("Summarise: the room was noisy.") },
      { modelInput: novaBody("Sin recordId") },
    ];
    await emu.objects.put("guide-input", "batch/2026/calls.jsonl", jsonl(records));
    const arn = await create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-input/batch/2026/" } } });
    const id = arn.split("/")[1];
    setClock(8);
    expect(await get(arn)).toMatchObject({ status: "Completed", totalRecordCount: 4, processedRecordCount: 4, successRecordCount: 3, errorRecordCount: 1 });
    const lines = (await outputText("guide-output", `runs/${id}/calls.jsonl.out`)).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const byId = new Map(lines.map((l) => [l.recordId, l]));
    expect(byId.get("CALL0000001").modelInput).toEqual(records[0].modelInput);
    expect(byId.get("CALL0000001").modelOutput.output.message.content[0].text).toEqual(expect.any(String));
    expect(byId.get("CALL0000003").modelOutput.usage.inputTokens).toBeGreaterThan(0);
    expect(byId.get("CALL0000002").modelOutput).toBeUndefined();
    expect(byId.get("CALL0000002").error).toEqual({ errorCode: 400, errorMessage: expect.stringContaining("messages") });
    // A line without recordId gets one in the output (11 characters, as AWS documents).
    const added = lines.find((l) => !l.recordId.startsWith("CALL"));
    expect(added.recordId).toMatch(/^[A-Z0-9]{11}$/);
    const manifest = JSON.parse(await outputText("guide-output", `runs/${id}/manifest.json.out`));
    expect(manifest).toMatchObject({ totalRecordCount: 4, processedRecordCount: 4, successRecordCount: 3, errorRecordCount: 1 });
    expect(manifest.inputTokenCount).toBeGreaterThan(0);
  });

  it("Converse records get Converse's response body; an empty conversation gets the runtime's ValidationException", async () => {
    const records = [
      { recordId: "CONV0000001", modelInput: { messages: [{ role: "user", content: [{ text: "Hello there" }] }] } },
      { recordId: "CONV0000002", modelInput: { messages: [] } },
    ];
    await emu.objects.put("guide-input", "converse.jsonl", jsonl(records));
    const arn = await create({ modelInvocationType: "Converse", inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-input/converse.jsonl" } } });
    setClock(8);
    expect(await get(arn)).toMatchObject({ status: "Completed", modelInvocationType: "Converse", successRecordCount: 1, errorRecordCount: 1 });
    const lines = (await outputText("guide-output", `runs/${arn.split("/")[1]}/converse.jsonl.out`)).trim().split("\n").map((l) => JSON.parse(l));
    const byId = new Map(lines.map((l) => [l.recordId, l]));
    expect(byId.get("CONV0000001").modelOutput).toMatchObject({ output: { message: { role: "assistant" } }, stopReason: expect.any(String) });
    expect(byId.get("CONV0000002").error.errorCode).toBe(400);
  });
});
