import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

export type UseCase = "chatbot" | "long-content" | "summaries" | "images" | "efficiency" | "lowest-cost";

export interface Recommendation {
  useCase: UseCase;
  /** What you pass as modelId: a profile ID where the model is profile-only. */
  modelId: string;
  /** Where to call it: models are offered per region. */
  region: string;
  /** The model the 2025 article recommended for this case. */
  replaces: string;
}

// Chosen on 2026-11-25 from data/catalog.json and data/prices.json; the chapter explains each pick.
export const recommendations: Recommendation[] = [
  { useCase: "chatbot", modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", region: "us-east-1", replaces: "anthropic.claude-v2" },
  { useCase: "long-content", modelId: "us.anthropic.claude-sonnet-4-6", region: "us-east-1", replaces: "ai21.j2-ultra-v1" },
  { useCase: "summaries", modelId: "us.meta.llama4-scout-17b-instruct-v1:0", region: "us-east-1", replaces: "cohere.command-r-v1:0" },
  { useCase: "images", modelId: "stability.stable-image-core-v1:1", region: "us-west-2", replaces: "stability.stable-diffusion-xl-v1" },
  { useCase: "efficiency", modelId: "mistral.ministral-3-8b-instruct", region: "us-east-1", replaces: "mistral.mistral-7b-instruct-v0:2" },
  { useCase: "lowest-cost", modelId: "us.amazon.nova-micro-v1:0", region: "us-east-1", replaces: "amazon.titan-text-express-v1" },
];

export type RecommendationResult =
  | { useCase: UseCase; kind: "text"; text: string; outputTokens: number }
  | { useCase: UseCase; kind: "image"; png: Uint8Array };

/** Runs one recommendation in its own region: Converse for text, InvokeModel for the image model. */
export async function tryRecommendation(useCase: UseCase, prompt: string): Promise<RecommendationResult> {
  const pick = recommendations.find((r) => r.useCase === useCase);
  if (!pick) throw new Error(`No recommendation for "${useCase}"`);
  const runtime = new BedrockRuntimeClient({ region: pick.region });

  if (useCase === "images") {
    // Stability's native body; the picture comes back as base64 inside JSON.
    const response = await runtime.send(
      new InvokeModelCommand({
        modelId: pick.modelId,
        contentType: "application/json",
        body: JSON.stringify({ prompt, aspect_ratio: "16:9", output_format: "png", seed: 7 }),
      }),
    );
    const { images } = JSON.parse(new TextDecoder().decode(response.body)) as { images: string[] };
    return { useCase, kind: "image", png: Buffer.from(images[0], "base64") };
  }

  const response = await runtime.send(
    new ConverseCommand({
      modelId: pick.modelId,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return {
    useCase,
    kind: "text",
    text: (response.output?.message?.content ?? []).map((b) => b.text ?? "").join(""),
    outputTokens: response.usage?.outputTokens ?? 0,
  };
}
