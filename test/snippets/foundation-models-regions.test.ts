// Chapter 1's lookups and mistakes across regions and edge cases the main chapter test does not
// reach: a region other than the session's, answers AWS may give in another order or with fields
// left out, a pinned "today" for Legacy models, injected clocks for the comparison's latency, and
// faults the emulator plays out. Expectations come from data/catalog.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  ListInferenceProfilesCommand,
  type GetFoundationModelAvailabilityCommandOutput,
  type GetFoundationModelCommandOutput,
  type ListInferenceProfilesCommandOutput,
} from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scriptedResponder, startBedrockEmulatorForTests, type ScriptedResponder, type TestEmulator } from "bedrock-emulator/node";
import { forgetRegionListings, parseModelReference, startGuide, type Guide } from "bedrock-guide";
import { checkModelAccess } from "../../snippets/01-foundation-models/check-access";
import { findLegacyModel, meetCommonErrors, profileFromAnotherGeography } from "../../snippets/01-foundation-models/common-errors";
import { compareModels } from "../../snippets/01-foundation-models/compare-models";
import { compareRegions } from "../../snippets/01-foundation-models/compare-regions";
import { findInferenceProfiles } from "../../snippets/01-foundation-models/inference-profiles";
import { invokeStatementFor } from "../../snippets/01-foundation-models/lambda-handler";
import { catalog, inferenceTypesIn, legacyTextModelsIn, listedIn, profilesListedIn, regionsListing } from "./catalog-expectations";
import { backOffQuickly } from "../shared/quick-backoff";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_2_LITE = "amazon.nova-2-lite-v1:0";
const STABLE_IMAGE_CORE = "stability.stable-image-core-v1:1";
type Profile = (typeof catalog.profiles)[number];

/** The catalog's entry for a profile as ListInferenceProfiles lists it in `region`. */
function profileIn(id: string, region: string): Profile {
  const found = catalog.profiles.find((p) => p.inferenceProfileId === id && p.regions.includes(region));
  if (!found) throw new Error(`${id} is not listed in ${region}`);
  return found;
}

type AnySend = (...args: unknown[]) => Promise<unknown>;
/**
 * Runs `work` while the answers of one control-plane command are changed as `change` says: AWS
 * may answer in another order, or leave out fields its API marks optional.
 */
async function withAnswers<T>(command: abstract new (...a: never[]) => unknown, change: (answer: never, input: never) => unknown, work: () => Promise<T>): Promise<T> {
  const proto = BedrockClient.prototype as unknown as { send: AnySend };
  const send = proto.send;
  proto.send = async function (this: unknown, cmd: unknown, ...rest: unknown[]) {
    const answer = await send.call(this, cmd, ...rest);
    return cmd instanceof command ? change(answer as never, (cmd as { input: never }).input) : answer;
  };
  try {
    return await work();
  } finally {
    proto.send = send;
  }
}

describe("lookups for a region other than the client's", () => {
  let emu: TestEmulator;
  // The SDK's own region is Frankfurt; every lookup below names another region.
  beforeAll(async () => {
    emu = await startBedrockEmulatorForTests({ region: "eu-central-1" });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it("lists a region's Haiku profiles with their names and where each routes, whatever order AWS answers in", async () => {
    for (const region of ["ap-northeast-1", "ap-southeast-2", "us-west-1"]) {
      const expected = profilesListedIn(HAIKU, region).map((id) => {
        const p = profileIn(id, region);
        const destinations = (p.models as Partial<Record<string, string[]>>)[HAIKU] ?? [];
        return { profileId: id, name: p.inferenceProfileName, routesTo: id.startsWith("global.") ? "any" : [...new Set(destinations)].sort().join(", ") };
      });
      expect(await findInferenceProfiles(HAIKU, region), region).toEqual(expected);
      // ListInferenceProfiles promises no order, of the profiles or of their models.
      const reversed = await withAnswers(
        ListInferenceProfilesCommand,
        (answer: ListInferenceProfilesCommandOutput) => ({
          ...answer,
          inferenceProfileSummaries: [...(answer.inferenceProfileSummaries ?? [])].reverse().map((p) => ({ ...p, models: [...(p.models ?? [])].reverse() })),
        }),
        () => findInferenceProfiles(HAIKU, region),
      );
      expect(reversed, region).toEqual(expected);
    }
  });

  it("leaves out application profiles: only the system ones are the region's choices", async () => {
    // Without typeEquals, AWS also lists the account's application profiles (here, one that tracks
    // Haiku's cost); the lesson asks for SYSTEM_DEFINED ones only.
    const region = "us-west-1";
    const application = {
      inferenceProfileId: "a1b2c3d4e5f6",
      inferenceProfileName: "haiku-cost-tracking",
      inferenceProfileArn: `arn:aws:bedrock:${region}:123456789012:application-inference-profile/a1b2c3d4e5f6`,
      models: [{ modelArn: `arn:aws:bedrock:${region}::foundation-model/${HAIKU}` }],
      type: "APPLICATION",
      status: "ACTIVE",
    };
    const found = await withAnswers(
      ListInferenceProfilesCommand,
      (answer: ListInferenceProfilesCommandOutput, input: { typeEquals?: string }) =>
        input.typeEquals === "SYSTEM_DEFINED" ? answer : { ...answer, inferenceProfileSummaries: [...(answer.inferenceProfileSummaries ?? []), application] },
      () => findInferenceProfiles(HAIKU, region),
    );
    expect(found.map((p) => p.profileId)).toEqual(profilesListedIn(HAIKU, region));
  });

  it("writes the IAM statement for a profile of any geography: the profile in its region, then each model ARN it routes to", async () => {
    // One profile per geography prefix of the catalog, called from a region that lists it.
    const prefixes = [...new Set(catalog.profiles.map((p) => parseModelReference(p.inferenceProfileId).profilePrefix!))].sort();
    expect(prefixes.length).toBeGreaterThanOrEqual(6);
    for (const prefix of prefixes) {
      const p = catalog.profiles.find((x) => x.inferenceProfileId.startsWith(`${prefix}.`))!;
      const region = p.regions[0];
      const statement = await invokeStatementFor(p.inferenceProfileId, region);
      const modelArns = Object.entries(p.models as Partial<Record<string, string[]>>).flatMap(([id, regions]) => (regions ?? []).map((r) => `arn:aws:bedrock:${r}::foundation-model/${id}`));
      expect(statement, p.inferenceProfileId).toEqual({
        Effect: "Allow",
        Action: ["bedrock:InvokeModel"],
        Resource: [expect.stringMatching(new RegExp(`^arn:aws:bedrock:${region}:\\d{12}:inference-profile/${p.inferenceProfileId.replace(/[.]/g, "\\.")}$`)), ...modelArns],
      });
    }
    // On demand: the model's own ARN in the region named, not the client's.
    expect(await invokeStatementFor("openai.gpt-oss-20b-1:0", "sa-east-1")).toEqual({
      Effect: "Allow",
      Action: ["bedrock:InvokeModel"],
      Resource: ["arn:aws:bedrock:sa-east-1::foundation-model/openai.gpt-oss-20b-1:0"],
    });
  });

  it("lists the models missing from some region in ID order", async () => {
    for (const regions of [["us-west-2", "us-east-1"], ["ap-northeast-1", "eu-west-1", "sa-east-1"]]) {
      const matrix = await compareRegions(regions);
      const listed = regions.map((r) => new Set(listedIn(r).map((m) => m.modelId)));
      const all = [...new Set(listed.flatMap((ids) => [...ids]))];
      const missingSomewhere = all.filter((id) => listed.some((ids) => !ids.has(id))).sort();
      expect(matrix.differences.map((d) => d.model), regions.join()).toEqual(missingSomewhere);
      expect(matrix.totals, regions.join()).toEqual(Object.fromEntries(regions.map((r, i) => [r, listed[i].size])));
    }
  });

  it("finds a foreign geographic profile even for a model the region cannot call", async () => {
    // Nova 2 Lite: sa-east-1 lists neither a profile nor on-demand access for it (data/catalog.json),
    // while other regions list global. and geographic profiles of it.
    expect(profilesListedIn(NOVA_2_LITE, "sa-east-1")).toEqual([]);
    const foreign = await profileFromAnotherGeography(NOVA_2_LITE, "sa-east-1");
    const prefix = parseModelReference(foreign!).profilePrefix;
    expect(prefix).toBeDefined();
    expect(prefix).not.toBe("global");
    expect(regionsListing(NOVA_2_LITE).some((r) => profilesListedIn(NOVA_2_LITE, r).includes(foreign!))).toBe(true);
  });

  it("reports each field of an availability or model answer that is missing, without failing", async () => {
    // The API marks agreementAvailability, modelDetails, modelLifecycle and inferenceTypesSupported
    // optional: a missing one is a problem to report, never a crash.
    const noAgreement = await withAnswers(
      GetFoundationModelAvailabilityCommand,
      (a: GetFoundationModelAvailabilityCommandOutput) => ({ ...a, agreementAvailability: undefined }),
      () => checkModelAccess("amazon.nova-micro-v1:0", "us-east-1"),
    );
    expect(noAgreement).toMatchObject({ usable: false, problems: ["agreementAvailability: undefined"], lifecycle: "ACTIVE" });
    const noDetails = await withAnswers(GetFoundationModelCommand, (a: GetFoundationModelCommandOutput) => ({ ...a, modelDetails: undefined }), () => checkModelAccess("amazon.nova-micro-v1:0", "us-east-1"));
    expect(noDetails).toEqual({ modelId: "amazon.nova-micro-v1:0", usable: false, problems: ["modelLifecycle: undefined"], inferenceTypes: [], lifecycle: undefined });
    const bareDetails = await withAnswers(
      GetFoundationModelCommand,
      (a: GetFoundationModelCommandOutput) => ({ ...a, modelDetails: { ...a.modelDetails!, modelLifecycle: undefined, inferenceTypesSupported: undefined } }),
      () => checkModelAccess("amazon.nova-micro-v1:0", "us-east-1"),
    );
    expect(bareDetails).toMatchObject({ usable: false, problems: ["modelLifecycle: undefined"], inferenceTypes: [] });
    // The region named, not the client's: Frankfurt does not offer Stable Image Core, us-west-2 does.
    expect(regionsListing(STABLE_IMAGE_CORE)).toContain("us-west-2");
    expect(await checkModelAccess(STABLE_IMAGE_CORE, "us-west-2")).toMatchObject({ usable: true, inferenceTypes: ["ON_DEMAND"] });
  });
});

describe("Legacy models on a pinned day", () => {
  // 2026-09-01: us-east-1 lists several Legacy text models (data/catalog.json), Nova Sonic first,
  // and they retire on different days; the one that retires last is Claude Opus 4.1 (2027-01-08).
  const day = new Date("2026-09-01T00:00:00Z");
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startBedrockEmulatorForTests({ region: "eu-central-1", now: () => day });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it("picks the one that retires last, called the way the region allows", async () => {
    const legacy = legacyTextModelsIn("us-east-1", day);
    expect(legacy.length).toBeGreaterThan(2);
    const eol = (m: (typeof legacy)[number]) => Date.parse((m.modelLifecycle as { endOfLifeTime: string }).endOfLifeTime);
    const last = legacy.reduce((a, b) => (eol(b) > eol(a) ? b : a));
    // It is not the first one listed, so the order of the listing does not decide.
    expect(legacy[0].modelId).not.toBe(last.modelId);
    const expected = inferenceTypesIn(last, "us-east-1").includes("ON_DEMAND")
      ? last.modelId
      : profilesListedIn(last.modelId, "us-east-1").find((p) => parseModelReference(p).profilePrefix !== "global")!;
    // The client's own region is Frankfurt, where Opus 4.1 is not listed: the lookup must ask us-east-1.
    expect(regionsListing(last.modelId)).not.toContain("eu-central-1");
    expect(await findLegacyModel("us-east-1")).toBe(expected);
  });

  it("skips a Legacy model the region cannot call and takes the next one it can", async () => {
    // As in a region where ListInferenceProfiles lists no profile: the profile-only Legacy models
    // cannot be called at all, so the answer is the on-demand one that retires last (Jamba 1.5).
    const onDemand = legacyTextModelsIn("us-east-1", day).filter((m) => inferenceTypesIn(m, "us-east-1").includes("ON_DEMAND"));
    const eol = (m: (typeof onDemand)[number]) => Date.parse((m.modelLifecycle as { endOfLifeTime: string }).endOfLifeTime);
    const latest = Math.max(...onDemand.map(eol));
    forgetRegionListings();
    try {
      const found = await withAnswers(ListInferenceProfilesCommand, (answer: ListInferenceProfilesCommandOutput) => ({ ...answer, inferenceProfileSummaries: [] }), () => findLegacyModel("us-east-1"));
      expect(onDemand.filter((m) => eol(m) === latest).map((m) => m.modelId)).toContain(found);
    } finally {
      forgetRegionListings();
    }
  });
});

describe("the comparison's latency and failures", () => {
  let guide: Guide;
  const region = "ap-northeast-1";
  beforeAll(async () => {
    guide = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
  });
  const geographicHere = (model: string) => profilesListedIn(model, region).find((p) => parseModelReference(p).profilePrefix !== "global")!;

  it("measures the model call alone, not the lookup before it", async () => {
    // An injected clock: each control-plane call (the lookups) takes 1000 ms, each model call 250 ms.
    let clock = 0;
    const now = vi.spyOn(performance, "now").mockImplementation(() => clock);
    const control = BedrockClient.prototype as unknown as { send: AnySend };
    const runtime = BedrockRuntimeClient.prototype as unknown as { send: AnySend };
    const [controlSend, runtimeSend] = [control.send, runtime.send];
    control.send = function (this: unknown, ...args: unknown[]) {
      clock += 1000;
      return controlSend.apply(this, args);
    };
    runtime.send = function (this: unknown, ...args: unknown[]) {
      clock += 250;
      return runtimeSend.apply(this, args);
    };
    try {
      forgetRegionListings();
      const [answered] = await compareModels("Hello", [HAIKU]);
      expect(answered.error).toBeUndefined();
      expect(answered.measuredMs).toBe(250);
      // Llama 4 Scout cannot be called from Tokyo: the lookup is all its row took.
      forgetRegionListings();
      const start = clock;
      const [refused] = await compareModels("Hello", ["meta.llama4-scout-17b-instruct-v1:0"]);
      expect(refused.error).toContain("cannot be called from ap-northeast-1");
      expect(refused.measuredMs).toBe(clock - start);
      expect(refused.measuredMs).toBeGreaterThanOrEqual(1000);
    } finally {
      control.send = controlSend;
      runtime.send = runtimeSend;
      now.mockRestore();
    }
  });

  it("keeps a denied model's row with the guide's explanation and no figures", async () => {
    guide.simulate({ fault: "access-denied", model: geographicHere(NOVA_2_LITE), times: 1 });
    const [row] = await compareModels("Hello", [NOVA_2_LITE]);
    expect(row).toMatchObject({
      model: NOVA_2_LITE,
      calledAs: geographicHere(NOVA_2_LITE),
      modelMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: undefined,
      answer: "",
      error: "No access to the model",
    });
  });

  it("retries through four throttled answers in a row", async () => {
    backOffQuickly();
    // The SDK's default of three attempts would give up; the lesson's client keeps trying.
    guide.simulate({ fault: "throttle", model: geographicHere(NOVA_2_LITE), times: 4 });
    const [row] = await compareModels("Hello", [NOVA_2_LITE]);
    expect(row.error).toBeUndefined();
    expect(row.outputTokens).toBeGreaterThan(0);
  });
});

describe("common errors from us-west-2, for a reader with a default profile who used a Legacy model lately", () => {
  // us-west-2 serves Stable Image Core, so the wrong-region case calls from us-east-1 instead.
  const region = "us-west-2";
  let emu: TestEmulator;
  let responder: ScriptedResponder;
  const saved = process.env.AWS_SHARED_CREDENTIALS_FILE;
  const legacy = legacyTextModelsIn(region).map((m) => m.modelId);
  let dir: string;
  beforeAll(async () => {
    // A default profile must not rescue the "no credentials" case: it names a missing profile.
    dir = mkdtempSync(join(tmpdir(), "guide-credentials-"));
    writeFileSync(join(dir, "credentials"), "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = example-not-a-secret\n");
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
    responder = scriptedResponder();
    emu = await startBedrockEmulatorForTests({ region, responder, recentlyUsedModels: legacy });
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    else process.env.AWS_SHARED_CREDENTIALS_FILE = saved;
  });
  /** What meetCommonErrors uses of a session: its region, language and fault simulation. */
  const session = (lang: "es" | "en", simulates: boolean) =>
    ({
      region,
      lang,
      simulate(fault: { fault: "throttle" | "access-denied"; model?: string; times?: number }) {
        if (simulates) emu.faults.add(fault);
        return simulates;
      },
    }) as unknown as Guide;

  it("meets each mistake, and reports the one that did not fail instead of inventing an error", async () => {
    expect(regionsListing(STABLE_IMAGE_CORE)).toContain(region);
    expect(regionsListing(STABLE_IMAGE_CORE)).not.toContain("us-east-1");
    const cases = await meetCommonErrors(session("en", true));
    const byCase = Object.fromEntries(cases.map((c) => [c.case, c]));
    expect(byCase["no credentials"].problem).toBe("no-credentials");
    expect(byCase["wrong region"]).toMatchObject({ model: STABLE_IMAGE_CORE, problem: "model-not-in-region" });
    // The advice is about us-east-1, where the call went, and names the regions that have the model.
    expect(byCase["wrong region"].advice).toContain("pick another model offered in us-east-1");
    expect(byCase["wrong region"].advice).toContain(`region: "${regionsListing(STABLE_IMAGE_CORE)[0]}"`);
    expect(byCase["no access"].problem).toBe("no-access");
    expect(byCase["throttling"].problem).toBe("throttling");
    if (legacy.length) {
      // This account used the Legacy model lately, so the call works: no error, nothing to explain.
      expect(byCase["legacy model"]).toMatchObject({ error: "(no error)", problem: "unknown", advice: "" });
      const call = responder.calls.find((c) => legacy.includes(c.modelId))!;
      // One short line, as the page says: that is the only call of the case that could be billed.
      expect(call.inferenceConfig.maxTokens).toBeGreaterThan(0);
      expect(call.inferenceConfig.maxTokens).toBeLessThanOrEqual(50);
    }
    expect(cases.filter((c) => c.error === "(no error)").map((c) => c.case)).toEqual(legacy.length ? ["legacy model"] : []);
  });

  it("live (no simulation), leaves out the account-dependent cases, and explains in Spanish", async () => {
    const cases = await meetCommonErrors(session("es", false));
    const labels = cases.map((c) => c.case);
    expect(labels).not.toContain("no access");
    expect(labels).not.toContain("throttling");
    const byCase = Object.fromEntries(cases.map((c) => [c.case, c]));
    expect(byCase["retired model"].advice.startsWith("Modelo retirado: ")).toBe(true);
    expect(byCase["invalid model ID"].advice.startsWith("Identificador de modelo no válido: ")).toBe(true);
  });
});
