import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
} from "@aws-sdk/client-bedrock";

export interface AccessCheck {
  modelId: string;
  usable: boolean;
  /** What stands in the way, empty when the model is usable. */
  problems: string[];
  /** How the model must be called: "ON_DEMAND" (its own ID) or "INFERENCE_PROFILE". Empty if not offered here. */
  inferenceTypes: string[];
  /** ACTIVE or LEGACY; absent when the region does not offer the model. */
  lifecycle?: string;
}

/** Before spending anything: is this model offered here, active, and open to this account? */
export async function checkModelAccess(
  modelId: string,
  region: string,
): Promise<AccessCheck> {
  const bedrock = new BedrockClient({ region });
  // Availability first: it answers for any model ID, even one this region does not offer.
  const availability = await bedrock.send(
    new GetFoundationModelAvailabilityCommand({ modelId }),
  );

  // Each problem is named by the API field that reports it, exactly as AWS spells it.
  const problems: string[] = [];
  const offeredHere = availability.regionAvailability === "AVAILABLE";
  if (!offeredHere)
    problems.push(`regionAvailability: ${availability.regionAvailability}`);
  if (availability.authorizationStatus !== "AUTHORIZED")
    problems.push(
      `authorizationStatus: ${availability.authorizationStatus}`,
    );
  if (availability.entitlementAvailability !== "AVAILABLE")
    problems.push(
      `entitlementAvailability: ${availability.entitlementAvailability}`,
    );
  const agreement = availability.agreementAvailability?.status;
  if (agreement !== "AVAILABLE")
    problems.push(`agreementAvailability: ${agreement}`);

  // GetFoundationModel only knows the models listed in this region.
  if (!offeredHere)
    return { modelId, usable: false, problems, inferenceTypes: [] };
  const { modelDetails } = await bedrock.send(
    new GetFoundationModelCommand({ modelIdentifier: modelId }),
  );
  const lifecycle = modelDetails?.modelLifecycle?.status;
  if (lifecycle !== "ACTIVE") problems.push(`modelLifecycle: ${lifecycle}`);

  return {
    modelId,
    usable: problems.length === 0,
    problems,
    inferenceTypes: modelDetails?.inferenceTypesSupported ?? [],
    lifecycle,
  };
}
