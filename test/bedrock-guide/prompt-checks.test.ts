import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import { CheckConfigError, checkAnswer, checks, comparePrompts, consistencyOf, countWords, numbersIn, readVerdict, runConsistency, similarity, startGuide, type Guide } from "bedrock-guide";

// Hand-checked cases for every check: a pass, a fail and the edge cases that trip naive code.

const run = async (check: ReturnType<(typeof checks)[keyof typeof checks]>, text: string) => (await checkAnswer(text, [check])).results[0];

beforeAll(() => {
  process.env.BEDROCK_GUIDE_LANG = "en";
});

describe("format checks", () => {
  it("bullets: every line a bullet, with an optional exact count", async () => {
    expect((await run(checks.bullets(), "- one\n- two\n* three")).passed).toBe(true);
    expect((await run(checks.bullets({ count: 3 }), "- one\n- two\n* three")).passed).toBe(true);
    // A list of one is allowed when you ask for exactly one; + is a Markdown bullet too.
    expect((await run(checks.bullets({ count: 1 }), "+ only")).passed).toBe(true);
    const wrongCount = await run(checks.bullets({ count: 2 }), "- one\n- two\n- three");
    expect(wrongCount).toMatchObject({ passed: false, reason: "3 items; 2 were asked for" });
    const prose = await run(checks.bullets(), "Bedrock is a managed service. It offers many models.");
    expect(prose.passed).toBe(false);
    expect(prose.reason).toContain("no bullet lines");
    const intro = await run(checks.bullets(), "Here you go:\n- one\n- two");
    expect(intro).toMatchObject({ passed: false });
    expect(intro.reason).toContain('"Here you go:"');
    // A hyphenated word is not a bullet.
    expect((await run(checks.bullets(), "-one\n-two")).passed).toBe(false);
  });

  it("numberedSteps: 1., 2., … in order", async () => {
    expect((await run(checks.numberedSteps({ count: 3 }), "1. Open\n2) Click\n3. Save")).passed).toBe(true);
    const skipped = await run(checks.numberedSteps(), "1. Open\n3. Save");
    expect(skipped).toMatchObject({ passed: false, reason: "numbering skips: step 2 is numbered 3" });
    expect((await run(checks.numberedSteps(), "- Open\n- Save")).passed).toBe(false);
  });

  it("maxWords counts words with letters or digits, so list markers don't count", async () => {
    expect(countWords("- Bedrock is great\n- 2 models")).toBe(5);
    expect(countWords("  ")).toBe(0);
    expect(countWords("1. uno\n2) dos")).toBe(2);
    expect((await run(checks.maxWords(5), "- Bedrock is great\n- 2 models")).passed).toBe(true);
    expect(await run(checks.maxWords(4), "- Bedrock is great\n- 2 models")).toMatchObject({ passed: false, reason: "5 words (limit 4)" });
  });

  it("maxSentences uses the language's sentence rules", async () => {
    expect((await run(checks.maxSentences(2), "Bedrock is managed. It has many models.")).passed).toBe(true);
    expect((await run(checks.maxSentences(1), "Bedrock is managed. It has many models.")).passed).toBe(false);
    // A decimal point does not end a sentence.
    expect((await run(checks.maxSentences(1), "It costs 0.5 dollars per call.")).passed).toBe(true);
    expect((await run(checks.maxSentences(2, "es"), "¿Qué es Bedrock? Un servicio de AWS. Y nada más.")).passed).toBe(false);
  });

  it("language detects the answer's language and refuses to guess on a few letters", async () => {
    expect((await run(checks.language("es"), "Amazon Bedrock es un servicio gestionado que da acceso a modelos fundacionales.")).passed).toBe(true);
    const english = await run(checks.language("es"), "Amazon Bedrock is a managed service that gives access to foundation models.");
    expect(english).toMatchObject({ passed: false, reason: "detected language: en" });
    expect(await run(checks.language("es"), "Sí.")).toMatchObject({ passed: false, reason: "too short to tell the language" });
  });

  it("json validates with a zod schema and names what is wrong", async () => {
    const Product = z.object({ name: z.string(), price: z.number() });
    expect((await run(checks.json(Product), '{"name":"Lamp","price":12.5}')).passed).toBe(true);
    const wrongType = await run(checks.json(Product), '{"name":"Lamp","price":"12.5"}');
    expect(wrongType.passed).toBe(false);
    expect(wrongType.reason).toContain("price");
    expect((await run(checks.json(Product), "Sure! {name: Lamp}")).reason).toMatch(/^not valid JSON/);
    const fenced = '```json\n{"name":"Lamp","price":1}\n```';
    expect((await run(checks.json(Product), fenced)).passed).toBe(false);
    expect((await run(checks.json(Product, { allowCodeFence: true }), fenced)).passed).toBe(true);
  });
});

describe("accuracy checks", () => {
  it("exactly ignores case, spacing and a final full stop, nothing else", async () => {
    expect((await run(checks.exactly("Madrid"), "  madrid. ")).passed).toBe(true);
    expect((await run(checks.exactly("Madrid"), "Madrid, Spain")).passed).toBe(false);
    // "París" with the accent as a combining mark, as copy-paste can produce it.
    expect((await run(checks.exactly("París"), "Pari\u0301s")).passed).toBe(true);
    expect((await run(checks.contains("París"), "Es Pari\u0301s, claro")).passed).toBe(true);
  });

  it("contains matches whole words: 'correct' is not in 'incorrect'", async () => {
    expect((await run(checks.contains("correct"), "That is incorrect.")).passed).toBe(false);
    expect((await run(checks.contains("correct"), "That is Correct.")).passed).toBe(true);
    expect((await run(checks.contains("Nova Micro"), "Use nova micro for that.")).passed).toBe(true);
    // Special characters are literal.
    expect((await run(checks.contains("C++"), "I write C++ daily")).passed).toBe(true);
  });

  it("matches a regular expression, also a global one twice in a row", async () => {
    const global = /\b20\d\d\b/g;
    // Used elsewhere first: a g regex remembers where it stopped, the check must not.
    global.test("in 2025");
    expect((await run(checks.matches(global), "2025")).passed).toBe(true);
    const year = checks.matches(/\b20\d\d\b/g);
    expect((await run(year, "Released in 2025")).passed).toBe(true);
    expect((await run(year, "Released in 2025")).passed).toBe(true);
    expect((await run(year, "Released long ago")).passed).toBe(false);
  });

  it("reads numbers written the English or the Spanish way", () => {
    expect(numbersIn("1,234.5 and 1.234,5 and 3,5 and 3.5 and 1,000 and -2")).toEqual([1234.5, 1234.5, 3.5, 3.5, 1000, -2]);
    // Spaces (and no-break spaces) group thousands in threes, as Spanish style guides recommend.
    expect(numbersIn("1 234,5 and 12\u00a0345 678")).toEqual([1234.5, 12345678]);
    // A leading 0 makes the mark decimal; several marks with groups of three are thousands.
    expect(numbersIn("0.125 and 1.234.567")).toEqual([0.125, 1234567]);
  });

  it("does not take dashes between digits for minus signs, nor versions for numbers", () => {
    expect(numbersIn("2024-05-01")).toEqual([2024, 5, 1]);
    expect(numbersIn("10-20 people")).toEqual([10, 20]);
    expect(numbersIn("SDK v1.2.3 and 3 5")).toEqual([3, 5]);
  });

  it("numberNear checks the last number, as math benchmarks do", async () => {
    expect((await run(checks.numberNear(391), "17 × 23: 17 × 20 = 340, 17 × 3 = 51, so 391.")).passed).toBe(true);
    expect((await run(checks.numberNear(391), "It is 391, or maybe 17.")).passed).toBe(false);
    expect((await run(checks.numberNear(3.14, 0.01), "π ≈ 3,14159")).passed).toBe(true);
    expect(await run(checks.numberNear(1), "none")).toMatchObject({ passed: false, reason: "the answer has no number" });
  });
});

describe("answers that cannot be checked fail with a reason, never a crash", () => {
  const refusal = { stopReason: "guardrail_intervened", output: { message: { role: "assistant", content: [{ text: "Sorry." }] } } } as unknown as ConverseCommandOutput;
  const toolOnly = { stopReason: "tool_use", output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "x", input: {} } }] } } } as unknown as ConverseCommandOutput;

  const cutOff = { stopReason: "max_tokens", output: { message: { role: "assistant", content: [{ text: "- one\n- tw" }] } } } as unknown as ConverseCommandOutput;

  it.each([
    ["cut off by maxTokens", cutOff, "the answer was cut off by maxTokens (stopReason max_tokens)"],
    ["empty", "   ", "the answer is empty"],
    ["refused", refusal, "the model declined to answer (stopReason guardrail_intervened)"],
    ["tool call only", toolOnly, "the answer has no text (blocks: toolUse)"],
  ])("%s", async (_label, answer, reason) => {
    const report = await checkAnswer(answer as string, [checks.maxWords(10), checks.contains("x"), checks.json(z.object({}))]);
    expect(report.passed).toBe(false);
    expect(report.results.map((r) => r.reason)).toEqual([reason, reason, reason]);
  });
});

describe("bad configuration is refused up front, naming the field", () => {
  it.each([
    [() => checks.maxWords(0), "maxWords.limit"],
    [() => checks.bullets({ count: 2.5 }), "bullets.count"],
    [() => checks.bullets({ count: 2, min: 3 }), "bullets.min"],
    [() => consistencyOf(["only one"]), "answers"],
    [() => checks.contains(""), "contains.expected"],
    [() => checks.exactly(undefined as unknown as string), "exactly.expected"],
    [() => checks.json({ type: "object" } as never), "json.schema"],
    [() => checks.language("spanish"), "language.expected"],
    [() => checks.numberNear(Number.NaN), "numberNear.expected"],
    [() => checks.judgedBy({ criterion: " " }), "judgedBy.criterion"],
    [() => consistencyOf([]), "answers"],
    [() => checkAnswer("x", []), "checks"],
  ])("%#", async (make, field) => {
    const error = await (async () => make())().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CheckConfigError);
    expect((error as CheckConfigError).field).toBe(field);
    expect((error as Error).message.startsWith(`${field}: `)).toBe(true);
  });
});

describe("consistency", () => {
  it("is the Jaccard index of the word sets", () => {
    // {the, cat, sat} vs {the, cat, ran}: 2 shared of 4 distinct.
    expect(similarity("The cat sat", "the cat ran")).toBe(0.5);
    expect(similarity("A b", "c d")).toBe(0);
    expect(similarity("Same words", "words same")).toBe(1);
  });

  it("averages every pair and fails below the threshold or on an empty answer", () => {
    const scored = consistencyOf(["the cat sat", "the cat ran", "the cat sat"], 0.6);
    // Pairs: 0.5, 1, 0.5.
    expect(scored.similarity).toBeCloseTo(2 / 3, 10);
    expect(scored.lowest).toBe(0.5);
    expect(scored.result.passed).toBe(true);
    expect(consistencyOf(["the cat sat", "dogs bark"], 0.6).result.passed).toBe(false);
    expect(consistencyOf(["same", ""], 0).result).toMatchObject({ passed: false, reason: "1 of 2 answers are empty" });
  });
});

describe("the judge's verdict comes from structured tool input only", () => {
  const reply = (content: unknown[], stopReason = "tool_use") => ({ stopReason, output: { message: { role: "assistant", content } } }) as unknown as ConverseCommandOutput;

  it("reads pass and fail from the verdict tool", () => {
    expect(readVerdict(reply([{ toolUse: { toolUseId: "1", name: "verdict", input: { verdict: "fail", reason: "The answer is incorrect." } } }])).verdict).toEqual({ verdict: "fail", reason: "The answer is incorrect." });
    expect(readVerdict(reply([{ toolUse: { toolUseId: "1", name: "verdict", input: { verdict: "pass", reason: "ok" } } }])).verdict?.verdict).toBe("pass");
  });

  it("never reads a verdict out of free text", () => {
    const { verdict, problem } = readVerdict(reply([{ text: "Verdict: correct. PASS." }], "end_turn"));
    expect(verdict).toBeUndefined();
    expect(problem).toBe("the judge gave no verdict (stopReason end_turn)");
  });

  it("rejects a verdict outside the schema", () => {
    expect(readVerdict(reply([{ toolUse: { toolUseId: "1", name: "verdict", input: { verdict: "correct", reason: "x" } } }])).problem).toMatch(/^the verdict does not match the schema/);
    expect(readVerdict(reply([{ toolUse: { toolUseId: "1", name: "verdict", input: { verdict: "pass" } } }])).problem).toContain("reason");
    expect(readVerdict(reply([{ toolUse: { toolUseId: "1", name: "other", input: { verdict: "pass", reason: "x" } } }])).verdict).toBeUndefined();
  });
});

describe("against the emulator", () => {
  let guide: Guide;
  beforeAll(async () => {
    guide = await startGuide({ mode: "offline", region: "eu-west-1", lang: "en", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
  });

  it("the judge forces the verdict tool and gets a schema-valid verdict", async () => {
    const [result] = (await checkAnswer("Bedrock is a managed AWS service.", [checks.judgedBy({ criterion: "Says what Bedrock is." })])).results;
    expect(result.criterion).toBe("coherence");
    // Offline the emulator picks the verdict deterministically; what matters is that it was read.
    expect(result.reason).not.toMatch(/no verdict|does not match the schema|judge call failed/);
  });

  it("a judge call that fails fails its check with the reason, and the run goes on", async () => {
    guide.simulate({ fault: "access-denied", times: 1 });
    const report = await checkAnswer("Bedrock is a managed AWS service.", [checks.judgedBy({ criterion: "Says what Bedrock is." }), checks.maxWords(10)]);
    expect(report.results[0]).toMatchObject({ passed: false });
    expect(report.results[0].reason).toMatch(/^the judge call failed: /);
    expect(report.results[1].passed).toBe(true);
  });

  it("runConsistency sends N requests; the emulator is deterministic, so they agree", async () => {
    const scored = await runConsistency({ request: { modelId: "mistral.ministral-3-8b-instruct", messages: [{ role: "user", content: [{ text: "Name one AWS region." }] }] }, times: 3 });
    expect(scored.answers).toHaveLength(3);
    expect(scored.similarity).toBe(1);
    await expect(runConsistency({ request: { modelId: "x", messages: [] }, times: 1 })).rejects.toMatchObject({ field: "times" });
  });

  it("comparePrompts scores each variant per criterion, metered, and keeps a failed call as a failed row", async () => {
    const before = guide.meter.calls.length;
    const comparison = await comparePrompts({
      variants: [
        { name: "ok", request: (q: string) => ({ modelId: "mistral.ministral-3-8b-instruct", messages: [{ role: "user", content: [{ text: q }] }] }) },
        { name: "bare-profile-only", request: (q: string) => ({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", messages: [{ role: "user", content: [{ text: q }] }] }) },
      ],
      cases: [
        { input: "Say hello", checks: [checks.maxWords(1000)] },
        { input: "Say bye", checks: [checks.maxWords(1000), checks.contains("zebra")] },
      ],
    });
    expect(comparison.runs).toHaveLength(4);
    const table = comparison.table();
    expect(table.map((r) => r.variant)).toEqual(["ok", "bare-profile-only"]);
    // ok: maxWords passes twice; the synthetic reply never says "zebra".
    expect(table[0].accuracy).toBe("0/1");
    expect(table[0].format).toBe("2/2");
    // Haiku 4.5 called by its bare ID is refused: every check of that variant fails with the advice title.
    expect(table[1].format).toBe("0/2");
    expect(comparison.runs.filter((r) => r.variant === "bare-profile-only").every((r) => r.error)).toBe(true);
    expect(guide.meter.calls.length - before).toBe(2);
    expect(comparison.chart("t")).toContain("<svg");
    await expect(comparePrompts({ variants: [], cases: [] })).rejects.toMatchObject({ field: "variants" });
    await expect(comparePrompts({ variants: [{ name: "a", request: () => ({ modelId: "x" }) }], cases: [] })).rejects.toMatchObject({ field: "cases" });
    await expect(comparePrompts({ variants: [{ name: "a", request: () => ({ modelId: "x" }) }], cases: [{ input: 1, checks: [] }] })).rejects.toMatchObject({ field: "cases[0].checks" });
  });
});
