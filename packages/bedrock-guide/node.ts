import { useHost } from "./host";
import { notebookDisplay } from "./node-display";

// The lib's entry in Node (package.json "exports", condition "node"): the platform-neutral lib of
// index.ts, with show.* sent to tslab's display inside a notebook. A page imports index.ts itself.
useHost({ kind: "node", display: notebookDisplay });

export * from "./index";
