import { textCheck } from "./format";
import { CheckConfigError, tr, type Check } from "./types";

// Accuracy checks compare the answer with what you know to be right.

function nonEmpty(field: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || !value.trim()) {
    throw new CheckConfigError(field, {
      es: "falta el valor esperado (un texto no vacío)",
      en: "the expected value is missing (a non-empty string)",
    });
  }
}

/** Case, surrounding space, inner runs of space and a final full stop don't count. */
const normalise = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.。]$/, "")
    .toLocaleLowerCase();

/** The whole answer is `expected` (ignoring case, spacing and a final full stop). */
export function exactly(expected: string): Check {
  nonEmpty("exactly.expected", expected);
  return textCheck(
    `exactly(${JSON.stringify(expected)})`,
    "accuracy",
    (text, self) => {
      const passed = normalise(text) === normalise(expected);
      const shown = text.trim().slice(0, 60);
      return {
        check: self.name,
        criterion: self.criterion,
        passed,
        reason: passed
          ? tr({ es: "coincide", en: "matches" })
          : tr({
              es: `la respuesta es «${shown}»`,
              en: `the answer is "${shown}"`,
            }),
      };
    },
  );
}

const escapeRegExp = (s: string) =>
  s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The answer contains `expected` as a whole word or phrase, ignoring case: "correct" is not found
 * in "incorrect".
 */
export function contains(expected: string): Check {
  nonEmpty("contains.expected", expected);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(expected.trim())}(?![\\p{L}\\p{N}])`,
    "iu",
  );
  return textCheck(
    `contains(${JSON.stringify(expected)})`,
    "accuracy",
    (text, self) => {
      const passed = pattern.test(text);
      return {
        check: self.name,
        criterion: self.criterion,
        passed,
        reason: passed
          ? tr({
              es: `aparece «${expected}»`,
              en: `"${expected}" is there`,
            })
          : tr({
              es: `no aparece «${expected}»`,
              en: `"${expected}" is missing`,
            }),
      };
    },
  );
}

/** The answer matches a regular expression. */
export function matches(pattern: RegExp): Check {
  if (!(pattern instanceof RegExp)) {
    throw new CheckConfigError("matches.pattern", {
      es: "debe ser una expresión regular, por ejemplo /\\d{4}/",
      en: "must be a regular expression, for example /\\d{4}/",
    });
  }
  return textCheck(`matches(${pattern})`, "accuracy", (text, self) => {
    const passed = pattern.test(text);
    pattern.lastIndex = 0;
    return {
      check: self.name,
      criterion: self.criterion,
      passed,
      reason: passed
        ? tr({ es: "coincide con el patrón", en: "matches the pattern" })
        : tr({
            es: "no coincide con el patrón",
            en: "does not match the pattern",
          }),
    };
  });
}

/**
 * Every number written in the text, in order. "1,234.5" and "1.234,5" are both 1234.5; a single
 * separator followed by exactly three digits ("1,000", "1.000") groups thousands, any other is the
 * decimal mark ("3,5" and "3.5" are 3.5).
 */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const [raw] of text.matchAll(/-?\d+(?:[.,]\d+)*/g)) {
    const seps = raw.match(/[.,]/g) ?? [];
    let normal = raw;
    if (new Set(seps).size === 2) {
      const decimal =
        raw.lastIndexOf(".") > raw.lastIndexOf(",") ? "." : ",";
      normal = raw
        .split(decimal === "." ? "," : ".")
        .join("")
        .replace(",", ".");
    } else if (seps.length === 1 && !/[.,]\d{3}$/.test(raw)) {
      normal = raw.replace(",", ".");
    } else {
      normal = raw.replace(/[.,]/g, "");
    }
    found.push(Number(normal));
  }
  return found;
}

/**
 * The last number in the answer is within `tolerance` of `expected`. The last one, as math
 * benchmarks such as GSM8K score answers: reasoning comes first, the result at the end.
 */
export function numberNear(expected: number, tolerance = 0): Check {
  if (typeof expected !== "number" || !Number.isFinite(expected)) {
    throw new CheckConfigError("numberNear.expected", {
      es: "falta el número esperado",
      en: "the expected number is missing",
    });
  }
  if (!(tolerance >= 0))
    throw new CheckConfigError("numberNear.tolerance", {
      es: `debe ser 0 o más, no ${tolerance}`,
      en: `must be 0 or more, not ${tolerance}`,
    });
  return textCheck(
    `numberNear(${expected}, ±${tolerance})`,
    "accuracy",
    (text, self) => {
      const numbers = numbersIn(text);
      const last = numbers.at(-1);
      if (last === undefined)
        return {
          check: self.name,
          criterion: self.criterion,
          passed: false,
          reason: tr({
            es: "la respuesta no tiene ningún número",
            en: "the answer has no number",
          }),
        };
      const passed = Math.abs(last - expected) <= tolerance;
      return {
        check: self.name,
        criterion: self.criterion,
        passed,
        reason: tr({
          es: `último número: ${last} (se esperaba ${expected} ± ${tolerance})`,
          en: `last number: ${last} (expected ${expected} ± ${tolerance})`,
        }),
      };
    },
  );
}
