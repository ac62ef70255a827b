import { currentLanguage, type Language } from "../language";
import { batchPriceOf, formatUsd, type ModelPrice } from "../prices";
import { BatchBudgetError, BatchRecordError } from "./errors";
import type { BatchRecord } from "./records";

// An upper bound of a batch job's cost before it runs. Input: one token per UTF-8 byte of the
// record's text (byte-level tokenizers never make a token of less than one byte) plus a generous
// allowance for the chat template, as the guide's live tests bound a call. Output: each record's
// own max tokens. Price: the model's batch price (prices.json: AWS's per-model figure, else the
// on-demand price less the documented batch discount).

/** Tokens a record costs beyond its text: role markers and the chat template. Generous on purpose. */
export const TEMPLATE_OVERHEAD_TOKENS = 200;

const utf8 = new TextEncoder();

function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return typeof o.text === "string"
      ? [o.text]
      : Array.isArray(o.content)
        ? textsOf(o.content)
        : typeof o.content === "string"
          ? [o.content]
          : [];
  }
  return [];
}

/** True when a record's prompt holds a block that is not text (an image, a document...). */
function hasNonTextBlock(record: BatchRecord): boolean {
  const blocks = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const input = record.modelInput as {
    system?: unknown;
    messages?: unknown;
  };
  const all = [
    ...blocks(input.system),
    ...blocks(input.messages).flatMap((m) =>
      blocks((m as { content?: unknown })?.content),
    ),
  ];
  return all.some(
    (b) =>
      !(
        b &&
        typeof b === "object" &&
        typeof (b as { text?: unknown }).text === "string"
      ),
  );
}

/** Everything the model reads in a record: system text and every message's text. */
export function promptTextOf(record: BatchRecord): string {
  const input = record.modelInput;
  return [...textsOf(input.system), ...textsOf(input.messages)].join("");
}

/** The most output tokens a record can produce: Converse maxTokens or the native max_tokens. */
export function maxTokensOf(record: BatchRecord): number | undefined {
  const input = record.modelInput as {
    inferenceConfig?: { maxTokens?: number };
    max_tokens?: number;
  };
  return input.inferenceConfig?.maxTokens ?? input.max_tokens;
}

export interface BatchCostBound {
  records: number;
  inputTokens: number;
  outputTokens: number;
  /** USD: never below what the job can cost at the price used. */
  usd: number;
  price: ModelPrice;
}

/**
 * The job's cost bound. Throws BatchRecordError for a record with no max tokens (its output cannot
 * be bounded), and BatchBudgetError when the model has no known price (never assumed free).
 */
export function batchCostBound(
  records: readonly BatchRecord[],
  modelId: string,
  lang: Language = currentLanguage(),
): BatchCostBound {
  const price = batchPriceOf(modelId);
  if (!price)
    throw new BatchBudgetError(
      undefined,
      0,
      {
        es: `La guía no tiene precio para ${modelId}, así que no puede acotar el coste del trabajo y no lo da por gratis. Elige un modelo con precio en data/prices.json o añade el suyo con su fuente.`,
        en: `The guide has no price for ${modelId}, so it cannot bound the job's cost and will not assume it is free. Pick a model priced in data/prices.json or add its price with a source.`,
      },
      lang,
    );
  let inputTokens = 0;
  let outputTokens = 0;
  records.forEach((record, index) => {
    const max = maxTokensOf(record);
    if (max === undefined)
      throw new BatchRecordError(
        index,
        record.recordId,
        {
          es: `El registro ${index} («${record.recordId}») no fija maxTokens, así que su salida no tiene tope y el coste no se puede acotar. Pon inferenceConfig.maxTokens en la petición.`,
          en: `Record ${index} ("${record.recordId}") sets no maxTokens, so its output has no cap and the cost cannot be bounded. Set inferenceConfig.maxTokens in the request.`,
        },
        lang,
      );
    if (hasNonTextBlock(record))
      throw new BatchRecordError(
        index,
        record.recordId,
        {
          es: `El registro ${index} («${record.recordId}») lleva un bloque que no es texto (imagen, documento...): la guía solo sabe acotar los tokens del texto. Acota ese coste aparte o quita el bloque.`,
          en: `Record ${index} ("${record.recordId}") carries a block that is not text (an image, a document...): the guide can bound text tokens only. Bound that cost separately or remove the block.`,
        },
        lang,
      );
    inputTokens +=
      utf8.encode(promptTextOf(record)).length + TEMPLATE_OVERHEAD_TOKENS;
    outputTokens += max;
  });
  const usd =
    (inputTokens * price.inputPerMillion +
      outputTokens * price.outputPerMillion) /
    1e6;
  return { records: records.length, inputTokens, outputTokens, usd, price };
}

/** Refuses (throws BatchBudgetError) when the bound is above the reader's budget; else returns it. */
export function assertBatchWithinBudget(
  bound: BatchCostBound,
  budgetUsd: number,
  lang: Language = currentLanguage(),
): BatchCostBound {
  if (bound.usd <= budgetUsd) return bound;
  throw new BatchBudgetError(
    bound.usd,
    budgetUsd,
    {
      es: `Este trabajo podría costar hasta ${formatUsd(bound.usd)} (${bound.records} registros: como mucho ${bound.inputTokens} tokens de entrada y ${bound.outputTokens} de salida a precio por lotes de ${bound.price.modelId}), más que tu presupuesto de ${formatUsd(budgetUsd)}. Usa menos registros o un maxTokens menor, elige un modelo más barato o sube el presupuesto.`,
      en: `This job could cost up to ${formatUsd(bound.usd)} (${bound.records} records: at most ${bound.inputTokens} input and ${bound.outputTokens} output tokens at ${bound.price.modelId}'s batch price), more than your budget of ${formatUsd(budgetUsd)}. Use fewer records or a lower maxTokens, pick a cheaper model, or raise the budget.`,
    },
    lang,
  );
}
