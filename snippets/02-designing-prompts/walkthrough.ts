// Chapter 2 as the notebook runs it: each region is one "try it" cell. The functions come from the
// lesson files beside this one (in the notebook, from the cells before), so these imports stay
// outside the regions.
import { say, show, startGuide } from "bedrock-guide";
import { samePromptOnModels } from "./adapt-to-model";
import { tryExercise } from "../03-validating-prompts/exercises";
import { sampling, temperatureSpread, tryParameters } from "./parameters";
import {
  buildPrompt,
  sendPrompt,
  type PromptParts,
} from "./prompt-builder";
import {
  chainOfThought,
  conversationTable,
  fewShot,
  incremental,
  rolePlay,
  selfRefine,
  withConstraints,
  zeroShot,
} from "./techniques";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region models
// The chapter's toolkit: checks for answers (from bedrock-guide) and zod for JSON schemas.
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

// #region complete-example
const explainGenAi = say<PromptParts>(
  {
    es: {
      context:
        "Eres una arquitecta de soluciones de AWS que explica tecnología a personas sin formación técnica.",
      instruction:
        "Explica con palabras sencillas qué es la inteligencia artificial generativa.",
      format:
        "Responde en español, con 4 viñetas y 200 palabras como máximo.",
      example:
        "La nube es como:\n- La luz de casa: pagas lo que consumes.\n- Un piso de alquiler: otros arreglan las tuberías.",
      constraints: [
        "No uses términos técnicos avanzados como «red neuronal convolucional».",
        "Nada de fórmulas ni ecuaciones.",
      ],
    },
    en: {
      context:
        "You are an AWS solutions architect who explains technology to people with no technical background.",
      instruction:
        "Explain in plain words what generative artificial intelligence is.",
      format:
        "Answer in English, in 4 bullet points and at most 200 words.",
      example:
        "The cloud is like:\n- Electricity at home: you pay for what you use.\n- A rented flat: someone else fixes the plumbing.",
      constraints: [
        'Do not use advanced technical terms such as "convolutional neural network".',
        "No formulas or equations.",
      ],
    },
  },
  guide.lang,
);
const built = buildPrompt(explainGenAi);
console.log(built.messages[0].content?.[0].text);
const explained = await sendPrompt(built, HAIKU);
console.log(explained);
show.table(
  (
    await checkAnswer(explained, [
      checks.bullets({ count: 4 }),
      checks.maxWords(200),
      checks.language(guide.lang),
    ])
  ).results,
);
// #endregion complete-example

// #region exercise-structure
// Exercise: edit `mine` until every row shows ✓. Offline the emulator follows explicit instructions only.
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

// #region be-specific
// The article's first principle, measured: the same checks on a vague prompt and a specific one.
const wanted = [
  checks.maxWords(80),
  checks.bullets({ count: 3 }),
  checks.language(guide.lang),
];
const vague = say(
  {
    es: "Explica qué es Amazon Bedrock.",
    en: "Explain what Amazon Bedrock is.",
  },
  guide.lang,
);
const specific = say(
  {
    es: "Explica qué es Amazon Bedrock a un equipo de desarrollo junior: 3 viñetas con sus ventajas principales, 80 palabras como máximo, en español.",
    en: "Explain what Amazon Bedrock is to a team of junior developers: 3 bullet points with its main advantages, at most 80 words, in English.",
  },
  guide.lang,
);
const principleRows = [];
for (const [label, prompt] of [
  ["vague", vague],
  ["specific", specific],
]) {
  const report = await checkAnswer(
    await sendPrompt(buildPrompt({ instruction: prompt }), HAIKU),
    wanted,
  );
  principleRows.push({
    prompt: label,
    ...Object.fromEntries(
      report.results.map((r) => [
        r.check,
        r.passed ? "✓" : `✗ ${r.reason}`,
      ]),
    ),
  });
}
show.table(principleRows);
// #endregion be-specific

// #region exercise-be-specific
show.table(
  (await tryExercise("be-specific", buildPrompt({ instruction: vague })))
    .rows,
);
// #endregion exercise-be-specific

// #region zero-shot
show.table(
  conversationTable(
    await zeroShot(
      HAIKU,
      say(
        {
          es: "Resume en una frase: Amazon Bedrock da acceso a modelos fundacionales de varios proveedores con una sola API.",
          en: "Summarise in one sentence: Amazon Bedrock gives access to foundation models from several providers through one API.",
        },
        guide.lang,
      ),
    ),
  ),
);
// #endregion zero-shot

// #region few-shot
const capitals = say(
  {
    es: [
      { question: "¿Capital de Francia?", answer: "París" },
      { question: "¿Capital de Italia?", answer: "Roma" },
    ],
    en: [
      { question: "Capital of France?", answer: "Paris" },
      { question: "Capital of Italy?", answer: "Rome" },
    ],
  },
  guide.lang,
);
show.table(
  conversationTable(
    await fewShot(
      HAIKU,
      capitals,
      say(
        { es: "¿Capital de España?", en: "Capital of Spain?" },
        guide.lang,
      ),
    ),
  ),
);
// #endregion few-shot

// #region chain-of-thought
const reasoning = await chainOfThought(
  HAIKU,
  say(
    {
      es: "¿Cuántos minutos hay en 3 horas y cuarto?",
      en: "How many minutes are there in 3 and a quarter hours?",
    },
    guide.lang,
  ),
  say(
    {
      es: "Razona en pasos numerados; el último paso da el resultado.",
      en: "Reason in numbered steps; the last step gives the result.",
    },
    guide.lang,
  ),
);
show.table(conversationTable(reasoning));
show.table(
  (
    await checkAnswer(reasoning.answer, [
      checks.numberedSteps(),
      checks.numberNear(195),
    ])
  ).results,
);
// #endregion chain-of-thought

// #region constraints
const defined = await withConstraints(
  HAIKU,
  say(
    {
      es: "Define la inteligencia artificial.",
      en: "Define artificial intelligence.",
    },
    guide.lang,
  ),
  [
    say(
      { es: "En 20 palabras como máximo.", en: "In at most 20 words." },
      guide.lang,
    ),
    say({ es: "En una frase.", en: "In one sentence." }, guide.lang),
  ],
);
show.table(conversationTable(defined));
show.table(
  (
    await checkAnswer(defined.answer, [
      checks.maxWords(20),
      checks.maxSentences(1),
    ])
  ).results,
);
// #endregion constraints

// #region incremental
const steps = say(
  {
    es: [
      "Define Amazon Bedrock en una frase.",
      "Ahora explica en qué se diferencia de Amazon SageMaker AI, en 3 viñetas.",
      "Resume las dos respuestas anteriores en 30 palabras como máximo.",
    ],
    en: [
      "Define Amazon Bedrock in one sentence.",
      "Now explain how it differs from Amazon SageMaker AI, in 3 bullet points.",
      "Summarise your two previous answers in at most 30 words.",
    ],
  },
  guide.lang,
);
show.table(conversationTable(await incremental(HAIKU, steps)));
// #endregion incremental

// #region self-refinement
const refined = await selfRefine(
  HAIKU,
  say(
    {
      es: "Escribe una explicación de Amazon Bedrock para un equipo de producto.",
      en: "Write an explanation of Amazon Bedrock for a product team.",
    },
    guide.lang,
  ),
  {
    critique: say(
      {
        es: "Revisa tu explicación: enumera en pasos numerados lo que sea confuso, impreciso o sobre.",
        en: "Review your explanation: list in numbered steps whatever is unclear, imprecise or unnecessary.",
      },
      guide.lang,
    ),
    rewrite: say(
      {
        es: "Reescríbela aplicando tu revisión, en 80 palabras como máximo.",
        en: "Rewrite it applying your review, in at most 80 words.",
      },
      guide.lang,
    ),
  },
);
show.table(conversationTable(refined));
// #endregion self-refinement

// #region role-playing
show.table(
  conversationTable(
    await rolePlay(
      HAIKU,
      say(
        {
          es: "Eres un arquitecto de AWS que forma a desarrolladores junior. Usas ejemplos cotidianos.",
          en: "You are an AWS architect who mentors junior developers. You use everyday examples.",
        },
        guide.lang,
      ),
      say(
        {
          es: "¿Qué es un perfil de inferencia?",
          en: "What is an inference profile?",
        },
        guide.lang,
      ),
    ),
  ),
);
// #endregion role-playing

// #region exercise-json
show.table(
  (
    await tryExercise(
      "json",
      buildPrompt({
        instruction: say(
          {
            es: "Recomiéndame un modelo de Bedrock para hacer resúmenes.",
            en: "Recommend a Bedrock model for summaries.",
          },
          guide.lang,
        ),
      }),
    )
  ).rows,
);
// #endregion exercise-json

// #region parameters
const question = say(
  {
    es: "Enumera cinco regiones de AWS, una por línea, y escribe FIN al terminar.",
    en: "List five AWS regions, one per line, and write END when you are done.",
  },
  guide.lang,
);
const marker = say({ es: "FIN", en: "END" }, guide.lang);
const trials = [
  { setting: "maxTokens 400", inferenceConfig: { maxTokens: 400 } },
  { setting: "maxTokens 12", inferenceConfig: { maxTokens: 12 } },
  {
    setting: `stopSequences ["${marker}"]`,
    inferenceConfig: { maxTokens: 400, stopSequences: [marker] },
  },
  {
    setting: "temperature 0",
    inferenceConfig: { maxTokens: 400, temperature: 0 },
  },
  { setting: "topP 0.5", inferenceConfig: { maxTokens: 400, topP: 0.5 } },
  {
    setting: "temperature 0.7 + topP 0.9",
    inferenceConfig: { maxTokens: 400, temperature: 0.7, topP: 0.9 },
  },
];
show.table(
  (await tryParameters(HAIKU, question, trials)).map((r) => ({
    ...r,
    answer: r.answer.replace(/\s+/g, " ").slice(0, 70),
  })),
);
console.log(
  say(
    {
      es: "Con Claude Haiku 4.5, `sampling` deja solo la temperatura:",
      en: "With Claude Haiku 4.5, `sampling` keeps only the temperature:",
    },
    guide.lang,
  ),
  sampling(HAIKU, { temperature: 0.7, topP: 0.9 }),
);
console.log(
  say(
    {
      es: "Con Nova 2 Lite se admiten los dos:",
      en: "Nova 2 Lite accepts both:",
    },
    guide.lang,
  ),
  sampling(NOVA_LITE, { temperature: 0.7, topP: 0.9 }),
);
// #endregion parameters

// #region temperature
show.table(
  await temperatureSpread(
    NOVA_LITE,
    say(
      {
        es: "Inventa un nombre para una cafetería.",
        en: "Invent a name for a coffee shop.",
      },
      guide.lang,
    ),
    [0, 1],
  ),
);
// #endregion temperature

// #region exercise-stop-sequence
show.table(
  (
    await tryExercise(
      "stop-sequence",
      buildPrompt({ instruction: question }),
      {
        maxTokens: 400,
      },
    )
  ).rows,
);
// #endregion exercise-stop-sequence

// #region adapt
// The complete example from the start of the chapter, on two models, with the checks its format asks for.
show.table(
  await samePromptOnModels(
    built,
    [HAIKU, NOVA_LITE],
    [
      checks.bullets({ count: 4 }),
      checks.maxWords(200),
      checks.language(guide.lang),
    ],
  ),
);
// #endregion adapt

// #region exercise-two-models
show.table(
  (
    await tryExercise(
      "two-models",
      buildPrompt({
        instruction: say(
          {
            es: "Dame algunos consejos para escribir buenos prompts.",
            en: "Give some tips for writing good prompts.",
          },
          guide.lang,
        ),
      }),
    )
  ).rows,
);
// #endregion exercise-two-models

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
show.table(
  await Promise.all(
    [
      "17 × 23 = 17 × 20 + 17 × 3 = 340 + 51 = 391",
      "Roughly 400.",
      "That is incorrect.",
      "Correct: it is 391.",
    ].map(async (answer) => ({
      answer,
      ...Object.fromEntries(
        (
          await checkAnswer(answer, [
            checks.numberNear(391),
            checks.contains("correct"),
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
    messages: [{ role: "user", content: [{ text: vague }] }],
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
      name: "A: vague",
      request: ({ topic }: Topic) =>
        ask(
          say(
            { es: `Háblame de ${topic}.`, en: `Tell me about ${topic}.` },
            guide.lang,
          ),
        ),
    },
    {
      name: "B: specific",
      request: ({ topic }: Topic) =>
        ask(
          say(
            {
              es: `Explica ${topic} de Amazon Bedrock en 3 viñetas y 60 palabras como máximo, en español.`,
              en: `Explain ${topic} in Amazon Bedrock in 3 bullet points and at most 60 words, in English.`,
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

// #region cost
guide.meter.report();
// #endregion cost
