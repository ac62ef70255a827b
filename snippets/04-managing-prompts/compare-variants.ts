import {
  BedrockAgentClient,
  CreatePromptVersionCommand,
  GetPromptCommand,
  UpdatePromptCommand,
} from "@aws-sdk/client-bedrock-agent";
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
 * Runs every variant on the same inputs and scores the answers with chapter 3's checks. A prompt
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
          // Only temperature: Claude Sonnet 4.5, Haiku 4.5, later Claude models and Opus 4.1
          // refuse it with topP (data/sampling-rules.json).
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

/**
 * The variant to keep: the one with the most cases that passed every check; between equals, the
 * cheaper (a variant with an unknown cost loses that tie), then the one listed first. None when
 * no variant passed a single case: then there is nothing worth saving.
 */
export function pickWinner(
  comparison: PromptComparison,
  drafts: VariantDraft[],
): VariantDraft | undefined {
  const score = (draft: VariantDraft) => {
    const runs = comparison.runs.filter((r) => r.variant === draft.name);
    const costs = runs.map((r) => r.costUsd);
    return {
      draft,
      passed: runs.filter((r) => r.passed).length,
      cost: costs.includes(undefined)
        ? Infinity
        : costs.reduce((sum, c) => sum! + c!, 0)!,
    };
  };
  const [best] = drafts
    .map(score)
    .sort((a, b) => b.passed - a.passed || a.cost - b.cost);
  return best && best.passed > 0 ? best.draft : undefined;
}

/**
 * Saves a variant into a stored prompt: UpdatePrompt replaces the DRAFT's variant with the
 * winner's text, model (resolved for this region) and parameters, keeping the prompt's name,
 * description, key and variant name; then CreatePromptVersion freezes it, with a description
 * that says why.
 */
export async function keepWinner(
  promptId: string,
  winner: VariantDraft,
  versionDescription: string,
) {
  const agent = new BedrockAgentClient({});
  const draft = await agent.send(
    new GetPromptCommand({ promptIdentifier: promptId }),
  );
  const variantName = draft.defaultVariant ?? "main";
  await agent.send(
    new UpdatePromptCommand({
      promptIdentifier: promptId,
      name: draft.name,
      description: draft.description,
      customerEncryptionKeyArn: draft.customerEncryptionKeyArn,
      defaultVariant: variantName,
      variants: [
        {
          name: variantName,
          templateType: "TEXT",
          templateConfiguration: {
            text: {
              text: winner.template,
              inputVariables: templateVariables(winner.template).map(
                (name) => ({ name }),
              ),
            },
          },
          modelId: await modelIdFor(winner.foundationModelId),
          inferenceConfiguration: {
            text: {
              temperature: winner.temperature,
              maxTokens: winner.maxTokens,
            },
          },
        },
      ],
    }),
  );
  return agent.send(
    new CreatePromptVersionCommand({
      promptIdentifier: promptId,
      description: versionDescription,
    }),
  );
}
