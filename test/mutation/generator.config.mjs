// Mutation testing of the generator (notebooks, outputs, kernel) and of shared/ (snippet regions,
// labels, project settings), which its tests cover. Run with `npm run test:mutation`.
import { scoped } from "./base.config.mjs";

export default scoped("generator", [
  "generator/**/*.ts",
  "generator/**/*.mjs",
  "!generator/**/*.d.mts",
  "shared/**/*.ts",
  "shared/**/*.mjs",
]);
