// Chapter 1 as the notebook runs it: each region is one "try it" cell. The functions come from the
// lesson files beside this one (in the notebook, from the cells before), so these imports stay
// outside the regions.
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor, say, show, startGuide } from "bedrock-guide";
import { checkModelAccess } from "./check-access";
import { meetCommonErrors } from "./common-errors";
import {
  comparisonChart,
  comparisonTable,
  compareModels,
} from "./compare-models";
import { compareRegions } from "./compare-regions";
import { askWithConverse, answerText } from "./first-call-converse";
import { askClaudeNatively } from "./first-call-invoke";
import { handler, invokeStatementFor } from "./lambda-handler";
import { findInferenceProfiles, markChoice } from "./inference-profiles";
import { listModels } from "./list-models";
import { providerTable } from "./provider-table";
import { recommendationsHere, tryRecommendation } from "./recommendations";
import { streamAnswer } from "./stream-answer";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region catalog
const models = await listModels(guide.region);
console.log(
  say(
    {
      es: `${models.length} modelos fundacionales en ${guide.region}`,
      en: `${models.length} foundation models in ${guide.region}`,
    },
    guide.lang,
  ),
);
show.table(providerTable(models));
// #endregion catalog

// #region filters
const imageModels = await listModels(guide.region, {
  outputModality: "IMAGE",
});
const onDemandText = await listModels(guide.region, {
  outputModality: "TEXT",
  inferenceType: "ON_DEMAND",
});
const streamingText = await listModels(guide.region, {
  outputModality: "TEXT",
  streaming: true,
});
show.table([
  { filter: "byOutputModality: IMAGE", models: imageModels.length },
  {
    filter: "TEXT + byInferenceType: ON_DEMAND",
    models: onDemandText.length,
  },
  {
    filter: "TEXT + responseStreamingSupported",
    models: streamingText.length,
  },
]);
show.table(
  imageModels.map((m) => ({
    modelId: m.modelId,
    inferenceTypes: m.inferenceTypesSupported,
  })),
);
// #endregion filters

// #region regions
const regions = await compareRegions([
  "us-east-1",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-northeast-1",
]);
show.table([regions.totals]);
console.log(
  say(
    {
      es: `${regions.differences.length} modelos faltan en alguna de estas regiones. Los de Stability AI:`,
      en: `${regions.differences.length} models are missing from at least one of these regions. Stability AI's:`,
    },
    guide.lang,
  ),
);
show.table(
  regions.differences.filter((row) => row.model.startsWith("stability.")),
);
// #endregion regions

// #region access
// Claude Haiku 4.5 is offered almost everywhere; Stable Image Core only in us-west-2.
const access = await Promise.all(
  [
    "anthropic.claude-haiku-4-5-20251001-v1:0",
    "stability.stable-image-core-v1:1",
  ].map((id) => checkModelAccess(id, guide.region)),
);
show.table(access);
// #endregion access

// #region invoke
const question = say(
  {
    es: "Explica en dos frases por qué importa la IA generativa.",
    en: "Explain in two sentences why generative AI matters.",
  },
  guide.lang,
);
console.log(await askClaudeNatively(question));
// #endregion invoke

// #region converse
const reply = await askWithConverse(question);
console.log(answerText(reply));
console.log(reply.stopReason, reply.usage);
// #endregion converse

// #region stream
const streamed = await streamAnswer(question, (text) =>
  process.stdout.write(text),
);
console.log(
  say(
    {
      es: `\n${streamed.chunks} fragmentos, motivo de parada: ${streamed.stopReason}`,
      en: `\n${streamed.chunks} pieces, stop reason: ${streamed.stopReason}`,
    },
    guide.lang,
  ),
);
// #endregion stream

// #region profiles
// Every profile of your region for Claude Haiku 4.5, and the one modelIdFor picks.
const haiku = "anthropic.claude-haiku-4-5-20251001-v1:0";
show.table(
  await markChoice(
    await findInferenceProfiles(haiku, guide.region),
    haiku,
    guide.region,
  ),
);
// The mistake, on purpose: the bare model ID, without a profile.
try {
  await new BedrockRuntimeClient({}).send(
    new ConverseCommand({
      modelId: haiku,
      messages: [{ role: "user", content: [{ text: question }] }],
    }),
  );
} catch (error) {
  console.log((error as Error).message);
}
// #endregion profiles

// #region compare
// Foundation models: compareModels calls each one the way your region allows.
const contenders = [
  "anthropic.claude-haiku-4-5-20251001-v1:0",
  "amazon.nova-2-lite-v1:0",
  "meta.llama4-scout-17b-instruct-v1:0",
  "mistral.ministral-3-8b-instruct",
  "openai.gpt-oss-20b-1:0",
];
const rows = await compareModels(question, contenders);
show.table(comparisonTable(rows));
show.svg(
  comparisonChart(
    rows,
    say(
      {
        es: "La misma pregunta, cinco modelos",
        en: "One question, five models",
      },
      guide.lang,
    ),
  ),
);
// #endregion compare

// #region lambda
// Deploying the function sets MODEL_ID once; here this cell plays the deployment.
process.env.MODEL_ID = await modelIdFor("amazon.nova-2-lite-v1:0");
const lambdaResult = await handler({
  question: "What is Amazon Bedrock, in one sentence?",
});
console.log(lambdaResult.statusCode, JSON.parse(lambdaResult.body).answer);
// What the function's execution role must allow, for this region's route.
const statement = await invokeStatementFor(
  process.env.MODEL_ID,
  guide.region,
);
console.log(JSON.stringify(statement, null, 2));
// #endregion lambda

// #region recommendations
show.table(await recommendationsHere());
try {
  const summary = await tryRecommendation(
    "summaries",
    say(
      {
        es: "Resume en una frase: Bedrock da acceso a modelos de muchos proveedores con una sola API.",
        en: "Summarise in one sentence: Bedrock gives access to models from many providers through one API.",
      },
      guide.lang,
    ),
  );
  if (summary.kind === "text")
    console.log(`${summary.calledAs}: ${summary.text}`);
} catch (error) {
  // Llama 4 Scout has only a us. profile: from other geographies this says where it is offered.
  console.log((error as Error).message);
}
const picture = await tryRecommendation(
  "images",
  "A lighthouse on a rocky coast at dawn, watercolour",
);
if (picture.kind === "image") show.png(picture.png);
// #endregion recommendations

// #region errors
show.table(await meetCommonErrors(guide));
// #endregion errors

// #region cost
guide.meter.report();
// #endregion cost
