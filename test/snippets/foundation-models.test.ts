import { BedrockClient, GetFoundationModelAvailabilityCommand, type GetFoundationModelAvailabilityCommandOutput } from "@aws-sdk/client-bedrock";
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
import prices from "../../data/prices.json";
import {
  inferenceTypesIn,
  legacyTextModelsIn,
  listedIn,
  profilesListedIn,
  providerFactsIn,
  regionsListing,
  statusAt,
  streamingSplitIn,
} from "./catalog-expectations";
import { backOffQuickly } from "../shared/quick-backoff";

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
      for (const region of ["us-east-1", "us-west-2"]) {
        const table = providerTable(await listModels(region));
        const facts = providerFactsIn(region);
        expect(table.map((r) => r.provider).sort(), region).toEqual([...facts.keys()].sort());
        for (const row of table) {
          const f = facts.get(row.provider)!;
          expect(row, `${region} ${row.provider}`).toEqual({
            provider: row.provider,
            models: f.models,
            modalities: f.modalities.join(", "),
            inferenceTypes: f.inferenceTypes.join(", "),
            active: f.active,
            legacy: f.legacy,
            latestRelease: f.releases[f.releases.length - 1],
          });
        }
        // Biggest providers first, ties by name.
        for (let i = 1; i < table.length; i++) {
          const [a, b] = [table[i - 1], table[i]];
          expect(a.models > b.models || (a.models === b.models && a.provider.localeCompare(b.provider) < 0), `${a.provider} before ${b.provider}`).toBe(true);
        }
      }
    });

    it("provider rows checked by hand in data/catalog.json", async () => {
      // Mistral AI in us-east-1: 13 models, none with a Legacy or end-of-life date. The two Voxtral
      // take speech; Pixtral Large, Magistral Small, Large 3 and the three Ministral 3 take images.
      // Pixtral Large is profile-only, the rest on demand. Newest: Devstral 2 (2026-02-17);
      // oldest: Mistral 7B and Mixtral 8x7B (2024-03-01).
      const east = providerTable(await listModels("us-east-1"));
      expect(east.find((r) => r.provider === "Mistral AI")).toEqual({
        provider: "Mistral AI",
        models: 13,
        modalities: "SPEECH+TEXT→TEXT, TEXT+IMAGE→TEXT, TEXT→TEXT",
        inferenceTypes: "INFERENCE_PROFILE, ON_DEMAND",
        active: 13,
        legacy: 0,
        latestRelease: "2026-02-17",
      });
      // Stability AI in us-west-2: 13 editing tools (text+image in, profile-only, 2025-09-03) plus
      // SD3.5 Large, Stable Image Core and Ultra v1:1 on demand; Core and Ultra take text alone.
      // Ultra v1:1 is the oldest (2024-02-22).
      const west = providerTable(await listModels("us-west-2"));
      expect(west.find((r) => r.provider === "Stability AI")).toEqual({
        provider: "Stability AI",
        models: 16,
        modalities: "TEXT+IMAGE→IMAGE, TEXT→IMAGE",
        inferenceTypes: "INFERENCE_PROFILE, ON_DEMAND",
        active: 16,
        legacy: 0,
        latestRelease: "2025-09-03",
      });
    });

    it("filters by output modality, inference type and streaming", async () => {
      const images = await listModels("us-west-2", { outputModality: "IMAGE" });
      expect(images.length).toBeGreaterThan(0);
      expect(images.every((m) => m.outputModalities?.includes("IMAGE"))).toBe(true);
      expect(images.map((m) => m.modelId)).toContain("stability.stable-image-core-v1:1");

      const onDemand = await listModels("us-east-1", { outputModality: "TEXT", inferenceType: "ON_DEMAND" });
      expect(onDemand.every((m) => m.inferenceTypesSupported?.includes("ON_DEMAND"))).toBe(true);
      expect(onDemand.map((m) => m.modelId)).not.toContain("anthropic.claude-haiku-4-5-20251001-v1:0");

      for (const region of ["us-east-1", "us-west-2"]) {
        const streaming = (await listModels(region, { streaming: true })).map((m) => m.modelId).sort();
        const notStreaming = (await listModels(region, { streaming: false })).map((m) => m.modelId).sort();
        const expected = streamingSplitIn(region);
        expect(streaming, region).toEqual(expected.streaming);
        expect(notStreaming, region).toEqual(expected.notStreaming);
      }
      // Checked by hand in data/catalog.json: Claude Haiku 4.5 and Nova Micro stream; Titan Text
      // Embeddings V2 says false; Titan Multimodal Embeddings G1 leaves the field out, so it doesn't.
      const streaming = (await listModels("us-east-1", { streaming: true })).map((m) => m.modelId);
      const notStreaming = (await listModels("us-east-1", { streaming: false })).map((m) => m.modelId);
      expect(streaming).toEqual(expect.arrayContaining(["anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-micro-v1:0"]));
      expect(notStreaming).toEqual(expect.arrayContaining(["amazon.titan-embed-text-v2:0", "amazon.titan-embed-image-v1"]));
      expect(streaming).not.toContain("amazon.titan-embed-image-v1");
      expect(notStreaming).not.toContain("anthropic.claude-haiku-4-5-20251001-v1:0");
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

      // The emulator's access-denied fault answers NOT_AUTHORIZED, entitlement NOT_AVAILABLE and
      // agreement NOT_AVAILABLE: each one is a problem of its own, named by its field.
      guide.simulate({ fault: "access-denied", model: "amazon.nova-lite-v1:0" });
      const denied = await checkModelAccess("amazon.nova-lite-v1:0", "us-east-1");
      expect(denied.usable).toBe(false);
      expect([...denied.problems].sort()).toEqual(["agreementAvailability: NOT_AVAILABLE", "authorizationStatus: NOT_AUTHORIZED", "entitlementAvailability: NOT_AVAILABLE"]);

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

  describe("model access when only one answer is missing", () => {
    // GetFoundationModelAvailability as AWS documents it can report each of these alone: an
    // authorized account whose Marketplace agreement is still PENDING, or with no entitlement.
    // The emulator has no fault for that, so the answer for a usable model is altered here.
    async function checkWith(change: Partial<GetFoundationModelAvailabilityCommandOutput>) {
      const send = BedrockClient.prototype.send;
      BedrockClient.prototype.send = async function (this: BedrockClient, command: unknown, ...rest: unknown[]) {
        const answer = await (send as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
        return command instanceof GetFoundationModelAvailabilityCommand ? { ...(answer as object), ...change } : answer;
      } as typeof send;
      try {
        return await checkModelAccess("amazon.nova-micro-v1:0", "us-east-1");
      } finally {
        BedrockClient.prototype.send = send;
      }
    }

    it("reports the unchanged answer as usable", async () => {
      expect(await checkWith({})).toMatchObject({ usable: true, problems: [], lifecycle: "ACTIVE" });
    });

    it("a pending agreement alone blocks the model", async () => {
      expect(await checkWith({ agreementAvailability: { status: "PENDING" } })).toMatchObject({ usable: false, problems: ["agreementAvailability: PENDING"] });
    });

    it("a missing entitlement alone blocks the model", async () => {
      expect(await checkWith({ entitlementAvailability: "NOT_AVAILABLE" })).toMatchObject({ usable: false, problems: ["entitlementAvailability: NOT_AVAILABLE"] });
    });

    it("a missing authorization alone blocks the model", async () => {
      expect(await checkWith({ authorizationStatus: "NOT_AUTHORIZED" })).toMatchObject({ usable: false, problems: ["authorizationStatus: NOT_AUTHORIZED"] });
    });
  });

  describe("recommendations as data", () => {
    it("names the chapter's picks: an active foundation model for each use case, not a profile", () => {
      expect(recommendations.map(({ useCase, modelId, callFrom }) => ({ useCase, modelId, callFrom }))).toEqual(
        Object.entries(RECOMMENDED).map(([useCase, { modelId, callFrom }]) => ({ useCase, modelId, callFrom })),
      );
      for (const r of recommendations) {
        expect(parseModelReference(r.modelId).profilePrefix, r.useCase).toBeUndefined();
        // The model as data/catalog.json lists it where the chapter says to call it from.
        const listed = listedIn(r.callFrom ?? "us-east-1").find((m) => m.modelId === r.modelId);
        expect(listed, r.useCase).toBeDefined();
        expect(statusAt(listed!), r.useCase).toBe("ACTIVE");
        // A pinned region must serve the model on its own ID: no profile takes it elsewhere.
        if (r.callFrom) expect(inferenceTypesIn(listed!, r.callFrom), r.useCase).toContain("ON_DEMAND");
      }
      // Only the image model is tied to a region, the only one that serves it in the capture.
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
const STABLE_IMAGE_CORE = "stability.stable-image-core-v1:1";
// The chapter's picks, as its page explains them; only the image model names a region to call from.
const RECOMMENDED: Record<UseCase, { modelId: string; callFrom?: string }> = {
  chatbot: { modelId: HAIKU },
  "long-content": { modelId: SONNET },
  summaries: { modelId: SCOUT },
  images: { modelId: STABLE_IMAGE_CORE, callFrom: "us-west-2" },
  efficiency: { modelId: MINISTRAL_8B },
  "lowest-cost": { modelId: NOVA_MICRO },
};
// What the contenders cost per million tokens (input / output) through a geographic profile or on
// demand, as data/prices.json records them with their sources: Anthropic and Nova 2 Lite at their
// regional rate (10% over global), the others at their single on-demand rate.
const USD_PER_MILLION: Record<string, { input: number; output: number }> = {
  [HAIKU]: { input: 1.1, output: 5.5 },
  [NOVA_2_LITE]: { input: 0.33, output: 2.75 },
  [SCOUT]: { input: 0.17, output: 0.66 },
  [MINISTRAL_8B]: { input: 0.15, output: 0.15 },
  [GPT_OSS]: { input: 0.07, output: 0.3 },
};
const CALLED_AS: Record<string, Record<string, string | null>> = {
  "us-east-1": { [HAIKU]: `us.${HAIKU}`, [SONNET]: `us.${SONNET}`, [NOVA_2_LITE]: `us.${NOVA_2_LITE}`, [NOVA_MICRO]: `us.${NOVA_MICRO}`, [SCOUT]: `us.${SCOUT}`, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
  "eu-west-1": { [HAIKU]: `eu.${HAIKU}`, [SONNET]: `eu.${SONNET}`, [NOVA_2_LITE]: `eu.${NOVA_2_LITE}`, [NOVA_MICRO]: `eu.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
  "eu-central-1": { [HAIKU]: `eu.${HAIKU}`, [SONNET]: `eu.${SONNET}`, [NOVA_2_LITE]: `eu.${NOVA_2_LITE}`, [NOVA_MICRO]: `eu.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: null, [GPT_OSS]: GPT_OSS },
  "ap-northeast-1": { [HAIKU]: `jp.${HAIKU}`, [SONNET]: `jp.${SONNET}`, [NOVA_2_LITE]: `jp.${NOVA_2_LITE}`, [NOVA_MICRO]: `apac.${NOVA_MICRO}`, [SCOUT]: null, [MINISTRAL_8B]: MINISTRAL_8B, [GPT_OSS]: GPT_OSS },
};

describe("hand-checked prices", () => {
  it("agree with data/prices.json", () => {
    for (const [model, price] of Object.entries(USD_PER_MILLION)) {
      const entry = prices.text.find((e) => e.models.includes(model)) as { regional?: { input: number; output: number }; input?: number; output?: number } | undefined;
      expect(entry, model).toBeDefined();
      expect(entry!.regional ?? { input: entry!.input, output: entry!.output }, model).toEqual(price);
    }
  });
});

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
        expect([row.inputTokens, row.outputTokens]).toEqual([metered.inputTokens, metered.outputTokens]);
        // USD by hand: tokens × the per-million price of the route taken (geographic profile or on demand).
        const price = USD_PER_MILLION[row.model];
        const byHand = (row.inputTokens * price.input + row.outputTokens * price.output) / 1e6;
        expect(row.costUsd, row.model).toBeCloseTo(byHand, 12);
        expect(metered.costUsd, row.model).toBeCloseTo(byHand, 12);
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
    backOffQuickly();
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
    expect(here.map((h) => h.useCase)).toEqual(Object.keys(RECOMMENDED));
    for (const [useCase, pick] of Object.entries(RECOMMENDED) as [UseCase, (typeof RECOMMENDED)[UseCase]][]) {
      const row = here.find((h) => h.useCase === useCase)!;
      // The image model always goes to us-west-2 on its own ID; text models go the way the
      // hand-checked table says for this region.
      const id = pick.callFrom ? pick.modelId : expected[pick.modelId];
      const from = pick.callFrom ?? region;
      const prompt = useCase === "images" ? "a red fox" : "Summarise: Bedrock hosts many models.";
      const result = await tryRecommendation(useCase, prompt).catch((e: unknown) => e);
      if (id === null) {
        expect(row, useCase).toMatchObject({ modelId: pick.modelId, region });
        expect(row.route, useCase).toContain(`cannot be called from ${region}`);
        expect(result, useCase).toBeInstanceOf(ModelNotCallableHere);
        expect((result as ModelNotCallableHere).offeredIn).toEqual(regionsListing(pick.modelId));
        continue;
      }
      // Every profile in the hand-checked table is a geographic one (us., eu., jp., apac.).
      const route = parseModelReference(id).profilePrefix ? "geographic profile" : "on demand";
      expect(row, useCase).toEqual({ useCase, modelId: id, region: from, route });
      expect(result, useCase).toMatchObject({ useCase, calledAs: id, region: from, route, kind: useCase === "images" ? "image" : "text" });
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
