import { environment } from "./host";
import {
  BedrockClient,
  paginateListInferenceProfiles,
  ListFoundationModelsCommand,
  type InferenceProfileSummary,
} from "@aws-sdk/client-bedrock";
import { parseBedrockArn } from "bedrock-emulator";
import { regionsOffering } from "./catalog-facts";
import { currentLanguage, say, type Language } from "./language";
import { parseModelReference } from "./model-reference";

// Many models can be called only through an inference profile, and which profiles exist depends
// on the region you call from: `eu.` profiles from Europe, `jp.` from Tokyo, `global.` almost
// everywhere. Hard-coding one prefix breaks every reader outside that geography, so the guide asks
// the reader's own region (ListInferenceProfiles, ListFoundationModels) once per session and picks.

export type Route = "geographic profile" | "global profile" | "on demand";

export interface ModelChoice {
  /** What to pass as `modelId`. */
  modelId: string;
  /** The foundation model it reaches. */
  foundationModelId: string;
  region: string;
  route: Route;
  /** Every system profile of this region that reaches the model, for reference. */
  profilesHere: string[];
}

/** The model is neither in a profile nor on demand in this region. */
export class ModelNotCallableHere extends Error {
  override name = "ModelNotCallableHere";
  constructor(
    readonly foundationModelId: string,
    readonly region: string,
    readonly offeredIn: string[],
    lang: Language,
  ) {
    const where = offeredIn.length
      ? say(
          {
            es: ` El catálogo de la guía lo lista en: ${offeredIn.join(", ")}.`,
            en: ` The guide's catalog lists it in: ${offeredIn.join(", ")}.`,
          },
          lang,
        )
      : "";
    super(
      say(
        {
          es: `${foundationModelId} no se puede invocar desde ${region}: ni ListInferenceProfiles da un perfil que lo alcance ni ListFoundationModels lo ofrece bajo demanda.${where} Elige otro modelo o cambia AWS_REGION.`,
          en: `${foundationModelId} cannot be called from ${region}: ListInferenceProfiles gives no profile that reaches it and ListFoundationModels does not offer it on demand.${where} Pick another model or change AWS_REGION.`,
        },
        lang,
      ),
    );
  }
}

interface RegionListing {
  profiles: InferenceProfileSummary[];
  onDemand: Set<string>;
}

// One listing per endpoint and region for the whole session: notebooks call this in many cells.
const listings = new Map<string, Promise<RegionListing>>();

async function listingFor(region: string): Promise<RegionListing> {
  const key = `${environment().AWS_ENDPOINT_URL ?? "aws"}|${region}`;
  let listing = listings.get(key);
  if (!listing) {
    listing = fetchListing(region);
    listings.set(key, listing);
    // A failed lookup (no credentials yet, say) must not stick for the rest of the session.
    listing.catch(() => listings.delete(key));
  }
  return listing;
}

async function fetchListing(region: string): Promise<RegionListing> {
  const bedrock = new BedrockClient({ region });
  try {
    const profiles: InferenceProfileSummary[] = [];
    for await (const page of paginateListInferenceProfiles(
      { client: bedrock },
      { typeEquals: "SYSTEM_DEFINED" },
    )) {
      profiles.push(...(page.inferenceProfileSummaries ?? []));
    }
    const { modelSummaries = [] } = await bedrock.send(
      new ListFoundationModelsCommand({ byInferenceType: "ON_DEMAND" }),
    );
    return {
      profiles,
      onDemand: new Set(modelSummaries.map((m) => m.modelId ?? "")),
    };
  } finally {
    bedrock.destroy();
  }
}

/** The region in an ARN such as arn:aws:bedrock:eu-west-3::foundation-model/… */
const regionOfArn = (arn: string | undefined) =>
  (arn && parseBedrockArn(arn)?.region) ?? "";

/** True for the profile that routes worldwide; every other system profile is geographic. */
const isGlobal = (profile: InferenceProfileSummary) =>
  profile.inferenceProfileId?.startsWith("global.") ?? false;

/**
 * Chooses how to call a model from `region`, in this order:
 * 1. a geographic profile listed in the region (the one that keeps requests closest: fewest
 *    destination regions, so `jp.` before `apac.` in Tokyo);
 * 2. the `global.` profile;
 * 3. the model ID itself, where the region serves it on demand.
 * Accepts a model ID, a profile ID from any geography or an ARN.
 */
export async function chooseModelFor(
  model: string,
  region?: string,
  lang: Language = currentLanguage(),
): Promise<ModelChoice> {
  const where = region ?? (await sdkRegion());
  const { modelId } = parseModelReference(model);
  const listing = await listingFor(where);
  const reaching = listing.profiles
    .filter((p) =>
      (p.models ?? []).some((m) => m.modelArn?.endsWith(`/${modelId}`)),
    )
    .filter((p) => p.status === undefined || p.status === "ACTIVE");
  const destinations = (p: InferenceProfileSummary) =>
    new Set((p.models ?? []).map((m) => regionOfArn(m.modelArn))).size;
  const geographic = reaching
    .filter((p) => !isGlobal(p))
    .sort((a, b) => destinations(a) - destinations(b));
  const global = reaching.filter(isGlobal);
  const profilesHere = reaching
    .map((p) => p.inferenceProfileId ?? "")
    .sort();
  const base = { foundationModelId: modelId, region: where, profilesHere };
  if (geographic[0]?.inferenceProfileId)
    return {
      ...base,
      modelId: geographic[0].inferenceProfileId,
      route: "geographic profile",
    };
  if (global[0]?.inferenceProfileId)
    return {
      ...base,
      modelId: global[0].inferenceProfileId,
      route: "global profile",
    };
  if (listing.onDemand.has(modelId))
    return { ...base, modelId, route: "on demand" };
  throw new ModelNotCallableHere(
    modelId,
    where,
    regionsOffering(modelId),
    lang,
  );
}

/** Shorthand for `chooseModelFor(...).modelId`: what to pass as `modelId` from `region`. */
export async function modelIdFor(
  model: string,
  region?: string,
): Promise<string> {
  return (await chooseModelFor(model, region)).modelId;
}

/** The region a client built with no options would use. */
export async function sdkRegion(): Promise<string> {
  // AWS_REGION first, as the SDK reads it in Node; a page's session keeps its region there, and
  // the SDK has no default region in a page.
  const fromEnvironment = environment().AWS_REGION;
  if (fromEnvironment) return fromEnvironment;
  const bedrock = new BedrockClient({});
  try {
    return await bedrock.config.region();
  } finally {
    bedrock.destroy();
  }
}

/** Forget cached listings (a new session, or a test that changes the catalog). */
export function forgetRegionListings(): void {
  listings.clear();
}
