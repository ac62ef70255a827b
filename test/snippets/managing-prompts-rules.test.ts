// Chapter 4's pure helpers, checked against AWS's documented rules (data/prompt-management.json,
// the bedrock-agent service model's constraints) and small cases worked out by hand. No emulator.
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkAnswer, templateVariables } from "bedrock-guide";
import facts from "../../data/prompt-management.json";
import catalog from "../../data/catalog.json";
import constraints from "../../packages/emulator/src/generated/constraints.json";
import { AWS_PROMPT_NAME, CHAPTER_TAG, PROMPT_NAME_RULE, chapterTags, namingProblems, promptName } from "../../snippets/04-managing-prompts/naming";
import { toCloudFormation, toCreatePromptRequest, type PromptDefinition } from "../../snippets/04-managing-prompts/prompt-as-code";
import { fillTemplate, summaryChecks } from "../../snippets/04-managing-prompts/compare-variants";
import { keepReaderLanguage, optimizationPlan } from "../../snippets/04-managing-prompts/optimize-prompt";
import { teamPromptPolicy } from "../../snippets/04-managing-prompts/audit";

// No guide session runs here, so the reader's language comes from BEDROCK_GUIDE_LANG.
afterEach(() => vi.unstubAllEnvs());

const shapes = constraints.shapes as Record<string, { pattern?: string; min?: number; max?: number }>;

describe("the naming rule", () => {
  it("uses AWS's own pattern for a prompt name", () => {
    // CloudFormation's AWS::Bedrock::Prompt Name pattern, as data/prompt-management.json records it.
    expect(AWS_PROMPT_NAME.source).toBe(facts.promptName.pattern);
    expect(`^${shapes["botocore:bedrockagent#PromptName"]?.pattern}$`).toBe(facts.promptName.pattern);
  });

  it("names each broken rule, and only the broken ones (hand-checked cases)", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "en");
    const aws = "AWS refuses it (letters and digits, single _ or - between them, at most 100)";
    const convention = "it does not follow <team>-<purpose>-<lang> (lower case, purpose words joined by _, lang es or en)";
    expect(namingProblems("docs-summary-es")).toEqual([]);
    // Upper case and no separators: AWS takes it, the team's convention does not.
    expect(namingProblems("Prompt1")).toEqual([convention]);
    // Follows the convention, but 4 + 101 + 2 = 107 letters: AWS's pattern allows 100 (one letter or digit per repetition).
    expect(namingProblems(`docs-${"a".repeat(101)}-es`)).toEqual([aws]);
    // A space breaks both.
    expect(namingProblems("docs-my summary-es")).toEqual([aws, convention]);
  });

  it("gives the reasons in the reader's language", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "es");
    expect(namingProblems("docs-my summary-es")).toEqual([
      "AWS lo rechaza (letras y cifras, con un solo _ o - entre ellas, 100 como máximo)",
      "no sigue <equipo>-<propósito>-<idioma> (en minúsculas, las palabras del propósito unidas con _, idioma es o en)",
    ]);
    expect(() => promptName({ team: "Docs", purpose: "x", lang: "es" })).toThrow(/^"Docs-x-es" no vale como nombre de prompt: no sigue/);
  });

  it("builds the name from its parts, or refuses it with every reason", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "en");
    expect(promptName({ team: "ads", purpose: "reply_short", lang: "es" })).toBe("ads-reply_short-es");
    expect(() => promptName({ team: "docs", purpose: "my summary", lang: "en" })).toThrow(
      `"docs-my summary-en" is not a valid prompt name: ${namingProblems("docs-my summary-en").join("; ")}.`,
    );
    expect(() => promptName({ team: "Docs", purpose: "x", lang: "en" })).toThrow(/^"Docs-x-en" is not a valid prompt name: it does not follow/);
  });

  it("tags every prompt with the chapter's mark, its owner and its team", () => {
    expect(CHAPTER_TAG).toEqual({ key: "guide-chapter", value: "04-managing-prompts" });
    expect(chapterTags("luis", "ads")).toEqual({ "guide-chapter": "04-managing-prompts", owner: "luis", team: "ads" });
    // Every convention name is an AWS name (hand-picked).
    for (const name of ["x-y-en", "a1-b2_c3-es"]) expect(PROMPT_NAME_RULE.test(name) && AWS_PROMPT_NAME.test(name), name).toBe(true);
  });
});

describe("prompt as code", () => {
  const def: PromptDefinition = {
    name: "docs-summary-en",
    description: "Short summary",
    modelId: "us.amazon.nova-2-lite-v1:0",
    text: "Summarise {{text}} in {{words}} words; keep {{text}}'s names.",
    temperature: 0.5,
    maxTokens: 250,
    tags: { "guide-chapter": "04-managing-prompts", owner: "ana" },
  };

  it("makes one TEXT variant named main, the default, with the text's variables once each", () => {
    // Worked out by hand from the CreatePrompt API reference's request shape.
    expect(toCreatePromptRequest(def)).toStrictEqual({
      name: "docs-summary-en",
      description: "Short summary",
      defaultVariant: "main",
      variants: [
        {
          name: "main",
          templateType: "TEXT",
          templateConfiguration: { text: { text: def.text, inputVariables: [{ name: "text" }, { name: "words" }] } },
          modelId: "us.amazon.nova-2-lite-v1:0",
          inferenceConfiguration: { text: { temperature: 0.5, maxTokens: 250 } },
        },
      ],
      tags: { "guide-chapter": "04-managing-prompts", owner: "ana" },
    });
  });

  it("spells the same request in CloudFormation's PascalCase, tags as written, and drops absent fields", () => {
    const template = toCloudFormation(def, "SummaryPrompt");
    expect(template.AWSTemplateFormatVersion).toBe("2010-09-09");
    expect(Object.keys(template.Resources)).toEqual(["SummaryPrompt"]);
    expect(template.Resources.SummaryPrompt).toStrictEqual({
      Type: "AWS::Bedrock::Prompt",
      Properties: {
        Name: "docs-summary-en",
        Description: "Short summary",
        DefaultVariant: "main",
        Variants: [
          {
            Name: "main",
            TemplateType: "TEXT",
            TemplateConfiguration: { Text: { Text: def.text, InputVariables: [{ Name: "text" }, { Name: "words" }] } },
            ModelId: "us.amazon.nova-2-lite-v1:0",
            InferenceConfiguration: { Text: { Temperature: 0.5, MaxTokens: 250 } },
          },
        ],
        Tags: { "guide-chapter": "04-managing-prompts", owner: "ana" },
      },
    });
    expect(Object.keys(toCloudFormation(def).Resources)).toEqual(["ChapterPrompt"]);
    // A definition read from a loose source (JSON without a description): no Description: undefined key.
    const loose = { ...def, description: undefined } as unknown as PromptDefinition;
    expect(Object.keys(toCloudFormation(loose).Resources.ChapterPrompt.Properties as object)).not.toContain("Description");
  });
});

describe("filling a template for a comparison", () => {
  it("fills every {{name}} AWS's rule finds, and leaves other braces alone", () => {
    expect(fillTemplate("{{a}}+{{b-c}}={{a}}", { a: "1", "b-c": "2" })).toBe("1+2=1");
    // Extra values are ignored; no variables means the text as is.
    expect(fillTemplate("Sin variables.", { a: "x" })).toBe("Sin variables.");
    expect(fillTemplate("{{x}}\n{{y}}", { x: "uno", y: "dos", z: "tres" })).toBe("uno\ndos");
    // An empty value is still a value.
    expect(fillTemplate("[{{x}}]", { x: "" })).toBe("[]");
  });

  it("names every variable without a value, in the session's language", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "en");
    expect(() => fillTemplate("{{a}} {{b}} {{c}}", { b: "x" })).toThrow("The template uses {{a}}, {{c}} but no value was given.");
    vi.stubEnv("BEDROCK_GUIDE_LANG", "es");
    expect(() => fillTemplate("{{a}} {{b}} {{c}}", { b: "x" })).toThrow("La plantilla usa {{a}}, {{c}} sin valor.");
  });

  it("refuses a variable name AWS would refuse, as templateVariables does", () => {
    expect(() => fillTemplate("{{año}}", { año: "x" })).toThrow();
    expect(() => templateVariables("{{año}}")).toThrow();
  });
});

describe("the summary checks", () => {
  it("pass a short answer in the reader's language and fail a long one or one in another language", async () => {
    // Hand-counted: 9 words, English.
    const english = "Bedrock gives one API to models from many providers.";
    expect((await checkAnswer(english, summaryChecks(9, "en"))).passed).toBe(true);
    expect((await checkAnswer(english, summaryChecks(8, "en"))).passed).toBe(false);
    const spanish = (await checkAnswer(english, summaryChecks(20, "es"))).results;
    expect(spanish.map((r) => r.passed)).toEqual([true, false]);
    expect(spanish.map((r) => r.check)).toEqual(["maxWords(20)", "language(es)"]);
  });
});

describe("optimization plan by region", () => {
  const { regions, source, models } = facts.optimizationTargets;
  const listedIn = (id: string) => catalog.models.find((m) => m.modelId === id)?.regions ?? [];

  it("keeps the preferred target where the region lists it, even when it is not the first", () => {
    // Nova Pro is a target, ACTIVE in the catalog and listed in us-east-1, but not first on AWS's list.
    expect(models.indexOf("amazon.nova-pro-v1:0")).toBeGreaterThan(0);
    expect(listedIn("amazon.nova-pro-v1:0")).toContain("us-east-1");
    expect(optimizationPlan("us-east-1", "amazon.nova-pro-v1:0", "en")).toEqual({ target: "amazon.nova-pro-v1:0" });
  });

  it("falls back to a target listed in the region when the preferred model is not a target", () => {
    const plan = optimizationPlan("us-east-1", "anthropic.claude-haiku-4-5-20251001-v1:0", "en") as { target: string };
    expect(models).not.toContain("anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(models).toContain(plan.target);
    expect(listedIn(plan.target)).toContain("us-east-1");
  });

  it("says where AWS offers it, with the page, in both languages", () => {
    for (const lang of ["es", "en"] as const) {
      const { unavailable } = optimizationPlan("us-east-2", "amazon.nova-lite-v1:0", lang) as { unavailable: string };
      expect(unavailable).toContain("us-east-2");
      expect(unavailable).toContain(regions.join(", "));
      expect(unavailable).toContain(`(${source})`);
      expect(unavailable).toContain(lang === "es" ? "no ofrece" : "does not offer");
    }
  });
});

describe("keeping the reader's language", () => {
  it("adds the instruction in the reader's language after a blank line, and keeps a rewrite already in it", async () => {
    const spanish = "Eres un asistente cuidadoso. Resume el siguiente texto en {{palabras}} palabras como máximo, con los datos clave.";
    const toEnglish = await keepReaderLanguage(spanish, "en");
    expect(toEnglish.rewrittenIn).toBe("other");
    expect(toEnglish.prompt).toBe(`${spanish}\n\nAlways answer in English.`);
    expect(toEnglish.reason).not.toBe("");
    const same = await keepReaderLanguage(spanish, "es");
    expect(same).toMatchObject({ rewrittenIn: "same", prompt: spanish });
    expect(same.reason).not.toBe("");
  });
});

describe("the team policy", () => {
  // Hand-written ARNs of the shapes GetInferenceProfile and GetFoundationModel return.
  const models = {
    profiles: ["arn:aws:bedrock:eu-west-1:210987654321:inference-profile/eu.amazon.nova-2-lite-v1:0"],
    foundationModels: ["arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-2-lite-v1:0", "arn:aws:bedrock:eu-west-3::foundation-model/amazon.nova-2-lite-v1:0"],
  };

  it("is a 2012-10-17 policy whose prompt statements name the team's prompts in its region and account", () => {
    const policy = teamPromptPolicy("ads", "eu-west-1", "210987654321", models);
    expect(policy.Version).toBe("2012-10-17");
    // The prompt ARN format of the Service Authorization Reference: arn:${Partition}:bedrock:${Region}:${Account}:prompt/${PromptId}.
    const onPrompts = policy.Statement.filter((s) => typeof s.Resource === "string" && s.Resource.includes(":prompt/"));
    expect(onPrompts.map((s) => s.Resource)).toEqual(Array(5).fill("arn:aws:bedrock:eu-west-1:210987654321:prompt/*"));
    expect(policy.Statement.filter((s) => s.Resource === "*").map((s) => s.Action)).toEqual([["bedrock:ListPrompts"]]);
    // IAM JSON policy reference, Sid: ASCII letters and digits, unique within the policy. Every condition names the team.
    const sids = policy.Statement.map((s) => s.Sid);
    for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]+$/);
    expect(new Set(sids).size).toBe(sids.length);
    for (const s of onPrompts) expect(JSON.stringify(s.Condition)).toContain('"ads"');
  });

  it("lets the team run its prompts: RenderPrompt on its prompts, InvokeModel* on the profile and every model behind it", () => {
    const policy = teamPromptPolicy("ads", "eu-west-1", "210987654321", models);
    const granting = (action: string) => policy.Statement.filter((s) => s.Effect === "Allow" && s.Action.includes(action));
    // data/prompt-management.json, runningAPrompt: the actions AWS documents for Converse with a prompt ARN.
    expect(Object.keys(facts.runningAPrompt.actions).sort()).toEqual(["bedrock:GetInferenceProfile", "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:RenderPrompt"]);
    expect(granting("bedrock:RenderPrompt").map((s) => s.Resource)).toEqual(["arn:aws:bedrock:eu-west-1:210987654321:prompt/*"]);
    for (const action of ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"])
      expect(granting(action).flatMap((s) => s.Resource)).toEqual([...models.profiles, ...models.foundationModels]);
    expect(granting("bedrock:GetInferenceProfile").flatMap((s) => s.Resource)).toEqual(models.profiles);
    // A model called on demand needs no profile statement, and nothing grants "*" to invoke.
    const onDemand = teamPromptPolicy("ads", "eu-west-1", "210987654321", { profiles: [], foundationModels: ["arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-micro-v1:0"] });
    expect(onDemand.Statement.some((s) => s.Action.includes("bedrock:GetInferenceProfile"))).toBe(false);
    expect(onDemand.Statement.find((s) => s.Action.includes("bedrock:InvokeModel"))?.Resource).toEqual(["arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-micro-v1:0"]);
  });
});
