// Chapter 1, what the lessons send and how they read the answers. The pure helpers run on answers
// built by hand; the calls run against an emulator whose scripted responder records what each model
// received and can answer with several content blocks, as real models do (text plus a tool call).
import { BedrockRuntimeClient, type ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import type { FoundationModelSummary } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scriptedResponder, startBedrockEmulatorForTests, type ScriptedResponder, type TestEmulator } from "bedrock-emulator/node";
import { parseModelReference } from "bedrock-guide";
import { answerText, askWithConverse } from "../../snippets/01-foundation-models/first-call-converse";
import { askClaudeNatively } from "../../snippets/01-foundation-models/first-call-invoke";
import { comparisonChart, comparisonTable, compareModels, type ComparisonRow } from "../../snippets/01-foundation-models/compare-models";
import { providerTable } from "../../snippets/01-foundation-models/provider-table";
import { streamAnswer } from "../../snippets/01-foundation-models/stream-answer";
import { tryRecommendation, type UseCase } from "../../snippets/01-foundation-models/recommendations";
import { profilesListedIn } from "./catalog-expectations";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

function row(change: Partial<ComparisonRow>): ComparisonRow {
  return { model: "m", calledAs: "m", measuredMs: 10, modelMs: 5, inputTokens: 1, outputTokens: 2, costUsd: 0, answer: "", ...change };
}

/** Every command a runtime client sends while `work` runs, with its answer. */
async function recordingRuntime<T>(work: () => Promise<T>): Promise<{ result: T; sent: Array<{ command: string; input: Record<string, unknown>; output?: unknown }> }> {
  const proto = BedrockRuntimeClient.prototype as unknown as { send: (...args: unknown[]) => Promise<unknown> };
  const send = proto.send;
  const sent: Array<{ command: string; input: Record<string, unknown>; output?: unknown }> = [];
  proto.send = async function (this: unknown, command: unknown, ...rest: unknown[]) {
    const entry: (typeof sent)[number] = { command: (command as object).constructor.name, input: (command as { input: Record<string, unknown> }).input };
    sent.push(entry);
    entry.output = await send.call(this, command, ...rest);
    return entry.output;
  };
  try {
    return { result: await work(), sent };
  } finally {
    proto.send = send;
  }
}

describe("answerText", () => {
  it("joins the text blocks and skips the others", () => {
    const reply = (content: unknown[]) => ({ output: { message: { role: "assistant", content } } }) as unknown as ConverseCommandOutput;
    // A reasoning model answers with a reasoningContent block before its text; a tool call has no text.
    expect(answerText(reply([{ text: "Hola, " }, { toolUse: { toolUseId: "t", name: "f", input: {} } }, { text: "mundo" }]))).toBe("Hola, mundo");
    expect(answerText(reply([{ reasoningContent: { reasoningText: { text: "thinking" } } }, { text: "42" }]))).toBe("42");
    expect(answerText(reply([]))).toBe("");
    // The SDK types output and message as optional: no message reads as no text.
    expect(answerText({ $metadata: {} } as ConverseCommandOutput)).toBe("");
    expect(answerText({ $metadata: {}, output: {} } as ConverseCommandOutput)).toBe("");
  });
});

describe("comparisonTable", () => {
  it("shortens long answers to 80 characters, keeps short ones and shows errors instead", () => {
    // 80 characters fit as they are; 81 become the first 77 plus "…" (78 in all).
    const eighty = "a".repeat(80);
    const longer = `${"b".repeat(77)}cdef`;
    const [kept, cut, failed, nothing] = comparisonTable([
      row({ model: "kept", answer: eighty }),
      row({ model: "cut", answer: longer }),
      row({ model: "failed", calledAs: "", answer: "", error: "Too many requests" }),
      row({ model: "nothing", answer: "" }),
    ]);
    expect(kept.answer).toBe(eighty);
    expect(cut.answer).toBe(`${"b".repeat(77)}…`);
    expect(failed.answer).toBe("⚠ Too many requests");
    expect(nothing.answer).toBe("");
    // A model the region could not call has no ID to show.
    expect(failed["called as"]).toBe("—");
    expect(kept["called as"]).toBe("m");
  });

  it("puts each measurement in its own column and prices with formatUsd", () => {
    const [r] = comparisonTable([row({ model: "x", calledAs: "x-id", measuredMs: 812, modelMs: 640, inputTokens: 12, outputTokens: 34, costUsd: 0.0123, answer: "ok" })]);
    // formatUsd: four decimals from one cent up, "?" when the price is unknown (checked by hand).
    expect(r).toEqual({ model: "x", "called as": "x-id", "measured ms": 812, "model ms": 640, "tokens in": 12, "tokens out": 34, cost: "$0.0123", answer: "ok" });
    expect(comparisonTable([row({ costUsd: undefined })])[0].cost).toBe("?");
  });
});

describe("comparisonChart", () => {
  // Each bar carries a <title> "category: value", in panel order; the panels are named after the
  // response fields they plot, so the reader can find them in the answer.
  const bars = (svg: string) => [...svg.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="18" fill="[^"]*"><title>([^<]*)<\/title>/g)].map((m) => m[1]);
  const panels = (svg: string) => [...svg.matchAll(/<text x="8" y="\d+" font-weight="bold">([^<]*)<\/text>/g)].map((m) => m[1]);

  it("plots latency, output tokens and the cost of a thousand calls for the models that answered", () => {
    const svg = comparisonChart(
      [
        row({ model: "fast", modelMs: 120, outputTokens: 50, costUsd: 0.00123 }),
        row({ model: "broken", error: "No access to the model", modelMs: 999, outputTokens: 999, costUsd: 9 }),
        row({ model: "unpriced", modelMs: 300, outputTokens: 80, costUsd: undefined }),
      ],
      "One question, two models",
    );
    expect(svg).toContain('aria-label="One question, two models"');
    expect(panels(svg)).toEqual(["metrics.latencyMs", "usage.outputTokens", "USD × 1,000 calls"]);
    // By hand: 0.00123 USD a call is 1.230 USD for a thousand; an unknown price plots as 0.
    expect(bars(svg)).toEqual(["fast: 120 ms", "unpriced: 300 ms", "fast: 50", "unpriced: 80", "fast: $1.230", "unpriced: $0.000"]);
    expect(svg).not.toContain("broken");
  });
});

describe("providerTable with fields a summary may leave out", () => {
  it("counts a model with no provider, modalities or inference types without inventing any", () => {
    // FoundationModelSummary marks those fields optional, so the table must not make up values.
    const bare: FoundationModelSummary = { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/x", modelId: "x" };
    expect(providerTable([bare])).toEqual([{ provider: "?", models: 1, modalities: "→", inferenceTypes: "", active: 0, legacy: 0, latestRelease: "1970-01-01" }]);
  });
});

describe("calls, as the model receives them", () => {
  let emu: TestEmulator;
  let responder: ScriptedResponder;
  const region = "eu-central-1";
  // The resolver caches its listings per endpoint, so this emulator starts with none.
  beforeAll(async () => {
    responder = scriptedResponder();
    emu = await startBedrockEmulatorForTests({ region, responder });
  });
  afterAll(async () => {
    await emu.stop();
  });
  const lastCall = () => responder.calls[responder.calls.length - 1];
  // A reply with a tool call after its text: the text is all a reader should get.
  const withToolCall = (text: string) => ({ text, toolUses: [{ toolUseId: "tooluse_1", name: "lookup", input: {} }] });
  // The profile modelIdFor picks for a model here: the region's one geographic profile for it.
  const geographicHere = (model: string) => {
    const geographic = profilesListedIn(model, region).filter((p) => parseModelReference(p).profilePrefix !== "global");
    expect(geographic, model).toHaveLength(1);
    return geographic[0];
  };

  it("InvokeModel sends the question in Anthropic's Messages format and reads only the text blocks", async () => {
    responder.add({ model: geographicHere(HAIKU), prompt: "native", reply: withToolCall("Native answer."), times: 1 });
    const { result, sent } = await recordingRuntime(() => askClaudeNatively("native question"));
    expect(result).toBe("Native answer.");
    // AWS: InvokeModel takes the provider's JSON body, declared as application/json.
    expect(sent.map((s) => [s.command, s.input.modelId, s.input.contentType])).toEqual([["InvokeModelCommand", geographicHere(HAIKU), "application/json"]]);
    // The model received the question as a user text block, with a cap on the answer.
    expect(lastCall().messages).toEqual([{ role: "user", content: [{ text: "native question" }] }]);
    expect(lastCall().inferenceConfig.maxTokens).toBeGreaterThan(0);
  });

  it("Converse bounds the answer's length and reads only the text blocks", async () => {
    responder.add({ model: geographicHere(HAIKU), prompt: "converse", reply: withToolCall("Converse answer."), times: 1 });
    const reply = await askWithConverse("converse question");
    expect(answerText(reply)).toBe("Converse answer.");
    expect(lastCall().requestedModelId).toBe(geographicHere(HAIKU));
    expect(lastCall().inferenceConfig.maxTokens).toBeGreaterThan(0);
  });

  it("ConverseStream hands over the text pieces only, then the stop reason and the usage", async () => {
    responder.add({ model: geographicHere(HAIKU), prompt: "stream", reply: withToolCall("Streamed answer in pieces."), times: 1 });
    const pieces: string[] = [];
    const { result, sent } = await recordingRuntime(() => streamAnswer("stream question", (t) => pieces.push(t)));
    expect(result.text).toBe("Streamed answer in pieces.");
    expect(pieces.join("")).toBe(result.text);
    expect(result.chunks).toBe(pieces.length);
    // The emulator stops on the tool call, as Converse reports it.
    expect(result.stopReason).toBe("tool_use");
    expect(sent.map((s) => s.input.modelId)).toEqual([geographicHere(HAIKU)]);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(result.inputTokens).toBeGreaterThan(0);
  });

  it("compareModels sends every model the same bounded, low-temperature request and keeps what each answered", async () => {
    const nova = "amazon.nova-2-lite-v1:0";
    // gpt-oss-20b is on demand in eu-central-1 (data/catalog.json): its own ID, no profile.
    const gptOss = "openai.gpt-oss-20b-1:0";
    responder.add({ model: geographicHere(nova), prompt: "compare", reply: withToolCall("Nova says hi."), times: 1 });
    const before = responder.calls.length;
    const { result: rows, sent } = await recordingRuntime(() => compareModels("compare these", [nova, gptOss]));
    const received = responder.calls.slice(before);
    expect(received).toHaveLength(2);
    // The same request for both, so the columns compare like with like.
    expect(received[0].inferenceConfig).toEqual(received[1].inferenceConfig);
    expect(received[0].inferenceConfig.maxTokens).toBeGreaterThan(0);
    expect(received[0].inferenceConfig.temperature).toBeLessThan(0.5);
    for (const r of rows) {
      const answer = sent.find((s) => s.input.modelId === r.calledAs)?.output as ConverseCommandOutput;
      expect(answer, r.model).toBeDefined();
      // Each column is the answer's own field: metrics.latencyMs, usage, the text blocks joined.
      expect(r.modelMs, r.model).toBe(answer.metrics!.latencyMs);
      expect(r.modelMs, r.model).toBeGreaterThan(0);
      expect([r.inputTokens, r.outputTokens], r.model).toEqual([answer.usage!.inputTokens, answer.usage!.outputTokens]);
      expect(r.answer, r.model).toBe(answerText(answer));
      expect(r.error, r.model).toBeUndefined();
    }
    expect(rows[0].answer).toBe("Nova says hi.");
    expect(rows.map((r) => r.calledAs)).toEqual([geographicHere(nova), gptOss]);
    expect(rows[1].answer.length).toBeGreaterThan(0);
  });

  it("tryRecommendation returns the text blocks of a text model's answer", async () => {
    const sonnet = "anthropic.claude-sonnet-4-6";
    responder.add({ model: geographicHere(sonnet), prompt: "recommend", reply: withToolCall("Sonnet reads long documents."), times: 1 });
    const result = await tryRecommendation("long-content", "recommend something");
    expect(result).toMatchObject({ kind: "text", text: "Sonnet reads long documents.", calledAs: geographicHere(sonnet), region });
    if (result.kind === "text") expect(result.outputTokens).toBeGreaterThan(0);
    expect(lastCall().inferenceConfig.maxTokens).toBeGreaterThan(0);
  });

  it("tryRecommendation sends the image model Stability's JSON body, declared as such", async () => {
    const { result, sent } = await recordingRuntime(() => tryRecommendation("images", "a lighthouse"));
    expect(result).toMatchObject({ kind: "image", region: "us-west-2" });
    expect(sent.map((s) => [s.command, s.input.contentType])).toEqual([["InvokeModelCommand", "application/json"]]);
  });

  it("tryRecommendation refuses a use case the chapter has no pick for", async () => {
    await expect(tryRecommendation("poetry" as UseCase, "hi")).rejects.toThrow('No recommendation for "poetry"');
  });

  it("the Lambda handler answers with the text blocks and keeps its client between invocations", async () => {
    // A fresh module: the handler keeps its client at module level, as a warm Lambda does.
    vi.resetModules();
    const { handler } = await import("../../snippets/01-foundation-models/lambda-handler");
    const saved = { model: process.env.MODEL_ID, region: process.env.AWS_REGION };
    try {
      process.env.MODEL_ID = geographicHere(HAIKU);
      responder.add({ model: geographicHere(HAIKU), prompt: "lambda", reply: withToolCall("From Lambda."), times: 2 });
      const first = await handler({ question: "lambda question" });
      expect(first.statusCode).toBe(200);
      expect(JSON.parse(first.body)).toMatchObject({ answer: "From Lambda.", usage: { outputTokens: expect.any(Number) } });
      expect(lastCall().inferenceConfig.maxTokens).toBeGreaterThan(0);
      // The client was made for the region of the first invocation. A new one would follow
      // AWS_REGION to Tokyo, where this European profile does not exist; the kept one does not.
      process.env.AWS_REGION = "ap-northeast-1";
      expect(profilesListedIn(HAIKU, "ap-northeast-1")).not.toContain(geographicHere(HAIKU));
      const second = await handler({ question: "lambda question again" });
      expect(JSON.parse(second.body).answer).toBe("From Lambda.");
    } finally {
      for (const [key, value] of [["MODEL_ID", saved.model], ["AWS_REGION", saved.region]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
