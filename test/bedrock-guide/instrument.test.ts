import { readFileSync } from "node:fs";
import { BedrockClient, GetFoundationModelCommand, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { BedrockAgentClient, GetPromptCommand } from "@aws-sdk/client-bedrock-agent";
import { BedrockAgentRuntimeClient, InvokeFlowCommand } from "@aws-sdk/client-bedrock-agent-runtime";
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actAsLiveAccount } from "../shared/live-account";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { forgetRegionListings, startGuide, type Guide, type Language } from "bedrock-guide";

// A session instruments every plain SDK client the lessons build: each model call is metered
// from what AWS answers (Converse's usage, InvokeModel's x-amzn-bedrock-*-token-count headers,
// the streams' metadata and invocation metrics), and every error gets advice for the client's
// own region. The offline emulator answers as AWS does, so the expected counts are read from
// each answer itself, never from the meter.

const prices = JSON.parse(readFileSync(new URL("../../data/prices.json", import.meta.url), "utf8")) as {
  image: { models: string[]; perImage: number }[];
};

let guide: Guide | undefined;
afterEach(async () => {
  await guide?.stop();
  guide = undefined;
});

const session = async (region: string, lang: Language = "en") => {
  guide = await startGuide({ quiet: true, region, lang });
  return guide;
};

const user = (text: string) => [{ role: "user" as const, content: [{ text }] }];
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (e: unknown) => e as Error & { advice?: { problem: string; title: string; fix: string } },
  );

describe("the cost meter sees every model call", () => {
  it("Converse: one record with the usage the answer reports, timed within the call", async () => {
    const { meter } = await session("us-east-1");
    const before = Date.now();
    const reply = await new BedrockRuntimeClient({}).send(
      new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: user("Name three rivers.") }),
    );
    const took = Date.now() - before;
    expect(meter.calls).toHaveLength(1);
    const [call] = meter.calls;
    expect(call).toMatchObject({
      operation: "Converse",
      modelId: "amazon.nova-micro-v1:0",
      inputTokens: reply.usage!.inputTokens,
      outputTokens: reply.usage!.outputTokens,
      images: 0,
    });
    expect(reply.usage!.inputTokens).toBeGreaterThan(0);
    expect(call!.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(call!.elapsedMs).toBeLessThanOrEqual(took);
  });

  it("InvokeModel: tokens from AWS's count headers, which match the body's own usage", async () => {
    const { meter } = await session("us-east-1");
    const response = await new BedrockRuntimeClient({}).send(
      new InvokeModelCommand({
        modelId: "amazon.nova-micro-v1:0",
        contentType: "application/json",
        body: JSON.stringify({ messages: user("Name three rivers."), inferenceConfig: { maxTokens: 50 } }),
      }),
    );
    // Nova's native body carries usage too (inputTokens/outputTokens), the same numbers AWS puts
    // in the x-amzn-bedrock-input/output-token-count headers.
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { usage: { inputTokens: number; outputTokens: number } };
    expect(body.usage.inputTokens).toBeGreaterThan(0);
    expect(meter.calls).toEqual([
      expect.objectContaining({
        operation: "InvokeModel",
        modelId: "amazon.nova-micro-v1:0",
        inputTokens: body.usage.inputTokens,
        outputTokens: body.usage.outputTokens,
        images: 0,
      }),
    ]);
  });

  it("InvokeModel of an image model: counts the images in the answer, priced per image from data/prices.json", async () => {
    const { meter } = await session("us-west-2");
    const model = "stability.stable-image-core-v1:1";
    const response = await new BedrockRuntimeClient({}).send(
      new InvokeModelCommand({ modelId: model, contentType: "application/json", body: JSON.stringify({ prompt: "a red fox in the snow" }) }),
    );
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { images: string[] };
    expect(body.images.length).toBeGreaterThan(0);
    const perImage = prices.image.find((p) => p.models.includes(model))!.perImage;
    expect(meter.calls).toHaveLength(1);
    expect(meter.calls[0]).toMatchObject({ operation: "InvokeModel", images: body.images.length });
    expect(meter.calls[0]!.costUsd).toBeCloseTo(perImage * body.images.length, 10);
  });

  it("ConverseStream: records once the metadata event with the usage goes by, and passes every event on", async () => {
    const { meter } = await session("us-east-1");
    const response = await new BedrockRuntimeClient({}).send(
      new ConverseStreamCommand({ modelId: "amazon.nova-micro-v1:0", messages: user("Name three rivers.") }),
    );
    // Nothing is known before the stream is read.
    expect(meter.calls).toHaveLength(0);
    let usage: { inputTokens?: number; outputTokens?: number } | undefined;
    let text = "";
    for await (const event of response.stream!) {
      text += event.contentBlockDelta?.delta?.text ?? "";
      if (event.metadata?.usage) usage = event.metadata.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.inputTokens).toBeGreaterThan(0);
    expect(meter.calls).toEqual([
      expect.objectContaining({ operation: "ConverseStream", modelId: "amazon.nova-micro-v1:0", inputTokens: usage!.inputTokens, outputTokens: usage!.outputTokens }),
    ]);
  });

  it("InvokeModelWithResponseStream: records from the last chunk's amazon-bedrock-invocationMetrics", async () => {
    const { meter } = await session("us-east-1");
    const response = await new BedrockRuntimeClient({}).send(
      new InvokeModelWithResponseStreamCommand({
        modelId: "amazon.nova-micro-v1:0",
        contentType: "application/json",
        body: JSON.stringify({ messages: user("Name three rivers."), inferenceConfig: { maxTokens: 50 } }),
      }),
    );
    expect(meter.calls).toHaveLength(0);
    let metrics: { inputTokenCount: number; outputTokenCount: number } | undefined;
    let chunks = 0;
    for await (const event of response.body!) {
      chunks++;
      const parsed = JSON.parse(new TextDecoder().decode(event.chunk!.bytes)) as Record<string, unknown>;
      metrics ??= parsed["amazon-bedrock-invocationMetrics"] as typeof metrics;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(metrics?.inputTokenCount).toBeGreaterThan(0);
    expect(meter.calls).toEqual([
      expect.objectContaining({
        operation: "InvokeModelWithResponseStream",
        modelId: "amazon.nova-micro-v1:0",
        inputTokens: metrics!.inputTokenCount,
        outputTokens: metrics!.outputTokenCount,
      }),
    ]);
  });

  it("does not meter calls that are not model invocations", async () => {
    const { meter } = await session("us-east-1");
    await new BedrockClient({}).send(new ListFoundationModelsCommand({}));
    await new BedrockClient({}).send(new GetFoundationModelCommand({ modelIdentifier: "amazon.nova-micro-v1:0" }));
    expect(meter.calls).toHaveLength(0);
  });

  it("instruments a client once, however many calls it sends", async () => {
    const { meter } = await session("us-east-1");
    const client = new BedrockRuntimeClient({});
    for (let i = 0; i < 3; i++) await client.send(new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: user(`Call ${i}`) }));
    expect(meter.calls).toHaveLength(3);
  });

  it("a new session meters into its own meter", async () => {
    const first = await session("us-east-1");
    const client = new BedrockRuntimeClient({});
    await client.send(new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: user("one") }));
    await first.stop();
    const second = await session("us-east-1", "es");
    await new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: user("two") }));
    expect(first.meter.calls).toHaveLength(1);
    expect(second.meter.calls).toHaveLength(1);
  });
});

describe("every failing call carries advice", () => {
  it("names the profiles the client's region really lists when a model needs one", async () => {
    await session("eu-west-1");
    // Claude Haiku 4.5 has no on-demand throughput: AWS answers ValidationException and the
    // region's ListInferenceProfiles offers eu. and global. profiles for it.
    const error = await failureOf(
      new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", messages: user("Hi") })),
    );
    expect(error?.name).toBe("ValidationException");
    expect(error?.advice?.problem).toBe("needs-inference-profile");
    expect(error?.advice?.fix).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(error?.message).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("speaks the session's language", async () => {
    await session("us-east-1", "es");
    guide!.simulate({ fault: "throttle" });
    const throttled = await failureOf(
      new BedrockRuntimeClient({ maxAttempts: 1 }).send(new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: user("Hola") })),
    );
    expect(throttled?.name).toBe("ThrottlingException");
    expect(throttled?.advice).toMatchObject({ problem: "throttling", title: "Demasiadas peticiones" });
  });

  it("advises on the control plane, Prompt Management and flows too", async () => {
    await session("us-east-1");
    const catalog = await failureOf(
      new BedrockClient({}).send(new GetFoundationModelCommand({ modelIdentifier: "amazon.no-such-model-v9:0" })),
    );
    expect(catalog?.advice).toBeDefined();
    // Prompt IDs are 10 characters; this one does not exist in a new emulator.
    const prompt = await failureOf(new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: "PROMPT1234" })));
    expect(prompt?.name).toBe("ResourceNotFoundException");
    expect(prompt?.advice).toBeDefined();
    const flow = await failureOf(
      new BedrockAgentRuntimeClient({}).send(
        new InvokeFlowCommand({ flowIdentifier: "FLOW123456", flowAliasIdentifier: "ALIAS12345", inputs: [] }),
      ),
    );
    expect(flow).toBeInstanceOf(Error);
    expect(flow?.advice).toBeDefined();
  });

  it("a model the region cannot call: no profiles there, and the catalog's regions", async () => {
    await session("us-east-1");
    // Stable Image Core is served only in us-west-2 (data/catalog.json).
    const error = await failureOf(
      new BedrockRuntimeClient({}).send(
        new InvokeModelCommand({ modelId: "stability.stable-image-core-v1:1", contentType: "application/json", body: JSON.stringify({ prompt: "a fox" }) }),
      ),
    );
    expect(error?.advice?.problem).toBe("model-not-in-region");
    expect(error?.message).toContain("us-west-2");
  });
});

// The advice asks the client's region which profiles reach the model (ListInferenceProfiles) only
// for errors about which ID to call. Counted here through the emulator standing in for AWS (live
// mode): a zero-latency fault rule for ListInferenceProfiles with times=1 disappears once used.
describe("when the advice asks the region for its profiles", () => {
  let aws: RunningEmulator;
  beforeEach(async () => {
    aws = await startEmulator();
    actAsLiveAccount(aws.url, "eu-west-1");
    guide = await startGuide({ mode: "live", quiet: true, lang: "en" });
    forgetRegionListings();
    aws.faults.add({ fault: "latency", operation: "ListInferenceProfiles", latencyMs: 0, times: 1 });
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await aws.close();
    forgetRegionListings();
  });
  const askedForProfiles = () => aws.faults.list().every((r) => r.operation !== "ListInferenceProfiles");
  const converse = (modelId: string) =>
    failureOf(new BedrockRuntimeClient({ maxAttempts: 1 }).send(new ConverseCommand({ modelId, messages: user("Hi") })));

  it("asks for a ValidationException about a model ID", async () => {
    const error = await converse("anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(error?.name).toBe("ValidationException");
    expect(askedForProfiles()).toBe(true);
  });

  it("asks for a ResourceNotFoundException about a model ID (a retired model)", async () => {
    // data/catalog.json: Claude Sonnet 4 reached its end of life on 2026-10-14.
    const error = await converse("anthropic.claude-sonnet-4-20250514-v1:0");
    expect(error?.name).toBe("ResourceNotFoundException");
    expect(askedForProfiles()).toBe(true);
  });

  it("does not ask for throttling", async () => {
    aws.faults.add({ fault: "throttle", operation: "Converse" });
    const error = await converse("eu.amazon.nova-micro-v1:0");
    expect(error?.name).toBe("ThrottlingException");
    expect(error?.advice?.problem).toBe("throttling");
    expect(askedForProfiles()).toBe(false);
  });

  it("does not ask for an ARN, which names its own region", async () => {
    const error = await converse("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(error?.name).toBe("ValidationException");
    expect(askedForProfiles()).toBe(false);
  });

  it("does not ask when the call names no model", async () => {
    const error = await failureOf(new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: "PROMPT1234" })));
    expect(error?.name).toBe("ResourceNotFoundException");
    expect(error?.advice).toBeDefined();
    expect(askedForProfiles()).toBe(false);
  });
});

describe("the live budget", () => {
  it("refuses each kind of model call once spent, and only those", async () => {
    const aws = await startEmulator();
    actAsLiveAccount(aws.url, "us-east-1");
    try {
      // A budget of 0 USD is spent before the first call.
      guide = await startGuide({ mode: "live", budgetUsd: 0, quiet: true, lang: "en" });
      const client = new BedrockRuntimeClient({});
      const body = JSON.stringify({ messages: user("Hi"), inferenceConfig: { maxTokens: 20 } });
      const model = "amazon.nova-micro-v1:0";
      for (const command of [
        new ConverseCommand({ modelId: model, messages: user("Hi") }),
        new ConverseStreamCommand({ modelId: model, messages: user("Hi") }),
        new InvokeModelCommand({ modelId: model, contentType: "application/json", body }),
        new InvokeModelWithResponseStreamCommand({ modelId: model, contentType: "application/json", body }),
      ]) {
        const error = await failureOf(client.send(command as ConverseCommand));
        expect(error?.name).toBe("BudgetExceededError");
      }
      // CountTokens costs nothing (AWS: "no charge"): it names a model but is not refused or metered.
      const count = await client.send(new CountTokensCommand({ modelId: model, input: { converse: { messages: user("Hi") } } }));
      expect(count.inputTokens).toBeGreaterThan(0);
      expect(guide.meter.calls).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      await aws.close();
    }
  });
});
