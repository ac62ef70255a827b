import {
  loadCatalog,
  type CatalogModel,
  type RetiredEntry,
} from "bedrock-emulator";
import { parseModelReference } from "./model-reference";

// What the guide knows about models without calling AWS: the ListFoundationModels and
// ListInferenceProfiles capture in data/catalog.json (its sources and dates are in the file).
// Error advice uses it to name the right region, profile or replacement. It reads the catalog
// through the emulator's loader, so the guide and the emulator share one lifecycle rule.

export function catalogDate(): string {
  return loadCatalog().data.capturedAt;
}

export function modelFacts(reference: string): CatalogModel | undefined {
  return loadCatalog().model(parseModelReference(reference).modelId);
}

/** The regions whose ListFoundationModels lists this model. */
export function regionsOffering(reference: string): string[] {
  return modelFacts(reference)?.regions ?? [];
}

/** System inference profiles listed in `region` that route to this model, e.g. us.… and global.… */
export function profilesFor(reference: string, region: string): string[] {
  const { modelId } = parseModelReference(reference);
  return loadCatalog()
    .data.profiles.filter(
      (p) => p.regions.includes(region) && modelId in p.models,
    )
    .map((p) => p.inferenceProfileId)
    .sort();
}

/** Lifecycle facts for legacy and retired models, with the suggested replacement. */
export function retirementOf(reference: string): RetiredEntry | undefined {
  return loadCatalog().retirement(parseModelReference(reference).modelId);
}

/**
 * True while a Legacy model is in its public extended access period (publicExtendedAccessTime
 * passed, end of life not yet): AWS may charge more than the on-demand price then.
 */
export function inExtendedAccess(
  reference: string,
  now: Date = new Date(),
): boolean {
  const lifecycle = modelFacts(reference)?.modelLifecycle;
  if (!lifecycle?.publicExtendedAccessTime) return false;
  if (new Date(lifecycle.publicExtendedAccessTime) > now) return false;
  return (
    !lifecycle.endOfLifeTime || new Date(lifecycle.endOfLifeTime) > now
  );
}
