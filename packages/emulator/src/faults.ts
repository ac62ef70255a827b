// Fault injection, so that retry code and error advice can be shown working offline.
//
// Three ways to set faults, all with the same rule fields:
// - programmatic: `emulator.faults.add({ fault: "throttle", model: "amazon.nova-micro-v1:0", times: 2 })`;
// - env var BEDROCK_EMULATOR_FAULTS (read at start): rules separated by ";", each rule is the
//   fault name followed by comma-separated key=value pairs, e.g.
//     BEDROCK_EMULATOR_FAULTS="throttle,model=us.amazon.nova-micro-v1:0,times=2;latency,latencyMs=300"
//   (a JSON array of rule objects is accepted too);
// - per request, header `x-bedrock-emulator-fault` with one or more rules in the same format
//   (applies to that request only; `times` is ignored).
// Keys: model (model/profile ID, or a prefix ending in *), operation (e.g. Converse), times, latencyMs.
import { errors } from "./errors";
import { messages } from "./errors";

export type FaultKind = "throttle" | "access-denied" | "latency";

export interface FaultRule {
  fault: FaultKind;
  /** Model or profile ID the rule applies to (`prefix*` allowed); all models when absent. */
  model?: string;
  /** Operation name (Converse, InvokeModel, ListFoundationModels…); all operations when absent. */
  operation?: string;
  /** How many matching requests fail; unlimited when absent. */
  times?: number;
  /** Extra latency for `latency` faults (default 250 ms). */
  latencyMs?: number;
  /**
   * Throttle only: let a streaming call start, then end it with a throttlingException frame in the
   * middle of the event stream (how AWS reports errors after the stream has begun). Ignored by
   * non-streaming calls.
   */
  midStream?: boolean;
}

const KINDS: FaultKind[] = ["throttle", "access-denied", "latency"];
/** Every key a rule may carry. Anything else is an error: a typo such as `modle=` must not widen a rule to every model. */
const KEYS = ["fault", "model", "operation", "times", "latencyMs", "midStream"] as const;

/** Parses the env-var / header format (or JSON). Throws a ValidationException on bad input. */
export function parseFaultRules(text: string): FaultRule[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw errors.validation("Fault rules are not valid JSON.");
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).map((r) => checkRule(r as FaultRule));
  }
  return trimmed
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [kind, ...pairs] = part.split(",").map((s) => s.trim());
      const rule: Record<string, unknown> = { fault: kind };
      for (const pair of pairs) {
        const eq = pair.indexOf("=");
        if (eq < 1) throw errors.validation(`Fault rule "${part}": expected key=value, got "${pair}".`);
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        if (key === "midStream" && value !== "true" && value !== "false") throw errors.validation(`Fault rule "${part}": midStream must be true or false.`);
        rule[key] = key === "times" || key === "latencyMs" ? Number(value) : key === "midStream" ? value === "true" : value;
      }
      return checkRule(rule as unknown as FaultRule);
    });
}

function checkRule(rule: FaultRule): FaultRule {
  if (!rule || typeof rule !== "object" || Array.isArray(rule)) throw errors.validation("A fault rule must be an object.");
  const unknown = Object.keys(rule).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length) {
    throw errors.validation(`Fault rule: unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}. Keys: ${KEYS.join(", ")}.`);
  }
  for (const k of ["model", "operation"] as const) {
    if (rule[k] !== undefined && (typeof rule[k] !== "string" || !rule[k])) throw errors.validation(`Fault rule: ${k} must be a non-empty string.`);
  }
  if (rule.midStream !== undefined && typeof rule.midStream !== "boolean") throw errors.validation("Fault rule: midStream must be true or false.");
  if (!KINDS.includes(rule.fault)) {
    throw errors.validation(`Unknown fault "${(rule as { fault?: unknown })?.fault}". Use one of: ${KINDS.join(", ")}.`);
  }
  if (rule.midStream && rule.fault !== "throttle") throw errors.validation("Fault rule: midStream works with throttle only.");
  for (const k of ["times", "latencyMs"] as const) {
    const v = rule[k];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw errors.validation(`Fault rule: ${k} must be a number >= 0.`);
  }
  return { ...rule };
}

function modelMatches(rule: FaultRule, ids: string[]): boolean {
  if (!rule.model) return true;
  if (rule.model.endsWith("*")) {
    const prefix = rule.model.slice(0, -1);
    return ids.some((id) => id.startsWith(prefix));
  }
  return ids.includes(rule.model);
}

/** What a request must suffer: an error to throw and/or latency to add. */
export interface FaultOutcome {
  error?: Error;
  /** An error to send as an exception frame once a stream has started. */
  midStreamError?: Error;
  latencyMs: number;
}

export class FaultController {
  private rules: { rule: FaultRule; left: number }[] = [];

  constructor(initial: FaultRule[] = []) {
    for (const r of initial) this.add(r);
  }

  /** Adds a rule; returns it so tests can inspect it. */
  add(rule: FaultRule): FaultRule {
    const checked = checkRule(rule);
    this.rules.push({ rule: checked, left: checked.times ?? Infinity });
    return checked;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  get size(): number {
    return this.rules.length;
  }

  /** True if an access-denied rule covers the model (GetFoundationModelAvailability reads this). */
  deniesAccess(modelIds: string[]): boolean {
    return this.rules.some((r) => r.rule.fault === "access-denied" && r.left > 0 && modelMatches(r.rule, modelIds));
  }

  /**
   * Applies the rules (and the per-request header rules) to one request; consumes `times`.
   * `modelIds` holds every name the model goes by (requested ID and resolved model ID).
   */
  evaluate(operation: string, modelIds: string[], headerRules: FaultRule[] = [], streaming = false): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0 };
    const candidates = [...headerRules.map((rule) => ({ rule, left: 1 })), ...this.rules];
    for (const entry of candidates) {
      const { rule } = entry;
      if (entry.left <= 0) continue;
      if (rule.operation && rule.operation !== operation) continue;
      if (rule.midStream && !streaming) continue;
      if (!modelMatches(rule, modelIds)) continue;
      if (rule.fault === "latency") {
        outcome.latencyMs += rule.latencyMs ?? 250;
        entry.left--;
        continue;
      }
      if (outcome.error || (rule.midStream && outcome.midStreamError)) continue;
      entry.left--;
      const error = rule.fault === "throttle" ? errors.throttling() : errors.accessDenied(messages.accessDenied);
      if (rule.midStream) outcome.midStreamError = error;
      else outcome.error = error;
    }
    this.rules = this.rules.filter((r) => r.left > 0);
    return outcome;
  }
}
