// Chapter 2's lessons, checked by what they send and how they read the answer. A scripted
// emulator records every request (ResponderRequest) and can give canned replies, so each
// expectation here is a hand-built case, not a copy of the lessons' output.
import type { Message } from "@aws-sdk/client-bedrock-runtime";
import { scriptedResponder, startBedrockEmulatorForTests, type ResponderRequest, type TestEmulator } from "bedrock-emulator/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkAnswer, checks, type Check } from "bedrock-guide";
import { buildPrompt, sendPrompt, type PromptParts } from "../../snippets/02-designing-prompts/prompt-builder";
import {
  chainOfThought,
  conversationTable,
  turnsInFull,
  fewShot,
  incremental,
  rolePlay,
  selfRefine,
  withConstraints,
  zeroShot,
  type TechniqueRun,
} from "../../snippets/02-designing-prompts/techniques";
import { answerEnding, sampling, temperatureSpread, tryParameters } from "../../snippets/02-designing-prompts/parameters";
import { samePromptOnModels } from "../../snippets/02-designing-prompts/adapt-to-model";

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";
const text = (m: { content?: Array<{ text?: string }> }) => (m.content ?? []).map((b) => b.text ?? "").join("");
const userText = (req: ResponderRequest) => String(req.messages.at(-1)?.content[0]?.text ?? "");
// The text of a message as the emulator received it.
const sentText = (m: ResponderRequest["messages"][number]) => m.content.map((b) => String(b.text ?? "")).join("");
// An answer of two blocks, text then a tool call: the lessons' answer is the text alone.
const textAndToolCall = { text: "Only this text.", toolUses: [{ name: "lookup", input: { q: "x" } }] };

describe("buildPrompt (no model call)", () => {
  it("trims every part, so stray spaces and newlines never reach the model", () => {
    const built = buildPrompt({
      context: "  You are a tutor.\n",
      instruction: "\n Explain X. ",
      format: " 3 bullets. ",
      example: "  - a  ",
      constraints: ["  No jargon. "],
    });
    expect(built.system).toStrictEqual([{ text: "You are a tutor." }]);
    expect(text(built.messages[0])).toBe(
      "<instruction>\nExplain X.\n</instruction>\n\n<format>\n3 bullets.\n</format>\n\n<example>\n- a\n</example>\n\n<constraints>\n- No jargon.\n</constraints>",
    );
  });

  it("leaves out blank optional parts: no empty tag, no empty system prompt", () => {
    const built = buildPrompt({ context: "   ", instruction: "Explain X.", format: "  ", example: "\n", constraints: [] });
    expect(built).toStrictEqual({
      system: [],
      messages: [{ role: "user", content: [{ text: "<instruction>\nExplain X.\n</instruction>" }] }],
    });
  });

  it("refuses a missing or non-text instruction with its own message, not a TypeError", () => {
    const message = "buildPrompt: `instruction` is required: say what the model must do.";
    expect(() => buildPrompt({} as PromptParts)).toThrow(message);
    expect(() => buildPrompt(undefined as unknown as PromptParts)).toThrow(message);
    expect(() => buildPrompt({ instruction: 42 } as unknown as PromptParts)).toThrow(message);
  });

  it("names the first blank constraint by its index, the first one included", () => {
    expect(() => buildPrompt({ instruction: "x", constraints: [" ", "ok"] })).toThrow(
      "buildPrompt: `constraints[0]` is empty; remove it or write the rule.",
    );
    expect(() => buildPrompt({ instruction: "x", constraints: [42 as unknown as string] })).toThrow("`constraints[0]` is empty");
    expect(() => buildPrompt({ instruction: "x", constraints: ["ok", "\t"] })).toThrow("`constraints[1]` is empty");
  });
});

describe("conversationTable (no model call)", () => {
  const user = (t: string): Message => ({ role: "user", content: [{ text: t }] });
  const assistant = (t: string): Message => ({ role: "assistant", content: [{ text: t }] });

  it("cuts long texts to the width with an ellipsis and puts each on one line", () => {
    const run: TechniqueRun = {
      technique: "role-playing",
      system: "Be\n brief.",
      conversation: [user("aaaaaaaaaa"), assistant("Line one\n\nline two"), user("abcdefgh"), user("a \n b")],
      answer: "",
    };
    // Worked by hand for width 8: a text longer than 8 keeps its first 7 characters plus "…",
    // then every run of whitespace becomes one space.
    expect(conversationTable(run, 8)).toStrictEqual([
      { turn: 0, role: "system", text: "Be bri…" },
      { turn: 1, role: "user", text: "aaaaaaa…" },
      { turn: 2, role: "assistant", text: "Line on…" },
      { turn: 3, role: "user", text: "abcdefgh" },
      { turn: 4, role: "user", text: "a b" },
    ]);
  });

  it("has no system row without a system prompt, and 90 characters by default", () => {
    const run: TechniqueRun = {
      technique: "zero-shot",
      conversation: [
        user("x".repeat(90)),
        assistant("y".repeat(91)),
        {} as Message,
        { role: "user", content: [{ image: {} } as never] },
        { role: "assistant", content: [{ text: "Two" }, { text: "Blocks" }] },
      ],
      answer: "",
    };
    expect(conversationTable(run)).toStrictEqual([
      { turn: 1, role: "user", text: "x".repeat(90) },
      { turn: 2, role: "assistant", text: `${"y".repeat(89)}…` },
      { turn: 3, role: "", text: "" },
      { turn: 4, role: "user", text: "" },
      // Text blocks are joined as they are, as the lessons join an answer's blocks.
      { turn: 5, role: "assistant", text: "TwoBlocks" },
    ]);
  });
});

describe("turnsInFull (no model call)", () => {
  const user = (t: string): Message => ({ role: "user", content: [{ text: t }] });
  const assistant = (t: string): Message => ({ role: "assistant", content: [{ text: t }] });

  it("gives the chosen turns whole, whitespace kept, numbered as in conversationTable", () => {
    const draft = "A draft that runs well past the table's ninety-character cut,\nover two lines, and keeps going to the end.";
    const run: TechniqueRun = { technique: "self-refinement", conversation: [user("Write it"), assistant(draft), user("Review it"), assistant("1. Too long"), user("Rewrite it"), assistant("Short.")], answer: "Short." };
    expect(turnsInFull(run, [2, 6])).toStrictEqual([
      { turn: 2, role: "assistant", text: draft },
      { turn: 6, role: "assistant", text: "Short." },
    ]);
    expect(() => turnsInFull(run, [7])).toThrow("turn 7 does not exist: the conversation has 6 turns");
  });
});

describe("sampling (no model call)", () => {
  it("keeps what was asked when only one of the pair is set, even on a model that refuses both", () => {
    expect(sampling(HAIKU, { temperature: 0.7 })).toStrictEqual({ temperature: 0.7 });
    expect(sampling(HAIKU, { topP: 0.9 })).toStrictEqual({ topP: 0.9 });
    expect(sampling(HAIKU, {})).toStrictEqual({});
    expect(sampling(NOVA_LITE, { temperature: 0.7, topP: 0.9 })).toStrictEqual({ temperature: 0.7, topP: 0.9 });
  });

  it("leaves temperature and topP out for Claude Opus 4.7, which refuses the first and had the second removed", () => {
    expect(sampling("anthropic.claude-opus-4-7", { temperature: 0.7 })).toStrictEqual({});
    expect(sampling("anthropic.claude-opus-4-7", { topP: 0.9 })).toStrictEqual({});
    // Opus 4.6 still takes temperature alone.
    expect(sampling("anthropic.claude-opus-4-6-v1", { temperature: 0.7, topP: 0.9 })).toStrictEqual({ temperature: 0.7 });
  });
});

describe("answerEnding", () => {
  it("keeps the last characters, whitespace collapsed, and marks the cut", () => {
    expect(answerEnding("us-east-1\neu-west-1\n  ap-south-1", 12)).toBe("…1 ap-south-1");
    expect(answerEnding("short  answer\n", 60)).toBe("short answer");
  });
});

describe("what the lessons send, seen by a scripted emulator", () => {
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

  describe("prompt builder", () => {
    it("sendPrompt sends the built prompt, caps the answer by default and returns the answer's text", async () => {
      scripted.add({ prompt: "Prompt for sendPrompt", reply: "The answer.", times: 2 });
      const prompt = buildPrompt({ context: "You are brief.", instruction: "Prompt for sendPrompt" });
      expect(await sendPrompt(prompt, HAIKU)).toBe("The answer.");
      const [sent] = newCalls();
      expect(sent.system).toEqual([{ text: "You are brief." }]);
      expect(sent.messages).toEqual([{ role: "user", content: [{ text: "<instruction>\nPrompt for sendPrompt\n</instruction>" }] }]);
      // Resolved for us-east-1: Haiku 4.5 is profile-only there (data/catalog.json).
      expect(sent.requestedModelId).toBe(`us.${HAIKU}`);
      expect(sent.inferenceConfig.maxTokens).toBeGreaterThan(0);
      // A config of your own replaces the default.
      await sendPrompt(prompt, HAIKU, { maxTokens: 77, stopSequences: ["STOP"] });
      expect(newCalls()[0].inferenceConfig).toEqual({ maxTokens: 77, stopSequences: ["STOP"] });
    });

    it("sendPrompt returns only the text of an answer that also holds a tool call", async () => {
      scripted.add({ prompt: "Mixed for sendPrompt", reply: textAndToolCall, times: 1 });
      expect(await sendPrompt(buildPrompt({ instruction: "Mixed for sendPrompt" }), HAIKU)).toBe("Only this text.");
    });
  });

  describe("techniques", () => {
    it("zero-shot sends the task alone, with no system prompt, and keeps the answer as the last turn", async () => {
      scripted.add({ prompt: "Zero-shot task", reply: "Zero answer." });
      const run = await zeroShot(HAIKU, "Zero-shot task");
      expect(run).toStrictEqual({
        technique: "zero-shot",
        system: undefined,
        conversation: [
          { role: "user", content: [{ text: "Zero-shot task" }] },
          { role: "assistant", content: [{ text: "Zero answer." }] },
        ],
        answer: "Zero answer.",
      });
      const [sent] = newCalls();
      expect(sent.system).toEqual([]);
      expect(sent.messages).toEqual([{ role: "user", content: [{ text: "Zero-shot task" }] }]);
      // Every technique caps the answer so a long reply cannot run up the bill.
      expect(sent.inferenceConfig.maxTokens).toBeGreaterThan(0);
    });

    it("a technique's answer is the text alone when the reply also holds a tool call", async () => {
      scripted.add({ prompt: "Mixed for a technique", reply: textAndToolCall, times: 1 });
      expect((await zeroShot(HAIKU, "Mixed for a technique")).answer).toBe("Only this text.");
    });

    it("chain of thought sends the problem and then how to reason, on the next line", async () => {
      const run = await chainOfThought(HAIKU, "What is 17 × 3?", "Show numbered steps first.");
      expect(run.technique).toBe("chain-of-thought");
      expect(newCalls()[0].messages).toEqual([{ role: "user", content: [{ text: "What is 17 × 3?\nShow numbered steps first." }] }]);
      expect(run.conversation.map((m) => m.role)).toEqual(["user", "assistant"]);
    });

    it("constraints go under the task as a dashed list", async () => {
      const run = await withConstraints(HAIKU, "Describe Bedrock.", ["At most 30 words.", "No jargon."]);
      expect(run.technique).toBe("constraints");
      expect(userText(newCalls()[0])).toBe("Describe Bedrock.\n- At most 30 words.\n- No jargon.");
    });

    it("role-playing sends the role as the system prompt and the task as the message", async () => {
      const run = await rolePlay(HAIKU, "You are an AWS architect.", "What is a profile?");
      expect(run.technique).toBe("role-playing");
      expect(run.system).toBe("You are an AWS architect.");
      const [sent] = newCalls();
      expect(sent.system).toEqual([{ text: "You are an AWS architect." }]);
      expect(userText(sent)).toBe("What is a profile?");
    });

    it("few-shot sends the examples as earlier turns, then the question", async () => {
      scripted.add({ prompt: "Capital of Portugal?", reply: "Lisbon" });
      const run = await fewShot(HAIKU, [{ question: "Capital of France?", answer: "Paris" }], "Capital of Portugal?");
      expect(run.technique).toBe("few-shot");
      expect(run.answer).toBe("Lisbon");
      expect(newCalls()[0].messages.map((m) => [m.role, sentText(m)])).toEqual([
        ["user", "Capital of France?"],
        ["assistant", "Paris"],
        ["user", "Capital of Portugal?"],
      ]);
      expect(run.conversation.map(text)).toEqual(["Capital of France?", "Paris", "Capital of Portugal?", "Lisbon"]);
    });

    it("incremental prompting sends each step with every earlier answer, and returns the last answer", async () => {
      // The reply names how many messages the model received, so each turn's context shows.
      scripted.add({ prompt: /^Step /, reply: (req) => `seen ${req.messages.length}`, times: 3 });
      const run = await incremental(HAIKU, ["Step one.", "Step two.", "Step three."]);
      expect(run.technique).toBe("incremental");
      expect(run.conversation.map(text)).toEqual(["Step one.", "seen 1", "Step two.", "seen 3", "Step three.", "seen 5"]);
      expect(run.answer).toBe("seen 5");
      expect(newCalls().map((r) => r.messages.length)).toEqual([1, 3, 5]);
    });

    it("incremental prompting with no steps calls nothing and answers nothing", async () => {
      expect(await incremental(HAIKU, [])).toStrictEqual({ technique: "incremental", conversation: [], answer: "" });
      expect(newCalls()).toEqual([]);
    });

    it("self-refinement asks for the rewrite after the draft and its critique", async () => {
      scripted.add({ prompt: "Draft it.", reply: "Draft." });
      scripted.add({ prompt: "Critique it.", reply: "Too short." });
      scripted.add({ prompt: "Rewrite it.", reply: "Final." });
      const run = await selfRefine(HAIKU, "Draft it.", { critique: "Critique it.", rewrite: "Rewrite it." });
      expect(run.technique).toBe("self-refinement");
      expect(run.answer).toBe("Final.");
      expect(newCalls().at(-1)!.messages.map((m) => sentText(m))).toEqual(["Draft it.", "Draft.", "Critique it.", "Too short.", "Rewrite it."]);
    });
  });

  describe("inference parameters", () => {
    it("tryParameters sends each setting's config as is and reads how the answer ended", async () => {
      scripted.add({ prompt: "Parameter prompt", reply: "one two three four five six seven eight" });
      const rows = await tryParameters(NOVA_LITE, "Parameter prompt", [
        { setting: "plain", inferenceConfig: { maxTokens: 300 } },
        { setting: "cut", inferenceConfig: { maxTokens: 2 } },
        { setting: "stop", inferenceConfig: { maxTokens: 300, stopSequences: ["four"] } },
      ]);
      const sent = newCalls();
      expect(sent.map((r) => r.inferenceConfig)).toEqual([{ maxTokens: 300 }, { maxTokens: 2 }, { maxTokens: 300, stopSequences: ["four"] }]);
      expect(sent.map((r) => r.messages)).toEqual(Array(3).fill([{ role: "user", content: [{ text: "Parameter prompt" }] }]));
      // The emulator's documented limits: maxTokens cuts at maxTokens × 4 characters, a stop
      // sequence cuts before its first match; output tokens are ceil(characters / 4).
      expect(rows).toStrictEqual([
        { setting: "plain", stopReason: "end_turn", outputTokens: 10, answer: "one two three four five six seven eight" },
        { setting: "cut", stopReason: "max_tokens", outputTokens: 2, answer: "one two " },
        { setting: "stop", stopReason: "stop_sequence", outputTokens: 4, answer: "one two three " },
      ]);
    });

    it("tryParameters keeps only the text of an answer that also holds a tool call", async () => {
      scripted.add({ prompt: "Mixed for parameters", reply: textAndToolCall, times: 1 });
      const [row] = await tryParameters(NOVA_LITE, "Mixed for parameters", [{ setting: "plain", inferenceConfig: { maxTokens: 300 } }]);
      expect(row).toMatchObject({ stopReason: "tool_use", answer: "Only this text." });
    });

    it("a refused call becomes a row with the error's name and the guide's advice, and the next setting still runs", async () => {
      emu.faults.add({ fault: "access-denied", times: 1 });
      const rows = await tryParameters(NOVA_LITE, "Hello there, friend.", [
        { setting: "denied", inferenceConfig: { maxTokens: 2000 } },
        { setting: "after", inferenceConfig: { maxTokens: 2000 } },
      ]);
      expect(rows[0]).toMatchObject({ setting: "denied", stopReason: "⚠ AccessDeniedException", outputTokens: 0 });
      expect(rows[0].answer).toMatch(/access/i);
      expect(rows[1]).toMatchObject({ setting: "after", stopReason: "end_turn" });
      expect(rows[1].outputTokens).toBeGreaterThan(0);
    });

    it("temperatureSpread sends each temperature, three runs by default, and rounds the similarity to 2 decimals", async () => {
      // Three runs answer "alpha beta", "alpha gamma", "alpha delta": every pair shares 1 of its
      // 3 words (Jaccard 1/3), so the mean is 0.333… and shows as 0.33.
      for (const word of ["beta", "gamma", "delta"]) scripted.add({ prompt: "Spread prompt", reply: `alpha ${word}`, times: 1 });
      scripted.add({ prompt: "Spread prompt", reply: "alpha" });
      const rows = await temperatureSpread(NOVA_LITE, "Spread prompt", [0.3]);
      expect(rows).toStrictEqual([{ temperature: 0.3, similarity: 0.33 }]);
      const sent = newCalls();
      expect(sent).toHaveLength(3);
      expect(sent.map((r) => r.inferenceConfig.temperature)).toEqual([0.3, 0.3, 0.3]);
      expect(sent[0].inferenceConfig.maxTokens).toBeGreaterThan(0);
      expect(userText(sent[0])).toBe("Spread prompt");
    });
  });

  describe("the same prompt on several models", () => {
    const named = (name: string, passed: boolean, reason: string): Check => ({
      name,
      criterion: "format",
      run: () => ({ check: name, criterion: "format", passed, reason }),
    });

    it("counts the checks passed, lists each failure with its reason, and keeps the answer", async () => {
      scripted.add({ prompt: "Several models", reply: "Same words." });
      const prompt = buildPrompt({ instruction: "Several models" });
      const rows = await samePromptOnModels(prompt, [HAIKU, NOVA_LITE], [named("a", true, "fine"), named("b", false, "too long"), named("c", false, "no list")]);
      expect(rows).toStrictEqual([
        { model: HAIKU, passed: "1/3", failures: "b: too long; c: no list", answer: "Same words." },
        { model: NOVA_LITE, passed: "1/3", failures: "b: too long; c: no list", answer: "Same words." },
      ]);
      const sent = newCalls();
      // The models are called in parallel, so in any order.
      expect(sent.map((r) => r.requestedModelId).sort()).toEqual([`us.${NOVA_LITE}`, `us.${HAIKU}`]);
      expect(sent[0].inferenceConfig.maxTokens).toBeGreaterThan(0);
    });

    it("keeps only the text of an answer that also holds a tool call", async () => {
      scripted.add({ prompt: "Mixed for models", reply: textAndToolCall, times: 1 });
      const [row] = await samePromptOnModels(buildPrompt({ instruction: "Mixed for models" }), [HAIKU], [named("a", true, "fine")]);
      expect(row.answer).toBe("Only this text.");
    });

    it("shows a dash when every check passes, and the advice when the call fails", async () => {
      emu.faults.add({ fault: "access-denied", model: `us.${NOVA_LITE}` });
      const rows = await samePromptOnModels(buildPrompt({ instruction: "Hello there, friend." }), [HAIKU, NOVA_LITE], [named("a", true, "fine"), named("b", true, "fine")]);
      expect(rows[0]).toMatchObject({ model: HAIKU, passed: "2/2", failures: "—" });
      expect(rows[1]).toMatchObject({ model: NOVA_LITE, passed: "0/2", answer: "" });
      expect(rows[1].failures).toMatch(/access/i);
    });
  });
});
