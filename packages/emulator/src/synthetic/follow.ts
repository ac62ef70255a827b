// The reply the synthetic model writes for explicit instructions (./instructions.ts reads them):
// lists, limits, JSON with named keys, in the reply language, from the prompt's own topic words.
import { fnv1a, type Lang } from "./language";
import { NUMBER_WORDS, normalise, type Instructions } from "./instructions";

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
