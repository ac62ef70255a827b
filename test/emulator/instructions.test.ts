// The synthetic responder follows explicit, checkable instructions (bullets, numbered steps,
// counts, word and sentence limits, JSON keys, answer language, forced tool input) and not vague
// ones; and Claude 4.5+ refuse temperature with topP. Through the real SDK clients. Expectations
// are hand-checked cases: counted lines and words, parsed JSON, hand-picked words, tinyld.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
} from "@aws-sdk/client-bedrock-runtime";
import { detect } from "tinyld";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, decodeJson, expectAwsError, sdk, user } from "./helpers";

let emu: RunningEmulator;
let rt: BedrockRuntimeClient;

const HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
const SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const NOVA_MICRO = "us.amazon.nova-micro-v1:0";
const MISTRAL = "mistral.mistral-large-2402-v1:0";
// The texts Bedrock returns, as reported in public issues (sources in data/sampling-rules.json).
const TEMPERATURE_MESSAGE = "The model returned the following errors: `temperature` is deprecated for this model.";
const OPUS_47 = "global.anthropic.claude-opus-4-7";
const OPUS_46 = "global.anthropic.claude-opus-4-6-v1";
const SAMPLING_MESSAGE = "The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.";

beforeAll(async () => {
  emu = await startEmulator({ now: () => TODAY, env: {} });
  rt = sdk(emu.url).runtime;
});
afterAll(() => emu.close());

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const linesStarting = (text: string, re: RegExp) => text.split("\n").filter((l) => re.test(l));

async function reply(text: string, extra: Partial<ConverseCommandInput> = {}): Promise<string> {
  const r = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user(text)], ...extra }));
  return r.output!.message!.content![0].text!;
}

describe("explicit instructions are followed", () => {
  it("bullets with a count and a word limit", async () => {
    const text = await reply("List 3 benefits of Bedrock in bullet points, in at most 40 words");
    expect(linesStarting(text, /^- /)).toHaveLength(3);
    expect(wordCount(text)).toBeLessThanOrEqual(40);
    // Every line is a bullet: a list carries no marker line, which would break the format.
    expect(text.split("\n").every((l) => l.startsWith("- "))).toBe(true);
  });

  it("markup tags frame the prompt but are not its topic", async () => {
    const text = await reply("<instruction>\nList 3 benefits of caching in bullet points.\n</instruction>");
    expect(linesStarting(text, /^- /)).toHaveLength(3);
    expect(text.toLowerCase()).not.toContain("instruction");
  });

  it("a vague prompt gets the echo, with no bullet lines", async () => {
    const text = await reply("Tell me about Bedrock");
    expect(linesStarting(text, /^- /)).toHaveLength(0);
    expect(text).toContain('Last user message: "Tell me about Bedrock"');
  });

  it("Spanish bullets with a number word and a word limit", async () => {
    const text = await reply("Dame cuatro ventajas de Amazon Bedrock en viñetas, como máximo 30 palabras.");
    expect(linesStarting(text, /^- /)).toHaveLength(4);
    expect(wordCount(text)).toBeLessThanOrEqual(30);
    expect(text).not.toContain("Respuesta sintética del emulador de Bedrock");
  });

  it("drops the marker when the word limit leaves no room for it", async () => {
    const text = await reply("Give me 5 tips for prompt design as a bulleted list, in at most 12 words");
    expect(linesStarting(text, /^- /)).toHaveLength(5);
    expect(wordCount(text)).toBeLessThanOrEqual(12);
    expect(text).not.toContain("Synthetic reply");
  });

  it("numbered steps with a count and a word limit", async () => {
    const text = await reply("Explain how to call Converse in 4 numbered steps, no more than 30 words");
    const steps = linesStarting(text, /^\d+\. /);
    expect(steps.map((l) => l.split(".")[0])).toEqual(["1", "2", "3", "4"]);
    expect(wordCount(text)).toBeLessThanOrEqual(30);
  });

  it("Spanish numbered list without a count gives at least two steps", async () => {
    const text = await reply("Explica cómo crear un prompt con pasos numerados.");
    const steps = linesStarting(text, /^\d+\. /);
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[0].startsWith("1. ")).toBe(true);
  });

  it("strict limits: under / en menos de N words means fewer than N", async () => {
    expect(wordCount(await reply("Summarise what inference profiles are in under 12 words"))).toBeLessThan(12);
    expect(wordCount(await reply("Resume qué es un perfil de inferencia en menos de 10 palabras"))).toBeLessThan(10);
    expect(wordCount(await reply("Describe Bedrock Guardrails in no more than 20 words"))).toBeLessThanOrEqual(20);
  });

  it("sentence limits", async () => {
    const one = await reply("Explain Amazon Bedrock in one sentence.");
    expect(one.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(one).not.toContain("\n");
    const two = await reply("Explica Amazon Bedrock en dos frases.");
    expect(two.split(/\n|(?<=[.!?])\s+/).filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it("JSON with the requested keys: exactly one parseable object, typed values", async () => {
    const text = await reply("Describe a Bedrock product. Respond in JSON with the keys name, price, tags and description.");
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(["name", "price", "tags", "description"]);
    expect(typeof data.price).toBe("number");
    expect(Array.isArray(data.tags) && data.tags.every((t: unknown) => typeof t === "string")).toBe(true);
    expect(typeof data.name).toBe("string");
    expect(text).not.toContain("```");
  });

  it("JSON keys in backticks, Spanish, with a requested language", async () => {
    const text = await reply("Devuelve un JSON con las claves `resumen`, `precio` y `etiquetas` sobre Amazon Bedrock. Responde en inglés.");
    const data = JSON.parse(text);
    expect(Object.keys(data).sort()).toEqual(["etiquetas", "precio", "resumen"]);
    expect(typeof data.precio).toBe("number");
    expect(data.resumen).toMatch(/\bsynthetic\b.*\babout\b/);
  });

  it("JSON keys named in English do not make a Spanish prompt English: the values are in Spanish", async () => {
    // tinyld reads this whole prompt as English because of the three key names (hand-checked);
    // without them it reads Spanish, as a Spanish speaker would.
    const prompt = "Recomienda un modelo de Bedrock para resúmenes. Responde solo con un objeto JSON con las claves model, useCase y reason.";
    expect(detect(prompt, { only: ["es", "en"] })).toBe("en");
    const data = JSON.parse(await reply(prompt));
    expect(Object.keys(data)).toEqual(["model", "useCase", "reason"]);
    expect(data.useCase).toMatch(/^valor sintético de useCase sobre /);
    expect(data.useCase).not.toMatch(/use case/);
    expect(data.reason).not.toMatch(/\b(?:synthetic|about)\b/);
    // The same request in English keeps English values.
    const english = JSON.parse(await reply("Recommend a Bedrock model for summaries. Reply only with a JSON object with the keys model, useCase and reason."));
    expect(english.useCase).toMatch(/^synthetic use case about /);
  });

  it("answers in the language the prompt asks for", async () => {
    const en = await reply("Responde en inglés: explica qué es Amazon Bedrock en tres viñetas");
    expect(linesStarting(en, /^- /)).toHaveLength(3);
    expect(en.split("\n")).toHaveLength(3);
    expect(detect(en, { only: ["es", "en"] })).toBe("en");
    const es = await reply("Answer in Spanish: what is a foundation model?");
    expect(es).toContain("Respuesta sintética del emulador de Bedrock");
    expect(detect(es.split("\n").slice(-1)[0], { only: ["es", "en"] })).toBe("es");
    // Without such an instruction, the prompt's own language.
    expect(await reply("¿Qué es un modelo fundacional y para qué sirve?")).toContain("Respuesta sintética");
    expect(await reply("What is a foundation model and what is it for?")).toContain("Synthetic reply");
  });

  it("instructions in the system prompt count too", async () => {
    const text = await reply("What is Amazon Bedrock?", { system: [{ text: "Always answer in exactly 2 bullet points." }] });
    expect(linesStarting(text, /^- /)).toHaveLength(2);
  });

  it("the same request gets the same reply, and bullets change with the prompt", async () => {
    const a = await reply("List 3 uses of embeddings in bullet points");
    expect(await reply("List 3 uses of embeddings in bullet points")).toBe(a);
    expect(a.toLowerCase()).toContain("embeddings");
    const b = await reply("List 3 risks of hallucinations in bullet points");
    expect(b.toLowerCase()).toContain("hallucinations");
  });

  it("streams exactly the non-streamed instruction-following text", async () => {
    const input: ConverseCommandInput = { modelId: NOVA_MICRO, messages: [user("Give 4 numbered steps to enable model access, in at most 35 words")] };
    const whole = (await rt.send(new ConverseCommand(input))).output!.message!.content![0].text!;
    const res = await rt.send(new ConverseStreamCommand(input));
    let streamed = "";
    for await (const e of res.stream!) streamed += e.contentBlockDelta?.delta?.text ?? "";
    expect(streamed).toBe(whole);
    expect(linesStarting(whole, /^\d+\. /)).toHaveLength(4);
  });

  it("maxTokens still cuts an instruction-following reply", async () => {
    const r = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("List 5 benefits of Bedrock in bullet points")], inferenceConfig: { maxTokens: 5 } }));
    expect(r.stopReason).toBe("max_tokens");
    expect(r.output!.message!.content![0].text!.length).toBeLessThanOrEqual(20);
  });
});

describe("forced tool use gets a schema-valid input", () => {
  const schema = {
    type: "object",
    properties: {
      verdict: { type: "string", enum: ["pass", "fail", "unsure"] },
      score: { type: "integer", minimum: 1, maximum: 5 },
      reason: { type: "string", minLength: 1 },
      details: {
        type: "object",
        properties: { category: { type: "string", enum: ["format", "language", "content"] }, confidence: { type: "number", minimum: 0, maximum: 1 }, tags: { type: "array", items: { type: "string" }, minItems: 2 } },
        required: ["category", "confidence", "tags"],
      },
      optional: { type: "string" },
    },
    required: ["verdict", "score", "reason", "details"],
  };

  function expectValid(input: Record<string, unknown>) {
    expect(Object.keys(input).sort()).toEqual(["details", "reason", "score", "verdict"]);
    expect(["pass", "fail", "unsure"]).toContain(input.verdict);
    expect(Number.isInteger(input.score)).toBe(true);
    expect(input.score).toBeGreaterThanOrEqual(1);
    expect(input.score).toBeLessThanOrEqual(5);
    expect(typeof input.reason === "string" && input.reason.length >= 1).toBe(true);
    const d = input.details as Record<string, unknown>;
    expect(["format", "language", "content"]).toContain(d.category);
    expect(typeof d.confidence).toBe("number");
    expect(d.confidence as number).toBeGreaterThanOrEqual(0);
    expect(d.confidence as number).toBeLessThanOrEqual(1);
    expect(Array.isArray(d.tags) && (d.tags as unknown[]).length >= 2 && (d.tags as unknown[]).every((t) => typeof t === "string")).toBe(true);
  }

  it("Converse with toolChoice.tool", async () => {
    const seen = new Set<unknown>();
    for (const answer of ["The answer is 42 and it is great.", "No sé la respuesta, lo siento mucho.", "Bedrock is a managed service 7 times over.", "Una respuesta más."]) {
      const r = await rt.send(
        new ConverseCommand({
          modelId: HAIKU,
          messages: [user(`Grade this answer: ${answer}`)],
          toolConfig: { tools: [{ toolSpec: { name: "other", inputSchema: { json: { type: "object" } } } }, { toolSpec: { name: "grade", inputSchema: { json: schema } } }], toolChoice: { tool: { name: "grade" } } },
        }),
      );
      expect(r.stopReason).toBe("tool_use");
      const use = r.output!.message!.content!.find((c) => c.toolUse)!.toolUse!;
      expect(use.name).toBe("grade");
      expectValid(use.input as Record<string, unknown>);
      seen.add((use.input as Record<string, unknown>).verdict);
    }
    // Enum values are chosen by hash of the conversation, not always the first one.
    expect(seen.size).toBeGreaterThan(1);
  });

  it("InvokeModel (Anthropic body) with tool_choice any", async () => {
    const r = await rt.send(
      new InvokeModelCommand({
        modelId: HAIKU,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 300,
          messages: [{ role: "user", content: "Grade: Paris is the capital of France." }],
          tools: [{ name: "grade", input_schema: schema }],
          tool_choice: { type: "any" },
        }),
      }),
    );
    const body = decodeJson(r.body);
    const use = body.content.find((c: { type: string }) => c.type === "tool_use");
    expectValid(use.input);
  });
});

describe("Claude 4.5 and later refuse temperature with topP", () => {
  const both = { temperature: 0.5, topP: 0.9 };

  it("Converse and ConverseStream through a profile", async () => {
    await expectAwsError(rt.send(new ConverseCommand({ modelId: HAIKU, messages: [user("Hi there")], inferenceConfig: both })), "ValidationException", 400, SAMPLING_MESSAGE);
    await expectAwsError(rt.send(new ConverseStreamCommand({ modelId: HAIKU, messages: [user("Hi there")], inferenceConfig: both })), "ValidationException", 400, SAMPLING_MESSAGE);
    // One of the two is fine.
    const ok = await rt.send(new ConverseCommand({ modelId: HAIKU, messages: [user("Hi there")], inferenceConfig: { temperature: 0.5 } }));
    expect(ok.stopReason).toBe("end_turn");
  });

  it("InvokeModel with Sonnet 4.5 and Anthropic's native body, by profile ID and by ARN", async () => {
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "Hi" }], temperature: 0.5, top_p: 0.9 });
    for (const modelId of [`us.${SONNET_45}`, `global.${SONNET_45}`, `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${SONNET_45}`]) {
      await expectAwsError(rt.send(new InvokeModelCommand({ modelId, body })), "ValidationException", 400, SAMPLING_MESSAGE);
    }
    // The bare ID is profile-only in every region of the catalog, so the model is never reached:
    // AWS answers with the on-demand error first, whatever the sampling parameters.
    await expectAwsError(rt.send(new InvokeModelCommand({ modelId: SONNET_45, body })), "ValidationException", 400, /on-demand throughput isn.t supported/);
  });

  it("Claude Opus 4.7 refuses temperature itself, even alone and even 1, Converse and InvokeModel alike; without it the model answers", async () => {
    for (const inferenceConfig of [{ temperature: 0.5 }, { temperature: 1 }, both]) {
      await expectAwsError(rt.send(new ConverseCommand({ modelId: OPUS_47, messages: [user("Hi there")], inferenceConfig })), "ValidationException", 400, TEMPERATURE_MESSAGE);
    }
    await expectAwsError(rt.send(new ConverseStreamCommand({ modelId: OPUS_47, messages: [user("Hi there")], inferenceConfig: { temperature: 0 } })), "ValidationException", 400, TEMPERATURE_MESSAGE);
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "Hi" }], temperature: 0.2 });
    await expectAwsError(rt.send(new InvokeModelCommand({ modelId: OPUS_47, body })), "ValidationException", 400, TEMPERATURE_MESSAGE);
    const ok = await rt.send(new ConverseCommand({ modelId: OPUS_47, messages: [user("Hi there")] }));
    expect(ok.stopReason).toBe("end_turn");
  });

  it("Claude Opus 4.6 still takes temperature alone, and refuses the pair", async () => {
    const ok = await rt.send(new ConverseCommand({ modelId: OPUS_46, messages: [user("Hi there")], inferenceConfig: { temperature: 0.5 } }));
    expect(ok.stopReason).toBe("end_turn");
    await expectAwsError(rt.send(new ConverseCommand({ modelId: OPUS_46, messages: [user("Hi there")], inferenceConfig: both })), "ValidationException", 400, SAMPLING_MESSAGE);
  });

  it("other models accept both", async () => {
    const nova = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("Hi there")], inferenceConfig: both }));
    expect(nova.stopReason).toBe("end_turn");
    const mistral = await rt.send(new InvokeModelCommand({ modelId: MISTRAL, body: JSON.stringify({ prompt: "<s>[INST] What is Amazon Bedrock? [/INST]", temperature: 0.5, top_p: 0.9 }) }));
    expect(decodeJson(mistral.body).outputs[0].text).toContain("Synthetic");
  });
});
