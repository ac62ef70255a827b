// What the synthetic responder does with EXPLICIT, checkable instructions: bullets, numbered
// steps, a stated count, a word or sentence limit, JSON with named keys, an answer language, and
// a schema-valid input for a forced tool. Vague prompts get none of this (the responder echoes
// them), so "be specific" visibly turns a failing format check into a passing one.
// Everything is deterministic: the same request always gets the same reply.
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

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
};
const N = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join("|")})`;
const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : NUMBER_WORDS[s]);

/** Lower case, no accents (ñ → n), typographic quotes made plain: patterns stay ASCII. */
function normalise(text: string): string {
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

// ---------------------------------------------------------------------------------------------
// Writing the reply

export const MARKER: Record<Lang, string> = {
  en: "[Synthetic reply from the Bedrock emulator]",
  es: "[Respuesta sintética del emulador de Bedrock]",
};

// Words that say how to answer, not what about: never used as topic words.
const NOT_TOPIC = new Set(
  normalise(
    `about above after again also answer answers anything bullet bullets bulleted brief briefly clear concise could describe does each english every explain fewer following format give have into json keys fields object objects properties less limit list lists make maximum more most much numbered number numbers only please points point reply respond response return sentence sentences should short spanish step steps tell that their them then there these they this those three under using what when where which while with within without word words write your yours would
     than describe summarise summarize enumerate name names string integer boolean array null value values show shows provide
     acerca algo algun alguna bien breve cada como con contesta cual cuales cuando dame dime donde devuelve debe desde entre escribe espanol explica frase frases guiones haz hasta ingles lista listas maximo menos mucho numerada numerado numerados numeradas objeto palabras para paso pasos pero porque puntos responde respuesta sobre solo tambien tiene tres cuatro cinco seis siete ocho nueve diez este esta estos estas esto claves campos formato vineta vinetas oracion oraciones favor usando enumera nombra describe resume resumir muestra indica valor valores`,
  ).split(/\s+/),
);

/** Topic words of a text, in order of appearance: the lines of a list are built from them. */
export function topicWords(text: string, max = 6, exclude: string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set<string>(exclude.map(normalise));
  // Markup such as <instruction>…</instruction> frames the prompt; its tag names are not its topic.
  const prose = text.replace(/<\/?[A-Za-z][\w-]*>/g, " ");
  for (const w of prose.match(/[\p{L}][\p{L}\p{N}-]{3,}/gu) ?? []) {
    const key = /^[a-z]+$/i.test(w) ? w.toLowerCase() : normalise(w);
    if (NOT_TOPIC.has(key) || key in NUMBER_WORDS || seen.has(key)) continue;
    seen.add(key);
    out.push(/^\p{Lu}/u.test(w) ? w : w.toLowerCase());
    if (out.length >= max) break;
  }
  return out;
}

const TEMPLATES: Record<Lang, { bullets: string[]; steps: string[]; prose: string[]; fallbackTopic: string }> = {
  en: {
    bullets: [
      "{A}: what it is and why it matters",
      "{A} and {B} in practice",
      "how {A} relates to {B}",
      "a key fact about {A}",
      "{A} compared with {B}",
      "when to use {A}",
      "common mistakes with {A}",
      "the cost of {A}",
      "{A}: first steps",
      "{A} and {B}: a short example",
    ],
    steps: [
      "Identify {A}",
      "Review how {A} works with {B}",
      "Try {A} with a small example",
      "Compare {A} and {B}",
      "Measure the cost of {A}",
      "Write down what you learned about {A}",
      "Check the limits of {A}",
      "Automate {A}",
      "Share the results on {A}",
      "Repeat with {B}",
    ],
    prose: [
      "Synthetic answer about {AB}.",
      "A real model would explain {A} here.",
      "The emulator follows the requested format so that format checks can pass.",
      "Run the guide in live mode for a real answer about {A}.",
    ],
    fallbackTopic: "the topic",
  },
  es: {
    bullets: [
      "{A}: qué es y por qué importa",
      "{A} y {B} en la práctica",
      "cómo se relaciona {A} con {B}",
      "un dato clave sobre {A}",
      "{A} comparado con {B}",
      "cuándo usar {A}",
      "errores comunes con {A}",
      "el coste de {A}",
      "{A}: primeros pasos",
      "{A} y {B}: un ejemplo breve",
    ],
    steps: [
      "Identifica {A}",
      "Revisa cómo funciona {A} con {B}",
      "Prueba {A} con un ejemplo pequeño",
      "Compara {A} y {B}",
      "Mide el coste de {A}",
      "Anota lo que aprendiste sobre {A}",
      "Comprueba los límites de {A}",
      "Automatiza {A}",
      "Comparte los resultados sobre {A}",
      "Repite con {B}",
    ],
    prose: [
      "Respuesta sintética sobre {AB}.",
      "Un modelo real explicaría aquí {A}.",
      "El emulador sigue el formato pedido para que las comprobaciones de formato puedan pasar.",
      "Ejecuta la guía en modo real para obtener una respuesta de verdad sobre {A}.",
    ],
    fallbackTopic: "el tema",
  },
};

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fill(template: string, topics: string[], i: number, lang: Lang): string {
  const a = topics[i % topics.length];
  const b = topics.length > 1 ? topics[(i + 1) % topics.length] : a;
  const ab = a === b ? a : `${a} ${lang === "es" ? "y" : "and"} ${b}`;
  return template.replace("{AB}", ab).replace("{A}", a).replace("{B}", b);
}

/** Cuts a line to at most `max` words (no dangling punctuation). */
function cut(line: string, max: number): string {
  const w = words(line);
  return w.length <= max ? line : w.slice(0, Math.max(0, max)).join(" ").replace(/[,:;]+$/, "");
}

export interface FollowInput {
  instructions: Instructions;
  lang: Lang;
  /** The text the content is derived from (the last user message, else the system prompt). */
  topicText: string;
  /** Seed for deterministic choices (the conversation and model). */
  seed: number;
}

/**
 * The reply to a prompt with explicit format instructions. Prose starts with the marker line; it
 * counts within a word limit (6 words) and as one sentence within a sentence limit, and is dropped
 * when there is no room for it. Lists and JSON never carry it: it would break the asked-for format.
 */
export function followInstructions({ instructions: ins, lang, topicText, seed }: FollowInput): string {
  const t = TEMPLATES[lang];
  const topics = topicWords(topicText, 6, ins.json?.keys);
  if (!topics.length) topics.push(t.fallbackTopic);

  if (ins.json) return JSON.stringify(jsonObject(ins.json.keys, topics, lang, seed), null, ins.maxWords ? undefined : 2);

  const marker = MARKER[lang];
  const markerWords = words(marker).length;
  if (ins.list) {
    const pool = ins.list.style === "bullets" ? t.bullets : t.steps;
    let count = ins.list.count ?? 3 + (seed % 3);
    const start = seed % pool.length;
    // A list carries no marker line: a line outside the list would break the format the prompt
    // asked for, and format checks (the guide's toolkit, a program parsing bullets) would fail it.
    let perItem = Infinity; // words per line, prefix included
    if (ins.maxWords) {
      const budget = ins.maxWords;
      if (budget < count * 2) count = Math.max(1, Math.floor(budget / 2)); // not even "- word" fits: fewer lines
      perItem = Math.floor(budget / count);
    }
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const prefix = ins.list.style === "bullets" ? "- " : `${i + 1}. `;
      lines.push(prefix + cut(capitalise(fill(pool[(start + i) % pool.length], topics, i, lang)), perItem - 1));
    }
    return lines.join("\n");
  }

  // Prose under a word and/or sentence limit.
  const prose = (i: number) => capitalise(fill(t.prose[i % t.prose.length], topics, i, lang));
  const keepMarker =
    (ins.maxSentences === undefined || ins.maxSentences >= 2) && (ins.maxWords === undefined || ins.maxWords - markerWords >= words(prose(0)).length);
  const sentenceCount = ins.maxSentences !== undefined ? Math.max(1, ins.maxSentences - (keepMarker ? 1 : 0)) : 3;
  let budget = ins.maxWords !== undefined ? ins.maxWords - (keepMarker ? markerWords : 0) : Infinity;
  const sentences: string[] = [];
  for (let i = 0; i < sentenceCount; i++) {
    const s = prose(i);
    const n = words(s).length;
    if (n <= budget) {
      sentences.push(s);
      budget -= n;
    } else {
      if (!sentences.length) sentences.push(cut(s, Math.max(1, budget)).replace(/\.?$/, "."));
      break;
    }
  }
  return (keepMarker ? [marker, sentences.join(" ")] : [sentences.join(" ")]).join("\n");
}

// ---------------------------------------------------------------------------------------------
// JSON values

const NUMERIC = new Set(
  "price precio prices precios cost costs coste costo costes amount importe total totals count counts quantity cantidad number numero num year years ano anos age edad score puntuacion rating ratings valoracion stars estrellas tokens size tamano length longitud percent percentage porcentaje duration duracion minutes minutos hours horas days dias weight peso height altura width ancho temperature temperatura latency latencia usd eur rank ranking position posicion votes votos confidence confianza probability probabilidad calories calorias population poblacion".split(" "),
);
const ARRAY = new Set(
  "tags etiquetas items elementos lista list lists keywords examples ejemplos steps pasos ingredients ingredientes options opciones features caracteristicas benefits ventajas pros cons topics temas authors autores categories categorias skills habilidades values valores points puntos reasons razones sources fuentes links enlaces".split(" "),
);
const BOOLEAN_HEAD = /^(?:is|has|can|should|es|tiene|puede|debe)$/;
const NAME_LIKE = new Set("name nombre title titulo product producto city ciudad model modelo".split(" "));

function keyWords(key: string): string[] {
  return normalise(key.replace(/([a-z])([A-Z])/g, "$1 $2")).split(/[\s_.-]+/).filter(Boolean);
}

function jsonValue(key: string, topics: string[], lang: Lang, seed: number): unknown {
  const parts = keyWords(key);
  const h = fnv1a(key, seed);
  if (parts.some((p) => ARRAY.has(p))) return [0, 1, 2].map((i) => topics[(h + i) % topics.length] + (topics.length < 3 ? ` ${i + 1}` : ""));
  if (BOOLEAN_HEAD.test(parts[0] ?? "")) return h % 2 === 0;
  const numeric = parts.find((p) => NUMERIC.has(p));
  if (numeric) {
    if (/^(?:price|precio|prices|precios|cost|costs|coste|costo|costes|amount|importe|usd|eur)$/.test(numeric)) return Math.round(100 + (h % 99900)) / 100;
    if (/^(?:year|years|ano|anos)$/.test(numeric)) return 1990 + (h % 37);
    if (/^(?:score|puntuacion|rating|ratings|valoracion|stars|estrellas)$/.test(numeric)) return 1 + (h % 5);
    if (/^(?:age|edad)$/.test(numeric)) return 18 + (h % 60);
    if (/^(?:percent|percentage|porcentaje)$/.test(numeric)) return h % 101;
    if (/^(?:confidence|confianza|probability|probabilidad)$/.test(numeric)) return (h % 101) / 100;
    return 1 + (h % 20);
  }
  if (parts.some((p) => p === "language" || p === "idioma" || p === "lang")) return lang === "es" ? "español" : "English";
  if (parts.some((p) => NAME_LIKE.has(p))) return topics.slice(0, 2).map(capitalise).join(" ");
  const label = parts.join(" ") || key;
  const topic = topics.slice(0, 2).join(lang === "es" ? " y " : " and ");
  // In Spanish the key is named as written: its words may be English ("useCase"), and "use case sintético" mixes both.
  return lang === "es" ? `valor sintético de ${key} sobre ${topic}` : `synthetic ${label} about ${topic}`;
}

function jsonObject(keys: string[], topics: string[], lang: Lang, seed: number): Record<string, unknown> {
  const list = keys.length ? keys : [lang === "es" ? "respuesta" : "answer"];
  const out: Record<string, unknown> = {};
  for (const k of list) out[k] = jsonValue(k, topics, lang, seed);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tool input that validates against the tool's JSON schema

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => !!v && typeof v === "object" && !Array.isArray(v);

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = isSchema(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return isSchema(node) ? { ...node, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$ref")) } : schema;
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return (t.find((x) => x !== "null") as string | undefined) ?? "null";
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

const LONG_TEXT = /^(?:reason|reasons|reasoning|explanation|description|summary|comment|comments|justification|rationale|razon|motivo|explicacion|descripcion|resumen|comentario|justificacion|answer|respuesta|text|texto|message|mensaje)$/;

function numberIn(schema: Schema, integer: boolean, text: string): number {
  let min = typeof schema.minimum === "number" ? schema.minimum : -Infinity;
  let max = typeof schema.maximum === "number" ? schema.maximum : Infinity;
  // draft 6+: numeric exclusive bounds; draft 4: boolean flags on minimum/maximum.
  const step = integer ? 1 : 0.5;
  if (typeof schema.exclusiveMinimum === "number") min = Math.max(min, schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON * 4 + 1e-9));
  else if (schema.exclusiveMinimum === true) min += integer ? 1 : 1e-9;
  if (typeof schema.exclusiveMaximum === "number") max = Math.min(max, schema.exclusiveMaximum - (integer ? 1 : 1e-9));
  else if (schema.exclusiveMaximum === true) max -= integer ? 1 : 1e-9;
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  const fits = (v: number) => v >= min && v <= max && (!integer || Number.isInteger(v));
  let value: number | undefined;
  for (const m of text.matchAll(/-?\d+(?:\.\d+)?/g)) {
    const v = Number(m[0]);
    if (fits(v)) {
      value = v;
      break;
    }
  }
  if (value === undefined) {
    if (Number.isFinite(min) && Number.isFinite(max)) value = integer ? Math.floor((min + max) / 2) : (min + max) / 2;
    else if (Number.isFinite(min)) value = fits(min) ? min : min + step;
    else if (Number.isFinite(max)) value = Math.min(max, 1);
    else value = 1;
  }
  const multiple = schema.multipleOf;
  if (typeof multiple === "number" && multiple > 0) {
    let v = Math.round(value / multiple) * multiple;
    if (v < min) v += multiple;
    if (v > max) v -= multiple;
    value = Number(v.toFixed(10));
  }
  return value;
}

function stringFor(schema: Schema, name: string, text: string, lang: Lang, h: number): string {
  let s: string;
  switch (schema.format) {
    case "date":
      s = `2026-${String(1 + (h % 12)).padStart(2, "0")}-${String(1 + (h % 28)).padStart(2, "0")}`;
      break;
    case "date-time":
      s = `2026-${String(1 + (h % 12)).padStart(2, "0")}-${String(1 + (h % 28)).padStart(2, "0")}T10:00:00Z`;
      break;
    case "time":
      s = `${String(h % 24).padStart(2, "0")}:00:00`;
      break;
    case "email":
      s = "reader@example.com";
      break;
    case "uri":
    case "url":
      s = "https://example.com/";
      break;
    case "uuid": {
      const hex = (fnv1a(name, h).toString(16) + h.toString(16)).padEnd(32, "0").slice(0, 32);
      s = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
      break;
    }
    default:
      if (LONG_TEXT.test(normalise(name))) {
        s = lang === "es" ? "Valor sintético elegido por el emulador de Bedrock." : "Synthetic value chosen by the Bedrock emulator.";
      } else {
        // The last capitalised word of the user's text helps weather- and travel-style demos.
        const caps = text.match(/\p{Lu}[\p{L}\p{M}-]+/gu);
        s = caps?.filter((w, i) => i > 0 || caps.length === 1).pop() ?? `example ${name}`;
      }
  }
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  while (s.length < min) s += s.length ? ` ${s}` : "x";
  return s.slice(0, Math.max(min, Math.min(max, s.length)));
}

/**
 * A value that validates against `schema`: required properties, types, enum / const (chosen by
 * hash), nested objects and arrays (minItems, maxItems, uniqueItems), numeric bounds and
 * multipleOf, string lengths and common formats, local $ref, anyOf / oneOf (first option) and
 * allOf (merged). `pattern` is not honoured.
 */
export function valueForSchema(schema: unknown, ctx: { text: string; lang: Lang; seed: number; root?: Schema }, name = "value", path = "", depth = 0): unknown {
  if (!isSchema(schema)) return `example ${name}`;
  const root = ctx.root ?? schema;
  let s = resolveRef(schema, root);
  if (Array.isArray(s.allOf)) {
    const merged: Schema = { ...s };
    const props: Schema = {};
    const required: string[] = [];
    for (const part of [s, ...(s.allOf as unknown[])]) {
      if (!isSchema(part)) continue;
      const p = resolveRef(part, root);
      Object.assign(merged, p);
      if (isSchema(p.properties)) Object.assign(props, p.properties);
      if (Array.isArray(p.required)) required.push(...(p.required as string[]));
    }
    delete merged.allOf;
    if (Object.keys(props).length) merged.properties = props;
    if (required.length) merged.required = [...new Set(required)];
    s = merged;
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length) {
      const pick = options.find((o) => isSchema(o) && o.type !== "null") ?? options[0];
      const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== key));
      return valueForSchema({ ...rest, ...(isSchema(pick) ? pick : {}) }, { ...ctx, root }, name, path, depth + 1);
    }
  }
  const h = fnv1a(path || name, ctx.seed);
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[h % s.enum.length];
  const type = typeOf(s);
  if (depth > 8) return type === "object" ? {} : type === "array" ? [] : null;
  switch (type) {
    case "object": {
      const props = isSchema(s.properties) ? s.properties : {};
      const required = Array.isArray(s.required) ? (s.required as string[]) : Object.keys(props);
      const out: Record<string, unknown> = {};
      for (const key of required) out[key] = valueForSchema(props[key] ?? {}, { ...ctx, root }, key, `${path}/${key}`, depth + 1);
      return out;
    }
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 1;
      const max = typeof s.maxItems === "number" ? s.maxItems : Infinity;
      const tuple = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? (s.items as unknown[]) : undefined;
      const count = Math.min(max, Math.max(min, tuple ? tuple.length : 1));
      const out: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const itemSchema = tuple ? (tuple[i] ?? (isSchema(s.items) ? s.items : {})) : s.items ?? {};
        let v = valueForSchema(itemSchema, { ...ctx, root }, name, `${path}/${i}`, depth + 1);
        if (s.uniqueItems) {
          const seen = (x: unknown) => out.some((y) => JSON.stringify(y) === JSON.stringify(x));
          const is = isSchema(itemSchema) ? resolveRef(itemSchema, root) : {};
          if (seen(v) && Array.isArray(is.enum)) v = (is.enum as unknown[]).find((e) => !seen(e)) ?? v;
          else if (seen(v) && typeof v === "string") v = `${v} ${i + 1}`;
          else if (seen(v) && typeof v === "number") v = v + i;
        }
        out.push(v);
      }
      return out;
    }
    case "integer":
      return numberIn(s, true, ctx.text);
    case "number":
      return numberIn(s, false, ctx.text);
    case "boolean":
      return h % 2 === 0;
    case "null":
      return null;
    default:
      return stringFor(s, name, ctx.text, ctx.lang, h);
  }
}
