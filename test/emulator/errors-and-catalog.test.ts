// Control-plane operations (bedrock client, HTTP/1.1), every error case of the spec, lifecycle,
// regions, faults, responders and transport details.
import http from "node:http";
import http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  type BedrockClient,
} from "@aws-sdk/client-bedrock";
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, type BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import {
  MAX_BODY_BYTES,
  loadCatalog,
  openAICompatibleResponder,
  parseFaultRules,
  scriptedResponder,
  startEmulator,
  type RunningEmulator,
} from "bedrock-emulator/node";
import { AUTH, TODAY, expectAwsError, h1, h2, sdk, user, withHeader, withoutHeader } from "./helpers";

let emu: RunningEmulator;
let rt: BedrockRuntimeClient;
let br: BedrockClient;
let brWest: BedrockClient;

const NOVA_MICRO = "us.amazon.nova-micro-v1:0";
const ON_DEMAND_NOT_SUPPORTED =
  "Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.";
const EOL = "This model version has reached the end of its life. Please refer to the AWS documentation for more details.";

beforeAll(async () => {
  emu = await startEmulator({ now: () => TODAY, env: {} });
  ({ runtime: rt, bedrock: br } = sdk(emu.url));
  brWest = sdk(emu.url, "us-west-2").bedrock;
});
afterAll(() => emu.close());

const converse = (modelId: string, extra: Record<string, unknown> = {}) =>
  rt.send(new ConverseCommand({ modelId, messages: [user("Hola")], ...extra } as never));

describe("ListFoundationModels and GetFoundationModel", () => {
  it("lists the region's models with AWS's fields and no end-of-life models", async () => {
    const { modelSummaries } = await br.send(new ListFoundationModelsCommand({}));
    const ids = modelSummaries!.map((m) => m.modelId);
    expect(ids.length).toBeGreaterThan(80);
    expect(ids).toContain("anthropic.claude-haiku-4-5-20251001-v1:0");
    for (const gone of ["anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-canvas-v1:0", "amazon.nova-premier-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0"]) {
      expect(ids).not.toContain(gone);
    }
    const jamba = modelSummaries!.find((m) => m.modelId === "ai21.jamba-1-5-large-v1:0")!;
    expect(jamba.modelLifecycle!.status).toBe("LEGACY");
    expect(jamba.modelLifecycle!.endOfLifeTime!.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    for (const m of modelSummaries!) expect(m.modelArn).toBe(`arn:aws:bedrock:us-east-1::foundation-model/${m.modelId}`);
  });

  it("applies the four filters", async () => {
    const anthropic = (await br.send(new ListFoundationModelsCommand({ byProvider: "Anthropic" }))).modelSummaries!;
    expect(anthropic.length).toBeGreaterThan(5);
    expect(new Set(anthropic.map((m) => m.providerName))).toEqual(new Set(["Anthropic"]));
    const onDemand = (await br.send(new ListFoundationModelsCommand({ byInferenceType: "ON_DEMAND" }))).modelSummaries!;
    expect(onDemand.every((m) => m.inferenceTypesSupported!.includes("ON_DEMAND"))).toBe(true);
    const embeddings = (await br.send(new ListFoundationModelsCommand({ byOutputModality: "EMBEDDING" }))).modelSummaries!;
    expect(embeddings.map((m) => m.modelId)).toContain("amazon.titan-embed-text-v2:0");
    expect(embeddings.every((m) => m.outputModalities!.includes("EMBEDDING"))).toBe(true);
    const tunable = (await br.send(new ListFoundationModelsCommand({ byCustomizationType: "FINE_TUNING" }))).modelSummaries!;
    expect(tunable.length).toBeGreaterThan(0);
    expect(tunable.every((m) => m.customizationsSupported!.includes("FINE_TUNING"))).toBe(true);
    await expectAwsError(br.send(new ListFoundationModelsCommand({ byOutputModality: "AUDIO" as never })), "ValidationException", 400, /byOutputModality/);
  });

  it("has no on-demand text-to-image in us-east-1, but Stability on demand in us-west-2", async () => {
    const east = (await br.send(new ListFoundationModelsCommand({ byOutputModality: "IMAGE", byInferenceType: "ON_DEMAND" }))).modelSummaries!;
    expect(east).toEqual([]);
    const west = (await brWest.send(new ListFoundationModelsCommand({ byOutputModality: "IMAGE", byInferenceType: "ON_DEMAND" }))).modelSummaries!;
    expect(west.map((m) => m.modelId).sort()).toEqual(["stability.sd3-5-large-v1:0", "stability.stable-image-core-v1:1", "stability.stable-image-ultra-v1:1"]);
  });

  it("lists every required region differently", async () => {
    const counts = new Map<string, number>();
    for (const region of ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]) {
      const n = (await sdk(emu.url, region).bedrock.send(new ListFoundationModelsCommand({}))).modelSummaries!.length;
      expect(n).toBeGreaterThan(20);
      counts.set(region, n);
    }
    expect(new Set(counts.values()).size).toBeGreaterThan(2);
  });

  it("gets one model by ID or ARN; end of life is 404, unknown is 400", async () => {
    const byId = await br.send(new GetFoundationModelCommand({ modelIdentifier: "amazon.titan-embed-text-v2:0" }));
    expect(byId.modelDetails!.providerName).toBe("Amazon");
    const byArn = await br.send(new GetFoundationModelCommand({ modelIdentifier: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0" }));
    expect(byArn.modelDetails).toEqual(byId.modelDetails);
    await expectAwsError(br.send(new GetFoundationModelCommand({ modelIdentifier: "anthropic.claude-v2" })), "ResourceNotFoundException", 404, EOL);
    await expectAwsError(br.send(new GetFoundationModelCommand({ modelIdentifier: "acme.nonexistent-v1" })), "ValidationException", 400, "The provided model identifier is invalid.");
  });
});

describe("Inference profiles", () => {
  it("paginates ListInferenceProfiles and hides profiles of retired models", async () => {
    const all = (await br.send(new ListInferenceProfilesCommand({}))).inferenceProfileSummaries!;
    const paged: string[] = [];
    for await (const page of paginateListInferenceProfiles({ client: br, pageSize: 10 }, {})) {
      expect(page.inferenceProfileSummaries!.length).toBeLessThanOrEqual(10);
      paged.push(...page.inferenceProfileSummaries!.map((p) => p.inferenceProfileId!));
    }
    expect(paged).toEqual(all.map((p) => p.inferenceProfileId));
    expect(paged).toContain("global.anthropic.claude-sonnet-4-6");
    expect(paged).not.toContain("us.anthropic.claude-3-haiku-20240307-v1:0");
    const global = all.find((p) => p.inferenceProfileId === "global.anthropic.claude-sonnet-4-6")!;
    expect(global.inferenceProfileArn).toBe("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-6");
    expect(global.models!.some((m) => m.modelArn === "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-6")).toBe(true);
  });

  it("gets a profile by ID or ARN; unknown is 404", async () => {
    const p = await br.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: NOVA_MICRO }));
    expect(p.type).toBe("SYSTEM_DEFINED");
    const byArn = await br.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: p.inferenceProfileArn }));
    expect(byArn.inferenceProfileId).toBe(NOVA_MICRO);
    await expectAwsError(br.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "eu.amazon.nova-micro-v1:0" })), "ResourceNotFoundException", 404);
  });

  it("profile IDs work where bare profile-only model IDs are refused with AWS's message", async () => {
    await expectAwsError(converse("anthropic.claude-haiku-4-5-20251001-v1:0"), "ValidationException", 400, ON_DEMAND_NOT_SUPPORTED);
    for (const id of [
      "us.anthropic.claude-haiku-4-5-20251001-v1:0",
      "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-micro-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0",
    ]) {
      const r = await converse(id);
      expect(r.output!.message!.content![0].text).toContain(id);
    }
    // an eu. profile doesn't exist in us-east-1, but does in eu-west-1
    await expectAwsError(converse("eu.amazon.nova-micro-v1:0"), "ValidationException", 400, "The provided model identifier is invalid.");
    const eu = await sdk(emu.url, "eu-west-1").runtime.send(new ConverseCommand({ modelId: "eu.amazon.nova-micro-v1:0", messages: [user("Hola")] }));
    expect(eu.stopReason).toBe("end_turn");
  });
});

describe("Lifecycle", () => {
  it("end-of-life models answer 404 with AWS's message, whether captured or only in the facts sheet", async () => {
    for (const id of [
      "anthropic.claude-v2",
      "amazon.titan-text-express-v1",
      "ai21.j2-ultra-v1",
      "anthropic.claude-3-haiku-20240307-v1:0",
      "us.anthropic.claude-3-haiku-20240307-v1:0",
      "amazon.nova-canvas-v1:0",
      "amazon.titan-image-generator-v2:0",
      "cohere.command-r-v1:0",
      "meta.llama3-2-11b-instruct-v1:0",
    ]) {
      await expectAwsError(converse(id), "ResourceNotFoundException", 404, EOL);
    }
  });

  it("Legacy models refuse accounts that haven't used them recently, as AWS does", async () => {
    const LEGACY = "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock";
    await expectAwsError(converse("ai21.jamba-1-5-large-v1:0"), "ResourceNotFoundException", 404, LEGACY);
    await expectAwsError(converse("us.anthropic.claude-opus-4-1-20250805-v1:0"), "ResourceNotFoundException", 404, LEGACY);
    // still listed, as LEGACY (checked in the listing test); the catalog reads work
    const details = await br.send(new GetFoundationModelCommand({ modelIdentifier: "anthropic.claude-opus-4-1-20250805-v1:0" }));
    expect(details.modelDetails!.modelLifecycle!.status).toBe("LEGACY");
  });

  it("a Legacy model stays callable for an account that keeps using it, until its end of life", async () => {
    const user1 = await startEmulator({ now: () => TODAY, env: { BEDROCK_EMULATOR_RECENTLY_USED: "ai21.jamba-1-5-large-v1:0" } });
    const later = await startEmulator({ now: () => new Date("2026-11-27T00:00:00Z"), env: {}, recentlyUsedModels: ["ai21.jamba-1-5-large-v1:0"] });
    try {
      const r = await sdk(user1.url).runtime.send(new ConverseCommand({ modelId: "ai21.jamba-1-5-large-v1:0", messages: [user("Hola")] }));
      expect(r.stopReason).toBe("end_turn");
      const c = sdk(later.url);
      await expectAwsError(c.runtime.send(new ConverseCommand({ modelId: "ai21.jamba-1-5-large-v1:0", messages: [user("x")] })), "ResourceNotFoundException", 404, EOL);
      const ids = (await c.bedrock.send(new ListFoundationModelsCommand({ byProvider: "AI21 Labs" }))).modelSummaries!.map((m) => m.modelId);
      expect(ids).toEqual([]);
    } finally {
      await user1.close();
      await later.close();
    }
  });

  it("keeps the retired list with replacements for the guide's error advice", () => {
    const c = loadCatalog();
    expect(c.retirement("anthropic.claude-v2")!.replacement).toMatch(/Haiku 4.5/);
    expect(c.retirement("amazon.nova-canvas-v1:0")!.endOfLife).toBe("2026-09-30T00:00:00Z");
    expect(c.retirement("anthropic.claude-haiku-4-5-20251001-v1:0")).toBeUndefined();
    // the facts sheet's `stability.stable-image-*-v1:0` means the old core/ultra, not the captured edit tools
    expect(c.retirement("stability.stable-image-core-v1:0")!.replacement).toMatch(/stable-image-core\/ultra-v1:1/);
    expect(c.retirement("stability.stable-image-inpaint-v1:0")).toBeUndefined();
    expect(c.listModels("us-east-1", TODAY).map((m) => m.modelId)).toContain("stability.stable-image-inpaint-v1:0");
  });
});

describe("Converse validation errors", () => {
  it.each([
    ["temperature > 1", { inferenceConfig: { temperature: 1.5 } }, /Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1/],
    ["topP < 0", { inferenceConfig: { topP: -0.1 } }, /inferenceConfig.topP/],
    ["maxTokens < 1", { inferenceConfig: { maxTokens: 0 } }, /Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1/],
    ["empty messages", { messages: [] }, "A conversation must start with a user message. Try again with a conversation that starts with a user message."],
    ["first message not user", { messages: [{ role: "assistant", content: [{ text: "hola" }] }] }, /must start with a user message/],
    ["roles not alternating", { messages: [user("a"), user("b")] }, /must alternate between user and assistant/],
    ["blank text", { messages: [user("   ")] }, "The text field in the ContentBlock object at messages.0.content.0 is blank. Add text to the text field, and try again."],
    ["maxTokens over the model limit", { inferenceConfig: { maxTokens: 10_000_000 } }, /exceeds the model limit/],
    [
      "image format outside the enum",
      { messages: [{ role: "user", content: [{ text: "¿Qué ves?" }, { image: { format: "bmp", source: { bytes: new Uint8Array([1, 2, 3]) } } }] }] },
      "1 validation error detected: Value 'bmp' at 'messages.1.member.content.2.member.image.format' failed to satisfy constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]",
    ],
    [
      "toolUseId with a space",
      { messages: [user("a"), { role: "assistant", content: [{ toolUse: { toolUseId: "bad id", name: "f", input: {} } }] }] },
      /Value 'bad id' at 'messages.2.member.content.1.member.toolUse.toolUseId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    ],
    [
      "tool name over 64 characters",
      { toolConfig: { tools: [{ toolSpec: { name: "f".repeat(65), inputSchema: { json: { type: "object" } } } }] } },
      /toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must have length less than or equal to 64/,
    ],
    ["tool blocks without toolConfig", { messages: [user("a"), { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "f", input: {} } }] }, { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "r" }] } }] }] }, /toolConfig field must be defined/],
  ])("%s → ValidationException 400", async (_name, extra, message) => {
    await expectAwsError(converse(NOVA_MICRO, extra), "ValidationException", 400, message);
  });

  it("unknown model → ValidationException invalid identifier", async () => {
    await expectAwsError(converse("acme.unknown-model-v1:0"), "ValidationException", 400, "The provided model identifier is invalid.");
  });

  it("Converse refuses embedding models and the text models whose model card has no Converse", async () => {
    await expectAwsError(converse("amazon.titan-embed-text-v2:0"), "ValidationException", 400, /doesn't support the model/);
    for (const id of ["cohere.rerank-v3-5:0", "amazon.nova-2-sonic-v1:0", "us.twelvelabs.pegasus-1-2-v1:0"]) {
      await expectAwsError(converse(id), "ValidationException", 400, /doesn't support the model/);
    }
  });

  it("InvokeModel refuses a model whose model card has no InvokeModel, and caps Anthropic's max_tokens", async () => {
    const rt = sdk(emu.url).runtime;
    const invoke = (modelId: string, body: object) => rt.send(new InvokeModelCommand({ modelId, contentType: "application/json", body: JSON.stringify(body) }));
    await expectAwsError(invoke("amazon.nova-2-sonic-v1:0", { messages: [user("hola")] }), "ValidationException", 400, /doesn't support the model/);
    const claude = { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "hola" }] };
    await expectAwsError(
      invoke("us.anthropic.claude-haiku-4-5-20251001-v1:0", { ...claude, max_tokens: 10_000_000 }),
      "ValidationException",
      400,
      "max_tokens: 10000000 > 64000, which is the maximum allowed number of output tokens for anthropic.claude-haiku-4-5-20251001-v1:0",
    );
    const ok = JSON.parse(new TextDecoder().decode((await invoke("us.anthropic.claude-haiku-4-5-20251001-v1:0", { ...claude, max_tokens: 64_000 })).body));
    expect(ok.stop_reason).toBe("end_turn");
  });
});

describe("Raw HTTP errors (both HTTP versions)", () => {
  const body = JSON.stringify({ messages: [user("hola")] });
  const path = `/model/${encodeURIComponent(NOVA_MICRO)}/converse`;

  it("malformed JSON, wrong types, unknown route, missing auth", async () => {
    const bad = await h1(emu.url, "POST", path, "{not json");
    expect(bad.status).toBe(400);
    expect(bad.headers["x-amzn-errortype"]).toBe("SerializationException");
    const wrongType = await h1(emu.url, "POST", path, JSON.stringify({ messages: "hola" }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.headers["x-amzn-errortype"]).toBe("ValidationException");
    const wrongTemp = await h1(emu.url, "POST", path, JSON.stringify({ messages: [user("x")], inferenceConfig: { temperature: "hot" } }));
    expect(wrongTemp.headers["x-amzn-errortype"]).toBe("ValidationException");
    const unknown = await h1(emu.url, "GET", "/no/such/operation");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    const noAuth = await h1(emu.url, "POST", path, body, { "content-type": "application/json" });
    expect(noAuth.status).toBe(403);
    expect(noAuth.headers["x-amzn-errortype"]).toBe("MissingAuthenticationTokenException");
    expect(JSON.parse(noAuth.body).message).toBe("Authorization header is missing");
    const ok = await h1(emu.url, "POST", path, body);
    expect(ok.status).toBe(200);

    const session = http2.connect(emu.url);
    try {
      const r2 = await h2(session, "POST", path, body);
      expect(r2.status).toBe(200);
      expect(JSON.parse(r2.body).stopReason).toBe("end_turn");
      const e2 = await h2(session, "POST", path, "[]");
      expect(e2.status).toBe(400);
      expect(e2.headers["x-amzn-errortype"]).toBe("SerializationException");
    } finally {
      session.close();
    }
  });

  it("an oversized body gets ValidationException 400 through the SDK", async () => {
    const huge = new Uint8Array(MAX_BODY_BYTES + 1).fill(32);
    await expectAwsError(rt.send(new InvokeModelCommand({ modelId: NOVA_MICRO, body: huge })), "ValidationException", 400, /less than or equal to 25000000/);
    const after = await converse(NOVA_MICRO);
    expect(after.stopReason).toBe("end_turn");
  });

  it("a request without Authorization is refused through the SDK too", async () => {
    const client = withoutHeader(sdk(emu.url).runtime, "authorization");
    await expectAwsError(client.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("x")] })), "MissingAuthenticationTokenException", 403, "Authorization header is missing");
  });

  it("binds 127.0.0.1 only", () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("Faults", () => {
  it("throttles a model a given number of times, then recovers", async () => {
    emu.faults.add({ fault: "throttle", model: NOVA_MICRO, times: 2 });
    await expectAwsError(converse(NOVA_MICRO), "ThrottlingException", 429, "Too many requests, please wait before trying again.");
    await expectAwsError(rt.send(new ConverseStreamCommand({ modelId: NOVA_MICRO, messages: [user("x")] })), "ThrottlingException", 429);
    expect((await converse(NOVA_MICRO)).stopReason).toBe("end_turn");
    expect(emu.faults.size).toBe(0);
  });

  it("the SDK's retries get through a single throttle", async () => {
    emu.faults.add({ fault: "throttle", operation: "Converse", times: 1 });
    const client = new (rt.constructor as typeof import("@aws-sdk/client-bedrock-runtime").BedrockRuntimeClient)({
      endpoint: emu.url,
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      maxAttempts: 3,
      retryMode: "standard",
    });
    const r = await client.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("x")] }));
    expect(r.$metadata.attempts).toBe(2);
  });

  it("access denied shows in GetFoundationModelAvailability and in calls", async () => {
    const before = await br.send(new GetFoundationModelAvailabilityCommand({ modelId: "amazon.nova-micro-v1:0" }));
    expect(before.authorizationStatus).toBe("AUTHORIZED");
    emu.faults.add({ fault: "access-denied", model: "amazon.nova-micro-v1:0" });
    try {
      const after = await br.send(new GetFoundationModelAvailabilityCommand({ modelId: "amazon.nova-micro-v1:0" }));
      expect(after.authorizationStatus).toBe("NOT_AUTHORIZED");
      expect(after.agreementAvailability!.status).toBe("NOT_AVAILABLE");
      await expectAwsError(converse(NOVA_MICRO), "AccessDeniedException", 403, "You don't have access to the model with the specified model ID.");
    } finally {
      emu.faults.clear();
    }
    expect((await converse(NOVA_MICRO)).stopReason).toBe("end_turn");
  });

  it("a header fault applies to that request only; latency adds to metrics", async () => {
    const faulty = withHeader(sdk(emu.url).runtime, "x-bedrock-emulator-fault", "throttle");
    await expectAwsError(faulty.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("x")] })), "ThrottlingException", 429);
    const slow = withHeader(sdk(emu.url).runtime, "x-bedrock-emulator-fault", "latency,latencyMs=120");
    const base = await converse(NOVA_MICRO);
    const t0 = performance.now();
    const r = await slow.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("Hola")] }));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    expect(r.metrics!.latencyMs).toBe(base.metrics!.latencyMs! + 120);
  });

  it("parses the env var format and JSON, and starts with env faults", async () => {
    expect(parseFaultRules("throttle,model=us.amazon.nova-micro-v1:0,times=2;latency,latencyMs=300")).toEqual([
      { fault: "throttle", model: "us.amazon.nova-micro-v1:0", times: 2 },
      { fault: "latency", latencyMs: 300 },
    ]);
    expect(parseFaultRules('[{"fault":"access-denied","operation":"InvokeModel"}]')).toEqual([{ fault: "access-denied", operation: "InvokeModel" }]);
    expect(() => parseFaultRules("explode")).toThrow(/Unknown fault/);
    const e = await startEmulator({ env: { BEDROCK_EMULATOR_FAULTS: "throttle,operation=ListFoundationModels,times=1" } });
    try {
      const c = sdk(e.url).bedrock;
      await expectAwsError(c.send(new ListFoundationModelsCommand({})), "ThrottlingException", 429);
      expect((await c.send(new ListFoundationModelsCommand({}))).modelSummaries!.length).toBeGreaterThan(0);
    } finally {
      await e.close();
    }
  });
});

describe("Responders", () => {
  it("scripted responder answers registered prompts and models, and falls back to synthetic", async () => {
    const scripted = scriptedResponder([
      { prompt: "capital de Francia", reply: "París." },
      { model: "meta.llama3-8b-instruct-v1:0", reply: { text: "Soy Llama.", stopReason: "end_turn" }, times: 1 },
    ]);
    const e = await startEmulator({ responder: scripted, env: {} });
    try {
      const c = sdk(e.url).runtime;
      const a = await c.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("¿Cuál es la capital de Francia?")] }));
      expect(a.output!.message!.content![0].text).toBe("París.");
      expect(a.usage!.outputTokens).toBe(2);
      const b = await c.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [user("hola")] }));
      expect(b.output!.message!.content![0].text).toBe("Soy Llama.");
      const again = await c.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [user("hola")] }));
      expect(again.output!.message!.content![0].text).toContain("Respuesta sintética");
      expect(scripted.calls.map((r) => r.modelId)).toEqual(["amazon.nova-micro-v1:0", "meta.llama3-8b-instruct-v1:0", "meta.llama3-8b-instruct-v1:0"]);
    } finally {
      await e.close();
    }
  });

  it("OpenAI-compatible responder forwards to a local chat-completions server", async () => {
    const seen: any[] = [];
    const fake = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        seen.push({ url: req.url, body: JSON.parse(raw) });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ choices: [{ message: { content: "Respuesta real local." }, finish_reason: "stop" }], usage: { prompt_tokens: 11, completion_tokens: 4 } }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r));
    const port = (fake.address() as { port: number }).port;
    const e = await startEmulator({ env: { BEDROCK_EMULATOR_OPENAI_URL: `http://127.0.0.1:${port}/v1`, BEDROCK_EMULATOR_OPENAI_MODEL: "llama3.2:1b" } });
    try {
      const r = await sdk(e.url).runtime.send(
        new ConverseCommand({ modelId: NOVA_MICRO, system: [{ text: "Sé breve" }], messages: [user("Hola")], inferenceConfig: { maxTokens: 50, temperature: 0.1 } }),
      );
      expect(r.output!.message!.content![0].text).toBe("Respuesta real local.");
      expect(r.usage).toMatchObject({ inputTokens: 11, outputTokens: 4, totalTokens: 15 });
      expect(seen[0].url).toBe("/v1/chat/completions");
      expect(seen[0].body).toMatchObject({ model: "llama3.2:1b", max_tokens: 50, temperature: 0.1, messages: [{ role: "system", content: "Sé breve" }, { role: "user", content: "Hola" }] });
    } finally {
      await e.close();
      fake.close();
    }
    const down = openAICompatibleResponder({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 2000 });
    await expect(
      Promise.resolve(down.respond({ operation: "Converse", requestedModelId: "x", modelId: "x", providerName: "x", messages: [user("x")], system: [], inferenceConfig: {}, tools: [] })),
    ).rejects.toMatchObject({ name: "ModelErrorException", status: 424 });
  });
});

describe("Transport", () => {
  it("serves HTTP/2 and HTTP/1.1 on the same port, concurrently", async () => {
    const session = http2.connect(emu.url);
    try {
      const path = `/model/${encodeURIComponent(NOVA_MICRO)}/converse`;
      const body = JSON.stringify({ messages: [user("paralelo")] });
      const results = await Promise.all([
        ...Array.from({ length: 10 }, () => h2(session, "POST", path, body)),
        ...Array.from({ length: 10 }, () => h1(emu.url, "POST", path, body)),
        h1(emu.url, "GET", "/foundation-models"),
      ]);
      expect(results.map((r) => r.status)).toEqual(Array(21).fill(200));
      expect(new Set(results.slice(0, 20).map((r) => JSON.parse(r.body).output.message.content[0].text)).size).toBe(1);
    } finally {
      session.close();
    }
  });

  it("decodes percent-encoded ARNs in path labels", async () => {
    const arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0";
    const r = await h1(emu.url, "GET", `/foundation-models/${encodeURIComponent(arn)}`, undefined, { authorization: AUTH });
    expect(JSON.parse(r.body).modelDetails.modelId).toBe("amazon.titan-embed-text-v2:0");
  });
});
