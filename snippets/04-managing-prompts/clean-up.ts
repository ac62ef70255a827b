import {
  BedrockAgentClient,
  DeletePromptCommand,
  ListTagsForResourceCommand,
  paginateListPrompts,
} from "@aws-sdk/client-bedrock-agent";

export interface CleanUpReport {
  deleted: string[];
}

/**
 * Deletes every prompt carrying the chapter's tag (DeletePrompt without a version removes all of
 * its versions too). Safe to run again: a second run finds nothing and deletes nothing. It never
 * matches names: a prompt without the tag is not the chapter's, whatever it is called.
 */
export async function cleanUpChapter(
  tag: { key: string; value: string },
  agent = new BedrockAgentClient({}),
): Promise<CleanUpReport> {
  const report: CleanUpReport = { deleted: [] };
  // List first, delete after: deleting while paginating could skip a page.
  const candidates = [];
  for await (const page of paginateListPrompts({ client: agent }, {}))
    candidates.push(...(page.promptSummaries ?? []));
  for (const prompt of candidates) {
    const { tags = {} } = await agent.send(
      new ListTagsForResourceCommand({ resourceArn: prompt.arn }),
    );
    if (tags[tag.key] !== tag.value) continue;
    try {
      await agent.send(
        new DeletePromptCommand({ promptIdentifier: prompt.id }),
      );
      report.deleted.push(prompt.name ?? prompt.id ?? "");
    } catch (error) {
      // Someone (or an earlier run) deleted it in the meantime: that is the state we want.
      if ((error as Error).name !== "ResourceNotFoundException")
        throw error;
    }
  }
  return report;
}
