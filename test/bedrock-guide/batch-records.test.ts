import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import type { ModelInvocationJobStatus } from "@aws-sdk/client-bedrock";
import {
  batchJobStates,
  batchLimitsFor,
  batchRecords,
  checkRecordCount,
  modelIdFor,
  startGuide,
  toJsonl,
  validateBatchRecords,
  type BatchRecord,
  type Guide,
} from "bedrock-guide";
import { failure } from "../shared/failure";

// Records as AWS's "Format and upload your batch inference data" page shows them:
// { "recordId": "CALL0000001", "modelInput": { "anthropic_version": "bedrock-2023-05-31",
//   "max_tokens": 1024, "messages": [ { "role": "user", "content": [ { "type": "text",
//   "text": "Summarize the following call transcript: ..." } ] } ] } }

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const topics = ["S3", "IAM"];
// A chapter 3 style variant: a Converse request per input.
const variant = (topic: string) => ({
  modelId: "ignored-by-batch",
  system: [{ text: "Eres breve." }],
  messages: [{ role: "user" as const, content: [{ text: `¿Qué es ${topic}?` }] }],
  inferenceConfig: { maxTokens: 100, temperature: 0.2 },
});

let guide: Guide;
beforeAll(async () => {
  guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "en", quiet: true });
});
afterAll(async () => {
  await guide.stop();
});

describe("building records", () => {
  it("Converse: the Converse request body without modelId, one alphanumeric recordId per input", () => {
    const records = batchRecords({ inputs: topics, request: variant, invocationType: "Converse", modelId: HAIKU, lang: "en" });
    expect(records).toEqual([
      {
        recordId: "R0000000001",
        modelInput: {
          system: [{ text: "Eres breve." }],
          messages: [{ role: "user", content: [{ text: "¿Qué es S3?" }] }],
          inferenceConfig: { maxTokens: 100, temperature: 0.2 },
        },
      },
      {
        recordId: "R0000000002",
        modelInput: {
          system: [{ text: "Eres breve." }],
          messages: [{ role: "user", content: [{ text: "¿Qué es IAM?" }] }],
          inferenceConfig: { maxTokens: 100, temperature: 0.2 },
        },
      },
    ]);
    expect(toJsonl(records).split("\n")).toHaveLength(3); // two lines and the final newline
  });

  it("InvokeModel on Claude: Anthropic's Messages body, as AWS's example record has it", () => {
    const [record] = batchRecords({ inputs: ["S3"], request: variant, invocationType: "InvokeModel", modelId: HAIKU, idPrefix: "CALL" });
    expect(record).toEqual({
      recordId: "CALL0000001",
      modelInput: {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        system: "Eres breve.",
        messages: [{ role: "user", content: [{ type: "text", text: "¿Qué es S3?" }] }],
        temperature: 0.2,
      },
    });
  });

  it("both bodies are ones Bedrock accepts: the emulator (AWS's validation wording) runs them, through the region's route", async () => {
    const route = await modelIdFor(HAIKU);
    const client = new BedrockRuntimeClient({});
    const [native] = batchRecords({ inputs: ["S3"], request: variant, invocationType: "InvokeModel", modelId: route });
    const invoked = await client.send(new InvokeModelCommand({ modelId: route, contentType: "application/json", body: JSON.stringify(native.modelInput) }));
    expect(JSON.parse(new TextDecoder().decode(invoked.body)).type).toBe("message");
    const [converse] = batchRecords({ inputs: ["S3"], request: variant, invocationType: "Converse", modelId: route });
    const answer = await client.send(new ConverseCommand({ modelId: route, ...(converse.modelInput as object) }));
    expect(answer.stopReason).toBeDefined();
  });

  it("InvokeModel for a provider whose body the lib does not write: says which it covers and suggests Converse", () => {
    const build = (lang: "es" | "en") => () =>
      batchRecords({ inputs: topics, request: variant, invocationType: "InvokeModel", modelId: "amazon.nova-lite-v1:0", lang });
    expect(failure(build("en"))).toContain("can write the native InvokeModel body of anthropic only");
    expect(failure(build("en"))).toContain('Use modelInvocationType "Converse"');
    expect(failure(build("es"))).toContain('Usa modelInvocationType "Converse"');
  });

  it("InvokeModel on Claude needs max_tokens: a request without maxTokens is refused, naming the record", () => {
    const noMax = (t: string) => ({ messages: [{ role: "user" as const, content: [{ text: t }] }] });
    expect(failure(() => batchRecords({ inputs: topics, request: noMax, invocationType: "InvokeModel", modelId: HAIKU, lang: "en" }))).toBe(
      'BatchRecordError: Record 0 ("R0000000001") sets no inferenceConfig.maxTokens, and Anthropic\'s body requires max_tokens. Set it in the request.',
    );
  });
});

describe("validating records before upload", () => {
  const good = (id: string): BatchRecord => ({ recordId: id, modelInput: { messages: [{ role: "user", content: [{ text: "hola" }] }] } });
  const check = (records: unknown[], lang: "es" | "en" = "en", invocationType: "Converse" | "InvokeModel" = "Converse") =>
    failure(() => validateBatchRecords(records, { invocationType, modelId: HAIKU, lang }));

  it("a record with no messages: names its index, its recordId and the field, in both languages", () => {
    const records = [good("a1"), good("a2"), { recordId: "a3", modelInput: { system: [{ text: "x" }] } }];
    expect(check(records)).toContain('Record 2 ("a3") is not valid for Converse');
    expect(check(records)).toContain("messages: missing or not array");
    expect(check(records, "es")).toContain("El registro 2 («a3») no es válido para Converse");
    expect(check(records, "es")).toContain("messages: falta o no es array");
  });

  it("recordIds: alphanumeric (AWS's format) and unique (the join needs it)", () => {
    expect(check([good("case-1")])).toContain("recordId: letters and digits only");
    expect(check([good("a1"), good("b2"), good("a1")])).toContain('Record 2 ("a1") repeats the recordId of record 0');
  });

  it("tools are refused: batch inference does not support tool calling (AWS's batch inference page)", () => {
    const withTools = { recordId: "t1", modelInput: { ...good("t1").modelInput, toolConfig: { tools: [] } } };
    expect(check([withTools])).toContain("batch inference does not support tool calling");
  });

  it("Anthropic's body: anthropic_version must be Bedrock's, max_tokens at least 1", () => {
    const body = (over: object) => ({ recordId: "c1", modelInput: { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "hi" }], ...over } });
    expect(check([body({})], "en", "InvokeModel")).toBe("no error");
    expect(check([body({ anthropic_version: "vertex-2023-10-16" })], "en", "InvokeModel")).toContain('anthropic_version: must be "bedrock-2023-05-31"');
    expect(check([body({ max_tokens: 0 })], "en", "InvokeModel")).toContain("max_tokens: below the minimum (1)");
  });
});

describe("record counts against AWS's published quotas", () => {
  // AWS's quota table (data/batch.json): Nova Lite V1 min 100, max 50,000 per job; Llama 4 Scout min 50.
  it("Nova Lite: 99 is refused with the shortfall, 100 passes, 50,001 is over the job maximum", () => {
    expect(failure(() => checkRecordCount(99, "amazon.nova-lite-v1:0", "en"))).toContain("The job has 99 records and amazon.nova-lite-v1:0 needs at least 100 per batch job");
    expect(failure(() => checkRecordCount(99, "amazon.nova-lite-v1:0", "en"))).toContain("Add 1 more cases");
    expect(failure(() => checkRecordCount(99, "amazon.nova-lite-v1:0", "es"))).toContain("pide al menos 100");
    expect(checkRecordCount(100, "amazon.nova-lite-v1:0", "en").status).toBe("ok");
    expect(failure(() => checkRecordCount(50_001, "amazon.nova-lite-v1:0", "en"))).toMatch(/^BatchTooManyRecords: .*at most 50000/);
  });

  it("Llama 4 Scout's minimum is 50, as the table prints it", () => {
    expect(checkRecordCount(50, "meta.llama4-scout-17b-instruct-v1:0", "en").status).toBe("ok");
    expect(failure(() => checkRecordCount(49, "meta.llama4-scout-17b-instruct-v1:0", "en"))).toMatch(/^BatchTooFewRecords: /);
  });

  it("a model with no sourced minimum (Claude Haiku 4.5): says so and names the quota to look up, never guesses", () => {
    expect(batchLimitsFor(HAIKU)).toBeUndefined();
    const result = checkRecordCount(1, HAIKU, "en");
    expect(result.status).toBe("unknown");
    expect(result.message).toContain(`"Minimum number of records per batch inference job for ${HAIKU}" in Service Quotas`);
  });
});

describe("job states", () => {
  it("every status the SDK's ModelInvocationJobStatus defines has a meaning in both languages", () => {
    // The SDK's union, as its GetModelInvocationJob docs list it.
    const sdk: ModelInvocationJobStatus[] = ["Submitted", "InProgress", "Completed", "Failed", "Stopping", "Stopped", "PartiallyCompleted", "Expired", "Validating", "Scheduled"];
    const states = batchJobStates();
    expect(Object.keys(states).sort()).toEqual([...sdk].sort());
    for (const s of sdk) {
      expect(states[s].es.length).toBeGreaterThan(10);
      expect(states[s].en.length).toBeGreaterThan(10);
    }
    expect(states.Validating.en).toContain("does not check that modelInput matches");
  });
});
