import { describe, expect, it } from "vitest";
import { assertBatchWithinBudget, batchCostBound, batchPriceOf, batchTiming, type BatchRecord } from "bedrock-guide";
import { failure } from "../shared/failure";
import { readDataFile } from "../../packages/bedrock-guide/data";

const LLAMA3_8B = "meta.llama3-8b-instruct-v1:0"; // on demand 0.30 / 0.60 USD per 1M (prices.json, S2 S3)
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0"; // global 1.00 / 5.00, regional 1.10 / 5.50

const converse = (id: string, texts: { system?: string; user: string }, maxTokens?: number): BatchRecord => ({
  recordId: id,
  modelInput: {
    ...(texts.system ? { system: [{ text: texts.system }] } : {}),
    messages: [{ role: "user", content: [{ text: texts.user }] }],
    ...(maxTokens ? { inferenceConfig: { maxTokens } } : {}),
  },
});

describe("the batch price", () => {
  it("is the on-demand price less AWS's documented 50% batch discount (data/batch.json), per route", () => {
    // Llama 3 8B: 0.30 / 0.60 on demand -> 0.15 / 0.30 in batch.
    expect(batchPriceOf(LLAMA3_8B)).toMatchObject({ inputPerMillion: 0.15, outputPerMillion: 0.3, rate: "batch" });
    // Haiku 4.5 by its bare ID is billed at the regional rate (1.10 / 5.50) -> 0.55 / 2.75;
    // through a global. profile at the global rate (1.00 / 5.00) -> 0.50 / 2.50.
    const regional = batchPriceOf(HAIKU)!;
    expect(regional.inputPerMillion).toBeCloseTo(0.55, 10);
    expect(regional.outputPerMillion).toBeCloseTo(2.75, 10);
    expect(batchPriceOf(`global.${HAIKU}`)).toMatchObject({ inputPerMillion: 0.5, outputPerMillion: 2.5 });
    expect(batchPriceOf(LLAMA3_8B)!.source).toBe("S2, S3; batch discount: https://docs.aws.amazon.com/bedrock/latest/userguide/capacity-limits-cost-optimization.html");
  });

  it("AWS's own per-model batch price, when the price file has one, wins over the discount, per route", () => {
    // An entry as one would be added with its source: made-up figures, removed after the test.
    const file = readDataFile<{ pricing: { perModel: object[] } }>("batch.json");
    const entry = { models: [HAIKU], global: { input: 0.4, output: 2.0 }, regional: { input: 0.45, output: 2.2 }, source: "test" };
    file.pricing.perModel.push(entry);
    try {
      expect(batchPriceOf(`global.${HAIKU}`)).toMatchObject({ inputPerMillion: 0.4, outputPerMillion: 2.0, source: "test" });
      expect(batchPriceOf(HAIKU)).toMatchObject({ inputPerMillion: 0.45, outputPerMillion: 2.2, source: "test" });
    } finally {
      file.pricing.perModel.splice(file.pricing.perModel.indexOf(entry), 1);
    }
    expect(file.pricing.perModel).toEqual([]);
  });

  it("a model without an on-demand price has no batch price either (never free)", () => {
    expect(batchPriceOf("acme.unknown-model-v1:0")).toBeUndefined();
  });
});

describe("the cost bound", () => {
  // Worked by hand:
  // record 1: system "Eres breve." = 11 bytes; user "¿Qué es S3?" = 11 characters, 13 UTF-8 bytes
  //   (¿ and é are 2 bytes each); input <= 11 + 13 + 200 = 224 tokens; output <= 100.
  // record 2: user "Name a colour." = 14 bytes; input <= 14 + 200 = 214; output <= 50.
  // total input 224 + 214 = 438, output 100 + 50 = 150.
  // Llama 3 8B batch price 0.15 / 0.30 per 1M:
  //   438 × 0.15 / 1e6 = 0.0000657; 150 × 0.30 / 1e6 = 0.0000450; sum 0.0001107 USD.
  const records = [converse("R1", { system: "Eres breve.", user: "¿Qué es S3?" }, 100), converse("R2", { user: "Name a colour." }, 50)];

  it("counts input as UTF-8 bytes + 200 per record and output as each record's max tokens", () => {
    const bound = batchCostBound(records, LLAMA3_8B, "en");
    expect(bound).toMatchObject({ records: 2, inputTokens: 438, outputTokens: 150 });
    expect(bound.usd).toBeCloseTo(0.0001107, 12);
  });

  it("the same record as Anthropic's native body bounds the same: Haiku 4.5 regional batch 0.55 / 2.75", () => {
    // 224 × 0.55 / 1e6 = 0.0001232; 100 × 2.75 / 1e6 = 0.000275; sum 0.0003982 USD.
    const native: BatchRecord = {
      recordId: "C1",
      modelInput: { anthropic_version: "bedrock-2023-05-31", max_tokens: 100, system: "Eres breve.", messages: [{ role: "user", content: "¿Qué es S3?" }] },
    };
    const bound = batchCostBound([native], HAIKU, "en");
    expect(bound).toMatchObject({ inputTokens: 224, outputTokens: 100 });
    expect(bound.usd).toBeCloseTo(0.0003982, 12);
  });

  it("refuses above the budget with the figures and what to change; passes at or under it", () => {
    const bound = batchCostBound(records, LLAMA3_8B, "en");
    expect(assertBatchWithinBudget(bound, 0.0002, "en")).toBe(bound);
    const refused = failure(() => assertBatchWithinBudget(bound, 0.0001, "en"));
    expect(refused).toContain("BatchBudgetExceeded: This job could cost up to $0.000111 (2 records: at most 438 input and 150 output tokens");
    expect(refused).toContain("more than your budget of $0.000100");
    expect(failure(() => assertBatchWithinBudget(bound, 0.0001, "es"))).toContain("más que tu presupuesto de $0.000100");
  });

  it("cannot bound what has no cap or no price: says which record, or which model", () => {
    expect(failure(() => batchCostBound([records[0], converse("R9", { user: "x" })], LLAMA3_8B, "en"))).toBe(
      'BatchRecordError: Record 1 ("R9") sets no maxTokens, so its output has no cap and the cost cannot be bounded. Set inferenceConfig.maxTokens in the request.',
    );
    const image: BatchRecord = { recordId: "I1", modelInput: { messages: [{ role: "user", content: [{ image: { format: "png" } }] }], inferenceConfig: { maxTokens: 5 } } };
    expect(failure(() => batchCostBound([image], LLAMA3_8B, "en"))).toContain('Record 0 ("I1") carries a block that is not text');
    expect(failure(() => batchCostBound(records, "acme.unknown-model-v1:0", "en"))).toContain("has no price for acme.unknown-model-v1:0");
  });
});

describe("timing: one call at a time against a job", () => {
  it("1,000 records at the reader's 400 requests per minute need at least 2.5 minutes; the job's duration is not published", () => {
    // 1,000 / 400 = 2.5 minutes.
    const t = batchTiming({ records: 1000, modelId: LLAMA3_8B, requestsPerMinute: 400, lang: "en" });
    expect(t.oneAtATimeMinutes).toBe(2.5);
    expect(t.quotaFrom).toBe("reader");
    expect(t.job).toMatchObject({ published: false, timeoutHours: { min: 24, max: 168 } });
    expect(t.text).toBe(
      "One at a time, at 400 requests per minute, 1000 calls need at least 2.5 min. AWS publishes no duration for a batch job; only its timeout, 24 to 168 hours (timeoutDurationInHours).",
    );
  });

  it("without the reader's quota: AWS's default where sourced (Mistral 7B Instruct, 800/min), else says it has none", () => {
    // 1,000 / 800 = 1.25 minutes.
    const mistral = batchTiming({ records: 1000, modelId: "mistral.mistral-7b-instruct-v0:2", lang: "es" });
    expect(mistral.oneAtATimeMinutes).toBe(1.25);
    expect(mistral.text).toContain("a 800 peticiones por minuto");
    const haiku = batchTiming({ records: 1000, modelId: HAIKU, lang: "en" });
    expect(haiku.oneAtATimeMinutes).toBeUndefined();
    expect(haiku.text).toContain("The guide has no requests-per-minute quota for");
    expect(failure(() => batchTiming({ records: 10, modelId: HAIKU, requestsPerMinute: 0, lang: "en" }))).toContain("requestsPerMinute must be a number above 0");
  });
});
