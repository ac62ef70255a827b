import { promptManagementAdvice } from "./prompt-management-advice";
import {
  profilesFor,
  regionsOffering,
  retirementOf,
} from "./catalog-facts";
import {
  currentLanguage,
  say,
  type Bilingual,
  type Language,
} from "./language";
import { parseModelReference } from "./prices";

/** The problems a newcomer to Bedrock meets most, each with its own advice. */
export type Problem =
  | "no-credentials"
  | "expired-credentials"
  | "invalid-credentials"
  | "no-region"
  | "model-not-in-region"
  | "profile-not-in-region"
  | "invalid-model-id"
  | "needs-inference-profile"
  | "legacy-model"
  | "end-of-life"
  | "no-access"
  | "throttling"
  | "quota"
  | "budget"
  | "cannot-connect"
  | "temperature-with-top-p"
  | "invalid-request"
  | "prompt-not-found"
  | "unknown";

export interface Advice {
  problem: Problem;
  title: string;
  explanation: string;
  fix: string;
}

export interface AdviceContext {
  /** The modelId the failing call used, if any. */
  modelId?: string;
  region?: string;
  lang?: Language;
  /** The SDK command that failed (e.g. "CreatePromptCommand"): Prompt Management advice names its IAM action. */
  operation?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Recognises the problem behind an error from the AWS SDK (or the guide) and says how to fix it. */
export function explainError(
  error: unknown,
  context: AdviceContext = {},
): Advice {
  const e = (error ?? {}) as ErrorLike;
  const name = e.name ?? "";
  const message = e.message ?? String(error);
  const lang = context.lang ?? currentLanguage();
  const region =
    context.region ??
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION ??
    "?";
  const model = context.modelId ?? modelIdIn(message) ?? "";
  const forPrompts = promptManagementAdvice(error, context.operation, lang);
  if (forPrompts) return forPrompts;
  const advice = (
    problem: Problem,
    title: Bilingual,
    explanation: Bilingual,
    fix: Bilingual,
  ): Advice => ({
    problem,
    title: say(title, lang),
    explanation: say(explanation, lang),
    fix: say(fix, lang),
  });

  if (name === "BudgetExceededError") {
    return advice(
      "budget",
      { es: "Presupuesto agotado", en: "Budget spent" },
      {
        es: "La guía ha dejado de llamar a modelos en vivo porque esta sesión ya gastó su presupuesto.",
        en: "The guide stopped calling live models because this session has spent its budget.",
      },
      {
        es: "Si quieres seguir, sube el límite con BEDROCK_GUIDE_BUDGET_USD (en dólares) y reinicia el kernel, o vuelve al modo sin conexión.",
        en: "To go on, raise the limit with BEDROCK_GUIDE_BUDGET_USD (in dollars) and restart the kernel, or go back to offline mode.",
      },
    );
  }
  if (
    name === "CredentialsProviderError" ||
    /Could not load credentials|credential.*not found|Unable to locate credentials/i.test(
      message,
    )
  ) {
    return advice(
      "no-credentials",
      { es: "No hay credenciales de AWS", en: "No AWS credentials" },
      {
        es: "El SDK recorrió la cadena estándar de credenciales (variables de entorno, perfil de ~/.aws, SSO, rol de la máquina) y no encontró ninguna.",
        en: "The SDK walked the standard credential chain (environment variables, ~/.aws profile, SSO, machine role) and found none.",
      },
      {
        es: "Inicia sesión con `aws sso login --profile <perfil>` y exporta AWS_PROFILE=<perfil> antes de arrancar Jupyter. Para seguir sin cuenta, quita BEDROCK_GUIDE_MODE=live: el modo sin conexión no necesita credenciales.",
        en: "Sign in with `aws sso login --profile <profile>` and export AWS_PROFILE=<profile> before you start Jupyter. To go on without an account, unset BEDROCK_GUIDE_MODE=live: offline mode needs no credentials.",
      },
    );
  }
  if (
    name === "ExpiredTokenException" ||
    /token.*expired|expired.*token/i.test(message)
  ) {
    return advice(
      "expired-credentials",
      {
        es: "Las credenciales han caducado",
        en: "The credentials have expired",
      },
      {
        es: "Las credenciales temporales (SSO o un rol asumido) tienen una duración limitada y esta ya pasó.",
        en: "Temporary credentials (SSO or an assumed role) last a limited time, and this one is over.",
      },
      {
        es: "Renueva la sesión con `aws sso login --profile <perfil>` y vuelve a ejecutar la celda.",
        en: "Renew the session with `aws sso login --profile <profile>` and run the cell again.",
      },
    );
  }
  if (
    name === "UnrecognizedClientException" ||
    name === "InvalidSignatureException" ||
    /security token included in the request is invalid|signature we calculated does not match/i.test(
      message,
    )
  ) {
    return advice(
      "invalid-credentials",
      {
        es: "AWS no reconoce las credenciales",
        en: "AWS does not recognise the credentials",
      },
      {
        es: "La clave de acceso no existe, está mal copiada o no corresponde a la clave secreta.",
        en: "The access key does not exist, was copied wrongly, or does not match the secret key.",
      },
      {
        es: "Revisa AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o usa un perfil SSO en lugar de claves fijas.",
        en: "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use an SSO profile instead of long-lived keys.",
      },
    );
  }
  if (/Region is missing/i.test(message)) {
    return advice(
      "no-region",
      { es: "Falta la región", en: "The region is missing" },
      {
        es: "Cada llamada a Bedrock va a una región concreta y el SDK no encontró ninguna configurada.",
        en: "Every Bedrock call goes to one region, and the SDK found none configured.",
      },
      {
        es: 'Exporta AWS_REGION (por ejemplo us-east-1) o pásala al cliente: `new BedrockRuntimeClient({ region: "us-east-1" })`.',
        en: 'Export AWS_REGION (for example us-east-1) or pass it to the client: `new BedrockRuntimeClient({ region: "us-east-1" })`.',
      },
    );
  }
  if (/on-demand throughput isn.t supported/i.test(message)) {
    const profiles = profilesFor(model, region);
    const suggestion = profiles.length
      ? {
          es: `Usa uno de estos perfiles de inferencia de ${region} como modelId: ${profiles.map((p) => `\`${p}\``).join(", ")}.`,
          en: `Use one of these ${region} inference profiles as the modelId: ${profiles.map((p) => `\`${p}\``).join(", ")}.`,
        }
      : {
          es: `Busca con ListInferenceProfiles un perfil que contenga ${model} y úsalo como modelId.`,
          en: `Find a profile that contains ${model} with ListInferenceProfiles and use it as the modelId.`,
        };
    return advice(
      "needs-inference-profile",
      {
        es: "Este modelo solo se invoca a través de un perfil de inferencia",
        en: "This model is only called through an inference profile",
      },
      {
        es: `${model} no admite llamadas bajo demanda con su ID a secas: AWS reparte su tráfico entre regiones con perfiles de inferencia (prefijos us., eu., apac., global.…).`,
        en: `${model} does not accept on-demand calls by its bare ID: AWS spreads its traffic across regions with inference profiles (prefixes us., eu., apac., global.…).`,
      },
      suggestion,
    );
  }
  if (/marked by provider as Legacy/i.test(message)) {
    const r = retirementOf(model);
    return advice(
      "legacy-model",
      { es: "Modelo en estado Legacy", en: "Legacy model" },
      {
        es: `${model} está en estado Legacy: solo lo pueden seguir usando las cuentas que lo llamaron hace poco, y dejará de existir${r?.endOfLife ? ` el ${r.endOfLife.slice(0, 10)}` : ""}.`,
        en: `${model} is Legacy: only accounts that called it recently can keep using it, and it goes away${r?.endOfLife ? ` on ${r.endOfLife.slice(0, 10)}` : ""}.`,
      },
      replacementFix(r?.replacement, lang),
    );
  }
  if (/reached the end of its life/i.test(message)) {
    const r = retirementOf(model);
    return advice(
      "end-of-life",
      { es: "Modelo retirado", en: "Retired model" },
      {
        es: `${model || "Este modelo"} llegó al fin de su vida útil${r?.endOfLife ? ` (${r.endOfLife.slice(0, 10)})` : ""} y ya no responde en Bedrock.`,
        en: `${model || "This model"} reached its end of life${r?.endOfLife ? ` (${r.endOfLife.slice(0, 10)})` : ""} and no longer answers on Bedrock.`,
      },
      replacementFix(r?.replacement, lang),
    );
  }
  if (/provided model identifier is invalid/i.test(message)) {
    // A geographic profile (us., eu., apac.…) exists only in its own geography's regions.
    const profilesHere = parseModelReference(model).profilePrefix
      ? profilesFor(model, region)
      : [];
    if (profilesHere.length && !profilesHere.includes(model)) {
      const list = profilesHere.map((p) => `\`${p}\``).join(", ");
      return advice(
        "profile-not-in-region",
        {
          es: "Ese perfil de inferencia no está en esta región",
          en: "That inference profile is not in this region",
        },
        {
          es: `${model} es un perfil de otra zona geográfica: en ${region} no existe, aunque el modelo sí.`,
          en: `${model} is a profile for another geography: it does not exist in ${region}, though the model does.`,
        },
        {
          es: `Usa un perfil de ${region}: ${list}.`,
          en: `Use a profile listed in ${region}: ${list}.`,
        },
      );
    }
    const elsewhere = regionsOffering(model).filter((r) => r !== region);
    if (
      model &&
      elsewhere.length &&
      !regionsOffering(model).includes(region)
    ) {
      return advice(
        "model-not-in-region",
        {
          es: "El modelo no está en esta región",
          en: "The model is not in this region",
        },
        {
          es: `${model} no se ofrece en ${region}. Según el catálogo está en: ${elsewhere.join(", ")}.`,
          en: `${model} is not offered in ${region}. The catalog lists it in: ${elsewhere.join(", ")}.`,
        },
        {
          es: `Crea el cliente para una de esas regiones, por ejemplo \`new BedrockRuntimeClient({ region: "${elsewhere[0]}" })\`, o elige otro modelo disponible en ${region}.`,
          en: `Create the client for one of those regions, for example \`new BedrockRuntimeClient({ region: "${elsewhere[0]}" })\`, or pick another model offered in ${region}.`,
        },
      );
    }
    return advice(
      "invalid-model-id",
      {
        es: "Identificador de modelo no válido",
        en: "Invalid model identifier",
      },
      {
        es: `Bedrock no conoce ${model ? `"${model}"` : "ese modelId"} en ${region}: puede estar mal escrito o no existir en esta región.`,
        en: `Bedrock does not know ${model ? `"${model}"` : "that modelId"} in ${region}: it may be misspelt or not exist in this region.`,
      },
      {
        es: "Copia el ID exacto de ListFoundationModels (o el de un perfil de ListInferenceProfiles) para tu región.",
        en: "Copy the exact ID from ListFoundationModels (or a profile ID from ListInferenceProfiles) for your region.",
      },
    );
  }
  if (name === "AccessDeniedException") {
    return advice(
      "no-access",
      { es: "Sin acceso al modelo", en: "No access to the model" },
      {
        es: "Tu identidad no puede invocar este modelo: falta aceptar el acuerdo del proveedor (algunos lo piden la primera vez) o tu política IAM no permite bedrock:InvokeModel sobre él.",
        en: "Your identity cannot invoke this model: the provider's agreement has not been accepted (some ask for it the first time) or your IAM policy does not allow bedrock:InvokeModel on it.",
      },
      {
        es: "Comprueba el acceso con GetFoundationModelAvailability; si el acuerdo está pendiente, acéptalo en el catálogo de modelos de la consola de Bedrock. Si es IAM, pide permiso bedrock:InvokeModel (y aws-marketplace:Subscribe la primera vez).",
        en: "Check access with GetFoundationModelAvailability; if the agreement is pending, accept it in the Bedrock console's model catalog. If it is IAM, ask for bedrock:InvokeModel (and aws-marketplace:Subscribe the first time).",
      },
    );
  }
  if (
    name === "ThrottlingException" ||
    e.$metadata?.httpStatusCode === 429
  ) {
    return advice(
      "throttling",
      { es: "Demasiadas peticiones", en: "Too many requests" },
      {
        es: "Bedrock limita las peticiones y los tokens por minuto de cada modelo y cuenta; has superado el límite incluso después de los reintentos del SDK.",
        en: "Bedrock limits requests and tokens per minute per model and account; you went over the limit even after the SDK's retries.",
      },
      {
        es: 'Lanza menos llamadas a la vez, espera unos segundos, usa `retryMode: "adaptive"` y más `maxAttempts` en el cliente, o un perfil de inferencia entre regiones. Las cuotas están en Service Quotas.',
        en: 'Make fewer calls at once, wait a few seconds, use `retryMode: "adaptive"` and more `maxAttempts` on the client, or a cross-region inference profile. Quotas live in Service Quotas.',
      },
    );
  }
  if (name === "ServiceQuotaExceededException") {
    return advice(
      "quota",
      { es: "Cuota superada", en: "Quota exceeded" },
      {
        es: "La petición supera una cuota de tu cuenta para este modelo (tokens por minuto o tamaño).",
        en: "The request goes over one of your account's quotas for this model (tokens per minute or size).",
      },
      {
        es: "Reduce maxTokens o el tamaño de la entrada, o pide más cuota en Service Quotas.",
        en: "Lower maxTokens or the input size, or request more quota in Service Quotas.",
      },
    );
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up|connect ETIMEDOUT/i.test(
      `${e.code ?? ""} ${message}`,
    )
  ) {
    return advice(
      "cannot-connect",
      { es: "No hay conexión con Bedrock", en: "Cannot reach Bedrock" },
      {
        es: "El SDK no pudo abrir una conexión con el endpoint.",
        en: "The SDK could not open a connection to the endpoint.",
      },
      {
        es: "Sin conexión: ejecuta primero la celda de preparación (`startGuide()`), que arranca el emulador. En vivo: revisa tu red y AWS_ENDPOINT_URL.",
        en: "Offline: run the setup cell (`startGuide()`) first; it starts the emulator. Live: check your network and AWS_ENDPOINT_URL.",
      },
    );
  }
  if (
    /`?temperature`? and `?top_?p`? cannot both be specified/i.test(message)
  ) {
    return advice(
      "temperature-with-top-p",
      {
        es: "temperature y topP a la vez",
        en: "temperature and topP together",
      },
      {
        es: `${model || "Este modelo"} no acepta temperature y topP en la misma petición: Claude Sonnet 4.5, Haiku 4.5 y los Claude posteriores solo admiten uno de los dos.`,
        en: `${model || "This model"} does not accept temperature and topP in the same request: Claude Sonnet 4.5, Haiku 4.5 and later Claude models take only one of them.`,
      },
      {
        es: "Deja solo uno de los dos, temperature o topP (en el cuerpo de InvokeModel, temperature o top_p); para estos modelos Anthropic recomienda temperature.",
        en: "Set only one of temperature or topP (in an InvokeModel body, temperature or top_p); for these models Anthropic recommends temperature.",
      },
    );
  }
  if (name === "ValidationException") {
    return advice(
      "invalid-request",
      { es: "Petición no válida", en: "Invalid request" },
      {
        es: "El modelo o la API rechazaron algún campo de la petición; el mensaje de AWS dice cuál.",
        en: "The model or the API rejected a field of the request; AWS's message says which.",
      },
      {
        es: "Compara la petición con lo que acepta el modelo (Converse normaliza casi todo; InvokeModel usa el formato propio de cada proveedor).",
        en: "Compare the request with what the model accepts (Converse normalises most of it; InvokeModel uses each provider's own format).",
      },
    );
  }
  return advice(
    "unknown",
    { es: "Error inesperado", en: "Unexpected error" },
    {
      es: `${name || "Error"}: la guía no reconoce este caso.`,
      en: `${name || "Error"}: the guide does not recognise this case.`,
    },
    {
      es: "Lee el mensaje de AWS de arriba; si crees que es un fallo de la guía, abre una incidencia con la celda que lo provoca.",
      en: "Read AWS's message above; if you think the guide is at fault, open an issue with the cell that caused it.",
    },
  );
}

function replacementFix(
  replacement: string | undefined,
  lang: Language,
): Bilingual {
  if (
    replacement &&
    !replacement.startsWith("none named") &&
    !replacement.startsWith("(")
  ) {
    return {
      es: `Cámbialo por su sucesor: ${replacement}.`,
      en: `Move to its successor: ${replacement}.`,
    };
  }
  void lang;
  return {
    es: "El proveedor no nombra un sucesor: elige un modelo activo para la misma tarea con ListFoundationModels (byOutputModality) y compáralo con tu caso.",
    en: "The provider names no successor: pick an active model for the same task with ListFoundationModels (byOutputModality) and compare it on your case.",
  };
}

function modelIdIn(message: string): string | undefined {
  return /model ID ([\w.:\-/]+)/i.exec(message)?.[1]?.replace(/[.]$/, "");
}

/** The advice as a short text block, ready to print or to append to the error. */
export function formatAdvice(advice: Advice): string {
  return `💡 ${advice.title}. ${advice.explanation}\n   → ${advice.fix}`;
}

/**
 * Attaches advice to an error (as `error.advice`, and after its message so a notebook shows it
 * under the AWS text). Done once per error; the error's type and status stay as AWS sent them.
 */
export function adviseOn(
  error: unknown,
  context: AdviceContext = {},
): Advice | undefined {
  if (!error || typeof error !== "object") return undefined;
  const target = error as { advice?: Advice; message?: string };
  if (target.advice) return target.advice;
  const advice = explainError(error, context);
  target.advice = advice;
  if (typeof target.message === "string")
    target.message = `${target.message}\n\n${formatAdvice(advice)}`;
  return advice;
}
