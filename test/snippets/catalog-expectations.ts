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

/** The lifecycle status ListFoundationModels reports at `now`: ACTIVE turns LEGACY once its legacyTime passes. */
export function statusAt(model: Model, now = new Date()): string {
  const { status, legacyTime } = model.modelLifecycle as { status: string; legacyTime?: string };
  return status === "ACTIVE" && legacyTime !== undefined && new Date(legacyTime) <= now ? "LEGACY" : status;
}

/**
 * The listed models of a region split by the catalog's responseStreamingSupported. A model that
 * leaves the field out (some embedding models do) counts as not streaming.
 */
export function streamingSplitIn(region: string, now = new Date()): { streaming: string[]; notStreaming: string[] } {
  const listed = listedIn(region, now);
  const streams = (m: Model) => (m as { responseStreamingSupported?: boolean }).responseStreamingSupported === true;
  return {
    streaming: listed.filter(streams).map((m) => m.modelId).sort(),
    notStreaming: listed.filter((m) => !streams(m)).map((m) => m.modelId).sort(),
  };
}

/** How the region serves a model: its per-region inference types where the capture has them, else the model's own. */
export function inferenceTypesIn(model: Model, region: string): string[] {
  const byRegion = (model as { inferenceTypesByRegion?: Record<string, string[]> }).inferenceTypesByRegion;
  return byRegion?.[region] ?? model.inferenceTypesSupported;
}

export interface ProviderFacts {
  models: number;
  /** Each distinct "inputs→outputs" pair, e.g. "TEXT+IMAGE→TEXT". */
  modalities: string[];
  inferenceTypes: string[];
  active: number;
  legacy: number;
  /** Every startOfLifeTime among the provider's listed models, as YYYY-MM-DD, oldest first. */
  releases: string[];
}

/** Per provider, what data/catalog.json says about its models listed in `region` at `now`. */
export function providerFactsIn(region: string, now = new Date()): Map<string, ProviderFacts> {
  const facts = new Map<string, ProviderFacts>();
  for (const m of listedIn(region, now)) {
    const f = facts.get(m.providerName) ?? { models: 0, modalities: [], inferenceTypes: [], active: 0, legacy: 0, releases: [] };
    f.models += 1;
    f.modalities.push(`${m.inputModalities.join("+")}→${m.outputModalities.join("+")}`);
    f.inferenceTypes.push(...inferenceTypesIn(m, region));
    if (statusAt(m, now) === "ACTIVE") f.active += 1;
    if (statusAt(m, now) === "LEGACY") f.legacy += 1;
    f.releases.push(m.modelLifecycle.startOfLifeTime.slice(0, 10));
    facts.set(m.providerName, f);
  }
  for (const f of facts.values()) {
    f.modalities = [...new Set(f.modalities)].sort();
    f.inferenceTypes = [...new Set(f.inferenceTypes)].sort();
    f.releases = [...new Set(f.releases)].sort();
  }
  return facts;
}
