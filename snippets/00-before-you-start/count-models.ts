// Chapter 00: a first Bedrock call that costs nothing, offline or live.
import { startGuide } from "bedrock-guide";

// In the notebook the setup cell has already done this.
const guide = await startGuide({ quiet: true });

// #region count
import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import { say } from "bedrock-guide";

// ListFoundationModels is a control-plane lookup: AWS does not bill it.
const bedrock = new BedrockClient({ region: guide.region });
const { modelSummaries = [] } = await bedrock.send(
  new ListFoundationModelsCommand({}),
);
const providers = new Set(
  modelSummaries.map((model) => model.providerName),
);

console.log(
  say(
    {
      es: `Bedrock ofrece ${modelSummaries.length} modelos fundacionales de ${providers.size} proveedores en ${guide.region}.`,
      en: `Bedrock offers ${modelSummaries.length} foundation models from ${providers.size} providers in ${guide.region}.`,
    },
    guide.lang,
  ),
);
// #endregion count

bedrock.destroy();
export { guide, modelSummaries, providers };
