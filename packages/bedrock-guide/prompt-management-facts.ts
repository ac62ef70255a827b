import { modelFacts, regionsOffering, retirementOf } from "./catalog-facts";
import { readDataFile } from "./data";

// Prompt Management facts that no API returns, kept with their sources in
// data/prompt-management.json.

interface OptimizationTargets {
  source: string;
  /** The regions AWS's page lists for OptimizePrompt. */
  regions: string[];
  /** The base model IDs AWS's page lists as targets. */
  models: string[];
}

interface PromptManagementFacts {
  optimizationTargets: OptimizationTargets & { checked: string };
  fieldsThePromptDefines: { fields: string[]; source: string };
}

const facts = () =>
  readDataFile<PromptManagementFacts>("prompt-management.json");

/** Where OptimizePrompt runs, the base model IDs it can rewrite for, and the page that lists both. */
export function optimizationTargets(): OptimizationTargets {
  const { source, regions, models } = facts().optimizationTargets;
  return { source, regions, models };
}

/**
 * The targets worth naming to a reader in `region`: still ACTIVE and not retiring in the guide's
 * catalog, and listed there by ListFoundationModels. Without a region, every active target.
 */
export function optimizationTargetsIn(region?: string): string[] {
  return optimizationTargets().models.filter(
    (m) =>
      modelFacts(m)?.modelLifecycle?.status === "ACTIVE" &&
      !retirementOf(m) &&
      (region === undefined || regionsOffering(m).includes(region)),
  );
}

/**
 * Fields a Converse request may not carry when its modelId is a prompt version: the prompt defines
 * them (Converse API reference; the source is in the data file).
 */
export function fieldsThePromptDefines(): readonly string[] {
  return facts().fieldsThePromptDefines.fields;
}
