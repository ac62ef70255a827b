// What the synthetic responder does with EXPLICIT, checkable instructions: bullets, numbered
// steps, a stated count, a word or sentence limit, JSON with named keys, an answer language, and
// a schema-valid input for a forced tool. Vague prompts get none of this (the responder echoes
// them), so "be specific" visibly turns a failing format check into a passing one.
// Everything is deterministic: the same request always gets the same reply.
// This file reads them; ./follow.ts writes the reply, ./schema-values.ts the tool inputs.
import type { Lang } from "./language";

// ---------------------------------------------------------------------------------------------
// Reading the instructions

export interface Instructions {
  list?: { style: "bullets" | "numbered"; count?: number };
  maxWords?: number;
  maxSentences?: number;
  json?: { keys: string[] };
  /** The language the prompt asks for, if it names one. */
  language?: Lang;
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
};
const N = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join("|")})`;
const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : NUMBER_WORDS[s]);

/** Lower case, no accents (ñ → n), typographic quotes made plain: patterns stay ASCII. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[“”«»]/g, '"')
    .replace(/[‘’]/g, "'");
}

const WORDS = "(?:words?|palabras?)";
const SENTENCES = "(?:sentences?|frases?|oraciones|oracion)";
// "at most N" (≤ N) and "under N" (< N, so ≤ N - 1).
const AT_MOST =
  "(?:at most|no more than|not more than|not exceeding|a maximum of|maximum of|maximum|max\\.?|up to|within|limit(?:ed)? (?:it |your answer |the answer |the reply |yourself )?to|como maximo|como mucho|a lo sumo|un maximo de|maximo de|maximo|max\\.?|no mas de|hasta|limitate a|limita (?:la respuesta |tu respuesta )?a)";
const UNDER = "(?:under|fewer than|less than|below|menos de|por debajo de)";
const AFTER = "(?:or less|or fewer|max(?:imum)?|at most|como maximo|como mucho|o menos|maximo|max)";

// Compiled once: [pattern, offset] pairs per unit ("under N" means at most N - 1).
const limitPatterns = (unit: string, singular: string): [RegExp, number][] => [
  [new RegExp(`\\b${AT_MOST}\\s+${N}\\s+${unit}`, "g"), 0],
  [new RegExp(`\\b${UNDER}\\s+${N}\\s+${unit}`, "g"), -1],
  [new RegExp(`\\b${N}\\s+${unit}\\s+${AFTER}\\b`, "g"), 0],
  [new RegExp(`\\b${N}[- ]${singular}\\s+(?:limit|maximum|max)\\b`, "g"), 0],
  [new RegExp(`\\b(?:limit|limite) (?:of |de )?${N}\\s+${unit}`, "g"), 0],
];
const WORD_LIMITS = limitPatterns(WORDS, "word");
const SENTENCE_LIMITS = limitPatterns(SENTENCES, "sentence");
const SINGLE_SENTENCE = new RegExp(
  `\\b(?:in|en|using|with|con)\\s+((?:a single|one single|just one|only one|una sola|un solo|solo una|una unica)|${N})\\s+${SENTENCES}\\b`,
  "g",
);
const LIST_COUNT = new RegExp(`(?<![\\w.])${N}\\s+(?:[a-z]+\\s+)?([a-z]+)`, "g");

function limitFrom(n: string, patterns: [RegExp, number][]): number | undefined {
  if (!/\d|one|two|three|four|five|six|seven|eight|nine|ten|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez/.test(n)) return undefined;
  let best: number | undefined;
  for (const [re, offset] of patterns) {
    for (const m of n.matchAll(re)) {
      const v = toNumber(m[1]) + offset;
      if (v > 0 && (best === undefined || v < best)) best = v;
    }
  }
  return best;
}

function sentenceLimit(n: string): number | undefined {
  let best = limitFrom(n, SENTENCE_LIMITS);
  const take = (v: number | undefined) => {
    if (v !== undefined && v > 0 && (best === undefined || v < best)) best = v;
  };
  for (const m of n.matchAll(SINGLE_SENTENCE)) {
    take(toNumber(m[1]) ?? 1);
  }
  if (/\b(?:one|single)[- ]sentence (?:answer|reply|summary|response)\b/.test(n)) take(1);
  return best;
}

// Words after a number that make it a unit, not a count of list items.
const UNITS = /^(?:words?|palabras?|sentences?|frases?|oraciones|oracion|characters?|caracteres|tokens?|percent|por|minutes?|minutos?|seconds?|segundos?|hours?|horas?|days?|dias?|years?|anos?|times|veces|usd|dollars?|dolares|euros?|de|of|and|y|or|o)$/;
const LIST_NOUNS = /^(?:bullets?|bullet|vinetas?|points?|puntos?|steps?|pasos?|items?|elementos?|lines?|lineas?)$/;

function listCount(text: string): number | undefined {
  const candidates: { n: number; listNoun: boolean }[] = [];
  for (const m of text.matchAll(LIST_COUNT)) {
    const n = toNumber(m[1]);
    const next = m[0].trim().split(/\s+/)[1];
    const last = m[2];
    const listNoun = LIST_NOUNS.test(next) || LIST_NOUNS.test(last);
    if (UNITS.test(next) || n < 1 || n > 20) continue;
    // "un", "una", "one" are articles far more often than counts.
    if (n === 1 && !/^\d/.test(m[1]) && !listNoun) continue;
    candidates.push({ n, listNoun });
  }
  const named = candidates.filter((c) => c.listNoun);
  if (named.length) return named[named.length - 1].n;
  return candidates[0]?.n;
}

const KEY_LIST = /(?:keys|fields|properties|attributes|claves|campos|propiedades|atributos|llaves)\s*(?:following|siguientes|named|called|llamad[oa]s)?\s*:?\s*([^\n;]+?)(?:\.(?:\s|$)|;|\n|$)/giu;
const IDENT = /^[\p{L}_][\p{L}\p{N}_-]*/u;
const NOT_KEYS = new Set(["the", "a", "an", "and", "el", "la", "los", "las", "con", "with", "y", "of", "de"]);

function jsonKeys(original: string): string[] {
  const keys: string[] = [];
  const add = (k: string) => {
    if (k && !NOT_KEYS.has(k.toLowerCase()) && !keys.includes(k)) keys.push(k);
  };
  for (const m of original.matchAll(KEY_LIST)) {
    const list = m[1].replace(/\([^)]*\)/g, " ");
    for (let part of list.split(/\s*,\s*|\s+(?:and|y|e|or|o|&)\s+/)) {
      part = part.trim().replace(/^(?:and|y)\s+/i, "");
      const quoted = /^[`"'“‘]([^`"'”’]+)[`"'”’]/.exec(part);
      if (quoted) {
        add(quoted[1].trim());
        continue;
      }
      const word = IDENT.exec(part)?.[0];
      if (!word) break;
      add(word);
      if (part.slice(word.length).trim()) break; // "price for the product": the list ended
    }
  }
  for (const m of original.matchAll(/`([\p{L}_][\p{L}\p{N}_.-]{0,40})`/gu)) add(m[1]);
  for (const m of original.matchAll(/["“]([\p{L}_][\p{L}\p{N}_-]{0,40})["”]\s*:/gu)) add(m[1]);
  return keys;
}

function lastMatch(n: string, patterns: [RegExp, Lang][]): Lang | undefined {
  let at = -1;
  let lang: Lang | undefined;
  for (const [re, l] of patterns) {
    for (const m of n.matchAll(re)) {
      if (m.index! >= at) {
        at = m.index!;
        lang = l === "es" ? (/ingles/.test(m[0]) ? "en" : "es") : /spanish/.test(m[0]) ? "es" : "en";
      }
    }
  }
  return lang;
}

/** The explicit instructions in a system prompt and the last user message (later text wins). */
export function readInstructions(system: string, user: string): Instructions {
  const original = `${system}\n${user}`;
  const n = normalise(original);
  const out: Instructions = {};

  const bullets = [...n.matchAll(/\bbullet|\bvinetas?\b|\b(?:con|usando|usa|lista de|lista con) guiones\b|\b(?:with|using|use) dashes\b|\bdashed list\b/g)];
  const numbered = [...n.matchAll(/\bnumbered\b|\bnumerad[oa]s?\b|\benumerad[oa]s\b|\bnumber (?:the|each|your) steps?\b/g)];
  const lastAt = (ms: RegExpMatchArray[]) => (ms.length ? ms[ms.length - 1].index! : -1);
  if (bullets.length || numbered.length) {
    const style = lastAt(numbered) > lastAt(bullets) ? "numbered" : "bullets";
    out.list = { style, count: listCount(normalise(user)) ?? listCount(normalise(system)) };
  }

  const maxWords = limitFrom(n, WORD_LIMITS);
  if (maxWords) out.maxWords = maxWords;
  const maxSentences = sentenceLimit(n);
  if (maxSentences) out.maxSentences = maxSentences;

  if (/\bjson\b/.test(n)) {
    const keys = jsonKeys(original);
    const asked =
      keys.length > 0 ||
      /\b(?:in|as|en|como|un|an?|valid|valido)\s+json\b|\bjson\s+(?:object|objeto|format|formato|only|solo|with|con|output)\b|\b(?:return|respond|reply|answer|output|format|devuelve|devuelveme|responde|contesta|genera|produce|formatea)\w*\b[^.\n]{0,30}\bjson\b/.test(n);
    if (asked) out.json = { keys };
  }

  const language = lastMatch(n, [
    [/\b(?:answer|respond|reply|write|speak|explain|output|translate(?: it| this| that)?|only|always|exclusively|entirely)\b[^.\n]{0,40}?\b(?:in|into|to) (?:spanish|english)\b/g, "en"],
    [/\b(?:responde|respondas|responda|respondeme|contesta|contestes|conteste|contestame|escribe|escribeme|redacta|habla|hablame|explica|explicame|traduce|traducelo|solo|siempre|unicamente|exclusivamente)\b[^.\n]{0,40}?\b(?:en|al) (?:espanol|castellano|ingles)\b/g, "es"],
  ]);
  if (language) out.language = language;
  return out;
}

/** True when the prompt asks for something a program can check about the reply's shape. */
export function asksForFormat(ins: Instructions): boolean {
  return !!(ins.list || ins.maxWords || ins.maxSentences || ins.json);
}
