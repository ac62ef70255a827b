import { same, type Rule } from "./rule";

// Advice rules: limits on spending and on calls (the guide's budget, AWS quotas and throttling).

export const budget: Rule = {
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
};

export const dailyTokenQuota: Rule = {
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
};

export const throttling: Rule = {
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
};

export const quota: Rule = {
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
};
