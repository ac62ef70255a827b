// Builds data/catalog.json, the emulator's model catalog, from the reference capture in
// ../shared/data (ListFoundationModels + ListInferenceProfiles from 18 regions, 2026-08-22) and the
// facts sheet's legacy / end-of-life table. Run: npx tsx scripts/build-catalog.ts
// The output is committed; the script only needs ../shared when the catalog is rebuilt. What it
// writes is typed as the emulator's CatalogData and checked against the same schema the emulator
// loads it with (packages/emulator/src/catalog-schema.ts), so a builder bug stops here instead of in a test.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkCatalog, type CatalogData, type CatalogModel, type CatalogProfile, type RetiredEntry } from "../packages/emulator/src/catalog-schema";
import { ACCOUNT_ID } from "../packages/emulator/src/arn";

const root = resolve(process.cwd());
const sharedCandidates = [join(root, "../shared/data"), "/work/shared/data"];
const shared = sharedCandidates.find((p) => existsSync(join(p, "bedrock-catalog/models.json")));
if (!shared) {
  console.error("Reference data not found (looked in " + sharedCandidates.join(", ") + ")");
  process.exit(1);
}

// The capture's records, as the script reads them (JSON.parse; the schema checks the result).
type Lifecycle = CatalogModel["modelLifecycle"];
interface RawModel {
  modelArn?: string;
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities?: string[];
  outputModalities?: string[];
  responseStreamingSupported?: boolean;
  customizationsSupported?: string[];
  inferenceTypesSupported?: CatalogModel["inferenceTypesSupported"];
  modelLifecycle: { status: Lifecycle["status"] } & Partial<Record<Exclude<keyof Lifecycle, "status">, string>>;
  regions: string[];
  mantleOnly?: boolean;
  modelCard?: { apisSupported?: Record<string, boolean>; contextWindow?: string | null; maxOutputTokens?: string | null };
}
interface RawProfile {
  inferenceProfileName: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  inferenceProfileArn: string;
  models: { modelArn: string }[];
  inferenceProfileId: string;
  status: CatalogProfile["status"];
  type: CatalogProfile["type"];
  region: string;
}

/** Python str(datetime) or a bare date → ISO-8601 UTC (what the real API returns). */
function iso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  if (!m) throw new Error("Unparsed timestamp: " + value);
  const d = new Date(`${m[1]}T${m[2] ?? "00:00:00"}${m[3] ?? ""}${m[4] && m[4] !== "Z" ? m[4] : "Z"}`);
  return d.toISOString().replace(".000Z", "Z");
}

/** "128K tokens" → 128000; "1M tokens" → 1000000. */
function tokenCount(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const m = /([\d.]+)\s*([KM]?)/i.exec(text);
  if (!m) return undefined;
  const mult = m[2].toUpperCase() === "M" ? 1_000_000 : m[2].toUpperCase() === "K" ? 1000 : 1;
  return Math.round(parseFloat(m[1]) * mult);
}

const rawModels: RawModel[] = JSON.parse(readFileSync(join(shared, "bedrock-catalog/models.json"), "utf8"));
const rawProfiles: RawProfile[] = JSON.parse(readFileSync(join(shared, "bedrock-catalog/profiles.json"), "utf8"));
const facts = readFileSync(join(shared, "bedrock-facts.md"), "utf8");

// Per-region corrections from AWS's published pages (each with its source and date):
// data/inference-types.json. The capture recorded one region's inference types per model.
interface InferenceTypeFacts {
  models: Record<string, { ON_DEMAND: string[]; INFERENCE_PROFILE: string[]; sources: string[] }>;
  sources: Record<string, { url: string }>;
}
const inferenceFacts: InferenceTypeFacts = JSON.parse(readFileSync(join(root, "data/inference-types.json"), "utf8"));
for (const [id, f] of Object.entries(inferenceFacts.models)) {
  if (!rawModels.some((m) => m.modelId === id)) throw new Error(`data/inference-types.json names ${id}, which the capture lacks`);
  for (const s of f.sources) if (!inferenceFacts.sources[s]) throw new Error(`data/inference-types.json: ${id} cites unknown source ${s}`);
  const both = f.ON_DEMAND.filter((r) => f.INFERENCE_PROFILE.includes(r));
  if (both.length) throw new Error(`data/inference-types.json: ${id} lists ${both.join(", ")} as both on demand and profile-only`);
}

function inferenceTypesByRegion(m: RawModel, arnRegion: string | undefined): CatalogModel["inferenceTypesByRegion"] {
  const byRegion: NonNullable<CatalogModel["inferenceTypesByRegion"]> = {};
  // The capture copied each summary from one region: the only region it knows for certain.
  if (arnRegion) byRegion[arnRegion] = m.inferenceTypesSupported ?? [];
  const facts = inferenceFacts.models[m.modelId];
  if (facts) {
    for (const r of facts.ON_DEMAND) if (m.regions.includes(r)) byRegion[r] = ["ON_DEMAND"];
    for (const r of facts.INFERENCE_PROFILE) if (m.regions.includes(r)) byRegion[r] = ["INFERENCE_PROFILE"];
  }
  if (!Object.keys(byRegion).length) return undefined;
  return Object.fromEntries(Object.entries(byRegion).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const models = rawModels.map((m): CatalogModel => {
  const arnRegion = m.modelArn ? m.modelArn.split(":")[3] : undefined;
  const lifecycle: Lifecycle = { status: m.modelLifecycle.status };
  for (const k of ["startOfLifeTime", "legacyTime", "publicExtendedAccessTime", "endOfLifeTime"] as const) {
    const v = iso(m.modelLifecycle[k]);
    if (v) lifecycle[k] = v;
  }
  const apis = m.modelCard?.apisSupported;
  return {
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities ?? [],
    outputModalities: m.outputModalities ?? [],
    ...(m.responseStreamingSupported === undefined ? {} : { responseStreamingSupported: m.responseStreamingSupported }),
    customizationsSupported: m.customizationsSupported ?? [],
    inferenceTypesSupported: m.inferenceTypesSupported ?? [],
    ...(inferenceTypesByRegion(m, arnRegion) ? { inferenceTypesByRegion: inferenceTypesByRegion(m, arnRegion) } : {}),
    modelLifecycle: lifecycle,
    regions: [...m.regions].sort(),
    ...(m.mantleOnly ? { mantleOnly: true } : {}),
    ...(apis ? { apis: { converse: apis.converse !== false, invoke: apis.invoke !== false } } : {}),
    ...(tokenCount(m.modelCard?.contextWindow) ? { contextWindow: tokenCount(m.modelCard?.contextWindow) } : {}),
    ...(tokenCount(m.modelCard?.maxOutputTokens) ? { maxOutputTokens: tokenCount(m.modelCard?.maxOutputTokens) } : {}),
  };
});

// Profiles: the same ID can route to different model lists in different regions, so keep one
// variant per distinct content, each with the regions that list it.
const variants = new Map<string, { key: string; value: Omit<CatalogProfile, "regions">; regions: string[] }>();
for (const p of rawProfiles) {
  // Every model ARN is arn:aws:bedrock:<region>::foundation-model/<id> (region empty for global
  // profiles): store { modelId: [regions] } and rebuild the ARNs when serving.
  const routes: Record<string, string[]> = {};
  for (const { modelArn } of p.models) {
    const m = /^arn:aws:bedrock:([a-z0-9-]*)::foundation-model\/(.+)$/.exec(modelArn);
    if (!m) throw new Error("Unexpected model ARN in a profile: " + modelArn);
    (routes[m[2]] ??= []).push(m[1]);
  }
  for (const r of Object.values(routes)) r.sort();
  const value: Omit<CatalogProfile, "regions"> = {
    inferenceProfileId: p.inferenceProfileId,
    inferenceProfileName: p.inferenceProfileName,
    ...(p.description ? { description: p.description } : {}),
    ...(p.createdAt ? { createdAt: iso(p.createdAt) } : {}),
    ...(p.updatedAt ? { updatedAt: iso(p.updatedAt) } : {}),
    models: routes,
    status: p.status,
    type: p.type,
  };
  const key = JSON.stringify(value);
  const v = variants.get(key);
  if (v) v.regions.push(p.region);
  else variants.set(key, { key, value, regions: [p.region] });
}
const profiles = [...variants.values()]
  .map((v): CatalogProfile => ({ ...v.value, regions: v.regions.sort() }))
  .sort((a, b) => (a.inferenceProfileId < b.inferenceProfileId ? -1 : a.inferenceProfileId > b.inferenceProfileId ? 1 : 0));

// The facts sheet's "Legacy and end of life" table → retired list (every row, with its dates).
function parseRetired(md: string): RetiredEntry[] {
  const start = md.indexOf("## Legacy and end of life");
  const section = md.slice(start, md.indexOf("\n## ", start + 5));
  const rows = section.split("\n").filter((l) => l.startsWith("| `"));
  return rows.map((line) => {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    const ids = [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    // Shorthand like `claude-v2:1` inherits the provider prefix of the row's first ID.
    const provider = ids[0].split(".")[0];
    const expanded = ids.flatMap((id) => {
      const full = /^(amazon|anthropic|ai21|cohere|meta|mistral|stability|deepseek|openai)\./.test(id) ? id : `${provider}.${id}`;
      // `amazon.nova-reel-v1:0/1` means both :0 and :1.
      const slash = /^(.*:)(\d+)\/(\d+)$/.exec(full);
      return slash ? [slash[1] + slash[2], slash[1] + slash[3]] : [full];
    });
    const eolText = cells[2];
    const date = /(\d{4}-\d{2}-\d{2})/.exec(eolText)?.[1];
    const month = /before (\d{4}-\d{2})/.exec(eolText)?.[1];
    // "before 2026-02" → the first day of that month; a bare ✝ → retired, date unknown.
    const endOfLife = date ? iso(date) : month ? iso(month + "-01") : undefined;
    const legacy = /(\d{4}-\d{2}-\d{2})/.exec(cells[1])?.[1];
    return {
      modelIds: expanded,
      ...(legacy ? { legacyTime: iso(legacy) } : {}),
      ...(endOfLife ? { endOfLife } : {}),
      endOfLifeNote: eolText.replace(/\s*✝\s*/, "").trim(),
      passed: eolText.includes("✝"),
      replacement: cells[3],
    };
  });
}
const retired = parseRetired(facts);

const regions = [...new Set(rawModels.flatMap((m) => m.regions))].sort();
const catalog = {
  source: {
    models:
      "amazonbedrockmodels/amazonbedrockmodels.github.io data/models.json @ df190def (ListFoundationModels, 18 regions), via ../shared/data/bedrock-catalog/models.json",
    profiles:
      "amazonbedrockmodels/amazonbedrockmodels.github.io data/profiles.json @ df190def (ListInferenceProfiles), via ../shared/data/bedrock-catalog/profiles.json",
    inferenceTypes:
      "data/inference-types.json (AWS's supported-models page and model cards, read 2026-12-01): per-region inference types that correct the capture's one-region values",
    retired: "../shared/data/bedrock-facts.md, table 'Legacy and end of life' (facts as of 2026-11-25)",
    account: `ARNs use the documentation account ${ACCOUNT_ID}`,
  },
  capturedAt: "2026-08-22",
  date: "2026-11-25",
  regions,
  models,
  profiles,
  retired,
} satisfies CatalogData;

const out = join(root, "data/catalog.json");
// One model / profile per line keeps the file compact and its diffs readable.
const text =
  "{\n" +
  Object.entries(catalog)
    .map(([k, v]) =>
      Array.isArray(v) && typeof v[0] === "object"
        ? `  ${JSON.stringify(k)}: [\n${v.map((x) => "    " + JSON.stringify(x)).join(",\n")}\n  ]`
        : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
    )
    .join(",\n") +
  "\n}\n";
// What is about to be written, read back and checked as the emulator checks it when it loads the
// file: a builder bug throws here, naming the first bad paths, and leaves the old file in place.
checkCatalog(JSON.parse(text), "data/catalog.json (as built)");
if (!existsSync(dirname(out))) throw new Error("data/ missing");
writeFileSync(out, text);
console.log(
  `Wrote ${out}: ${models.length} models, ${profiles.length} profile variants (${new Set(profiles.map((p) => p.inferenceProfileId)).size} IDs), ${retired.length} retired rows, ${(text.length / 1024).toFixed(0)} KiB`,
);
