import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";

export interface RegionMatrix {
  regions: string[];
  /** How many models each region lists. */
  totals: Record<string, number>;
  /** Models missing from at least one region, with ✓ / — per region. */
  differences: Array<Record<string, string>>;
}

/** Lists the catalog of several regions at once and shows which models exist where. */
export async function compareRegions(
  regions: string[],
): Promise<RegionMatrix> {
  // One client per region: a client always talks to the region it was created for.
  const catalogs = await Promise.all(
    regions.map(async (region) => {
      const { modelSummaries = [] } = await new BedrockClient({
        region,
      }).send(new ListFoundationModelsCommand({}));
      return new Set(modelSummaries.map((m) => m.modelId ?? ""));
    }),
  );
  const allIds = [...new Set(catalogs.flatMap((ids) => [...ids]))].sort();
  const differences = allIds
    .filter((id) => catalogs.some((ids) => !ids.has(id)))
    .map((id) => ({
      model: id,
      ...Object.fromEntries(
        regions.map((region, i) => [
          region,
          catalogs[i].has(id) ? "✓" : "—",
        ]),
      ),
    }));
  return {
    regions,
    totals: Object.fromEntries(
      regions.map((region, i) => [region, catalogs[i].size]),
    ),
    differences,
  };
}
