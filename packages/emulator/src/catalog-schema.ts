// The schema of data/catalog.json, written once: scripts/build-catalog.ts checks what it writes
// against it, loadCatalog() checks what it reads, and the catalog's TypeScript types come from it.
// Enumerations list AWS's values (the SDK's enums) plus the ones the capture actually holds.
import { z } from "zod";

/** An AWS region code: us-east-1, ap-southeast-2, us-gov-west-1… */
const regionCode = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "expected a region code such as us-east-1");
/** A region code, or "" for "any region" (the model ARNs of global profiles name no region). */
const routeRegion = z.string().regex(/^([a-z]{2}(-[a-z]+)+-\d{1,2})?$/, 'expected a region code such as us-east-1, or "" for any region');
/** A date as the catalog writes it: 2026-08-22. */
const isoDate = z.iso.date();
/** A timestamp as the API returns it, in UTC: 2026-08-22T00:00:00Z (fractional seconds allowed). */
const isoTimestamp = z.iso.datetime();

/** FoundationModelLifecycleStatus (AWS: ACTIVE, LEGACY). */
export const lifecycleStatus = z.enum(["ACTIVE", "LEGACY"]);
// Checked against the list when loaded, but typed as string: ListFoundationModels filters these
// lists by the caller's byOutputModality / byCustomizationType, which can be any string.
/** ModelModality (AWS: TEXT, IMAGE, EMBEDDING) and the capture's AUDIO, SPEECH, VIDEO. */
export const modality: z.ZodType<string> = z.enum(["TEXT", "IMAGE", "EMBEDDING", "AUDIO", "SPEECH", "VIDEO"]);
/** ModelCustomization (AWS: FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION) and the capture's PREFERENCE_FINE_TUNING. */
export const customization: z.ZodType<string> = z.enum(["FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION", "PREFERENCE_FINE_TUNING"]);
/** InferenceType (AWS: ON_DEMAND, PROVISIONED) and INFERENCE_PROFILE, which ListFoundationModels also returns. */
export const inferenceType = z.enum(["ON_DEMAND", "PROVISIONED", "INFERENCE_PROFILE"]);

export const catalogModelSchema = z.strictObject({
  modelId: z.string().min(1),
  modelName: z.string().min(1),
  providerName: z.string().min(1),
  inputModalities: z.array(modality),
  outputModalities: z.array(modality),
  responseStreamingSupported: z.boolean().optional(),
  customizationsSupported: z.array(customization),
  inferenceTypesSupported: z.array(inferenceType),
  /** Region → inference types there, where it differs from or confirms inferenceTypesSupported. */
  inferenceTypesByRegion: z.record(regionCode, z.array(inferenceType)).optional(),
  modelLifecycle: z.strictObject({
    status: lifecycleStatus,
    startOfLifeTime: isoTimestamp.optional(),
    legacyTime: isoTimestamp.optional(),
    publicExtendedAccessTime: isoTimestamp.optional(),
    endOfLifeTime: isoTimestamp.optional(),
  }),
  regions: z.array(regionCode).min(1),
  mantleOnly: z.boolean().optional(),
  apis: z.strictObject({ converse: z.boolean(), invoke: z.boolean() }).optional(),
  contextWindow: z.number().int().positive().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
});

export const catalogProfileSchema = z.strictObject({
  inferenceProfileId: z.string().min(1),
  inferenceProfileName: z.string().min(1),
  description: z.string().optional(),
  createdAt: isoTimestamp.optional(),
  updatedAt: isoTimestamp.optional(),
  /** modelId → regions the profile routes to ("" = any region, for global profiles). */
  models: z.record(z.string().min(1), z.array(routeRegion).min(1)),
  /** InferenceProfileStatus (AWS: ACTIVE). */
  status: z.enum(["ACTIVE"]),
  /** InferenceProfileType (AWS: SYSTEM_DEFINED, APPLICATION): the catalog lists AWS's own profiles, not an account's. */
  type: z.enum(["SYSTEM_DEFINED"]),
  /** The regions that list this variant of the profile. */
  regions: z.array(regionCode).min(1),
});

export const retiredEntrySchema = z.strictObject({
  /** Model IDs; a trailing or inner `*` is a wildcard (`meta.llama2-*`). */
  modelIds: z.array(z.string().min(1)).min(1),
  legacyTime: isoTimestamp.optional(),
  endOfLife: isoTimestamp.optional(),
  endOfLifeNote: z.string(),
  /** The facts sheet marks the end of life as passed (✝) on its date, 2026-11-25. */
  passed: z.boolean(),
  replacement: z.string(),
});

const catalogShape = z.strictObject({
  source: z.record(z.string(), z.string()),
  capturedAt: isoDate,
  date: isoDate,
  regions: z.array(regionCode).min(1),
  models: z.array(catalogModelSchema),
  profiles: z.array(catalogProfileSchema),
  retired: z.array(retiredEntrySchema),
});

/** What the Catalog class relies on and a per-entry schema cannot see. */
function crossCheck(data: z.output<typeof catalogShape>, ctx: z.RefinementCtx): void {
  const regions = new Set(data.regions);
  const ids = new Set<string>();
  data.models.forEach((m, i) => {
    if (ids.has(m.modelId)) ctx.addIssue({ code: "custom", path: ["models", i, "modelId"], message: `duplicate model ID ${m.modelId}` });
    ids.add(m.modelId);
    m.regions.forEach((r, j) => {
      if (!regions.has(r)) ctx.addIssue({ code: "custom", path: ["models", i, "regions", j], message: `region ${r} is not in the catalog's regions` });
    });
    for (const r of Object.keys(m.inferenceTypesByRegion ?? {})) {
      if (!m.regions.includes(r)) {
        ctx.addIssue({ code: "custom", path: ["models", i, "inferenceTypesByRegion", r], message: `region ${r} is not one of this model's regions` });
      }
    }
  });
  // Catalog indexes profiles by region and ID: two variants listed in one region would hide one.
  const listed = new Set<string>();
  data.profiles.forEach((p, i) => {
    p.regions.forEach((r, j) => {
      if (!regions.has(r)) ctx.addIssue({ code: "custom", path: ["profiles", i, "regions", j], message: `region ${r} is not in the catalog's regions` });
      const key = `${p.inferenceProfileId} in ${r}`;
      if (listed.has(key)) ctx.addIssue({ code: "custom", path: ["profiles", i, "regions", j], message: `profile ${key} is listed twice` });
      listed.add(key);
    });
  });
}

// The cross-entry checks run only on a catalog whose entries are each valid, so a bad entry is
// reported once, not again as the cross-entry problems it causes.
export const catalogSchema = catalogShape.superRefine(crossCheck, { when: (payload) => payload.issues.length === 0 });

export type CatalogModel = z.output<typeof catalogModelSchema>;
export type CatalogProfile = z.output<typeof catalogProfileSchema>;
export type RetiredEntry = z.output<typeof retiredEntrySchema>;
export type CatalogData = z.output<typeof catalogSchema>;

/** `models[3].inferenceTypesByRegion["us-east-1"]` from ["models", 3, "inferenceTypesByRegion", "us-east-1"]. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(top level)";
}

/** The ID of the model, profile or retired row a path points into, to find it in the file. */
function entryId(data: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if (typeof index !== "number" || !data || typeof data !== "object") return undefined;
  const entry = (data as Record<string, unknown>)[String(list)];
  const item = Array.isArray(entry) ? (entry[index] as Record<string, unknown> | undefined) : undefined;
  const id = item && typeof item === "object" ? (item.modelId ?? item.inferenceProfileId ?? (Array.isArray(item.modelIds) ? item.modelIds[0] : undefined)) : undefined;
  return typeof id === "string" ? id : undefined;
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  let message = issue.message.replace(/^Invalid input: /, "");
  if (issue.code === "invalid_key" && issue.issues[0]) message += `: ${issue.issues[0].message}`;
  // The offending value, for values short enough to quote (objects are described by their path).
  const input = (issue as { input?: unknown }).input;
  if (issue.code !== "unrecognized_keys" && input !== undefined && (typeof input !== "object" || input === null)) {
    const text = JSON.stringify(input);
    if (text.length <= 60) message += ` (got ${text})`;
  }
  const id = entryId(data, issue.path);
  return `${formatPath(issue.path)}: ${message}${id ? ` — ${id}` : ""}`;
}

/** How many problems an error names before "and N more". */
const SHOWN = 5;

/**
 * Checks `data` (a parsed data/catalog.json) against the schema. Returns it, typed, or throws one
 * Error whose first line names `file` and the first problem's path, and whose next lines name the
 * next few: `data/catalog.json: models[3].regions: expected array, received undefined — ai21.jamba-1-5-large-v1:0`
 * (the entry's ID, when the path points into one).
 */
export function checkCatalog(data: unknown, file: string): CatalogData {
  const result = catalogSchema.safeParse(data, { reportInput: true });
  if (result.success) return data as CatalogData; // the input itself: zod's copy would reorder keys
  const issues = result.error.issues;
  const lines = [`${file}: ${describe(issues[0], data)}`, ...issues.slice(1, SHOWN).map((issue) => `  ${describe(issue, data)}`)];
  if (issues.length > SHOWN) lines.push(`  … and ${issues.length - SHOWN} more`);
  throw new Error(lines.join("\n"));
}
