import {
  BedrockRuntimeClient,
  InvokeModelCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor } from "bedrock-guide";

/**
 * The article's first example, done right: the body is a JSON string in the provider's own
 * format (Anthropic's Messages API here) and the model is called the way your region allows,
 * through an inference profile for Claude Haiku 4.5.
 */
export async function askClaudeNatively(
  prompt: string,
  model = "anthropic.claude-haiku-4-5-20251001-v1:0",
): Promise<string> {
  const runtime = new BedrockRuntimeClient({});
  const response = await runtime.send(
    new InvokeModelCommand({
      // The profile of your geography, else global., else the model's own ID (see "Inference profiles").
      modelId: await modelIdFor(model),
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        messages: [
          { role: "user", content: [{ type: "text", text: prompt }] },
        ],
      }),
    }),
  );
  // The answer comes back as bytes in the same provider format.
  const answer = JSON.parse(new TextDecoder().decode(response.body)) as {
    content: Array<{ type: string; text?: string }>;
  };
  return answer.content.map((block) => block.text ?? "").join("");
}
