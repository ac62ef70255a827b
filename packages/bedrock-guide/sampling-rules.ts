import { readDataFile } from "./data";
import { parseModelReference } from "./prices";

// Which models refuse some combinations of sampling parameters. The facts live in
// data/sampling-rules.json (with their sources), which the emulator reads too.
interface SamplingRules {
  source: string[];
  retrievedAt: string;
  temperatureWithTopP: {
    rule: string;
    message: string;
    selection: string;
    models: string[];
  };
}

/**
 * True when the model refuses a request that sets both temperature and topP (Claude Sonnet 4.5,
 * Haiku 4.5 and later). Takes a model ID, an inference profile ID (us., eu., global.…) or an ARN.
 */
export function refusesTemperatureWithTopP(
  modelIdOrProfileOrArn: string,
): boolean {
  const { modelId } = parseModelReference(modelIdOrProfileOrArn);
  return readDataFile<SamplingRules>(
    "sampling-rules.json",
  ).temperatureWithTopP.models.includes(modelId);
}
