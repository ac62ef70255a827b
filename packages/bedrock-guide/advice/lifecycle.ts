import type { Rule } from "./rule";
import { retirementOf } from "../catalog-facts";
import type { Bilingual, Language } from "../language";

// Advice rules: Legacy and retired models, and extended access (their facts come from the catalog).

export const extendedAccess: Rule = {
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
};

export const legacyModel: Rule = {
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
};

export const endOfLife: Rule = {
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
};

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
