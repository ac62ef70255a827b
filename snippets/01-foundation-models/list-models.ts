import {
  BedrockClient,
  ListFoundationModelsCommand,
  type FoundationModelSummary,
  type InferenceType,
  type ModelModality,
} from "@aws-sdk/client-bedrock";

export interface ModelFilters {
  provider?: string;
  outputModality?: ModelModality;
  inferenceType?: InferenceType;
  /** Only models that can (true) or cannot (false) stream their answer. */
  streaming?: boolean;
}

/** The foundation models Bedrock offers in one region, optionally filtered. */
export async function listModels(
  region: string,
  filters: ModelFilters = {},
): Promise<FoundationModelSummary[]> {
  const bedrock = new BedrockClient({ region });
  const { modelSummaries = [] } = await bedrock.send(
    new ListFoundationModelsCommand({
      byProvider: filters.provider,
      byOutputModality: filters.outputModality,
      byInferenceType: filters.inferenceType,
    }),
  );
  // ListFoundationModels has no streaming filter, so that one is applied here.
  if (filters.streaming === undefined) return modelSummaries;
  // Some models (embeddings, for one) leave the field out: they do not stream.
  return modelSummaries.filter(
    (model) =>
      (model.responseStreamingSupported ?? false) === filters.streaming,
  );
}
