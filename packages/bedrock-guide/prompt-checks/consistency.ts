import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
} from "@aws-sdk/client-bedrock-runtime";
import { inParallel } from "../concurrency";
import {
  CheckConfigError,
  answerOf,
  decimal,
  tr,
  type CheckResult,
} from "./types";

// Consistency: does the same prompt give the same answer run after run?

/** Lower-case words (letters and digits) of a text, as a set. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * How alike two answers are: the Jaccard index of their word sets, |A ∩ B| / |A ∪ B|. 1 means the
 * same words, 0 none in common. It ignores word order and repetition: a cheap, explainable
 * measure of whether runs say the same thing, not of whether they say it the same way.
 */
export function similarity(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (!A.size && !B.size) return 1;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / (A.size + B.size - shared);
}

export interface Consistency {
  answers: string[];
  /** Mean similarity over every pair of answers (1 with a single answer). */
  similarity: number;
  /** The least similar pair. */
  lowest: number;
  result: CheckResult;
}

/** Scores a set of answers to the same prompt. */
export function consistencyOf(
  answers: string[],
  minSimilarity = 0.6,
): Consistency {
  // One answer always agrees with itself: consistency needs at least two to compare.
  if (!Array.isArray(answers) || answers.length < 2) {
    throw new CheckConfigError("answers", {
      es: "hacen falta al menos dos respuestas para compararlas",
      en: "at least two answers are needed to compare",
    });
  }
  if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
    throw new CheckConfigError("minSimilarity", {
      es: `debe estar entre 0 y 1, no ${minSimilarity}`,
      en: `must be between 0 and 1, not ${minSimilarity}`,
    });
  }
  const scores: number[] = [];
  for (let i = 0; i < answers.length; i++)
    for (let j = i + 1; j < answers.length; j++)
      scores.push(similarity(answers[i], answers[j]));
  const mean = scores.length
    ? scores.reduce((s, x) => s + x, 0) / scores.length
    : 1;
  const lowest = scores.length ? Math.min(...scores) : 1;
  const empty = answers.filter((a) => !a.trim()).length;
  const passed = empty === 0 && mean >= minSimilarity;
  const reason = empty
    ? tr({
        es: `${empty} de ${answers.length} respuestas vacías`,
        en: `${empty} of ${answers.length} answers are empty`,
      })
    : tr({
        es: `similitud media ${decimal(mean)} (mínima ${decimal(lowest)}) en ${answers.length} ejecuciones; se pide ≥ ${decimal(minSimilarity)}`,
        en: `mean similarity ${decimal(mean)} (lowest ${decimal(lowest)}) over ${answers.length} runs; ≥ ${decimal(minSimilarity)} required`,
      });
  return {
    answers,
    similarity: mean,
    lowest,
    result: {
      check: `consistency(${answers.length})`,
      criterion: "consistency",
      passed,
      reason,
    },
  };
}

export interface ConsistencyRun {
  request: ConverseCommandInput;
  /** How many times to send it (at least 1). */
  times: number;
  minSimilarity?: number;
  concurrency?: number;
}

/** Sends the same request `times` times and scores how alike the answers are. */
export async function runConsistency({
  request,
  times,
  minSimilarity = 0.6,
  concurrency = 3,
}: ConsistencyRun): Promise<Consistency> {
  if (!Number.isInteger(times) || times < 2) {
    throw new CheckConfigError("times", {
      es: `debe ser un entero ≥ 2 (hay que comparar respuestas), no ${times}`,
      en: `must be an integer ≥ 2 (answers need comparing), not ${times}`,
    });
  }
  const runtime = new BedrockRuntimeClient({
    retryMode: "adaptive",
    maxAttempts: 6,
  });
  try {
    const answers = await inParallel(
      Array.from({ length: times }),
      concurrency,
      async () =>
        answerOf(await runtime.send(new ConverseCommand(request))).text,
    );
    return consistencyOf(answers, minSimilarity);
  } finally {
    runtime.destroy();
  }
}
