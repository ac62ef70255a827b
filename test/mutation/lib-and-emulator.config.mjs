// Mutation testing of the lessons, the bedrock-guide lib and the emulator's catalog, faults and
// prompt store (issue 12). Run with `npm run test:mutation`.
import { scoped } from "./base.config.mjs";

export default scoped("lib-and-emulator", [
  "snippets/**/*.ts",
  "!snippets/**/*.test.ts",
  "emulator/src/catalog.ts",
  "emulator/src/faults.ts",
  "emulator/src/prompt-store.ts",
]);
