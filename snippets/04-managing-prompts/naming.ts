// The chapter's naming rule and tags, as code: every prompt the chapter creates goes through here.
import { currentLanguage, say } from "bedrock-guide";

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
      say(
        {
          es: `"${name}" no vale como nombre de prompt: ${problems.join("; ")}.`,
          en: `"${name}" is not a valid prompt name: ${problems.join("; ")}.`,
        },
        currentLanguage(),
      ),
    );
  return name;
}

/**
 * What is wrong with a name, in the reader's language (an empty list means it follows both
 * rules).
 */
export function namingProblems(name: string): string[] {
  const lang = currentLanguage();
  const problems: string[] = [];
  if (!AWS_PROMPT_NAME.test(name))
    problems.push(
      say(
        {
          es: "AWS lo rechaza (letras y cifras, con un solo _ o - entre ellas, 100 como máximo)",
          en: "AWS refuses it (letters and digits, single _ or - between them, at most 100)",
        },
        lang,
      ),
    );
  if (!PROMPT_NAME_RULE.test(name))
    problems.push(
      say(
        {
          es: "no sigue <equipo>-<propósito>-<idioma> (en minúsculas, las palabras del propósito unidas con _, idioma es o en)",
          en: "it does not follow <team>-<purpose>-<lang> (lower case, purpose words joined by _, lang es or en)",
        },
        lang,
      ),
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
