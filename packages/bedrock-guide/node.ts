import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { useHost } from "./host";
import { notebookDisplay } from "./node-display";
import { startEmulatorServer, startNodeEmulator } from "./node-emulator";

// The lib's entry in Node (package.json "exports", condition "node"): the platform-neutral lib of
// index.ts, with show.* sent to tslab's display inside a notebook and offline mode's emulator on a
// port of 127.0.0.1 (node-emulator.ts); the doctor's live check reads the SDK's Node credential
// chain. A page imports index.ts itself.
useHost({
  kind: "node",
  display: notebookDisplay,
  startOffline: startNodeEmulator,
  emulatorServer: startEmulatorServer,
  credentialChain: () => fromNodeProviderChain()(),
});

export * from "./index";
