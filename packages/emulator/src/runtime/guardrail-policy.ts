// The emulator's one guardrail policy, small, documented and deterministic; ApplyGuardrail and
// Converse's guardrailConfig both use it. Any guardrail ID and version (DRAFT or a number):
// - denied topic "Investment advice": BLOCKED when the text names one of INVESTMENT_WORDS;
// - custom word filter: BLOCKED for each word in BLOCKED_WORDS (whole word, any case);
// - sensitive information: e-mail addresses and phone numbers are ANONYMIZED ({EMAIL}, {PHONE}).
// Anything blocked → GUARDRAIL_INTERVENED with the blocked-message output; only anonymised
// → GUARDRAIL_INTERVENED with the masked text; otherwise NONE.

export const INVESTMENT_WORDS = ["invest", "investment", "investing", "stocks", "shares", "crypto", "bitcoin", "inversión", "invertir", "acciones", "criptomonedas"];
export const BLOCKED_WORDS = ["password", "contraseña"];
export const BLOCKED_MESSAGE = "Sorry, the model cannot answer this question.";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International or local numbers with 9+ digits, optional +, spaces, dots, dashes or brackets.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,4}\)?[\s.-]?){2,4}\d{2,4}/g;


function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The outcome of the emulator's guardrail policy on some texts (shared with Converse's guardrailConfig). */
export interface GuardrailOutcome {
  action: "NONE" | "GUARDRAIL_INTERVENED";
  blocked: boolean;
  /** The texts with PII masked (same order as the input). */
  masked: string[];
  assessment: Record<string, unknown>;
  usage: Record<string, number>;
  coverage: { textCharacters: { guarded: number; total: number } };
}

export function evaluateGuardrail(texts: string[]): GuardrailOutcome {
  const all = texts.join("\n");
  const tokens = new Set(words(all));

  const topicHit = INVESTMENT_WORDS.some((w) => tokens.has(w));
  const customHits = BLOCKED_WORDS.filter((w) => tokens.has(w));
  const pii: { match: string; type: string; action: string; detected: boolean }[] = [];
  const masked = texts.map((t) =>
    t
      .replace(EMAIL, (m) => {
        pii.push({ match: m, type: "EMAIL", action: "ANONYMIZED", detected: true });
        return "{EMAIL}";
      })
      .replace(PHONE, (m) => {
        if (m.replace(/\D/g, "").length < 9) return m;
        pii.push({ match: m.trim(), type: "PHONE", action: "ANONYMIZED", detected: true });
        return "{PHONE}";
      }),
  );
  const blocked = topicHit || customHits.length > 0;
  const intervened = blocked || pii.length > 0;

  const chars = all.length;
  const units = Math.max(1, Math.ceil(chars / 1000));
  const usage = {
    topicPolicyUnits: units,
    contentPolicyUnits: units,
    wordPolicyUnits: units,
    sensitiveInformationPolicyUnits: units,
    sensitiveInformationPolicyFreeUnits: 0,
    contextualGroundingPolicyUnits: 0,
  };
  const coverage = { textCharacters: { guarded: chars, total: chars } };
  const assessment: Record<string, unknown> = {
    invocationMetrics: { guardrailProcessingLatency: 5 + units * 3, usage, guardrailCoverage: coverage },
  };
  if (topicHit) assessment.topicPolicy = { topics: [{ name: "Investment advice", type: "DENY", action: "BLOCKED", detected: true }] };
  if (customHits.length) assessment.wordPolicy = { customWords: customHits.map((w) => ({ match: w, action: "BLOCKED", detected: true })), managedWordLists: [] };
  if (pii.length) assessment.sensitiveInformationPolicy = { piiEntities: pii, regexes: [] };
  return { action: intervened ? "GUARDRAIL_INTERVENED" : "NONE", blocked, masked, assessment, usage, coverage };
}

/** The texts a guardrail checks: guardContent blocks if the request marks any, else every message text. */
export function guardedTexts(messages: { content: Record<string, unknown>[] }[]): string[] {
  const guarded: string[] = [];
  const all: string[] = [];
  for (const m of messages) {
    for (const c of m.content) {
      const g = (c.guardContent as { text?: { text?: unknown } } | undefined)?.text?.text;
      if (typeof g === "string") guarded.push(g);
      if (typeof c.text === "string") all.push(c.text);
    }
  }
  return guarded.length ? guarded : all;
}
