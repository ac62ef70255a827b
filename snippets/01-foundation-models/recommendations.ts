import {
  BedrockRuntimeClient,
  ConverseCommand,
  InvokeModelCommand,
} from "@aws-sdk/client-bedrock-runtime";
import {
  chooseModelFor,
  ModelNotCallableHere,
  type Route,
} from "bedrock-guide";

export type UseCase =
  | "chatbot"
  | "long-content"
  | "summaries"
  | "images"
  | "efficiency"
  | "lowest-cost";

export interface Recommendation {
  useCase: UseCase;
  /** The foundation model; how to call it (profile or its own ID) depends on your region. */
  modelId: string;
  /** Only for a model offered in a single region: call it there, whatever your session's region. */
  callFrom?: string;
  /** The model the 2025 article recommended for this case. */
  replaces: string;
}

// Chosen on 2026-11-25 from data/catalog.json and data/prices.json; the chapter explains each pick.
export const recommendations: Recommendation[] = [
  {
    useCase: "chatbot",
    modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
    replaces: "anthropic.claude-v2",
  },
  {
    useCase: "long-content",
    modelId: "anthropic.claude-sonnet-4-6",
    replaces: "ai21.j2-ultra-v1",
  },
  {
    useCase: "summaries",
    modelId: "meta.llama4-scout-17b-instruct-v1:0",
    replaces: "cohere.command-r-v1:0",
  },
  // In the 2026-08-22 capture Stability's image models are on demand in us-west-2 and nowhere else,
  // and no profile reaches them: readers elsewhere send this one request to us-west-2.
  {
    useCase: "images",
    modelId: "stability.stable-image-core-v1:1",
    callFrom: "us-west-2",
    replaces: "stability.stable-diffusion-xl-v1",
  },
  {
    useCase: "efficiency",
    modelId: "mistral.ministral-3-8b-instruct",
    replaces: "mistral.mistral-7b-instruct-v0:2",
  },
  {
    useCase: "lowest-cost",
    modelId: "amazon.nova-micro-v1:0",
    replaces: "amazon.titan-text-express-v1",
  },
];

export type RecommendationResult = {
  useCase: UseCase;
  /** What was sent as modelId, from which region and by which route. */
  calledAs: string;
  region: string;
  route: Route;
} & (
  | { kind: "text"; text: string; outputTokens: number }
  | { kind: "image"; png: Uint8Array }
);

/**
 * Runs one recommendation: Converse for text, InvokeModel for the image model. It calls from
 * `region` (default: your session's), or from the recommendation's own region when it has one.
 * When that region can call the model neither through a profile nor on demand, it throws
 * ModelNotCallableHere, which says where the catalog lists the model.
 */
export async function tryRecommendation(
  useCase: UseCase,
  prompt: string,
  region?: string,
): Promise<RecommendationResult> {
  const pick = recommendations.find((r) => r.useCase === useCase);
  if (!pick) throw new Error(`No recommendation for "${useCase}"`);
  const choice = await chooseModelFor(
    pick.modelId,
    pick.callFrom ?? region,
  );
  const runtime = new BedrockRuntimeClient({ region: choice.region });
  const called = {
    useCase,
    calledAs: choice.modelId,
    region: choice.region,
    route: choice.route,
  };

  if (useCase === "images") {
    // Stability's native body; the picture comes back as base64 inside JSON.
    const response = await runtime.send(
      new InvokeModelCommand({
        modelId: choice.modelId,
        contentType: "application/json",
        body: JSON.stringify({
          prompt,
          aspect_ratio: "16:9",
          output_format: "png",
          seed: 7,
        }),
      }),
    );
    const { images } = JSON.parse(
      new TextDecoder().decode(response.body),
    ) as { images: string[] };
    return {
      ...called,
      kind: "image",
      png: Buffer.from(images[0], "base64"),
    };
  }

  const response = await runtime.send(
    new ConverseCommand({
      modelId: choice.modelId,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return {
    ...called,
    kind: "text",
    text: (response.output?.message?.content ?? [])
      .map((b) => b.text ?? "")
      .join(""),
    outputTokens: response.usage?.outputTokens ?? 0,
  };
}

/** Each recommendation as your region would call it, or why it cannot. Lookups only: free. */
export async function recommendationsHere(
  region?: string,
): Promise<Array<Record<string, string>>> {
  return Promise.all(
    recommendations.map(async (r) => {
      try {
        const choice = await chooseModelFor(
          r.modelId,
          r.callFrom ?? region,
        );
        return {
          useCase: r.useCase,
          modelId: choice.modelId,
          region: choice.region,
          route: choice.route,
        };
      } catch (error) {
        if (!(error instanceof ModelNotCallableHere)) throw error;
        return {
          useCase: r.useCase,
          modelId: r.modelId,
          region: error.region,
          route: `⚠ ${error.message}`,
        };
      }
    }),
  );
}
