// optimizationPlan's last branch: a region where AWS offers OptimizePrompt but the guide's catalog lists
// none of its target models. No region is like that in today's data (each of AWS's ten regions lists at
// least two targets), so the catalog's answer is replaced here, for this file only.
import { describe, expect, it, vi } from "vitest";
import facts from "../../data/prompt-management.json";

vi.mock("bedrock-guide", async (importOriginal) => ({
  ...(await importOriginal<typeof import("bedrock-guide")>()),
  optimizationTargetsIn: () => [],
}));

const { optimizationPlan } = await import("../../snippets/04-managing-prompts/optimize-prompt");

describe("optimization plan where the catalog lists no target", () => {
  it("explains instead of naming a target, in both languages, with AWS's page", () => {
    const { source, regions } = facts.optimizationTargets;
    expect(regions).toContain("eu-west-3");
    for (const lang of ["es", "en"] as const) {
      const plan = optimizationPlan("eu-west-3", "amazon.nova-lite-v1:0", lang);
      expect(plan).not.toHaveProperty("target");
      const { unavailable } = plan as { unavailable: string };
      expect(unavailable).toContain("eu-west-3");
      expect(unavailable).toContain(`(${source})`);
      expect(unavailable).toContain(lang === "es" ? "no lista" : "lists none");
    }
  });
});
