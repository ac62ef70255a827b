import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnswer, checks, countWords, modelIdFor, startGuide, type Guide } from "bedrock-guide";
import { buildPrompt, sendPrompt } from "../../snippets/02-designing-prompts/prompt-builder";
import { conversationTable, fewShot, incremental, rolePlay, selfRefine, zeroShot } from "../../snippets/02-designing-prompts/techniques";
import { answerEnding, sampling, temperatureSpread, tryParameters, whatModelsTake } from "../../snippets/02-designing-prompts/parameters";
import { samePromptOnModels } from "../../snippets/02-designing-prompts/adapt-to-model";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";
const OPUS_47 = "anthropic.claude-opus-4-7";
const text = (m: { content?: Array<{ text?: string }> }) => (m.content ?? []).map((b) => b.text ?? "").join("");

describe.each(["us-east-1", "eu-west-1", "eu-central-1", "ap-northeast-1"])("chapter 2 from %s", (region) => {
  let guide: Guide;
  beforeAll(async () => {
    guide = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
  });

  describe("the prompt builder", () => {
    it("puts the context in the system prompt and each other part in its own tag, in order", () => {
      const built = buildPrompt({ context: "You are a tutor.", instruction: "Explain X.", format: "3 bullets.", example: "- a", constraints: ["No jargon.", "No maths."] });
      expect(built.system).toEqual([{ text: "You are a tutor." }]);
      expect(built.messages).toHaveLength(1);
      expect(text(built.messages[0])).toBe("<instruction>\nExplain X.\n</instruction>\n\n<format>\n3 bullets.\n</format>\n\n<example>\n- a\n</example>\n\n<constraints>\n- No jargon.\n- No maths.\n</constraints>");
      expect(buildPrompt({ instruction: "Only this" }).system).toEqual([]);
    });

    it("refuses a prompt with no instruction or an empty constraint, naming the field", () => {
      expect(() => buildPrompt({ instruction: " " })).toThrow(/`instruction` is required/);
      expect(() => buildPrompt({ instruction: "x", constraints: ["ok", ""] })).toThrow(/`constraints\[1\]` is empty/);
    });

    it("a specific prompt passes the checks its own format names; the vague one does not", async () => {
      const wanted = [checks.bullets({ count: 3 }), checks.maxWords(60), checks.language("en")];
      const vague = await checkAnswer(await sendPrompt(buildPrompt({ instruction: "Explain what Amazon Bedrock is." }), HAIKU), wanted);
      const specific = await checkAnswer(await sendPrompt(buildPrompt({ instruction: "Explain what Amazon Bedrock is.", format: "Answer in English, in 3 bullet points and at most 60 words." }), HAIKU), wanted);
      expect(vague.passed).toBe(false);
      expect(vague.results[0].passed).toBe(false);
      expect(specific.results.map((r) => [r.check, r.passed])).toEqual([["bullets(3)", true], ["maxWords(60)", true], ["language(en)", true]]);
    });
  });

  describe("the techniques send what they say", () => {
    it("few-shot examples are real earlier turns", async () => {
      const run = await fewShot(HAIKU, [{ question: "Capital of France?", answer: "Paris" }, { question: "Capital of Italy?", answer: "Rome" }], "Capital of Spain?");
      expect(run.conversation.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
      expect(text(run.conversation[1])).toBe("Paris");
      // The emulator reports what it received: five messages, two of them the model's.
      expect(run.answer).toContain("Messages received: 5 (3 user, 2 assistant)");
    });

    it("incremental prompting feeds every answer back before the next step", async () => {
      const run = await incremental(HAIKU, ["Step one, in one sentence.", "Step two, in one sentence.", "Step three, in one sentence."]);
      expect(run.conversation).toHaveLength(6);
      const first = await zeroShot(HAIKU, "Step one, in one sentence.");
      // The first answer is what the model says to step one alone, and it went back as turn 2.
      expect(text(run.conversation[1])).toBe(first.answer);
      expect(run.conversation.filter((m) => m.role === "assistant").map(text)).not.toContain("");
    });

    it("self-refinement is draft, critique and rewrite in one conversation", async () => {
      const run = await selfRefine(HAIKU, "Write about Bedrock.", { critique: "List problems in numbered steps.", rewrite: "Rewrite it in at most 30 words." });
      expect(run.technique).toBe("self-refinement");
      expect(run.conversation.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
      expect(countWords(run.answer)).toBeLessThanOrEqual(30);
    });

    it("role-playing puts the role in the system prompt, and the table shows it as turn 0", async () => {
      const run = await rolePlay(HAIKU, "You are an AWS architect.", "What is a profile?");
      expect(run.answer).toContain('System prompt (25 chars): "You are an AWS architect."');
      expect(conversationTable(run)[0]).toEqual({ turn: 0, role: "system", text: "You are an AWS architect." });
    });
  });

  describe("inference parameters", () => {
    it("stopReason says which limit ended the answer, and Haiku 4.5 refuses temperature with topP", async () => {
      const rows = await tryParameters(HAIKU, "List five AWS regions, one per line, and write END when you are done.", [
        { setting: "plain", inferenceConfig: { maxTokens: 400 } },
        { setting: "short", inferenceConfig: { maxTokens: 12 } },
        { setting: "stop", inferenceConfig: { maxTokens: 400, stopSequences: ["END"] } },
        { setting: "both", inferenceConfig: { maxTokens: 400, temperature: 0.7, topP: 0.9 } },
      ]);
      expect(rows.map((r) => r.stopReason)).toEqual(["end_turn", "max_tokens", "stop_sequence", "⚠ ValidationException"]);
      expect(rows[1].outputTokens).toBe(12);
      expect(rows[2].answer).not.toContain("END");
      expect(rows[3].answer).toMatch(/temperature.*topP|topP.*temperature/i);
    });

    it("the same pair is accepted by Nova 2 Lite", async () => {
      const [row] = await tryParameters(NOVA_LITE, "Hello there, friend.", [{ setting: "both", inferenceConfig: { maxTokens: 2000, temperature: 0.7, topP: 0.9 } }]);
      expect(row.stopReason).toBe("end_turn");
    });

    it("sampling sends only what each model takes, and AWS accepts the request it builds", async () => {
      // Hand-checked against ../shared/data/bedrock-facts.md: Haiku 4.5 refuses the pair, Opus 4.7
      // refuses temperature (its provider removed topP too), Nova 2 Lite takes both.
      expect(sampling(HAIKU, { temperature: 0.7, topP: 0.9 })).toEqual({ temperature: 0.7 });
      expect(sampling(`eu.${HAIKU}`, { temperature: 0.7, topP: 0.9 })).toEqual({ temperature: 0.7 });
      expect(sampling(NOVA_LITE, { temperature: 0.7, topP: 0.9 })).toEqual({ temperature: 0.7, topP: 0.9 });
      expect(sampling(HAIKU, { topP: 0.9 })).toEqual({ topP: 0.9 });
      expect(sampling(OPUS_47, { temperature: 0.7, topP: 0.9 })).toEqual({});
      expect(sampling(`global.${OPUS_47}`, { temperature: 0 })).toEqual({});
      const runtime = new BedrockRuntimeClient({});
      for (const model of [HAIKU, OPUS_47]) {
        await expect(runtime.send(new ConverseCommand({ modelId: await modelIdFor(model), messages: [{ role: "user", content: [{ text: "hi there" }] }], inferenceConfig: sampling(model, { temperature: 0.7, topP: 0.9 }) }))).resolves.toBeDefined();
      }
    });

    it("what each model takes, as the page's table shows it, in both languages", () => {
      expect(whatModelsTake([HAIKU, OPUS_47, NOVA_LITE], "en")).toEqual([
        { model: "Claude Haiku 4.5", temperature: "yes", topP: "yes", both: "refused", "sampling({ temperature: 0.7, topP: 0.9 })": '{"temperature":0.7}' },
        { model: "Claude Opus 4.7", temperature: "refused", topP: "removed: left out", both: "refused", "sampling({ temperature: 0.7, topP: 0.9 })": "{}" },
        { model: "Nova 2 Lite", temperature: "yes", topP: "yes", both: "yes", "sampling({ temperature: 0.7, topP: 0.9 })": '{"temperature":0.7,"topP":0.9}' },
      ]);
      expect(whatModelsTake([OPUS_47], "es")).toEqual([
        { modelo: "Claude Opus 4.7", temperature: "rechazado", topP: "retirado: se omite", "los dos": "rechazado", "sampling({ temperature: 0.7, topP: 0.9 })": "{}" },
      ]);
    });

    it("offline the emulator is deterministic, so every temperature gives identical runs", async () => {
      expect(await temperatureSpread(NOVA_LITE, "Invent a name for a coffee shop.", [0, 1], 2)).toEqual([
        { temperature: 0, similarity: 1 },
        { temperature: 1, similarity: 1 },
      ]);
    });
  });

  it("the same prompt on two models is checked per model", async () => {
    const prompt = buildPrompt({ instruction: "Give tips for prompts.", format: "Exactly 3 bullet points, at most 40 words." });
    const rows = await samePromptOnModels(prompt, [HAIKU, NOVA_LITE, "meta.llama4-scout-17b-instruct-v1:0"], [checks.bullets({ count: 3 }), checks.maxWords(40)]);
    expect(rows.slice(0, 2).map((r) => [r.model, r.passed])).toEqual([[HAIKU, "2/2"], [NOVA_LITE, "2/2"]]);
    // Llama 4 Scout has only a us. profile: callable from us-east-1, explained from eu-west-1.
    if (region === "us-east-1") expect(rows[2].passed).toBe("2/2");
    else expect(rows[2]).toMatchObject({ passed: "0/2", answer: "" });
  });
});
