import type { FoundationModelSummary } from "@aws-sdk/client-bedrock";

export interface ProviderRow {
  provider: string;
  models: number;
  /** Input → output modalities seen across the provider's models. */
  modalities: string;
  inferenceTypes: string;
  active: number;
  legacy: number;
  /** Newest startOfLifeTime among its models (YYYY-MM-DD). */
  latestRelease: string;
}

/** The article's provider table, computed from ListFoundationModels instead of typed by hand. */
export function providerTable(
  models: FoundationModelSummary[],
): ProviderRow[] {
  const byProvider = new Map<string, FoundationModelSummary[]>();
  for (const model of models) {
    const provider = model.providerName ?? "?";
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), model]);
  }
  return [...byProvider]
    .map(([provider, list]) => ({
      provider,
      models: list.length,
      modalities: distinct(
        list.map(
          (m) =>
            `${(m.inputModalities ?? []).join("+")}→${(m.outputModalities ?? []).join("+")}`,
        ),
      ),
      inferenceTypes: distinct(
        list.flatMap((m) => m.inferenceTypesSupported ?? []),
      ),
      active: list.filter((m) => m.modelLifecycle?.status === "ACTIVE")
        .length,
      legacy: list.filter((m) => m.modelLifecycle?.status === "LEGACY")
        .length,
      latestRelease: list
        .map((m) => m.modelLifecycle?.startOfLifeTime)
        .filter((d): d is Date => d instanceof Date)
        .reduce((latest, d) => (d > latest ? d : latest), new Date(0))
        .toISOString()
        .slice(0, 10),
    }))
    .sort(
      (a, b) => b.models - a.models || a.provider.localeCompare(b.provider),
    );
}

function distinct(values: string[]): string {
  return [...new Set(values)].sort().join(", ");
}
