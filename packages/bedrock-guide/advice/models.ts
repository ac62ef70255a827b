import { same, type Failure, type Rule } from "./rule";
import { regionsOffering } from "../catalog-facts";
import { parseModelReference } from "../model-reference";

// Advice rules: which model a call names, how it must be called from the region, and access to it.

export const modelNotCallableHere: Rule = {
  // The guide's own error (modelIdFor, chooseModelFor): its message already names the regions
  // that offer the model, in the reader's language, so the advice passes it on.
  problem: "model-not-callable-here",
  when: (f) => f.name === "ModelNotCallableHere",
  advise: (f) => ({
    title: {
      es: "Modelo no disponible en esta región",
      en: "Model not callable from this region",
    },
    explanation: { es: f.message, en: f.message },
    fix: {
      es: "Elige un modelo que tu región ofrezca (listModels, capítulo 1) o cambia AWS_REGION a una de las regiones que lo ofrecen.",
      en: "Pick a model your region offers (listModels, chapter 1) or set AWS_REGION to one of the regions that offer it.",
    },
  }),
};

export const useCaseNotSubmitted: Rule = {
  problem: "use-case-not-submitted",
  when: (f) => /use case details have not been submitted/i.test(f.message),
  advise: same({
    title: {
      es: "Falta el formulario de caso de uso de Anthropic",
      en: "Anthropic's use-case form is missing",
    },
    explanation: {
      es: "Antes de la primera llamada a un modelo de Anthropic, cada cuenta envía una vez los datos de su caso de uso (empresa, sector, para qué lo usará). Hasta entonces Bedrock responde ResourceNotFoundException en los modelos de Anthropic.",
      en: "Before its first call to an Anthropic model, each account submits its use-case details once (company, industry, what it is for). Until then Bedrock answers ResourceNotFoundException on Anthropic models.",
    },
    fix: {
      es: "En la consola de Bedrock, abre un modelo de Anthropic en el catálogo de modelos y rellena el formulario que aparece (una vez por cuenta; si usas AWS Organizations, en la cuenta de administración vale para todas). Por código: PutUseCaseForModelAccess con formData (el JSON del formulario). Espera unos 15 minutos y vuelve a ejecutar la celda.",
      en: "In the Bedrock console, open an Anthropic model in the model catalog and fill in the form it shows (once per account; with AWS Organizations, the management account's covers them all). In code: PutUseCaseForModelAccess with formData (the form as JSON). Wait about 15 minutes and run the cell again.",
    },
  }),
};

export const needsInferenceProfile: Rule = {
  problem: "needs-inference-profile",
  when: (f) => /on-demand throughput isn.t supported/i.test(f.message),
  advise: (f) => {
    const profiles = f.profilesHere();
    return {
      title: {
        es: "Este modelo solo se invoca a través de un perfil de inferencia",
        en: "This model is only called through an inference profile",
      },
      explanation: {
        es: `${f.model} no admite llamadas bajo demanda con su ID a secas: AWS reparte su tráfico entre regiones con perfiles de inferencia (prefijos us., eu., apac., global.…).`,
        en: `${f.model} does not accept on-demand calls by its bare ID: AWS spreads its traffic across regions with inference profiles (prefixes us., eu., apac., global.…).`,
      },
      fix: profiles.length
        ? {
            es: `Usa uno de estos perfiles de inferencia de ${f.region} como modelId: ${profiles.map((p) => `\`${p}\``).join(", ")}, o \`await modelIdFor("${f.model}")\`.`,
            en: `Use one of these ${f.region} inference profiles as the modelId: ${profiles.map((p) => `\`${p}\``).join(", ")}, or \`await modelIdFor("${f.model}")\`.`,
          }
        : {
            es: `Busca con ListInferenceProfiles un perfil que contenga ${f.model} y úsalo como modelId.`,
            en: `Find a profile that contains ${f.model} with ListInferenceProfiles and use it as the modelId.`,
          },
    };
  },
};

export const profileNotInRegion: Rule = {
  // A geographic profile (us., eu., apac.…) exists only in its own geography's regions.
  problem: "profile-not-in-region",
  when: (f) =>
    isInvalidModel(f) &&
    parseModelReference(f.model).profilePrefix !== undefined,
  advise: (f) => {
    const here = f.profilesHere();
    if (!here.length || here.includes(f.model)) return undefined;
    const list = here.map((p) => `\`${p}\``).join(", ");
    return {
      title: {
        es: "Ese perfil de inferencia no está en esta región",
        en: "That inference profile is not in this region",
      },
      explanation: {
        es: `${f.model} es un perfil de otra zona geográfica: en ${f.region} no existe, aunque el modelo sí.`,
        en: `${f.model} is a profile for another geography: it does not exist in ${f.region}, though the model does.`,
      },
      fix: {
        es: `Usa un perfil de ${f.region}: ${list}.`,
        en: `Use a profile listed in ${f.region}: ${list}.`,
      },
    };
  },
};

export const modelNotInRegion: Rule = {
  problem: "model-not-in-region",
  when: (f) =>
    isInvalidModel(f) &&
    f.model !== "" &&
    !regionsOffering(f.model).includes(f.region),
  advise: (f) => {
    const elsewhere = regionsOffering(f.model).filter(
      (r) => r !== f.region,
    );
    if (!elsewhere.length) return undefined;
    return {
      title: {
        es: "El modelo no está en esta región",
        en: "The model is not in this region",
      },
      explanation: {
        es: `${f.model} no se ofrece en ${f.region}. Según el catálogo está en: ${elsewhere.join(", ")}.`,
        en: `${f.model} is not offered in ${f.region}. The catalog lists it in: ${elsewhere.join(", ")}.`,
      },
      fix: {
        es: `Crea el cliente para una de esas regiones, por ejemplo \`new BedrockRuntimeClient({ region: "${elsewhere[0]}" })\`, o elige otro modelo disponible en ${f.region}.`,
        en: `Create the client for one of those regions, for example \`new BedrockRuntimeClient({ region: "${elsewhere[0]}" })\`, or pick another model offered in ${f.region}.`,
      },
    };
  },
};

export const invalidModelId: Rule = {
  problem: "invalid-model-id",
  when: isInvalidModel,
  advise: (f) => ({
    title: {
      es: "Identificador de modelo no válido",
      en: "Invalid model identifier",
    },
    explanation: {
      es: `Bedrock no conoce ${f.model ? `"${f.model}"` : "ese modelId"} en ${f.region}: puede estar mal escrito o no existir en esta región.`,
      en: `Bedrock does not know ${f.model ? `"${f.model}"` : "that modelId"} in ${f.region}: it may be misspelt or not exist in this region.`,
    },
    fix: {
      es: "Copia el ID exacto de ListFoundationModels (o el de un perfil de ListInferenceProfiles) para tu región.",
      en: "Copy the exact ID from ListFoundationModels (or a profile ID from ListInferenceProfiles) for your region.",
    },
  }),
};

export const noAccess: Rule = {
  problem: "no-access",
  when: (f) => f.name === "AccessDeniedException",
  advise: same({
    title: { es: "Sin acceso al modelo", en: "No access to the model" },
    explanation: {
      es: "Tu identidad no puede invocar este modelo: o tu política IAM no permite bedrock:InvokeModel sobre él, o falta la suscripción que Bedrock crea en la primera llamada (pide permisos de AWS Marketplace).",
      en: "Your identity cannot invoke this model: either your IAM policy does not allow bedrock:InvokeModel on it, or the subscription Bedrock creates at the first call is missing (it needs AWS Marketplace permissions).",
    },
    fix: {
      es: "Comprueba el acceso con GetFoundationModelAvailability (o `npm run doctor`). Pide bedrock:InvokeModel y, para la primera llamada, aws-marketplace:Subscribe, aws-marketplace:Unsubscribe y aws-marketplace:ViewSubscriptions; la suscripción tarda hasta 15 minutos. Con un perfil global., la política IAM debe incluir también el ARN del modelo sin región (arn:aws:bedrock:::foundation-model/…).",
      en: "Check access with GetFoundationModelAvailability (or `npm run doctor`). Ask for bedrock:InvokeModel and, for the first call, aws-marketplace:Subscribe, aws-marketplace:Unsubscribe and aws-marketplace:ViewSubscriptions; the subscription takes up to 15 minutes. With a global. profile, the IAM policy must also cover the region-less model ARN (arn:aws:bedrock:::foundation-model/…).",
    },
  }),
};

export function isInvalidModel(f: Failure): boolean {
  return /provided model identifier is invalid/i.test(f.message);
}
