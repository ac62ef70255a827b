// The synthetic model's language and its deterministic choices: which language a text is in
// (tinyld, restricted to Spanish and English) and a small stable hash.
import { detect } from "tinyld";

export type Lang = "es" | "en";

/** 32-bit FNV-1a: a tiny, stable hash for deterministic choices. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Language

const languageCache = new Map<string, Lang>();

/**
 * Spanish or English (the guide's two languages), by tinyld restricted to those two. Anything
 * that is not Spanish is English. Texts tinyld cannot place (one word such as "hola", or no words
 * at all) fall back to Spanish, the guide's first language. Only the first 400 characters are
 * read, and answers are cached: detection costs about 0.3 ms per call otherwise.
 */
export function detectLanguage(text: string): Lang {
  const sample = text.replace(/\s+/g, " ").trim().slice(0, 400);
  const cached = languageCache.get(sample);
  if (cached) return cached;
  const words = sample.match(/\p{L}+/gu) ?? [];
  const found = words.length < 2 ? "" : detect(sample, { only: ["es", "en"] });
  const lang: Lang = found === "" ? "es" : found === "es" ? "es" : "en";
  if (languageCache.size > 500) languageCache.clear();
  languageCache.set(sample, lang);
  return lang;
}
