import { BedrockAgentClient, CreatePromptCommand, DeletePromptCommand, GetPromptCommand, ListPromptsCommand, ListTagsForResourceCommand, TagResourceCommand } from "@aws-sdk/client-bedrock-agent";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDK_SYNTHESIS, PROMPT_AS_CODE, SUMMARY } from "./prompt-as-code-case";
import { checks, forgetRegionListings, modelIdFor, optimizationTargets, startGuide, type Guide } from "bedrock-guide";
import facts from "../../data/prompt-management.json";
import catalog from "../../data/catalog.json";
import { AWS_PROMPT_NAME, CHAPTER_TAG, PROMPT_NAME_RULE, chapterTags, namingProblems, promptName } from "../../snippets/04-managing-prompts/naming";
import { createChatPrompt, createTextPrompt } from "../../snippets/04-managing-prompts/create-prompts";
import { PromptFieldMissing, listAllPrompts, readPromptSettings } from "../../snippets/04-managing-prompts/read-prompts";
import { createVersion, diffVersions, editDraftText, listVersions } from "../../snippets/04-managing-prompts/versions";
import { FIELDS_THE_PROMPT_DEFINES, runPrompt, streamPrompt } from "../../snippets/04-managing-prompts/use-prompt";
import { keepReaderLanguage, optimizationPlan, optimizePrompt } from "../../snippets/04-managing-prompts/optimize-prompt";
import { toCloudFormation, toCreatePromptRequest } from "../../snippets/04-managing-prompts/prompt-as-code";
import { auditPrompts, findingsReport, modelResourcesFor, teamPromptPolicy } from "../../snippets/04-managing-prompts/audit";
import { cleanUpChapter } from "../../snippets/04-managing-prompts/clean-up";
import { compareVariants, fillTemplate, keepWinner, pickWinner, type VariantDraft } from "../../snippets/04-managing-prompts/compare-variants";
import type { ComparisonRun, PromptComparison } from "bedrock-guide";
import { promptManagementAdvice } from "../../packages/bedrock-guide/advice/prompt-management";
import { MAX_TEMPLATE_VARIABLES, TEMPLATE_VARIABLE_NAME, TemplateVariableError, templateVariables } from "bedrock-guide";
import constraints from "../../packages/emulator/src/generated/constraints.json";

/** The notebook's core flow: create, version, run, clean up. Returns what a reader would look at. */
async function chapterFlow() {
  const names = { summary: promptName({ team: "docs", purpose: "summary", lang: "es" }), support: promptName({ team: "docs", purpose: "support_reply", lang: "es" }) };
  const tags = chapterTags("ana", "docs");
  const text = await createTextPrompt({ name: names.summary, description: "Resumen corto", foundationModelId: "amazon.nova-2-lite-v1:0", tags, text: SUMMARY });
  const chat = await createChatPrompt({
    name: names.support,
    description: "Respuesta de soporte",
    foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
    tags,
    system: "Eres el equipo de soporte de {{producto}}. Responde con amabilidad.",
    userMessage: "{{pregunta}}",
  });
  const v1 = await createVersion(text.id!, "Primera versión: resumen en N palabras");
  await editDraftText(text.id!, (t) => `${t}\nUsa viñetas.`);
  const v2 = await createVersion(text.id!, "Pide viñetas");
  const answer = await runPrompt(v1.arn!, { palabras: "20", texto: "Bedrock ofrece modelos de muchos proveedores." });
  const cleanup = await cleanUpChapter(CHAPTER_TAG);
  return { names, text, chat, v1, v2, answer, cleanup };
}

/**
 * A deliberately small evaluator for the operators teamPromptPolicy uses, so its test can state cases
 * as allow/deny. It is NOT IAM. It handles one identity policy: exact action names; Resource "*", an
 * exact ARN or one ending in "*", alone or in a list (any one matching); and the condition operators StringEquals, StringNotEquals,
 * StringEqualsIfExists and ForAnyValue:StringEquals over aws:ResourceTag/<key>, aws:RequestTag/<key> and
 * aws:TagKeys. It follows AWS's policy evaluation logic and condition-operator docs: an explicit Deny
 * wins, then any Allow, else the implicit deny; every operator and key in a statement must hold; a key
 * matches if it equals any listed value; a missing key makes StringEquals and ForAnyValue false and
 * StringNotEquals and ...IfExists true. It throws on anything else (wildcard actions, NotAction, other
 * operators, policy variables), and ignores SCPs, permission boundaries, session and resource policies.
 * The expected outcomes in the table were worked out by hand from those docs, not from this code.
 */
interface RequestContext {
  action: string;
  resource: string;
  resourceTags?: Record<string, string>;
  requestTags?: Record<string, string>;
  /** aws:TagKeys for UntagResource; otherwise the keys of requestTags. */
  tagKeys?: string[];
}
type PolicyStatement = { Effect: string; Action: string[]; Resource: string | string[]; Condition?: Record<string, Record<string, string | string[] | undefined> | undefined> };

function evaluate(policy: { Statement: PolicyStatement[] }, request: RequestContext): "allow" | "deny" {
  const contextValues = (key: string): string[] | undefined => {
    if (key === "aws:TagKeys") return request.tagKeys ?? (request.requestTags ? Object.keys(request.requestTags) : undefined);
    const [, kind, tag] = /^aws:(ResourceTag|RequestTag)\/(.+)$/.exec(key) ?? [];
    if (!kind) throw new Error(`evaluator: unsupported condition key ${key}`);
    const value = (kind === "ResourceTag" ? request.resourceTags : request.requestTags)?.[tag];
    return value === undefined ? undefined : [value];
  };
  const holds = (operator: string, key: string, wanted: string[]): boolean => {
    const actual = contextValues(key);
    const equal = actual?.some((v) => wanted.includes(v)) ?? false;
    switch (operator) {
      case "StringEquals":
        return actual !== undefined && equal;
      case "StringNotEquals":
        return actual === undefined || !equal;
      case "StringEqualsIfExists":
        return actual === undefined || equal;
      case "ForAnyValue:StringEquals":
        return actual !== undefined && equal;
      default:
        throw new Error(`evaluator: unsupported operator ${operator}`);
    }
  };
  const applies = (s: PolicyStatement) =>
    s.Action.some((a) => {
      if (a.includes("*")) throw new Error(`evaluator: wildcard action ${a}`);
      return a === request.action;
    }) &&
    [s.Resource].flat().some((r) => r === "*" || r === request.resource || (r.endsWith("*") && request.resource.startsWith(r.slice(0, -1)))) &&
    Object.entries(s.Condition ?? {}).every(([operator, keys]) =>
      Object.entries(keys ?? {}).every(([key, v]) => v === undefined || holds(operator, key, Array.isArray(v) ? v : [v])),
    );
  const matching = policy.Statement.filter(applies);
  if (matching.some((s) => s.Effect === "Deny")) return "deny";
  return matching.some((s) => s.Effect === "Allow") ? "allow" : "deny";
}

let guide: Guide;
beforeAll(async () => {
  guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "es", quiet: true });
});
afterAll(async () => {
  await guide.stop();
});

describe("naming rule and tags", () => {
  it("accepts team-purpose-lang names and refuses the rest with the reason", () => {
    expect(promptName({ team: "docs", purpose: "summary_short", lang: "en" })).toBe("docs-summary_short-en");
    expect(namingProblems("Prompt1")).toHaveLength(1); // AWS takes it, the convention does not
    expect(namingProblems("docs--summary-es")).toHaveLength(2); // two separators in a row: AWS refuses it too
    // The session here is in Spanish, so the reasons are too.
    expect(() => promptName({ team: "docs", purpose: "my summary", lang: "es" })).toThrow(/^"docs-my summary-es" no vale como nombre de prompt: AWS lo rechaza/);
    // Every name the convention accepts is one AWS accepts (hand-picked edge cases).
    for (const name of ["a-b-es", "team9-x_y_z-en", `${"a".repeat(40)}-${"b".repeat(40)}-es`]) {
      expect(PROMPT_NAME_RULE.test(name) && AWS_PROMPT_NAME.test(name), name).toBe(true);
    }
    expect(chapterTags("ana", "docs")).toEqual({ "guide-chapter": "04-managing-prompts", owner: "ana", team: "docs" });
  });
});

describe("template variables", () => {
  it("follows AWS's PromptInputVariableName rule and its limit of 20 (hand-checked cases)", () => {
    // The rule and the limit as AWS's bedrock-agent service model states them.
    const shapes = constraints.shapes as Record<string, { pattern?: string; max?: number }>;
    expect(`^${shapes["botocore:bedrockagent#PromptInputVariableName"].pattern}$`).toBe(TEMPLATE_VARIABLE_NAME.source);
    expect(shapes["botocore:bedrockagent#PromptInputVariablesList"].max).toBe(MAX_TEMPLATE_VARIABLES);

    expect(templateVariables("Sin variables.")).toEqual([]);
    expect(templateVariables("{{texto}} y {{palabras}}, otra vez {{texto}}")).toEqual(["texto", "palabras"]);
    // Hyphens and underscores are allowed, one at a time; digits may start a name.
    expect(templateVariables("{{fecha-limite}} {{max_words}} {{2do}} {{a-b_c}}")).toEqual(["fecha-limite", "max_words", "2do", "a-b_c"]);
    // Accents, spaces, two separators in a row, a leading separator and an empty name are refused.
    for (const bad of ["{{año}}", "{{ texto }}", "{{mi texto}}", "{{a--b}}", "{{_x}}", "{{}}", "{{resolve:ssm:x}}"]) {
      const error = (() => {
        try {
          templateVariables(`Hola ${bad} y {{ok}}`, "es");
        } catch (e) {
          return e;
        }
      })() as TemplateVariableError;
      expect(error, bad).toBeInstanceOf(TemplateVariableError);
      expect(error.problems).toEqual([`${bad} no es un nombre de variable válido`]);
      expect(error.message).toContain("reglas de AWS");
    }
    expect(() => templateVariables("{{año}}", "en")).toThrow("{{año}} is not a valid variable name");
    // 20 different variables pass; a 21st is one too many; repeating one does not count twice.
    const twenty = Array.from({ length: 20 }, (_, i) => `{{v${i + 1}}}`).join(" ");
    expect(templateVariables(twenty)).toHaveLength(20);
    expect(templateVariables(`${twenty} {{v1}} {{v20}}`)).toHaveLength(20);
    expect(() => templateVariables(`${twenty} {{v21}}`, "en")).toThrow("it uses 21 different variables and AWS accepts at most 20");
    expect(() => templateVariables(`${twenty} {{v21}}`, "es")).toThrow("usa 21 variables distintas y AWS admite 20 como máximo");
  });

  it("the lessons use that rule: a hyphenated variable is declared and filled, an accented one is refused before calling AWS", async () => {
    expect(toCreatePromptRequest({ name: "docs-x-en", description: "d", modelId: "m", text: "{{max-words}} {{text}}", temperature: 0, maxTokens: 1, tags: {} }).variants?.[0].templateConfiguration?.text?.inputVariables).toEqual([{ name: "max-words" }, { name: "text" }]);
    expect(fillTemplate("At most {{max-words}} words: {{text}}", { "max-words": "5", text: "x" })).toBe("At most 5 words: x");
    const refused = await createTextPrompt({ name: "docs-accent-es", description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags: {}, text: "Resume en {{año}}" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TemplateVariableError);
    expect(await listAllPrompts()).toEqual([]);
  });
});

describe("the chapter's flow", () => {
  it("runs twice in a row against one emulator and leaves no prompt behind", async () => {
    for (let run = 0; run < 2; run++) {
      const flow = await chapterFlow();
      expect(flow.v1.version).toBe("1");
      expect(flow.v2.version).toBe("2");
      expect(flow.answer.text.length).toBeGreaterThan(0);
      expect(flow.cleanup.deleted.sort()).toEqual(Object.values(flow.names).sort());
    }
    const left = (await listAllPrompts()).map((p) => p.name);
    expect(left).not.toContain("docs-summary-es");
    expect(left).not.toContain("docs-support_reply-es");
    // A third clean-up finds nothing: safe to run again.
    expect((await cleanUpChapter(CHAPTER_TAG)).deleted).toEqual([]);
  });

  // Hand-checked against data/catalog.json's profiles: each region's own geography, jp. (not apac.) in Tokyo.
  it.each([
    ["eu-west-1", "eu."],
    ["eu-central-1", "eu."],
    ["ap-northeast-1", "jp."],
  ])("runs the whole flow from %s, storing the %s profiles that region can call", async (region, prefix) => {
    const here = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
    forgetRegionListings();
    try {
      const flow = await chapterFlow();
      expect(flow.text.variants?.[0].modelId).toBe(`${prefix}amazon.nova-2-lite-v1:0`);
      expect(flow.chat.variants?.[0].modelId).toBe(`${prefix}anthropic.claude-haiku-4-5-20251001-v1:0`);
      expect(flow.v1.arn).toMatch(new RegExp(`^arn:aws:bedrock:${region}:\\d{12}:prompt/\\w{10}:1$`));
      expect(flow.answer.text.length).toBeGreaterThan(0);
      expect(await listAllPrompts()).toEqual([]);
    } finally {
      await here.stop();
      forgetRegionListings();
      guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "es", quiet: true });
    }
  });
});

describe("reading prompts", () => {
  it("GetPrompt by ID and by ARN gives model, text, temperature and maxTokens, for TEXT and CHAT", async () => {
    const tags = chapterTags("ana", "docs");
    const text = await createTextPrompt({ name: "docs-read-es", description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags, text: SUMMARY });
    const chat = await createChatPrompt({ name: "docs-readchat-es", description: "d", foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0", tags, system: "Eres {{rol}}.", userMessage: "{{pregunta}}" });
    const byId = await readPromptSettings(text.id!);
    const byArn = await readPromptSettings(text.arn!);
    expect(byArn).toEqual(byId);
    expect(byId).toMatchObject({ modelId: "us.amazon.nova-2-lite-v1:0", templateType: "TEXT", text: SUMMARY, temperature: 0.2, maxTokens: 400, variables: ["palabras", "texto"] });
    expect(await readPromptSettings(chat.id!)).toMatchObject({ templateType: "CHAT", system: "Eres {{rol}}.", text: "{{pregunta}}", variables: ["rol", "pregunta"], topP: undefined });

    // A prompt saved without maxTokens: the error names the field instead of a KeyError.
    const bare = await new BedrockAgentClient({}).send(
      new CreatePromptCommand({ name: "docs-bare-es", tags, variants: [{ name: "main", templateType: "TEXT", modelId: "amazon.nova-micro-v1:0", templateConfiguration: { text: { text: "Hola" } } }] }),
    );
    const error = await readPromptSettings(bare.id!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptFieldMissing);
    expect((error as Error).message).toContain("inferenceConfiguration.text.maxTokens");

    // ListPrompts pages 10 at a time; the paginator gathers every page.
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => createTextPrompt({ name: `docs-page${i}-es`, description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags, text: "Hola {{x}}" })));
    const all = await listAllPrompts();
    expect(all.length).toBe(15);
    expect(new Set(all.map((p) => p.id))).toEqual(new Set([text.id, chat.id, bare.id, ...many.map((m) => m.id)]));
    await cleanUpChapter(CHAPTER_TAG);
    expect(await listAllPrompts()).toEqual([]);
  });
});

describe("versions", () => {
  it("a version keeps its description and its text while the DRAFT changes; the diff shows the change", async () => {
    const p = await createTextPrompt({ name: "docs-versions-es", description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags: chapterTags("ana", "docs"), text: SUMMARY });
    await createVersion(p.id!, "Primera");
    await editDraftText(p.id!, (t) => `${t}\nUsa viñetas.`);
    const v1 = await new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: p.id, promptVersion: "1" }));
    expect(v1.description).toBe("Primera");
    expect(v1.variants?.[0].templateConfiguration?.text?.text).toBe(SUMMARY);
    expect((await readPromptSettings(p.id!)).text).toBe(`${SUMMARY}\nUsa viñetas.`);
    await createVersion(p.id!, "Viñetas");
    expect((await listVersions(p.id!)).map((v) => [v.version, v.description])).toEqual([["1", "Primera"], ["2", "Viñetas"]]);
    // The headers name the versions in the reader's language.
    expect(await diffVersions(p.id!, "1", "2", "en")).toContain("--- version 1");
    const diff = await diffVersions(p.id!, "1", "2", "es");
    expect(diff).toContain("--- versión 1");
    expect(diff).toContain("+++ versión 2");
    // The emulator's GetPrompt on a version answers with the version's description (AWS does not document it:
    // data/prompt-management.json, unsourcedBehaviour), so the diff shows it too.
    expect(diff.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++"))).toEqual(["+description: Viñetas", "+  Usa viñetas."]);
    await cleanUpChapter(CHAPTER_TAG);
  });
});

describe("editing the draft", () => {
  it("keeps the customer encryption key and declares the new text's variables", async () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const agent = new BedrockAgentClient({});
    const p = await agent.send(
      new CreatePromptCommand({ ...toCreatePromptRequest({ name: "docs-kms-es", description: "d", modelId: "us.amazon.nova-2-lite-v1:0", text: SUMMARY, temperature: 0.2, maxTokens: 100, tags: chapterTags("ana", "docs") }), customerEncryptionKeyArn: key }),
    );
    await editDraftText(p.id!, (t) => `${t}\nEn {{idioma}}.`);
    const draft = await agent.send(new GetPromptCommand({ promptIdentifier: p.id }));
    expect(draft.customerEncryptionKeyArn).toBe(key);
    expect(draft.description).toBe("d");
    expect(draft.variants?.[0].templateConfiguration?.text?.inputVariables).toEqual([{ name: "palabras" }, { name: "texto" }, { name: "idioma" }]);
    await cleanUpChapter(CHAPTER_TAG);
  });

  it("refuses a CHAT prompt with a clear error instead of saving an unchanged draft", async () => {
    const chat = await createChatPrompt({ name: "docs-editchat-es", description: "d", foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0", tags: chapterTags("ana", "docs"), system: "Eres {{rol}}.", userMessage: "{{pregunta}}" });
    const before = await new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: chat.id }));
    let called = false;
    await expect(
      editDraftText(chat.id!, (t) => {
        called = true;
        return `${t} Sé breve.`;
      }),
    ).rejects.toThrow(/solo edita plantillas TEXT.*es CHAT/);
    expect(called).toBe(false);
    const after = await new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: chat.id }));
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.variants).toEqual(before.variants);
    await cleanUpChapter(CHAPTER_TAG);
  });
});

describe("using a prompt", () => {
  it("Converse and ConverseStream run a version with its variables; AWS refuses the fields the prompt defines", async () => {
    const p = await createTextPrompt({ name: "docs-use-es", description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags: chapterTags("ana", "docs"), text: SUMMARY });
    const v = await createVersion(p.id!, "Primera");
    const values = { palabras: "15", texto: "Prompt Management guarda prompts con versiones." };
    const whole = await runPrompt(v.arn!, values);
    const pieces: string[] = [];
    const streamed = await streamPrompt(v.arn!, values, (t) => pieces.push(t));
    expect(streamed).toBe(whole.text);
    expect(pieces.length).toBeGreaterThan(1);
    // The lesson's list is the data file's (the Converse API reference), and the emulator refuses each field.
    expect([...FIELDS_THE_PROMPT_DEFINES]).toEqual(facts.fieldsThePromptDefines.fields);
    const { BedrockRuntimeClient, ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
    // A well-formed value for each field, so only "the prompt defines it" can refuse the request.
    const wellFormed: Record<string, object> = {
      additionalModelRequestFields: { top_k: 5 },
      inferenceConfig: { maxTokens: 10 },
      system: [{ text: "Eres breve." }],
      toolConfig: { tools: [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }] },
    };
    expect(Object.keys(wellFormed).sort()).toEqual([...FIELDS_THE_PROMPT_DEFINES].sort());
    for (const field of FIELDS_THE_PROMPT_DEFINES) {
      const request = { modelId: v.arn, promptVariables: { palabras: { text: "5" }, texto: { text: "x" } }, [field]: wellFormed[field] };
      const refused = await new BedrockRuntimeClient({}).send(new ConverseCommand(request)).catch((e: Error) => e);
      expect((refused as Error).name, field).toBe("ValidationException");
      expect((refused as Error).message, field).toContain(field);
      // The same value is accepted with a plain model ID: the prompt is the reason.
      const { promptVariables: _, ...plain } = { ...request, modelId: "amazon.nova-micro-v1:0", messages: [{ role: "user" as const, content: [{ text: "Hola" }] }] };
      await expect(new BedrockRuntimeClient({}).send(new ConverseCommand(plain)), field).resolves.toBeDefined();
    }
    // What the emulator does without a value; AWS does not document it (data/prompt-management.json, unsourcedBehaviour).
    const missing = await runPrompt(v.arn!, { palabras: "5" }).catch((e: Error) => e);
    expect((missing as Error).message).toContain("Missing values for prompt variables: texto");
    await cleanUpChapter(CHAPTER_TAG);
  });
});

describe("optimizing a prompt", () => {
  it("streams the analysis, then a rewrite that keeps every variable; non-targets fail clearly", async () => {
    const events: string[] = [];
    const result = await optimizePrompt(SUMMARY, "amazon.nova-lite-v1:0", (kind) => events.push(kind));
    expect(events).toEqual(["analysis", "optimized"]);
    expect(result.lostVariables).toEqual([]);
    expect(result.optimized).toContain("{{palabras}}");
    const kept = await keepReaderLanguage(result.optimized, "es");
    expect(kept.rewrittenIn).toBe("same");
    // An English rewrite of a Spanish prompt gets the instruction to answer in Spanish.
    const english = "You are a careful assistant. Summarize the following text in at most {{palabras}} words, keeping the key facts and the names.";
    const fixed = await keepReaderLanguage(english, "es");
    expect(fixed).toMatchObject({ rewrittenIn: "other" });
    expect(fixed.prompt.endsWith("Responde siempre en español.")).toBe(true);
    // Haiku 4.5 is not on AWS's list: AWS refuses it, and the advice names current targets.
    const refused = (await optimizePrompt(SUMMARY, "anthropic.claude-haiku-4-5-20251001-v1:0").catch((e: unknown) => e)) as Error;
    expect(refused.name).toBe("ValidationException");
    expect(refused.message).toContain("amazon.nova-pro-v1:0");
    expect(refused.message).not.toContain("anthropic.claude-3-haiku-20240307-v1:0");
  });
});

describe("optimizing by region", () => {
  // AWS's page lists ten regions (checked 2026-12-01); Ohio, Tokyo and Spain are not among them.
  it("explains, in the reader's language, instead of calling where AWS does not offer OptimizePrompt", () => {
    for (const region of ["us-east-2", "ap-northeast-1", "eu-south-2"]) {
      const plan = optimizationPlan(region, "amazon.nova-lite-v1:0", "es");
      expect(plan).toHaveProperty("unavailable");
      expect((plan as { unavailable: string }).unavailable).toContain(`AWS no ofrece la optimización de prompts en ${region}`);
    }
    expect((optimizationPlan("ap-northeast-1", "amazon.nova-lite-v1:0", "en") as { unavailable: string }).unavailable).toMatch(/^AWS does not offer prompt optimisation in ap-northeast-1, only in us-east-1, /);
    expect(optimizationPlan("us-east-1", "amazon.nova-lite-v1:0", "en")).toEqual({ target: "amazon.nova-lite-v1:0" });
    expect(optimizationPlan("eu-west-3", "amazon.nova-lite-v1:0", "en")).toEqual({ target: "amazon.nova-lite-v1:0" });
    // São Paulo offers optimisation, but data/catalog.json does not list Nova Lite there: another target it lists.
    const listedIn = (id: string) => catalog.models.find((m) => m.modelId === id)?.regions ?? [];
    expect(listedIn("amazon.nova-lite-v1:0")).not.toContain("sa-east-1");
    const saoPaulo = optimizationPlan("sa-east-1", "amazon.nova-lite-v1:0", "en") as { target: string };
    expect(optimizationTargets().models).toContain(saoPaulo.target);
    expect(listedIn(saoPaulo.target)).toContain("sa-east-1");
  });

  it("the advice names only active targets that the reader's region lists", () => {
    const error = Object.assign(new Error("The provided model identifier is invalid."), { name: "ValidationException" });
    const everywhere = promptManagementAdvice(error, "OptimizePromptCommand", "en")!.explanation;
    const frankfurt = promptManagementAdvice(error, "OptimizePromptCommand", "en", "eu-central-1")!.explanation;
    const named = (text: string) => optimizationTargets().models.filter((m) => text.includes(m));
    expect(named(frankfurt).length).toBeGreaterThan(0);
    for (const model of named(frankfurt)) expect(catalog.models.find((m) => m.modelId === model)?.regions, model).toContain("eu-central-1");
    // DeepSeek-R1 is a target, but data/catalog.json lists it only in US regions.
    expect(named(everywhere)).toContain("deepseek.r1-v1:0");
    expect(named(frankfurt)).not.toContain("deepseek.r1-v1:0");
    // In a region without OptimizePrompt the advice says so.
    expect(promptManagementAdvice(error, "OptimizePrompt", "es", "ap-northeast-1")!.explanation).toContain("AWS no ofrece la optimización en ap-northeast-1");
  });

  it("the chapter's flow runs from Tokyo, where optimisation is not offered", async () => {
    const tokyo = await startGuide({ mode: "offline", region: "ap-northeast-1", lang: "en", quiet: true });
    forgetRegionListings();
    try {
      const flow = await chapterFlow();
      expect(flow.v2.version).toBe("2");
      expect(flow.answer.text.length).toBeGreaterThan(0);
      expect(optimizationPlan(tokyo.region, "amazon.nova-lite-v1:0", "en")).toHaveProperty("unavailable");
      expect(await listAllPrompts()).toEqual([]);
    } finally {
      await tokyo.stop();
      forgetRegionListings();
      guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "es", quiet: true });
    }
  });
});

describe("prompt as code", () => {
  it("the template equals what the AWS CDK synthesises for CfnPrompt, and the API accepts the same request", async () => {
    const request = toCreatePromptRequest(PROMPT_AS_CODE);
    // The CDK's synthesis, committed (test/slow/cdk-prompt.test.ts checks it against aws-cdk-lib).
    const synthesised = JSON.parse(readFileSync(CDK_SYNTHESIS, "utf8")) as { Resources: unknown };
    expect(toCloudFormation(PROMPT_AS_CODE).Resources).toEqual(synthesised.Resources);
    const created = await new BedrockAgentClient({}).send(new CreatePromptCommand(request));
    expect(created.variants?.[0].templateConfiguration?.text?.inputVariables).toEqual([{ name: "palabras" }, { name: "texto" }]);
    await cleanUpChapter(CHAPTER_TAG);
  });
});

describe("good practices", () => {
  it("the audit reports bad names, versions without a description and prompts without an owner, in the reader's language", async () => {
    const agent = new BedrockAgentClient({});
    const good = await agent.send(new CreatePromptCommand({ name: "docs-good-es", tags: { owner: "ana" } }));
    const bad = await agent.send(new CreatePromptCommand({ name: "MyPrompt1" }));
    await createVersion(good.id!, "Con descripción");
    await agent.send(new (await import("@aws-sdk/client-bedrock-agent")).CreatePromptVersionCommand({ promptIdentifier: bad.id }));
    // The session is in Spanish.
    const findings = await auditPrompts(PROMPT_NAME_RULE, agent);
    expect(findings).toEqual([
      { prompt: "MyPrompt1", version: "—", problem: "el nombre no sigue la regla de nombres" },
      { prompt: "MyPrompt1", version: "—", problem: "no tiene etiqueta owner" },
      { prompt: "MyPrompt1", version: "1", problem: "versión sin descripción" },
    ]);
    expect((await auditPrompts(PROMPT_NAME_RULE, agent, "en")).map((f) => f.problem)).toEqual(["name breaks the naming rule", "no owner tag", "version without a description"]);
    // Found by tag, never by name: only the prompt that carries the chapter's tag goes.
    await agent.send(new TagResourceCommand({ resourceArn: good.arn, tags: chapterTags("ana", "docs") }));
    expect(await cleanUpChapter(CHAPTER_TAG, agent)).toEqual({ deleted: ["docs-good-es"] });
    expect((await agent.send(new ListPromptsCommand({}))).promptSummaries?.map((p) => p.name)).toEqual(["MyPrompt1"]);
    await agent.send(new DeletePromptCommand({ promptIdentifier: bad.id }));
  });

  it("the chapter's hurried prompt gives the audit three findings, and the clean-up removes it, twice in a row", async () => {
    const { CreatePromptVersionCommand } = await import("@aws-sdk/client-bedrock-agent");
    const agent = new BedrockAgentClient({});
    for (let run = 0; run < 2; run++) {
      // As the audit cell makes it: the article's name, the chapter's and the team's tags, no owner, a version without a description.
      const hurried = await agent.send(new CreatePromptCommand({ name: "SummarizeArticlePrompt", tags: { [CHAPTER_TAG.key]: CHAPTER_TAG.value, team: "docs" } }));
      await agent.send(new CreatePromptVersionCommand({ promptIdentifier: hurried.id }));
      expect((await auditPrompts(PROMPT_NAME_RULE, agent)).map((f) => [f.prompt, f.version])).toEqual([
        ["SummarizeArticlePrompt", "—"],
        ["SummarizeArticlePrompt", "—"],
        ["SummarizeArticlePrompt", "1"],
      ]);
      expect(await cleanUpChapter(CHAPTER_TAG, agent)).toEqual({ deleted: ["SummarizeArticlePrompt"] });
      expect(await cleanUpChapter(CHAPTER_TAG, agent)).toEqual({ deleted: [] });
      expect(await auditPrompts(PROMPT_NAME_RULE, agent)).toEqual([]);
    }
  });

  it("findingsReport says 'no findings' in the reader's language instead of an empty table, and labels a real one", () => {
    expect(findingsReport([], "es")).toBe("Sin hallazgos: todos los prompts siguen la regla de nombres, tienen etiqueta owner y sus versiones llevan descripción.");
    expect(findingsReport([], "en")).toBe("No findings: every prompt follows the naming rule, has an owner tag, and its versions have a description.");
    // A Markdown table: header in the reader's language, the separator, one row per finding (a | inside a cell escaped).
    expect(findingsReport([{ prompt: "MyPrompt1", version: "1", problem: "versión sin descripción" }, { prompt: "a|b", version: "—", problem: "x" }], "es").split("\n")).toEqual([
      "| prompt | versión | problema |",
      "| --- | --- | --- |",
      "| MyPrompt1 | 1 | versión sin descripción |",
      "| a\\|b | — | x |",
    ]);
    expect(findingsReport([{ prompt: "p", version: "—", problem: "no owner tag" }], "en").split("\n")[0]).toBe("| prompt | version | problem |");
  });

  it("the team policy: documented actions, and hand-checked allow/deny cases", async () => {
    // The chapter's prompts call Nova 2 Lite and Claude Haiku 4.5 through what us-east-1 offers.
    const models = await modelResourcesFor([await modelIdFor("amazon.nova-2-lite-v1:0"), await modelIdFor("anthropic.claude-haiku-4-5-20251001-v1:0")]);
    const policy = teamPromptPolicy("docs", "us-east-1", "123456789012", models);
    for (const action of policy.Statement.flatMap((s) => s.Action)) expect(facts.iamActions.actions, action).toContain(action);
    const ours = "arn:aws:bedrock:us-east-1:123456789012:prompt/DOCS000001";
    const theirs = "arn:aws:bedrock:us-east-1:123456789012:prompt/ADS0000001";
    const untagged = "arn:aws:bedrock:us-east-1:123456789012:prompt/NOTAG00001";
    const tags: Record<string, Record<string, string>> = { [ours]: { team: "docs", owner: "ana" }, [`${ours}:2`]: { team: "docs" }, [theirs]: { team: "ads" }, [`${theirs}:1`]: { team: "ads" }, [untagged]: {} };
    // ARNs from data/catalog.json: the us. Haiku 4.5 profile routes to us-east-1, us-east-2 and us-west-2.
    const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
    const usHaiku = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0";
    const usNova = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-2-lite-v1:0";
    const cases: [string, RequestContext, "allow" | "deny"][] = [
      ["update own prompt", { action: "bedrock:UpdatePrompt", resource: ours }, "allow"],
      ["update another team's prompt", { action: "bedrock:UpdatePrompt", resource: theirs }, "deny"],
      ["read own prompt", { action: "bedrock:GetPrompt", resource: ours }, "allow"],
      ["delete another team's prompt", { action: "bedrock:DeletePrompt", resource: theirs }, "deny"],
      ["retag another team's prompt as ours", { action: "bedrock:TagResource", resource: theirs, requestTags: { team: "docs" } }, "deny"],
      ["claim an untagged prompt", { action: "bedrock:TagResource", resource: untagged, requestTags: { team: "docs" } }, "deny"],
      ["remove another team's team tag", { action: "bedrock:UntagResource", resource: theirs, tagKeys: ["team"] }, "deny"],
      ["create without tags", { action: "bedrock:CreatePrompt", resource: ours, requestTags: {} }, "deny"],
      ["create with only an owner tag", { action: "bedrock:CreatePrompt", resource: ours, requestTags: { owner: "ana" } }, "deny"],
      ["create for another team", { action: "bedrock:CreatePrompt", resource: ours, requestTags: { team: "ads" } }, "deny"],
      ["create tagged for the team", { action: "bedrock:CreatePrompt", resource: ours, requestTags: { team: "docs", owner: "ana" } }, "allow"],
      ["add owner to own prompt", { action: "bedrock:TagResource", resource: ours, requestTags: { owner: "luis" } }, "allow"],
      ["add owner to another team's prompt", { action: "bedrock:TagResource", resource: theirs, requestTags: { owner: "luis" } }, "deny"],
      ["give own prompt to another team", { action: "bedrock:TagResource", resource: ours, requestTags: { team: "ads" } }, "deny"],
      ["list prompts", { action: "bedrock:ListPrompts", resource: "*" }, "allow"],
      // Converse with a prompt version's ARN: RenderPrompt on the prompt, InvokeModel on its model.
      ["render own prompt version (Converse)", { action: "bedrock:RenderPrompt", resource: `${ours}:2` }, "allow"],
      ["render another team's prompt version", { action: "bedrock:RenderPrompt", resource: `${theirs}:1` }, "deny"],
      ["Converse through the Haiku 4.5 profile", { action: "bedrock:InvokeModel", resource: usHaiku }, "allow"],
      ["ConverseStream through the Nova 2 Lite profile", { action: "bedrock:InvokeModelWithResponseStream", resource: usNova }, "allow"],
      ["Haiku 4.5 in a region the profile routes to", { action: "bedrock:InvokeModel", resource: `arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}` }, "allow"],
      ["read the profile", { action: "bedrock:GetInferenceProfile", resource: usHaiku }, "allow"],
      ["a model the prompts do not use", { action: "bedrock:InvokeModel", resource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" }, "deny"],
      ["Haiku 4.5 in a region outside the profile", { action: "bedrock:InvokeModel", resource: `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}` }, "deny"],
      ["another geography's profile", { action: "bedrock:InvokeModel", resource: `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${HAIKU}` }, "deny"],
    ];
    for (const [what, request, expected] of cases)
      expect(evaluate(policy, { ...request, resourceTags: request.resourceTags ?? tags[request.resource] }), what).toBe(expected);
  });

  // The expected profile per region is the hand-checked table of "the chapter's flow"; its ARNs come from data/catalog.json.
  it.each([
    ["us-east-1", "us."],
    ["eu-west-1", "eu."],
    ["ap-northeast-1", "jp."],
  ])("the policy names, from %s, the %s profiles the prompts store and every model behind them", async (region, prefix) => {
    const here = await startGuide({ mode: "offline", region, lang: "en", quiet: true });
    forgetRegionListings();
    try {
      const ids = ["amazon.nova-2-lite-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0"];
      const resources = await modelResourcesFor(await Promise.all(ids.map((id) => modelIdFor(id))));
      const profileIds = ids.map((id) => `${prefix}${id}`);
      expect(resources.profiles).toEqual(profileIds.map((p) => `arn:aws:bedrock:${region}:123456789012:inference-profile/${p}`).sort());
      const behind = ids.flatMap((id, i) => {
        const profile = catalog.profiles.find((p) => p.inferenceProfileId === profileIds[i] && p.regions.includes(region))!;
        return (profile.models as unknown as Record<string, string[]>)[id].map((r) => `arn:aws:bedrock:${r}::foundation-model/${id}`);
      });
      expect(resources.foundationModels).toEqual(behind.sort());
      const invoke = teamPromptPolicy("docs", region, "123456789012", resources).Statement.find((s) => s.Action.includes("bedrock:InvokeModel"))!;
      expect(invoke.Resource).toEqual([...resources.profiles, ...resources.foundationModels]);
      // A model served on demand is named by its own ARN, with no profile (gpt-oss-20b is ON_DEMAND in data/catalog.json).
      expect(await modelResourcesFor(["openai.gpt-oss-20b-1:0"])).toEqual({ profiles: [], foundationModels: [`arn:aws:bedrock:${region}::foundation-model/openai.gpt-oss-20b-1:0`] });
    } finally {
      await here.stop();
      forgetRegionListings();
      guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "es", quiet: true });
    }
  });
});

describe("error advice for Prompt Management", () => {
  it("names the IAM action for access denied, explains bad names and unknown IDs", async () => {
    // List the region's models first, so the one simulated fault hits CreatePrompt, not the listing modelIdFor makes.
    await modelIdFor("amazon.nova-2-lite-v1:0");
    guide.simulate({ fault: "access-denied", times: 1 });
    const denied = await createTextPrompt({ name: "docs-denied-es", description: "d", foundationModelId: "amazon.nova-2-lite-v1:0", tags: {}, text: "Hola" }).catch((e: unknown) => e);
    expect((denied as Error).name).toBe("AccessDeniedException");
    expect(promptManagementAdvice(denied, "CreatePromptCommand", "es")?.title).toBe("Falta el permiso bedrock:CreatePrompt");
    // The guide appends that advice to the error the reader sees, with the action named.
    expect((denied as Error).message).toContain("bedrock:CreatePrompt");
    const badName = await new BedrockAgentClient({}).send(new CreatePromptCommand({ name: "mi prompt" })).catch((e: unknown) => e);
    expect(promptManagementAdvice(badName, "CreatePrompt", "en")?.title).toBe("Invalid prompt name");
    const missing = await readPromptSettings("ABCDEFGHIJ").catch((e: unknown) => e);
    expect((missing as Error).name).toBe("ResourceNotFoundException");
    expect(promptManagementAdvice(missing, "GetPromptCommand", "en")).toMatchObject({ problem: "prompt-not-found" });
    // Other operations keep the general advice.
    expect(promptManagementAdvice(denied, "ConverseCommand", "en")).toBeUndefined();
  });
});

describe("comparing variants", () => {
  it("fills templates like Bedrock and scores each variant on the same inputs", async () => {
    expect(fillTemplate("Hola {{a}} y {{a}}", { a: "x" })).toBe("Hola x y x");
    expect(() => fillTemplate("{{b}}", {})).toThrow(/\{\{b\}\}/);
    const comparison = await compareVariants(
      [
        { name: "nova", foundationModelId: "amazon.nova-2-lite-v1:0", template: "Resume en una frase: {{texto}}", temperature: 0.2, maxTokens: 200 },
        { name: "haiku", foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0", template: "Resume en una frase: {{texto}}", temperature: 0.2, maxTokens: 200 },
      ],
      [{ input: { texto: "Bedrock da acceso a modelos de muchos proveedores con una sola API y sin servidores." }, checks: [checks.language("es")] }],
    );
    expect(comparison.runs.map((r) => r.variant).sort()).toEqual(["haiku", "nova"]);
    expect(comparison.table()).toHaveLength(2);
  });

  it("a model the region cannot call fails only its own row", async () => {
    // Callable from a region, per data/catalog.json: a system profile listed there reaches it, or
    // ListFoundationModels lists it there for on-demand use.
    const callable = (modelId: string, region: string) => {
      const viaProfile = catalog.profiles.some((p) => p.regions.includes(region) && modelId in p.models);
      const model = catalog.models.find((m) => m.modelId === modelId);
      const types = (model?.inferenceTypesByRegion as Record<string, string[]> | undefined)?.[region] ?? model?.inferenceTypesSupported ?? [];
      return viaProfile || (!!model?.regions.includes(region) && types.includes("ON_DEMAND"));
    };
    const three = { nova: "amazon.nova-2-lite-v1:0", haiku: "anthropic.claude-haiku-4-5-20251001-v1:0", gptoss: "openai.gpt-oss-20b-1:0" };
    const region = catalog.regions.find((r) => callable(three.nova, r) && callable(three.haiku, r) && !callable(three.gptoss, r));
    expect(region).toBeDefined(); // ap-east-2 in the 2026 capture (also Seoul, Singapore, Canada, Paris, N. California)
    const there = await startGuide({ mode: "offline", region, lang: "es", quiet: true });
    forgetRegionListings();
    try {
      const comparison = await compareVariants(
        Object.entries(three).map(([name, foundationModelId]) => ({ name, foundationModelId, template: "Resume en una frase: {{texto}}", temperature: 0.2, maxTokens: 200 })),
        [{ input: { texto: "Bedrock da acceso a modelos de muchos proveedores con una sola API." }, checks: [checks.language("es")] }],
      );
      expect(comparison.table()).toHaveLength(3);
      const byVariant = Object.fromEntries(comparison.runs.map((r) => [r.variant, r]));
      expect(byVariant.gptoss.passed).toBe(false);
      expect(byVariant.gptoss.error).toBeTruthy();
      expect(byVariant.nova.error).toBeUndefined();
      expect(byVariant.haiku.error).toBeUndefined();
      expect(byVariant.nova.answer.length).toBeGreaterThan(0);
    } finally {
      await there.stop();
      forgetRegionListings();
      guide = await startGuide({ mode: "offline", region: "us-east-1", lang: "es", quiet: true });
    }
  });
});

describe("keeping the winner", () => {
  const draft = (name: string): VariantDraft => ({ name, foundationModelId: "amazon.nova-2-lite-v1:0", template: "Resume: {{texto}}", temperature: 0.2, maxTokens: 100 });
  const run = (variant: string, passed: boolean, costUsd: number | undefined): ComparisonRun => ({ variant, case: 0, passed, results: [], answer: "", ms: 1, costUsd });
  const comparisonOf = (runs: ComparisonRun[]) => ({ runs }) as PromptComparison;

  it("picks the variant with most cases passed, then the cheaper, then the first listed (hand-made runs)", () => {
    const [a, b, c] = ["a", "b", "c"].map(draft);
    // b passes 2 cases, a and c pass 1: b wins whatever it costs.
    expect(pickWinner(comparisonOf([run("a", true, 0.001), run("a", false, 0.001), run("b", true, 0.5), run("b", true, 0.5), run("c", true, 0), run("c", false, 0)]), [a, b, c])).toBe(b);
    // a and c both pass 2: c costs $0.0002 in all, a $0.0003.
    expect(pickWinner(comparisonOf([run("a", true, 0.0001), run("a", true, 0.0002), run("c", true, 0.0001), run("c", true, 0.0001)]), [a, c])).toBe(c);
    // Same passes, one cost unknown: the known one wins; same passes and costs: the first listed.
    expect(pickWinner(comparisonOf([run("a", true, undefined), run("c", true, 0.9)]), [a, c])).toBe(c);
    expect(pickWinner(comparisonOf([run("a", true, 0.1), run("c", true, 0.1)]), [c, a])).toBe(c);
    // Nobody passed a case: nothing to keep.
    expect(pickWinner(comparisonOf([run("a", false, 0.1), run("c", false, 0.1)]), [a, c])).toBeUndefined();
  });

  it("UpdatePrompt puts the winner's text, model and parameters in the draft, and a new version freezes it", async () => {
    const p = await createTextPrompt({ name: "docs-winner-es", description: "Resumen corto", foundationModelId: "amazon.nova-2-lite-v1:0", tags: chapterTags("ana", "docs"), text: SUMMARY });
    await createVersion(p.id!, "Primera");
    const winner: VariantDraft = { name: "haiku", foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0", template: "En {{palabras}} palabras: {{texto}}", temperature: 0.7, maxTokens: 250 };
    const second = await keepWinner(p.id!, winner, "Gana haiku");
    expect(second).toMatchObject({ version: "2", description: "Gana haiku" });
    const kept = await readPromptSettings(p.id!, "2");
    // From us-east-1 Haiku 4.5 goes through its us. profile (data/catalog.json); the rest is the winner as written.
    expect(kept).toMatchObject({ name: "docs-winner-es", modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", templateType: "TEXT", text: winner.template, temperature: 0.7, maxTokens: 250, variables: ["palabras", "texto"] });
    // Version 1 is untouched, the prompt keeps its description and tags, and the new version runs.
    expect((await readPromptSettings(p.id!, "1")).text).toBe(SUMMARY);
    const got = await new BedrockAgentClient({}).send(new GetPromptCommand({ promptIdentifier: p.id }));
    expect(got.description).toBe("Resumen corto");
    expect((await new BedrockAgentClient({}).send(new ListTagsForResourceCommand({ resourceArn: p.arn }))).tags).toEqual(chapterTags("ana", "docs"));
    expect((await runPrompt(second.arn!, { palabras: "10", texto: "Bedrock" })).text.length).toBeGreaterThan(0);
    await cleanUpChapter(CHAPTER_TAG);
  });
});
