import type { ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";
import {
  checks,
  comparePrompts,
  currentLanguage,
  modelIdFor,
  ModelNotCallableHere,
  say,
  templateVariables,
  type Check,
  type Language,
  type PromptComparison,
} from "bedrock-guide";

/** One variant as the console's "Compare variants" sets it up: its own text, model and parameters. */
export interface VariantDraft {
  name: string;
  foundationModelId: string;
  /** A template with `{{variables}}`. */
  template: string;
  temperature: number;
  maxTokens: number;
}

/**
 * Fills each `{{name}}` in one pass, with the variables AWS's rule finds (`templateVariables`); a
 * variable without a value is an error, as the emulator makes it.
 */
export function fillTemplate(
  template: string,
  values: Record<string, string>,
): string {
  const names = templateVariables(template);
  const missing = names.filter((name) => !(name in values));
  if (missing.length)
    throw new Error(
      say(
        {
          es: `La plantilla usa ${missing.map((n) => `{{${n}}}`).join(", ")} sin valor.`,
          en: `The template uses ${missing.map((n) => `{{${n}}}`).join(", ")} but no value was given.`,
        },
        currentLanguage(),
      ),
    );
  return template.replace(
    /\{\{([\s\S]*?)\}\}/g,
    (_, name: string) => values[name],
  );
}

/**
 * Runs every variant on the same inputs and scores the answers with chapter 2's checks. A prompt
 * stores one variant (the API's PromptVariantList holds at most 1), so the comparison runs the
 * drafts as plain Converse requests; you save the winner afterwards.
 */
export async function compareVariants(
  drafts: VariantDraft[],
  cases: { input: Record<string, string>; checks: Check[] }[],
): Promise<PromptComparison> {
  const variants = await Promise.all(
    drafts.map(async (draft) => {
      // Each variant resolves its own model. One this region cannot call keeps its bare ID, so its
      // calls fail in its own row, with the guide's advice, and the other variants still run.
      const modelId = await modelIdFor(draft.foundationModelId).catch(
        (error: unknown) => {
          if (error instanceof ModelNotCallableHere)
            return draft.foundationModelId;
          throw error;
        },
      );
      return {
        name: draft.name,
        request: (input: Record<string, string>): ConverseCommandInput => ({
          modelId,
          messages: [
            {
              role: "user",
              content: [{ text: fillTemplate(draft.template, input) }],
            },
          ],
          // Only temperature: recent Claude models refuse temperature and topP together.
          inferenceConfig: {
            temperature: draft.temperature,
            maxTokens: draft.maxTokens,
          },
        }),
      };
    }),
  );
  return comparePrompts({ variants, cases, concurrency: 4 });
}

/** What a summary must do: keep to the word limit the input asks for, in the reader's language. */
export function summaryChecks(maxWords: number, lang: Language): Check[] {
  return [checks.maxWords(maxWords), checks.language(lang)];
}
