// Chapter 2 as the notebook runs it: each region is one "try it" cell. The functions come from the
// lesson files beside this one (in the notebook, from the cells before), so these imports stay
// outside the regions.
import { say, show, startGuide } from "bedrock-guide";
import { samePromptOnModels } from "./adapt-to-model";
import {
  answerEnding,
  temperatureSpread,
  tryParameters,
  whatModelsTake,
} from "./parameters";
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
  turnsInFull,
  withConstraints,
  zeroShot,
} from "./techniques";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region models
// Checks for answers, from the validation toolkit of bedrock-guide (chapter 3 explains it).
import { checkAnswer, checks, modelIdFor } from "bedrock-guide";

// Foundation models by ID; modelIdFor turns each into what your region can call.
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";
const OPUS_4_7 = "anthropic.claude-opus-4-7";
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
        "Responde en español solo con 4 viñetas, sin frase de introducción ni de cierre, y 200 palabras como máximo.",
      example:
        "- La nube es como la luz de casa: pagas lo que consumes.\n- Es como un piso de alquiler: otros arreglan las tuberías.",
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
        "Answer in English with 4 bullet points only, no opening or closing line, and at most 200 words.",
      example:
        "- The cloud is like electricity at home: you pay for what you use.\n- It is like a rented flat: someone else fixes the plumbing.",
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
console.log(
  say(
    {
      es: "\nRespuesta de Claude Haiku 4.5:",
      en: "\nClaude Haiku 4.5's answer:",
    },
    guide.lang,
  ),
);
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
    es: "Explica qué es Amazon Bedrock a un equipo de desarrollo junior: responde en español solo con 3 viñetas sobre sus ventajas principales, sin frase de introducción, y 80 palabras como máximo.",
    en: "Explain what Amazon Bedrock is to a team of junior developers: answer in English with only 3 bullet points on its main advantages, no opening line, and at most 80 words.",
  },
  guide.lang,
);
const principleRows = [];
for (const [label, prompt] of [
  [say({ es: "vago", en: "vague" }, guide.lang), vague],
  [say({ es: "concreto", en: "specific" }, guide.lang), specific],
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
        es: "Revisa tu explicación: enumera en pasos numerados lo que sea confuso, impreciso o innecesario.",
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
show.table(turnsInFull(refined, [2, 6]));
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
    // Where each answer ends shows which limit cut it.
    answer: answerEnding(r.answer, 60),
  })),
);
show.table(whatModelsTake([HAIKU, OPUS_4_7, NOVA_LITE], guide.lang));
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

// #region cost
guide.meter.report();
// #endregion cost
