import { afterEach, describe, expect, it, vi } from "vitest";
import { knownRegions } from "bedrock-emulator";
import {
  CostMeter,
  explainError,
  inExtendedAccess,
  modelFacts,
  priceOf,
  startGuide,
  type Guide,
} from "bedrock-guide";

const awsError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

// The errors a brand-new account meets, with the texts AWS sends (as reported verbatim in public
// issues: the use-case message on Claude, "Too many tokens per day" on Converse).
describe("advice for what new accounts hit", () => {
  it("the Anthropic use-case form: console form and PutUseCaseForModelAccess, in both languages", () => {
    const error = awsError("ResourceNotFoundException", "Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model.", 404);
    const es = explainError(error, { lang: "es", modelId: "eu.anthropic.claude-haiku-4-5-20251001-v1:0" });
    const en = explainError(error, { lang: "en" });
    expect(es.problem).toBe("use-case-not-submitted");
    expect(es.fix).toContain("PutUseCaseForModelAccess");
    expect(es.fix).toContain("catálogo de modelos");
    expect(en.fix).toContain("model catalog");
    expect(en.explanation).toContain("once");
  });

  it("a daily token quota is not ordinary throttling: waiting seconds does not help", () => {
    const daily = explainError(awsError("ThrottlingException", "Too many tokens per day, please wait before trying again.", 429), { lang: "en" });
    expect(daily.problem).toBe("daily-token-quota");
    expect(daily.fix).toContain("Service Quotas");
    const perMinute = explainError(awsError("ThrottlingException", "Too many tokens, please wait before trying again.", 429), { lang: "es" });
    expect(perMinute.problem).toBe("throttling");
  });

  it("an invalid token in an opt-in region means the region is not enabled, elsewhere a key problem", () => {
    const error = awsError("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
    const spain = explainError(error, { region: "eu-south-2", lang: "es" });
    expect(spain.problem).toBe("region-not-enabled");
    expect(spain.fix).toContain("aws account enable-region --region-name eu-south-2");
    expect(explainError(error, { region: "eu-west-1", lang: "es" }).problem).toBe("invalid-credentials");
  });

  it("a region with no Bedrock endpoint", () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND bedrock.xx-east-9.amazonaws.com"), { code: "ENOTFOUND" });
    expect(explainError(dns, { region: "xx-east-9", lang: "en" }).problem).toBe("region-without-bedrock");
  });

  it("IAM for global. profiles needs the region-less model ARN: the access advice says so", () => {
    expect(explainError(awsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", 403), { lang: "en" }).fix).toContain("arn:aws:bedrock:::foundation-model/");
  });
});

describe("Legacy models in public extended access", () => {
  // Claude Opus 4.1 (facts sheet and data/catalog.json): Legacy 2026-07-08, public extended access
  // from 2026-10-08, end of life 2027-01-08.
  const opus41 = "anthropic.claude-opus-4-1-20250805-v1:0";

  it("knows the period from the model's lifecycle dates", () => {
    expect(modelFacts(opus41)?.modelLifecycle.publicExtendedAccessTime?.slice(0, 10)).toBe("2026-10-08");
    expect(inExtendedAccess(opus41, new Date("2026-10-07T00:00:00Z"))).toBe(false);
    expect(inExtendedAccess(opus41, new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(inExtendedAccess(opus41, new Date("2027-01-09T00:00:00Z"))).toBe(false);
    expect(inExtendedAccess("anthropic.claude-haiku-4-5-20251001-v1:0", new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });

  const today = inExtendedAccess(opus41);
  it.runIf(today)("is refused live without a sourced price unless the reader opts in, and never counted as $0", () => {
    expect(priceOf(opus41)).toBeUndefined();
    const live = new CostMeter({ live: true, budgetUsd: 1, lang: "en" });
    expect(() => live.checkBudget(`us.${opus41}`)).toThrow(/extended access/);
    const error = (() => {
      try {
        live.checkBudget(opus41);
      } catch (e) {
        return e;
      }
    })();
    expect(explainError(error, { lang: "es" }).fix).toContain("BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1");
    const optedIn = new CostMeter({ live: true, budgetUsd: 1, lang: "en", allowExtendedAccess: true });
    expect(() => optedIn.checkBudget(opus41)).not.toThrow();
    optedIn.record({ operation: "Converse", modelId: `us.${opus41}`, inputTokens: 10, outputTokens: 10, images: 0, elapsedMs: 1 });
    const summary = optedIn.summary();
    expect(summary).not.toContain("$0");
    expect(summary).toContain("extended access");
  });
});

describe("the cost meter's price dates", () => {
  it("shows the dates of the sources that priced the calls, not the compilation date", () => {
    const meter = new CostMeter({ live: false, budgetUsd: 1, lang: "en" });
    meter.record({ operation: "Converse", modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0", inputTokens: 10, outputTokens: 10, images: 0, elapsedMs: 1 });
    // Haiku 4.5's price comes from S4 (read 2026-09-29) and S2 (synced 2026-07-24).
    expect(meter.pricesNote()).toContain("(https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json), 2026-07-24; [AWS Price List API]");
    expect(meter.pricesNote()).toContain("price-changes.html), 2026-09-29).");
    expect(meter.pricesNote()).not.toContain("2026-11-25");
  });
});

describe("startGuide in a region outside the emulator's catalog", () => {
  let guide: Guide | undefined;
  afterEach(async () => {
    await guide?.stop();
    guide = undefined;
    vi.restoreAllMocks();
  });

  for (const lang of ["es", "en"] as const) {
    it(`prints a note first naming the regions the emulator knows (${lang})`, async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      guide = await startGuide({ region: "eu-south-2", lang });
      const first = String(log.mock.calls[0]?.[0]);
      expect(first).toContain(lang === "es" ? "el emulador no tiene catálogo de eu-south-2" : "the emulator has no catalog for eu-south-2");
      for (const region of knownRegions()) expect(first).toContain(region);
      expect(knownRegions()).toContain("eu-west-1");
      expect(String(log.mock.calls[1]?.[0])).toMatch(lang === "es" ? /^Modo:/ : /^Mode:/);
    });
  }

  it("prints no note for a region it covers", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    guide = await startGuide({ region: "eu-west-1", lang: "en" });
    expect(guide.notes).toEqual([]);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^Mode:/);
  });
});
