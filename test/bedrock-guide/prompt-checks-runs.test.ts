import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import type { ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import { scriptedResponder, startBedrockEmulatorForTests, type ResponderRequest, type ScriptedResponder, type TestEmulator } from "bedrock-emulator/node";
import { answerOf, CheckConfigError, checkAnswer, checks, comparePrompts, consistencyOf, runConsistency, similarity, type Check } from "bedrock-guide";
import * as chart from "../../packages/bedrock-guide/chart";

// Running checks: answerOf and checkAnswer, consistency across runs, and the A/B comparison of
// prompt variants. Model calls go to the emulator with a scripted responder, so the test decides
// each answer, its token counts and (through a fake clock) how long it took.

vi.mock("../../packages/bedrock-guide/chart", async (importOriginal) => {
  const actual = await importOriginal<typeof chart>();
  return { ...actual, barChart: vi.fn(actual.barChart) };
});

let emu: TestEmulator;
let model: ScriptedResponder;

function inLanguage(lang: "es" | "en") {
  process.env.BEDROCK_GUIDE_LANG = lang;
}

beforeAll(async () => {
  // Each test gets its own scripted model, so no canned answer leaks into the next test.
  emu = await startBedrockEmulatorForTests({ responder: { name: "per-test", respond: (req) => model.respond(req) }, region: "us-east-1" });
});
afterAll(async () => {
  await emu.stop();
});
beforeEach(() => {
  inLanguage("en");
  model = scriptedResponder();
});
afterEach(() => {
  inLanguage("en");
  vi.restoreAllMocks();
});

const configError = async (make: () => unknown): Promise<CheckConfigError> => {
  const error = await (async () => make())().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckConfigError);
  expect((error as Error).name).toBe("CheckConfigError");
  return error as CheckConfigError;
};

const converse = (content: unknown[] | undefined, stopReason?: string) =>
  ({ stopReason, output: content && { message: { role: "assistant", content } } }) as unknown as ConverseCommandOutput;

describe("answerOf", () => {
  it("takes plain text and an Answer as they are", () => {
    expect(answerOf("hi")).toEqual({ text: "hi" });
    const answer = { text: "hi", stopReason: "end_turn" };
    expect(answerOf(answer)).toBe(answer);
  });

  it("joins the text blocks of a Converse response and keeps its stop reason", () => {
    expect(answerOf(converse([{ text: "Hello, " }, { text: "world" }], "end_turn"))).toEqual({ text: "Hello, world", stopReason: "end_turn" });
    expect(answerOf(converse(undefined))).toEqual({ text: "", stopReason: undefined });
    // An empty content list is an empty answer, not a non-text one.
    expect(answerOf(converse([], "end_turn"))).toEqual({ text: "", stopReason: "end_turn" });
  });

  it("marks an answer cut off by maxTokens as truncated, and only that one", () => {
    expect(answerOf(converse([{ text: "- a" }], "max_tokens"))).toEqual({ text: "- a", stopReason: "max_tokens", truncated: true });
    expect(answerOf(converse([{ text: "- a" }], "stop_sequence"))).not.toHaveProperty("truncated");
  });

  it("a filtered answer is no text to check, even when it has some, in both languages", () => {
    expect(answerOf(converse([{ text: "Sorry." }], "content_filtered"))).toEqual({
      text: "Sorry.",
      stopReason: "content_filtered",
      notText: "the model declined to answer (stopReason content_filtered)",
    });
    inLanguage("es");
    expect(answerOf(converse([], "guardrail_intervened")).notText).toBe("el modelo no respondió (stopReason guardrail_intervened)");
  });

  it("names the kinds of block when none has text, in both languages", () => {
    const blocks = [{ toolUse: { toolUseId: "t", name: "x", input: {} } }, { reasoningContent: { reasoningText: { text: "…" } } }];
    expect(answerOf(converse(blocks, "tool_use"))).toEqual({ text: "", stopReason: "tool_use", notText: "the answer has no text (blocks: toolUse, reasoningContent)" });
    // A block whose only key is unset: its kind is unknown.
    expect(answerOf(converse([{ text: undefined, image: { format: "png" } }])).notText).toBe("the answer has no text (blocks: image)");
    expect(answerOf(converse([{ text: undefined }])).notText).toBe("the answer has no text (blocks: ?)");
    inLanguage("es");
    expect(answerOf(converse(blocks)).notText).toBe("la respuesta no tiene texto (bloques: toolUse, reasoningContent)");
  });
});

describe("checkAnswer", () => {
  it("passes only when every check passes, and keeps the results in order", async () => {
    // "uno dos": 2 words, contains "dos", not a list.
    const report = await checkAnswer("uno dos", [checks.maxWords(2), checks.contains("dos"), checks.bullets()]);
    expect(report.results.map((r) => [r.check, r.passed])).toEqual([
      ["maxWords(2)", true],
      ['contains("dos")', true],
      ["bullets", false],
    ]);
    expect(report.passed).toBe(false);
    expect((await checkAnswer("uno dos", [checks.maxWords(2), checks.contains("dos")])).passed).toBe(true);
  });

  it("refuses a list that is not a list of checks, naming the bad entry, in both languages", async () => {
    expect((await configError(() => checkAnswer("x", undefined as never))).message).toBe("checks: at least one check is needed, e.g. [checks.maxWords(50)]");
    const bad = await configError(() => checkAnswer("x", [checks.maxWords(2), { name: "mine" } as never]));
    expect(bad.field).toBe("checks[1]");
    expect(bad.message).toBe("checks[1]: is not a check: build it with checks.…()");
    expect((await configError(() => checkAnswer("x", [null as never]))).field).toBe("checks[0]");
    inLanguage("es");
    expect((await configError(() => checkAnswer("x", []))).message).toBe("checks: hace falta al menos una comprobación, p. ej. [checks.maxWords(50)]");
    expect((await configError(() => checkAnswer("x", [{} as never]))).message).toBe("checks[0]: no es una comprobación: créala con checks.…()");
  });

  it("runs a hand-made check too", async () => {
    const mine: Check = { name: "mine", criterion: "coherence", run: (a) => ({ check: "mine", criterion: "coherence", passed: a.text === "ok", reason: "" }) };
    expect((await checkAnswer("ok", [mine])).passed).toBe(true);
  });
});

describe("similarity and consistencyOf", () => {
  it("compares word sets, ignoring case, punctuation and repetition", () => {
    expect(similarity("¿Qué? ¡Sí!", "qué sí")).toBe(1);
    expect(similarity("a a b", "b a")).toBe(1);
    // {a, b, c} and {a, b, c, d, e}: 3 shared of 5 distinct.
    expect(similarity("a b c", "a b c d e")).toBe(0.6);
    // Two empty answers say the same nothing; one empty and one not share nothing.
    expect(similarity("", "...")).toBe(1);
    expect(similarity("word", "")).toBe(0);
  });

  it("passes at exactly the threshold, 0.6 by default", () => {
    // One pair at 0.6 (see above): passes the default, fails 0.61.
    expect(consistencyOf(["a b c", "a b c d e"]).result.passed).toBe(true);
    expect(consistencyOf(["a b c", "a b c d e"], 0.61).result.passed).toBe(false);
    // {a, b} and {a, c}: 1 of 3, below the default.
    expect(consistencyOf(["a b", "a c"]).result.passed).toBe(false);
    expect(consistencyOf(["a b", "a c"], 0).result.passed).toBe(true);
  });

  it("reports the mean and lowest pair, in the reader's number format", () => {
    // Pairs: (1,2) {the,cat,sat}/{the,cat,ran} = 2/4; (1,3) = 1; (2,3) = 2/4. Mean 2/3, lowest 0.5.
    const scored = consistencyOf(["the cat sat", "the cat ran", "the cat sat"]);
    expect(scored.answers).toEqual(["the cat sat", "the cat ran", "the cat sat"]);
    expect(scored.result).toEqual({
      check: "consistency(3)",
      criterion: "consistency",
      passed: true,
      reason: "mean similarity 0.67 (lowest 0.50) over 3 runs; ≥ 0.60 required",
    });
    inLanguage("es");
    expect(consistencyOf(["the cat sat", "the cat ran", "the cat sat"], 0.7).result).toMatchObject({
      passed: false,
      reason: "similitud media 0,67 (mínima 0,50) en 3 ejecuciones; se pide ≥ 0,70",
    });
  });

  it("any blank answer fails the run, and says how many, in both languages", () => {
    // Two identical words and a blank one: similar pairs aside, a blank answer is a failed run.
    expect(consistencyOf(["yes", "yes", "  "], 0).result).toMatchObject({ passed: false, reason: "1 of 3 answers are empty" });
    inLanguage("es");
    expect(consistencyOf(["", "\n", "sí"], 0).result.reason).toBe("2 de 3 respuestas vacías");
  });

  it("refuses fewer than two answers and a threshold outside 0…1, in both languages", async () => {
    expect((await configError(() => consistencyOf("ab" as never))).field).toBe("answers");
    expect((await configError(() => consistencyOf(["a"]))).message).toBe("answers: at least two answers are needed to compare");
    for (const bad of [-0.1, 1.1, Number.NaN]) {
      expect((await configError(() => consistencyOf(["a", "b"], bad))).field).toBe("minSimilarity");
    }
    expect((await configError(() => consistencyOf(["a", "b"], 2))).message).toBe("minSimilarity: must be between 0 and 1, not 2");
    // Both ends are allowed.
    expect(consistencyOf(["a", "a"], 1).result.passed).toBe(true);
    inLanguage("es");
    expect((await configError(() => consistencyOf([]))).message).toBe("answers: hacen falta al menos dos respuestas para compararlas");
    expect((await configError(() => consistencyOf(["a", "b"], -1))).message).toBe("minSimilarity: debe estar entre 0 y 1, no -1");
  });
});

describe("runConsistency", () => {
  const request = { modelId: "mistral.ministral-3-8b-instruct", messages: [{ role: "user" as const, content: [{ text: "Name a colour." }] }] };

  it("sends the request the given number of times and scores the answers", async () => {
    const replies = ["red green", "red blue", "red green"];
    model.add({ prompt: "Name a colour.", reply: () => replies.shift()!, times: 3 });
    const scored = await runConsistency({ request, times: 3 });
    expect(model.calls).toHaveLength(3);
    expect(model.calls.every((c: ResponderRequest) => c.requestedModelId === request.modelId)).toBe(true);
    expect([...scored.answers].sort()).toEqual(["red blue", "red green", "red green"]);
    // Pairs: 1/3, 1, 1/3 (in some order): mean 5/9, below the default 0.6.
    expect(scored.similarity).toBeCloseTo(5 / 9, 10);
    expect(scored.lowest).toBeCloseTo(1 / 3, 10);
    expect(scored.result.passed).toBe(false);
  });

  it("passes the threshold on", async () => {
    model.add({ prompt: "Name a colour.", reply: () => "red", times: 1 });
    model.add({ prompt: "Name a colour.", reply: () => "red blue", times: 1 });
    // {red} and {red, blue}: 1/2.
    const scored = await runConsistency({ request, times: 2, minSimilarity: 0.5, concurrency: 1 });
    expect(scored.similarity).toBe(0.5);
    expect(scored.result.passed).toBe(true);
  });

  it("needs an integer of at least 2 times, in both languages", async () => {
    expect((await configError(() => runConsistency({ request, times: 2.5 }))).message).toBe("times: must be an integer ≥ 2 (answers need comparing), not 2.5");
    inLanguage("es");
    expect((await configError(() => runConsistency({ request, times: 1 }))).message).toBe("times: debe ser un entero ≥ 2 (hay que comparar respuestas), no 1");
    expect(model.calls).toHaveLength(0);
  });
});

describe("comparePrompts", () => {
  // The price of Ministral 3 8B per million tokens, from the guide's price table.
  const prices = JSON.parse(readFileSync(new URL("../../data/prices.json", import.meta.url), "utf8")) as {
    text: { models: string[]; input?: number; output?: number }[];
  };
  const ministral = prices.text.find((e) => e.models.includes("mistral.ministral-3-8b-instruct"))!;
  // A model the emulator serves in us-east-1 that the price table has no price for.
  const unpriced = "nvidia.nemotron-nano-12b-v2";

  let clock = 0;
  beforeEach(() => {
    clock = 0;
    // A fake clock: only the scripted model moves it, so each call's duration is what it says.
    vi.spyOn(performance, "now").mockImplementation(() => clock);
  });

  const variant = (name: string, modelId = "mistral.ministral-3-8b-instruct") => ({
    name,
    request: (q: string) => ({ modelId, messages: [{ role: "user" as const, content: [{ text: `${name}|${q}` }] }] }),
  });
  // "lista" answers with two bullets; "prosa" with one sentence of six words.
  const script = () => {
    model.add({ prompt: "lista|", reply: () => ((clock += 10.4), { text: "- Paris\n- Lyon", usage: { inputTokens: 1000, outputTokens: 2000 } }) });
    const prosa = [20, 35];
    model.add({ prompt: "prosa|", reply: () => ((clock += prosa.shift()!), { text: "Paris is the capital of France." }) });
    model.add({ prompt: "sin-precio|", reply: () => ((clock += 1), { text: "- Paris\n- Lyon" }) });
  };
  const cases = [
    { input: "q0", checks: [checks.bullets(), checks.contains("Paris")] },
    { input: "q1", checks: [checks.maxWords(3)] },
  ];

  it("runs every variant on every case and keeps each answer, result, time and cost", async () => {
    script();
    const comparison = await comparePrompts({ variants: [variant("lista"), variant("prosa")], cases, concurrency: 1 });
    expect(model.calls.map((c) => c.messages[0].content[0].text)).toEqual(["lista|q0", "lista|q1", "prosa|q0", "prosa|q1"]);
    const [l0, l1, p0, p1] = comparison.runs;
    expect([l0.variant, l0.case, l1.variant, l1.case, p0.variant, p0.case]).toEqual(["lista", 0, "lista", 1, "prosa", 0]);
    expect(l0.answer).toBe("- Paris\n- Lyon");
    expect(l0.passed).toBe(true);
    expect(l0.results.map((r) => r.passed)).toEqual([true, true]);
    // 10.4 ms rounds to 10.
    expect([l0.ms, l1.ms, p0.ms, p1.ms]).toEqual([10, 10, 20, 35]);
    // 1,000 input and 2,000 output tokens at the table's per-million prices.
    expect(l0.costUsd).toBeCloseTo((1000 * ministral.input! + 2000 * ministral.output!) / 1e6, 12);
    expect(l0.error).toBeUndefined();
    // "prosa" q0: no bullets but "Paris" is there; q1: six words over the limit of 3.
    expect(p0.results.map((r) => r.passed)).toEqual([false, true]);
    expect(p0.passed).toBe(false);
    expect(p1.results[0]).toMatchObject({ check: "maxWords(3)", passed: false, reason: "6 words (limit 3)" });
  });

  it("tabulates passed/total per criterion used, cases all passed, mean time and cost, in both languages", async () => {
    script();
    const comparison = await comparePrompts({ variants: [variant("lista"), variant("prosa"), variant("sin-precio", unpriced)], cases, concurrency: 1 });
    // Per variant: accuracy is contains("Paris") (1 result); format is bullets and maxWords (2).
    // lista: 1/1, 2/2, both cases; prosa: 1/1, 0/2, no case. Mean ms: 10; (20 + 35) / 2 = 27.5 → 28.
    // Cost of lista: 2 calls × (1000 × 0.15 + 2000 × 0.15) / 1e6 = $0.0009, below a cent: 6 decimals.
    const table = comparison.table();
    expect(table).toEqual([
      { variant: "lista", accuracy: "1/1", format: "2/2", "cases all passed": "2/2", "mean ms": 10, cost: "$0.000900" },
      { variant: "prosa", accuracy: "1/1", format: "0/2", "cases all passed": "0/2", "mean ms": 28, cost: expect.stringMatching(/^\$/) },
      // No price for the model: the cost is unknown, not zero.
      { variant: "sin-precio", accuracy: "1/1", format: "2/2", "cases all passed": "2/2", "mean ms": 1, cost: "?" },
    ]);
    // Columns in this order: the criteria as the article lists them, unused ones left out.
    expect(Object.keys(table[0])).toEqual(["variant", "accuracy", "format", "cases all passed", "mean ms", "cost"]);
    inLanguage("es");
    expect(comparison.table()[0]).toEqual({ variante: "lista", exactitud: "1/1", formato: "2/2", "casos superados enteros": "2/2", "ms medios": 10, coste: "$0.000900" });
  });

  it("the price table has no price for the model used as unpriced", () => {
    expect(prices.text.some((e) => e.models.includes(unpriced))).toBe(false);
  });

  it("names every criterion in both languages when all four are used", async () => {
    model.add({ prompt: "todo|", reply: "- a\n- b" });
    const consistency: Check = { name: "c", criterion: "consistency", run: () => ({ check: "c", criterion: "consistency", passed: true, reason: "" }) };
    const coherence: Check = { name: "h", criterion: "coherence", run: () => ({ check: "h", criterion: "coherence", passed: false, reason: "" }) };
    const comparison = await comparePrompts({
      variants: [variant("todo")],
      cases: [{ input: "q", checks: [checks.bullets(), coherence, checks.contains("a"), consistency] }],
    });
    expect(Object.keys(comparison.table()[0])).toEqual(["variant", "accuracy", "consistency", "coherence", "format", "cases all passed", "mean ms", "cost"]);
    inLanguage("es");
    expect(Object.keys(comparison.table()[0])).toEqual(["variante", "exactitud", "consistencia", "coherencia", "formato", "casos superados enteros", "ms medios", "coste"]);
    expect(comparison.table()[0]).toMatchObject({ consistencia: "1/1", coherencia: "0/1" });
  });

  it("charts the pass rate per criterion, one panel each, in percent", async () => {
    script();
    const comparison = await comparePrompts({ variants: [variant("lista"), variant("prosa")], cases, concurrency: 1 });
    const barChart = vi.mocked(chart.barChart);
    barChart.mockClear();
    expect(comparison.chart("Variants")).toContain("<svg");
    const [input] = barChart.mock.calls[0];
    expect(input.title).toBe("Variants");
    expect(input.categories).toEqual(["lista", "prosa"]);
    // lista: accuracy 1/1, format 2/2; prosa: accuracy 1/1, format 0/2.
    expect(input.series.map((s) => [s.name, s.values])).toEqual([
      ["accuracy (%)", [100, 100]],
      ["format (%)", [100, 0]],
    ]);
    expect(input.series[0].format!(50)).toBe("50%");
    inLanguage("es");
    comparison.chart("Variantes");
    expect(barChart.mock.calls[1][0].series.map((s) => s.name)).toEqual(["exactitud (%)", "formato (%)"]);
  });

  it("rounds a rate to a whole percent", async () => {
    // Three cases, the answer passes two: 2/3 = 66.7% → 67.
    model.add({ prompt: "tercios|", reply: "- a\n- b" });
    const comparison = await comparePrompts({
      variants: [variant("tercios")],
      cases: [1, 2, 3].map((n) => ({ input: `q${n}`, checks: [checks.bullets({ count: n === 3 ? 3 : 2 })] })),
    });
    const barChart = vi.mocked(chart.barChart);
    barChart.mockClear();
    comparison.chart("t");
    expect(barChart.mock.calls[0][0].series[0].values).toEqual([67]);
    expect(comparison.table()[0]["cases all passed"]).toBe("2/3");
  });

  it("a failed call fails its case with the advice's title, and the comparison goes on", async () => {
    script();
    emu.faults.add({ fault: "access-denied", model: "mistral.ministral-3-8b-instruct", times: 1 });
    const comparison = await comparePrompts({ variants: [variant("lista")], cases, concurrency: 1 });
    const [failed, ok] = comparison.runs;
    // AccessDeniedException: the guide's advice for it is titled "No access to the model".
    expect(failed).toEqual({
      variant: "lista",
      case: 0,
      passed: false,
      results: [
        { check: "bullets", criterion: "format", passed: false, reason: "No access to the model" },
        { check: 'contains("Paris")', criterion: "accuracy", passed: false, reason: "No access to the model" },
      ],
      answer: "",
      ms: 0,
      error: "No access to the model",
    });
    expect(ok.passed).toBe(true);
    // One call has no cost: the variant's total is unknown.
    expect(comparison.table()[0]).toMatchObject({ accuracy: "0/1", format: "1/2", "cases all passed": "1/2", cost: "?" });
  });

  it("the failed call's time counts too", async () => {
    emu.faults.add({ fault: "access-denied", model: "mistral.ministral-3-8b-instruct", times: 1 });
    // The fake clock moves while the request is being built, after the call has started.
    let built = false;
    const slow = {
      name: "lenta",
      request: (q: string) => {
        const req = variant("lenta").request(q);
        return new Proxy(req, {
          get(target, key, receiver) {
            if (key === "messages" && !built) {
              built = true;
              clock += 7;
            }
            return Reflect.get(target, key, receiver);
          },
        });
      },
    };
    clock = 100;
    const comparison = await comparePrompts({ variants: [slow], cases: [{ input: "q", checks: [checks.maxWords(5)] }] });
    expect(comparison.runs[0].error).toBe("No access to the model");
    expect(comparison.runs[0].ms).toBe(7);
  });

  it("an answer is the text of all its text blocks, other blocks left out", async () => {
    model.add({ prompt: "mixta|", reply: { text: "- a\n- b", toolUses: [{ name: "lookup", input: {} }] } });
    const comparison = await comparePrompts({ variants: [variant("mixta")], cases: [{ input: "q", checks: [checks.bullets()] }] });
    expect(comparison.runs[0].answer).toBe("- a\n- b");
    expect(comparison.runs[0].passed).toBe(true);
  });

  it("the advice for a failed call knows which model the variant asked for", async () => {
    // A geographic profile for Europe called from us-east-1: AWS does not know it there. The
    // advice can say so only if it is told the modelId the request used.
    const comparison = await comparePrompts({
      variants: [variant("europa", "eu.amazon.nova-micro-v1:0")],
      cases: [{ input: "q", checks: [checks.maxWords(5)] }],
    });
    expect(comparison.runs[0].error).toBe("That inference profile is not in this region");
    expect(model.calls).toHaveLength(0);
  });

  it("refuses a bad set-up before any call, naming the field, in both languages", async () => {
    const one = [variant("a")];
    expect((await configError(() => comparePrompts(undefined as never))).message).toBe("variants: at least one variant is needed");
    expect((await configError(() => comparePrompts({ variants: "a" as never, cases }))).field).toBe("variants");
    expect((await configError(() => comparePrompts({ variants: [variant("a"), variant("a")], cases }))).message).toBe("variants: each variant needs its own name");
    expect((await configError(() => comparePrompts({ variants: one, cases: {} as never }))).message).toBe("cases: the dataset is empty");
    const badCheck = await configError(() => comparePrompts({ variants: one, cases: [cases[0], { input: "q", checks: [checks.maxWords(1), {} as never] }] }));
    expect(badCheck.field).toBe("cases[1].checks[1]");
    expect(badCheck.message).toBe("cases[1].checks[1]: checks[1]: is not a check: build it with checks.…()");
    for (const bad of [0, 1.5]) {
      expect((await configError(() => comparePrompts({ variants: one, cases, concurrency: bad }))).message).toBe(`concurrency: must be an integer ≥ 1, not ${bad}`);
    }
    inLanguage("es");
    expect((await configError(() => comparePrompts({ variants: [], cases }))).message).toBe("variants: hace falta al menos una variante");
    expect((await configError(() => comparePrompts({ variants: [variant("a"), variant("a")], cases }))).message).toBe("variants: cada variante necesita un nombre distinto");
    expect((await configError(() => comparePrompts({ variants: one, cases: [] }))).message).toBe("cases: el conjunto de casos está vacío");
    expect((await configError(() => comparePrompts({ variants: one, cases, concurrency: 0 }))).message).toBe("concurrency: debe ser un entero ≥ 1, no 0");
    expect(model.calls).toHaveLength(0);
  });
});
