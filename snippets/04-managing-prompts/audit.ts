import {
  BedrockAgentClient,
  ListTagsForResourceCommand,
  paginateListPrompts,
} from "@aws-sdk/client-bedrock-agent";

export interface AuditFinding {
  prompt: string;
  version: string;
  problem: string;
}

/**
 * The chapter's good practices, checked over every prompt of the account and region: names that
 * break the naming rule, versions without a description, prompts without an owner tag.
 */
export async function auditPrompts(
  nameRule: RegExp,
  agent = new BedrockAgentClient({}),
): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  for await (const page of paginateListPrompts({ client: agent }, {})) {
    for (const prompt of page.promptSummaries ?? []) {
      const name = prompt.name ?? "";
      if (!nameRule.test(name))
        findings.push({
          prompt: name,
          version: "—",
          problem: "name breaks the naming rule",
        });
      const { tags = {} } = await agent.send(
        new ListTagsForResourceCommand({ resourceArn: prompt.arn }),
      );
      if (!tags.owner)
        findings.push({
          prompt: name,
          version: "—",
          problem: "no owner tag",
        });
      for await (const versions of paginateListPrompts(
        { client: agent },
        { promptIdentifier: prompt.id },
      )) {
        for (const version of versions.promptSummaries ?? []) {
          if (version.version !== "DRAFT" && !version.description)
            findings.push({
              prompt: name,
              version: version.version ?? "",
              problem: "version without a description",
            });
        }
      }
    }
  }
  return findings;
}

/**
 * Least privilege for a team that edits only the prompts tagged with its name. Action names from the
 * Service Authorization Reference for Amazon Bedrock and the Prompt management prerequisites page
 * (see data/prompt-management.json). ListPrompts has no resource to scope, so it stays on "*".
 */
export function teamPromptPolicy(
  team: string,
  region: string,
  account: string,
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
          "bedrock:RenderPrompt",
        ],
        Resource: prompts,
        Condition: { StringEquals: { "aws:ResourceTag/team": team } },
      },
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
