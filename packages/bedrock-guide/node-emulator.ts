import { startEmulator } from "bedrock-emulator/node";
import {
  environment,
  type OfflineEmulator,
  type OfflineSettings,
} from "./host";

// Offline mode in Node (node.ts gives it to the host): the emulator on a port of 127.0.0.1, and the
// SDK pointed at it through its own settings (AWS_ENDPOINT_URL, region, dummy keys), so plain
// `new BedrockRuntimeClient({})` in a notebook cell or a test works unchanged.

const OFFLINE_ENV = [
  "AWS_ENDPOINT_URL",
  "AWS_REGION",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
] as const;

export async function startNodeEmulator({
  region,
}: OfflineSettings): Promise<OfflineEmulator> {
  const env = environment();
  const saved = Object.fromEntries(OFFLINE_ENV.map((k) => [k, env[k]]));
  const emulator = await startEmulator();
  env.AWS_ENDPOINT_URL = emulator.url;
  env.AWS_REGION = region;
  // Dummy keys: the emulator needs a signed request, never a real secret.
  env.AWS_ACCESS_KEY_ID = "OFFLINEEMULATOR";
  env.AWS_SECRET_ACCESS_KEY = "offline-emulator-not-a-secret";
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  return {
    endpoint: emulator.url,
    faults: emulator.faults,
    async stop() {
      await emulator.close();
      for (const k of OFFLINE_ENV) {
        if (saved[k] === undefined) delete env[k];
        else env[k] = saved[k];
      }
    },
  };
}

/** An emulator on a port and nothing else: the doctor's offline check. */
export const startEmulatorServer = () => startEmulator();
