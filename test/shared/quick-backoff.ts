import { onTestFinished, vi } from "vitest";

/**
 * The SDK's retry back-off and its adaptive rate limiter wait on timers and measure time with
 * Date.now. A test of how many attempts a client makes (not how long it waits) calls this first:
 * until the test ends, Date.now runs `factor` times faster and every timer fires `factor` times
 * sooner, consistently, so the SDK's back-off behaves as it would, only quicker. Only for tests
 * that assert nothing about durations or dates.
 */
export function backOffQuickly(factor = 50): void {
  const realNow = Date.now.bind(Date);
  const realSetTimeout = globalThis.setTimeout;
  const start = realNow();
  const now = vi.spyOn(Date, "now").mockImplementation(() => start + (realNow() - start) * factor);
  const quick = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    realSetTimeout(fn, (ms ?? 0) / factor, ...args);
  vi.stubGlobal("setTimeout", Object.assign(quick, realSetTimeout));
  onTestFinished(() => {
    vi.unstubAllGlobals();
    now.mockRestore();
  });
}
