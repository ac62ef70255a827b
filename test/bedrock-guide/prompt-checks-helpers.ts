// Shared by the prompt-checks test files: one check on one answer, the language the messages use,
// and the error a wrong setting raises.
import { afterEach, beforeEach, expect, vi } from "vitest";
import { CheckConfigError, checkAnswer, type Answer, type Check } from "bedrock-guide";

export const run = async (check: Check, answer: string | Answer) => (await checkAnswer(answer, [check])).results[0];

/** The guide's language for the rest of this test (BEDROCK_GUIDE_LANG; put back after each test). */
export function inLanguage(lang: "es" | "en") {
  vi.stubEnv("BEDROCK_GUIDE_LANG", lang);
}

/** English unless a test says otherwise, and the reader's own setting back afterwards. */
export function englishByDefault() {
  beforeEach(() => inLanguage("en"));
  afterEach(() => vi.unstubAllEnvs());
}

/** The CheckConfigError `make` throws; fails the test if it throws nothing or something else. */
export const configError = (make: () => unknown): CheckConfigError => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckConfigError);
    return error as CheckConfigError;
  }
  throw new Error("no CheckConfigError was thrown");
};
