// Prompts at run time: OptimizePrompt (bedrock-agent-runtime) and prompt ARNs in Converse /
// ConverseStream (bedrock-runtime), through the real SDK clients.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreatePromptCommand, CreatePromptVersionCommand, UpdatePromptCommand, type BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { OptimizePromptCommand, type BedrockAgentRuntimeClient, type OptimizedPromptStream } from "@aws-sdk/client-bedrock-agent-runtime";
import {
  ConverseCommand,
  ConverseStreamCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
  type ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { startEmulator } from "bedrock-emulator/node";
import { chatVariant, clients, expectAwsError, NOVA_LITE, NOVA_LITE_PROFILE, textVariant } from "./prompts-helpers";

type Running = Awaited<ReturnType<typeof startEmulator>>;

let emu: Running;
let agent: BedrockAgentClient;
let agentRuntime: BedrockAgentRuntimeClient;
let runtime: BedrockRuntimeClient;
let n = 0;

beforeAll(async () => {
  emu = await startEmulator();
  ({ agent, agentRuntime, runtime } = clients(emu.url));
});
afterAll(async () => {
  agent?.destroy();
  agentRuntime?.destroy();
  runtime?.destroy();
  await emu?.close();
});

async function optimize(text: string, targetModelId: string) {
  const res = await agentRuntime.send(new OptimizePromptCommand({ input: { textPrompt: { text } }, targetModelId }));
  const events: OptimizedPromptStream[] = [];
  for await (const ev of res.optimizedPrompt!) events.push(ev);
  return { res, events };
}

function variableCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/\{\{([^{}]+)\}\}/g)) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  return counts;
}

describe("OptimizePrompt", () => {
  const original = "Summarize {{document}} for {{audience}}. Mention {{document}}'s main risk.";

  it("streams analyzePromptEvent, then optimizedPromptEvent, and nothing else", async () => {
    const { res, events } = await optimize(original, NOVA_LITE);
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(events).toHaveLength(2);
    expect(Object.keys(events[0])).toEqual(["analyzePromptEvent"]);
    expect(Object.keys(events[1])).toEqual(["optimizedPromptEvent"]);
    const analysis = events[0].analyzePromptEvent!.message!;
    expect(analysis).toContain("amazon.nova-lite-v1:0");
    expect(analysis).toContain("2 variables (document, audience)");
  });

  it("keeps every {{variable}} exactly, as many times as the original has it", async () => {
    const { events } = await optimize(original, NOVA_LITE);
    const optimized = events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text!;
    expect(variableCounts(optimized)).toEqual({ document: 2, audience: 1 });
    expect(variableCounts(optimized)).toEqual(variableCounts(original));
    expect(optimized).toContain(original);
  });

  it("visibly restructures the prompt, in the style of the target model's family", async () => {
    const nova = (await optimize(original, NOVA_LITE)).events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text!;
    expect(nova).not.toBe(original);
    expect(nova.split("\n")[0]).toMatch(/^You are /);
    expect(nova).toMatch(/^## Task$/m);
    expect(nova).toMatch(/^## Output format$/m);
    const claude = (await optimize(original, "mistral.mistral-large-2402-v1:0")).events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text!;
    expect(claude).toMatch(/^## Instructions$/m);
    // An Anthropic target gets XML-tagged sections. Claude Sonnet 4 is past end of life on
    // 2026-11-25, so this uses an emulator whose "today" is before it.
    const early = await startEmulator({ now: () => new Date("2026-05-01T00:00:00Z") });
    const c = clients(early.url).agentRuntime;
    try {
      const res = await c.send(
        new OptimizePromptCommand({ input: { textPrompt: { text: original } }, targetModelId: "anthropic.claude-sonnet-4-20250514-v1:0" }),
      );
      const events: OptimizedPromptStream[] = [];
      for await (const ev of res.optimizedPrompt!) events.push(ev);
      const xml = events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text!;
      expect(xml).toContain(`<task>\n${original}\n</task>`);
      expect(xml).toContain("<output_format>");
    } finally {
      c.destroy();
      await early.close();
    }
  });

  it("is deterministic, answers in the prompt's language, and keeps an existing role and format", async () => {
    const a = (await optimize(original, NOVA_LITE)).events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text;
    const b = (await optimize(original, NOVA_LITE)).events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text;
    expect(a).toBe(b);
    const es = "Eres un guía de viajes. Resume {{ciudad}} en una lista de tres viñetas.";
    const { events } = await optimize(es, NOVA_LITE);
    const text = events[1].optimizedPromptEvent!.optimizedPrompt!.textPrompt!.text!;
    expect(text.startsWith(es)).toBe(false);
    expect(text).toMatch(/^## Tarea$/m);
    expect(text).toContain("Sigue el formato que pide la tarea");
    // The prompt already sets a role, so no role line is added before the sections.
    expect(text.split("\n")[0]).toBe("## Tarea");
    expect(events[0].analyzePromptEvent!.message).toContain("rol presente");
  });

  it("rejects unsupported, profile and retired target models with ValidationException 400", async () => {
    await expectAwsError(optimize(original, "amazon.titan-embed-text-v2:0"), "ValidationException", 400, /doesn't support the model/);
    await expectAwsError(optimize(original, "us.amazon.nova-lite-v1:0"), "ValidationException", 400, /at 'targetModelId'/);
    await expectAwsError(optimize(original, "anthropic.claude-3-haiku-20240307-v1:0"), "ValidationException", 400, /end of its life/);
  });

  it("rejects an empty prompt with ValidationException 400", async () => {
    await expectAwsError(optimize("", NOVA_LITE), "ValidationException", 400, /input.textPrompt.text/);
  });
});

describe("prompt ARNs in Converse and ConverseStream", () => {
  async function textPromptVersion(text = "Write a haiku about {{topic}} in the style of {{poet}}.", vars = ["topic", "poet"]) {
    const p = await agent.send(
      new CreatePromptCommand({
        name: `runtime-${++n}`,
        defaultVariant: "main",
        variants: [textVariant(text, vars, { inferenceConfiguration: { text: { temperature: 0.3, maxTokens: 250 } } })],
      }),
    );
    const v = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    return { prompt: p, arn: v.arn! };
  }

  const vars = (topic: string, poet = "Basho") => ({ topic: { text: topic }, poet: { text: poet } });

  async function streamText(input: ConverseCommandInput) {
    const res = await runtime.send(new ConverseStreamCommand(input));
    let text = "";
    let stop: string | undefined;
    let usage: unknown;
    const events: ConverseStreamOutput[] = [];
    for await (const ev of res.stream!) {
      events.push(ev);
      if (ev.contentBlockDelta?.delta?.text) text += ev.contentBlockDelta.delta.text;
      if (ev.messageStop) stop = ev.messageStop.stopReason;
      if (ev.metadata) usage = ev.metadata.usage;
    }
    return { text, stop, usage, events };
  }

  it("fills the variables of a TEXT prompt version and runs its model and inference settings", async () => {
    const { arn } = await textPromptVersion();
    const res = await runtime.send(new ConverseCommand({ modelId: arn, promptVariables: vars("platypus") }));
    expect(res.$metadata.httpStatusCode).toBe(200);
    const text = res.output!.message!.content![0].text!;
    expect(text).toContain("Write a haiku about platypus in the style of Basho.");
    expect(text).not.toContain("{{topic}}");
    expect(text).toContain(NOVA_LITE_PROFILE);
    expect(text).toContain("maxTokens=250");
    expect(text).toContain("temperature=0.3");
    expect(res.usage!.inputTokens).toBeGreaterThan(0);

    // Different values give a different answer and a different input size.
    const longer = await runtime.send(
      new ConverseCommand({ modelId: arn, promptVariables: vars("a very long and winding mountain river at dawn") }),
    );
    expect(longer.output!.message!.content![0].text).toContain("mountain river at dawn");
    expect(longer.usage!.inputTokens).toBeGreaterThan(res.usage!.inputTokens!);
  });

  it("streams exactly the non-streaming answer with ConverseStream", async () => {
    const { arn } = await textPromptVersion();
    const whole = await runtime.send(new ConverseCommand({ modelId: arn, promptVariables: vars("autumn rain") }));
    const streamed = await streamText({ modelId: arn, promptVariables: vars("autumn rain") });
    expect(streamed.text).toBe(whole.output!.message!.content![0].text);
    expect(streamed.stop).toBe(whole.stopReason);
    expect(streamed.usage).toMatchObject({ inputTokens: whole.usage!.inputTokens, outputTokens: whole.usage!.outputTokens });
    expect(streamed.events.filter((e) => e.contentBlockDelta).length).toBeGreaterThan(1);
  });

  it("runs the version it names, not the later draft", async () => {
    const { prompt, arn } = await textPromptVersion();
    await agent.send(
      new UpdatePromptCommand({
        promptIdentifier: prompt.id,
        name: prompt.name,
        defaultVariant: "main",
        variants: [textVariant("Draft only: describe {{topic}}.", ["topic"])],
      }),
    );
    const v1 = await runtime.send(new ConverseCommand({ modelId: arn, promptVariables: vars("snow") }));
    expect(v1.output!.message!.content![0].text).toContain("Write a haiku about snow");
    // The ARN without a version runs the working draft.
    const draft = await runtime.send(new ConverseCommand({ modelId: prompt.arn, promptVariables: { topic: { text: "snow" } } }));
    expect(draft.output!.message!.content![0].text).toContain("Draft only: describe snow.");
  });

  it("fills a CHAT prompt's system and messages, and appends the request's messages after them", async () => {
    const noTools = chatVariant();
    delete noTools.templateConfiguration!.chat!.toolConfiguration;
    const p = await agent.send(new CreatePromptCommand({ name: `chat-${++n}`, defaultVariant: "chat", variants: [noTools] }));
    const v = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    const promptVariables = { subject: { text: "astronomy" }, level: { text: "complete beginner" } };
    const res = await runtime.send(new ConverseCommand({ modelId: v.arn, promptVariables }));
    const text = res.output!.message!.content![0].text!;
    expect(text).toContain("You are a tutor who explains astronomy to beginners.");
    expect(text).toContain("Messages received: 3 (2 user, 1 assistant)");
    expect(text).toContain("I am a complete beginner.");

    const more = await runtime.send(
      new ConverseCommand({
        modelId: v.arn,
        promptVariables,
        messages: [
          { role: "assistant", content: [{ text: "Great, let's start with the Moon." }] },
          { role: "user", content: [{ text: "Why does the Moon have phases?" }] },
        ],
      }),
    );
    const moreText = more.output!.message!.content![0].text!;
    expect(moreText).toContain("Messages received: 5 (3 user, 2 assistant)");
    expect(moreText).toContain("Why does the Moon have phases?");
  });

  it("passes a CHAT prompt's tool configuration to the model (the answer is a toolUse)", async () => {
    const p = await agent.send(new CreatePromptCommand({ name: `tools-${++n}`, defaultVariant: "chat", variants: [chatVariant()] }));
    const v = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    const res = await runtime.send(
      new ConverseCommand({ modelId: v.arn, promptVariables: { subject: { text: "geology" }, level: { text: "student" } } }),
    );
    expect(res.stopReason).toBe("tool_use");
    const toolUse = res.output!.message!.content!.find((b) => b.toolUse)?.toolUse;
    expect(toolUse?.name).toBe("lookup_glossary");
  });

  it("honours the prompt's maxTokens (stopReason max_tokens)", async () => {
    const p = await agent.send(
      new CreatePromptCommand({
        name: `short-${++n}`,
        variants: [textVariant("Tell me everything about {{topic}}.", ["topic"], { inferenceConfiguration: { text: { maxTokens: 5 } } })],
      }),
    );
    const v = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    const res = await runtime.send(new ConverseCommand({ modelId: v.arn, promptVariables: { topic: { text: "volcanoes" } } }));
    expect(res.stopReason).toBe("max_tokens");
    expect(res.usage!.outputTokens).toBeLessThanOrEqual(5);
  });

  it.each([
    ["inferenceConfig", { inferenceConfig: { maxTokens: 10 } }],
    ["system", { system: [{ text: "Be brief." }] }],
    ["toolConfig", { toolConfig: { tools: [{ toolSpec: { name: "t", inputSchema: { json: { type: "object" } } } }] } }],
    ["additionalModelRequestFields", { additionalModelRequestFields: { top_k: 5 } }],
  ] as const)("rejects %s alongside a prompt ARN with ValidationException 400", async (field, extra) => {
    const { arn } = await textPromptVersion();
    const input = { modelId: arn, promptVariables: vars("fog"), ...extra } as ConverseCommandInput;
    await expectAwsError(runtime.send(new ConverseCommand(input)), "ValidationException", 400, new RegExp(`You can't set ${field}`));
    await expectAwsError(runtime.send(new ConverseStreamCommand(input)), "ValidationException", 400, new RegExp(field));
  });

  it("rejects missing variables and malformed values with ValidationException 400", async () => {
    const { arn } = await textPromptVersion();
    await expectAwsError(
      runtime.send(new ConverseCommand({ modelId: arn, promptVariables: { topic: { text: "fog" } } })),
      "ValidationException",
      400,
      /Missing values for prompt variables: poet/,
    );
    await expectAwsError(runtime.send(new ConverseCommand({ modelId: arn })), "ValidationException", 400, /topic, poet/);
    await expectAwsError(
      runtime.send(new ConverseStreamCommand({ modelId: arn, promptVariables: {} })),
      "ValidationException",
      400,
      /Missing values/,
    );
  });

  it("answers ResourceNotFoundException 404 for an unknown prompt or version", async () => {
    const { prompt } = await textPromptVersion();
    await expectAwsError(
      runtime.send(new ConverseCommand({ modelId: `${prompt.arn}:9`, promptVariables: vars("x") })),
      "ResourceNotFoundException",
      404,
    );
    await expectAwsError(
      runtime.send(new ConverseCommand({ modelId: "arn:aws:bedrock:us-east-1:123456789012:prompt/ZZZZZZZZZZ:1", promptVariables: vars("x") })),
      "ResourceNotFoundException",
      404,
    );
  });

  it("rejects a prompt without a model with ValidationException 400", async () => {
    const p = await agent.send(
      new CreatePromptCommand({ name: `nomodel-${++n}`, variants: [textVariant("Hi {{who}}", ["who"], { modelId: undefined })] }),
    );
    const v = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    await expectAwsError(
      runtime.send(new ConverseCommand({ modelId: v.arn, promptVariables: { who: { text: "Ana" } } })),
      "ValidationException",
      400,
      /has no modelId/,
    );
  });
});
