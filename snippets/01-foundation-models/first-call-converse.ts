import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor } from "bedrock-guide";

/** The same question through Converse: one request shape for every text model. */
export async function askWithConverse(
  prompt: string,
  model = "anthropic.claude-haiku-4-5-20251001-v1:0",
): Promise<ConverseCommandOutput> {
  const runtime = new BedrockRuntimeClient({});
  return runtime.send(
    new ConverseCommand({
      modelId: await modelIdFor(model),
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.5 },
    }),
  );
}

/** The text of a Converse answer. */
export function answerText(response: ConverseCommandOutput): string {
  return (response.output?.message?.content ?? [])
    .map((block) => block.text ?? "")
    .join("");
}
