import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

/**
 * The article's first example, done right: the body is a JSON string in the provider's own
 * format (Anthropic's Messages API here) and the model is called through its inference profile.
 */
export async function askClaudeNatively(prompt: string, modelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0"): Promise<string> {
  const runtime = new BedrockRuntimeClient({});
  const response = await runtime.send(
    new InvokeModelCommand({
      modelId,
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
      }),
    }),
  );
  // The answer comes back as bytes in the same provider format.
  const answer = JSON.parse(new TextDecoder().decode(response.body)) as { content: Array<{ type: string; text?: string }> };
  return answer.content.map((block) => block.text ?? "").join("");
}
