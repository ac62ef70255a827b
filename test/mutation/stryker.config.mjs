// Stryker's config for every group in groups.mjs: GUIDE_MUTATION_GROUP picks one.
// `npm run test:mutation` runs them all, one after another (scripts/mutation-run.ts).
import { scoped } from "./base.config.mjs";
import { currentGroup } from "./groups.mjs";

const group = currentGroup();
export default scoped(group.name, group.mutate);
