// The emulator on a port of 127.0.0.1 (notebooks, tests, the CLI).
import { createEmulator } from "./create-emulator";
import { nodeEmulatorOptions, type StartEmulatorOptions } from "./node-options";
import type { EmulatorContext } from "./contract";
import type { FaultController } from "./faults";
import type { ObjectStore } from "./batch/object-store";
import { createEmulatorServer } from "./server";

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4010 — pass it as `endpoint` to the SDK clients. */
  url: string;
  port: number;
  faults: FaultController;
  /** The instance's shared state (catalog, prompt store, responder…). */
  context: EmulatorContext;
  /** Where batch jobs read input and write output (s3://bucket/key). */
  objects: ObjectStore;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const core = createEmulator(nodeEmulatorOptions(opts));
  const server = createEmulatorServer(core.dispatch);
  const port = await server.listen(opts.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    faults: core.faults,
    context: core.context,
    objects: core.objects,
    async close() {
      await server.close();
      // Writes finish before each reply; this also covers a client that hung up mid-request.
      await core.context.prompts.flush();
    },
  };
}
