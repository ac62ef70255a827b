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
import { parseModelReference } from "./model-reference";
import { isOptInRegion } from "./regions";

/** The problems a newcomer to Bedrock meets most, each with its own advice. */
export type Problem =
  | "model-not-callable-here"
  | "no-credentials"
  | "expired-credentials"
  | "region-not-enabled"
  | "invalid-credentials"
  | "no-region"
  | "region-without-bedrock"
  | "model-not-in-region"
  | "profile-not-in-region"
  | "invalid-model-id"
  | "needs-inference-profile"
  | "use-case-not-submitted"
  | "legacy-model"
  | "extended-access"
  | "end-of-life"
  | "no-access"
  | "daily-token-quota"
  | "throttling"
  | "quota"
  | "budget"
  | "cannot-connect"
  | "temperature-refused"
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
  /**
   * The system profiles the region lists for the model, as ListInferenceProfiles answered in this
   * session. The guide's clients pass them; without them, advice falls back to the catalog capture.
   */
  profilesHere?: string[];
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** What a rule sees of the failure. */
interface Failure {
  name: string;
  message: string;
  code: string;
  status?: number;
  model: string;
  region: string;
  lang: Language;
  /** The region's profiles for the model: asked live when the caller could, else the capture. */
  profilesHere: () => string[];
}

interface Text {
  title: Bilingual;
  explanation: Bilingual;
  fix: Bilingual;
}

interface Rule {
  problem: Problem;
  when: (f: Failure) => boolean;
  /** The advice, or undefined to let a later rule answer. */
  advise: (f: Failure) => Text | undefined;
}

const same = (text: Text) => () => text;

/** The advice rules, most specific first: the first rule that matches and answers wins. */
const RULES: Rule[] = [
  {
    problem: "budget",
    when: (f) => f.name === "BudgetExceededError",
    advise: same({
      title: { es: "Presupuesto agotado", en: "Budget spent" },
      explanation: {
        es: "La guía ha dejado de llamar a modelos en vivo porque esta sesión ya gastó su presupuesto.",
        en: "The guide stopped calling live models because this session has spent its budget.",
      },
      fix: {
        es: "Si quieres seguir, sube el límite con BEDROCK_GUIDE_BUDGET_USD (en dólares) y reinicia el kernel, o vuelve al modo sin conexión.",
        en: "To go on, raise the limit with BEDROCK_GUIDE_BUDGET_USD (in dollars) and restart the kernel, or go back to offline mode.",
      },
    }),
  },
  {
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
  },
  {
    problem: "extended-access",
    when: (f) => f.name === "ExtendedAccessPriceUnknown",
    advise: (f) => ({
      title: {
        es: "Modelo en acceso extendido",
        en: "Model in extended access",
      },
      explanation: {
        es: `${f.model || "Este modelo"} es Legacy y está en su periodo de acceso extendido público, en el que AWS puede cobrar más que el precio bajo demanda. La guía no tiene ese precio con fuente, así que no puede controlar el presupuesto.`,
        en: `${f.model || "This model"} is Legacy and in its public extended access period, when AWS may charge more than the on-demand price. The guide has no sourced price for it, so it cannot keep to the budget.`,
      },
      fix: {
        es: "Usa su sucesor activo. Si aun así quieres llamarlo, exporta BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1 y reinicia el kernel: el medidor lo mostrará como coste desconocido, nunca como 0 $.",
        en: "Use its active successor. To call it anyway, export BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1 and restart the kernel: the meter shows it as an unknown cost, never as $0.",
      },
    }),
  },
  {
    problem: "no-credentials",
    when: (f) =>
      f.name === "CredentialsProviderError" ||
      /Could not load credentials|credential.*not found|Unable to locate credentials/i.test(
        f.message,
      ),
    advise: same({
      title: { es: "No hay credenciales de AWS", en: "No AWS credentials" },
      explanation: {
        es: "El SDK recorrió la cadena estándar de credenciales (variables de entorno, perfil de ~/.aws, SSO, rol de la máquina) y no encontró ninguna.",
        en: "The SDK walked the standard credential chain (environment variables, ~/.aws profile, SSO, machine role) and found none.",
      },
      fix: {
        es: "Inicia sesión con `aws sso login --profile <perfil>` y exporta AWS_PROFILE=<perfil> antes de arrancar Jupyter. Para seguir sin cuenta, quita BEDROCK_GUIDE_MODE=live: el modo sin conexión no necesita credenciales.",
        en: "Sign in with `aws sso login --profile <profile>` and export AWS_PROFILE=<profile> before you start Jupyter. To go on without an account, unset BEDROCK_GUIDE_MODE=live: offline mode needs no credentials.",
      },
    }),
  },
  {
    problem: "expired-credentials",
    when: (f) =>
      f.name === "ExpiredTokenException" ||
      /token.*expired|expired.*token/i.test(f.message),
    advise: same({
      title: {
        es: "Las credenciales han caducado",
        en: "The credentials have expired",
      },
      explanation: {
        es: "Las credenciales temporales (SSO o un rol asumido) tienen una duración limitada y esta ya pasó.",
        en: "Temporary credentials (SSO or an assumed role) last a limited time, and this one is over.",
      },
      fix: {
        es: "Renueva la sesión con `aws sso login --profile <perfil>` y vuelve a ejecutar la celda.",
        en: "Renew the session with `aws sso login --profile <profile>` and run the cell again.",
      },
    }),
  },
  {
    // In a region the account has not enabled, every key looks invalid.
    problem: "region-not-enabled",
    when: (f) => isOptInRegion(f.region) && isInvalidToken(f),
    advise: (f) => ({
      title: {
        es: "La región no está activada en tu cuenta",
        en: "The region is not enabled in your account",
      },
      explanation: {
        es: `${f.region} es una región de activación voluntaria (opt-in): hasta que alguien la activa en la cuenta, AWS no acepta allí ninguna credencial y responde "The security token included in the request is invalid".`,
        en: `${f.region} is an opt-in region: until someone enables it for the account, AWS accepts no credentials there and answers "The security token included in the request is invalid".`,
      },
      fix: {
        es: `Actívala en la consola (menú de la cuenta → Cuenta → Regiones de AWS → Activar) o con \`aws account enable-region --region-name ${f.region}\`; tarda unos minutos. O usa una región ya activa, por ejemplo eu-west-1.`,
        en: `Enable it in the console (account menu → Account → AWS Regions → Enable) or with \`aws account enable-region --region-name ${f.region}\`; it takes a few minutes. Or use a region that is already enabled, for example eu-west-1.`,
      },
    }),
  },
  {
    problem: "invalid-credentials",
    when: isInvalidToken,
    advise: same({
      title: {
        es: "AWS no reconoce las credenciales",
        en: "AWS does not recognise the credentials",
      },
      explanation: {
        es: "La clave de acceso no existe, está mal copiada o no corresponde a la clave secreta.",
        en: "The access key does not exist, was copied wrongly, or does not match the secret key.",
      },
      fix: {
        es: "Revisa AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o usa un perfil SSO en lugar de claves fijas.",
        en: "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use an SSO profile instead of long-lived keys.",
      },
    }),
  },
  {
    problem: "no-region",
    when: (f) => /Region is missing/i.test(f.message),
    advise: same({
      title: { es: "Falta la región", en: "The region is missing" },
      explanation: {
        es: "Cada llamada a Bedrock va a una región concreta y el SDK no encontró ninguna configurada.",
        en: "Every Bedrock call goes to one region, and the SDK found none configured.",
      },
      fix: {
        es: 'Exporta AWS_REGION (por ejemplo eu-west-1) o pásala al cliente: `new BedrockRuntimeClient({ region: "eu-west-1" })`.',
        en: 'Export AWS_REGION (for example eu-west-1) or pass it to the client: `new BedrockRuntimeClient({ region: "eu-west-1" })`.',
      },
    }),
  },
  {
    // Live: no Bedrock endpoint resolves in that region. Offline: the emulator has no catalog for it.
    problem: "region-without-bedrock",
    when: (f) =>
      (/ENOTFOUND|EAI_AGAIN/.test(`${f.code} ${f.message}`) &&
        /bedrock/.test(f.message)) ||
      /has no model catalog for region/.test(f.message),
    advise: (f) => ({
      title: {
        es: "Bedrock no responde en esta región",
        en: "Bedrock does not answer in this region",
      },
      explanation: {
        es: `No hay un endpoint de Bedrock que responda en ${f.region}${/has no model catalog/.test(f.message) ? " (el emulador tampoco tiene su catálogo)" : ""}.`,
        en: `No Bedrock endpoint answers in ${f.region}${/has no model catalog/.test(f.message) ? " (nor does the emulator have its catalog)" : ""}.`,
      },
      fix: {
        es: "Elige una región de la tabla de regiones de Bedrock (https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html) y exporta AWS_REGION, por ejemplo eu-west-1 o eu-central-1.",
        en: "Pick a region from Bedrock's region table (https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html) and export AWS_REGION, for example eu-west-1 or eu-central-1.",
      },
    }),
  },
  {
    problem: "use-case-not-submitted",
    when: (f) =>
      /use case details have not been submitted/i.test(f.message),
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
  },
  {
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
  },
  {
    problem: "legacy-model",
    when: (f) => /marked by provider as Legacy/i.test(f.message),
    advise: (f) => {
      const r = retirementOf(f.model);
      const on = r?.endOfLife ? r.endOfLife.slice(0, 10) : undefined;
      return {
        title: { es: "Modelo en estado Legacy", en: "Legacy model" },
        explanation: {
          es: `${f.model} está en estado Legacy: solo lo pueden seguir usando las cuentas que lo llamaron en los últimos 15 días${on ? `, y su fin de vida es el ${on}` : ""}.`,
          en: `${f.model} is Legacy: only accounts that called it in the last 15 days can keep using it${on ? `, and its end of life is ${on}` : ""}.`,
        },
        fix: replacementFix(r?.replacement, f.lang),
      };
    },
  },
  {
    problem: "end-of-life",
    when: (f) => /reached the end of its life/i.test(f.message),
    advise: (f) => {
      const r = retirementOf(f.model);
      return {
        title: { es: "Modelo retirado", en: "Retired model" },
        explanation: {
          es: `${f.model || "Este modelo"} llegó al fin de su vida útil${r?.endOfLife ? ` (${r.endOfLife.slice(0, 10)})` : ""} y ya no responde en Bedrock.`,
          en: `${f.model || "This model"} reached its end of life${r?.endOfLife ? ` (${r.endOfLife.slice(0, 10)})` : ""} and no longer answers on Bedrock.`,
        },
        fix: replacementFix(r?.replacement, f.lang),
      };
    },
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    // "Too many tokens per day, please wait before trying again." (ThrottlingException, 429)
    problem: "daily-token-quota",
    when: (f) => /tokens per day/i.test(f.message),
    advise: same({
      title: {
        es: "Cuota diaria de tokens agotada",
        en: "Daily token quota used up",
      },
      explanation: {
        es: "Las cuentas nuevas tienen una cuota de tokens por día para cada modelo, a veces muy baja. Esperar unos segundos no sirve: se repone al día siguiente.",
        en: "New accounts have a tokens-per-day quota for each model, sometimes very low. Waiting a few seconds does not help: it refills the next day.",
      },
      fix: {
        es: "Busca la cuota «tokens per day» del modelo en Service Quotas (Amazon Bedrock) y pide un aumento, o usa otro modelo u otro perfil de inferencia mientras tanto.",
        en: "Find the model's “tokens per day” quota in Service Quotas (Amazon Bedrock) and request an increase, or use another model or inference profile meanwhile.",
      },
    }),
  },
  {
    problem: "throttling",
    when: (f) => f.name === "ThrottlingException" || f.status === 429,
    advise: same({
      title: { es: "Demasiadas peticiones", en: "Too many requests" },
      explanation: {
        es: "Bedrock limita las peticiones y los tokens por minuto de cada modelo y cuenta; has superado el límite incluso después de los reintentos del SDK.",
        en: "Bedrock limits requests and tokens per minute per model and account; you went over the limit even after the SDK's retries.",
      },
      fix: {
        es: 'Lanza menos llamadas a la vez, espera unos segundos, usa `retryMode: "adaptive"` y más `maxAttempts` en el cliente, o un perfil de inferencia entre regiones. Las cuotas están en Service Quotas.',
        en: 'Make fewer calls at once, wait a few seconds, use `retryMode: "adaptive"` and more `maxAttempts` on the client, or a cross-region inference profile. Quotas live in Service Quotas.',
      },
    }),
  },
  {
    problem: "quota",
    when: (f) => f.name === "ServiceQuotaExceededException",
    advise: same({
      title: { es: "Cuota superada", en: "Quota exceeded" },
      explanation: {
        es: "La petición supera una cuota de tu cuenta para este modelo (tokens por minuto o tamaño).",
        en: "The request goes over one of your account's quotas for this model (tokens per minute or size).",
      },
      fix: {
        es: "Reduce maxTokens o el tamaño de la entrada, o pide más cuota en Service Quotas.",
        en: "Lower maxTokens or the input size, or request more quota in Service Quotas.",
      },
    }),
  },
  {
    problem: "cannot-connect",
    when: (f) =>
      /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up|connect ETIMEDOUT/i.test(
        `${f.code} ${f.message}`,
      ),
    advise: same({
      title: {
        es: "No hay conexión con Bedrock",
        en: "Cannot reach Bedrock",
      },
      explanation: {
        es: "El SDK no pudo abrir una conexión con el endpoint.",
        en: "The SDK could not open a connection to the endpoint.",
      },
      fix: {
        es: "Sin conexión: ejecuta primero la celda de preparación (`startGuide()`), que arranca el emulador. En vivo: revisa tu red y AWS_ENDPOINT_URL.",
        en: "Offline: run the setup cell (`startGuide()`) first; it starts the emulator. Live: check your network and AWS_ENDPOINT_URL.",
      },
    }),
  },
  {
    problem: "temperature-refused",
    when: (f) =>
      /`?temperature`? is deprecated for this model/i.test(f.message),
    advise: (f) => ({
      title: {
        es: "este modelo no acepta temperature",
        en: "this model does not take temperature",
      },
      explanation: {
        es: `${f.model || "Este modelo"} rechaza el parámetro temperature, tenga el valor que tenga: Claude Opus 4.7 y los Opus posteriores ya no lo admiten (su proveedor retiró también topP).`,
        en: `${f.model || "This model"} refuses the temperature parameter, whatever its value: Claude Opus 4.7 and later Opus models no longer take it (their provider removed topP too).`,
      },
      fix: {
        es: "Quita temperature de inferenceConfig (en el cuerpo de InvokeModel, temperature) y deja que el modelo use sus valores. La función sampling() del capítulo 2 lo hace por ti, con los datos de data/sampling-rules.json.",
        en: "Remove temperature from inferenceConfig (in an InvokeModel body, temperature) and let the model use its defaults. Chapter 2's sampling() does it for you, from data/sampling-rules.json.",
      },
    }),
  },
  {
    problem: "temperature-with-top-p",
    when: (f) =>
      /`?temperature`? and `?top_?p`? cannot both be specified/i.test(
        f.message,
      ),
    advise: (f) => ({
      title: {
        es: "temperature y topP a la vez",
        en: "temperature and topP together",
      },
      explanation: {
        es: `${f.model || "Este modelo"} no acepta temperature y topP en la misma petición: Claude Opus 4.1, Sonnet 4.5, Haiku 4.5 y los Claude posteriores solo admiten uno de los dos.`,
        en: `${f.model || "This model"} does not accept temperature and topP in the same request: Claude Opus 4.1, Sonnet 4.5, Haiku 4.5 and later Claude models take only one of them.`,
      },
      fix: {
        es: "Deja solo uno de los dos, temperature o topP (en el cuerpo de InvokeModel, temperature o top_p); para estos modelos Anthropic recomienda temperature.",
        en: "Set only one of temperature or topP (in an InvokeModel body, temperature or top_p); for these models Anthropic recommends temperature.",
      },
    }),
  },
  {
    problem: "invalid-request",
    when: (f) => f.name === "ValidationException",
    advise: same({
      title: { es: "Petición no válida", en: "Invalid request" },
      explanation: {
        es: "El modelo o la API rechazaron algún campo de la petición; el mensaje de AWS dice cuál.",
        en: "The model or the API rejected a field of the request; AWS's message says which.",
      },
      fix: {
        es: "Compara la petición con lo que acepta el modelo (Converse normaliza casi todo, pero no todos los modelos de texto lo admiten; InvokeModel usa el formato propio de cada proveedor).",
        en: "Compare the request with what the model accepts (Converse normalises most of it, though not every text model takes it; InvokeModel uses each provider's own format).",
      },
    }),
  },
];

function isInvalidToken(f: Failure): boolean {
  return (
    f.name === "UnrecognizedClientException" ||
    f.name === "InvalidClientTokenId" ||
    f.name === "InvalidSignatureException" ||
    /security token included in the request is invalid|signature we calculated does not match/i.test(
      f.message,
    )
  );
}

function isInvalidModel(f: Failure): boolean {
  return /provided model identifier is invalid/i.test(f.message);
}

/** Recognises the problem behind an error from the AWS SDK (or the guide) and says how to fix it. */
export function explainError(
  error: unknown,
  context: AdviceContext = {},
): Advice {
  const e = (error ?? {}) as ErrorLike;
  const lang = context.lang ?? currentLanguage();
  const forPrompts = promptManagementAdvice(
    error,
    context.operation,
    lang,
    context.region,
  );
  if (forPrompts) return forPrompts;
  const message = e.message ?? String(error);
  const failure: Failure = {
    name: e.name ?? "",
    message,
    code: e.code ?? "",
    status: e.$metadata?.httpStatusCode,
    model: context.modelId ?? modelIdIn(message) ?? "",
    region:
      context.region ??
      process.env.AWS_REGION ??
      process.env.AWS_DEFAULT_REGION ??
      "?",
    lang,
    profilesHere: () =>
      context.profilesHere ?? profilesFor(failure.model, failure.region),
  };
  for (const rule of RULES) {
    if (!rule.when(failure)) continue;
    const text = rule.advise(failure);
    if (text)
      return {
        problem: rule.problem,
        title: say(text.title, lang),
        explanation: say(text.explanation, lang),
        fix: say(text.fix, lang),
      };
  }
  return {
    problem: "unknown",
    title: say({ es: "Error inesperado", en: "Unexpected error" }, lang),
    explanation: say(
      {
        es: `${failure.name || "Error"}: la guía no reconoce este caso.`,
        en: `${failure.name || "Error"}: the guide does not recognise this case.`,
      },
      lang,
    ),
    fix: say(
      {
        es: "Lee el mensaje de AWS de arriba; si crees que es un fallo de la guía, abre una incidencia con la celda que lo provoca.",
        en: "Read AWS's message above; if you think the guide is at fault, open an issue with the cell that caused it.",
      },
      lang,
    ),
  };
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
