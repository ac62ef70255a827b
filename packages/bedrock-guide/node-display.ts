import { createRequire } from "node:module";
import type { Display } from "./host";

// Node only: tslab's display, when this process is a running tslab kernel. node.ts hands it to
// show.* as the host's display.

let cachedDisplay: Display | null | undefined;

/** Remembers that this process has no notebook display. */
function noDisplay(): undefined {
  cachedDisplay = null;
  return undefined;
}

/** tslab's display, only when this process is a running tslab kernel. */
export function notebookDisplay(): Display | undefined {
  if (cachedDisplay !== undefined) return cachedDisplay ?? undefined;
  // Loading tslab outside a kernel would pull in a whole TypeScript compiler, so only look
  // for it when the kernel has already loaded it.
  const require = createRequire(process.cwd() + "/");
  const kernelLoaded = Object.keys(require.cache).some((p) =>
    /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(p),
  );
  if (!kernelLoaded) return noDisplay();
  const jupyter = require("tslab/dist/jupyter") as {
    lastWriteDisplayData: unknown;
  };
  if (!jupyter.lastWriteDisplayData) return noDisplay();
  cachedDisplay = (require("tslab") as { display: Display }).display;
  return cachedDisplay;
}
