import type { ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";
import { checks, type Check, type Language } from "bedrock-guide";

// Chapter 3's A/B test, grown to a data set worth a job: ten Bedrock topics, each explained for
// five audiences, sent in two wordings. Every case keeps chapter 3's checks, so a pass rate here
// means what it meant there.

export interface AbCase {
  /** Short, stable and alphanumeric: it becomes part of the record ID. */
  key: string;
  topic: string;
  /** The word a good answer must name: the accuracy check. */
  keyword: string;
  audience: string;
}

const TOPICS: Record<Language, [string, string][]> = {
  es: [
    ["los perfiles de inferencia", "perfiles"],
    ["la API Converse", "Converse"],
    ["los guardrails", "guardrails"],
    ["las bases de conocimiento", "conocimiento"],
    ["los agentes", "agentes"],
    ["la inferencia por lotes", "lotes"],
    ["Prompt Management", "prompts"],
    ["los modelos de embeddings", "embeddings"],
    ["el ajuste fino de modelos", "ajuste"],
    ["las evaluaciones de modelos", "evaluaciones"],
  ],
  en: [
    ["inference profiles", "profiles"],
    ["the Converse API", "Converse"],
    ["guardrails", "guardrails"],
    ["knowledge bases", "knowledge"],
    ["agents", "agents"],
    ["batch inference", "batch"],
    ["Prompt Management", "prompts"],
    ["embedding models", "embedding"],
    ["model fine-tuning", "fine-tuning"],
    ["model evaluations", "evaluations"],
  ],
};
const AUDIENCES: Record<Language, string[]> = {
  es: [
    "principiantes",
    "desarrolladores",
    "directivos",
    "estudiantes",
    "arquitectos",
  ],
  en: ["beginners", "developers", "managers", "students", "architects"],
};

/** Every topic for every audience: 50 cases. */
export function abCases(lang: Language): AbCase[] {
  return TOPICS[lang].flatMap(([topic, keyword], t) =>
    AUDIENCES[lang].map((audience, a) => ({
      key: `T${t}P${a}`,
      topic,
      keyword,
      audience,
    })),
  );
}

export interface AbVariant {
  /** One capital letter: the record IDs of this variant start with it. */
  id: string;
  name: string;
  request: (c: AbCase) => Omit<ConverseCommandInput, "modelId">;
}

/**
 * Chapter 3's two wordings. A batch job needs a cap on every answer to bound its cost, so both
 * set maxTokens (chapter 3 left the model's default).
 */
export function abVariants(lang: Language, maxTokens = 300): AbVariant[] {
  const ask = (text: string) => ({
    messages: [{ role: "user" as const, content: [{ text }] }],
    inferenceConfig: { maxTokens },
  });
  return lang === "es"
    ? [
        {
          id: "A",
          name: "A: vaga",
          request: (c) => ask(`Háblame de ${c.topic} para ${c.audience}.`),
        },
        {
          id: "B",
          name: "B: concreta",
          request: (c) =>
            ask(
              `Explica ${c.topic} de Amazon Bedrock a ${c.audience} en español, solo con 3 viñetas, sin frase de introducción, y 60 palabras como máximo.`,
            ),
        },
      ]
    : [
        {
          id: "A",
          name: "A: vague",
          request: (c) =>
            ask(`Tell me about ${c.topic} for ${c.audience}.`),
        },
        {
          id: "B",
          name: "B: specific",
          request: (c) =>
            ask(
              `Explain ${c.topic} in Amazon Bedrock to ${c.audience} in English, with 3 bullet points only, no opening line, and at most 60 words.`,
            ),
        },
      ];
}

/** Chapter 3's checks for one case: format, length, language and the key word. */
export function abChecks(c: AbCase, lang: Language): Check[] {
  return [
    checks.bullets({ count: 3 }),
    checks.maxWords(60),
    checks.language(lang),
    checks.contains(c.keyword),
  ];
}
