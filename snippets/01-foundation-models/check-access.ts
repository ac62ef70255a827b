import { BedrockClient, GetFoundationModelAvailabilityCommand, GetFoundationModelCommand } from "@aws-sdk/client-bedrock";

export interface AccessCheck {
  modelId: string;
  usable: boolean;
  /** What stands in the way, empty when the model is usable. */
  problems: string[];
  /** How the model must be called: "ON_DEMAND" (its own ID) or "INFERENCE_PROFILE". */
  inferenceTypes: string[];
  lifecycle: string;
}

/** Before spending anything: is this model offered here, active, and open to this account? */
export async function checkModelAccess(modelId: string, region: string): Promise<AccessCheck> {
  const bedrock = new BedrockClient({ region });
  const { modelDetails } = await bedrock.send(new GetFoundationModelCommand({ modelIdentifier: modelId }));
  const availability = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId }));

  const problems: string[] = [];
  if (availability.regionAvailability !== "AVAILABLE") problems.push(`not available in ${region}`);
  if (availability.authorizationStatus !== "AUTHORIZED") problems.push("IAM does not authorise this model");
  if (availability.entitlementAvailability !== "AVAILABLE") problems.push("no entitlement (subscription) for this model");
  const agreement = availability.agreementAvailability?.status;
  if (agreement !== "AVAILABLE") problems.push(`provider agreement ${agreement ?? "unknown"}`);
  const lifecycle = modelDetails?.modelLifecycle?.status ?? "?";
  if (lifecycle !== "ACTIVE") problems.push(`lifecycle ${lifecycle}`);

  return {
    modelId,
    usable: problems.length === 0,
    problems,
    inferenceTypes: modelDetails?.inferenceTypesSupported ?? [],
    lifecycle,
  };
}
