import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consistencyOf } from "bedrock-guide";

// Numbers of fact in the pages' prose (prices, token limits, context sizes, counts, dates, limits),
// each checked in both languages against data/. A fact is a sentence template with a stable phrase
// around placeholders; the test finds every occurrence in the page, parses the placeholders in the
// page's locale (Spanish "1,10" and "64.000", English "1.10" and "64,000"; number words such as
// "doce" / "twelve") and compares them with values read from data/. Derived numbers (the Gemma /
// Nova Micro break-even, the global-profile discount, month spans) are worked out here by hand from
// the data, with the arithmetic written out. If a page is reworded so that a template no longer
// matches, the test fails too: update the template with the new wording, not the expected value.

const root = join(__dirname, "..", "..");
const json = <T = any>(file: string): T => JSON.parse(readFileSync(join(root, "data", file), "utf8")) as T;

const catalog = json("catalog.json");
const prices = json("prices.json");
const promptManagement = json("prompt-management.json");
const modelAccess = json("model-access.json");
const batch = json("batch.json");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

type Lang = "es" | "en";
const langs: Lang[] = ["es", "en"];

function page(lang: Lang, name: string): string {
  const file = join(root, "site", "content", "docs", lang === "es" ? "" : "en", `${name}.mdx`);
  // Prose is hard-wrapped: one space for any run of whitespace, so a phrase may cross lines.
  return readFileSync(file, "utf8").replace(/\s+/g, " ");
}

// ---- parsing in the page's locale ----------------------------------------------------------

const numberWords: Record<Lang, Record<string, number>> = {
  es: { un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, cien: 100 },
  en: { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, hundred: 100 },
};

const monthNames: Record<Lang, string[]> = {
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
  en: ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
};

/** "1,10" / "64.000" (es) or "1.10" / "64,000" (en) → number. A number written in the other locale's style throws. */
function parseNumber(raw: string, lang: Lang): number {
  const [thousands, decimal] = lang === "es" ? [".", ","] : [",", "."];
  const t = thousands === "." ? "\\." : ",";
  const d = decimal === "." ? "\\." : ",";
  const grouped = new RegExp(`^\\d{1,3}(${t}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^\\d+(${d}\\d+)?$`);
  if (!grouped.test(raw) && !plain.test(raw)) throw new Error(`"${raw}" is not a number written the ${lang} way`);
  // Spanish style guides leave four-digit numbers ungrouped, so "2026" is plain; "1.100" in Spanish is 1100.
  return Number(raw.split(thousands).join("").replace(decimal, "."));
}

function parseWord(raw: string, lang: Lang): number {
  const n = numberWords[lang][raw.toLowerCase()];
  if (n === undefined) throw new Error(`"${raw}" is not a number word the test knows in ${lang}`);
  return n;
}

function parseMonth(raw: string, lang: Lang): number {
  const i = monthNames[lang].indexOf(raw.toLowerCase());
  if (i < 0) throw new Error(`"${raw}" is not a month name in ${lang}`);
  return i + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Parsed placeholders: numbers, ISO dates ("2026-08-22"), or list items. */
type Value = number | string | string[];

// Placeholders in a template:
//   {n}     a number in digits          {w}    a number word ("doce", "twelve")
//   {month} a month name → 1–12         {date} "22 de agosto de 2026" / "22 August 2026" → "2026-08-22"
//   {list}  "A, B y C" / "A, B and C" → ["A", "B", "C"]   {code} the text inside `…`
const NUMBER = "(\\d[\\d.,]*\\d|\\d)";
const WORD = "(\\p{L}+)";
const placeholders: Record<string, Record<Lang, string>> = {
  n: { es: NUMBER, en: NUMBER },
  w: { es: WORD, en: WORD },
  month: { es: WORD, en: WORD },
  date: { es: "(\\d{1,2}) de (\\p{L}+) de (\\d{4})", en: "(\\d{1,2}) (\\p{L}+) (\\d{4})" },
  list: { es: "(.+?)", en: "(.+?)" },
  code: { es: "`([^`]+)`", en: "`([^`]+)`" },
};

function compile(template: string, lang: Lang): { regex: RegExp; kinds: string[] } {
  const kinds: string[] = [];
  const source = template
    .split(/(\{(?:n|w|month|date|list|code)\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      kinds.push(m[1]);
      return placeholders[m[1]][lang];
    })
    .join("");
  return { regex: new RegExp(source, "gu"), kinds };
}

function valuesOf(match: RegExpMatchArray, kinds: string[], lang: Lang): Value[] {
  const groups = match.slice(1);
  const values: Value[] = [];
  for (const kind of kinds) {
    if (kind === "date") {
      const [day, month, year] = groups.splice(0, 3);
      values.push(`${year}-${pad(parseMonth(month, lang))}-${pad(Number(day))}`);
      continue;
    }
    const raw = groups.shift()!;
    if (kind === "n") values.push(parseNumber(raw, lang));
    else if (kind === "w") values.push(parseWord(raw, lang));
    else if (kind === "month") values.push(parseMonth(raw, lang));
    else if (kind === "list") values.push(raw.split(/, | y | ni en | and | or /).map((s) => s.trim()));
    else values.push(raw);
  }
  return values;
}

// ---- the facts ------------------------------------------------------------------------------

interface Fact {
  name: string;
  page: string;
  /** The sentence in each language, with placeholders where the numbers go. */
  es: string;
  en: string;
  /** Checks the values parsed from one occurrence against data/. */
  check: (values: Value[], lang: Lang) => void;
}

/** Numbers compare with a relative tolerance (prices such as 0.035 parse exactly; ratios may not). */
function expectValues(actual: Value[], expected: Value[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (typeof a === "number" && typeof e === "number") {
      expect(Math.abs(a - e), `value ${i + 1}: ${a} against ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
    } else {
      expect(a, `value ${i + 1}`).toEqual(e);
    }
  });
}
const equals = (expected: () => Value[]) => (values: Value[]) => expectValues(values, expected());

// Data look-ups.
function model(id: string) {
  const m = catalog.models.find((x: { modelId: string }) => x.modelId === id);
  if (!m) throw new Error(`data/catalog.json has no ${id}`);
  return m;
}
function textPrice(id: string) {
  const p = prices.text.find((x: { models: string[] }) => x.models.includes(id));
  if (!p) throw new Error(`data/prices.json has no text price for ${id}`);
  return p;
}
function retiredEntry(id: string) {
  const r = catalog.retired.find((x: { modelIds: string[] }) => x.modelIds.includes(id));
  if (!r) throw new Error(`data/catalog.json lists no retirement for ${id}`);
  return r;
}
const day = (iso: string) => iso.slice(0, 10);
const month = (iso: string) => Number(iso.slice(5, 7));
const profilePrefixesFor = (id: string): string[] =>
  [...new Set<string>(catalog.profiles.filter((p: { models: object }) => id in p.models).map((p: { inferenceProfileId: string }) => p.inferenceProfileId.split(".")[0]))].sort();
/** Whole months from `from` to `to` (a month counts once its day of the month is reached). */
function wholeMonths(from: string, to: string): number {
  const a = new Date(from);
  const b = new Date(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) - (b.getUTCDate() < a.getUTCDate() ? 1 : 0);
}

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const SONNET_46 = "anthropic.claude-sonnet-4-6";
const SCOUT = "meta.llama4-scout-17b-instruct-v1:0";
const IMAGE_CORE = "stability.stable-image-core-v1:1";
const MINISTRAL = "mistral.ministral-3-8b-instruct";
const NOVA_MICRO = "amazon.nova-micro-v1:0";
const GEMMA = "google.gemma-3-4b-it";

// AWS's region names as the chapter 4 pages (Prompt Management) write them, mapped by hand to region codes.
const regionNames: Record<Lang, Record<string, string>> = {
  es: {
    "Virginia del Norte": "us-east-1", Ohio: "us-east-2", "Oregón": "us-west-2", Bombay: "ap-south-1", "Sídney": "ap-southeast-2",
    Tokio: "ap-northeast-1", "Canadá": "ca-central-1", "Fráncfort": "eu-central-1", Irlanda: "eu-west-1", Londres: "eu-west-2",
    "París": "eu-west-3", "São Paulo": "sa-east-1",
  },
  en: {
    "N. Virginia": "us-east-1", Ohio: "us-east-2", Oregon: "us-west-2", Mumbai: "ap-south-1", Sydney: "ap-southeast-2",
    Tokyo: "ap-northeast-1", Canada: "ca-central-1", Frankfurt: "eu-central-1", Ireland: "eu-west-1", London: "eu-west-2",
    Paris: "eu-west-3", "São Paulo": "sa-east-1",
  },
};
const regionCodes = (names: Value, lang: Lang) =>
  (names as string[]).map((n) => regionNames[lang][n] ?? `unknown region name "${n}"`).sort();

const facts: Fact[] = [
  // ---- 00 Before you start -------------------------------------------------------------------
  {
    name: "the emulator's catalog covers 18 regions, and eu-south-2 is not one of them",
    page: "00-before-you-start",
    es: "El emulador trae el catálogo de {n} regiones; si eliges otra (eu-south-2",
    en: "The emulator carries the catalog of {n} regions; if you pick another (eu-south-2",
    check: (v) => {
      expectValues(v, [catalog.regions.length]);
      expect(catalog.regions).not.toContain("eu-south-2");
    },
  },
  {
    name: "the repository brings Node 22 (package.json's node dependency and engines)",
    page: "00-before-you-start",
    es: "El repositorio trae su propio Node {n} como dependencia",
    en: "The repository brings its own Node {n} as a dependency",
    check: (v) => {
      expectValues(v, [Number(/\d+/.exec(packageJson.dependencies.node)![0])]);
      expectValues(v, [Number(/\d+/.exec(packageJson.engines.node)![0])]);
    },
  },

  // ---- 01 Foundation models ------------------------------------------------------------------
  {
    name: "Nova Premier, Canvas and Reel retired in September 2026",
    page: "01-foundation-models",
    es: "Nova Premier, Canvas y Reel también se retiraron en {month} de {n}",
    en: "Nova Premier, Canvas and Reel were retired in {month} {n} too",
    check: (v) => {
      for (const id of ["amazon.nova-premier-v1:0", "amazon.nova-canvas-v1:0", "amazon.nova-reel-v1:0", "amazon.nova-reel-v1:1"]) {
        const eol = retiredEntry(id).endOfLife as string;
        expectValues(v, [month(eol), Number(eol.slice(0, 4))]);
      }
    },
  },
  {
    name: "Legacy lasts at least six months, and public extended access starts after three",
    page: "01-foundation-models",
    es: "desde entonces quedan al menos {w} meses hasta su fin de vida. Pasados {w}, entra en el acceso extendido público",
    en: "at least {w} months then remain until its end of life. After {w} of them it enters public extended access",
    check: (v) => {
      // The catalog's lifecycle dates (ListFoundationModels) bear the rule out: the shortest span
      // from legacyTime to endOfLifeTime is the "at least" figure, and every publicExtendedAccessTime
      // comes the same number of months after legacyTime.
      type Lifecycle = { legacyTime?: string; endOfLifeTime?: string; publicExtendedAccessTime?: string };
      const lifecycles: Lifecycle[] = catalog.models.map((m: { modelLifecycle: Lifecycle }) => m.modelLifecycle);
      const toEnd = lifecycles.filter((l) => l.legacyTime && l.endOfLifeTime).map((l) => wholeMonths(l.legacyTime!, l.endOfLifeTime!));
      const toExtended = lifecycles.filter((l) => l.legacyTime && l.publicExtendedAccessTime).map((l) => wholeMonths(l.legacyTime!, l.publicExtendedAccessTime!));
      expect(toEnd.length).toBeGreaterThan(0);
      expect(toExtended.length).toBeGreaterThan(0);
      expect(new Set(toExtended).size).toBe(1);
      expectValues(v, [Math.min(...toEnd), toExtended[0]]);
    },
  },
  {
    name: "Bedrock Marketplace offers over a hundred models",
    page: "01-foundation-models",
    es: "Bedrock Marketplace ofrece además más de {w} modelos",
    en: "Bedrock Marketplace also offers over a {w} models",
    check: equals(() => [modelAccess.bedrockMarketplace.modelsMoreThan]),
  },
  {
    name: "eight providers in the 2025 table plus eleven new ones are the catalog's providers; 152 models in 18 regions, captured on 22 August 2026",
    page: "01-foundation-models",
    es: "tenía {w} proveedores serverless: {list}. En la captura del catálogo del {date} ({n} modelos en {n} regiones) aparecen además {list}. Y algunos",
    en: "which had {w} serverless providers: {list}. The catalog capture of {date} ({n} models in {n} regions) adds {list}. Some of the old names",
    check: (v) => {
      const [count, then, captured, models, regions, added] = v as [number, string[], string, number, number, string[]];
      // The count word is the length of the list that follows it.
      expect(then.length).toBe(count);
      expect(then.filter((p) => added.includes(p))).toEqual([]);
      const providers = [...new Set<string>(catalog.models.map((m: { providerName: string }) => m.providerName))].sort();
      expect([...then, ...added].sort()).toEqual(providers);
      expectValues([captured, models, regions], [catalog.capturedAt, catalog.models.length, catalog.regions.length]);
    },
  },
  {
    name: "AI21's two Jamba models reached end of life on 26 November 2026",
    page: "01-foundation-models",
    es: "sus {w} modelos Jamba llegaron a su fin de vida el {date}",
    en: "its {w} Jamba models reached end of life on {date}",
    check: equals(() => [
      catalog.models.filter((m: { modelId: string }) => m.modelId.startsWith("ai21.jamba")).length,
      day(retiredEntry("ai21.jamba-1-5-large-v1:0").endOfLife),
    ]),
  },
  {
    name: "Jamba's end of life in the recommendations table",
    page: "01-foundation-models",
    es: "su sucesor, Jamba, llegó a su fin de vida el {date}",
    en: "its successor, Jamba, reached end of life on {date}",
    check: equals(() => [day(retiredEntry("ai21.jamba-1-5-mini-v1:0").endOfLife)]),
  },
  {
    name: "the first call's Marketplace subscription needs three actions and takes up to 15 minutes",
    page: "01-foundation-models",
    es: "Para eso la identidad que llama necesita {list}. La suscripción tarda hasta {n} minutos",
    en: "For that, the calling identity needs {list}. The subscription takes up to {n} minutes",
    check: (v) => {
      const actions = (v[0] as string[]).map((a) => a.replace(/`/g, "")).sort();
      expect(actions).toEqual([...modelAccess.firstCallSubscription.marketplaceActions].sort());
      expectValues([v[1]], [modelAccess.firstCallSubscription.maxMinutes]);
    },
  },
  {
    name: "Nova 2 Lite has no au. profile (while au. profiles exist)",
    page: "01-foundation-models",
    es: "Nova 2 Lite, por ejemplo, no tiene perfil `au.`",
    en: "Nova 2 Lite, for instance, has no `au.` profile",
    check: () => {
      expect(catalog.profiles.some((p: { inferenceProfileId: string }) => p.inferenceProfileId.startsWith("au."))).toBe(true);
      expect(profilePrefixesFor("amazon.nova-2-lite-v1:0")).not.toContain("au");
    },
  },
  {
    name: "the global profile is about 10 % cheaper than geographic ones for Anthropic models",
    page: "01-foundation-models",
    es: "el perfil global sale en torno a un {n} % más barato que los geográficos",
    en: "the global profile is about {n}% cheaper than the geographic ones",
    check: ([stated]) => {
      // Discount of global against regional, in percent: (regional − global) / regional × 100.
      // For Claude Haiku 4.5: (1.10 − 1.00) / 1.10 = 9.1 %, "about 10 %". Every Anthropic price with
      // both rates must round to within one point of the stated figure.
      const anthropic = prices.text.filter((p: { models: string[]; global?: object }) => p.global && p.models.every((m) => m.startsWith("anthropic.")));
      expect(anthropic.length).toBeGreaterThan(0);
      for (const p of anthropic) {
        for (const side of ["input", "output"] as const) {
          const discount = ((p.regional[side] - p.global[side]) / p.regional[side]) * 100;
          expect(Math.abs(discount - (stated as number)), `${p.models[0]} ${side}: ${discount.toFixed(1)} %`).toBeLessThanOrEqual(1);
        }
      }
    },
  },
  {
    name: "Claude Haiku 4.5: 1.00 / 5.00 global, 1.10 / 5.50 geographic (inference profiles section)",
    page: "01-foundation-models",
    es: "Claude Haiku 4.5 cuesta {n} USD por millón de tokens de entrada y {n} USD por millón de salida con `global.`, frente a {n} y {n} USD con un perfil geográfico",
    en: "Haiku 4.5 costs USD {n} per million input tokens and USD {n} per million output tokens through `global.`, against USD {n} and {n} through a geographic profile",
    check: equals(() => {
      const p = textPrice(HAIKU);
      return [p.global.input, p.global.output, p.regional.input, p.regional.output];
    }),
  },
  {
    name: "Claude Haiku 4.5's prices come from sources dated July and September 2026",
    page: "01-foundation-models",
    es: "(precios de `data/prices.json`, con fuentes de {month} y {month} de {n})",
    en: "(prices from `data/prices.json`, with sources from {month} and {month} {n})",
    check: equals(() => {
      const dates: string[] = (textPrice(HAIKU).source as string).split(/,\s*/).map((s) => prices.sourceDates[s]).sort();
      const years = new Set(dates.map((d) => d.slice(0, 4)));
      expect(years.size).toBe(1);
      return [month(dates[0]), month(dates[dates.length - 1]), Number([...years][0])];
    }),
  },
  {
    name: "source dates of the price table: LiteLLM 24 July 2026, AWS pricing page 17 July, Price List API 29 September",
    page: "01-foundation-models",
    es: "(LiteLLM, sincronizada el {date}; la página de precios de AWS, el {n} de {month}; la Price List API de AWS para Anthropic, el {n} de {month})",
    en: "(LiteLLM, synced on {date}; AWS's pricing page, {n} {month}; AWS's Price List API for Anthropic, {n} {month})",
    check: equals(() => {
      // Which key is which source, by what prices.json says of each.
      expect(prices.sources.S2).toMatch(/LiteLLM/);
      expect(prices.sources.S3).toMatch(/aws\.amazon\.com\/bedrock\/pricing/);
      expect(prices.sources.S4).toMatch(/Price List API/);
      const { S2, S3, S4 } = prices.sourceDates as Record<string, string>;
      expect(S3.slice(0, 4)).toBe(S2.slice(0, 4));
      expect(S4.slice(0, 4)).toBe(S2.slice(0, 4));
      return [S2, Number(S3.slice(8, 10)), month(S3), Number(S4.slice(8, 10)), month(S4)];
    }),
  },
  {
    name: "recommendations: Claude Haiku 4.5 at 1.10 / 5.50 through a geographic profile",
    page: "01-foundation-models",
    es: "Rápido y barato para ser un Claude: {n} / {n} USD por millón de tokens de entrada / salida con un perfil geográfico",
    en: "Fast, and cheap for a Claude: USD {n} / {n} per million input / output tokens through a geographic profile",
    check: equals(() => [textPrice(HAIKU).regional.input, textPrice(HAIKU).regional.output]),
  },
  {
    name: "recommendations: Claude Sonnet 4.6 has a 1-million-token context and 64,000 output tokens",
    page: "01-foundation-models",
    es: "Contexto de {n} millón de tokens y hasta {n} tokens de salida en una respuesta",
    en: "A {n}-million-token context and up to {n} output tokens in one answer",
    // The context is written in millions of tokens.
    check: equals(() => [model(SONNET_46).contextWindow / 1_000_000, model(SONNET_46).maxOutputTokens]),
  },
  {
    name: "recommendations: Command R retired on 19 August 2026",
    page: "01-foundation-models",
    es: "Command R se retiró el {date}",
    en: "Command R retired on {date}",
    check: equals(() => [day(retiredEntry("cohere.command-r-v1:0").endOfLife)]),
  },
  {
    name: "recommendations: Llama 4 Scout has a 10-million-token context, costs 0.17 per million input tokens and has only a us. profile",
    page: "01-foundation-models",
    es: "Contexto de {n} millones de tokens y {n} USD por millón de tokens de entrada: resumir es sobre todo leer. Solo tiene perfil `us.`",
    en: "A {n}-million-token context and USD {n} per million input tokens: summarising is mostly reading. It only has a `us.` profile",
    check: (v) => {
      expectValues(v, [model(SCOUT).contextWindow / 1_000_000, textPrice(SCOUT).input]);
      expect(profilePrefixesFor(SCOUT)).toEqual(["us"]);
    },
  },
  {
    name: "recommendations: Stable Image Core costs 0.04 per image and exists only in us-west-2, with no profile",
    page: "01-foundation-models",
    es: "{n} USD por imagen; solo existe en us-west-2 y ningún perfil llega a él",
    en: "USD {n} per image; it only exists in us-west-2 and no profile reaches it",
    check: (v) => {
      expectValues(v, [prices.image.find((p: { models: string[] }) => p.models.includes(IMAGE_CORE)).perImage]);
      expect(model(IMAGE_CORE).regions).toEqual(["us-west-2"]);
      expect(profilePrefixesFor(IMAGE_CORE)).toEqual([]);
    },
  },
  {
    name: "recommendations: Ministral 3 8B is on demand by its own ID at 0.15 for input and output alike",
    page: "01-foundation-models",
    es: "Bajo demanda con su propio ID, {n} USD por millón tanto de entrada como de salida",
    en: "On demand by its own ID, USD {n} per million tokens for input and output alike",
    check: (v) => {
      expectValues(v, [textPrice(MINISTRAL).input]);
      expectValues(v, [textPrice(MINISTRAL).output]);
      expect(model(MINISTRAL).inferenceTypesSupported).toContain("ON_DEMAND");
    },
  },
  {
    name: "recommendations: Nova Micro at 0.035 / 0.14 is Amazon's cheapest text model",
    page: "01-foundation-models",
    es: "{n} / {n} USD por millón de tokens de entrada / salida, el más barato de Amazon",
    en: "USD {n} / {n} per million input / output tokens, Amazon's cheapest",
    check: (v) => {
      const micro = textPrice(NOVA_MICRO);
      expectValues(v, [micro.input, micro.output]);
      // Cheapest among Amazon's priced text-generation models, on both sides (the lower rate where
      // a model has global and regional prices).
      const amazonText = catalog.models.filter((m: { providerName: string; outputModalities: string[] }) => m.providerName === "Amazon" && m.outputModalities.includes("TEXT"));
      const rivals = prices.text.filter((p: { models: string[] }) => p.models.some((id) => amazonText.some((m: { modelId: string }) => m.modelId === id)));
      expect(rivals.length).toBeGreaterThan(1);
      for (const p of rivals) {
        const rate = (side: "input" | "output") => (p.global ? Math.min(p.global[side], p.regional[side]) : p[side]);
        expect(rate("input"), p.models[0]).toBeGreaterThanOrEqual(micro.input);
        expect(rate("output"), p.models[0]).toBeGreaterThanOrEqual(micro.output);
      }
    },
  },
  {
    name: "recommendations: Gemma 3 4B (0.04 / 0.08) is cheaper than Nova Micro unless input is more than twelve times output",
    page: "01-foundation-models",
    es: "Gemma 3 4B de Google ({n} / {n}) sale más barato salvo que la entrada sea más de {w} veces la salida",
    en: "Google's Gemma 3 4B ({n} / {n}) costs less unless the input is more than {w} times the output",
    check: equals(() => {
      const g = textPrice(GEMMA);
      const m = textPrice(NOVA_MICRO);
      // A call with I input and O output tokens costs g.input·I + g.output·O on Gemma and
      // m.input·I + m.output·O on Nova Micro. Gemma is cheaper while
      //   (g.input − m.input)·I < (m.output − g.output)·O,  i.e.  I/O < (m.output − g.output) / (g.input − m.input)
      // = (0.14 − 0.08) / (0.04 − 0.035) = 0.06 / 0.005 = 12. Both differences must be positive for that reading.
      expect(g.input - m.input).toBeGreaterThan(0);
      expect(m.output - g.output).toBeGreaterThan(0);
      return [g.input, g.output, (m.output - g.output) / (g.input - m.input)];
    }),
  },
  {
    name: "recommendations: the catalog capture is of 22 August 2026",
    page: "01-foundation-models",
    es: "contextos y salidas máximas de `data/catalog.json` (captura del {date})",
    en: "context sizes and maximum outputs from `data/catalog.json` (capture of {date})",
    check: equals(() => [catalog.capturedAt]),
  },

  // ---- 02 Designing prompts ------------------------------------------------------------------
  {
    name: "195 is the number of minutes in three and a quarter hours",
    page: "02-designing-prompts",
    es: "que el último número sea {n}, los minutos que hay en {w} horas y cuarto",
    en: "that the last number is {n}, the minutes in {w} and a quarter hours",
    // Arithmetic, not data: h hours and a quarter are h × 60 + 15 minutes.
    check: ([minutes, hours]) => expect(minutes).toBe((hours as number) * 60 + 15),
  },

  // ---- 03 Validating prompts -----------------------------------------------------------------
  {
    name: "consistency's default minimum is the one runConsistency asks for",
    page: "03-validating-prompts",
    es: "y el mínimo exigido ({n} por defecto)",
    en: "and the required minimum ({n} by default)",
    // The minimum as the toolkit itself states it in its verdict ("… required ≥ 0.60").
    check: ([minimum]) => {
      const reason = consistencyOf(["same words", "same words"]).result.reason;
      expect(reason).toMatch(/≥ \d/);
      expect(minimum).toBe(Number(/≥ (\d+[.,]\d+)/.exec(reason)![1]!.replace(",", ".")));
    },
  },

  // ---- 04 Managing prompts -------------------------------------------------------------------
  {
    name: "CreatePromptVersion takes a description of up to 200 characters",
    page: "04-managing-prompts",
    es: "CreatePromptVersion acepta un campo `description` de hasta {n} caracteres",
    en: "CreatePromptVersion accepts a `description` of up to {n} characters",
    check: equals(() => [promptManagement.versionDescription.maxLength]),
  },
  {
    name: "the pattern AWS imposes on prompt names (1 to 100 letter-or-digit groups)",
    page: "04-managing-prompts",
    es: "tiene que cumplir el patrón que AWS impone a los nombres ({code}:",
    en: "must also match the pattern AWS imposes ({code}:",
    check: equals(() => [promptManagement.promptName.pattern]),
  },
  {
    name: "a prompt has at most one variant",
    page: "04-managing-prompts",
    es: "cada prompt tiene como máximo {w} variante",
    en: "prompt has at most {w} variant",
    check: equals(() => [promptManagement.variantsPerPrompt.max]),
  },
  {
    name: "OptimizePrompt runs in ten regions (named), not in Ohio or Tokyo",
    page: "04-managing-prompts",
    es: "AWS ofrece OptimizePrompt solo en {w} regiones ({list}; no en {list}, por ejemplo)",
    en: "offers OptimizePrompt in only {w} regions ({list}; not {list}, for instance)",
    check: ([count, named, notNamed], lang) => {
      const regions: string[] = promptManagement.optimizationTargets.regions;
      expect(count).toBe(regions.length);
      expect(regionCodes(named, lang)).toEqual([...regions].sort());
      for (const code of regionCodes(notNamed, lang)) {
        expect(code).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
        expect(regions).not.toContain(code);
      }
    },
  },
  {
    name: "outside those ten regions the cell makes no call",
    page: "04-managing-prompts",
    es: "fuera de esas {w}, la celda explica por qué",
    en: "outside those {w} the cell explains why",
    check: equals(() => [promptManagement.optimizationTargets.regions.length]),
  },
  {
    name: "Claude Haiku 4.5 and Nova 2 Lite are not optimisation targets; Nova Lite is",
    page: "04-managing-prompts",
    es: "como Claude Haiku 4.5 o Nova 2 Lite no están; Nova Lite sí",
    en: "as Claude Haiku 4.5 or Nova 2 Lite are not on it; Nova Lite is",
    check: () => {
      const targets: string[] = promptManagement.optimizationTargets.models;
      expect(targets).not.toContain(HAIKU);
      expect(targets).not.toContain("amazon.nova-2-lite-v1:0");
      expect(targets).toContain("amazon.nova-lite-v1:0");
    },
  },
  {
    name: "Advanced Prompt Optimization compares up to five models",
    page: "04-managing-prompts",
    es: "comparando hasta {w} modelos",
    en: "comparing up to {w} models",
    check: equals(() => [Number(/comparing up to (\d+) models/.exec(promptManagement.optimizationTargets.advanced.summary)![1])]),
  },

  // ---- 05 Evaluating at scale ------------------------------------------------------------------
  {
    name: "a batch job's timeout is 24 to 168 hours, and the chapter uses the shortest",
    page: "05-evaluating-at-scale",
    es: "su tiempo límite, entre {n} y {n} horas",
    en: "its timeout, between {n} and {n} hours",
    check: equals(() => [batch.jobDuration.timeoutHours.min, batch.jobDuration.timeoutHours.max]),
  },
  {
    name: "the chapter's jobs use the shortest timeout AWS allows",
    page: "05-evaluating-at-scale",
    es: "El tiempo límite es de {n} horas, el mínimo que admite AWS",
    en: "The timeout is {n} hours, the shortest AWS allows",
    check: equals(() => [batch.jobDuration.timeoutHours.min]),
  },
  {
    name: "Nova Lite's minimum records per batch job, from AWS's quota table",
    page: "05-evaluating-at-scale",
    es: "Nova Lite pide al menos {n} registros por trabajo",
    en: "Nova Lite needs at least {n} records per job",
    check: equals(() => [batch.quotas.models.find((r: { models: string[] }) => r.models.includes("amazon.nova-lite-v1:0")).minRecordsPerJob]),
  },
  {
    name: "batch costs half the on-demand price (the documented discount)",
    page: "05-evaluating-at-scale",
    es: "el trabajo cuesta la mitad",
    en: "the job costs half as much",
    check: () => expect(batch.pricing.discount).toBe(0.5),
  },

  // ---- Pages outside the chapters that repeat catalog counts --------------------------------
  {
    name: "run it yourself: 152 models and 18 regions in the captured catalog",
    page: "run-it-yourself",
    es: "ListInferenceProfiles de AWS ({n} modelos, {n} regiones)",
    en: "ListInferenceProfiles ({n} models, {n} regions)",
    check: equals(() => [catalog.models.length, catalog.regions.length]),
  },
  {
    name: "test offline: the emulator knows 18 regions",
    page: "test-offline",
    es: "Conoce {n} regiones",
    en: "It knows {n} regions",
    check: equals(() => [catalog.regions.length]),
  },
];

describe("numbers in the pages' prose agree with data/", () => {
  const cases = facts.flatMap((fact) => langs.map((lang) => ({ fact, lang })));

  it.each(cases.map((c) => [`${c.lang} ${c.fact.page}: ${c.fact.name}`, c] as const))("%s", (_title, { fact, lang }) => {
    const { regex, kinds } = compile(fact[lang], lang);
    const matches = [...page(lang, fact.page).matchAll(regex)];
    expect(matches.length, `phrase not found in ${lang}/${fact.page}: ${fact[lang]}`).toBeGreaterThan(0);
    for (const match of matches) fact.check(valuesOf(match, kinds, lang), lang);
  });
});

describe("locale parsing", () => {
  it("reads numbers the way each language writes them, and refuses the other way", () => {
    expect(parseNumber("1,10", "es")).toBe(1.1);
    expect(parseNumber("64.000", "es")).toBe(64000);
    expect(parseNumber("0,035", "es")).toBe(0.035);
    expect(parseNumber("2026", "es")).toBe(2026);
    expect(parseNumber("1.10", "en")).toBe(1.1);
    expect(parseNumber("64,000", "en")).toBe(64000);
    expect(() => parseNumber("1.10", "es")).toThrow();
    expect(() => parseNumber("1,10", "en")).toThrow();
    // An English thousands separator in Spanish reads as a decimal comma: 64, not 64000, so the
    // comparison with data/ fails rather than passing by accident.
    expect(parseNumber("64,000", "es")).toBe(64);
  });
});
