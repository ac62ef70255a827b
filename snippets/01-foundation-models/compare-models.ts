import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import {
  barChart,
  costOf,
  explainError,
  formatUsd,
  inParallel,
  ModelNotCallableHere,
  modelIdFor,
} from "bedrock-guide";

export interface ComparisonRow {
  /** The foundation model, as you asked for it. */
  model: string;
  /** What was sent as modelId from your region: a profile or the model's own ID; empty if none. */
  calledAs: string;
  /** Round trip as this program measured it, network included. */
  measuredMs: number;
  /** Time the model took, as Bedrock reports it in metrics.latencyMs. */
  modelMs: number;
  inputTokens: number;
  outputTokens: number;
  /** USD at on-demand prices; undefined when the price table has no entry. */
  costUsd: number | undefined;
  answer: string;
  error?: string;
}

/**
 * Sends one prompt to several foundation models, a few at a time, each called the way your region
 * allows. The client's adaptive retry mode backs off and slows down when Bedrock throttles,
 * instead of failing the comparison.
 */
export async function compareModels(
  prompt: string,
  models: string[],
  concurrency = 3,
): Promise<ComparisonRow[]> {
  const runtime = new BedrockRuntimeClient({
    retryMode: "adaptive",
    maxAttempts: 6,
  });
  return inParallel(models, concurrency, async (model) => {
    let modelId = "";
    let started = performance.now();
    try {
      // Throws ModelNotCallableHere when your region has neither a profile nor on-demand for it.
      modelId = await modelIdFor(model);
      started = performance.now();
      const response = await runtime.send(
        new ConverseCommand({
          modelId,
          messages: [{ role: "user", content: [{ text: prompt }] }],
          inferenceConfig: { maxTokens: 400, temperature: 0.2 },
        }),
      );
      const inputTokens = response.usage?.inputTokens ?? 0;
      const outputTokens = response.usage?.outputTokens ?? 0;
      return {
        model,
        calledAs: modelId,
        measuredMs: Math.round(performance.now() - started),
        modelMs: response.metrics?.latencyMs ?? 0,
        inputTokens,
        outputTokens,
        costUsd: costOf(modelId, { inputTokens, outputTokens }),
        answer: (response.output?.message?.content ?? [])
          .map((b) => b.text ?? "")
          .join(""),
      };
    } catch (error) {
      // One failing model should not sink the comparison: keep its row and say why.
      const why =
        error instanceof ModelNotCallableHere
          ? error.message
          : explainError(error, { modelId: modelId || model }).title;
      return {
        model,
        calledAs: modelId,
        measuredMs: Math.round(performance.now() - started),
        modelMs: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: undefined,
        answer: "",
        error: why,
      };
    }
  });
}

/** The rows as a table: one line per model, answers shortened. */
export function comparisonTable(
  rows: ComparisonRow[],
): Array<Record<string, string | number>> {
  return rows.map((r) => ({
    model: r.model,
    "called as": r.calledAs || "—",
    "measured ms": r.measuredMs,
    "model ms": r.modelMs,
    "tokens in": r.inputTokens,
    "tokens out": r.outputTokens,
    cost: formatUsd(r.costUsd),
    answer: r.error
      ? `⚠ ${r.error}`
      : r.answer.length > 80
        ? `${r.answer.slice(0, 77)}…`
        : r.answer,
  }));
}

/** Latency, output tokens and cost side by side, one panel each. */
export function comparisonChart(
  rows: ComparisonRow[],
  title: string,
): string {
  const ok = rows.filter((r) => !r.error);
  return barChart({
    title,
    categories: ok.map((r) => r.model),
    series: [
      {
        name: "metrics.latencyMs",
        values: ok.map((r) => r.modelMs),
        format: (v) => `${v} ms`,
      },
      { name: "usage.outputTokens", values: ok.map((r) => r.outputTokens) },
      {
        name: "USD × 1,000 calls",
        values: ok.map((r) => (r.costUsd ?? 0) * 1000),
        format: (v) => `$${v.toFixed(3)}`,
      },
    ],
  });
}
