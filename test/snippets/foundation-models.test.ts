import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModelReference, startGuide, type Guide } from "bedrock-guide";
import { listModels } from "../../snippets/01-foundation-models/list-models";
import { providerTable } from "../../snippets/01-foundation-models/provider-table";
import { compareRegions } from "../../snippets/01-foundation-models/compare-regions";
import { checkModelAccess } from "../../snippets/01-foundation-models/check-access";
import { askClaudeNatively } from "../../snippets/01-foundation-models/first-call-invoke";
import { answerText, askWithConverse } from "../../snippets/01-foundation-models/first-call-converse";
import { streamAnswer } from "../../snippets/01-foundation-models/stream-answer";
import { findInferenceProfiles } from "../../snippets/01-foundation-models/inference-profiles";
import { comparisonChart, comparisonTable, compareModels } from "../../snippets/01-foundation-models/compare-models";
import { recommendations, tryRecommendation } from "../../snippets/01-foundation-models/recommendations";
import { findLegacyModel, meetCommonErrors } from "../../snippets/01-foundation-models/common-errors";
import { catalog, legacyTextModelsIn, listedIn } from "./catalog-expectations";

let guide: Guide;
beforeAll(async () => {
  guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "en", quiet: true });
});
afterAll(async () => {
  await guide.stop();
});

describe("exploring the catalog", () => {
  it("lists exactly the models the catalog has in the region", async () => {
    for (const region of ["us-east-1", "eu-central-1"]) {
      const models = await listModels(region);
      expect(models.map((m) => m.modelId).sort()).toEqual(listedIn(region).map((m) => m.modelId).sort());
    }
  });

  it("computes the provider table from the listing", async () => {
    const models = await listModels("us-east-1");
    const table = providerTable(models);
    const expected = new Map<string, number>();
    for (const m of listedIn("us-east-1")) expected.set(m.providerName, (expected.get(m.providerName) ?? 0) + 1);
    expect(table).toHaveLength(expected.size);
    for (const row of table) {
      expect(row.models, row.provider).toBe(expected.get(row.provider));
      expect(row.active + row.legacy).toBeLessThanOrEqual(row.models);
      expect(row.latestRelease).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
    expect(table.reduce((n, r) => n + r.models, 0)).toBe(models.length);
    // Biggest providers first.
    expect(table[0].models).toBeGreaterThanOrEqual(table[table.length - 1].models);
  });

  it("filters by output modality, inference type and streaming", async () => {
    const images = await listModels("us-west-2", { outputModality: "IMAGE" });
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((m) => m.outputModalities?.includes("IMAGE"))).toBe(true);
    expect(images.map((m) => m.modelId)).toContain("stability.stable-image-core-v1:1");

    const onDemand = await listModels("us-east-1", { outputModality: "TEXT", inferenceType: "ON_DEMAND" });
    expect(onDemand.every((m) => m.inferenceTypesSupported?.includes("ON_DEMAND"))).toBe(true);
    expect(onDemand.map((m) => m.modelId)).not.toContain("anthropic.claude-haiku-4-5-20251001-v1:0");

    const all = await listModels("us-east-1");
    const streaming = await listModels("us-east-1", { streaming: true });
    const notStreaming = await listModels("us-east-1", { streaming: false });
    expect(streaming.length + notStreaming.length).toBe(all.length);
    expect(notStreaming.length).toBeGreaterThan(0);
  });
});

describe("regions", () => {
  it("shows which models exist where", async () => {
    const matrix = await compareRegions(["us-east-1", "us-west-2"]);
    expect(matrix.totals["us-east-1"]).toBe(listedIn("us-east-1").length);
    expect(matrix.totals["us-west-2"]).toBe(listedIn("us-west-2").length);
    const core = matrix.differences.find((row) => row.model === "stability.stable-image-core-v1:1");
    expect(core).toEqual({ model: "stability.stable-image-core-v1:1", "us-east-1": "—", "us-west-2": "✓" });
    for (const row of matrix.differences) expect(Object.values(row)).toContain("—");
  });
});

describe("model access", () => {
  it("reports a current model as usable and explains what blocks a denied one", async () => {
    const ok = await checkModelAccess("anthropic.claude-haiku-4-5-20251001-v1:0", "us-east-1");
    expect(ok).toMatchObject({ usable: true, problems: [], inferenceTypes: ["INFERENCE_PROFILE"], lifecycle: "ACTIVE" });

    guide.simulate({ fault: "access-denied", model: "amazon.nova-lite-v1:0" });
    const denied = await checkModelAccess("amazon.nova-lite-v1:0", "us-east-1");
    expect(denied.usable).toBe(false);
    expect(denied.problems).toContain("authorizationStatus: NOT_AUTHORIZED");

    const elsewhere = await checkModelAccess("stability.stable-image-core-v1:1", "us-east-1");
    expect(elsewhere).toMatchObject({ usable: false, problems: ["regionAvailability: NOT_AVAILABLE"], inferenceTypes: [] });
    expect(elsewhere.lifecycle).toBeUndefined();
    expect(await checkModelAccess("stability.stable-image-core-v1:1", "us-west-2")).toMatchObject({ usable: true, lifecycle: "ACTIVE" });

    // Whichever model is Legacy today (the list changes as models age).
    for (const model of legacyTextModelsIn("us-east-1").slice(0, 2)) {
      const legacy = await checkModelAccess(model.modelId, "us-east-1");
      expect(legacy.problems, model.modelId).toContain("modelLifecycle: LEGACY");
    }
  });
});

describe("first calls", () => {
  const question = "Why does generative AI matter?";

  it("InvokeModel with Anthropic's native body answers about the prompt", async () => {
    const text = await askClaudeNatively(question);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toContain("generative AI matter");
  });

  it("Converse answers with usage that grows with the prompt", async () => {
    const short = await askWithConverse(question);
    const long = await askWithConverse(`${question} ${"Consider costs, latency and quality. ".repeat(20)}`);
    expect(answerText(short)).toContain("generative AI matter");
    expect(short.stopReason).toBeDefined();
    expect(long.usage!.inputTokens!).toBeGreaterThan(short.usage!.inputTokens!);
    expect(short.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("ConverseStream delivers the same text and usage as Converse, in several pieces", async () => {
    const pieces: string[] = [];
    const streamed = await streamAnswer(question, (t) => pieces.push(t));
    // The same request as streamAnswer sends, without streaming.
    const whole = await new BedrockRuntimeClient({}).send(
      new ConverseCommand({ modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", messages: [{ role: "user", content: [{ text: question }] }], inferenceConfig: { maxTokens: 300 } }),
    );
    expect(streamed.chunks).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(streamed.text);
    expect(streamed.text).toBe(answerText(whole));
    expect(streamed.stopReason).toBe(whole.stopReason);
    expect(streamed.outputTokens).toBe(whole.usage?.outputTokens);
    expect(streamed.inputTokens).toBe(whole.usage?.inputTokens);
  });
});

describe("inference profiles", () => {
  it("finds the profiles that serve a profile-only model in the region", async () => {
    const profiles = await findInferenceProfiles("anthropic.claude-haiku-4-5-20251001-v1:0", "us-east-1");
    const expected = catalog.profiles
      .filter((p) => p.regions.includes("us-east-1") && "anthropic.claude-haiku-4-5-20251001-v1:0" in p.models)
      .map((p) => p.inferenceProfileId)
      .sort();
    expect(profiles.map((p) => p.profileId)).toEqual(expected);
    expect(profiles.find((p) => p.profileId.startsWith("global."))?.routesTo).toBe("any");
    expect(profiles.find((p) => p.profileId.startsWith("us."))?.routesTo).toContain("us-east-1");
  });

  it("the bare ID fails on demand with AWS's message and the guide's advice", async () => {
    const error = (await askWithConverse("hi", "anthropic.claude-haiku-4-5-20251001-v1:0").then(
      () => undefined,
      (e: unknown) => e,
    )) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error).toBeInstanceOf(Error);
    expect(error!.name).toBe("ValidationException");
    expect(error!.message).toContain("on-demand throughput isn't supported");
    expect(error!.advice?.problem).toBe("needs-inference-profile");
    expect(error!.message).toContain("us.anthropic.claude-haiku-4-5-20251001-v1:0");
  });
});

describe("comparing models", () => {
  const models = ["us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.amazon.nova-micro-v1:0", "mistral.ministral-3-8b-instruct"];

  it("makes one call per model and prices each from its usage", async () => {
    const before = guide.meter.calls.length;
    const rows = await compareModels("Name three uses of Amazon Bedrock.", models, 2);
    expect(rows.map((r) => r.model)).toEqual(models);
    expect(guide.meter.calls.length - before).toBe(models.length);
    for (const row of rows) {
      expect(row.error).toBeUndefined();
      expect(row.outputTokens).toBeGreaterThan(0);
      const metered = guide.meter.calls.slice(before).find((c) => c.modelId === row.model)!;
      expect(metered.outputTokens).toBe(row.outputTokens);
      expect(row.costUsd).toBeCloseTo(metered.costUsd!, 12);
    }
    const table = comparisonTable(rows);
    expect(table.map((r) => r.model)).toEqual(models);
    const svg = comparisonChart(rows, "t");
    expect(svg.match(/<rect x=/g)).toHaveLength(models.length * 3);
  });

  it("retries through throttling and keeps a failing model's row", async () => {
    guide.simulate({ fault: "throttle", model: "us.amazon.nova-micro-v1:0", times: 2 });
    const rows = await compareModels("Hello", [...models, "anthropic.claude-v2"], 2);
    expect(rows[1].error).toBeUndefined();
    expect(rows[1].outputTokens).toBeGreaterThan(0);
    expect(rows[3].error).toBe("Retired model");
  });
});

describe("recommendations", () => {
  it("maps each use case to an active model offered in its region", async () => {
    expect(recommendations.map((r) => r.useCase)).toEqual(["chatbot", "long-content", "summaries", "images", "efficiency", "lowest-cost"]);
    for (const r of recommendations) {
      const models = await listModels(r.region);
      const id = r.modelId.replace(/^(us|global)\./, "");
      const listed = models.find((m) => m.modelId === id);
      expect(listed, r.useCase).toBeDefined();
      expect(listed!.modelLifecycle?.status).toBe("ACTIVE");
    }
  });

  it("runs a text case and the image case, whose PNG depends on the prompt", async () => {
    const text = await tryRecommendation("summaries", "Summarise: Bedrock hosts many models.");
    expect(text.kind).toBe("text");
    const a = await tryRecommendation("images", "a red fox");
    const b = await tryRecommendation("images", "a blue whale");
    if (a.kind !== "image" || b.kind !== "image") throw new Error("expected images");
    expect(Buffer.from(a.png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
    // 16:9 as requested: IHDR width > height
    const view = Buffer.from(a.png);
    expect(view.readUInt32BE(16)).toBeGreaterThan(view.readUInt32BE(20));
  });
});

describe("common errors", () => {
  it("meets each newcomer error and explains it", async () => {
    const cases = await meetCommonErrors(guide);
    const byCase = Object.fromEntries(cases.map((c) => [c.case, c]));
    expect(byCase["no credentials"].problem).toBe("no-credentials");
    expect(byCase["wrong region"].problem).toBe("model-not-in-region");
    expect(byCase["invalid model ID"].problem).toBe("invalid-model-id");
    expect(byCase["on-demand not supported"].problem).toBe("needs-inference-profile");
    expect(byCase["retired model"].problem).toBe("end-of-life");
    expect(byCase["no access"]).toMatchObject({ error: "AccessDeniedException", problem: "no-access" });
    expect(byCase["throttling"]).toMatchObject({ error: "ThrottlingException", problem: "throttling" });
    const someLegacy = legacyTextModelsIn(guide.region).length > 0;
    if (someLegacy) {
      expect(byCase["legacy model"]).toMatchObject({ model: await findLegacyModel(guide.region), error: "ResourceNotFoundException", problem: "legacy-model" });
    }
    expect(cases).toHaveLength(someLegacy ? 8 : 7);
  });

  it("finds the Legacy text model that retires last, callable in the region", async () => {
    for (const region of ["us-east-1", "eu-west-1"]) {
      const legacy = legacyTextModelsIn(region);
      const found = await findLegacyModel(region);
      if (!legacy.length) {
        expect(found, region).toBeUndefined();
        continue;
      }
      const eol = (id: string) => Date.parse((legacy.find((m) => m.modelId === id)!.modelLifecycle as { endOfLifeTime?: string }).endOfLifeTime ?? "9999");
      const { modelId, profilePrefix } = parseModelReference(found!);
      expect(legacy.map((m) => m.modelId), region).toContain(modelId);
      expect(Math.max(...legacy.map((m) => eol(m.modelId)))).toBe(eol(modelId));
      // A bare ID only when the region serves it on demand; otherwise one of the region's profiles.
      const model = legacy.find((m) => m.modelId === modelId)! as (typeof legacy)[number] & { inferenceTypesByRegion?: Record<string, string[]> };
      const onDemand = (model.inferenceTypesByRegion?.[region] ?? model.inferenceTypesSupported).includes("ON_DEMAND");
      expect(profilePrefix === undefined, found).toBe(onDemand);
    }
  });
});

describe("cost meter", () => {
  it("tells what the offline calls would have cost live", () => {
    expect(guide.meter.calls.length).toBeGreaterThan(0);
    const total = guide.meter.calls.reduce((s, c) => s + (c.costUsd ?? 0), 0);
    expect(guide.meter.totalUsd).toBeCloseTo(total, 12);
    expect(guide.meter.summary()).toMatch(/^\d+ offline calls: they cost nothing/);
    const rows = guide.meter.byModel();
    expect(rows.reduce((n, r) => n + r.calls, 0)).toBe(guide.meter.calls.length);
  });
});
