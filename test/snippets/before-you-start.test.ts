import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listedIn } from "./catalog-expectations";

// Chapter 00's snippets run their own setup when imported, as a script would; each is imported once.
process.env.BEDROCK_GUIDE_MODE = "offline";
process.env.BEDROCK_GUIDE_LANG = "en";
process.env.AWS_REGION = "eu-west-1";

let printed = "";
let tables: unknown[] = [];
let whereAmI: typeof import("../../snippets/00-before-you-start/where-am-i");
let countModels: typeof import("../../snippets/00-before-you-start/count-models");

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void (printed += args.join(" ") + "\n"));
  vi.spyOn(console, "table").mockImplementation((rows: unknown) => void tables.push(rows));
  // Fresh modules: the snippets' top-level code (the cells) must run here, in this file's session.
  vi.resetModules();
  whereAmI = await import("../../snippets/00-before-you-start/where-am-i");
  countModels = await import("../../snippets/00-before-you-start/count-models");
  // Each import starts the guide and its emulator: beyond vitest's 10 s hook default on a busy machine.
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await countModels?.guide.stop();
  await whereAmI?.guide.stop();
});

describe("where-am-i", () => {
  it("shows that a client with no options uses the session's region, the emulator and found credentials", () => {
    const session = whereAmI.session;
    expect(session.mode).toBe("offline");
    expect(session.region).toBe("eu-west-1");
    expect(session.AWS_ENDPOINT_URL).toBe(whereAmI.guide.endpoint);
    expect(session.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(session.credentials).toBe("✓");
    expect(session["Node.js"]).toBe(process.version);
  });

  it("never prints a secret", () => {
    const shown = JSON.stringify(whereAmI.session) + printed + JSON.stringify(tables);
    expect(shown).not.toContain(process.env.AWS_SECRET_ACCESS_KEY ?? "no secret set");
    expect(shown).not.toContain(process.env.AWS_ACCESS_KEY_ID ?? "no key set");
  });
});

describe("count-models", () => {
  it("counts the models and providers the catalog lists in the session's region", () => {
    // What data/catalog.json lists in the region, minus models past their end of life.
    const inRegion = listedIn("eu-west-1");
    expect(inRegion.length).toBeGreaterThan(0);
    expect(countModels.modelSummaries.map((m) => m.modelId).sort()).toEqual(inRegion.map((m) => m.modelId).sort());
    expect([...countModels.providers].sort()).toEqual([...new Set(inRegion.map((m) => m.providerName))].sort());
    expect(printed).toContain(
      `Bedrock offers ${inRegion.length} foundation models from ${countModels.providers.size} providers in eu-west-1.`,
    );
  });
});
