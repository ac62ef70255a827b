import { readDataFile } from "./data";

// Prompt Management facts that no API returns, kept with their sources in
// data/prompt-management.json.

interface PromptManagementFacts {
  optimizationTargets: { source: string; models: string[] };
}

/** The base model IDs AWS lists as OptimizePrompt targets, and the page that lists them. */
export function optimizationTargets(): {
  source: string;
  models: string[];
} {
  return readDataFile<PromptManagementFacts>("prompt-management.json")
    .optimizationTargets;
}
