import { same, type Rule } from "./rule";

// Advice rules: requests a model refuses (sampling parameters, invalid fields).

export const temperatureRefused: Rule = {
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
};

export const temperatureWithTopP: Rule = {
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
};

export const invalidRequest: Rule = {
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
};
