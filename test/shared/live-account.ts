import { vi } from "vitest";

/**
 * Makes the emulator at `endpoint` stand in for a live AWS account: the SDK's own settings point
 * at it, with AWS's documented example keys. Changed in place with vi.stubEnv, so
 * vi.unstubAllEnvs() puts the environment back for the next test, or the next file in the worker.
 */
export function actAsLiveAccount(endpoint: string, region: string): void {
  vi.stubEnv("AWS_ENDPOINT_URL", endpoint);
  vi.stubEnv("AWS_REGION", region);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "example-secret");
  vi.stubEnv("AWS_PROFILE", undefined);
  vi.stubEnv("AWS_SESSION_TOKEN", undefined);
}
