// Stability AI image models: a real PNG, deterministic from prompt and seed (always PNG bytes).
import { toBase64 } from "../bytes";
import { fnv1a } from "../synthetic/language";
import { sizeFor, syntheticImage } from "../png";
import { expectType, malformed, requiredKey } from "./native";
import type { ValueCodec } from "./types";

const ASPECT_RATIOS = ["16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"];

export const stability: ValueCodec = {
  kind: "value",
  name: "stability",
  matches: (m) => m.modelId.startsWith("stability."),
  invoke(body, m) {
    const textToImage = /sd3|stable-image-(core|ultra)/.test(m.modelId);
    if (textToImage && body.prompt === undefined) throw requiredKey("prompt");
    if (!textToImage && body.image === undefined) throw requiredKey("image");
    if (body.prompt !== undefined) expectType(body.prompt, "prompt", "string");
    const prompt = (body.prompt as string | undefined) ?? "";
    if (prompt.length > 10000) throw malformed(`#/prompt: expected maxLength: 10000, actual: ${prompt.length}`);
    const aspect = (body.aspect_ratio as string | undefined) ?? "1:1";
    if (!ASPECT_RATIOS.includes(aspect)) throw malformed(`#/aspect_ratio: ${JSON.stringify(aspect)} is not a valid enum value`);
    if (body.output_format !== undefined && !["png", "jpeg", "webp"].includes(body.output_format as string)) {
      throw malformed(`#/output_format: ${JSON.stringify(body.output_format)} is not a valid enum value`);
    }
    let seed = body.seed === undefined ? 0 : (body.seed as number);
    if (body.seed !== undefined) {
      expectType(body.seed, "seed", "integer");
      if (seed < 0 || seed > 4294967294) throw malformed(`#/seed: ${seed} is not less or equal to 4294967294`);
    }
    // Seed 0 means "random" on AWS; the emulator derives one from the prompt to stay deterministic.
    if (seed === 0) seed = fnv1a(prompt + m.modelId) % 4294967294 || 1;
    const { width, height } = sizeFor(aspect);
    const png = syntheticImage(prompt, seed, width, height);
    return { body: { seeds: [seed], finish_reasons: [null], images: [toBase64(png)] }, inputTokens: 0, outputTokens: 0 };
  },
  latencyMs: () => 900,
};
