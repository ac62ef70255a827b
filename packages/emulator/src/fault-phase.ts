// The fault phase: every request meets the fault rules exactly once. The core opens the phase (with
// the rules of the x-bedrock-emulator-fault header) and runs it before the handler, unless the route
// names a model: then the handler runs it once the model is resolved, so rules can name the model
// or its profile. Running it waits the injected latency and throws the injected error; a mid-stream
// error is handed back for the stream to raise later.
import type { ResolvedModel } from "./catalog";
import { parseFaultRules, type FaultController, type FaultRule } from "./faults";

export interface FaultPhaseResult {
  /** Latency injected (already waited), reported in the answer's latency figures. */
  latencyMs: number;
  /** An error to send as an exception frame once a stream has started. */
  midStreamError?: Error;
}

export interface FaultPhase {
  /** Applies the rules for these model names (none for model-less operations). Runs once; later calls return the first result. */
  run(modelIds: string[]): Promise<FaultPhaseResult>;
}

const STREAMING = new Set(["ConverseStream", "InvokeModelWithResponseStream"]);

/** Opens the phase of one request. A malformed header throws ValidationException. */
export function openFaultPhase(controller: FaultController, operation: string, header: string | undefined): FaultPhase {
  const headerRules: FaultRule[] = header ? parseFaultRules(header) : [];
  let result: Promise<FaultPhaseResult> | undefined;
  return {
    run(modelIds) {
      result ??= (async () => {
        const out = controller.evaluate(operation, modelIds, headerRules, STREAMING.has(operation));
        if (out.latencyMs > 0) await new Promise((r) => setTimeout(r, out.latencyMs));
        if (out.error) throw out.error;
        return { latencyMs: out.latencyMs, midStreamError: out.midStreamError };
      })();
      return result;
    },
  };
}

/** Every name the resolved model goes by: as requested, its model ID, and its profile's ID. */
export function modelNames(resolved: ResolvedModel): string[] {
  return [resolved.requested, resolved.model.modelId, ...(resolved.profile ? [resolved.profile.inferenceProfileId] : [])];
}

/** Runs the request's fault phase for a model (a request built without one, in a unit test, meets none). */
export function modelFaults(req: { faults?: FaultPhase }, modelIds: string[]): Promise<FaultPhaseResult> {
  return req.faults ? req.faults.run(modelIds) : Promise.resolve({ latencyMs: 0 });
}
