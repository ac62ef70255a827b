// Canned answers for tests, matched by model and/or prompt text.
import type { Responder, ResponderRequest, ResponderResult } from "./types";
import { lastUserText, syntheticResponder } from "../synthetic/responder";

export interface ScriptedRule {
  /** Model or profile ID (exact), or a RegExp tested against both. */
  model?: string | RegExp;
  /** Substring of (or RegExp tested against) the last user text. */
  prompt?: string | RegExp;
  /** The canned answer: text, a full result, or a function of the request. */
  reply: string | ResponderResult | ((req: ResponderRequest) => ResponderResult | string);
  /** How many times the rule answers (unlimited when absent). */
  times?: number;
}

export interface ScriptedResponder extends Responder {
  add(rule: ScriptedRule): void;
  /** Every request the responder saw, in order (for assertions in tests). */
  readonly calls: ResponderRequest[];
}

/** Canned answers for tests. Unmatched requests fall back to `fallback` (default: synthetic). */
export function scriptedResponder(rules: ScriptedRule[] = [], fallback: Responder = syntheticResponder()): ScriptedResponder {
  const active = rules.map((r) => ({ ...r, left: r.times ?? Infinity }));
  const calls: ResponderRequest[] = [];
  const matches = (pattern: string | RegExp | undefined, values: string[]) =>
    pattern === undefined || values.some((v) => (typeof pattern === "string" ? v === pattern : pattern.test(v)));
  return {
    name: "scripted",
    calls,
    add(rule) {
      active.push({ ...rule, left: rule.times ?? Infinity });
    },
    respond(req) {
      calls.push(req);
      const user = lastUserText(req);
      const rule = active.find(
        (r) =>
          r.left > 0 &&
          matches(r.model, [req.requestedModelId, req.modelId]) &&
          (r.prompt === undefined || (typeof r.prompt === "string" ? user.includes(r.prompt) : r.prompt.test(user))),
      );
      if (!rule) return fallback.respond(req);
      rule.left--;
      const out = typeof rule.reply === "function" ? rule.reply(req) : rule.reply;
      return typeof out === "string" ? { text: out } : out;
    },
  };
}
