// Chapter 3 as the notebook runs it: each region is one "try it" cell. buildPrompt and sendPrompt
// come from chapter 2 (the page shows that file again as a cell) and tryExercise from the lesson
// beside this one, so these imports stay outside the regions.
import { say, show, startGuide } from "bedrock-guide";
import {
  buildPrompt,
  sendPrompt,
  type PromptParts,
} from "../02-designing-prompts/prompt-builder";
import { tryExercise } from "./exercises";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region models
// The validation toolkit (from bedrock-guide) and zod, to describe JSON answers.
import {
  checkAnswer,
  checks,
  comparePrompts,
  modelIdFor,
  runConsistency,
} from "bedrock-guide";
import { z } from "zod";

// Foundation models by ID; modelIdFor turns each into what your region can call.
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";
show.table([
  { model: "Claude Haiku 4.5", modelId: await modelIdFor(HAIKU) },
  { model: "Nova 2 Lite", modelId: await modelIdFor(NOVA_LITE) },
]);
// #endregion models

// #region answer
// Chapter 2's complete example: its answer is what this chapter's checks look at.
const explainGenAi = say<PromptParts>(
  {
    es: {
      context:
        "Eres una arquitecta de soluciones de AWS que explica tecnología a personas sin formación técnica.",
      instruction:
        "Explica con palabras sencillas qué es la inteligencia artificial generativa.",
      format:
        "Responde en español solo con 4 viñetas, sin frase de introducción ni de cierre, y 200 palabras como máximo.",
    },
    en: {
      context:
        "You are an AWS solutions architect who explains technology to people with no technical background.",
      instruction:
        "Explain in plain words what generative artificial intelligence is.",
      format:
        "Answer in English with 4 bullet points only, no opening or closing line, and at most 200 words.",
    },
  },
  guide.lang,
);
const explained = await sendPrompt(buildPrompt(explainGenAi), HAIKU);
console.log(explained);
// #endregion answer

// #region toolkit-strict
// Three hand-written answers to "3 bullet points": the strict list check and the one that lets a
// single line open the list.
const listAnswers = say(
  {
    es: [
      "- Rápido\n- Barato\n- Sencillo",
      "Tiene tres ventajas:\n- Rápido\n- Barato\n- Sencillo",
      "- Rápido\n- Barato\n- Sencillo\nEspero que te sirva.",
    ],
    en: [
      "- Fast\n- Cheap\n- Simple",
      "It has three advantages:\n- Fast\n- Cheap\n- Simple",
      "- Fast\n- Cheap\n- Simple\nHope this helps.",
    ],
  },
  guide.lang,
);
show.table(
  await Promise.all(
    listAnswers.map(async (answer) => ({
      answer: answer.replace(/\n/g, " ⏎ "),
      ...Object.fromEntries(
        (
          await checkAnswer(answer, [
            checks.bullets({ count: 3 }),
            checks.bullets({ count: 3, allowIntro: true }),
          ])
        ).results.map((r) => [r.check, r.passed ? "✓" : `✗ ${r.reason}`]),
      ),
    })),
  ),
);
// #endregion toolkit-strict

// #region toolkit-format
const Recommendation = z.object({
  model: z.string(),
  useCase: z.string(),
  reason: z.string(),
});
const asJson = await sendPrompt(
  buildPrompt({
    instruction: say(
      {
        es: "Recomienda un modelo de Bedrock para resúmenes.",
        en: "Recommend a Bedrock model for summaries.",
      },
      guide.lang,
    ),
    format: say(
      {
        es: "Responde solo con un objeto JSON con las claves model, useCase y reason.",
        en: "Reply only with a JSON object with the keys model, useCase and reason.",
      },
      guide.lang,
    ),
  }),
  HAIKU,
);
console.log(asJson);
show.table(
  (await checkAnswer(asJson, [checks.json(Recommendation)])).results,
);
// #endregion toolkit-format

// #region toolkit-accuracy
// Accuracy needs a known right answer. These are sample answers to "17 × 23?" and "Is 391 right?",
// written here to show how each check decides.
const correctWord = say({ es: "correcto", en: "correct" }, guide.lang);
show.table(
  await Promise.all(
    say(
      {
        es: [
          "17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391",
          "Más o menos 400.",
          "Eso es incorrecto.",
          "Es correcto: da 391.",
        ],
        en: [
          "17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391",
          "Roughly 400.",
          "That is incorrect.",
          "Correct: it is 391.",
        ],
      },
      guide.lang,
    ).map(async (answer) => ({
      answer,
      ...Object.fromEntries(
        (
          await checkAnswer(answer, [
            checks.numberNear(391),
            checks.contains(correctWord),
            checks.matches(/\b391\b/),
          ])
        ).results.map((r) => [r.check, r.passed ? "✓" : "✗"]),
      ),
    })),
  ),
);
// #endregion toolkit-accuracy

// #region toolkit-consistency
const consistency = await runConsistency({
  request: {
    modelId: await modelIdFor(NOVA_LITE),
    messages: [
      {
        role: "user",
        content: [
          {
            text: say(
              {
                es: "Explica qué es Amazon Bedrock.",
                en: "Explain what Amazon Bedrock is.",
              },
              guide.lang,
            ),
          },
        ],
      },
    ],
    inferenceConfig: { maxTokens: 200, temperature: 1 },
  },
  times: 3,
});
console.log(consistency.result.reason);
// #endregion toolkit-consistency

// #region toolkit-judge
const judged = await checkAnswer(explained, [
  checks.judgedBy({
    task: explainGenAi.instruction,
    criterion: say(
      {
        es: "Se entiende sin formación técnica y no usa jerga avanzada.",
        en: "Understandable with no technical background, and uses no advanced jargon.",
      },
      guide.lang,
    ),
  }),
]);
show.table(judged.results);
// #endregion toolkit-judge

// #region toolkit-ab
// Each topic with the key word a good answer must name: the accuracy check of this dataset.
const topics = say(
  {
    es: [
      { topic: "los perfiles de inferencia", keyword: "perfiles" },
      { topic: "la API Converse", keyword: "Converse" },
      { topic: "los guardrails", keyword: "guardrails" },
    ],
    en: [
      { topic: "inference profiles", keyword: "profiles" },
      { topic: "the Converse API", keyword: "Converse" },
      { topic: "guardrails", keyword: "guardrails" },
    ],
  },
  guide.lang,
);
const haikuId = await modelIdFor(HAIKU);
// One user turn to Claude Haiku 4.5: the two variants differ only in its text.
const ask = (text: string) => ({
  modelId: haikuId,
  messages: [{ role: "user" as const, content: [{ text }] }],
});
type Topic = (typeof topics)[number];
const comparison = await comparePrompts({
  variants: [
    {
      name: say({ es: "A: vaga", en: "A: vague" }, guide.lang),
      request: ({ topic }: Topic) =>
        ask(
          say(
            { es: `Háblame de ${topic}.`, en: `Tell me about ${topic}.` },
            guide.lang,
          ),
        ),
    },
    {
      name: say({ es: "B: concreta", en: "B: specific" }, guide.lang),
      request: ({ topic }: Topic) =>
        ask(
          say(
            {
              es: `Explica ${topic} de Amazon Bedrock en español, solo con 3 viñetas, sin frase de introducción, y 60 palabras como máximo.`,
              en: `Explain ${topic} in Amazon Bedrock in English, with 3 bullet points only, no opening line, and at most 60 words.`,
            },
            guide.lang,
          ),
        ),
    },
  ],
  cases: topics.map((topic) => ({
    input: topic,
    checks: [
      checks.bullets({ count: 3 }),
      checks.maxWords(60),
      checks.language(guide.lang),
      checks.contains(topic.keyword),
    ],
  })),
});
show.table(comparison.table());
show.svg(
  comparison.chart(
    say(
      {
        es: "Variante A frente a B: % de comprobaciones superadas",
        en: "Variant A versus B: % of checks passed",
      },
      guide.lang,
    ),
  ),
);
// #endregion toolkit-ab

// #region exercise-structure
// Edit `mine` until every row shows ✓. Offline the emulator follows explicit instructions only.
const mine = buildPrompt({
  instruction: say(
    {
      es: "Explica qué es un perfil de inferencia.",
      en: "Explain what an inference profile is.",
    },
    guide.lang,
  ),
});
show.table((await tryExercise("structure", mine)).rows);
// #endregion exercise-structure

// #region solution-structure
const mineSolved = buildPrompt(
  say(
    {
      es: {
        context:
          "Explicas conceptos de la nube a personas sin formación técnica.",
        instruction: "Explica qué es un perfil de inferencia.",
        format:
          "Solo 3 viñetas, sin frase de introducción, y 60 palabras como máximo.",
      },
      en: {
        context:
          "You explain cloud ideas to people with no technical background.",
        instruction: "Explain what an inference profile is.",
        format:
          "Exactly 3 bullet points, no opening line, and at most 60 words.",
      },
    },
    guide.lang,
  ),
);
show.table((await tryExercise("structure", mineSolved)).rows);
// #endregion solution-structure

// #region exercise-be-specific
const vague = say(
  {
    es: "Explica qué es Amazon Bedrock.",
    en: "Explain what Amazon Bedrock is.",
  },
  guide.lang,
);
show.table(
  (await tryExercise("be-specific", buildPrompt({ instruction: vague })))
    .rows,
);
// #endregion exercise-be-specific

// #region solution-be-specific
show.table(
  (
    await tryExercise(
      "be-specific",
      buildPrompt({
        instruction: vague,
        format: say(
          {
            es: "Responde en español, en 50 palabras como máximo y 3 frases como máximo.",
            en: "Answer in English, in at most 50 words and at most 3 sentences.",
          },
          guide.lang,
        ),
      }),
    )
  ).rows,
);
// #endregion solution-be-specific

// #region exercise-json
const recommend = say(
  {
    es: "Recomiéndame un modelo de Bedrock para hacer resúmenes.",
    en: "Recommend a Bedrock model for summaries.",
  },
  guide.lang,
);
show.table(
  (await tryExercise("json", buildPrompt({ instruction: recommend }))).rows,
);
// #endregion exercise-json

// #region solution-json
show.table(
  (
    await tryExercise(
      "json",
      buildPrompt({
        instruction: recommend,
        format: say(
          {
            es: "Responde solo con un objeto JSON, sin bloque de código, con las claves model, useCase y reason.",
            en: "Reply only with a JSON object, not in a code block, with the keys model, useCase and reason.",
          },
          guide.lang,
        ),
      }),
    )
  ).rows,
);
// #endregion solution-json

// #region exercise-stop-sequence
const regions = say(
  {
    es: "Enumera cinco regiones de AWS, una por línea, y escribe FIN al terminar.",
    en: "List five AWS regions, one per line, and write END when you are done.",
  },
  guide.lang,
);
show.table(
  (
    await tryExercise(
      "stop-sequence",
      buildPrompt({ instruction: regions }),
      {
        maxTokens: 400,
      },
    )
  ).rows,
);
// #endregion exercise-stop-sequence

// #region solution-stop-sequence
show.table(
  (
    await tryExercise(
      "stop-sequence",
      buildPrompt({ instruction: regions }),
      {
        maxTokens: 400,
        stopSequences: [say({ es: "FIN", en: "END" }, guide.lang)],
      },
    )
  ).rows,
);
// #endregion solution-stop-sequence

// #region exercise-two-models
const tips = say(
  {
    es: "Dame algunos consejos para escribir buenos prompts.",
    en: "Give some tips for writing good prompts.",
  },
  guide.lang,
);
show.table(
  (await tryExercise("two-models", buildPrompt({ instruction: tips })))
    .rows,
);
// #endregion exercise-two-models

// #region solution-two-models
show.table(
  (
    await tryExercise(
      "two-models",
      buildPrompt({
        instruction: say(
          {
            es: "Dame 3 consejos para escribir buenos prompts.",
            en: "Give 3 tips for writing good prompts.",
          },
          guide.lang,
        ),
        format: say(
          {
            es: "Solo 3 viñetas, sin frase de introducción, y 40 palabras como máximo.",
            en: "Exactly 3 bullet points, no opening line, and at most 40 words.",
          },
          guide.lang,
        ),
      }),
    )
  ).rows,
);
// #endregion solution-two-models

// #region cost
guide.meter.report();
// #endregion cost
