import { listModels } from "./list-models";

export interface RegionMatrix {
  regions: string[];
  /** How many models each region lists. */
  totals: Record<string, number>;
  /** Models missing from at least one region, with ✓ / — per region. */
  differences: Array<Record<string, string>>;
}

/** Lists the catalog of several regions at once and shows which models exist where. */
export async function compareRegions(regions: string[]): Promise<RegionMatrix> {
  const catalogs = await Promise.all(regions.map((region) => listModels(region)));
  const present = catalogs.map((models) => new Set(models.map((m) => m.modelId ?? "")));
  const allIds = [...new Set(present.flatMap((ids) => [...ids]))].sort();
  const differences = allIds
    .filter((id) => present.some((ids) => !ids.has(id)))
    .map((id) => ({ model: id, ...Object.fromEntries(regions.map((region, i) => [region, present[i].has(id) ? "✓" : "—"])) }));
  return {
    regions,
    totals: Object.fromEntries(regions.map((region, i) => [region, present[i].size])),
    differences,
  };
}
