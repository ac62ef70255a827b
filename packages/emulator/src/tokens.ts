// The emulator's token-count approximation. Real tokenizers differ per model; the guide only
// needs figures that grow with the input, so the emulator counts about one token per four
// characters, with a minimum of one token for every non-empty block.

/** Approximate tokens of one text block: ceil(characters / 4), at least 1. */
export function approximateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Flat cost of a binary block (image, document, video, audio): binary content is not counted by size. */
export const BINARY_BLOCK_TOKENS = 256;

type Json = unknown;

/** Tokens of one Converse content block (text, toolUse, toolResult, image…). */
export function blockTokens(block: Json): number {
  if (!block || typeof block !== "object") return 0;
  const b = block as Record<string, Json>;
  if (typeof b.text === "string") return approximateTokens(b.text);
  if (b.toolUse) {
    const t = b.toolUse as Record<string, Json>;
    return approximateTokens(String(t.name ?? "") + JSON.stringify(t.input ?? {}));
  }
  if (b.toolResult) {
    const content = ((b.toolResult as Record<string, Json>).content as Json[]) ?? [];
    return Math.max(1, content.reduce<number>((n, c) => n + blockTokens(c) + (c && typeof c === "object" && "json" in c ? approximateTokens(JSON.stringify((c as { json: Json }).json)) : 0), 0));
  }
  if (b.image || b.document || b.video || b.audio) return BINARY_BLOCK_TOKENS;
  if (b.guardContent) return blockTokens((b.guardContent as Record<string, Json>).text);
  if (b.reasoningContent) {
    const r = (b.reasoningContent as Record<string, Json>).reasoningText as Record<string, Json> | undefined;
    return typeof r?.text === "string" ? approximateTokens(r.text) : 0;
  }
  return 0; // cachePoint and other markers cost nothing
}

/**
 * Input tokens of a Converse-shaped request: every system block, every message block, and the
 * JSON of the tool specifications (models read tool schemas as text).
 */
export function converseInputTokens(input: { system?: Json[]; messages?: Json[]; toolConfig?: Json }): number {
  let n = 0;
  for (const s of input.system ?? []) n += blockTokens(s);
  for (const m of input.messages ?? []) {
    const content = (m as { content?: Json[] })?.content ?? [];
    for (const c of content) n += blockTokens(c);
  }
  const tools = (input.toolConfig as { tools?: Json[] } | undefined)?.tools;
  if (tools && tools.length) n += approximateTokens(JSON.stringify(tools));
  return n;
}
