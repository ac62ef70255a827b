import { currentLanguage, say, type Language } from "./language";

// The `{{name}}` variables of a Prompt Management template, by AWS's own rule: the bedrock-agent
// service model (2023-06-05) names a variable with PromptInputVariableName, pattern
// `([0-9a-zA-Z][_-]?){1,100}` (CloudFormation's AWS::Bedrock::Prompt anchors it: ^…$), and
// PromptInputVariablesList holds at most 20. Letters are ASCII only, and a name may have hyphens.

/** AWS's PromptInputVariableName pattern, anchored: the whole name must match. */
export const TEMPLATE_VARIABLE_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;

/** PromptInputVariablesList @length(max: 20). */
export const MAX_TEMPLATE_VARIABLES = 20;

/** A template whose `{{…}}` AWS would not accept as prompt variables. */
export class TemplateVariableError extends Error {
  override name = "TemplateVariableError";
  constructor(
    /** Each problem, in the reader's language. */
    readonly problems: string[],
    lang: Language,
  ) {
    super(
      `${say(
        {
          es: "La plantilla no cumple las reglas de AWS para las variables {{nombre}} (letras ASCII y cifras, con un solo _ o - entre ellas, hasta 20 variables)",
          en: "The template breaks AWS's rules for {{name}} variables (ASCII letters and digits, a single _ or - between them, at most 20 variables)",
        },
        lang,
      )}:\n- ${problems.join("\n- ")}`,
    );
  }
}

/**
 * The variables a template uses, each once, in order of first appearance. Every `{{…}}` must hold
 * a name AWS accepts and there may be at most 20 different ones; otherwise it throws a
 * TemplateVariableError that lists every problem.
 */
export function templateVariables(
  text: string,
  lang: Language = currentLanguage(),
): string[] {
  const names: string[] = [];
  const problems: string[] = [];
  for (const [whole, inside] of text.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    if (!TEMPLATE_VARIABLE_NAME.test(inside))
      problems.push(
        say(
          {
            es: `${whole} no es un nombre de variable válido`,
            en: `${whole} is not a valid variable name`,
          },
          lang,
        ),
      );
    else if (!names.includes(inside)) names.push(inside);
  }
  if (names.length > MAX_TEMPLATE_VARIABLES)
    problems.push(
      say(
        {
          es: `usa ${names.length} variables distintas y AWS admite ${MAX_TEMPLATE_VARIABLES} como máximo`,
          en: `it uses ${names.length} different variables and AWS accepts at most ${MAX_TEMPLATE_VARIABLES}`,
        },
        lang,
      ),
    );
  if (problems.length) throw new TemplateVariableError(problems, lang);
  return names;
}
