import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor } from "bedrock-guide";

export interface StreamedAnswer {
  text: string;
  /** How many text pieces arrived. */
  chunks: number;
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
}

/** Streams an answer with ConverseStream, handing each piece of text to `onText` as it arrives. */
export async function streamAnswer(
  prompt: string,
  onText: (text: string) => void,
  model = "anthropic.claude-haiku-4-5-20251001-v1:0",
): Promise<StreamedAnswer> {
  const runtime = new BedrockRuntimeClient({});
  const response = await runtime.send(
    new ConverseStreamCommand({
      modelId: await modelIdFor(model),
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  const result: StreamedAnswer = { text: "", chunks: 0 };
  for await (const event of response.stream ?? []) {
    const piece = event.contentBlockDelta?.delta?.text;
    if (piece) {
      result.text += piece;
      result.chunks += 1;
      onText(piece);
    }
    if (event.messageStop) result.stopReason = event.messageStop.stopReason;
    if (event.metadata?.usage) {
      result.inputTokens = event.metadata.usage.inputTokens;
      result.outputTokens = event.metadata.usage.outputTokens;
    }
  }
  return result;
}
