import { knownRegions } from "bedrock-emulator";
import type { Bilingual } from "./language";

// Regions AWS launched after 20 March 2019 are disabled in an account until someone enables them
// ("opt-in regions"; AWS Account Management guide, "Enable or disable AWS Regions in your
// account", read 2026-12-01). Credentials are not valid there until then, so AWS answers
// "The security token included in the request is invalid", which looks like a key problem.
const OPT_IN_REGIONS = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
]);

/** True for a region an account must enable before using it (eu-south-2, Spain, is one). */
export function isOptInRegion(region: string | undefined): boolean {
  return region !== undefined && OPT_IN_REGIONS.has(region);
}

/**
 * The note startGuide prints first when the offline region is outside the emulator's catalog
 * (eu-south-2, say): which regions the emulator knows, and what happens otherwise.
 */
export function regionNotCoveredNote(region: string): Bilingual {
  const known = knownRegions();
  return {
    es: `Nota: el emulador no tiene catálogo de ${region}. Su captura de ListFoundationModels cubre ${known.length} regiones: ${known.join(", ")}. Sin conexión, cada llamada a ${region} responderá ValidationException con esa lista. Para seguir sin conexión, elige una de ellas con AWS_REGION (por ejemplo eu-west-1); para usar ${region} de verdad, pasa al modo en vivo.`,
    en: `Note: the emulator has no catalog for ${region}. Its ListFoundationModels capture covers ${known.length} regions: ${known.join(", ")}. Offline, every call to ${region} answers ValidationException with that list. To stay offline, pick one of them with AWS_REGION (for example eu-west-1); to use ${region} for real, switch to live mode.`,
  };
}
