// An ordinary application module, the kind a reader owns: plain AWS SDK
// code that knows nothing about the emulator. summarise.test.ts tests it
// offline.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type BedrockRuntimeClientConfig,
} from "@aws-sdk/client-bedrock-runtime";

// #region client
/** A Bedrock Runtime client that retries throttling with adaptive mode. */
export function summariserClient(
  config: BedrockRuntimeClientConfig = {},
): BedrockRuntimeClient {
  // "adaptive" retries throttling errors with backoff, like "standard", and
  // also slows this client down while the service keeps throttling it.
  return new BedrockRuntimeClient({
    retryMode: "adaptive",
    maxAttempts: 4,
    ...config,
  });
}

export const SUMMARY_MODEL = "amazon.nova-lite-v1:0";

// One client for the whole process, created on first use: the retry
// mode's rate limiter learns from every call.
let sharedClient: BedrockRuntimeClient | undefined;
// #endregion client

// #region summarise
/** Summarises `text` in one sentence with a foundation model. */
export async function summarise(
  text: string,
  options: { client?: BedrockRuntimeClient; modelId?: string } = {},
): Promise<string> {
  const client = options.client ?? (sharedClient ??= summariserClient());
  const response = await client.send(
    new ConverseCommand({
      modelId: options.modelId ?? SUMMARY_MODEL,
      system: [{ text: "Summarise the user's text in one sentence." }],
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  const summary = (response.output?.message?.content ?? [])
    .map((block) => block.text ?? "")
    .join("")
    .trim();
  if (!summary) {
    throw new Error(`No summary (stopReason: ${response.stopReason})`);
  }
  return summary;
}
// #endregion summarise
