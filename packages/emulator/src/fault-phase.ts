// Faults applied to one request once its model is known, so rules can name the model or its profile.
import type { EmulatorContext, EmulatorRequest } from "./contract";
import type { ResolvedModel } from "./catalog";
import type { ServerRequest } from "./core";

/** Applies faults after the model is known, so rules can name the model or its profile. */
export async function modelFaults(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  operation: string,
  resolved: ResolvedModel | string[],
): Promise<{ latencyMs: number; midStreamError?: Error }> {
  const ids = Array.isArray(resolved) ? resolved : [resolved.requested, resolved.model.modelId, ...(resolved.profile ? [resolved.profile.inferenceProfileId] : [])];
  const streaming = operation === "ConverseStream" || operation === "InvokeModelWithResponseStream";
  const out = ctx.faults.evaluate(operation, ids, (req as ServerRequest).faultRules ?? [], streaming);
  if (out.latencyMs > 0) await new Promise((r) => setTimeout(r, out.latencyMs));
  if (out.error) throw out.error;
  return { latencyMs: out.latencyMs, midStreamError: out.midStreamError };
}
