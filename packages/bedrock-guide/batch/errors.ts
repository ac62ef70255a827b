import type { Bilingual, Language } from "../language";

// The errors the batch helpers throw: each explains what is wrong and how to fix it, in the
// reader's language, and keeps both languages so the error advice can answer in either.

export class BatchError extends Error {
  constructor(
    name: string,
    readonly text: Bilingual,
    readonly lang: Language,
  ) {
    super(text[lang]);
    this.name = name;
  }
}

/** A record that would fail the job: names the record (index and recordId) and the problem. */
export class BatchRecordError extends BatchError {
  constructor(
    readonly index: number,
    readonly recordId: string | undefined,
    text: Bilingual,
    lang: Language,
  ) {
    super("BatchRecordError", text, lang);
  }
}

/** Fewer records than the model's published minimum, or more than its maximum. */
export class BatchRecordCountError extends BatchError {
  constructor(
    readonly count: number,
    readonly limit: number,
    readonly kind: "min" | "max",
    text: Bilingual,
    lang: Language,
  ) {
    super(
      kind === "min" ? "BatchTooFewRecords" : "BatchTooManyRecords",
      text,
      lang,
    );
  }
}

/** The job's cost bound is above the reader's budget (or cannot be bounded). */
export class BatchBudgetError extends BatchError {
  constructor(
    readonly boundUsd: number | undefined,
    readonly budgetUsd: number,
    text: Bilingual,
    lang: Language,
  ) {
    super("BatchBudgetExceeded", text, lang);
  }
}
