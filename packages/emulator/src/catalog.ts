// The model catalog: real model IDs, per-region availability, inference types, lifecycle and
// inference profiles, from data/catalog.json (built by scripts/build-catalog.ts), bundled as a value:
// the core reads no file (the Node entry can hand it another, BEDROCK_EMULATOR_CATALOG).
import bundledCatalog from "../../../data/catalog.json";
import { BedrockError, errors, messages } from "./errors";

import { modelArn, parseBedrockArn, profileArn, withoutProfilePrefix } from "./arn";
import { checkCatalog, type CatalogData, type CatalogModel, type CatalogProfile, type RetiredEntry } from "./catalog-schema";

// The catalog's types come from its schema (./catalog-schema.ts), which loadCatalog() checks the file against.
export type { CatalogData, CatalogModel, CatalogProfile, RetiredEntry };

/** What a runtime model identifier resolved to in one region. */
export interface ResolvedModel {
  /** The identifier as the caller sent it (decoded). */
  requested: string;
  /** The foundation model that answers. */
  model: CatalogModel;
  /** The inference profile used, if any. */
  profile?: CatalogProfile;
}


function globToRegExp(glob: string): RegExp {
  return new RegExp("^" + glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$");
}

export class Catalog {
  readonly data: CatalogData;
  private readonly byId = new Map<string, CatalogModel>();
  private readonly profilesByRegion = new Map<string, Map<string, CatalogProfile>>();
  private readonly retiredMatchers: { re: RegExp; exact?: string; entry: RetiredEntry }[];

  constructor(data: CatalogData) {
    this.data = data;
    for (const m of data.models) this.byId.set(m.modelId, m);
    for (const p of data.profiles) {
      for (const r of p.regions) {
        let map = this.profilesByRegion.get(r);
        if (!map) this.profilesByRegion.set(r, (map = new Map()));
        map.set(p.inferenceProfileId, p);
      }
    }
    this.retiredMatchers = data.retired.flatMap((entry) =>
      entry.modelIds.map((id) => ({ re: globToRegExp(id), exact: id.includes("*") ? undefined : id, entry })),
    );
  }

  get regions(): string[] {
    return this.data.regions;
  }

  /** True when the catalog has data for `region` (the capture's regions). */
  covers(region: string): boolean {
    return this.data.regions.includes(region);
  }

  /**
   * Throws for a region the catalog has no data for. AWS may well serve Bedrock there (the SDK
   * calls any region); the emulator cannot say which models it offers, so instead of an empty
   * catalog it answers ValidationException naming the regions it knows.
   */
  assertCovers(region: string): void {
    if (this.covers(region)) return;
    if (!warnedRegions.has(region)) {
      warnedRegions.add(region);
      console.warn(`[bedrock-emulator] ${messages.regionNotCovered(region, this.data.regions)}`);
    }
    throw errors.validation(messages.regionNotCovered(region, this.data.regions));
  }

  /** Any catalog entry with this exact model ID, whatever its region or lifecycle. */
  model(modelId: string): CatalogModel | undefined {
    return this.byId.get(modelId);
  }

  /**
   * The retirement facts for a model ID (from the facts sheet), if a row names it. Exact IDs always
   * count (the facts sheet is newer than the capture); wildcard rows such as
   * `stability.stable-image-*-v1:0` only cover IDs the capture doesn't list, so they never retire a
   * listed model like `stability.stable-image-inpaint-v1:0`.
   */
  retirement(modelId: string): RetiredEntry | undefined {
    const base = withoutProfilePrefix(modelId);
    const exact = this.retiredMatchers.find((m) => m.exact === base);
    if (exact) return exact.entry;
    if (this.byId.has(base)) return undefined;
    return this.retiredMatchers.find((m) => !m.exact && m.re.test(base))?.entry;
  }

  /** True when the model's end of life has passed at `now`. */
  isEndOfLife(modelId: string, now: Date): boolean {
    const base = withoutProfilePrefix(modelId);
    const eol = this.byId.get(base)?.modelLifecycle.endOfLifeTime;
    if (eol && Date.parse(eol) <= now.getTime()) return true;
    // Context-length variants (`...:0:200k`) share the lifecycle of their base model.
    const r = this.retirement(base) ?? this.retirement(base.replace(/(:\d+):[a-z0-9]+$/, "$1"));
    if (!r) return false;
    if (r.endOfLife) return Date.parse(r.endOfLife) <= now.getTime();
    return r.passed;
  }

  /** The lifecycle as AWS reports it at `now` (ACTIVE turns LEGACY once legacyTime passes). */
  lifecycle(m: CatalogModel, now: Date): CatalogModel["modelLifecycle"] {
    const lc = m.modelLifecycle;
    if (lc.status === "ACTIVE" && lc.legacyTime && Date.parse(lc.legacyTime) <= now.getTime()) return { ...lc, status: "LEGACY" };
    return lc;
  }

  inferenceTypes(m: CatalogModel, region: string): string[] {
    return m.inferenceTypesByRegion?.[region] ?? m.inferenceTypesSupported;
  }

  /** Models ListFoundationModels returns in `region` at `now` (end-of-life and mantle-only ones hidden). */
  listModels(region: string, now: Date): CatalogModel[] {
    return this.data.models.filter((m) => !m.mantleOnly && m.regions.includes(region) && !this.isEndOfLife(m.modelId, now));
  }

  /** The profile with this ID as listed in `region`. */
  profile(region: string, id: string): CatalogProfile | undefined {
    return this.profilesByRegion.get(region)?.get(id);
  }

  /** Profiles ListInferenceProfiles returns in `region` (those routing only to retired models hidden). */
  listProfiles(region: string, now: Date): CatalogProfile[] {
    const map = this.profilesByRegion.get(region);
    if (!map) return [];
    return [...map.values()].filter((p) => Object.keys(p.models).some((id) => !this.isEndOfLife(id, now)));
  }

  modelArn(region: string, modelId: string): string {
    return modelArn(region, modelId);
  }

  profileArn(region: string, profileId: string): string {
    return profileArn(region, profileId);
  }

  /** The ListFoundationModels / GetFoundationModel summary of a model in a region. */
  summary(m: CatalogModel, region: string, now: Date): Record<string, unknown> {
    return {
      modelArn: this.modelArn(region, m.modelId),
      modelId: m.modelId,
      modelName: m.modelName,
      providerName: m.providerName,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      ...(m.responseStreamingSupported === undefined ? {} : { responseStreamingSupported: m.responseStreamingSupported }),
      customizationsSupported: m.customizationsSupported,
      inferenceTypesSupported: this.inferenceTypes(m, region),
      modelLifecycle: this.lifecycle(m, now),
    };
  }

  profileSummary(p: CatalogProfile, region: string): Record<string, unknown> {
    const models: { modelArn: string }[] = [];
    for (const [id, regions] of Object.entries(p.models)) for (const r of regions) models.push({ modelArn: this.modelArn(r, id) });
    return {
      inferenceProfileName: p.inferenceProfileName,
      ...(p.description ? { description: p.description } : {}),
      ...(p.createdAt ? { createdAt: p.createdAt } : {}),
      ...(p.updatedAt ? { updatedAt: p.updatedAt } : {}),
      inferenceProfileArn: this.profileArn(region, p.inferenceProfileId),
      models,
      inferenceProfileId: p.inferenceProfileId,
      status: p.status,
      type: p.type,
    };
  }

  /**
   * Resolves a runtime model identifier (model ID, profile ID, or their ARNs) in `region`, or
   * throws the error AWS gives: end of life → ResourceNotFoundException; Legacy model the account
   * hasn't used recently → ResourceNotFoundException "…marked by provider as Legacy…";
   * profile-only model called on demand → ValidationException with AWS's message; unknown →
   * "invalid identifier". `recentlyUsed` lists the Legacy models the account keeps using.
   */
  resolveForInvocation(identifier: string, region: string, now: Date, recentlyUsed: ReadonlySet<string> = new Set()): ResolvedModel {
    const resolved = this.resolveModel(identifier, region, now);
    if (this.lifecycle(resolved.model, now).status === "LEGACY" && !recentlyUsed.has(resolved.model.modelId)) {
      throw errors.notFound(messages.legacy);
    }
    return resolved;
  }

  private resolveModel(identifier: string, region: string, now: Date): ResolvedModel {
    this.assertCovers(region);
    let id = identifier;
    const arn = parseBedrockArn(id);
    if (arn && (arn.resourceType === "foundation-model" || arn.resourceType === "inference-profile")) id = arn.resource;
    else if (id.startsWith("arn:")) throw errors.validation(messages.invalidModel);

    const profile = this.profile(region, id);
    if (profile) {
      const targets = Object.keys(profile.models);
      if (targets.every((t) => this.isEndOfLife(t, now))) throw errors.notFound(messages.endOfLife);
      const model = targets.map((t) => this.byId.get(t)).find((m): m is CatalogModel => !!m);
      if (!model) throw errors.validation(messages.invalidModel);
      return { requested: identifier, model, profile };
    }
    if (this.isEndOfLife(id, now)) throw errors.notFound(messages.endOfLife);
    const model = this.byId.get(id);
    if (!model || model.mantleOnly || !model.regions.includes(region) || (arn && arn.resourceType === "inference-profile")) {
      throw errors.validation(messages.invalidModel);
    }
    const types = this.inferenceTypes(model, region);
    if (types.includes("ON_DEMAND")) return { requested: identifier, model };
    if (types.includes("INFERENCE_PROFILE")) throw errors.validation(messages.onDemandNotSupported(id));
    throw errors.validation(messages.invalidModel);
  }
}

const warnedRegions = new Set<string>();

const checked = new WeakMap<object, Catalog>();

/**
 * A catalog from its data, checked against the schema once per data object (a file that does not
 * match throws one Error naming `source` and the first problems' paths; see checkCatalog).
 */
export function catalogFromData(data: unknown, source = "catalog"): Catalog {
  if (data && typeof data === "object") {
    const seen = checked.get(data);
    if (seen) return seen;
  }
  const catalog = new Catalog(checkCatalog(data, source));
  if (data && typeof data === "object") checked.set(data, catalog);
  return catalog;
}

/** The catalog the emulator ships (data/catalog.json, bundled), checked on first use and then shared. */
export function loadCatalog(): Catalog {
  return catalogFromData(bundledCatalog, "data/catalog.json");
}

/** The regions the emulator's catalog covers (the capture's 18), sorted. */
export function knownRegions(): string[] {
  return [...loadCatalog().regions];
}

/**
 * True when the emulator has a model catalog for `region`. For any other region, catalog and
 * model calls answer ValidationException naming the known regions (see README, "Regions").
 */
export function catalogCovers(region: string): boolean {
  return loadCatalog().covers(region);
}

/** Model summaries ListFoundationModels would return in `region` (default: today). */
export function catalogFor(region: string, now: Date = new Date()): Record<string, unknown>[] {
  const c = loadCatalog();
  return c.listModels(region, now).map((m) => c.summary(m, region, now));
}

export { BedrockError, messages };
