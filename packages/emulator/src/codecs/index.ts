// The provider codecs, most specific first; codecFor() picks the first that claims a model.
import type { CatalogModel } from "../catalog";
import { anthropic } from "./anthropic";
import { chat } from "./chat";
import { cohereEmbed } from "./cohere";
import { deepseek } from "./deepseek";
import { llama } from "./llama";
import { mistral } from "./mistral";
import { nova } from "./nova";
import { stability } from "./stability";
import { titanEmbed, titanText } from "./titan";
import type { Codec } from "./types";

export const CODECS: readonly Codec[] = [anthropic, nova, titanText, titanEmbed, llama, mistral, cohereEmbed, stability, deepseek, chat];

/** The codec for a model's native InvokeModel body, or undefined when the emulator has none. */
export function codecFor(m: CatalogModel): Codec | undefined {
  return CODECS.find((c) => c.matches(m));
}

export type { Codec, TextCodec, ValueCodec } from "./types";
export { syntheticEmbedding } from "./native";
