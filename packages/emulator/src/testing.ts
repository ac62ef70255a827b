// A test helper for vitest, Jest or node:test: start the emulator on a free port, point the AWS
// SDK at it through the standard environment variables, and put everything back when stopped.
//
//   let emu: TestEmulator;
//   beforeAll(async () => { emu = await startBedrockEmulatorForTests(); });
//   afterAll(() => emu.stop());
//   // any `new BedrockRuntimeClient({})` in the code under test now talks to the emulator
import type { StartEmulatorOptions } from "./node-options";
import { startEmulator, type RunningEmulator } from "./start-emulator";

const VARS = ["AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"] as const;

export interface TestEmulator extends RunningEmulator {
  /** The variables it set (AWS_ENDPOINT_URL, AWS_REGION, dummy keys). */
  env: Record<string, string>;
  /** Closes the emulator and restores the environment as it was. */
  stop(): Promise<void>;
}

export async function startBedrockEmulatorForTests(opts: StartEmulatorOptions & { region?: string } = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ env: {}, ...opts, port: opts.port ?? 0 });
  const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
  const env = {
    AWS_ENDPOINT_URL: emu.url,
    AWS_REGION: opts.region ?? "us-east-1",
    AWS_ACCESS_KEY_ID: "emulator",
    AWS_SECRET_ACCESS_KEY: "emulator",
  };
  // A profile or session token from the developer's shell must not leak into offline tests.
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  Object.assign(process.env, env);
  let stopped = false;
  return {
    ...emu,
    env,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const k of VARS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      await emu.close();
    },
  };
}
