// Chapter 4 as the notebook runs it: each region is one "try it" cell. The functions come from the
// lesson files beside this one (in the notebook, from the cells before), so these imports stay
// outside the regions.
import {
  BedrockAgentClient,
  CreatePromptCommand,
  CreatePromptVersionCommand,
} from "@aws-sdk/client-bedrock-agent";
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor, say, show, startGuide } from "bedrock-guide";
import {
  auditPrompts,
  modelResourcesFor,
  findingsReport,
  teamPromptPolicy,
} from "./audit";
import { cleanUpChapter } from "./clean-up";
import {
  compareVariants,
  keepWinner,
  pickWinner,
  summaryChecks,
  type VariantDraft,
} from "./compare-variants";
import { createChatPrompt, createTextPrompt } from "./create-prompts";
import {
  CHAPTER_TAG,
  PROMPT_NAME_RULE,
  chapterTags,
  namingProblems,
  promptName,
} from "./naming";
import {
  keepReaderLanguage,
  optimizationPlan,
  optimizePrompt,
} from "./optimize-prompt";
import { toCloudFormation, toCreatePromptRequest } from "./prompt-as-code";
import { listAllPrompts, readPromptSettings } from "./read-prompts";
import { runPrompt, streamPrompt } from "./use-prompt";
import {
  createVersion,
  diffVersions,
  editDraftText,
  listVersions,
} from "./versions";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region names
const names = {
  summary: promptName({
    team: "docs",
    purpose: "summary",
    lang: guide.lang,
  }),
  support: promptName({
    team: "docs",
    purpose: "support_reply",
    lang: guide.lang,
  }),
};
show.table(
  [
    names.summary,
    "SummarizeArticlePrompt",
    say(
      { es: "docs-resumen corto-es", en: "docs-short summary-en" },
      guide.lang,
    ),
  ].map((name) => ({
    [say({ es: "nombre", en: "name" }, guide.lang)]: name,
    [say({ es: "problemas", en: "problems" }, guide.lang)]:
      namingProblems(name).join("; ") || "—",
  })),
);
// #endregion names

// #region create
const teamTags = chapterTags("ana", "docs");
// Variables are named in the reader's language, like the text around them.
const variable = say(
  {
    es: { words: "palabras", text: "texto" },
    en: { words: "words", text: "text" },
  },
  guide.lang,
);
const summaryText = say(
  {
    es: "Resume el siguiente texto en {{palabras}} palabras como máximo:\n{{texto}}",
    en: "Summarise the following text in at most {{words}} words:\n{{text}}",
  },
  guide.lang,
);
const summaryDescription = say(
  { es: "Resumen corto", en: "Short summary" },
  guide.lang,
);
const summary = await createTextPrompt({
  name: names.summary,
  description: summaryDescription,
  foundationModelId: "amazon.nova-2-lite-v1:0",
  tags: teamTags,
  text: summaryText,
});
const support = await createChatPrompt({
  name: names.support,
  description: say(
    { es: "Respuesta de soporte", en: "Support reply" },
    guide.lang,
  ),
  foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
  tags: teamTags,
  system: say(
    {
      es: "Eres el equipo de soporte de {{producto}}. Responde con amabilidad y en pocas frases.",
      en: "You are the support team of {{product}}. Answer kindly, in a few sentences.",
    },
    guide.lang,
  ),
  userMessage: say({ es: "{{pregunta}}", en: "{{question}}" }, guide.lang),
});
show.table(
  [summary, support].map((p) => ({
    name: p.name,
    id: p.id,
    version: p.version,
    type: p.variants?.[0].templateType,
    modelId: p.variants?.[0].modelId,
  })),
);
// #endregion create

// #region read
const byId = await readPromptSettings(summary.id!);
const byArn = await readPromptSettings(support.arn!);
show.table(
  [byId, byArn].map(
    ({
      name,
      modelId,
      templateType,
      temperature,
      maxTokens,
      variables,
    }) => ({
      name,
      modelId,
      templateType,
      temperature,
      maxTokens,
      variables: variables.join(", "),
    }),
  ),
);
console.log(byArn.system);
show.table(
  (await listAllPrompts()).map((p) => ({
    name: p.name,
    id: p.id,
    updatedAt: p.updatedAt?.toISOString(),
  })),
);
// #endregion read

// #region versions
await createVersion(
  summary.id!,
  say(
    {
      es: "Primera versión: resumen en N palabras",
      en: "First version: summary in N words",
    },
    guide.lang,
  ),
);
await editDraftText(
  summary.id!,
  (text) =>
    `${text}\n${say({ es: "Usa viñetas.", en: "Use bullet points." }, guide.lang)}`,
);
const draft = await readPromptSettings(summary.id!);
const firstVersion = await readPromptSettings(summary.id!, "1");
console.log(
  say(
    {
      es: "¿La versión 1 cambió con el borrador?",
      en: "Did version 1 change with the draft?",
    },
    guide.lang,
  ),
  firstVersion.text === draft.text
    ? say({ es: "sí", en: "yes" }, guide.lang)
    : "no",
);
const second = await createVersion(
  summary.id!,
  say(
    { es: "Pide la respuesta en viñetas", en: "Asks for bullet points" },
    guide.lang,
  ),
);
show.table(
  (await listVersions(summary.id!)).map((v) => ({
    version: v.version,
    description: v.description,
    arn: v.arn,
  })),
);
console.log(await diffVersions(summary.id!, "1", "2"));
// #endregion versions

// #region use
const values = {
  [variable.words]: "25",
  [variable.text]: say(
    {
      es: "Prompt Management guarda tus prompts con versiones, variables y el modelo que usan, para que tu aplicación los llame por su ARN.",
      en: "Prompt Management stores your prompts with versions, variables and the model they use, so your application calls them by ARN.",
    },
    guide.lang,
  ),
};
const answer = await runPrompt(second.arn!, values);
console.log(
  say(
    {
      es: "Con Converse, la respuesta entera de una vez:",
      en: "With Converse, the whole answer at once:",
    },
    guide.lang,
  ),
);
console.log(answer.text);
console.log(
  say(
    {
      es: "\nCon ConverseStream, a trozos según llegan (el mismo texto):",
      en: "\nWith ConverseStream, piece by piece as it arrives (the same text):",
    },
    guide.lang,
  ),
);
await streamPrompt(second.arn!, values, (text) =>
  process.stdout.write(text),
);
console.log();
// #endregion use

// #region use-errors
const mistakes: ConstructorParameters<typeof ConverseCommand>[0][] = [
  {
    modelId: second.arn,
    promptVariables: {
      [variable.words]: { text: "10" },
      [variable.text]: { text: "…" },
    },
    inferenceConfig: { temperature: 0.9 },
  },
  {
    modelId: second.arn,
    promptVariables: { [variable.words]: { text: "10" } },
  },
];
for (const request of mistakes) {
  try {
    await new BedrockRuntimeClient({}).send(new ConverseCommand(request));
  } catch (error) {
    console.log(
      `${(error as Error).name}: ${(error as Error).message.split("\n")[0]}\n`,
    );
  }
}
// #endregion use-errors

// #region optimize
const plan = optimizationPlan(
  guide.region,
  "amazon.nova-lite-v1:0",
  guide.lang,
);
if ("unavailable" in plan) {
  console.log(plan.unavailable);
} else {
  const optimized = await optimizePrompt(
    summaryText,
    plan.target,
    (kind, text) => console.log(`[${kind}]\n${text}\n`),
  );
  console.log(
    say({ es: "Variables perdidas:", en: "Variables lost:" }, guide.lang),
    optimized.lostVariables.length ? optimized.lostVariables : "—",
  );
  const inMyLanguage = await keepReaderLanguage(
    optimized.optimized,
    guide.lang,
  );
  console.log(
    say(
      inMyLanguage.rewrittenIn === "same"
        ? {
            es: "La reescritura está en tu idioma: el prompt se queda como está",
            en: "The rewrite is in your language: the prompt stays as it is",
          }
        : {
            es: "La reescritura cambió de idioma: se le añade al final que responda en español",
            en: "The rewrite changed language: it now ends by asking for answers in English",
          },
      guide.lang,
    ),
    `(${inMyLanguage.reason}).`,
  );
  try {
    await optimizePrompt(
      summaryText,
      "anthropic.claude-haiku-4-5-20251001-v1:0",
    );
  } catch (error) {
    console.log((error as Error).message);
  }
}
// #endregion optimize

// #region as-code
const definition = {
  name: names.summary,
  description: summaryDescription,
  modelId: await modelIdFor("amazon.nova-2-lite-v1:0"),
  text: summaryText,
  temperature: 0.2,
  maxTokens: 400,
  tags: teamTags,
};
console.log(
  say(
    {
      es: "Plantilla de CloudFormation (el recurso AWS::Bedrock::Prompt):",
      en: "CloudFormation template (the AWS::Bedrock::Prompt resource):",
    },
    guide.lang,
  ),
);
console.log(JSON.stringify(toCloudFormation(definition), null, 2));
console.log(
  say(
    {
      es: "\nLa misma plantilla del prompt en la petición de CreatePrompt (templateConfiguration):",
      en: "\nThe same prompt template in the CreatePrompt request (templateConfiguration):",
    },
    guide.lang,
  ),
);
console.log(
  JSON.stringify(
    toCreatePromptRequest(definition).variants?.[0].templateConfiguration,
    null,
    2,
  ),
);
// #endregion as-code

// #region audit
// A prompt made in a hurry: the article's name, no owner tag, a version without a description.
// It carries the chapter's tag, so the clean-up deletes it with the others.
const hurried = await new BedrockAgentClient({}).send(
  new CreatePromptCommand({
    name: "SummarizeArticlePrompt",
    tags: { [CHAPTER_TAG.key]: CHAPTER_TAG.value, team: "docs" },
  }),
);
await new BedrockAgentClient({}).send(
  new CreatePromptVersionCommand({ promptIdentifier: hurried.id }),
);
show.markdown(findingsReport(await auditPrompts(PROMPT_NAME_RULE)));

// The policy lets the team run its prompts, so it names the models they use in this region.
const promptModels = await Promise.all(
  [summary.id!, support.id!].map(
    async (id) => (await readPromptSettings(id)).modelId,
  ),
);
console.log(
  JSON.stringify(
    teamPromptPolicy(
      "docs",
      guide.region,
      "123456789012",
      await modelResourcesFor(promptModels),
    ),
    null,
    2,
  ),
);
// #endregion audit

// #region compare
const variantDrafts: VariantDraft[] = [
  {
    name: "nova-2-lite",
    foundationModelId: "amazon.nova-2-lite-v1:0",
    template: summaryText,
    temperature: 0.2,
    maxTokens: 300,
  },
  {
    name: "haiku-4-5",
    foundationModelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
    template: summaryText,
    temperature: 0.2,
    maxTokens: 300,
  },
  {
    name: "gpt-oss-20b",
    foundationModelId: "openai.gpt-oss-20b-1:0",
    template: summaryText,
    temperature: 0.7,
    maxTokens: 300,
  },
];
const comparison = await compareVariants(
  variantDrafts,
  [values, { ...values, [variable.words]: "15" }].map((input) => ({
    input,
    checks: summaryChecks(Number(input[variable.words]), guide.lang),
  })),
);
show.table(comparison.table());
// #endregion compare

// #region keep-winner
const winner = pickWinner(comparison, variantDrafts);
if (!winner) {
  console.log(
    say(
      {
        es: "Ninguna variante superó un caso entero: el prompt se queda como está.",
        en: "No variant passed a whole case: the prompt stays as it is.",
      },
      guide.lang,
    ),
  );
} else {
  const third = await keepWinner(
    summary.id!,
    winner,
    say(
      {
        es: `Variante ganadora de la comparación: ${winner.name}`,
        en: `Winning variant of the comparison: ${winner.name}`,
      },
      guide.lang,
    ),
  );
  console.log(say({ es: "Gana", en: "Winner:" }, guide.lang), winner.name);
  console.log(await diffVersions(summary.id!, "2", third.version!));
}
// #endregion keep-winner

// #region clean-up
const cleanup = await cleanUpChapter(CHAPTER_TAG);
console.log(cleanup);
console.log(
  say(
    { es: "Prompts del capítulo que quedan:", en: "Chapter prompts left:" },
    guide.lang,
  ),
  (await listAllPrompts()).filter((p) =>
    [...Object.values(names), "SummarizeArticlePrompt"].includes(
      p.name ?? "",
    ),
  ).length,
);
// #endregion clean-up
