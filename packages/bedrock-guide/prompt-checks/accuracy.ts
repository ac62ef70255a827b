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

/**
 * Unicode form (a copied "París" may spell the accent as two code points), case, surrounding
 * space, inner runs of space and a final full stop don't count.
 */
const normalise = (text: string) =>
  text
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.。]$/, "")
    .toLocaleLowerCase();

/** The whole answer is `expected` (ignoring Unicode form, case, spacing and a final full stop). */
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
 * The answer contains `expected` as a whole word or phrase, ignoring case and Unicode form:
 * "correct" is not found in "incorrect".
 */
export function contains(expected: string): Check {
  nonEmpty("contains.expected", expected);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(expected.normalize("NFC").trim())}(?![\\p{L}\\p{N}])`,
    "iu",
  );
  return textCheck(
    `contains(${JSON.stringify(expected)})`,
    "accuracy",
    (text, self) => {
      const passed = pattern.test(text.normalize("NFC"));
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

/** The answer matches a regular expression (its g and y flags are ignored: each test starts afresh). */
export function matches(pattern: RegExp): Check {
  if (!(pattern instanceof RegExp)) {
    throw new CheckConfigError("matches.pattern", {
      es: "debe ser una expresión regular, por ejemplo /\\d{4}/",
      en: "must be a regular expression, for example /\\d{4}/",
    });
  }
  // A g or y regex remembers where it stopped (lastIndex); a copy without them cannot.
  const stateless = new RegExp(
    pattern.source,
    pattern.flags.replace(/[gy]/g, ""),
  );
  return textCheck(`matches(${pattern})`, "accuracy", (text, self) => {
    const passed = stateless.test(text);
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

// A run of digits and separators that starts a number: not glued to a letter, digit or separator
// before it (so "v1.2.3" and the "05" of "2024-05-01" are not read as numbers of their own).
const NUMBER_RUN =
  /(?<![\p{L}\p{N}.,])(-?)(\d(?:[\d.,\u00a0\u202f ]*\d)?)/gu;
const SPACE = /[\u00a0\u202f ]/;

/** One run with a single kind of separator, or none, as a number (or several, when it isn't one). */
function readRun(sign: string, run: string): number[] {
  const seps = run.match(/[.,]/g) ?? [];
  const kinds = new Set(seps);
  if (kinds.size === 2) {
    // Both marks: the last one is the decimal mark ("1,234.5", "1.234,5").
    const decimal = run.lastIndexOf(".") > run.lastIndexOf(",") ? "." : ",";
    const other = decimal === "." ? "," : ".";
    return [Number(sign + run.split(other).join("").replace(decimal, "."))];
  }
  if (seps.length === 0) return [Number(sign + run)];
  const groups = run.split(/[.,]/);
  const thousands = groups.slice(1).every((g) => g.length === 3);
  if (seps.length > 1) {
    // "1.234.567" groups thousands; "1.2.3" is a version, not a number.
    return thousands ? [Number(sign + groups.join(""))] : [];
  }
  // One mark: "0.125" and "3,5" are decimals; "1,000" and "1.000" group thousands.
  if (thousands && groups[0] !== "0")
    return [Number(sign + groups.join(""))];
  return [Number(sign + run.replace(",", "."))];
}

/**
 * Every number written in the text, in order. "1,234.5", "1.234,5" and "1 234,5" are all 1234.5;
 * one separator followed by exactly three digits ("1,000", "1.000") groups thousands, unless the
 * number starts with 0 ("0.125"); any other is the decimal mark ("3,5" and "3.5" are 3.5). A minus
 * sign counts only when it starts the number ("-2"), not between digits ("10-20", "2024-05-01").
 */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const [, sign, raw] of text.matchAll(NUMBER_RUN)) {
    // Spaces group thousands only in groups of three ("1 234"); otherwise they separate numbers.
    const parts = raw.split(SPACE).filter(Boolean);
    const spaced =
      parts.length > 1 &&
      parts
        .slice(1)
        .every((p, i) =>
          (i < parts.length - 2 ? /^\d{3}$/ : /^\d{3}(?:[.,]\d+)?$/).test(
            p,
          ),
        ) &&
      /^\d{1,3}$/.test(parts[0]);
    const runs = spaced ? [parts.join("")] : parts;
    runs.forEach((run, i) =>
      found.push(...readRun(i === 0 ? sign : "", run)),
    );
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
  if (!(tolerance >= 0)) {
    throw new CheckConfigError("numberNear.tolerance", {
      es: `debe ser 0 o más, no ${tolerance}`,
      en: `must be 0 or more, not ${tolerance}`,
    });
  }
  return textCheck(
    `numberNear(${expected}, ±${tolerance})`,
    "accuracy",
    (text, self) => {
      const last = numbersIn(text).at(-1);
      if (last === undefined) {
        return {
          check: self.name,
          criterion: self.criterion,
          passed: false,
          reason: tr({
            es: "la respuesta no tiene ningún número",
            en: "the answer has no number",
          }),
        };
      }
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
