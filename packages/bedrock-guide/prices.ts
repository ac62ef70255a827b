import { batchPricing } from "./batch/facts";
import { inExtendedAccess } from "./catalog-facts";
import { readDataFile } from "./data";
import type { Language } from "./language";
import { parseModelReference } from "./model-reference";

interface PerMillion {
  input: number;
  output: number;
}
interface TextPriceEntry {
  models: string[];
  input?: number;
  output?: number;
  global?: PerMillion;
  regional?: PerMillion;
  source: string;
}
interface ImagePriceEntry {
  models: string[];
  perImage: number;
  source: string;
}
interface PriceFile {
  retrievedAt: string;
  sources: Record<string, string>;
  /** When each source was read or last updated. */
  sourceDates: Record<string, string>;
  /** What each source is called in each language, and where to read it. */
  sourceNames: Record<string, { es: string; en: string; url: string }>;
  text: TextPriceEntry[];
  image: ImagePriceEntry[];
  /** Sourced prices for Legacy models in public extended access. */
  extendedAccess: TextPriceEntry[];
}

export interface ModelPrice {
  modelId: string;
  /** USD per 1M input tokens (text models). */
  inputPerMillion: number;
  /** USD per 1M output tokens (text models). */
  outputPerMillion: number;
  /** USD per generated image (image models). */
  perImage?: number;
  /** Which rate applies: global profiles are cheaper than regional ones for some providers. */
  rate: "global" | "regional" | "on-demand" | "extended-access" | "batch";
  source: string;
}

function priceFile(): PriceFile {
  return readDataFile<PriceFile>("prices.json");
}

/** The on-demand price of a model, or undefined when the price table has none. */
export function priceOf(reference: string): ModelPrice | undefined {
  const { modelId, profilePrefix } = parseModelReference(reference);
  const file = priceFile();
  const image = file.image.find((e) => e.models.includes(modelId));
  if (image) {
    return {
      modelId,
      inputPerMillion: 0,
      outputPerMillion: 0,
      perImage: image.perImage,
      rate: "on-demand",
      source: image.source,
    };
  }
  // A Legacy model in public extended access may cost more than its on-demand price: only a
  // sourced extended-access price will do, never the old one.
  const extended = inExtendedAccess(modelId);
  const text = (extended ? file.extendedAccess : file.text).find((e) =>
    e.models.includes(modelId),
  );
  if (!text) return undefined;
  if (text.global && text.regional) {
    const rate = profilePrefix === "global" ? "global" : "regional";
    const p = text[rate]!;
    return {
      modelId,
      inputPerMillion: p.input,
      outputPerMillion: p.output,
      rate,
      source: text.source,
    };
  }
  return {
    modelId,
    inputPerMillion: text.input ?? 0,
    outputPerMillion: text.output ?? 0,
    rate: extended ? "extended-access" : "on-demand",
    source: text.source,
  };
}

/**
 * The batch inference price of a model: AWS's own per-model batch price where data/batch.json has
 * one, else the on-demand price less the documented batch discount (data/batch.json, pricing). Undefined when the model has no
 * on-demand price (never assumed free) or is an image model (batch prices are per token here).
 */
export function batchPriceOf(reference: string): ModelPrice | undefined {
  const batch = batchPricing();
  const { modelId, profilePrefix } = parseModelReference(reference);
  const own = batch.perModel.find((e) => e.models.includes(modelId));
  if (own) {
    const p =
      own.global && own.regional
        ? own[profilePrefix === "global" ? "global" : "regional"]!
        : { input: own.input ?? 0, output: own.output ?? 0 };
    return {
      modelId,
      inputPerMillion: p.input,
      outputPerMillion: p.output,
      rate: "batch",
      source: own.source,
    };
  }
  const onDemand = priceOf(reference);
  if (!onDemand || onDemand.perImage !== undefined) return undefined;
  const keep = 1 - batch.discount;
  return {
    modelId,
    inputPerMillion: onDemand.inputPerMillion * keep,
    outputPerMillion: onDemand.outputPerMillion * keep,
    rate: "batch",
    source: `${onDemand.source}; batch discount: ${batch.source.url}`,
  };
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
}

/** USD for one call's usage; undefined when the model has no known price. */
export function costOf(
  reference: string,
  usage: Usage,
): number | undefined {
  const price = priceOf(reference);
  if (!price) return undefined;
  return (
    ((usage.inputTokens ?? 0) * price.inputPerMillion) / 1e6 +
    ((usage.outputTokens ?? 0) * price.outputPerMillion) / 1e6 +
    (usage.images ?? 0) * (price.perImage ?? 0)
  );
}

/** Where the prices come from and when they were read, for the reader to check. */
export function priceSources(): {
  retrievedAt: string;
  sources: Record<string, string>;
  sourceDates: Record<string, string>;
} {
  const { retrievedAt, sources, sourceDates } = priceFile();
  return { retrievedAt, sources, sourceDates };
}

/** The dates of the sources a set of prices came from, e.g. ["S2 2026-07-24", "S4 2026-09-29"]. */
export function sourceDatesOf(prices: ModelPrice[]): string[] {
  const { sourceDates } = priceFile();
  const ids = new Set(prices.flatMap((p) => p.source.match(/S\d+/g) ?? []));
  return [...ids].sort().map((id) => `${id} ${sourceDates[id] ?? "?"}`);
}

/**
 * The sources of a set of prices as a reader can follow them: a Markdown link named in the
 * reader's language, with the source's date, e.g. "[LiteLLM's price table](https://…), 2026-07-24".
 * A source the file does not name keeps its ID.
 */
export function sourceCitationsOf(
  prices: ModelPrice[],
  lang: Language,
): string[] {
  const { sourceDates, sourceNames = {} } = priceFile();
  const ids = new Set(prices.flatMap((p) => p.source.match(/S\d+/g) ?? []));
  return [...ids].sort().map((id) => {
    const name = sourceNames[id];
    const label = name ? `[${name[lang]}](${name.url})` : id;
    return `${label}, ${sourceDates[id] ?? "?"}`;
  });
}

export function formatUsd(amount: number | undefined): string {
  if (amount === undefined) return "?";
  if (amount === 0) return "$0";
  return amount < 0.01 ? `$${amount.toFixed(6)}` : `$${amount.toFixed(4)}`;
}
