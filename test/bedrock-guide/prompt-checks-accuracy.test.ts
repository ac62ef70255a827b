import { describe, expect, it } from "vitest";
import { configError, englishByDefault, inLanguage, run } from "./prompt-checks-helpers";
import { CheckConfigError, checkAnswer, checks, numbersIn, type Check } from "bedrock-guide";

// Accuracy checks against answers whose expected outcome is worked out by hand in the comments.

englishByDefault();

describe("exactly", () => {
  it("names itself with the expected text and says 'matches' or what the answer was", async () => {
    const check = checks.exactly("Madrid");
    expect(check.name).toBe('exactly("Madrid")');
    expect(await run(check, "madrid")).toEqual({ check: 'exactly("Madrid")', criterion: "accuracy", passed: true, reason: "matches" });
    expect(await run(check, "  Barcelona  ")).toEqual({ check: 'exactly("Madrid")', criterion: "accuracy", passed: false, reason: 'the answer is "Barcelona"' });
    inLanguage("es");
    expect((await run(check, "MADRID")).reason).toBe("coincide");
    expect((await run(check, "Barcelona")).reason).toBe("la respuesta es «Barcelona»");
  });

  it("shows only the first 60 characters of a long wrong answer", async () => {
    // 26 + 26 letters + 10 digits = 62 characters; the first 60 are the 52 letters and digits 0-7.
    const long = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    expect((await run(checks.exactly("x"), long)).reason).toBe('the answer is "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567"');
  });

  it("collapses inner runs of space, and drops one final full stop (also the ideographic one)", async () => {
    expect((await run(checks.exactly("Buenos Aires"), "buenos \n  aires")).passed).toBe(true);
    expect((await run(checks.exactly("東京"), "東京。")).passed).toBe(true);
    // The stop counts only at the end, and only one of them.
    expect((await run(checks.exactly("Madrid"), ".Madrid")).passed).toBe(false);
    expect((await run(checks.exactly("Madrid"), "Madrid..")).passed).toBe(false);
    expect((await run(checks.exactly("Madrid"), "Madrid!")).passed).toBe(false);
    // Inner spaces count as one, but a missing space is a different answer.
    expect((await run(checks.exactly("Buenos Aires"), "BuenosAires")).passed).toBe(false);
    // The expected text is normalised the same way: a full stop written in it doesn't matter.
    expect((await run(checks.exactly("Madrid."), "Madrid")).passed).toBe(true);
  });

  it("refuses a missing or blank expected text, in both languages", () => {
    expect(configError(() => checks.exactly("  ")).message).toBe("exactly.expected: the expected value is missing (a non-empty string)");
    expect(configError(() => checks.exactly(42 as unknown as string)).field).toBe("exactly.expected");
    inLanguage("es");
    expect(configError(() => checks.contains("")).message).toBe("contains.expected: falta el valor esperado (un texto no vacío)");
  });
});

describe("contains", () => {
  it("names itself and says whether the phrase is there, in both languages", async () => {
    const check = checks.contains("Nova");
    expect(check.name).toBe('contains("Nova")');
    expect(await run(check, "Try Nova.")).toEqual({ check: 'contains("Nova")', criterion: "accuracy", passed: true, reason: '"Nova" is there' });
    expect(await run(check, "Try Claude.")).toEqual({ check: 'contains("Nova")', criterion: "accuracy", passed: false, reason: '"Nova" is missing' });
    inLanguage("es");
    expect((await run(check, "Prueba Nova")).reason).toBe("aparece «Nova»");
    expect((await run(check, "Prueba Claude")).reason).toBe("no aparece «Nova»");
  });

  it("a letter or a digit on either side makes it part of another word", async () => {
    expect((await run(checks.contains("3"), "It costs 13 dollars")).passed).toBe(false);
    expect((await run(checks.contains("3"), "It costs 31 dollars")).passed).toBe(false);
    expect((await run(checks.contains("GPT"), "GPT4 is out")).passed).toBe(false);
    expect((await run(checks.contains("GPT"), "the GPT-4 model")).passed).toBe(true);
    // Accented letters are letters: "é" glued to "Paris" makes another word.
    expect((await run(checks.contains("Paris"), "Parisé")).passed).toBe(false);
    expect((await run(checks.contains("Paris"), "éParis")).passed).toBe(false);
    // At the very start and end of the answer.
    expect((await run(checks.contains("Paris"), "Paris")).passed).toBe(true);
  });

  it("takes the expected text literally and without its surrounding space", async () => {
    // "a.b" is not a pattern: "axb" does not contain it.
    expect((await run(checks.contains("a.b"), "axb")).passed).toBe(false);
    expect((await run(checks.contains("a.b"), "see a.b here")).passed).toBe(true);
    expect((await run(checks.contains("(x)"), "f (x) = 1")).passed).toBe(true);
    expect((await run(checks.contains(" Madrid "), "in Madrid.")).passed).toBe(true);
    // The expected text may be the decomposed form too (e + combining acute accent).
    expect((await run(checks.contains("Pari\u0301s"), "Es París")).passed).toBe(true);
    expect((await run(checks.exactly("Pari\u0301s"), "París")).passed).toBe(true);
    // Case does not matter, beyond ASCII too.
    expect((await run(checks.contains("ÁVILA"), "en ávila")).passed).toBe(true);
  });
});

describe("matches", () => {
  it("keeps the pattern's other flags and names itself after it", async () => {
    const check = checks.matches(/madrid/i);
    expect(check.name).toBe("matches(/madrid/i)");
    expect(await run(check, "MADRID")).toEqual({ check: "matches(/madrid/i)", criterion: "accuracy", passed: true, reason: "matches the pattern" });
    expect(await run(check, "Roma")).toMatchObject({ passed: false, reason: "does not match the pattern" });
    inLanguage("es");
    expect((await run(check, "MADRID")).reason).toBe("coincide con el patrón");
    expect((await run(check, "Roma")).reason).toBe("no coincide con el patrón");
  });

  it("ignores the sticky flag, which would only look at the start", async () => {
    // /2025/y alone would try only at lastIndex 0 and miss "in 2025".
    expect((await run(checks.matches(/2025/y), "in 2025")).passed).toBe(true);
  });

  it("refuses what is not a regular expression, in both languages", () => {
    expect(configError(() => checks.matches("2025" as unknown as RegExp)).message).toBe("matches.pattern: must be a regular expression, for example /\\d{4}/");
    inLanguage("es");
    expect(configError(() => checks.matches(undefined as unknown as RegExp)).message).toBe("matches.pattern: debe ser una expresión regular, por ejemplo /\\d{4}/");
  });
});

describe("numbersIn", () => {
  it("reads plain integers and negative ones", () => {
    expect(numbersIn("42")).toEqual([42]);
    expect(numbersIn("from -3 to 7")).toEqual([-3, 7]);
    expect(numbersIn("no numbers here")).toEqual([]);
  });

  it("with both marks, the last one is the decimal mark, and every other mark goes", () => {
    expect(numbersIn("1,234,567.89")).toEqual([1234567.89]);
    expect(numbersIn("1.234.567,89")).toEqual([1234567.89]);
    expect(numbersIn("-1.234,5")).toEqual([-1234.5]);
  });

  it("with one mark, three digits after it group thousands unless the number starts with 0", () => {
    expect(numbersIn("1,000 and 1.000 and 12,500")).toEqual([1000, 1000, 12500]);
    expect(numbersIn("0,125 and 0.125")).toEqual([0.125, 0.125]);
    // Not three digits after it: a decimal mark.
    expect(numbersIn("3,5 and 12,50 and 1.2345")).toEqual([3.5, 12.5, 1.2345]);
    expect(numbersIn("-0,5")).toEqual([-0.5]);
  });

  it("with one mark repeated, groups of three are thousands and anything else is no number", () => {
    expect(numbersIn("1,234,567")).toEqual([1234567]);
    expect(numbersIn("-1.234.567")).toEqual([-1234567]);
    expect(numbersIn("1.2.3")).toEqual([]);
    expect(numbersIn("1.234.56")).toEqual([]);
  });

  it("spaces group thousands only in threes after a group of one to three digits", () => {
    expect(numbersIn("1 234 567,89")).toEqual([1234567.89]);
    expect(numbersIn("-1 234")).toEqual([-1234]);
    expect(numbersIn("123 456")).toEqual([123456]);
    // A first group of four digits: two numbers.
    expect(numbersIn("1234 567")).toEqual([1234, 567]);
    // A later group that is not three digits: each part on its own.
    expect(numbersIn("12 34")).toEqual([12, 34]);
    expect(numbersIn("1 2345")).toEqual([1, 2345]);
    expect(numbersIn("1 23 456")).toEqual([1, 23, 456]);
    expect(numbersIn("1 2345 678")).toEqual([1, 2345, 678]);
    // Only the last group may carry decimals; a middle one with them splits the run.
    expect(numbersIn("1 234,5 678")).toEqual([1, 234.5, 678]);
    // Two spaces in a row separate two numbers, with nothing read in between.
    expect(numbersIn("1  2")).toEqual([1, 2]);
    // The minus sign belongs to the first number only.
    expect(numbersIn("-1 2")).toEqual([-1, 2]);
  });
});

describe("numberNear", () => {
  it("names itself with the tolerance and reports the last number, in both languages", async () => {
    const check = checks.numberNear(391);
    expect(check.name).toBe("numberNear(391, ±0)");
    expect(await run(check, "So 391.")).toEqual({ check: "numberNear(391, ±0)", criterion: "accuracy", passed: true, reason: "last number: 391 (expected 391 ± 0)" });
    expect(await run(check, "So 392.")).toEqual({ check: "numberNear(391, ±0)", criterion: "accuracy", passed: false, reason: "last number: 392 (expected 391 ± 0)" });
    inLanguage("es");
    expect((await run(checks.numberNear(10, 1), "Son 12")).reason).toBe("último número: 12 (se esperaba 10 ± 1)");
    expect((await run(checks.numberNear(10, 1), "ninguno")).reason).toBe("la respuesta no tiene ningún número");
  });

  it("passes at exactly the tolerance, fails beyond it, on either side", async () => {
    expect((await run(checks.numberNear(10, 2), "12")).passed).toBe(true);
    expect((await run(checks.numberNear(10, 2), "8")).passed).toBe(true);
    expect((await run(checks.numberNear(10, 2), "12.5")).passed).toBe(false);
    expect((await run(checks.numberNear(10, 2), "7")).passed).toBe(false);
  });

  it("refuses an expected value that is no finite number and a negative tolerance", () => {
    for (const bad of [Number.NaN, Infinity, "5" as unknown as number]) {
      expect(configError(() => checks.numberNear(bad)).message).toBe("numberNear.expected: the expected number is missing");
    }
    expect(configError(() => checks.numberNear(1, -0.5)).message).toBe("numberNear.tolerance: must be 0 or more, not -0.5");
    expect(configError(() => checks.numberNear(1, Number.NaN)).field).toBe("numberNear.tolerance");
    // Zero tolerance is allowed (and the default).
    expect(checks.numberNear(1, 0).name).toBe("numberNear(1, ±0)");
    inLanguage("es");
    expect(configError(() => checks.numberNear(Number.NaN)).message).toBe("numberNear.expected: falta el número esperado");
    expect(configError(() => checks.numberNear(1, -1)).message).toBe("numberNear.tolerance: debe ser 0 o más, no -1");
  });
});
