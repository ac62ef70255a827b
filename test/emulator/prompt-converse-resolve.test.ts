// How a Converse request whose modelId is a prompt ARN becomes the request the model receives
// (resolvePromptForConverse), called directly. AWS documents the rules: the prompt fixes the
// system prompt, inference settings, tools and extra model fields; `promptVariables` fills the
// `{{variables}}` ({ name: { text } }); the request's messages come after the template's.
import { describe, expect, it } from "vitest";
import { PromptStore, resolvePromptForConverse, type PromptVariant } from "../../packages/emulator/src/prompts";
import { failure } from "./helpers";

const REGION = "us-east-1";
const MODEL = "us.amazon.nova-lite-v1:0";

async function promptWith(variant: PromptVariant) {
  const store = new PromptStore();
  const p = await store.create(REGION, { name: "resolved", defaultVariant: variant.name, variants: [variant] });
  return { store, arn: p.arn, id: p.id };
}

function textVariant(text: string, declared: string[], extra: Partial<PromptVariant> = {}): PromptVariant {
  return {
    name: "main",
    templateType: "TEXT",
    modelId: MODEL,
    templateConfiguration: { text: { text, inputVariables: declared.map((name) => ({ name })) } },
    ...extra,
  };
}

function chatVariant(chat: NonNullable<PromptVariant["templateConfiguration"]["chat"]>, extra: Partial<PromptVariant> = {}): PromptVariant {
  return { name: "chat", templateType: "CHAT", modelId: MODEL, templateConfiguration: { chat }, ...extra };
}

const vars = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, text]) => [k, { text }]));

describe("a TEXT prompt", () => {
  it("runs its only variant when the prompt names no defaultVariant", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "no-default", variants: [textVariant("Hi.", [])] });
    expect(resolvePromptForConverse(store, p.arn, {}).prompt.variant).toBe("main");
  });

  it("becomes one user message with the variables filled, the prompt's model and settings, and nothing else", async () => {
    const { store, arn, id } = await promptWith(
      textVariant("Explain {{topic}} to {{audience}}.", ["topic", "audience"], {
        inferenceConfiguration: { text: { temperature: 0.2, maxTokens: 300 } },
      }),
    );
    const r = resolvePromptForConverse(store, arn, { promptVariables: vars({ topic: "tides", audience: "children" }) });
    expect(r).toStrictEqual({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: "Explain tides to children." }] }],
      inferenceConfig: { temperature: 0.2, maxTokens: 300 },
      prompt: { arn, id, version: "DRAFT", variant: "main", variables: { topic: "tides", audience: "children" } },
    });
  });

  it("appends the request's messages after the template's", async () => {
    const { store, arn } = await promptWith(textVariant("Hello.", []));
    const extra = [
      { role: "assistant", content: [{ text: "Hi." }] },
      { role: "user", content: [{ text: "More?" }] },
    ];
    const r = resolvePromptForConverse(store, arn, { messages: extra });
    expect(r.messages).toEqual([{ role: "user", content: [{ text: "Hello." }] }, ...extra]);
  });

  it("sends no inference settings when the prompt has none, or an empty set", async () => {
    for (const extra of [{}, { inferenceConfiguration: { text: {} } }]) {
      const { store, arn } = await promptWith(textVariant("Hi.", [], extra));
      expect(Object.keys(resolvePromptForConverse(store, arn, {})).sort()).toEqual(["messages", "modelId", "prompt"]);
    }
  });

  it("passes the prompt's additionalModelRequestFields to the model", async () => {
    const { store, arn } = await promptWith(textVariant("Hi.", [], { additionalModelRequestFields: { top_k: 40 } }));
    expect(resolvePromptForConverse(store, arn, {}).additionalModelRequestFields).toEqual({ top_k: 40 });
  });
});

describe("a CHAT prompt", () => {
  it("fills system and messages, keeps cache points and tools as they are", async () => {
    const tools = { tools: [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }] };
    const { store, arn } = await promptWith(
      chatVariant({
        system: [{ text: "You teach {{subject}}." }, { cachePoint: { type: "default" } }],
        messages: [
          { role: "user", content: [{ text: "A tip about {{subject}}?" }, { cachePoint: { type: "default" } }] },
          { role: "assistant", content: [{ text: "What level?" }] },
        ],
        inputVariables: [{ name: "subject" }],
        toolConfiguration: tools,
      }),
    );
    const r = resolvePromptForConverse(store, arn, { promptVariables: vars({ subject: "chemistry" }) });
    expect(r.system).toEqual([{ text: "You teach chemistry." }, { cachePoint: { type: "default" } }]);
    expect(r.messages).toEqual([
      { role: "user", content: [{ text: "A tip about chemistry?" }, { cachePoint: { type: "default" } }] },
      { role: "assistant", content: [{ text: "What level?" }] },
    ]);
    expect(r.toolConfig).toEqual(tools);
    // Each variable once, even though {{subject}} appears twice.
    expect(r.prompt.variables).toEqual({ subject: "chemistry" });
  });

  it("sends no system prompt when the template has none, or an empty one", async () => {
    for (const system of [undefined, []]) {
      const { store, arn } = await promptWith(chatVariant({ ...(system ? { system } : {}), messages: [{ role: "user", content: [{ text: "Hi." }] }] }));
      expect("system" in resolvePromptForConverse(store, arn, {})).toBe(false);
    }
  });

  it("needs the variables of the system prompt and of the messages, each listed once", async () => {
    const { store, arn } = await promptWith(
      chatVariant({
        system: [{ text: "You teach {{subject}} in {{language}}." }],
        messages: [{ role: "user", content: [{ text: "I am a {{level}} in {{subject}}." }] }],
        inputVariables: [{ name: "subject" }, { name: "language" }, { name: "level" }],
      }),
    );
    expect(failure(() => resolvePromptForConverse(store, arn, { promptVariables: vars({ subject: "x", language: "y" }) })).message).toMatch(
      /^Missing values for prompt variables: level\. /,
    );
    expect(failure(() => resolvePromptForConverse(store, arn, { promptVariables: vars({ subject: "x", level: "y" }) })).message).toMatch(
      /^Missing values for prompt variables: language\. /,
    );
    expect(failure(() => resolvePromptForConverse(store, arn, {})).message).toMatch(/^Missing values for prompt variables: subject, language, level\. /);
  });

  it("lists an undeclared variable once even when several blocks use it", async () => {
    const { store, arn } = await promptWith(
      chatVariant({
        system: [{ text: "Address {{name}} politely." }],
        messages: [{ role: "user", content: [{ text: "Hello, I am {{name}}." }] }],
      }),
    );
    expect(failure(() => resolvePromptForConverse(store, arn, {})).message).toMatch(/^Missing values for prompt variables: name\. /);
  });
});

describe("prompt variables", () => {
  it("are required when the template uses them, declared or not; a declared but unused one is not", async () => {
    const { store, arn } = await promptWith(textVariant("{{document}} for {{audience}}, in a {{tone}} tone.", ["audience", "document", "unused"]));
    const err = failure(() => resolvePromptForConverse(store, arn, {}));
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    // Declared ones first, in the prompt's order, then the undeclared ones the template uses.
    expect(err.message).toMatch(/^Missing values for prompt variables: audience, document, tone\. /);
    const ok = resolvePromptForConverse(store, arn, { promptVariables: vars({ document: "The report", audience: "managers", tone: "calm" }) });
    expect(ok.messages[0].content).toEqual([{ text: "The report for managers, in a calm tone." }]);
    expect(ok.prompt.variables).toEqual({ audience: "managers", document: "The report", tone: "calm" });
  });

  it("lists a missing variable once even when it is both declared and used", async () => {
    const { store, arn } = await promptWith(textVariant("About {{topic}}.", ["topic"]));
    expect(failure(() => resolvePromptForConverse(store, arn, {})).message).toMatch(/^Missing values for prompt variables: topic\. /);
  });

  it("must be a map of name to { text }", async () => {
    const { store, arn } = await promptWith(textVariant("About {{topic}}.", ["topic"]));
    for (const promptVariables of ["topic=tides", null, [{ text: "tides" }], 7]) {
      const err = failure(() => resolvePromptForConverse(store, arn, { promptVariables }));
      expect(err).toMatchObject({ name: "ValidationException", status: 400 });
      expect(err.message).toMatch(/^promptVariables must be a map/);
    }
    for (const value of [null, {}, { text: 5 }, "tides"]) {
      const err = failure(() => resolvePromptForConverse(store, arn, { promptVariables: { topic: value } }));
      expect(err).toMatchObject({ name: "ValidationException", status: 400 });
      expect(err.message).toMatch(/^The value of prompt variable topic must be an object with a text member/);
    }
  });
});

describe("what a prompt request may not carry", () => {
  it("refuses the fields the prompt defines, naming each one", async () => {
    const { store, arn } = await promptWith(textVariant("Hi.", []));
    const err = failure(() => resolvePromptForConverse(store, arn, { inferenceConfig: { maxTokens: 5 }, system: [{ text: "x" }] }));
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    expect(err.message).toMatch(/^You can't set inferenceConfig, system in a request whose modelId is a prompt/);
  });

  it("takes a null field as absent, as AWS's JSON protocol does", async () => {
    const { store, arn } = await promptWith(textVariant("Hi.", []));
    const r = resolvePromptForConverse(store, arn, { inferenceConfig: null, system: null, toolConfig: null, additionalModelRequestFields: null });
    expect(r.messages).toEqual([{ role: "user", content: [{ text: "Hi." }] }]);
  });
});

describe("prompts Converse cannot run", () => {
  it("a variant without a model", async () => {
    const { store, arn } = await promptWith(textVariant("Hi.", [], { modelId: undefined }));
    const err = failure(() => resolvePromptForConverse(store, arn, {}));
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    expect(err.message).toContain("has no modelId");
  });

  it("a prompt without variants, or whose variant runs an agent", async () => {
    const store = new PromptStore();
    const empty = await store.create(REGION, { name: "empty" });
    const err = failure(() => resolvePromptForConverse(store, empty.arn, {}));
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    expect(err.message).toContain("has no variant to run");
    const agentArn = "arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT12345/ALIAS12345";
    const { store: s2, arn } = await promptWith(textVariant("Hi.", [], { modelId: undefined, genAiResource: { agent: { agentIdentifier: agentArn } } }));
    const agentErr = failure(() => resolvePromptForConverse(s2, arn, {}));
    expect(agentErr).toMatchObject({ name: "ValidationException", status: 400 });
    expect(agentErr.message).toContain("configured for an agent");
  });
});
