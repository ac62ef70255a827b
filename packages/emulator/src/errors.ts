// The errors every module throws, as AWS sends them, and the AWS wording the runtime reuses.
// A leaf: it imports nothing of the emulator.

/**
 * An error that goes out exactly as AWS sends it: the type in `x-amzn-errortype` and in the
 * body's `__type`, with the status code the service model gives that type.
 */
export class BedrockError extends Error {
  constructor(
    public readonly type: string,
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** Shorthands for the errors every service uses (status codes from the botocore models). */
export const errors = {
  validation: (message: string) => new BedrockError("ValidationException", 400, message),
  notFound: (message: string) => new BedrockError("ResourceNotFoundException", 404, message),
  accessDenied: (message: string) => new BedrockError("AccessDeniedException", 403, message),
  throttling: (message = "Too many requests, please wait before trying again.") =>
    new BedrockError("ThrottlingException", 429, message),
  conflict: (message: string) => new BedrockError("ConflictException", 409, message),
};

/** The AWS messages the runtime uses for model-identifier problems. */
export const messages = {
  invalidModel: "The provided model identifier is invalid.",
  endOfLife: "This model version has reached the end of its life. Please refer to the AWS documentation for more details.",
  onDemandNotSupported: (id: string) =>
    `Invocation of model ID ${id} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
  accessDenied: "You don't have access to the model with the specified model ID.",
  regionNotCovered: (region: string, known: string[]) =>
    `The Bedrock emulator has no model catalog for region ${region}. Its catalog covers ${known.join(", ")}. Set AWS_REGION (or the client's region) to one of them.`,
  modelNotFound: (id: string) => `The model ${id} was not found.`,
  legacy:
    "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock",
};
