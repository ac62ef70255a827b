// Offline pictures for the site, made by the same lesson code against the emulator.
import { startGuide } from "bedrock-guide";
import { comparisonChart, compareModels } from "./compare-models";
import { tryRecommendation } from "./recommendations";

// One fixed region, so the site's figures do not depend on where it was built.
async function offline<T>(work: () => Promise<T>): Promise<T> {
  const guide = await startGuide({
    mode: "offline",
    region: "us-east-1",
    quiet: true,
  });
  try {
    return await work();
  } finally {
    await guide.stop();
  }
}

export const samples = {
  async chart() {
    const rows = await offline(() =>
      compareModels(
        "Explica en dos frases por qué importa la IA generativa.",
        [
          "anthropic.claude-haiku-4-5-20251001-v1:0",
          "amazon.nova-2-lite-v1:0",
          "meta.llama4-scout-17b-instruct-v1:0",
          "mistral.ministral-3-8b-instruct",
          "openai.gpt-oss-20b-1:0",
        ],
      ),
    );
    return {
      mime: "image/svg+xml" as const,
      data: comparisonChart(
        rows,
        "La misma pregunta, cinco modelos · One question, five models",
      ),
    };
  },
  async image() {
    const result = await offline(() =>
      tryRecommendation(
        "images",
        "A lighthouse on a rocky coast at dawn, watercolour",
      ),
    );
    if (result.kind !== "image") throw new Error("expected an image");
    return { mime: "image/png" as const, data: Buffer.from(result.png) };
  },
};
