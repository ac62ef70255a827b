// What the emulator's catalog should list, computed straight from data/catalog.json, so tests
// compare the lessons' results with the data rather than with numbers typed by hand.
import catalog from "../../data/catalog.json";

type Model = (typeof catalog.models)[number];

/** Retired per the facts sheet: exact IDs always; patterns only for models the capture did not list as ACTIVE. */
function retired(model: Model, now: Date): boolean {
  // Context-length variants (":48k", ":200k", ":mm") share their base model's fate.
  const base = model.modelId.replace(/:(\d+k|mm)$/, "");
  return catalog.retired.some((r) =>
    r.modelIds.some((id) => {
      const exact = id === base;
      const pattern = id.endsWith("*") && model.modelId.startsWith(id.slice(0, -1)) && model.modelLifecycle.status !== "ACTIVE";
      return (exact || pattern) && (r.passed || (r.endOfLife !== undefined && new Date(r.endOfLife) <= now));
    }),
  );
}

export function listedIn(region: string, now = new Date()): Model[] {
  return catalog.models.filter((m) => {
    const eol = (m.modelLifecycle as { endOfLifeTime?: string }).endOfLifeTime;
    const mantleOnly = (m as { mantleOnly?: boolean }).mantleOnly === true;
    return m.regions.includes(region) && !mantleOnly && !(eol && new Date(eol) <= now) && !retired(m, now);
  });
}

export { catalog };

/** Listed text models whose lifecycle reads LEGACY at `now` (ACTIVE ones turn LEGACY at their legacyTime). */
export function legacyTextModelsIn(region: string, now = new Date()): Model[] {
  return listedIn(region, now).filter((m) => {
    const { status, legacyTime } = m.modelLifecycle as { status: string; legacyTime?: string };
    const legacy = status === "LEGACY" || (legacyTime !== undefined && new Date(legacyTime) <= now);
    return legacy && (m.outputModalities as string[]).includes("TEXT");
  });
}

/** The system inference profiles ListInferenceProfiles lists in `region` for a model, sorted. */
export function profilesListedIn(modelId: string, region: string): string[] {
  return catalog.profiles
    .filter((p) => p.regions.includes(region) && modelId in p.models)
    .map((p) => p.inferenceProfileId)
    .sort();
}

/** The regions whose ListFoundationModels lists the model. */
export function regionsListing(modelId: string): string[] {
  return catalog.models.find((m) => m.modelId === modelId)?.regions ?? [];
}
