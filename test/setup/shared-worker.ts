// Setup for the "unit" project, whose files share a worker thread (isolate: false) so the AWS SDK,
// zod and the emulator load once per worker instead of once per file. What one file leaves behind
// would then reach the next file in that worker, in an order that changes from run to run. So each
// file ends as it began: no guide session (which also adds advice to every SDK error and sets the
// session's language), the environment it found, real timers and no stubs.
import { afterAll, vi } from "vitest";
import { stopGuide } from "bedrock-guide";

const envAtStart = { ...process.env };

afterAll(async () => {
  await stopGuide();
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in envAtStart)) delete process.env[key];
  Object.assign(process.env, envAtStart);
});
