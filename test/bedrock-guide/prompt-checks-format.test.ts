import { describe, expect, it } from "vitest";
import { configError, englishByDefault, inLanguage, run } from "./prompt-checks-helpers";
import { z } from "zod";
import { CheckConfigError, checkAnswer, checks, countSentences, countWords, type Answer, type Check } from "bedrock-guide";

// Format checks, with small answers whose words, lines and items are counted by hand in the
// comments. Messages are checked in both of the guide's languages.

englishByDefault();

describe("countWords", () => {
  it("counts words separated by any whitespace, across lines (also Windows line ends)", () => {
    // "uno", "dos", "tres", "cuatro": 4.
    expect(countWords("uno dos\r\ntres\tcuatro")).toBe(4);
    // A lone dash or an em dash has no letter or digit: "a", "b" only.
    expect(countWords("a - b —")).toBe(2);
  });

  it("drops list markers at the start of a line only", () => {
    // "- x" and "* y" and "+ z" and "• w" and "10) v": five words once the markers go.
    expect(countWords("- x\n* y\n+ z\n• w\n10) v")).toBe(5);
    // "1." in the middle of a line is a word with a digit: "see", "1.", "now" = 3.
    expect(countWords("see 1. now")).toBe(3);
    // The marker needs a space after it: "-x" is the word itself (1), "2.5" a number (1).
    expect(countWords("-x\n2.5")).toBe(2);
  });
});

describe("countSentences", () => {
  it("counts only segments with a letter or digit", () => {
    // Two sentences; the trailing "..." and spaces are no sentence of their own.
    expect(countSentences("Hola. Adiós.", "es")).toBe(2);
    expect(countSentences("   ", "en")).toBe(0);
    expect(countSentences("One. ... ", "en")).toBe(1);
  });

  it("uses the reader's language by default", () => {
    inLanguage("es");
    // "¿Qué? Nada." is two sentences in Spanish.
    expect(countSentences("¿Qué? Nada.")).toBe(2);
  });
});

describe("bad limits and counts are refused, in both languages", () => {
  it("a limit must be a positive integer: 0, -1 and 1.5 are refused, 1 is fine", () => {
    for (const bad of [0, -1, 1.5]) {
      expect(configError(() => checks.maxWords(bad)).field).toBe("maxWords.limit");
      expect(configError(() => checks.maxSentences(bad)).field).toBe("maxSentences.limit");
    }
    expect(configError(() => checks.maxWords(0)).message).toBe("maxWords.limit: must be a positive integer, not 0");
    inLanguage("es");
    expect(configError(() => checks.maxWords(0)).message).toBe("maxWords.limit: debe ser un entero positivo, no 0");
    expect(checks.maxWords(1).name).toBe("maxWords(1)");
    expect(checks.maxSentences(1).name).toBe("maxSentences(1)");
  });

  it("list counts: count and min must be positive integers, and min no more than count", () => {
    expect(configError(() => checks.numberedSteps({ count: 0 })).field).toBe("numberedSteps.count");
    expect(configError(() => checks.numberedSteps({ min: 0 })).field).toBe("numberedSteps.min");
    expect(configError(() => checks.bullets({ min: 1.5 })).field).toBe("bullets.min");
    expect(configError(() => checks.bullets({ count: 2, min: 3 })).message).toBe("bullets.min: cannot be more than count (3 > 2)");
    inLanguage("es");
    expect(configError(() => checks.numberedSteps({ count: 2, min: 3 })).message).toBe("numberedSteps.min: no puede ser mayor que count (3 > 2)");
    // min equal to count, or min alone, is a valid request.
    expect(checks.bullets({ count: 3, min: 3 }).criterion).toBe("format");
    expect(checks.bullets({ min: 3 }).name).toBe("bullets");
  });

  it("language wants a two-letter lower-case ISO 639-1 code", () => {
    for (const bad of ["ES", "e", "esp", " es", "es-ES"]) {
      expect(configError(() => checks.language(bad)).field).toBe("language.expected");
    }
    expect(configError(() => checks.language("spanish")).message).toBe('language.expected: must be an ISO 639-1 code such as "es" or "en", not "spanish"');
    inLanguage("es");
    expect(configError(() => checks.language("x")).message).toBe('language.expected: debe ser un código ISO 639-1 como "es" o "en", no "x"');
  });
});

describe("bullets", () => {
  it("names itself by its count and reports the items found", async () => {
    expect(checks.bullets().name).toBe("bullets");
    expect(checks.bullets({ count: 3 }).name).toBe("bullets(3)");
    // Three bullets with a blank line and Windows line ends in between: blank lines don't count.
    const three = "- one\r\n\r\n* two\n  + three  ";
    expect(await run(checks.bullets({ count: 3 }), three)).toEqual({ check: "bullets(3)", criterion: "format", passed: true, reason: "3 items, all in list form" });
    inLanguage("es");
    expect((await run(checks.bullets(), three)).reason).toBe("3 elementos, todos en formato de lista");
  });

  it("one bullet is not a list unless one was asked for", async () => {
    // One item, default minimum 2.
    expect(await run(checks.bullets(), "• only")).toMatchObject({ passed: false, reason: "1 item; at least 2 needed" });
    expect(await run(checks.bullets({ count: 1 }), "• only")).toMatchObject({ passed: true, reason: "1 item, all in list form" });
    inLanguage("es");
    expect((await run(checks.bullets(), "- solo")).reason).toBe("1 elemento; se piden al menos 2");
  });

  it("min sets the least number of items; exactly min passes", async () => {
    // Two items against min 3: fails; three against min 3: passes.
    expect(await run(checks.bullets({ min: 3 }), "- a\n- b")).toMatchObject({ passed: false, reason: "2 items; at least 3 needed" });
    expect((await run(checks.bullets({ min: 3 }), "- a\n- b\n- c")).passed).toBe(true);
    // count 3 with min 2: three items pass (the count is met, min is below it).
    expect((await run(checks.bullets({ count: 3, min: 2 }), "- a\n- b\n- c")).passed).toBe(true);
    // count 3 with min 2: two items fail on the count.
    expect((await run(checks.bullets({ count: 3, min: 2 }), "- a\n- b")).reason).toBe("2 items; 3 were asked for");
    inLanguage("es");
    expect((await run(checks.bullets({ count: 3 }), "- a\n- b")).reason).toBe("2 elementos; se pedían 3");
    expect((await run(checks.bullets({ min: 3 }), "- a\n- b")).reason).toBe("2 elementos; se piden al menos 3");
  });

  it("names the first stray line (cut to 40 characters) and counts them", async () => {
    // Two stray lines: the intro and the closing remark.
    const long = "Here is a list of the things you asked me about today:";
    const answer = `${long}\n- a\n- b\nHope it helps.`;
    expect(await run(checks.bullets(), answer)).toMatchObject({
      passed: false,
      reason: `2 lines outside the list, e.g. "${long.slice(0, 40)}"`,
    });
    expect(long.slice(0, 40)).toBe("Here is a list of the things you asked m");
    expect((await run(checks.bullets(), "Intro:\n- a\n- b")).reason).toBe('1 line outside the list, e.g. "Intro:"');
    inLanguage("es");
    expect((await run(checks.bullets(), "Intro:\n- a\n- b")).reason).toBe("1 línea fuera de la lista, p. ej. «Intro:»");
    expect((await run(checks.bullets(), "Intro:\n- a\nFin")).reason).toBe("2 líneas fuera de la lista, p. ej. «Intro:»");
    expect((await run(checks.bullets(), `${long}\n- a\n- b`)).reason).toBe("1 línea fuera de la lista, p. ej. «Here is a list of the things you asked m»");
  });

  it("with allowIntro, accepts one line before the list and nothing else outside it", async () => {
    const intro = "Here are three points:\n- a\n- b\n- c";
    expect((await run(checks.bullets({ count: 3 }), intro)).passed).toBe(false);
    expect(await run(checks.bullets({ count: 3, allowIntro: true }), intro)).toMatchObject({ check: "bullets(3, allowIntro)", passed: true, reason: "3 items after one intro line" });
    expect([checks.bullets({ allowIntro: true }).name, checks.numberedSteps({ allowIntro: false }).name]).toEqual(["bullets(allowIntro)", "numberedSteps"]);
    // Without an intro line it is the strict check's pass.
    expect((await run(checks.bullets({ count: 3, allowIntro: true }), "- a\n- b\n- c")).reason).toBe("3 items, all in list form");
    // One line only, and only before the list: two intro lines, or a closing line, still fail.
    expect((await run(checks.bullets({ allowIntro: true }), "Hi.\nHere they are:\n- a\n- b")).reason).toBe('1 line outside the list, e.g. "Here they are:"');
    expect((await run(checks.bullets({ allowIntro: true }), "- a\n- b\nHope it helps.")).reason).toBe('1 line outside the list, e.g. "Hope it helps."');
    expect((await run(checks.bullets({ allowIntro: true }), "Intro:\n- a\n- b\nEnd.")).passed).toBe(false);
    // A text with no list at all is still no list.
    expect((await run(checks.bullets({ allowIntro: true }), "Just prose.")).passed).toBe(false);
    expect((await run(checks.numberedSteps({ allowIntro: true }), "Steps:\n1. a\n2. b")).passed).toBe(true);
    inLanguage("es");
    expect((await run(checks.bullets({ count: 2, allowIntro: true }), "Son estas:\n- a\n- b")).reason).toBe("2 elementos tras una línea de introducción");
  });

  it("a marker needs a space and some text after it", async () => {
    // "- " followed by nothing is no item, so "-" alone is a stray line.
    expect((await run(checks.bullets(), "- a\n- b\n-")).passed).toBe(false);
    // A numbered list is not a bulleted one.
    expect(await run(checks.bullets(), "1. a\n2. b")).toMatchObject({ passed: false, reason: "no bullet lines (starting with -, *, + or •)" });
    inLanguage("es");
    expect((await run(checks.bullets(), "1. a\n2. b")).reason).toBe("no hay ninguna viñeta (líneas que empiecen por -, *, + o •)");
  });
});

describe("numberedSteps", () => {
  it("accepts 1. and 1) numbering in order from 1, and reports the count", async () => {
    expect(checks.numberedSteps().name).toBe("numberedSteps");
    expect(checks.numberedSteps({ count: 2 }).name).toBe("numberedSteps(2)");
    expect(await run(checks.numberedSteps(), "1) Open\n2. Save\n3) Close")).toEqual({
      check: "numberedSteps",
      criterion: "format",
      passed: true,
      reason: "3 items, all in list form",
    });
    // Ten steps: two-digit numbers count too.
    const ten = Array.from({ length: 10 }, (_, i) => `${i + 1}. step`).join("\n");
    expect((await run(checks.numberedSteps({ count: 10 }), ten)).passed).toBe(true);
  });

  it("names the first step out of order, in both languages", async () => {
    // Starts at 0: step 1 is numbered 0.
    expect((await run(checks.numberedSteps(), "0. a\n1. b")).reason).toBe("numbering skips: step 1 is numbered 0");
    // Repeats 1: step 2 is numbered 1.
    expect((await run(checks.numberedSteps(), "1. a\n1. b")).reason).toBe("numbering skips: step 2 is numbered 1");
    inLanguage("es");
    expect(await run(checks.numberedSteps(), "1. a\n2. b\n4. c")).toMatchObject({ passed: false, reason: "la numeración salta: el paso 3 lleva el número 4" });
  });

  it("bullets are no numbered steps, and a number needs its mark", async () => {
    expect((await run(checks.numberedSteps(), "- a\n- b")).reason).toBe('no numbered steps (lines "1.", "2."…)');
    expect((await run(checks.numberedSteps(), "1 a\n2 b")).passed).toBe(false);
    inLanguage("es");
    expect((await run(checks.numberedSteps(), "- a\n- b")).reason).toBe("no hay pasos numerados (líneas «1.», «2.»…)");
    // Bullets out of order are still fine: only numbered steps are checked for order.
    expect((await run(checks.bullets(), "- 2. b\n- 1. a")).passed).toBe(true);
  });
});

describe("maxWords and maxSentences", () => {
  it("maxWords passes at the limit and fails one word over it", async () => {
    // "Bedrock runs many models": 4 words.
    expect(await run(checks.maxWords(4), "Bedrock runs many models")).toEqual({ check: "maxWords(4)", criterion: "format", passed: true, reason: "4 words (limit 4)" });
    expect(await run(checks.maxWords(3), "Bedrock runs many models")).toMatchObject({ passed: false, reason: "4 words (limit 3)" });
    expect((await run(checks.maxWords(1), "Bedrock")).reason).toBe("1 word (limit 1)");
    inLanguage("es");
    expect((await run(checks.maxWords(1), "Bedrock")).reason).toBe("1 palabra (límite 1)");
    expect((await run(checks.maxWords(2), "uno dos tres")).reason).toBe("3 palabras (límite 2)");
  });

  it("maxSentences passes at the limit and fails one over it", async () => {
    // Three sentences.
    const three = "Bedrock is managed. It has many models. You pay per token.";
    expect(await run(checks.maxSentences(3), three)).toEqual({ check: "maxSentences(3)", criterion: "format", passed: true, reason: "3 sentences (limit 3)" });
    expect(await run(checks.maxSentences(2), three)).toMatchObject({ passed: false, reason: "3 sentences (limit 2)" });
    expect((await run(checks.maxSentences(1), "Only one.")).reason).toBe("1 sentence (limit 1)");
    inLanguage("es");
    expect((await run(checks.maxSentences(1), "Solo una.")).reason).toBe("1 frase (límite 1)");
    expect((await run(checks.maxSentences(1), "Una. Dos.")).reason).toBe("2 frases (límite 1)");
  });

  it("maxSentences splits by the language it is given", async () => {
    // In Spanish "¿Qué es? Un servicio." is two sentences; passing "es" explicitly while the
    // reader reads English must give the same count.
    expect((await run(checks.maxSentences(2, "es"), "¿Qué es? Un servicio.")).passed).toBe(true);
    expect((await run(checks.maxSentences(1, "es"), "¿Qué es? Un servicio.")).reason).toBe("2 sentences (limit 1)");
  });
});

describe("language", () => {
  it("names itself and reports the detected language", async () => {
    const spanish = "Amazon Bedrock es un servicio gestionado que da acceso a modelos fundacionales.";
    expect(await run(checks.language("es"), spanish)).toEqual({ check: "language(es)", criterion: "format", passed: true, reason: "detected language: es" });
    inLanguage("es");
    expect((await run(checks.language("en"), spanish)).reason).toBe("idioma detectado: es");
  });

  it("needs 12 letters: 11 are too few, digits and punctuation don't count", async () => {
    // "Hola, ¿qué tal? 123" has 10 letters (h,o,l,a,q,u,é,t,a,l).
    expect((await run(checks.language("es"), "Hola, ¿qué tal? 123")).reason).toBe("too short to tell the language");
    // "abcdefghijk" is 11 letters.
    expect((await run(checks.language("en"), "abcdefghijk")).reason).toBe("too short to tell the language");
    // "abcdefghijkl" is 12 letters: enough to ask the detector, whatever it then says.
    expect((await run(checks.language("en"), "abcdefghijkl")).reason).toMatch(/^detected language: /);
    inLanguage("es");
    expect((await run(checks.language("es"), "Sí.")).reason).toBe("demasiado corto para saber el idioma");
  });

  it("says so when the detector recognises no language", async () => {
    // Sixteen z's: tinyld ranks no language for a run of one letter.
    expect(await run(checks.language("en"), "zzzzzzzzzzzzzzzz")).toMatchObject({ passed: false, reason: "language not recognised" });
    inLanguage("es");
    expect((await run(checks.language("en"), "zzzzzzzzzzzzzzzz")).reason).toBe("idioma no reconocido");
  });
});

describe("every text check fails an answer it cannot judge, before looking at it", () => {
  it("empty, refused, cut off: the reason comes first, in the reader's language", async () => {
    const empty: Answer = { text: " \n\t" };
    const refused: Answer = { text: "", notText: "declined" };
    const cut: Answer = { text: "- a\n- b", truncated: true };
    for (const check of [checks.bullets(), checks.numberedSteps(), checks.maxWords(5), checks.maxSentences(5), checks.language("en")]) {
      expect(await run(check, empty)).toEqual({ check: check.name, criterion: "format", passed: false, reason: "the answer is empty" });
      expect(await run(check, refused)).toMatchObject({ passed: false, reason: "declined" });
      expect(await run(check, cut)).toMatchObject({ passed: false, reason: "the answer was cut off by maxTokens (stopReason max_tokens)" });
    }
    inLanguage("es");
    expect((await run(checks.maxWords(5), empty)).reason).toBe("la respuesta está vacía");
    expect((await run(checks.maxWords(5), cut)).reason).toBe("la respuesta quedó cortada por maxTokens (stopReason max_tokens)");
  });

  it("a refusal with text still fails: notText wins over the text", async () => {
    // Text that would pass maxWords(5) on its own.
    expect(await run(checks.maxWords(5), { text: "Sorry.", notText: "refused" })).toMatchObject({ passed: false, reason: "refused" });
  });

  it("an error inside a check becomes a failed result with its message, not a crash", async () => {
    // A zod refinement that throws: the json check's own test throws while validating.
    const Exploding = z.string().refine(() => {
      throw new Error("boom in the schema");
    });
    const report = await checkAnswer('"hello"', [checks.json(Exploding), checks.maxWords(3)]);
    expect(report.results[0]).toEqual({ check: "json", criterion: "format", passed: false, reason: "boom in the schema" });
    expect(report.results[1].passed).toBe(true);
    expect(report.passed).toBe(false);
  });
});
