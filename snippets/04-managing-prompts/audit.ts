import {
  BedrockAgentClient,
  ListTagsForResourceCommand,
  paginateListPrompts,
} from "@aws-sdk/client-bedrock-agent";
import {
  BedrockClient,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
} from "@aws-sdk/client-bedrock";
import {
  currentLanguage,
  parseModelReference,
  say,
  type Language,
} from "bedrock-guide";

export interface AuditFinding {
  prompt: string;
  version: string;
  problem: string;
}

const PROBLEMS = {
  name: {
    es: "el nombre no sigue la regla de nombres",
    en: "name breaks the naming rule",
  },
  owner: { es: "no tiene etiqueta owner", en: "no owner tag" },
  description: {
    es: "versión sin descripción",
    en: "version without a description",
  },
};

/**
 * The chapter's good practices, checked over every prompt of the account and region: names that
 * break the naming rule, versions without a description, prompts without an owner tag. Each
 * problem is said in the reader's language.
 */
export async function auditPrompts(
  nameRule: RegExp,
  agent = new BedrockAgentClient({}),
  lang: Language = currentLanguage(),
): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const found = (
    prompt: string,
    version: string,
    problem: keyof typeof PROBLEMS,
  ) =>
    findings.push({
      prompt,
      version,
      problem: say(PROBLEMS[problem], lang),
    });
  for await (const page of paginateListPrompts({ client: agent }, {})) {
    for (const prompt of page.promptSummaries ?? []) {
      const name = prompt.name ?? "";
      if (!nameRule.test(name)) found(name, "—", "name");
      const { tags = {} } = await agent.send(
        new ListTagsForResourceCommand({ resourceArn: prompt.arn }),
      );
      if (!tags.owner) found(name, "—", "owner");
      for await (const versions of paginateListPrompts(
        { client: agent },
        { promptIdentifier: prompt.id },
      )) {
        for (const version of versions.promptSummaries ?? []) {
          if (version.version !== "DRAFT" && !version.description)
            found(name, version.version ?? "", "description");
        }
      }
    }
  }
  return findings;
}

/**
 * The findings as a Markdown table with headers in the reader's language, or one sentence when
 * there are none: an empty table would have no header and say nothing. Always something to show.
 */
export function findingsReport(
  findings: AuditFinding[],
  lang: Language = currentLanguage(),
): string {
  if (findings.length === 0)
    return say(
      {
        es: "Sin hallazgos: todos los prompts siguen la regla de nombres, tienen etiqueta owner y sus versiones llevan descripción.",
        en: "No findings: every prompt follows the naming rule, has an owner tag, and its versions have a description.",
      },
      lang,
    );
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const header = [
    "prompt",
    say({ es: "versión", en: "version" }, lang),
    say({ es: "problema", en: "problem" }, lang),
  ];
  return [
    header,
    header.map(() => "---"),
    ...findings.map((f) => [f.prompt, f.version, f.problem].map(cell)),
  ]
    .map((row) => `| ${row.join(" | ")} |`)
    .join("\n");
}

/** What a role must be allowed to invoke so that prompts using these models can run. */
export interface ModelResources {
  /** The inference profiles the prompts name (their ARNs in this region). */
  profiles: string[];
  /** Foundation-model ARNs: the ones called on demand and every one a profile routes to. */
  foundationModels: string[];
}

/**
 * Asks Bedrock which ARNs stand behind the model IDs prompts store (a profile ID from
 * `modelIdFor`, or a model ID where the region serves it on demand). A profile needs its own ARN
 * plus the foundation model in every region it routes to, which GetInferenceProfile lists (for a
 * global profile, an ARN without a region). Nothing here depends on the reader's geography.
 */
export async function modelResourcesFor(
  modelIds: string[],
  bedrock = new BedrockClient({}),
): Promise<ModelResources> {
  const profiles = new Set<string>();
  const foundationModels = new Set<string>();
  for (const modelId of new Set(modelIds)) {
    if (parseModelReference(modelId).profilePrefix) {
      const profile = await bedrock.send(
        new GetInferenceProfileCommand({
          inferenceProfileIdentifier: modelId,
        }),
      );
      profiles.add(profile.inferenceProfileArn!);
      for (const model of profile.models ?? [])
        foundationModels.add(model.modelArn!);
    } else {
      const { modelDetails } = await bedrock.send(
        new GetFoundationModelCommand({ modelIdentifier: modelId }),
      );
      foundationModels.add(modelDetails!.modelArn!);
    }
  }
  return {
    profiles: [...profiles].sort(),
    foundationModels: [...foundationModels].sort(),
  };
}

/**
 * Least privilege for a team that edits and runs only the prompts tagged with its name. Action
 * names from the Service Authorization Reference for Amazon Bedrock and the Prompt management
 * prerequisites page; what running a prompt through Converse needs (RenderPrompt on the prompt,
 * InvokeModel and InvokeModelWithResponseStream on its models) from the Converse reference and
 * the inference prerequisites (see data/prompt-management.json). ListPrompts has no resource to
 * scope, so it stays on "*".
 */
export function teamPromptPolicy(
  team: string,
  region: string,
  account: string,
  models: ModelResources,
) {
  const prompts = `arn:aws:bedrock:${region}:${account}:prompt/*`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListPrompts",
        Effect: "Allow",
        Action: ["bedrock:ListPrompts"],
        Resource: "*",
      },
      {
        // Creating (and tagging while creating) needs the team's own tag in the request.
        Sid: "CreateOnlyTaggedForTheTeam",
        Effect: "Allow",
        Action: ["bedrock:CreatePrompt", "bedrock:TagResource"],
        Resource: prompts,
        Condition: { StringEquals: { "aws:RequestTag/team": team } },
      },
      {
        Sid: "EditTheTeamsPrompts",
        Effect: "Allow",
        Action: [
          "bedrock:GetPrompt",
          "bedrock:UpdatePrompt",
          "bedrock:CreatePromptVersion",
          "bedrock:DeletePrompt",
          "bedrock:ListTagsForResource",
        ],
        Resource: prompts,
        Condition: { StringEquals: { "aws:ResourceTag/team": team } },
      },
      {
        // Converse with a prompt version's ARN: Bedrock renders the prompt for the caller...
        Sid: "RunTheTeamsPrompts",
        Effect: "Allow",
        Action: ["bedrock:RenderPrompt"],
        Resource: prompts,
        Condition: { StringEquals: { "aws:ResourceTag/team": team } },
      },
      {
        // ...and invokes the prompt's model as the caller: the profile and every model behind it.
        Sid: "InvokeThePromptsModels",
        Effect: "Allow",
        Action: [
          "bedrock:InvokeModel",
          "bedrock:InvokeModelWithResponseStream",
        ],
        Resource: [...models.profiles, ...models.foundationModels],
      },
      ...(models.profiles.length
        ? [
            {
              Sid: "ReadThePromptsProfiles",
              Effect: "Allow",
              Action: ["bedrock:GetInferenceProfile"],
              Resource: models.profiles,
            },
          ]
        : []),
      {
        // Other tags (owner, for the audit) on the team's own prompts; a team tag, if sent, must be its own.
        Sid: "TagTheTeamsPrompts",
        Effect: "Allow",
        Action: ["bedrock:TagResource"],
        Resource: prompts,
        Condition: {
          StringEquals: { "aws:ResourceTag/team": team },
          StringEqualsIfExists: { "aws:RequestTag/team": team },
        },
      },
      {
        Sid: "NobodyMovesAPromptToAnotherTeam",
        Effect: "Deny",
        Action: ["bedrock:TagResource", "bedrock:UntagResource"],
        Resource: prompts,
        Condition: {
          "ForAnyValue:StringEquals": { "aws:TagKeys": ["team"] },
          StringNotEquals: { "aws:ResourceTag/team": team },
        },
      },
    ],
  };
}
