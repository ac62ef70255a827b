import { show } from "./display";
import { say, type Language } from "./language";
import { inExtendedAccess } from "./catalog-facts";
import {
  costOf,
  formatUsd,
  priceOf,
  sourceCitationsOf,
  type ModelPrice,
} from "./prices";

export interface MeteredCall {
  operation: string;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  images: number;
  /** USD; undefined when the price table has no price for this model. */
  costUsd: number | undefined;
  /** Wall-clock time of the call as the client saw it. */
  elapsedMs: number;
}

export class BudgetExceededError extends Error {
  constructor(
    public readonly spentUsd: number,
    public readonly budgetUsd: number,
  ) {
    super(
      `Budget reached: this session has spent ${formatUsd(spentUsd)} of its ${formatUsd(budgetUsd)} budget.`,
    );
    this.name = "BudgetExceededError";
  }
}

/**
 * Live, a Legacy model in public extended access with no sourced price: the guide cannot keep to
 * the budget, so it does not call it unless the reader opts in.
 */
export class ExtendedAccessPriceUnknown extends Error {
  constructor(readonly modelId: string) {
    super(
      `${modelId} is in public extended access, where AWS may charge more than the on-demand price, and data/prices.json has no sourced price for it. Set BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1 to call it anyway.`,
    );
    this.name = "ExtendedAccessPriceUnknown";
  }
}

/**
 * Prices every model call of the session. Offline it tells what the same calls would cost live;
 * live it also stops further calls once the budget is spent.
 */
export class CostMeter {
  readonly calls: MeteredCall[] = [];

  constructor(
    readonly options: {
      live: boolean;
      budgetUsd: number;
      lang: Language;
      /** Call Legacy models in extended access live even without a known price. */
      allowExtendedAccess?: boolean;
    },
  ) {}

  record(call: Omit<MeteredCall, "costUsd">): MeteredCall {
    const metered = { ...call, costUsd: costOf(call.modelId, call) };
    this.calls.push(metered);
    return metered;
  }

  get totalUsd(): number {
    return this.calls.reduce((sum, c) => sum + (c.costUsd ?? 0), 0);
  }

  /**
   * Called before every live model call: spending stops at the budget, not after it, and a model
   * whose price is unknown because it is in extended access is refused unless allowed.
   */
  checkBudget(modelId?: string): void {
    if (
      this.options.live &&
      modelId !== undefined &&
      !this.options.allowExtendedAccess &&
      inExtendedAccess(modelId) &&
      priceOf(modelId) === undefined
    ) {
      throw new ExtendedAccessPriceUnknown(modelId);
    }
    if (this.options.live && this.totalUsd >= this.options.budgetUsd) {
      throw new BudgetExceededError(this.totalUsd, this.options.budgetUsd);
    }
  }

  /** One row per model: calls, tokens, images and cost. */
  byModel(): Array<{
    model: string;
    calls: number;
    inputTokens: number;
    outputTokens: number;
    images: number;
    cost: string;
  }> {
    const rows = new Map<
      string,
      {
        calls: number;
        inputTokens: number;
        outputTokens: number;
        images: number;
        usd: number;
        priced: boolean;
      }
    >();
    for (const c of this.calls) {
      const row = rows.get(c.modelId) ?? {
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        images: 0,
        usd: 0,
        priced: true,
      };
      row.calls += 1;
      row.inputTokens += c.inputTokens;
      row.outputTokens += c.outputTokens;
      row.images += c.images;
      row.usd += c.costUsd ?? 0;
      row.priced = row.priced && c.costUsd !== undefined;
      rows.set(c.modelId, row);
    }
    return [...rows].map(([model, r]) => ({
      model,
      calls: r.calls,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      images: r.images,
      cost: r.priced ? formatUsd(r.usd) : `${formatUsd(r.usd)} + ?`,
    }));
  }

  /** A sentence with the total, in the reader's language. */
  summary(): string {
    const anyUnpriced = this.calls.some((c) => c.costUsd === undefined);
    // A call without a known price is never counted as free: the total says so.
    const total = !anyUnpriced
      ? formatUsd(this.totalUsd)
      : this.totalUsd > 0
        ? `${formatUsd(this.totalUsd)} + ?`
        : "?";
    const n = this.calls.length;
    const unpriced = this.calls
      .filter((c) => c.costUsd === undefined)
      .map((c) =>
        inExtendedAccess(c.modelId)
          ? `${c.modelId} (${say({ es: "acceso extendido, más caro que bajo demanda", en: "extended access, dearer than on demand" }, this.options.lang)})`
          : c.modelId,
      );
    const missing = unpriced.length
      ? say(
          {
            es: ` (sin precio conocido: ${[...new Set(unpriced)].join(", ")})`,
            en: ` (no known price: ${[...new Set(unpriced)].join(", ")})`,
          },
          this.options.lang,
        )
      : "";
    const text = this.options.live
      ? {
          es: `${n} llamadas a modelos en vivo: ${total} de un presupuesto de ${formatUsd(this.options.budgetUsd)}${missing}.`,
          en: `${n} live model calls: ${total} of a ${formatUsd(this.options.budgetUsd)} budget${missing}.`,
        }
      : {
          es: `${n} llamadas sin conexión: no han costado nada. En vivo habrían costado unos ${total}${missing}.`,
          en: `${n} offline calls: they cost nothing. Live they would have cost about ${total}${missing}.`,
        };
    return say(text, this.options.lang);
  }

  /** Shows the per-model table and the total, with the dates of the prices used. */
  report(): void {
    show.table(this.byModel());
    show.markdown(`${this.summary()} ${this.pricesNote()}`);
  }

  /** Which sources priced these calls, named and linked, with the date of each: prices age. */
  pricesNote(): string {
    const prices = this.calls
      .map((c) => priceOf(c.modelId))
      .filter((p): p is ModelPrice => p !== undefined);
    const sources = sourceCitationsOf(prices, this.options.lang).join("; ");
    return say(
      sources
        ? {
            es: `Precios bajo demanda en USD de data/prices.json (fuentes: ${sources}).`,
            en: `On-demand prices in USD from data/prices.json (sources: ${sources}).`,
          }
        : {
            es: "Precios bajo demanda en USD de data/prices.json.",
            en: "On-demand prices in USD from data/prices.json.",
          },
      this.options.lang,
    );
  }
}

export { priceOf };
