import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
} from "@aws-sdk/client-bedrock-runtime";
import { barChart } from "../chart";
import { inParallel } from "../concurrency";
import { explainError } from "../error-advice";
import type { Bilingual } from "../language";
import { costOf, formatUsd } from "../prices";
import { checkAnswer, assertChecks } from "./run";
import {
  CheckConfigError,
  tr,
  type Check,
  type CheckResult,
  type Criterion,
} from "./types";

// An A/B test of prompt variants: every variant answers every case of a small dataset, every
// answer is checked, and the scores are compared per criterion.

export interface PromptVariant<I> {
  name: string;
  /** The Converse request this variant sends for one input. */
  request(input: I): ConverseCommandInput;
}

export interface PromptCase<I> {
  input: I;
  checks: Check[];
}

export interface ComparisonRun {
  variant: string;
  /** Index of the case in the dataset. */
  case: number;
  passed: boolean;
  results: CheckResult[];
  answer: string;
  /** Round trip in ms as measured here. */
  ms: number;
  costUsd?: number;
  error?: string;
}

export interface PromptComparison {
  runs: ComparisonRun[];
  /** One row per variant: passed/total per criterion, mean time and total cost. */
  table(): Array<Record<string, string | number>>;
  /** Pass rate per criterion, one panel each, as SVG. */
  chart(title: string): string;
}

const CRITERIA: Criterion[] = [
  "accuracy",
  "consistency",
  "coherence",
  "format",
];

/** The criteria as the reader's language names them, for table headers and chart panels. */
const CRITERION_NAMES: Record<Criterion, Bilingual> = {
  accuracy: { es: "exactitud", en: "accuracy" },
  consistency: { es: "consistencia", en: "consistency" },
  coherence: { es: "coherencia", en: "coherence" },
  format: { es: "formato", en: "format" },
};

/**
 * Runs every variant on every case, at most `concurrency` calls at a time, so the wall time is
 * about the slowest batch rather than the sum of the calls. Every call goes through the guide's
 * cost meter like any other Bedrock call.
 */
export async function comparePrompts<I>(options: {
  variants: PromptVariant<I>[];
  cases: PromptCase<I>[];
  concurrency?: number;
}): Promise<PromptComparison> {
  const {
    variants,
    cases,
    concurrency = 4,
  } = options ?? ({} as typeof options);
  if (!Array.isArray(variants) || !variants.length)
    throw new CheckConfigError("variants", {
      es: "hace falta al menos una variante",
      en: "at least one variant is needed",
    });
  const names = variants.map((v) => v.name);
  if (new Set(names).size !== names.length)
    throw new CheckConfigError("variants", {
      es: "cada variante necesita un nombre distinto",
      en: "each variant needs its own name",
    });
  if (!Array.isArray(cases) || !cases.length)
    throw new CheckConfigError("cases", {
      es: "el conjunto de casos está vacío",
      en: "the dataset is empty",
    });
  cases.forEach((c, i) => {
    try {
      assertChecks(c.checks);
    } catch (error) {
      throw new CheckConfigError(
        `cases[${i}].${(error as CheckConfigError).field}`,
        { es: (error as Error).message, en: (error as Error).message },
      );
    }
  });
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new CheckConfigError("concurrency", {
      es: `debe ser un entero ≥ 1, no ${concurrency}`,
      en: `must be an integer ≥ 1, not ${concurrency}`,
    });

  const jobs = variants.flatMap((variant) =>
    cases.map((c, index) => ({ variant, c, index })),
  );
  const runtime = new BedrockRuntimeClient({
    retryMode: "adaptive",
    maxAttempts: 6,
  });
  try {
    const runs = await inParallel(
      jobs,
      concurrency,
      async ({ variant, c, index }): Promise<ComparisonRun> => {
        const request = variant.request(c.input);
        const started = performance.now();
        try {
          const response = await runtime.send(new ConverseCommand(request));
          const ms = Math.round(performance.now() - started);
          const report = await checkAnswer(response, c.checks);
          const usage = {
            inputTokens: response.usage?.inputTokens ?? 0,
            outputTokens: response.usage?.outputTokens ?? 0,
          };
          const answer = (response.output?.message?.content ?? [])
            .map((b) => b.text ?? "")
            .join("");
          return {
            variant: variant.name,
            case: index,
            passed: report.passed,
            results: report.results,
            answer,
            ms,
            costUsd: costOf(request.modelId ?? "", usage),
          };
        } catch (error) {
          // A failed call fails its checks with the explanation; the comparison goes on.
          const why = explainError(error, {
            modelId: request.modelId,
          }).title;
          const results = c.checks.map((check) => ({
            check: check.name,
            criterion: check.criterion,
            passed: false,
            reason: why,
          }));
          return {
            variant: variant.name,
            case: index,
            passed: false,
            results,
            answer: "",
            ms: Math.round(performance.now() - started),
            error: why,
          };
        }
      },
    );
    return summarise(runs, names);
  } finally {
    runtime.destroy();
  }
}

function summarise(
  runs: ComparisonRun[],
  variants: string[],
): PromptComparison {
  const used = CRITERIA.filter((criterion) =>
    runs.some((r) => r.results.some((x) => x.criterion === criterion)),
  );
  const rate = (variant: string, criterion: Criterion) => {
    const results = runs
      .filter((r) => r.variant === variant)
      .flatMap((r) => r.results.filter((x) => x.criterion === criterion));
    return {
      passed: results.filter((x) => x.passed).length,
      total: results.length,
    };
  };
  return {
    runs,
    table() {
      return variants.map((variant) => {
        const mine = runs.filter((r) => r.variant === variant);
        const row: Record<string, string | number> = {
          [tr({ es: "variante", en: "variant" })]: variant,
        };
        for (const criterion of used) {
          const { passed, total } = rate(variant, criterion);
          row[tr(CRITERION_NAMES[criterion])] = `${passed}/${total}`;
        }
        row[tr({ es: "casos superados enteros", en: "cases all passed" })] =
          `${mine.filter((r) => r.passed).length}/${mine.length}`;
        row[tr({ es: "ms medios", en: "mean ms" })] = Math.round(
          mine.reduce((s, r) => s + r.ms, 0) / mine.length,
        );
        const costs = mine.map((r) => r.costUsd);
        row[tr({ es: "coste", en: "cost" })] = costs.some(
          (c) => c === undefined,
        )
          ? formatUsd(undefined)
          : formatUsd(costs.reduce((s, c) => s! + c!, 0));
        return row;
      });
    },
    chart(title: string) {
      return barChart({
        title,
        categories: variants,
        series: used.map((criterion) => ({
          name: `${tr(CRITERION_NAMES[criterion])} (%)`,
          values: variants.map((v) => {
            const { passed, total } = rate(v, criterion);
            return total ? Math.round((100 * passed) / total) : 0;
          }),
          format: (v: number) => `${v}%`,
        })),
      });
    },
  };
}
