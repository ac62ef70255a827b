// The shared end of every text generation (Converse, ConverseStream, InvokeModel and its stream):
// the turn as the model finished it, cut, counted and timed. Codecs build their bodies from it.
import type { StreamEvent } from "../contract";
import type { ResponderResult } from "../responders/types";
import { approximateTokens } from "../tokens";

export interface InferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

export interface FinishedTurn {
  text: string;
  toolUses: { toolUseId: string; name: string; input: unknown }[];
  stopReason: string;
  /** The stop sequence that ended the text, when stopReason is stop_sequence. */
  stopSequence?: string;
  /** Guardrail trace, when guardrailConfig asked for one. */
  trace?: Record<string, unknown>;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number };
  latencyMs: number;
}

/**
 * The shared end of every text generation: cut at the first stop sequence (stop_sequence), then
 * at maxTokens approximate tokens (max_tokens), count usage with approximateTokens, and compute
 * a simulated latency: 20 ms + 0.02 ms per input token + 1.5 ms per output token (no real waiting;
 * only latency faults sleep).
 */
export function finishTurn(result: ResponderResult, inputTokens: number, cfg: InferenceConfig, defaultMaxTokens: number, extraLatencyMs = 0): FinishedTurn {
  let text = result.text ?? "";
  let toolUses = (result.toolUses ?? []).map((t, i) => ({ toolUseId: t.toolUseId ?? `tooluse_emulator_${i}`, name: t.name, input: t.input ?? {} }));
  let stopReason = result.stopReason ?? (toolUses.length ? "tool_use" : "end_turn");
  let cut = -1;
  let stopSequence: string | undefined;
  for (const s of cfg.stopSequences ?? []) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) {
      cut = at;
      stopSequence = s;
    }
  }
  if (cut >= 0) {
    text = text.slice(0, cut);
    toolUses = [];
    stopReason = "stop_sequence";
  }
  const maxTokens = cfg.maxTokens ?? defaultMaxTokens;
  if (approximateTokens(text) > maxTokens) {
    text = text.slice(0, maxTokens * 4);
    toolUses = [];
    stopReason = "max_tokens";
    stopSequence = undefined;
  }
  let outputTokens = result.usage?.outputTokens ?? (text ? approximateTokens(text) : 0);
  if (result.usage?.outputTokens === undefined) for (const t of toolUses) outputTokens += approximateTokens(t.name + JSON.stringify(t.input));
  const input = result.usage?.inputTokens ?? inputTokens;
  return {
    text,
    toolUses,
    stopReason,
    ...(stopSequence !== undefined ? { stopSequence } : {}),
    usage: { inputTokens: input, outputTokens, totalTokens: input + outputTokens },
    latencyMs: Math.round(20 + input * 0.02 + outputTokens * 1.5) + extraLatencyMs,
  };
}

/** Splits text into stream deltas of a few words each (always several for multi-word text). */
export function splitDeltas(text: string, wordsPerDelta = 4): string[] {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += wordsPerDelta) out.push(parts.slice(i, i + wordsPerDelta).join(""));
  return out.length ? out : [text];
}

/** The first half of a stream's events, then the error (sent as an exception frame). */
export function breakMidStream(events: StreamEvent[], error: Error | undefined): Iterable<StreamEvent> {
  if (!error) return events;
  const head = events.slice(0, Math.max(1, Math.floor(events.length / 2)));
  return {
    *[Symbol.iterator]() {
      for (const e of head) yield e;
      throw error;
    },
  };
}
