import { detectAll } from "tinyld";
import { currentLanguage } from "../language";
import {
  CheckConfigError,
  count,
  tr,
  type Answer,
  type Check,
  type CheckResult,
} from "./types";

// Format checks: the shape of the answer, the first thing a program that reads it depends on.

const nonEmptyLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
// Markdown's bullet markers (-, *, + and the • that models also write). Nested bullets count as
// items too: the checks look at lines, not at a parsed tree.
const BULLET = /^[-*+•]\s+\S/;
const NUMBERED = /^(\d+)[.)]\s+\S/;
const LIST_MARKER = /^\s*(?:[-*+•]|\d+[.)])\s+/;

/**
 * Words with at least one letter or digit, list markers ("-", "1.") left out, so a list and the
 * same text as prose count the same.
 */
export function countWords(text: string): number {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARKER, ""))
    .join(" ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Sentences as Intl.Segmenter splits them for the language (default: the reader's). It knows
 * decimal points, not abbreviations: "p. ej." or "e.g." followed by a capital can end a sentence.
 */
export function countSentences(
  text: string,
  lang: string = currentLanguage(),
): number {
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  let n = 0;
  for (const s of segmenter.segment(text))
    if (/[\p{L}\p{N}]/u.test(s.segment)) n++;
  return n;
}

function positiveInteger(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1) {
    throw new CheckConfigError(field, {
      es: `debe ser un entero positivo, no ${value}`,
      en: `must be a positive integer, not ${value}`,
    });
  }
}

function result(
  check: Check,
  passed: boolean,
  reason: string,
): CheckResult {
  return { check: check.name, criterion: check.criterion, passed, reason };
}

/**
 * Wraps a text check so that an answer with no text, or one cut off by maxTokens, fails with a
 * reason instead of passing by accident.
 */
export function textCheck(
  name: string,
  criterion: Check["criterion"],
  test: (text: string, self: Check) => CheckResult,
): Check {
  const self: Check = {
    name,
    criterion,
    run(answer: Answer) {
      if (answer.notText) return result(self, false, answer.notText);
      if (!answer.text.trim()) {
        return result(
          self,
          false,
          tr({ es: "la respuesta está vacía", en: "the answer is empty" }),
        );
      }
      if (answer.truncated) {
        return result(
          self,
          false,
          tr({
            es: "la respuesta quedó cortada por maxTokens (stopReason max_tokens)",
            en: "the answer was cut off by maxTokens (stopReason max_tokens)",
          }),
        );
      }
      try {
        return test(answer.text, self);
      } catch (error) {
        return result(self, false, (error as Error).message);
      }
    },
  };
  return self;
}

export interface ListOptions {
  /** Exactly this many items. */
  count?: number;
  /** At least this many items (default: `count`, else 2, since one line is not a list). */
  min?: number;
  /**
   * Accept one line before the first item, such as "Here are three points:" (default false:
   * every non-empty line must be an item). Models often open a list that way even when told not
   * to; a line after the list still fails.
   */
  allowIntro?: boolean;
}

function listCheck(
  kind: "bullets" | "numberedSteps",
  options: ListOptions,
): Check {
  positiveInteger(`${kind}.count`, options.count);
  positiveInteger(`${kind}.min`, options.min);
  if (
    options.count !== undefined &&
    options.min !== undefined &&
    options.min > options.count
  ) {
    throw new CheckConfigError(`${kind}.min`, {
      es: `no puede ser mayor que count (${options.min} > ${options.count})`,
      en: `cannot be more than count (${options.min} > ${options.count})`,
    });
  }
  // allowIntro shows in the name, so a table can hold the strict and the lenient check side by side.
  const args = [
    options.count,
    options.allowIntro ? "allowIntro" : undefined,
  ].filter((a) => a !== undefined);
  const label = args.length ? `${kind}(${args.join(", ")})` : kind;
  return textCheck(label, "format", (text, self) => {
    const lines = nonEmptyLines(text);
    const pattern = kind === "bullets" ? BULLET : NUMBERED;
    const items = lines.filter((l) => pattern.test(l));
    const intro =
      options.allowIntro && !pattern.test(lines[0]) ? lines[0] : undefined;
    const stray = lines.filter(
      (l, i) => !pattern.test(l) && !(intro !== undefined && i === 0),
    );
    if (!items.length) {
      return result(
        self,
        false,
        tr(
          kind === "bullets"
            ? {
                es: "no hay ninguna viñeta (líneas que empiecen por -, *, + o •)",
                en: "no bullet lines (starting with -, *, + or •)",
              }
            : {
                es: "no hay pasos numerados (líneas «1.», «2.»…)",
                en: 'no numbered steps (lines "1.", "2."…)',
              },
        ),
      );
    }
    if (stray.length) {
      return result(
        self,
        false,
        tr({
          es: `${count(stray.length, "línea", "líneas")} fuera de la lista, p. ej. «${stray[0].slice(0, 40)}»`,
          en: `${count(stray.length, "line", "lines")} outside the list, e.g. "${stray[0].slice(0, 40)}"`,
        }),
      );
    }
    if (kind === "numberedSteps") {
      const numbers = items.map((l) => Number(NUMBERED.exec(l)![1]));
      const broken = numbers.findIndex((n, i) => n !== i + 1);
      if (broken >= 0) {
        return result(
          self,
          false,
          tr({
            es: `la numeración salta: el paso ${broken + 1} lleva el número ${numbers[broken]}`,
            en: `numbering skips: step ${broken + 1} is numbered ${numbers[broken]}`,
          }),
        );
      }
    }
    const found = tr({
      es: count(items.length, "elemento", "elementos"),
      en: count(items.length, "item", "items"),
    });
    if (options.count !== undefined && items.length !== options.count) {
      return result(
        self,
        false,
        tr({
          es: `${found}; se pedían ${options.count}`,
          en: `${found}; ${options.count} were asked for`,
        }),
      );
    }
    const min = options.min ?? options.count ?? 2;
    if (items.length < min) {
      return result(
        self,
        false,
        tr({
          es: `${found}; se piden al menos ${min}`,
          en: `${found}; at least ${min} needed`,
        }),
      );
    }
    return result(
      self,
      true,
      intro === undefined
        ? tr({
            es: `${found}, todos en formato de lista`,
            en: `${found}, all in list form`,
          })
        : tr({
            es: `${found} tras una línea de introducción`,
            en: `${found} after one intro line`,
          }),
    );
  });
}

/** Every non-empty line is a bullet (-, *, + or •); with `allowIntro`, all but a first one. */
export const bullets = (options: ListOptions = {}) =>
  listCheck("bullets", options);

/** Every non-empty line is a step "1.", "2.", … numbered in order from 1 (`allowIntro` as for bullets). */
export const numberedSteps = (options: ListOptions = {}) =>
  listCheck("numberedSteps", options);

/** At most `limit` words (see countWords). */
export function maxWords(limit: number): Check {
  positiveInteger("maxWords.limit", limit);
  return textCheck(`maxWords(${limit})`, "format", (text, self) => {
    const n = countWords(text);
    return result(
      self,
      n <= limit,
      tr({
        es: `${count(n, "palabra", "palabras")} (límite ${limit})`,
        en: `${count(n, "word", "words")} (limit ${limit})`,
      }),
    );
  });
}

/** At most `limit` sentences, as Intl.Segmenter splits them for `lang` (default: the reader's). */
export function maxSentences(limit: number, lang?: string): Check {
  positiveInteger("maxSentences.limit", limit);
  return textCheck(`maxSentences(${limit})`, "format", (text, self) => {
    const n = countSentences(text, lang);
    return result(
      self,
      n <= limit,
      tr({
        es: `${count(n, "frase", "frases")} (límite ${limit})`,
        en: `${count(n, "sentence", "sentences")} (limit ${limit})`,
      }),
    );
  });
}

/**
 * The answer is written in `expected` (an ISO 639-1 code such as "es" or "en"), as the tinyld
 * language detector ranks it. Very short answers (under 12 letters) cannot be told apart and fail.
 */
export function language(expected: string): Check {
  if (!/^[a-z]{2}$/.test(expected)) {
    throw new CheckConfigError("language.expected", {
      es: `debe ser un código ISO 639-1 como "es" o "en", no "${expected}"`,
      en: `must be an ISO 639-1 code such as "es" or "en", not "${expected}"`,
    });
  }
  return textCheck(`language(${expected})`, "format", (text, self) => {
    const letters = text.replace(/[^\p{L}]/gu, "").length;
    if (letters < 12) {
      return result(
        self,
        false,
        tr({
          es: "demasiado corto para saber el idioma",
          en: "too short to tell the language",
        }),
      );
    }
    const top = detectAll(text)[0]?.lang;
    return result(
      self,
      top === expected,
      top
        ? tr({
            es: `idioma detectado: ${top}`,
            en: `detected language: ${top}`,
          })
        : tr({ es: "idioma no reconocido", en: "language not recognised" }),
    );
  });
}
