import { readDataFile } from "./data";
import { parseModelReference } from "./prices";

// What the guide knows about models without calling AWS: the ListFoundationModels and
// ListInferenceProfiles capture in data/catalog.json (its sources and dates are in the file).
// Error advice uses it to name the right region, profile or replacement.

interface CatalogModel {
  modelId: string;
  modelName: string;
  providerName: string;
  regions: string[];
  inferenceTypesSupported: string[];
  modelLifecycle: { status: string; legacyTime?: string; endOfLifeTime?: string };
}
interface CatalogProfile {
  inferenceProfileId: string;
  models: Record<string, string[]>;
  regions: string[];
}
interface Retirement {
  modelIds: string[];
  endOfLife?: string;
  endOfLifeNote?: string;
  replacement: string;
}
interface CatalogFile {
  capturedAt: string;
  models: CatalogModel[];
  profiles: CatalogProfile[];
  retired: Retirement[];
}

function catalog(): CatalogFile {
  return readDataFile<CatalogFile>("catalog.json");
}

export function catalogDate(): string {
  return catalog().capturedAt;
}

export function modelFacts(reference: string): CatalogModel | undefined {
  const { modelId } = parseModelReference(reference);
  return catalog().models.find((m) => m.modelId === modelId);
}

/** The regions whose ListFoundationModels lists this model. */
export function regionsOffering(reference: string): string[] {
  return modelFacts(reference)?.regions ?? [];
}

/** System inference profiles listed in `region` that route to this model, e.g. us.… and global.… */
export function profilesFor(reference: string, region: string): string[] {
  const { modelId } = parseModelReference(reference);
  return catalog()
    .profiles.filter((p) => p.regions.includes(region) && modelId in p.models)
    .map((p) => p.inferenceProfileId)
    .sort();
}

/** Lifecycle facts for legacy and retired models, with the suggested replacement. */
export function retirementOf(reference: string): Retirement | undefined {
  const { modelId } = parseModelReference(reference);
  return catalog().retired.find((r) => r.modelIds.some((id) => id === modelId || (id.endsWith("*") && modelId.startsWith(id.slice(0, -1)))));
}
