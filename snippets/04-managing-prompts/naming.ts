// The chapter's naming rule and tags, as code: every prompt the chapter creates goes through here.

/** AWS's own pattern for a prompt name (CreatePrompt, `name`): letters and digits, single `_`/`-` between them, 100 at most. */
export const AWS_PROMPT_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;

/** The team's convention on top of it: `<team>-<purpose>-<lang>`, lower case, purpose words joined by `_`. */
export const PROMPT_NAME_RULE =
  /^(?<team>[a-z][a-z0-9]*)-(?<purpose>[a-z][a-z0-9]*(?:_[a-z0-9]+)*)-(?<lang>es|en)$/;

export interface PromptNameParts {
  team: string;
  purpose: string;
  lang: "es" | "en";
}

/** Builds a name from its parts and refuses one that breaks the convention or AWS's pattern. */
export function promptName(parts: PromptNameParts): string {
  const name = `${parts.team}-${parts.purpose}-${parts.lang}`;
  const problems = namingProblems(name);
  if (problems.length > 0)
    throw new Error(
      `"${name}" is not a valid prompt name: ${problems.join("; ")}.`,
    );
  return name;
}

/** What is wrong with a name, if anything (an empty list means it follows both rules). */
export function namingProblems(name: string): string[] {
  const problems: string[] = [];
  if (!AWS_PROMPT_NAME.test(name))
    problems.push(
      "AWS refuses it (letters and digits, single _ or - between them, at most 100)",
    );
  if (!PROMPT_NAME_RULE.test(name))
    problems.push(
      "it does not follow <team>-<purpose>-<lang> (lower case, purpose words joined by _, lang es or en)",
    );
  return problems;
}

/** The tag that marks everything this chapter creates, so the clean-up can find it. */
export const CHAPTER_TAG = {
  key: "guide-chapter",
  value: "04-managing-prompts",
} as const;

/** Tags for a new prompt: the chapter's mark, who owns it and which team may edit it. */
export function chapterTags(
  owner: string,
  team: string,
): Record<string, string> {
  return { [CHAPTER_TAG.key]: CHAPTER_TAG.value, owner, team };
}
