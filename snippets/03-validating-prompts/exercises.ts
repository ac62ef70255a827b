import {
  BedrockRuntimeClient,
  ConverseCommand,
  type InferenceConfiguration,
  type Message,
  type SystemContentBlock,
} from "@aws-sdk/client-bedrock-runtime";
import {
  checkAnswer,
  checks,
  currentLanguage,
  explainError,
  modelIdFor,
  type Bilingual,
  type Check,
  type CheckResult,
} from "bedrock-guide";
import { z } from "zod";

// Exercises: you write the prompt, the checker sends it and puts the answer through the toolkit.
// Offline it checks the emulator's answer, which follows explicit instructions only; live it
// checks what the real model wrote.

export type ExerciseId =
  "structure" | "be-specific" | "json" | "stop-sequence" | "two-models";

interface BuiltPrompt {
  system: SystemContentBlock[];
  messages: Message[];
}

interface Exercise {
  goal: Bilingual;
  hint: Bilingual;
  /** Checks on the answer. Built per run, so reasons come in the reader's language. */
  answerChecks(): Check[];
  /** Checks on the prompt itself (has a context, and so on). */
  promptChecks?: Array<{
    check: string;
    passes(prompt: BuiltPrompt): boolean;
    reason: Bilingual;
  }>;
  models: string[];
}

const stoppedBy = (reason: string): Check => ({
  name: `stopReason = ${reason}`,
  criterion: "format",
  run: (answer) => ({
    check: `stopReason = ${reason}`,
    criterion: "format",
    passed: answer.stopReason === reason,
    reason: `stopReason: ${answer.stopReason ?? "?"}`,
  }),
});

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_LITE = "amazon.nova-2-lite-v1:0";

export const exercises: Record<ExerciseId, Exercise> = {
  structure: {
    goal: {
      es: "Explica qué es un perfil de inferencia a alguien sin formación técnica: un contexto (quién eres y para quién escribes), exactamente 3 viñetas y 60 palabras como máximo.",
      en: "Explain what an inference profile is to someone with no technical background: a context (who you are, who you write for), exactly 3 bullet points and at most 60 words.",
    },
    hint: {
      es: "Pon el papel y el público en `context`, y el formato en `format` con cifras: «solo 3 viñetas, sin frase de introducción», «60 palabras como máximo».",
      en: 'Put the role and audience in `context`, and the format in `format` with numbers: "exactly 3 bullet points, no opening line", "at most 60 words".',
    },
    answerChecks: () => [checks.bullets({ count: 3 }), checks.maxWords(60)],
    promptChecks: [
      {
        check: "context",
        passes: (p) => p.system.some((b) => !!b.text?.trim()),
        reason: {
          es: "el prompt no tiene contexto (prompt de sistema)",
          en: "the prompt has no context (system prompt)",
        },
      },
    ],
    models: [HAIKU],
  },
  "be-specific": {
    goal: {
      es: "Convierte «Explica qué es Amazon Bedrock.» en un prompt concreto: 50 palabras como máximo, 3 frases como máximo y en tu idioma.",
      en: 'Turn "Explain what Amazon Bedrock is." into a specific prompt: at most 50 words, at most 3 sentences, in your language.',
    },
    hint: {
      es: "Un modelo no adivina límites: escríbelos con cifras («en 50 palabras como máximo, en 3 frases como máximo») y pide el idioma («responde en español»).",
      en: 'A model does not guess limits: write them as numbers ("in at most 50 words, in at most 3 sentences") and name the language ("answer in English").',
    },
    answerChecks: () => [
      checks.maxWords(50),
      checks.maxSentences(3, currentLanguage()),
      checks.language(currentLanguage()),
    ],
    models: [HAIKU],
  },
  json: {
    goal: {
      es: "Pide una recomendación de modelo como JSON, sin nada más, con las claves `model`, `useCase` y `reason` (tres textos).",
      en: "Ask for a model recommendation as JSON and nothing else, with the keys `model`, `useCase` and `reason` (three strings).",
    },
    hint: {
      es: "Nombra el formato y las claves exactas: «Responde solo con un objeto JSON con las claves model, useCase y reason».",
      en: 'Name the format and the exact keys: "Reply only with a JSON object with the keys model, useCase and reason".',
    },
    answerChecks: () => [
      checks.json(
        z.object({
          model: z.string().min(1),
          useCase: z.string().min(1),
          reason: z.string().min(1),
        }),
      ),
    ],
    models: [HAIKU],
  },
  "stop-sequence": {
    goal: {
      es: "Haz que la respuesta termine por una secuencia de parada (stopReason `stop_sequence`), no porque el modelo acabe.",
      en: "Make the answer end because of a stop sequence (stopReason `stop_sequence`), not because the model finished.",
    },
    hint: {
      es: "Pide al modelo que escriba una marca (por ejemplo FIN) y pásala en `inferenceConfig.stopSequences`.",
      en: "Ask the model to write a marker (for example END) and pass it in `inferenceConfig.stopSequences`.",
    },
    answerChecks: () => [stoppedBy("stop_sequence")],
    models: [HAIKU],
  },
  "two-models": {
    goal: {
      es: "Un prompt que pase en dos modelos (Claude Haiku 4.5 y Nova 2 Lite): 3 viñetas y 40 palabras como máximo.",
      en: "One prompt that passes on two models (Claude Haiku 4.5 and Nova 2 Lite): 3 bullet points and at most 40 words.",
    },
    hint: {
      es: "Lo que un modelo infiere, otro lo ignora: deja explícitos el número de viñetas, que no haya frase de introducción y el límite de palabras.",
      en: "What one model infers another ignores: state the number of bullets, that there is no opening line, and the word limit.",
    },
    answerChecks: () => [checks.bullets({ count: 3 }), checks.maxWords(40)],
    models: [HAIKU, NOVA_LITE],
  },
};

export interface ExerciseReport {
  passed: boolean;
  rows: Array<{ model: string; check: string; ok: string; reason: string }>;
  /** Shown only when something failed. */
  hint?: string;
}

/** Sends your prompt (built with buildPrompt) to the exercise's models and checks each answer. */
export async function checkExercise(
  id: ExerciseId,
  prompt: BuiltPrompt,
  inferenceConfig: InferenceConfiguration = { maxTokens: 400 },
): Promise<ExerciseReport> {
  const exercise = exercises[id];
  if (!exercise)
    throw new Error(
      `checkExercise: unknown exercise "${id}". Choose one of: ${Object.keys(exercises).join(", ")}.`,
    );
  const lang = currentLanguage();
  const rows: ExerciseReport["rows"] = [];
  const add = (model: string, r: CheckResult) =>
    rows.push({
      model,
      check: r.check,
      ok: r.passed ? "✓" : "✗",
      reason: r.reason,
    });

  for (const p of exercise.promptChecks ?? []) {
    const passed = p.passes(prompt);
    add("(prompt)", {
      check: p.check,
      criterion: "format",
      passed,
      reason: passed ? "✓" : p.reason[lang],
    });
  }
  const runtime = new BedrockRuntimeClient({});
  for (const model of exercise.models) {
    let modelId = model;
    try {
      modelId = await modelIdFor(model);
      const response = await runtime.send(
        new ConverseCommand({
          modelId,
          ...prompt,
          inferenceConfig,
        }),
      );
      for (const r of (await checkAnswer(response, exercise.answerChecks()))
        .results)
        add(model, r);
    } catch (error) {
      add(model, {
        check: "Converse",
        criterion: "format",
        passed: false,
        reason: explainError(error, { modelId }).title,
      });
    }
  }
  const passed = rows.every((r) => r.ok === "✓");
  return { passed, rows, ...(passed ? {} : { hint: exercise.hint[lang] }) };
}

/** Checks your prompt, prints the goal and, if a check fails, a hint; show its `rows` as a table. */
export async function tryExercise(
  id: ExerciseId,
  prompt: BuiltPrompt,
  inferenceConfig?: InferenceConfiguration,
): Promise<ExerciseReport> {
  const report = await checkExercise(id, prompt, inferenceConfig);
  console.log(exercises[id].goal[currentLanguage()]);
  if (report.hint) console.log("💡", report.hint);
  return report;
}
