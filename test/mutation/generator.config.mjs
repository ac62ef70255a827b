// Mutation testing of the generator (notebooks, outputs, regions). Run with `npm run test:mutation`.
import { scoped } from "./base.config.mjs";

export default scoped("generator", ["generator/**/*.ts", "generator/**/*.mjs", "!generator/**/*.d.mts"]);
