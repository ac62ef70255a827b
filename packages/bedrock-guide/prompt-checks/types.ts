import type { ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import { currentLanguage, type Bilingual } from "../language";

/** The article's four criteria for a good answer. */
export type Criterion = "accuracy" | "consistency" | "coherence" | "format";

export interface CheckResult {
  /** What was checked, e.g. "maxWords(50)". */
  check: string;
  criterion: Criterion;
  passed: boolean;
  /** Why it passed or failed, in the reader's language. */
  reason: string;
}

/** An answer reduced to what checks need. */
export interface Answer {
  text: string;
  /** Converse's stopReason, when the answer came from Converse. */
  stopReason?: string;
  /** Set when the answer has no text to check, and why (a refusal, a tool call, an image…). */
  notText?: string;
  /** True when maxTokens cut the answer off (stopReason max_tokens): its shape is not final. */
  truncated?: boolean;
}

/** One check over an answer. Checks never throw on a bad answer: they fail with a reason. */
export interface Check {
  name: string;
  criterion: Criterion;
  run(answer: Answer): CheckResult | Promise<CheckResult>;
}

/** "1 word", "2 words": a count with the noun in the right number. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A number the way the reader writes it: 0,67 in Spanish, 0.67 in English. */
export function decimal(n: number, digits = 2): string {
  return new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/** Picks the reader's language for a message the toolkit writes. */
export function tr(text: Bilingual): string {
  return text[currentLanguage()];
}

/** Bad configuration: a clear error that names the field, thrown when the check is built. */
export class CheckConfigError extends Error {
  override name = "CheckConfigError";
  constructor(
    readonly field: string,
    message: Bilingual,
  ) {
    super(`${field}: ${tr(message)}`);
  }
}

// Stop reasons that mean the model (or a guardrail) declined to answer.
const REFUSALS = new Set(["content_filtered", "guardrail_intervened"]);

/** A Converse response, or plain text, as an Answer. */
export function answerOf(
  response: string | Answer | ConverseCommandOutput,
): Answer {
  if (typeof response === "string") return { text: response };
  if ("text" in response && typeof response.text === "string")
    return response;
  const output = response as ConverseCommandOutput;
  const stopReason = output.stopReason;
  const blocks = output.output?.message?.content ?? [];
  const text = blocks.map((b) => b.text ?? "").join("");
  if (stopReason && REFUSALS.has(stopReason)) {
    return {
      text,
      stopReason,
      notText: tr({
        es: `el modelo no respondió (stopReason ${stopReason})`,
        en: `the model declined to answer (stopReason ${stopReason})`,
      }),
    };
  }
  if (!text && blocks.length) {
    const kinds = blocks
      .map(
        (b) =>
          Object.keys(b).find(
            (k) =>
              (b as unknown as Record<string, unknown>)[k] !== undefined,
          ) ?? "?",
      )
      .join(", ");
    return {
      text,
      stopReason,
      notText: tr({
        es: `la respuesta no tiene texto (bloques: ${kinds})`,
        en: `the answer has no text (blocks: ${kinds})`,
      }),
    };
  }
  return {
    text,
    stopReason,
    ...(stopReason === "max_tokens" ? { truncated: true } : {}),
  };
}
