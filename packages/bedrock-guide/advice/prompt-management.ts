import type { Language } from "../language";
import { failureOf, firstAdvice } from "./engine";
import type { Advice, Failure, Rule } from "./rule";
import {
  optimizationTargets,
  optimizationTargetsIn,
} from "../prompt-management-facts";

// Advice rules for Prompt Management (bedrock-agent) and OptimizePrompt (bedrock-agent-runtime)
// errors. Each rule needs the SDK command that failed, because the IAM action is named after
// the operation (Service Authorization Reference for Amazon Bedrock: bedrock:CreatePrompt,
// bedrock:GetPrompt, … https://docs.aws.amazon.com/service-authorization/latest/reference/list_bedrock.html).

/** The Prompt Management operations and the IAM action each needs. */
export const PROMPT_MANAGEMENT_ACTIONS: Readonly<Record<string, string>> = {
  CreatePrompt: "bedrock:CreatePrompt",
  GetPrompt: "bedrock:GetPrompt",
  ListPrompts: "bedrock:ListPrompts",
  UpdatePrompt: "bedrock:UpdatePrompt",
  DeletePrompt: "bedrock:DeletePrompt",
  CreatePromptVersion: "bedrock:CreatePromptVersion",
  OptimizePrompt: "bedrock:OptimizePrompt",
  TagResource: "bedrock:TagResource",
  UntagResource: "bedrock:UntagResource",
  ListTagsForResource: "bedrock:ListTagsForResource",
};

/** The IAM action of the failing call when it is a Prompt Management operation, else "". */
function actionOf(f: Failure): string {
  return PROMPT_MANAGEMENT_ACTIONS[f.operation] ?? "";
}

/** The rules for Prompt Management calls, most specific first; each applies only to those calls. */
export const PROMPT_MANAGEMENT_RULES: Rule[] = [
  {
    problem: "no-access",
    when: (f) => actionOf(f) !== "" && f.name === "AccessDeniedException",
    advise: (f) => ({
      title: {
        es: `Falta el permiso ${actionOf(f)}`,
        en: `Missing permission ${actionOf(f)}`,
      },
      explanation: {
        es: `Tu identidad no tiene permiso para ${f.operation}. En Prompt Management cada operación tiene su acción de IAM, y una política limitada por etiquetas (aws:ResourceTag/team) también deniega los prompts de otro equipo.`,
        en: `Your identity may not call ${f.operation}. In Prompt Management each operation has its own IAM action, and a policy scoped by tags (aws:ResourceTag/team) also denies other teams' prompts.`,
      },
      fix: {
        es: `Pide que tu política permita ${actionOf(f)} sobre arn:aws:bedrock:<región>:<cuenta>:prompt/* (o sobre los prompts con la etiqueta de tu equipo).`,
        en: `Ask for a policy that allows ${actionOf(f)} on arn:aws:bedrock:<region>:<account>:prompt/* (or on the prompts tagged for your team).`,
      },
    }),
  },
  {
    problem: "invalid-request",
    when: (f) =>
      actionOf(f) === "bedrock:OptimizePrompt" &&
      f.name === "ValidationException" &&
      /model/i.test(f.message),
    advise: ({ clientRegion: region }) => {
      // Name the targets that are still current and, when the region is known, listed there; the
      // full list and its source are in the data file.
      const { source, regions } = optimizationTargets();
      const list = optimizationTargetsIn(region).join(", ") || "—";
      const here = region
        ? {
            es: ` y ofrecidos en ${region}`,
            en: ` and offered in ${region}`,
          }
        : { es: "", en: "" };
      const notOffered =
        region && !regions.includes(region)
          ? {
              es: ` Además, AWS no ofrece la optimización en ${region}: solo en ${regions.join(", ")}.`,
              en: ` Also, AWS does not offer optimisation in ${region}: only in ${regions.join(", ")}.`,
            }
          : { es: "", en: "" };
      return {
        title: {
          es: "Ese modelo no puede ser destino de la optimización",
          en: "That model cannot be an optimisation target",
        },
        explanation: {
          es: `OptimizePrompt solo reescribe prompts para algunos modelos, y pide su ID base (no un perfil de inferencia). Los que siguen activos${here.es}: ${list}.${notOffered.es}`,
          en: `OptimizePrompt only rewrites prompts for some models, and takes their base ID (not an inference profile). The ones still active${here.en}: ${list}.${notOffered.en}`,
        },
        fix: {
          es: `Pasa uno de ellos como targetModelId y usa el resultado con tu modelo. Lista completa: ${source}`,
          en: `Pass one of them as targetModelId and use the result with your model. Full list: ${source}`,
        },
      };
    },
  },
  {
    problem: "invalid-request",
    when: (f) =>
      actionOf(f) !== "" &&
      f.name === "ValidationException" &&
      /at 'name' failed to satisfy constraint/.test(f.message),
    advise: () => ({
      title: {
        es: "Nombre de prompt no válido",
        en: "Invalid prompt name",
      },
      explanation: {
        es: "AWS solo admite en el nombre letras y cifras, con un único _ o - entre ellas, hasta 100: ni espacios, ni puntos, ni dos separadores seguidos.",
        en: "AWS accepts only letters and digits in the name, with a single _ or - between them, up to 100: no spaces, dots or two separators in a row.",
      },
      fix: {
        es: "Usa un nombre como equipo-proposito-es, que cumple ^([0-9a-zA-Z][_-]?){1,100}$.",
        en: "Use a name such as team-purpose-en, which matches ^([0-9a-zA-Z][_-]?){1,100}$.",
      },
    }),
  },
  {
    problem: "prompt-not-found",
    when: (f) =>
      actionOf(f) !== "" && f.name === "ResourceNotFoundException",
    advise: () => ({
      title: {
        es: "Ese prompt no existe aquí",
        en: "That prompt does not exist here",
      },
      explanation: {
        es: "No hay ningún prompt (o versión) con ese ID en esta cuenta y región: puede estar mal copiado, borrado o en otra región.",
        en: "No prompt (or version) has that ID in this account and region: it may be mistyped, deleted, or in another region.",
      },
      fix: {
        es: "Busca el ID o el ARN con ListPrompts en la región del cliente; un ARN lleva su región (arn:aws:bedrock:<región>:…).",
        en: "Look the ID or ARN up with ListPrompts in the client's region; an ARN carries its region (arn:aws:bedrock:<region>:…).",
      },
    }),
  },
];

/**
 * Advice for an error from a Prompt Management call, or undefined when the operation is not one of
 * them or no rule fits (the general advice then applies). `operation` is the SDK command's name,
 * with or without the `Command` suffix; `region`, when known, narrows the models it names.
 */
export function promptManagementAdvice(
  error: unknown,
  operation: string | undefined,
  lang: Language,
  region?: string,
): Advice | undefined {
  return firstAdvice(
    PROMPT_MANAGEMENT_RULES,
    failureOf(error, { operation, lang, region }),
  );
}
