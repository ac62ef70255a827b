// Chapter 3's exercises, offline: each starting prompt fails its checks and each solution passes.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGuide, type Guide } from "bedrock-guide";
import { buildPrompt } from "../../snippets/02-designing-prompts/prompt-builder";
import { checkExercise, exercises, type ExerciseId } from "../../snippets/03-validating-prompts/exercises";

describe.each(["us-east-1", "eu-west-1", "eu-central-1", "ap-northeast-1"])("chapter 3 from %s", (region) => {
  let guide: Guide;
  beforeAll(async () => {
    guide = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
  });

  describe("exercises: each starter fails and each solution passes", () => {
    const starters: Record<ExerciseId, Parameters<typeof buildPrompt>[0]> = {
      structure: { instruction: "Explain what an inference profile is." },
      "be-specific": { instruction: "Explain what Amazon Bedrock is." },
      json: { instruction: "Recommend a Bedrock model for summaries." },
      "stop-sequence": { instruction: "List five AWS regions, one per line, and write END when you are done." },
      "two-models": { instruction: "Give some tips for writing good prompts." },
    };
    const solutions: Record<ExerciseId, [Parameters<typeof buildPrompt>[0], object?]> = {
      structure: [{ context: "You explain cloud ideas to people with no technical background.", instruction: "Explain what an inference profile is.", format: "Exactly 3 bullet points, no opening line, and at most 60 words." }],
      "be-specific": [{ instruction: "Explain what Amazon Bedrock is.", format: "Answer in English, in at most 50 words and at most 3 sentences." }],
      json: [{ instruction: "Recommend a Bedrock model for summaries.", format: "Reply only with a JSON object, not in a code block, with the keys model, useCase and reason." }],
      "stop-sequence": [starters["stop-sequence"], { maxTokens: 400, stopSequences: ["END"] }],
      "two-models": [{ instruction: "Give 3 tips for writing good prompts.", format: "Exactly 3 bullet points, no opening line, and at most 40 words." }],
    };

    it("covers every exercise", () => {
      expect(Object.keys(starters).sort()).toEqual(Object.keys(exercises).sort());
    });

    it.each(Object.keys(starters) as ExerciseId[])("%s", async (id) => {
      const starter = await checkExercise(id, buildPrompt(starters[id]));
      expect(starter.passed).toBe(false);
      expect(starter.hint).toBe(exercises[id].hint.en);
      expect(starter.rows.some((r) => r.ok === "✗")).toBe(true);
      const [parts, config] = solutions[id];
      const solved = await checkExercise(id, buildPrompt(parts), config);
      expect(solved.rows.filter((r) => r.ok === "✗")).toEqual([]);
      expect(solved).toMatchObject({ passed: true });
      expect(solved.hint).toBeUndefined();
      // Every model the exercise names answered (a row per check per model, plus prompt checks).
      expect(new Set(solved.rows.map((r) => r.model)).size).toBe(exercises[id].models.length + (exercises[id].promptChecks ? 1 : 0));
    });

    it("the structure exercise also checks the prompt: the right format without a context still fails", async () => {
      const noContext = await checkExercise("structure", buildPrompt({ instruction: "Explain what an inference profile is.", format: "Exactly 3 bullet points, at most 60 words." }));
      expect(noContext.passed).toBe(false);
      expect(noContext.rows.filter((r) => r.ok === "✗").map((r) => [r.model, r.check])).toEqual([["(prompt)", "context"]]);
    });

    it("an unknown exercise is a clear error", async () => {
      await expect(checkExercise("nope" as ExerciseId, buildPrompt({ instruction: "x" }))).rejects.toThrow(/unknown exercise "nope"\. Choose one of: structure, be-specific/);
    });
  });
});

// The page's own exercise and solution cells, as the offline run recorded them in site/outputs (the
// staleness test keeps those in step with the walkthrough): each starting prompt fails a row, and
// each folded solution passes every row, in both languages.
describe.each(["es", "en"])("chapter 3's exercise cells in %s", (lang) => {
  const { cells } = JSON.parse(readFileSync(`site/outputs/${lang}/03-validating-prompts.json`, "utf8")) as {
    cells: Array<{ snippet: string; outputs: unknown[] }>;
  };
  const printed = (kind: "exercise" | "solution") =>
    Object.fromEntries(
      cells
        .filter((c) => c.snippet.startsWith(`03-validating-prompts/walkthrough.ts#${kind}-`))
        .map((c) => [c.snippet.split(`#${kind}-`)[1], JSON.stringify(c.outputs)]),
    );

  it("has one starting cell and one solution per exercise", () => {
    expect(Object.keys(printed("exercise")).sort()).toEqual(Object.keys(exercises).sort());
    expect(Object.keys(printed("solution")).sort()).toEqual(Object.keys(exercises).sort());
  });

  it.each(Object.keys(exercises))("%s: the starting prompt fails a row, the solution passes them all", (id) => {
    expect(printed("exercise")[id]).toContain("✗");
    expect(printed("solution")[id]).toContain("✓");
    expect(printed("solution")[id]).not.toContain("✗");
  });
});
