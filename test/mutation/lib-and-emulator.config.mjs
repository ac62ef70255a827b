// Transitional: the helpers' one-file runs still name this config (with GUIDE_MUTATION_TESTS).
// Superseded by stryker.config.mjs and groups.mjs.
import { scoped } from "./base.config.mjs";

process.env.GUIDE_MUTATION_SCOPE = "lib-and-emulator";
export default scoped("lib-and-emulator", [
  "snippets/**/*.ts",
  "!snippets/**/*.test.ts",
  "emulator/src/catalog.ts",
  "emulator/src/faults.ts",
  "emulator/src/prompt-store.ts",
]);
