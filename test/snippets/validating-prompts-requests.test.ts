// Chapter 3's exercise checker, seen by a scripted emulator: what it sends, and how it reads each
// answer. Each expectation is a hand-built case, not a copy of the lesson's output.
import { scriptedResponder, startBedrockEmulatorForTests, type TestEmulator } from "bedrock-emulator/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkAnswer, checks } from "bedrock-guide";
import { buildPrompt } from "../../snippets/02-designing-prompts/prompt-builder";
import { checkExercise, exercises, tryExercise } from "../../snippets/03-validating-prompts/exercises";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";

describe("the exercise checker, seen by a scripted emulator", () => {
  const scripted = scriptedResponder();
  let emu: TestEmulator;
  let lastCalls = 0;
  const newCalls = () => {
    const fresh = scripted.calls.slice(lastCalls);
    lastCalls = scripted.calls.length;
    return fresh;
  };
  beforeAll(async () => {
    process.env.BEDROCK_GUIDE_LANG = "en";
    emu = await startBedrockEmulatorForTests({ region: "us-east-1", responder: scripted });
  });
  afterAll(async () => {
    await emu.stop();
  });
  afterEach(() => {
    emu.faults.clear();
    newCalls();
  });

  describe("exercises", () => {
    it("the stop-sequence check names the stopReason it wanted and the one it got", async () => {
      const prompt = buildPrompt({ instruction: "List three colours and write END when you are done." });
      const starter = await checkExercise("stop-sequence", prompt);
      expect(starter.rows).toStrictEqual([{ model: HAIKU, check: "stopReason = stop_sequence", ok: "✗", reason: "stopReason: end_turn" }]);
      const solved = await checkExercise("stop-sequence", prompt, { maxTokens: 100, stopSequences: ["END"] });
      expect(solved.rows).toStrictEqual([{ model: HAIKU, check: "stopReason = stop_sequence", ok: "✓", reason: "stopReason: stop_sequence" }]);
      expect(solved.passed).toBe(true);
      // The checker caps the answer when you pass no config, and sends yours unchanged.
      const [first, second] = newCalls();
      expect(first.inferenceConfig.maxTokens).toBeGreaterThan(0);
      expect(second.inferenceConfig).toEqual({ maxTokens: 100, stopSequences: ["END"] });
    });

    it("the stop-sequence check is a toolkit check like any other, and says '?' for an answer without a stopReason", async () => {
      const [check] = exercises["stop-sequence"].answerChecks();
      // A plain string has no stopReason: only a Converse response carries one.
      const [result] = (await checkAnswer("Some text.", [check])).results;
      expect(result).toMatchObject({ check: "stopReason = stop_sequence", passed: false, reason: "stopReason: ?" });
      // Its name and criterion are the ones its results report, as for the toolkit's own checks.
      expect([check.name, check.criterion]).toEqual([result.check, result.criterion]);
      const maxWords = checks.maxWords(5);
      const [own] = (await checkAnswer("Some text.", [maxWords])).results;
      expect([maxWords.name, maxWords.criterion]).toEqual([own.check, own.criterion]);
    });

    it("the context check wants a system prompt with some text in it", async () => {
      scripted.add({ prompt: "Context check", reply: "- one\n- two\n- three" });
      const contextRow = async (system: Array<{ text: string }>) =>
        (await checkExercise("structure", { system, messages: [{ role: "user", content: [{ text: "Context check" }] }] })).rows[0];
      expect(await contextRow([])).toStrictEqual({ model: "(prompt)", check: "context", ok: "✗", reason: "the prompt has no context (system prompt)" });
      expect((await contextRow([{ text: "  " }])).ok).toBe("✗");
      // A system block with no text at all (a cache point, say) is no context either.
      expect((await contextRow([{ cachePoint: { type: "default" } } as never])).ok).toBe("✗");
      expect(await contextRow([{ text: "You teach beginners." }])).toStrictEqual({ model: "(prompt)", check: "context", ok: "✓", reason: "✓" });
      // With a context and a 3-bullet answer of 3 words, every row passes and no hint is given.
      const report = await checkExercise("structure", { system: [{ text: "You teach beginners." }], messages: [{ role: "user", content: [{ text: "Context check" }] }] });
      expect(report.rows.map((r) => [r.model, r.ok])).toEqual([["(prompt)", "✓"], [HAIKU, "✓"], [HAIKU, "✓"]]);
      expect(report).not.toHaveProperty("hint");
    });

    it("the list exercises want exactly 3 bullets: two bullets within the word limit fail", async () => {
      scripted.add({ prompt: "Two bullets", reply: "- First point\n- Second point", times: 3 });
      const system = [{ text: "You teach beginners." }];
      const prompt = { system, messages: [{ role: "user" as const, content: [{ text: "Two bullets" }] }] };
      for (const id of ["structure", "two-models"] as const) {
        const report = await checkExercise(id, prompt);
        const bullets = report.rows.filter((r) => r.model !== "(prompt)" && r.check.startsWith("bullets"));
        expect(bullets.length).toBe(exercises[id].models.length);
        expect(bullets.every((r) => r.ok === "✗")).toBe(true);
        // The word limit itself is met (4 words), so only the count fails.
        expect(report.rows.filter((r) => r.check.startsWith("maxWords")).every((r) => r.ok === "✓")).toBe(true);
      }
    });

    it("the JSON exercise wants the three keys, not just any JSON object", async () => {
      const ask = (instruction: string) => ({ system: [], messages: [{ role: "user" as const, content: [{ text: instruction }] }] });
      scripted.add({ prompt: "JSON, wrong keys", reply: '{"name": "Nova Lite"}', times: 1 });
      scripted.add({ prompt: "JSON, right keys", reply: '{"model": "Nova Lite", "useCase": "summaries", "reason": "cheap"}', times: 1 });
      expect((await checkExercise("json", ask("JSON, wrong keys"))).passed).toBe(false);
      expect((await checkExercise("json", ask("JSON, right keys"))).passed).toBe(true);
    });

    it("a failed call is a Converse row with the guide's advice, and the exercise fails", async () => {
      emu.faults.add({ fault: "access-denied" });
      const report = await checkExercise("two-models", buildPrompt({ instruction: "Give 3 tips." }));
      expect(report.rows.map((r) => [r.model, r.check, r.ok])).toEqual([[HAIKU, "Converse", "✗"], [NOVA_LITE, "Converse", "✗"]]);
      expect(report.rows[0].reason).toMatch(/access/i);
      expect(report.passed).toBe(false);
      expect(report.hint).toBe(exercises["two-models"].hint.en);
    });

    it("tryExercise prints the goal, then the hint only when something failed", async () => {
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
      try {
        const failed = await tryExercise("stop-sequence", buildPrompt({ instruction: "Write END at the end." }));
        expect(failed.passed).toBe(false);
        expect(printed).toEqual([exercises["stop-sequence"].goal.en, `💡 ${exercises["stop-sequence"].hint.en}`]);
        printed.length = 0;
        const passed = await tryExercise("stop-sequence", buildPrompt({ instruction: "Write END at the end." }), { maxTokens: 100, stopSequences: ["END"] });
        expect(passed.passed).toBe(true);
        expect(printed).toEqual([exercises["stop-sequence"].goal.en]);
      } finally {
        log.mockRestore();
      }
    });

    it("speaks the reader's language: Spanish reasons and hints with BEDROCK_GUIDE_LANG=es", async () => {
      process.env.BEDROCK_GUIDE_LANG = "es";
      try {
        const report = await checkExercise("structure", buildPrompt({ instruction: "Explica qué es un perfil de inferencia." }));
        expect(report.rows[0]).toMatchObject({ check: "context", ok: "✗", reason: "el prompt no tiene contexto (prompt de sistema)" });
        expect(report.hint).toBe(exercises.structure.hint.es);
      } finally {
        process.env.BEDROCK_GUIDE_LANG = "en";
      }
    });
  });
});
