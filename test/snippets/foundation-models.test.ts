import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ModelNotCallableHere, parseModelReference, startGuide, type Guide } from "bedrock-guide";
import { listModels } from "../../snippets/01-foundation-models/list-models";
import { providerTable } from "../../snippets/01-foundation-models/provider-table";
import { compareRegions } from "../../snippets/01-foundation-models/compare-regions";
import { checkModelAccess } from "../../snippets/01-foundation-models/check-access";
import { askClaudeNatively } from "../../snippets/01-foundation-models/first-call-invoke";
import { answerText, askWithConverse } from "../../snippets/01-foundation-models/first-call-converse";
import { streamAnswer } from "../../snippets/01-foundation-models/stream-answer";
import { findInferenceProfiles, markChoice } from "../../snippets/01-foundation-models/inference-profiles";
import { comparisonChart, comparisonTable, compareModels } from "../../snippets/01-foundation-models/compare-models";
import { recommendations, recommendationsHere, tryRecommendation, type UseCase } from "../../snippets/01-foundation-models/recommendations";
import { findLegacyModel, meetCommonErrors, profileFromAnotherGeography } from "../../snippets/01-foundation-models/common-errors";
import { legacyTextModelsIn, listedIn, profilesListedIn, regionsListing } from "./catalog-expectations";

// Lookups that name their region run under one us-east-1 session; the chapter's calls, which use
// the session's region, run again below from each of four regions.
let guide: Guide;
function session(region: string) {
  beforeAll(async () => {
    guide = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
  });
}

describe("lookups that name their region", () => {
  session("us-east-1");

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

  describe("recommendations as data", () => {
    it("names an active foundation model for each use case, not a profile", async () => {
      expect(recommendations.map((r) => r.useCase)).toEqual(["chatbot", "long-content", "summaries", "images", "efficiency", "lowest-cost"]);
      for (const r of recommendations) {
        expect(parseModelReference(r.modelId).profilePrefix, r.useCase).toBeUndefined();
        const where = r.callFrom ?? "us-east-1";
        const listed = (await listModels(where)).find((m) => m.modelId === r.modelId);
        expect(listed?.modelLifecycle?.status, r.useCase).toBe("ACTIVE");
      }
      // Only the image model is tied to a region, the only one that serves it in the capture.
      expect(recommendations.filter((r) => r.callFrom)).toEqual([expect.objectContaining({ useCase: "images", callFrom: "us-west-2" })]);
      expect(regionsListing("stability.stable-image-core-v1:1")).toEqual(["us-west-2"]);
    });
  });

  describe("Legacy models", () => {
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
});

// How each model the chapter calls is reached from each region, checked by hand in data/catalog.json
// (ListInferenceProfiles and ListFoundationModels of the 2026-08-22 capture): the geographic profile
// where the region has one, else the model's own ID where it is on demand; null where neither.
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const SONNET = "anthropic.claude-sonnet-4-6";
const NOVA_2_LITE = "amazon.nova-2-lite-v1:0";
const NOVA_MICRO = "amazon.nova-micro-v1:0";
const SCOUT = "meta.llama4-scout-17b-instruct-v1:0";
const MINISTRAL_8B = "mistral.ministral-3-8b-instruct";
const GPT_OSS = "openai.gpt-oss-20b-1:0";
const CALLED_AS: Record<string, Record<string, string | null>> = {
  "us-east-1": { [HAIKU]: `us.${HAIKU}`, [SONNET]: `us.${SONNET}`, [NOVA_2_LITE]: `us.${NOVA_2_LITE}`, [NOVA_MICRO]: `us.${NOVA_MICRO}`, [SCOUT]: `us.${SCOUT}`, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
  "eu-west-1": { [HAIKU]: `eu.${HAIKU}`, [SONNET]: `eu.${SONNET}`, [NOVA_2_LITE]: `eu.${NOVA_2_LITE}`, [NOVA_MICRO]: `eu.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
  "eu-central-1": { [HAIKU]: `eu.${HAIKU}`, [SONNET]: `eu.${SONNET}`, [NOVA_2_LITE]: `eu.${NOVA_2_LITE}`, [NOVA_MICRO]: `eu.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: null, [GPT_OSS]: GPT_OSS },
  "ap-northeast-1": { [HAIKU]: `jp.${HAIKU}`, [SONNET]: `jp.${SONNET}`, [NOVA_2_LITE]: `jp.${NOVA_2_LITE}`, [NOVA_MICRO]: `apac.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
};

describe.each(Object.keys(CALLED_AS))("chapter 1 from %s", (region) => {
  session(region);
  const expected = CALLED_AS[region];
  const question = "Why does generative AI matter?";
  const lastCall = () => guide.meter.calls[guide.meter.calls.length - 1];

  it("the hand-checked table agrees with the region's catalog", () => {
    for (const [model, id] of Object.entries(expected)) {
      if (id === null) {
        // Neither a profile listed here nor on demand here.
        expect(profilesListedIn(model, region), model).toEqual([]);
      } else if (parseModelReference(id).profilePrefix) {
        expect(profilesListedIn(model, region), model).toContain(id);
      } else {
        expect(regionsListing(model), model).toContain(region);
      }
    }
  });

  it("InvokeModel, Converse and ConverseStream call Claude Haiku 4.5 through the region's own profile", async () => {
    const text = await askClaudeNatively(question);
    expect(text).toContain("generative AI matter");
    expect(lastCall().modelId).toBe(expected[HAIKU]);

    const short = await askWithConverse(question);
    expect(lastCall().modelId).toBe(expected[HAIKU]);
    const long = await askWithConverse(`${question} ${"Consider costs, latency and quality. ".repeat(20)}`);
    expect(answerText(short)).toContain("generative AI matter");
    expect(short.stopReason).toBeDefined();
    expect(long.usage!.inputTokens!).toBeGreaterThan(short.usage!.inputTokens!);

    const pieces: string[] = [];
    const streamed = await streamAnswer(question, (t) => pieces.push(t));
    expect(lastCall().modelId).toBe(expected[HAIKU]);
    // The same request as streamAnswer sends, without streaming, with the hand-checked ID.
    const whole = await new BedrockRuntimeClient({}).send(
      new ConverseCommand({ modelId: expected[HAIKU]!, messages: [{ role: "user", content: [{ text: question }] }], inferenceConfig: { maxTokens: 300 } }),
    );
    expect(streamed.chunks).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(streamed.text);
    expect(streamed.text).toBe(answerText(whole));
    expect(streamed.outputTokens).toBe(whole.usage?.outputTokens);
  });

  it("a model the region cannot call gets the resolver's explanation, not an AWS error", async () => {
    const error = await askWithConverse(question, SCOUT).catch((e: unknown) => e);
    if (expected[SCOUT]) {
      expect(error).not.toBeInstanceOf(Error);
      expect(lastCall().modelId).toBe(expected[SCOUT]);
    } else {
      expect(error).toBeInstanceOf(ModelNotCallableHere);
      expect((error as Error).message).toContain(`cannot be called from ${region}`);
      expect((error as Error).message).toContain(regionsListing(SCOUT).join(", "));
    }
  });

  it("lists the region's profiles for Haiku and marks the one modelIdFor picks", async () => {
    const profiles = await findInferenceProfiles(HAIKU, region);
    expect(profiles.map((p) => p.profileId)).toEqual(profilesListedIn(HAIKU, region));
    expect(profiles.find((p) => p.profileId.startsWith("global."))?.routesTo).toBe("any");
    const marked = await markChoice(profiles, HAIKU, region);
    expect(marked.filter((p) => p.modelIdFor)).toEqual([expect.objectContaining({ profileId: expected[HAIKU], modelIdFor: "✓ geographic profile" })]);
    // The geographic profile keeps requests in the region's geography, which includes the region.
    expect(marked.find((p) => p.modelIdFor)!.routesTo).toContain(region);
  });

  it("the bare ID fails on demand with AWS's message and advice naming this region's profiles", async () => {
    const error = (await new BedrockRuntimeClient({})
      .send(new ConverseCommand({ modelId: HAIKU, messages: [{ role: "user", content: [{ text: "hi" }] }] }))
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error?.name).toBe("ValidationException");
    expect(error!.message).toContain("on-demand throughput isn't supported");
    expect(error!.advice?.problem).toBe("needs-inference-profile");
    for (const profile of profilesListedIn(HAIKU, region)) expect(error!.message).toContain(profile);
  });

  it("compares the five contenders, each called as the region allows or explained", async () => {
    const contenders = [HAIKU, NOVA_2_LITE, SCOUT, MINISTRAL_8B, GPT_OSS];
    const before = guide.meter.calls.length;
    const rows = await compareModels("Name three uses of Amazon Bedrock.", contenders, 2);
    expect(rows.map((r) => r.model)).toEqual(contenders);
    const callable = contenders.filter((m) => expected[m]);
    expect(guide.meter.calls.length - before).toBe(callable.length);
    for (const row of rows) {
      const id = expected[row.model];
      if (id) {
        expect(row.error, row.model).toBeUndefined();
        expect(row.calledAs).toBe(id);
        expect(row.outputTokens).toBeGreaterThan(0);
        const metered = guide.meter.calls.slice(before).find((c) => c.modelId === id)!;
        expect(row.costUsd).toBeCloseTo(metered.costUsd!, 12);
      } else {
        expect(row.calledAs).toBe("");
        expect(row.error).toContain(`${row.model} cannot be called from ${region}`);
        expect(row.error).toContain(regionsListing(row.model).join(", "));
      }
    }
    const table = comparisonTable(rows);
    expect(table.map((r) => r["called as"])).toEqual(contenders.map((m) => expected[m] ?? "—"));
    expect(comparisonChart(rows, "t").match(/<rect x=/g)).toHaveLength(callable.length * 3);
  });

  it("retries through throttling and keeps a failing model's row", async () => {
    guide.simulate({ fault: "throttle", model: expected[NOVA_MICRO]!, times: 2 });
    const rows = await compareModels("Hello", [HAIKU, NOVA_MICRO, "anthropic.claude-v2"], 2);
    expect(rows[1].calledAs).toBe(expected[NOVA_MICRO]);
    expect(rows[1].error).toBeUndefined();
    expect(rows[1].outputTokens).toBeGreaterThan(0);
    // A retired model is not offered anywhere: the resolver says so before any call.
    expect(rows[2].error).toContain("anthropic.claude-v2 cannot be called from");
  });

  it("runs every recommendation from here, or explains why not", async () => {
    const here = await recommendationsHere();
    for (const r of recommendations) {
      const row = here.find((h) => h.useCase === r.useCase)!;
      const id = r.callFrom ? r.modelId : expected[r.modelId];
      const prompt = r.useCase === "images" ? "a red fox" : "Summarise: Bedrock hosts many models.";
      const result = await tryRecommendation(r.useCase as UseCase, prompt).catch((e: unknown) => e);
      if (id === null) {
        expect(row.route, r.useCase).toContain(`cannot be called from ${region}`);
        expect(result, r.useCase).toBeInstanceOf(ModelNotCallableHere);
        expect((result as ModelNotCallableHere).offeredIn).toEqual(regionsListing(r.modelId));
        continue;
      }
      expect(row, r.useCase).toMatchObject({ modelId: id, region: r.callFrom ?? region });
      expect(result, r.useCase).toMatchObject({ useCase: r.useCase, calledAs: id, region: r.callFrom ?? region });
    }
  });

  it("the image case answers a PNG from us-west-2 that depends on the prompt", async () => {
    const a = await tryRecommendation("images", "a red fox");
    const b = await tryRecommendation("images", "a blue whale");
    if (a.kind !== "image" || b.kind !== "image") throw new Error("expected images");
    expect(a).toMatchObject({ region: "us-west-2", calledAs: "stability.stable-image-core-v1:1", route: "on demand" });
    expect(Buffer.from(a.png.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
    // 16:9 as requested: IHDR width > height
    const view = Buffer.from(a.png);
    expect(view.readUInt32BE(16)).toBeGreaterThan(view.readUInt32BE(20));
  });

  it("meets each newcomer error and explains it", async () => {
    const foreign = await profileFromAnotherGeography(HAIKU, region);
    // Another geography's profile: it is a real profile, but not one this region lists.
    expect(profilesListedIn(HAIKU, region)).not.toContain(foreign);
    const prefixesHere = profilesListedIn(HAIKU, region).map((id) => parseModelReference(id).profilePrefix);
    expect(prefixesHere).not.toContain(parseModelReference(foreign!).profilePrefix);
    expect(parseModelReference(foreign!).profilePrefix).not.toBe("global");
    expect(regionsListing(HAIKU).some((r) => profilesListedIn(HAIKU, r).includes(foreign!))).toBe(true);

    const cases = await meetCommonErrors(guide);
    const byCase = Object.fromEntries(cases.map((c) => [c.case, c]));
    expect(byCase["no credentials"].problem).toBe("no-credentials");
    expect(byCase["wrong region"].problem).toBe("model-not-in-region");
    expect(byCase["invalid model ID"].problem).toBe("invalid-model-id");
    expect(byCase["on-demand not supported"].problem).toBe("needs-inference-profile");
    expect(byCase["profile from another geography"]).toMatchObject({ model: foreign, problem: "profile-not-in-region" });
    expect(byCase["profile from another geography"].advice).toContain(expected[HAIKU]);
    expect(byCase["retired model"].problem).toBe("end-of-life");
    expect(byCase["no access"]).toMatchObject({ model: expected[HAIKU], error: "AccessDeniedException", problem: "no-access" });
    expect(byCase["throttling"]).toMatchObject({ model: expected[SONNET], error: "ThrottlingException", problem: "throttling" });
    const someLegacy = legacyTextModelsIn(region).length > 0;
    if (someLegacy) {
      expect(byCase["legacy model"]).toMatchObject({ model: await findLegacyModel(region), error: "ResourceNotFoundException", problem: "legacy-model" });
    }
    expect(cases).toHaveLength(someLegacy ? 9 : 8);
    // No case should have slipped through without an error.
    expect(cases.filter((c) => c.error === "(no error)")).toEqual([]);
  });

  it("the Lambda handler answers through the region's route, and its role statement covers what that route reaches", async () => {
    // A fresh module per region: the handler keeps its client between invocations, as in Lambda.
    vi.resetModules();
    const { handler, invokeStatementFor } = await import("../../snippets/01-foundation-models/lambda-handler");
    const saved = process.env.MODEL_ID;
    try {
      delete process.env.MODEL_ID;
      await expect(handler({ question: "hi" })).rejects.toThrow(/MODEL_ID/);
      process.env.MODEL_ID = expected[NOVA_2_LITE]!;
      const result = await handler({ question: "What is Amazon Bedrock, in one sentence?" });
      expect(result.statusCode).toBe(200);
      const body = JSON.parse(result.body) as { answer: string; usage: { outputTokens: number } };
      expect(body.answer.length).toBeGreaterThan(0);
      expect(body.usage.outputTokens).toBeGreaterThan(0);
      expect(lastCall().modelId).toBe(expected[NOVA_2_LITE]);
      const statement = await invokeStatementFor(expected[NOVA_2_LITE]!, region);
      expect(statement.Action).toEqual(["bedrock:InvokeModel"]);
      // The profile itself, in this region, then every model ARN it routes to (the catalog's list).
      expect(statement.Resource[0]).toMatch(new RegExp(`^arn:aws:bedrock:${region}:\\d{12}:inference-profile/${expected[NOVA_2_LITE]!.replace(/[.]/g, "\\.")}$`));
      expect(statement.Resource.slice(1).length).toBeGreaterThan(1);
      for (const arn of statement.Resource.slice(1)) expect(arn).toMatch(/^arn:aws:bedrock:[a-z0-9-]*::foundation-model\/amazon\.nova-2-lite-v1:0$/);
      // A global. profile's statement must include the region-less model ARN (IAM for global profiles).
      const global = profilesListedIn(NOVA_2_LITE, region).find((p) => p.startsWith("global."));
      if (global) expect((await invokeStatementFor(global, region)).Resource).toContain("arn:aws:bedrock:::foundation-model/amazon.nova-2-lite-v1:0");
      // On demand, the statement is the model's own ARN in this region.
      expect((await invokeStatementFor(GPT_OSS, region)).Resource).toEqual([`arn:aws:bedrock:${region}::foundation-model/${GPT_OSS}`]);
    } finally {
      if (saved === undefined) delete process.env.MODEL_ID;
      else process.env.MODEL_ID = saved;
    }
  });

  it("the cost meter tells what the offline calls would have cost live", () => {
    expect(guide.meter.calls.length).toBeGreaterThan(0);
    const total = guide.meter.calls.reduce((s, c) => s + (c.costUsd ?? 0), 0);
    expect(guide.meter.totalUsd).toBeCloseTo(total, 12);
    expect(guide.meter.summary()).toMatch(/^\d+ offline calls: they cost nothing/);
    // Every call of the chapter went out under an ID this region can use.
    const usable = new Set([...Object.values(expected), "stability.stable-image-core-v1:1"]);
    expect(guide.meter.calls.filter((c) => !usable.has(c.modelId)).map((c) => c.modelId)).toEqual([]);
  });
});
