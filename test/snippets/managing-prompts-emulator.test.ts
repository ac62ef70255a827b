// Chapter 4's lessons against the emulator, field by field: what CreatePrompt stores, what
// readPromptSettings reads back (and which missing field it names), how versions, the audit, the
// clean-up, Converse with a prompt ARN and OptimizePrompt behave. The expected values come from
// AWS's API reference (shapes, ARN formats, version numbering) or were worked out by hand.
import {
  BedrockAgentClient,
  CreatePromptCommand,
  CreatePromptVersionCommand,
  DeletePromptCommand,
  GetPromptCommand,
  ListTagsForResourceCommand,
  UpdatePromptCommand,
  type CreatePromptCommandInput,
} from "@aws-sdk/client-bedrock-agent";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checks, forgetRegionListings, startGuide, type Guide, type SimulatedFault } from "bedrock-guide";
import { CHAPTER_TAG, chapterTags } from "../../snippets/04-managing-prompts/naming";
import { createChatPrompt, createTextPrompt } from "../../snippets/04-managing-prompts/create-prompts";
import { PromptFieldMissing, listAllPrompts, readPromptSettings } from "../../snippets/04-managing-prompts/read-prompts";
import { createVersion, diffVersions, editDraftText, listVersions } from "../../snippets/04-managing-prompts/versions";
import { runPrompt } from "../../snippets/04-managing-prompts/use-prompt";
import { optimizePrompt } from "../../snippets/04-managing-prompts/optimize-prompt";
import { auditPrompts } from "../../snippets/04-managing-prompts/audit";
import { cleanUpChapter } from "../../snippets/04-managing-prompts/clean-up";
import { compareVariants } from "../../snippets/04-managing-prompts/compare-variants";

const NOVA = "amazon.nova-2-lite-v1:0";
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
// A prompt ARN as the API reference spells it: arn:aws:bedrock:<region>:<account>:prompt/<10-char id>[:<version>].
const PROMPT_ARN = /^arn:aws:bedrock:us-east-1:\d{12}:prompt\/[0-9a-zA-Z]{10}$/;

let guide: Guide;
const agent = () => new BedrockAgentClient({});
const tags = chapterTags("ana", "docs");

beforeAll(async () => {
  guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "en", quiet: true });
});
afterAll(async () => {
  await guide.stop();
});
// Every test leaves the emulator empty: prompts it made carry the chapter's tag or are deleted by hand.
afterEach(async () => {
  await cleanUpChapter(CHAPTER_TAG);
  for (const p of await listAllPrompts()) await agent().send(new DeletePromptCommand({ promptIdentifier: p.id }));
});

/** A CreatePrompt request with one variant, for shapes the lesson's helpers do not make. */
const withVariant = (name: string, variant: Record<string, unknown>): CreatePromptCommandInput =>
  ({ name, tags, defaultVariant: "main", variants: [{ name: "main", ...variant }] }) as CreatePromptCommandInput;

describe("creating prompts", () => {
  it("a TEXT prompt: one variant, main, the default, with temperature only (no topP) and its tags", async () => {
    const created = await createTextPrompt({ name: "docs-text-en", description: "Summary", foundationModelId: NOVA, tags, text: "Summarise {{text}} in {{words}} words." });
    expect(created.arn).toMatch(PROMPT_ARN);
    expect(created.version).toBe("DRAFT");
    const stored = await agent().send(new GetPromptCommand({ promptIdentifier: created.id }));
    expect(stored).toMatchObject({ name: "docs-text-en", description: "Summary", defaultVariant: "main" });
    expect(stored.variants).toHaveLength(1);
    const [v] = stored.variants!;
    expect(v).toMatchObject({ name: "main", templateType: "TEXT", modelId: `us.${NOVA}` });
    expect(v.templateConfiguration?.text?.inputVariables).toEqual([{ name: "text" }, { name: "words" }]);
    expect(v.inferenceConfiguration?.text?.topP).toBeUndefined();
    expect(v.inferenceConfiguration?.text?.temperature).toBeTypeOf("number");
    expect((await agent().send(new ListTagsForResourceCommand({ resourceArn: created.arn }))).tags).toEqual(tags);
  });

  it("a CHAT prompt: the system prompt and one user message, the variables of both (system first), temperature only", async () => {
    const created = await createChatPrompt({ name: "docs-chat-en", description: "Support", foundationModelId: HAIKU, tags, system: "You support {{product}}.", userMessage: "{{question}} (from {{customer}})" });
    const stored = await agent().send(new GetPromptCommand({ promptIdentifier: created.arn }));
    expect(stored).toMatchObject({ name: "docs-chat-en", description: "Support", defaultVariant: "main" });
    const [v] = stored.variants!;
    expect(v).toMatchObject({ name: "main", templateType: "CHAT", modelId: `us.${HAIKU}` });
    expect(v.templateConfiguration?.text).toBeUndefined();
    expect(v.templateConfiguration?.chat).toEqual({
      system: [{ text: "You support {{product}}." }],
      messages: [{ role: "user", content: [{ text: "{{question}} (from {{customer}})" }] }],
      inputVariables: [{ name: "product" }, { name: "question" }, { name: "customer" }],
    });
    // Claude Haiku 4.5 refuses temperature and topP together.
    expect(v.inferenceConfiguration?.text?.topP).toBeUndefined();
    expect(v.inferenceConfiguration?.text?.temperature).toBeTypeOf("number");
    expect(v.inferenceConfiguration?.text?.maxTokens).toBeGreaterThan(0);
    expect((await agent().send(new ListTagsForResourceCommand({ resourceArn: created.arn }))).tags).toEqual(tags);
  });
});

describe("reading a prompt's settings", () => {
  it("gives every field of a TEXT draft, and of a version by number or by versioned ARN", async () => {
    const p = await agent().send(
      new CreatePromptCommand(withVariant("docs-settings-en", { templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hi {{who}}", inputVariables: [{ name: "who" }] } }, inferenceConfiguration: { text: { temperature: 0.4, maxTokens: 77 } } })),
    );
    expect(await readPromptSettings(p.id!)).toStrictEqual({
      name: "docs-settings-en",
      arn: p.arn,
      version: "DRAFT",
      modelId: "amazon.nova-micro-v1:0",
      templateType: "TEXT",
      text: "Hi {{who}}",
      system: undefined,
      variables: ["who"],
      maxTokens: 77,
      temperature: 0.4,
      topP: undefined,
    });
    await createVersion(p.id!, "first");
    await editDraftText(p.id!, () => "Bye {{who}}");
    // Version numbers start at 1; a version's ARN is the prompt's ARN plus ":<number>".
    const byNumber = await readPromptSettings(p.id!, "1");
    expect(byNumber).toMatchObject({ version: "1", arn: `${p.arn}:1`, text: "Hi {{who}}" });
    expect(await readPromptSettings(`${p.arn}:1`)).toEqual(byNumber);
    expect((await readPromptSettings(p.arn!)).text).toBe("Bye {{who}}");
  });

  it("joins a CHAT prompt's messages one per line and its system blocks, skipping cache points", async () => {
    const p = await agent().send(
      new CreatePromptCommand(
        withVariant("docs-chatread-en", {
          templateType: "CHAT",
          modelId: `us.${HAIKU}`,
          templateConfiguration: {
            chat: {
              // A cache point is a content block without text (ContentBlock is a union of text and cachePoint).
              system: [{ text: "You are {{role}}." }, { cachePoint: { type: "default" } }, { text: "Be brief." }],
              messages: [
                { role: "user", content: [{ text: "Hello, " }, { cachePoint: { type: "default" } }, { text: "{{name}} here." }] },
                { role: "assistant", content: [{ text: "Hi." }] },
                { role: "user", content: [{ text: "{{question}}" }] },
              ],
              inputVariables: [{ name: "role" }, { name: "name" }, { name: "question" }],
            },
          },
          inferenceConfiguration: { text: { topP: 0.9, maxTokens: 300 } },
        }),
      ),
    );
    // Worked out by hand: blocks of a message joined with nothing, messages and system blocks with a newline.
    expect(await readPromptSettings(p.id!)).toMatchObject({
      templateType: "CHAT",
      text: "Hello, {{name}} here.\nHi.\n{{question}}",
      system: "You are {{role}}.\n\nBe brief.",
      variables: ["role", "name", "question"],
      topP: 0.9,
      temperature: undefined,
      maxTokens: 300,
    });
  });

  it("reads a TEXT prompt without declared variables as having none, and skips unnamed ones", async () => {
    const bare = await agent().send(new CreatePromptCommand(withVariant("docs-novars-en", { templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hello" } }, inferenceConfiguration: { text: { maxTokens: 10 } } })));
    expect((await readPromptSettings(bare.id!)).variables).toEqual([]);
    // PromptInputVariable's name is optional in the service model.
    const unnamed = await agent().send(new CreatePromptCommand(withVariant("docs-unnamed-en", { templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hi {{x}}", inputVariables: [{}, { name: "x" }] } }, inferenceConfiguration: { text: { maxTokens: 10 } } })));
    expect((await readPromptSettings(unnamed.id!)).variables).toEqual(["x"]);
  });

  it("names the missing field, with the prompt's ARN, instead of failing later", async () => {
    const missing = async (input: CreatePromptCommandInput) => {
      const p = await agent().send(new CreatePromptCommand(input));
      const error = await readPromptSettings(p.id!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PromptFieldMissing);
      const e = error as PromptFieldMissing;
      expect(e.name).toBe("PromptFieldMissing");
      expect(e.prompt).toBe(p.arn);
      expect(e.message).toContain(`Prompt ${p.arn} has no ${e.field}.`);
      return e.field;
    };
    // CreatePrompt needs only a name: variants are optional.
    expect(await missing({ name: "docs-novariant-en", tags })).toBe("variants[0]");
    // modelId is optional too (a variant may run an agent through genAiResource instead).
    expect(await missing(withVariant("docs-nomodel-en", { templateType: "TEXT", templateConfiguration: { text: { text: "Hi" } }, inferenceConfiguration: { text: { maxTokens: 10 } } }))).toBe("variant main: modelId");
    expect(await missing(withVariant("docs-noinference-en", { templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hi" } }, inferenceConfiguration: { text: { temperature: 0.1 } } }))).toBe("variant main: inferenceConfiguration.text.maxTokens");
    // Messages is a list with no minimum length in the service model.
    expect(await missing(withVariant("docs-nomessages-en", { templateType: "CHAT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { chat: { messages: [] } }, inferenceConfiguration: { text: { maxTokens: 10 } } }))).toBe("variant main: templateConfiguration.chat.messages");
  });

  it("lists every prompt across pages (ListPrompts returns at most 10 per page)", async () => {
    const made = [];
    for (let i = 0; i < 11; i++) made.push((await agent().send(new CreatePromptCommand({ name: `docs-list${i}-en`, tags }))).id);
    expect((await listAllPrompts()).map((p) => p.id)).toEqual(made);
  });
});

describe("versions", () => {
  it("numbers versions from 1, keeps each description, and lists them beyond one page, DRAFT aside", async () => {
    const p = await createTextPrompt({ name: "docs-many-en", description: "d", foundationModelId: NOVA, tags, text: "Hi {{who}}" });
    const first = await createVersion(p.id!, "v-1");
    expect(first).toMatchObject({ version: "1", arn: `${p.arn}:1`, description: "v-1" });
    for (let i = 2; i <= 11; i++) await createVersion(p.id!, `v-${i}`);
    const versions = await listVersions(p.id!);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 1)));
    expect(versions.map((v) => v.description)).toEqual(Array.from({ length: 11 }, (_, i) => `v-${i + 1}`));
  });

  it("editing the draft keeps everything but the text: model, inference, cache point, name, description, default variant", async () => {
    const p = await agent().send(
      new CreatePromptCommand({
        ...withVariant("docs-keep-en", { templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hi {{a}}", cachePoint: { type: "default" }, inputVariables: [{ name: "a" }] } }, inferenceConfiguration: { text: { temperature: 0.6, maxTokens: 42, stopSequences: ["###"] } } }),
        description: "keep me",
      }),
    );
    const before = await agent().send(new GetPromptCommand({ promptIdentifier: p.id }));
    let seen = "";
    await editDraftText(p.id!, (text) => {
      seen = text;
      return "Bye {{b}} and {{a}}";
    });
    expect(seen).toBe("Hi {{a}}");
    const after = await agent().send(new GetPromptCommand({ promptIdentifier: p.id }));
    expect(after).toMatchObject({ name: "docs-keep-en", description: "keep me", defaultVariant: "main" });
    expect(after.variants).toEqual([
      {
        ...before.variants![0],
        templateConfiguration: { text: { text: "Bye {{b}} and {{a}}", cachePoint: { type: "default" }, inputVariables: [{ name: "b" }, { name: "a" }] } },
      },
    ]);
  });

  it("editing a prompt without variants calls nothing and leaves it without variants", async () => {
    const p = await agent().send(new CreatePromptCommand({ name: "docs-empty-en", description: "empty", tags }));
    let called = false;
    await editDraftText(p.id!, (t) => {
      called = true;
      return t;
    });
    expect(called).toBe(false);
    const after = await agent().send(new GetPromptCommand({ promptIdentifier: p.id }));
    expect(after.variants ?? []).toEqual([]);
    expect(after.description).toBe("empty");
  });

  it("refuses a CHAT prompt in English too", async () => {
    const chat = await createChatPrompt({ name: "docs-chatedit-en", description: "d", foundationModelId: HAIKU, tags, system: "S", userMessage: "U" });
    await expect(editDraftText(chat.id!, (t) => t)).rejects.toThrow("editDraftText only edits TEXT templates, and variant main of docs-chatedit-en is CHAT");
  });

  it("the diff of two CHAT versions shows the changed system prompt, temperature and description, in context", async () => {
    const request = withVariant("docs-chatdiff-en", {
      templateType: "CHAT",
      modelId: `us.${HAIKU}`,
      templateConfiguration: { chat: { system: [{ text: "You are {{role}}." }], messages: [{ role: "user", content: [{ text: "{{question}}" }] }], inputVariables: [{ name: "role" }, { name: "question" }] } },
      inferenceConfiguration: { text: { temperature: 0.3, maxTokens: 500 } },
    });
    const p = await agent().send(new CreatePromptCommand(request));
    await agent().send(new CreatePromptVersionCommand({ promptIdentifier: p.id, description: "first" }));
    const v = request.variants![0];
    await agent().send(
      new UpdatePromptCommand({
        promptIdentifier: p.id,
        name: request.name,
        defaultVariant: "main",
        variants: [{ ...v, templateConfiguration: { chat: { ...v.templateConfiguration!.chat!, system: [{ text: "You are {{role}}.\nBe brief." }] } }, inferenceConfiguration: { text: { temperature: 0.7, maxTokens: 500 } } }],
      }),
    );
    await agent().send(new CreatePromptVersionCommand({ promptIdentifier: p.id, description: "second" }));
    const diff = await diffVersions(p.id!, "1", "2");
    const lines = diff.split("\n");
    // jsdiff's unified format: "--- <name>\t<header>" and "+++ <name>\t<header>".
    expect(lines).toContain("--- version 1\tfirst");
    expect(lines).toContain("+++ version 2\tsecond");
    const changed = (sign: string) => lines.filter((l) => l.startsWith(sign) && !l.startsWith(sign.repeat(3)));
    expect(changed("-")).toEqual(["-description: first", "-temperature: 0.3"]);
    expect(changed("+")).toEqual(["+description: second", "+temperature: 0.7", "+  Be brief."]);
    // Unchanged lines around the changes, one per field, indented text under its label.
    for (const context of [" name: docs-chatdiff-en", " variant: main", ` model: us.${HAIKU}`, " maxTokens: 500", " system:", "   You are {{role}}.", " user:", "   {{question}}"])
      expect(lines, context).toContain(context);
  });

  it("compares the DRAFT with a version", async () => {
    const p = await createTextPrompt({ name: "docs-draftdiff-en", description: "d", foundationModelId: NOVA, tags, text: "One" });
    await createVersion(p.id!, "v1");
    await editDraftText(p.id!, () => "One\nTwo");
    const diff = await diffVersions(p.id!, "1", "DRAFT");
    expect(diff).toContain("+++ version DRAFT");
    expect(diff.split("\n").filter((l) => /^[+-](?![+-]{2})/.test(l))).toEqual(["-description: v1", "+description: d", "+  Two"]);
  });
});

describe("the diff of versions without optional fields", () => {
  it("shows an absent description or model as empty, and a cache point as an empty system line", async () => {
    // description, modelId and a system block's text are all optional in the service model.
    const p = await agent().send(
      new CreatePromptCommand(
        withVariant("docs-sparse-en", {
          templateType: "CHAT",
          templateConfiguration: { chat: { system: [{ cachePoint: { type: "default" } }], messages: [{ role: "user", content: [{ text: "Hi" }] }] } },
        }),
      ),
    );
    await agent().send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    const diff = await diffVersions(p.id!, "DRAFT", "1");
    const lines = diff.split("\n");
    // Nothing differs: only the two headers, each with an empty header after the tab (jsdiff's format).
    expect(lines).toContain("--- version DRAFT\t");
    expect(lines).toContain("+++ version 1\t");
    expect(lines.filter((l) => /^[-+ @]/.test(l) && !/^(---|\+\+\+) /.test(l))).toEqual([]);
    // Against a draft with a new name and message (the first and last lines, so the hunk spans every line in between), the unchanged lines show the empty fields.
    const edited = await agent().send(new GetPromptCommand({ promptIdentifier: p.id }));
    const v = edited.variants![0];
    await agent().send(new UpdatePromptCommand({ promptIdentifier: p.id, name: "docs-sparse2-en", defaultVariant: "main", variants: [{ ...v, templateConfiguration: { chat: { ...v.templateConfiguration!.chat!, messages: [{ role: "user", content: [{ text: "Hello" }] }] } } }] }));
    const changed = (await diffVersions(p.id!, "1", "DRAFT")).split("\n");
    for (const context of [" description: ", " model: ", " system:", "   "]) expect(changed, JSON.stringify(context)).toContain(context);
    expect(changed).toContain("-name: docs-sparse-en");
    expect(changed).toContain("-  Hi");
    expect(changed).toContain("+  Hello");
  });
});

describe("the audit", () => {
  it("checks every prompt across pages, and every version, skipping the DRAFT", async () => {
    // Ten well-named prompts with an owner fill the first page; the eleventh, on the second, breaks both rules.
    for (let i = 0; i < 10; i++) await agent().send(new CreatePromptCommand({ name: `docs-ok${i}-en`, tags }));
    const late = await agent().send(new CreatePromptCommand({ name: "Late_Prompt", tags: { team: "docs" } }));
    await agent().send(new CreatePromptVersionCommand({ promptIdentifier: late.id, description: "described" }));
    await agent().send(new CreatePromptVersionCommand({ promptIdentifier: late.id }));
    expect(await auditPrompts(/^docs-/, agent(), "en")).toEqual([
      { prompt: "Late_Prompt", version: "—", problem: "name breaks the naming rule" },
      { prompt: "Late_Prompt", version: "—", problem: "no owner tag" },
      { prompt: "Late_Prompt", version: "2", problem: "version without a description" },
    ]);
    await agent().send(new DeletePromptCommand({ promptIdentifier: late.id }));
    expect(await auditPrompts(/^docs-/, agent())).toEqual([]);
  });
});

describe("the clean-up", () => {
  it("deletes only the prompts whose chapter tag has the chapter's value", async () => {
    const ours = await agent().send(new CreatePromptCommand({ name: "docs-ours-en", tags }));
    const other = await agent().send(new CreatePromptCommand({ name: "docs-other-en", tags: { [CHAPTER_TAG.key]: "02-designing-prompts" } }));
    const untagged = await agent().send(new CreatePromptCommand({ name: "docs-untagged-en" }));
    expect(await cleanUpChapter(CHAPTER_TAG)).toEqual({ deleted: ["docs-ours-en"] });
    expect((await listAllPrompts()).map((p) => p.id)).toEqual([other.id, untagged.id]);
    await expect(agent().send(new GetPromptCommand({ promptIdentifier: ours.id }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("treats a prompt someone else deleted meanwhile as done, and goes on", async () => {
    await agent().send(new CreatePromptCommand({ name: "docs-raced-en", tags }));
    await agent().send(new CreatePromptCommand({ name: "docs-next-en", tags }));
    // A client whose DeletePrompt finds the prompt already gone: another run deleted it first.
    const racing = agent();
    const send = racing.send.bind(racing) as (command: unknown) => Promise<unknown>;
    racing.send = (async (command: unknown) => {
      if (command instanceof DeletePromptCommand) await send(new DeletePromptCommand(command.input));
      return send(command);
    }) as typeof racing.send;
    // Neither was deleted by this run's own call, so neither is reported; both are gone.
    expect(await cleanUpChapter(CHAPTER_TAG, racing)).toEqual({ deleted: [] });
    expect(await listAllPrompts()).toEqual([]);
  });

  it("stops on any other error, such as a missing permission", async () => {
    await agent().send(new CreatePromptCommand({ name: "docs-denied-en", tags }));
    guide.simulate({ fault: "access-denied", operation: "DeletePrompt", times: 1 } as SimulatedFault);
    await expect(cleanUpChapter(CHAPTER_TAG)).rejects.toMatchObject({ name: "AccessDeniedException" });
    expect((await listAllPrompts()).map((p) => p.name)).toEqual(["docs-denied-en"]);
  });
});

describe("running a prompt version", () => {
  it("answers with the text, why it stopped and the tokens used", async () => {
    const p = await createTextPrompt({ name: "docs-run-en", description: "d", foundationModelId: NOVA, tags, text: "Summarise in {{words}} words: {{text}}" });
    const v = await createVersion(p.id!, "first");
    const reply = await runPrompt(v.arn!, { words: "10", text: "Prompt Management stores prompts with versions." });
    expect(reply.text.length).toBeGreaterThan(0);
    // Converse's StopReason enum; a short answer ends its turn.
    expect(reply.stopReason).toBe("end_turn");
    // TokenUsage: totalTokens is inputTokens + outputTokens.
    expect(reply.usage!.inputTokens).toBeGreaterThan(0);
    expect(reply.usage!.totalTokens).toBe(reply.usage!.inputTokens! + reply.usage!.outputTokens!);
  });
});

describe("optimizing a prompt", () => {
  it("returns the analysis and the rewrite exactly as the events streamed them", async () => {
    const seen: Record<string, string> = { analysis: "", optimized: "" };
    const result = await optimizePrompt("Summarise {{text}} in {{words}} words.", "amazon.nova-lite-v1:0", (kind, text) => {
      seen[kind] += text;
    });
    expect(result.analysis.length).toBeGreaterThan(0);
    expect(result.analysis).toBe(seen.analysis);
    expect(result.optimized).toBe(seen.optimized);
    expect(result.lostVariables).toEqual([]);
    // Without a callback it returns the same kind of result.
    expect((await optimizePrompt("Summarise {{text}}.", "amazon.nova-lite-v1:0")).optimized).toContain("{{text}}");
  });
});

describe("comparing variants", () => {
  it("sends each variant's own filled text, temperature and maxTokens", async () => {
    // The emulator's synthetic reply echoes the last user message and the inference parameters it received.
    const template = "Explain {{topic}} briefly.";
    const comparison = await compareVariants(
      [
        { name: "cool", foundationModelId: NOVA, template, temperature: 0.2, maxTokens: 400 },
        { name: "warm", foundationModelId: NOVA, template: `${template} Use an example.`, temperature: 0.7, maxTokens: 300 },
      ],
      [{ input: { topic: "inference profiles" }, checks: [checks.maxWords(1000)] }],
    );
    const answer = Object.fromEntries(comparison.runs.map((r) => [r.variant, r.answer]));
    expect(answer.cool).toContain('Last user message: "Explain inference profiles briefly."');
    expect(answer.cool).toContain("maxTokens=400, temperature=0.2,");
    expect(answer.warm).toContain('Last user message: "Explain inference profiles briefly. Use an example."');
    expect(answer.warm).toContain("maxTokens=300, temperature=0.7,");
  });

  it("stops on an error that is not 'this model cannot be called here'", async () => {
    forgetRegionListings();
    guide.simulate({ fault: "access-denied", operation: "ListInferenceProfiles", times: 1 } as SimulatedFault);
    await expect(
      compareVariants([{ name: "nova", foundationModelId: NOVA, template: "{{x}}", temperature: 0.2, maxTokens: 50 }], [{ input: { x: "hola" }, checks: [checks.maxWords(50)] }]),
    ).rejects.toMatchObject({ name: "AccessDeniedException" });
    forgetRegionListings();
  });
});
