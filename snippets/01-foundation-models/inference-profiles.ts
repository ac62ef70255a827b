import {
  BedrockClient,
  paginateListInferenceProfiles,
} from "@aws-sdk/client-bedrock";
import { chooseModelFor } from "bedrock-guide";

export interface ProfileChoice {
  profileId: string;
  name: string;
  /** Regions the profile may route a request to ("any" for global profiles). */
  routesTo: string;
}

/** The system inference profiles in `region` that can serve `modelId`. */
export async function findInferenceProfiles(
  modelId: string,
  region: string,
): Promise<ProfileChoice[]> {
  const bedrock = new BedrockClient({ region });
  const choices: ProfileChoice[] = [];
  for await (const page of paginateListInferenceProfiles(
    { client: bedrock },
    { typeEquals: "SYSTEM_DEFINED" },
  )) {
    for (const profile of page.inferenceProfileSummaries ?? []) {
      const arns = (profile.models ?? []).map((m) => m.modelArn ?? "");
      if (!arns.some((arn) => arn.endsWith(`/${modelId}`))) continue;
      // A model ARN holds its region in the 4th field; global profiles also list one without.
      const regions = arns.map((arn) => arn.split(":")[3]).filter((r) => r);
      choices.push({
        profileId: profile.inferenceProfileId ?? "",
        name: profile.inferenceProfileName ?? "",
        routesTo: profile.inferenceProfileId?.startsWith("global.")
          ? "any"
          : [...new Set(regions)].sort().join(", "),
      });
    }
  }
  return choices.sort((a, b) => a.profileId.localeCompare(b.profileId));
}

/** The same list with a column for the profile the guide's modelIdFor picks in `region`, and its route. */
export async function markChoice(
  profiles: ProfileChoice[],
  modelId: string,
  region: string,
): Promise<Array<ProfileChoice & { modelIdFor: string }>> {
  const choice = await chooseModelFor(modelId, region);
  return profiles.map((p) => ({
    ...p,
    modelIdFor: p.profileId === choice.modelId ? `✓ ${choice.route}` : "",
  }));
}
