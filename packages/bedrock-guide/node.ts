import { useHost } from "./host";
import { notebookDisplay } from "./node-display";
import { startNodeEmulator } from "./node-emulator";

// The lib's entry in Node (package.json "exports", condition "node"): the platform-neutral lib of
// index.ts, with show.* sent to tslab's display inside a notebook and offline mode's emulator on a
// port of 127.0.0.1 (node-emulator.ts). A page imports index.ts itself.
useHost({
  kind: "node",
  display: notebookDisplay,
  startOffline: startNodeEmulator,
});

export * from "./index";
