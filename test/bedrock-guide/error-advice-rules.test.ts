import { afterEach, describe, expect, it, vi } from "vitest";
import catalog from "../../data/catalog.json";
import { BudgetExceededError, ExtendedAccessPriceUnknown, ModelNotCallableHere, adviseOn, explainError, formatAdvice, profilesFor, type Advice, type AdviceContext, type Problem } from "bedrock-guide";

// Each case is an error as AWS (or the SDK, or the guide) raises it: `name` is the error code AWS
// documents (Bedrock Runtime API "Errors", STS/IAM common errors, the SDK's own errors), the
// status its HTTP status, the message AWS's text. The expected advice is what a reader needs to
// fix that problem; each fact checked below is one the reader must be told, in both languages.

const awsError = (name: string, message: string, status?: number, code?: string) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}), ...(code ? { code } : {}) });
const both = (error: unknown, context: AdviceContext = {}) => ({
  es: explainError(error, { ...context, lang: "es" }),
  en: explainError(error, { ...context, lang: "en" }),
});
const problemOf = (error: unknown, context: AdviceContext = {}): Problem => explainError(error, { lang: "en", ...context }).problem;

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
// Messages as AWS sends them (the emulator copies the same texts).
const INVALID_MODEL = "The provided model identifier is invalid.";
const ON_DEMAND = (id: string) => `Invocation of model ID ${id} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;
const END_OF_LIFE = "This model version has reached the end of its life. Please refer to the AWS documentation for more details.";
const LEGACY = "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock";
const BAD_TOKEN = "The security token included in the request is invalid.";
const BAD_SIGNATURE = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the guide's own errors", () => {
  it("passes on where a model can be called when the reader's region cannot call it (ModelNotCallableHere)", () => {
    // data/catalog.json offers Llama 4 Scout only in US regions; from eu-west-1 modelIdFor throws
    // this error, with the regions of that catalog.
    const scout = "meta.llama4-scout-17b-instruct-v1:0";
    const offeredIn = catalog.models.find((m) => m.modelId === scout)!.regions;
    expect(offeredIn).not.toContain("eu-west-1");
    const { es, en } = {
      es: explainError(new ModelNotCallableHere(scout, "eu-west-1", offeredIn, "es"), { lang: "es" }),
      en: explainError(new ModelNotCallableHere(scout, "eu-west-1", offeredIn, "en"), { lang: "en" }),
    };
    expect([es.problem, en.problem]).toEqual(["model-not-callable-here", "model-not-callable-here"]);
    expect(en.title).toBe("Model not callable from this region");
    expect(es.title).toBe("Modelo no disponible en esta región");
    for (const advice of [es, en]) {
      expect(advice.explanation).toContain("eu-west-1");
      for (const region of offeredIn) expect(advice.explanation).toContain(region);
      expect(advice.fix).toContain("AWS_REGION");
    }
  });

  it("a spent budget: names the variable that raises it, in both languages", () => {
    const { es, en } = both(new BudgetExceededError(1.02, 1));
    expect(en).toMatchObject({ problem: "budget", title: "Budget spent" });
    expect(en.explanation).toContain("spent its budget");
    expect(en.fix).toContain("BEDROCK_GUIDE_BUDGET_USD");
    expect(es.title).toBe("Presupuesto agotado");
    expect(es.explanation).toContain("gastó su presupuesto");
    expect(es.fix).toContain("BEDROCK_GUIDE_BUDGET_USD");
  });

  it("a model in extended access: names the model, or says 'this model', and the opt-in variable", () => {
    const opus41 = "anthropic.claude-opus-4-1-20250805-v1:0";
    const { es, en } = both(new ExtendedAccessPriceUnknown(opus41), { modelId: opus41 });
    expect(en).toMatchObject({ problem: "extended-access", title: "Model in extended access" });
    expect(en.explanation).toMatch(new RegExp(`^${opus41.replace(/[.]/g, "\\.")} is Legacy`));
    expect(en.fix).toContain("BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1");
    expect(es.title).toBe("Modelo en acceso extendido");
    expect(es.explanation).toContain(`${opus41} es Legacy`);
    expect(es.fix).toContain("BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1");
    const unnamed = both(Object.assign(new Error("in extended access"), { name: "ExtendedAccessPriceUnknown" }));
    expect(unnamed.en.explanation).toMatch(/^This model is Legacy/);
    expect(unnamed.es.explanation).toMatch(/^Este modelo es Legacy/);
  });
});

describe("credentials", () => {
  it("none found: recognised by the SDK's error name or its message", () => {
    // The SDK's CredentialsProviderError; a named profile that does not exist says so in another text.
    expect(problemOf(awsError("CredentialsProviderError", "Profile guide could not be found or parsed in shared credentials file."))).toBe("no-credentials");
    for (const message of ["Could not load credentials from any providers", "Unable to locate credentials", "Credential provider for profile guide not found"]) {
      expect(problemOf(awsError("Error", message)), message).toBe("no-credentials");
    }
    const { es, en } = both(awsError("CredentialsProviderError", "Could not load credentials from any providers"));
    expect(en.title).toBe("No AWS credentials");
    expect(en.explanation).toContain("credential chain");
    expect(en.fix).toContain("aws sso login --profile <profile>");
    expect(en.fix).toContain("offline mode needs no credentials");
    expect(es.title).toBe("No hay credenciales de AWS");
    expect(es.explanation).toContain("cadena estándar de credenciales");
    expect(es.fix).toContain("aws sso login --profile <perfil>");
    expect(es.fix).toContain("el modo sin conexión no necesita credenciales");
  });

  it("expired: by the error code (ExpiredTokenException) or a message about an expired token", () => {
    expect(problemOf(awsError("ExpiredTokenException", "An error occurred.", 400))).toBe("expired-credentials");
    expect(problemOf(awsError("Error", "The security token included in the request is expired"))).toBe("expired-credentials");
    expect(problemOf(awsError("Error", "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."))).toBe("expired-credentials");
    expect(problemOf(awsError("Error", "The SSO session has expired: refresh the token"))).toBe("expired-credentials");
    const { es, en } = both(awsError("ExpiredTokenException", "The security token included in the request is expired", 400));
    expect(en.title).toBe("The credentials have expired");
    expect(en.explanation).toContain("Temporary credentials");
    expect(en.fix).toContain("aws sso login --profile <profile>");
    expect(es.title).toBe("Las credenciales han caducado");
    expect(es.explanation).toContain("credenciales temporales");
    expect(es.fix).toContain("aws sso login --profile <perfil>");
  });

  it("invalid: each of AWS's error codes for a bad key or signature, or their messages", () => {
    for (const name of ["UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException"]) {
      expect(problemOf(awsError(name, "An error occurred.", 403), { region: "eu-west-1" }), name).toBe("invalid-credentials");
    }
    for (const message of [BAD_TOKEN, BAD_SIGNATURE]) {
      expect(problemOf(awsError("Error", message, 403), { region: "eu-west-1" }), message).toBe("invalid-credentials");
    }
    const { es, en } = both(awsError("UnrecognizedClientException", BAD_TOKEN, 403), { region: "us-east-1" });
    expect(en.title).toBe("AWS does not recognise the credentials");
    expect(en.explanation).toContain("access key does not exist");
    expect(en.fix).toContain("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    expect(es.title).toBe("AWS no reconoce las credenciales");
    expect(es.explanation).toContain("La clave de acceso no existe");
    expect(es.fix).toContain("AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY");
  });

  it("in an opt-in region not yet enabled, an invalid token means the region: how to enable it", () => {
    // Bahrain (me-south-1) is opt-in (AWS Account Management guide); any token error there.
    for (const error of [awsError("InvalidClientTokenId", "An error occurred.", 403), awsError("Error", BAD_SIGNATURE, 403)]) {
      expect(problemOf(error, { region: "me-south-1" })).toBe("region-not-enabled");
    }
    const { es, en } = both(awsError("UnrecognizedClientException", BAD_TOKEN, 403), { region: "me-south-1" });
    expect(en.title).toBe("The region is not enabled in your account");
    expect(en.explanation).toMatch(/^me-south-1 is an opt-in region/);
    expect(en.fix).toContain("`aws account enable-region --region-name me-south-1`");
    expect(es.title).toBe("La región no está activada en tu cuenta");
    expect(es.explanation).toMatch(/^me-south-1 es una región de activación voluntaria/);
    expect(es.fix).toContain("`aws account enable-region --region-name me-south-1`");
    // An opt-in region with some other error is not about enabling it.
    expect(problemOf(awsError("ThrottlingException", "Too many requests, please wait before trying again.", 429), { region: "me-south-1" })).toBe("throttling");
  });
});

describe("regions and connections", () => {
  it("no region configured: the SDK's 'Region is missing'", () => {
    const { es, en } = both(awsError("Error", "Region is missing"));
    expect(en).toMatchObject({ problem: "no-region", title: "The region is missing" });
    expect(en.explanation).toContain("the SDK found none configured");
    expect(en.fix).toContain("Export AWS_REGION");
    expect(es.title).toBe("Falta la región");
    expect(es.explanation).toContain("no encontró ninguna configurada");
    expect(es.fix).toContain("Exporta AWS_REGION");
  });

  it("no Bedrock endpoint in the region: DNS fails for a bedrock host", () => {
    for (const code of ["ENOTFOUND", "EAI_AGAIN"]) {
      const dns = awsError("Error", `getaddrinfo ${code} bedrock-runtime.xx-east-9.amazonaws.com`, undefined, code);
      expect(problemOf(dns, { region: "xx-east-9" }), code).toBe("region-without-bedrock");
    }
    const { es, en } = both(awsError("Error", "getaddrinfo ENOTFOUND bedrock.xx-east-9.amazonaws.com", undefined, "ENOTFOUND"), { region: "xx-east-9" });
    expect(en.title).toBe("Bedrock does not answer in this region");
    expect(en.explanation).toBe("No Bedrock endpoint answers in xx-east-9.");
    expect(en.fix).toContain("https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html");
    expect(es.title).toBe("Bedrock no responde en esta región");
    expect(es.explanation).toBe("No hay un endpoint de Bedrock que responda en xx-east-9.");
    expect(es.fix).toContain("https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html");
  });

  it("offline, a region the emulator has no catalog for says so too", () => {
    // The emulator's ValidationException for an uncovered region (packages/emulator/src/catalog.ts).
    const error = awsError("ValidationException", "The Bedrock emulator has no model catalog for region eu-south-2. Its catalog covers eu-west-1, us-east-1. Set AWS_REGION (or the client's region) to one of them.", 400);
    const { es, en } = both(error, { region: "eu-south-2" });
    expect(en.problem).toBe("region-without-bedrock");
    expect(en.explanation).toBe("No Bedrock endpoint answers in eu-south-2 (nor does the emulator have its catalog).");
    expect(es.explanation).toBe("No hay un endpoint de Bedrock que responda en eu-south-2 (el emulador tampoco tiene su catálogo).");
  });

  it("a connection that cannot open: refused, DNS for another host, hang-up, time-out", () => {
    for (const [code, message] of [
      ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:4566"],
      ["ENOTFOUND", "getaddrinfo ENOTFOUND proxy.example.internal"],
      ["EAI_AGAIN", "getaddrinfo EAI_AGAIN proxy.example.internal"],
      ["ECONNRESET", "socket hang up"],
      ["ETIMEDOUT", "connect ETIMEDOUT 52.94.0.1:443"],
    ]) {
      expect(problemOf(awsError("Error", message, undefined, code)), message).toBe("cannot-connect");
    }
    // Node puts the code in the error's `code`; the message alone may not carry it.
    expect(problemOf(awsError("Error", "request to the endpoint failed", undefined, "ECONNREFUSED"))).toBe("cannot-connect");
    const { es, en } = both(awsError("Error", "connect ECONNREFUSED 127.0.0.1:4566", undefined, "ECONNREFUSED"));
    expect(en.title).toBe("Cannot reach Bedrock");
    expect(en.explanation).toContain("could not open a connection");
    expect(en.fix).toContain("`startGuide()`");
    expect(en.fix).toContain("AWS_ENDPOINT_URL");
    expect(es.title).toBe("No hay conexión con Bedrock");
    expect(es.explanation).toContain("no pudo abrir una conexión");
    expect(es.fix).toContain("`startGuide()`");
    expect(es.fix).toContain("AWS_ENDPOINT_URL");
  });
});

describe("models", () => {
  it("Anthropic's use-case form, in both languages", () => {
    const error = awsError("ResourceNotFoundException", "Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model.", 404);
    const { es, en } = both(error);
    expect(en.title).toBe("Anthropic's use-case form is missing");
    expect(en.explanation).toContain("ResourceNotFoundException on Anthropic models");
    expect(en.fix).toContain("PutUseCaseForModelAccess");
    expect(es.title).toBe("Falta el formulario de caso de uso de Anthropic");
    expect(es.explanation).toContain("ResourceNotFoundException en los modelos de Anthropic");
  });

  it("a model that needs an inference profile: the region's profiles from the capture, named in the message", () => {
    // The model ID comes from AWS's message when the caller does not pass it.
    const error = awsError("ValidationException", ON_DEMAND(HAIKU), 400);
    const here = profilesFor(HAIKU, "ap-southeast-2");
    expect(here).toEqual([`au.${HAIKU}`, `global.${HAIKU}`]);
    const { es, en } = both(error, { region: "ap-southeast-2" });
    expect(en).toMatchObject({ problem: "needs-inference-profile", title: "This model is only called through an inference profile" });
    expect(en.explanation).toMatch(new RegExp(`^${HAIKU.replace(/[.]/g, "\\.")} does not accept on-demand calls`));
    expect(en.fix).toBe(`Use one of these ap-southeast-2 inference profiles as the modelId: \`au.${HAIKU}\`, \`global.${HAIKU}\`, or \`await modelIdFor("${HAIKU}")\`.`);
    expect(es.title).toBe("Este modelo solo se invoca a través de un perfil de inferencia");
    expect(es.explanation).toContain(`${HAIKU} no admite llamadas bajo demanda`);
    expect(es.fix).toBe(`Usa uno de estos perfiles de inferencia de ap-southeast-2 como modelId: \`au.${HAIKU}\`, \`global.${HAIKU}\`, o \`await modelIdFor("${HAIKU}")\`.`);
  });

  it("a model that needs a profile the region does not list: how to find one", () => {
    // London lists Nova Pro for inference profiles only, but no profile for it (data/catalog.json).
    expect(profilesFor("amazon.nova-pro-v1:0", "eu-west-2")).toEqual([]);
    const { es, en } = both(awsError("ValidationException", ON_DEMAND("amazon.nova-pro-v1:0"), 400), { region: "eu-west-2" });
    expect(en.problem).toBe("needs-inference-profile");
    expect(en.fix).toBe("Find a profile that contains amazon.nova-pro-v1:0 with ListInferenceProfiles and use it as the modelId.");
    expect(es.fix).toBe("Busca con ListInferenceProfiles un perfil que contenga amazon.nova-pro-v1:0 y úsalo como modelId.");
  });

  it("the model ID in AWS's message loses a sentence's final dot", () => {
    const error = awsError("ResourceNotFoundException", "This model version has reached the end of its life. Model ID anthropic.claude-v2.", 404);
    expect(explainError(error, { lang: "en" }).explanation).toMatch(/^anthropic\.claude-v2 reached its end of life \(2026-02-01\)/);
  });

  it("the region comes from the context, else AWS_REGION, else AWS_DEFAULT_REGION, else '?'", () => {
    const invalid = awsError("ValidationException", INVALID_MODEL, 400);
    vi.stubEnv("AWS_REGION", "eu-west-3");
    vi.stubEnv("AWS_DEFAULT_REGION", "ap-northeast-1");
    expect(explainError(invalid, { lang: "en", region: "sa-east-1" }).explanation).toContain(" in sa-east-1:");
    expect(explainError(invalid, { lang: "en" }).explanation).toContain(" in eu-west-3:");
    vi.stubEnv("AWS_REGION", undefined);
    expect(explainError(invalid, { lang: "en" }).explanation).toContain(" in ap-northeast-1:");
    vi.stubEnv("AWS_DEFAULT_REGION", undefined);
    expect(explainError(invalid, { lang: "en" }).explanation).toContain(" in ?:");
  });

  it("a Legacy model: its end of life and successor when recorded, else how to pick one", () => {
    // data/catalog.json: Claude Sonnet 4 is Legacy, end of life 2026-10-14, successor "Claude Sonnet 5 / 4.6".
    const sonnet4 = both(awsError("ResourceNotFoundException", LEGACY, 404), { modelId: "anthropic.claude-sonnet-4-20250514-v1:0" });
    expect(sonnet4.en).toMatchObject({ problem: "legacy-model", title: "Legacy model" });
    expect(sonnet4.en.explanation).toBe("anthropic.claude-sonnet-4-20250514-v1:0 is Legacy: only accounts that called it in the last 15 days can keep using it, and its end of life is 2026-10-14.");
    expect(sonnet4.en.fix).toBe("Move to its successor: Claude Sonnet 5 / 4.6.");
    expect(sonnet4.es.title).toBe("Modelo en estado Legacy");
    expect(sonnet4.es.explanation).toBe("anthropic.claude-sonnet-4-20250514-v1:0 está en estado Legacy: solo lo pueden seguir usando las cuentas que lo llamaron en los últimos 15 días, y su fin de vida es el 2026-10-14.");
    expect(sonnet4.es.fix).toBe("Cámbialo por su sucesor: Claude Sonnet 5 / 4.6.");
    // Nova Sonic is LEGACY in the capture but has no retirement row: no date, no successor.
    const sonic = both(awsError("ResourceNotFoundException", LEGACY, 404), { modelId: "amazon.nova-sonic-v1:0" });
    expect(sonic.en.explanation).toBe("amazon.nova-sonic-v1:0 is Legacy: only accounts that called it in the last 15 days can keep using it.");
    expect(sonic.en.fix).toMatch(/^The provider names no successor/);
    expect(sonic.es.explanation).toBe("amazon.nova-sonic-v1:0 está en estado Legacy: solo lo pueden seguir usando las cuentas que lo llamaron en los últimos 15 días.");
    expect(sonic.es.fix).toMatch(/^El proveedor no nombra un sucesor/);
  });

  it("a retired model: its date when recorded, no successor where the row names none or only a note", () => {
    const gone = awsError("ResourceNotFoundException", END_OF_LIFE, 404);
    const claude2 = both(gone, { modelId: "anthropic.claude-v2" });
    expect(claude2.en).toMatchObject({ problem: "end-of-life", title: "Retired model" });
    expect(claude2.en.explanation).toBe("anthropic.claude-v2 reached its end of life (2026-02-01) and no longer answers on Bedrock.");
    expect(claude2.es.title).toBe("Modelo retirado");
    expect(claude2.es.explanation).toBe("anthropic.claude-v2 llegó al fin de su vida útil (2026-02-01) y ya no responde en Bedrock.");
    // Llama 2: retired, no date recorded.
    expect(explainError(gone, { modelId: "meta.llama2-13b-chat-v1", lang: "en" }).explanation).toBe("meta.llama2-13b-chat-v1 reached its end of life and no longer answers on Bedrock.");
    // Jurassic-2: the row's replacement is a note in parentheses, not a model.
    expect(explainError(gone, { modelId: "ai21.j2-mid-v1", lang: "en" }).fix).toMatch(/^The provider names no successor/);
    // Without a model ID anywhere.
    const unnamed = both(awsError("ResourceNotFoundException", "This model version has reached the end of its life.", 404));
    expect(unnamed.en.explanation).toBe("This model reached its end of life and no longer answers on Bedrock.");
    expect(unnamed.es.explanation).toBe("Este modelo llegó al fin de su vida útil y ya no responde en Bedrock.");
  });

  it("a geographic profile used outside its geography: the region's own profiles", () => {
    // Sydney lists au. and global. for Haiku 4.5 (data/catalog.json); eu. is Europe's.
    const { es, en } = both(awsError("ValidationException", INVALID_MODEL, 400), { modelId: `eu.${HAIKU}`, region: "ap-southeast-2" });
    expect(en).toMatchObject({ problem: "profile-not-in-region", title: "That inference profile is not in this region" });
    expect(en.explanation).toBe(`eu.${HAIKU} is a profile for another geography: it does not exist in ap-southeast-2, though the model does.`);
    expect(en.fix).toBe(`Use a profile listed in ap-southeast-2: \`au.${HAIKU}\`, \`global.${HAIKU}\`.`);
    expect(es.title).toBe("Ese perfil de inferencia no está en esta región");
    expect(es.explanation).toBe(`eu.${HAIKU} es un perfil de otra zona geográfica: en ap-southeast-2 no existe, aunque el modelo sí.`);
    expect(es.fix).toBe(`Usa un perfil de ap-southeast-2: \`au.${HAIKU}\`, \`global.${HAIKU}\`.`);
  });

  it("a profile the region does list, or one for a model the region has no profile of, is not that problem", () => {
    const invalid = awsError("ValidationException", INVALID_MODEL, 400);
    // au. Haiku 4.5 is listed in Sydney: something else is wrong with the request.
    expect(problemOf(invalid, { modelId: `au.${HAIKU}`, region: "ap-southeast-2" })).toBe("invalid-model-id");
    // No profile reaches Llama 4 Scout from Frankfurt: the model itself is not there.
    const scout = explainError(invalid, { modelId: "us.meta.llama4-scout-17b-instruct-v1:0", region: "eu-central-1", lang: "en" });
    expect(scout.problem).toBe("model-not-in-region");
    expect(scout.explanation).toBe("us.meta.llama4-scout-17b-instruct-v1:0 is not offered in eu-central-1. The catalog lists it in: us-east-1, us-east-2, us-west-1, us-west-2.");
  });

  it("only an invalid-identifier error is about the profile or the model's region", () => {
    // Access denied for a profile of another geography is still an access problem.
    expect(problemOf(awsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", 403), { modelId: `us.${HAIKU}`, region: "eu-west-1" })).toBe("no-access");
    // A bare ID that Ireland offers and reaches through eu. and global. profiles: no profile
    // "of another geography" is involved, so the advice is the generic one.
    expect(profilesFor(HAIKU, "eu-west-1")).toEqual([`eu.${HAIKU}`, `global.${HAIKU}`]);
    expect(problemOf(awsError("ValidationException", INVALID_MODEL, 400), { modelId: HAIKU, region: "eu-west-1" })).toBe("invalid-model-id");
  });

  it("a bare model ID the region does not offer: where it is offered and a client for the first such region", () => {
    // Hand-checked in data/catalog.json: DeepSeek-R1 is listed in us-east-1, us-east-2 and us-west-2.
    const { es, en } = both(awsError("ValidationException", INVALID_MODEL, 400), { modelId: "deepseek.r1-v1:0", region: "eu-west-1" });
    expect(en).toMatchObject({ problem: "model-not-in-region", title: "The model is not in this region" });
    expect(en.explanation).toBe("deepseek.r1-v1:0 is not offered in eu-west-1. The catalog lists it in: us-east-1, us-east-2, us-west-2.");
    expect(en.fix).toBe('Create the client for one of those regions, for example `new BedrockRuntimeClient({ region: "us-east-1" })`, or pick another model offered in eu-west-1.');
    expect(es.title).toBe("El modelo no está en esta región");
    expect(es.explanation).toBe("deepseek.r1-v1:0 no se ofrece en eu-west-1. Según el catálogo está en: us-east-1, us-east-2, us-west-2.");
    expect(es.fix).toBe('Crea el cliente para una de esas regiones, por ejemplo `new BedrockRuntimeClient({ region: "us-east-1" })`, o elige otro modelo disponible en eu-west-1.');
    // In a region that offers it, the ID was fine and something else is wrong.
    expect(problemOf(awsError("ValidationException", INVALID_MODEL, 400), { modelId: "deepseek.r1-v1:0", region: "us-east-2" })).toBe("invalid-model-id");
  });

  it("an ID nobody offers: misspelt, quoted, or 'that modelId' when unknown", () => {
    const invalid = awsError("ValidationException", INVALID_MODEL, 400);
    const typo = both(invalid, { modelId: "anthropic.claude-haiku-4-5", region: "us-east-1" });
    expect(typo.en).toMatchObject({ problem: "invalid-model-id", title: "Invalid model identifier" });
    expect(typo.en.explanation).toBe('Bedrock does not know "anthropic.claude-haiku-4-5" in us-east-1: it may be misspelt or not exist in this region.');
    expect(typo.en.fix).toContain("ListFoundationModels");
    expect(typo.es.title).toBe("Identificador de modelo no válido");
    expect(typo.es.explanation).toBe('Bedrock no conoce "anthropic.claude-haiku-4-5" en us-east-1: puede estar mal escrito o no existir en esta región.');
    expect(typo.es.fix).toContain("ListFoundationModels");
    const unknown = both(invalid, { region: "us-east-1" });
    expect(unknown.en.problem).toBe("invalid-model-id");
    expect(unknown.en.explanation).toMatch(/^Bedrock does not know that modelId in us-east-1/);
    expect(unknown.es.explanation).toMatch(/^Bedrock no conoce ese modelId en us-east-1/);
  });
});

describe("access, quotas and requests", () => {
  it("access denied: IAM and the Marketplace actions of the first call", () => {
    const { es, en } = both(awsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", 403));
    expect(en).toMatchObject({ problem: "no-access", title: "No access to the model" });
    expect(en.explanation).toContain("bedrock:InvokeModel");
    expect(en.fix).toContain("aws-marketplace:Subscribe");
    expect(es.title).toBe("Sin acceso al modelo");
    expect(es.explanation).toContain("bedrock:InvokeModel");
    expect(es.fix).toContain("aws-marketplace:Subscribe");
    expect(es.fix).toContain("arn:aws:bedrock:::foundation-model/");
  });

  it("a daily token quota: it refills the next day, and Service Quotas raises it", () => {
    const { es, en } = both(awsError("ThrottlingException", "Too many tokens per day, please wait before trying again.", 429));
    expect(en).toMatchObject({ problem: "daily-token-quota", title: "Daily token quota used up" });
    expect(en.explanation).toContain("it refills the next day");
    expect(es.title).toBe("Cuota diaria de tokens agotada");
    expect(es.explanation).toContain("se repone al día siguiente");
    expect(es.fix).toContain("Service Quotas");
  });

  it("throttling: by ThrottlingException or by HTTP 429 under another name", () => {
    expect(problemOf(awsError("ThrottlingException", "Rate exceeded"))).toBe("throttling");
    expect(problemOf(awsError("TooManyRequestsException", "Too Many Requests", 429))).toBe("throttling");
    expect(problemOf(awsError("TooManyRequestsException", "Too Many Requests", 400))).toBe("unknown");
    const { es, en } = both(awsError("ThrottlingException", "Too many requests, please wait before trying again.", 429));
    expect(en.explanation).toContain("tokens per minute");
    expect(en.fix).toContain('`retryMode: "adaptive"`');
    expect(es.explanation).toContain("tokens por minuto");
    expect(es.fix).toContain('`retryMode: "adaptive"`');
  });

  it("a service quota: lower maxTokens or ask for more", () => {
    const { es, en } = both(awsError("ServiceQuotaExceededException", "Your request exceeded a service quota.", 400));
    expect(en).toMatchObject({ problem: "quota", title: "Quota exceeded" });
    expect(en.explanation).toContain("tokens per minute");
    expect(en.fix).toContain("Lower maxTokens");
    expect(es.title).toBe("Cuota superada");
    expect(es.explanation).toContain("tokens por minuto");
    expect(es.fix).toContain("Reduce maxTokens");
  });

  it("temperature with top_p: recognised with or without backticks, top_p or topP", () => {
    for (const message of [
      "The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.",
      "temperature and top_p cannot both be specified for this model.",
      "temperature and topP cannot both be specified",
    ]) {
      expect(problemOf(awsError("ValidationException", message, 400)), message).toBe("temperature-with-top-p");
    }
    const { es, en } = both(awsError("ValidationException", "`temperature` and `top_p` cannot both be specified for this model.", 400));
    expect(en.title).toBe("temperature and topP together");
    expect(en.explanation).toMatch(/^This model does not accept temperature and topP/);
    expect(es.title).toBe("temperature y topP a la vez");
    expect(es.explanation).toMatch(/^Este modelo no acepta temperature y topP/);
    expect(es.explanation).toContain("Claude Opus 4.1, Sonnet 4.5, Haiku 4.5");
    const named = explainError(awsError("ValidationException", "`temperature` and `top_p` cannot both be specified for this model.", 400), { modelId: `eu.${HAIKU}`, lang: "es" });
    expect(named.explanation).toMatch(new RegExp(`^eu\\.${HAIKU.replace(/[.]/g, "\\.")} no acepta temperature y topP`));
  });

  it("any other ValidationException: AWS's message names the field", () => {
    const { es, en } = both(awsError("ValidationException", "Malformed input request: #: extraneous key [foo] is not permitted, please reformat your input and try again.", 400));
    expect(en).toMatchObject({ problem: "invalid-request", title: "Invalid request" });
    expect(en.explanation).toContain("AWS's message says which");
    expect(en.fix).toContain("InvokeModel uses each provider's own format");
    expect(es.title).toBe("Petición no válida");
    expect(es.explanation).toContain("el mensaje de AWS dice cuál");
    expect(es.fix).toContain("InvokeModel usa el formato propio de cada proveedor");
  });
});

describe("what the guide does not recognise", () => {
  it("names the error and says to read AWS's message, in both languages", () => {
    // ModelErrorException (424): the model failed while processing; no advice fits every case.
    const { es, en } = both(awsError("ModelErrorException", "The model returned an error.", 424));
    expect(en).toEqual({
      problem: "unknown",
      title: "Unexpected error",
      explanation: "ModelErrorException: the guide does not recognise this case.",
      fix: "Read AWS's message above; if you think the guide is at fault, open an issue with the cell that caused it.",
    });
    expect(es.title).toBe("Error inesperado");
    expect(es.explanation).toBe("ModelErrorException: la guía no reconoce este caso.");
    expect(es.fix).toMatch(/^Lee el mensaje de AWS de arriba/);
  });

  it("copes with things that are not errors: a string, undefined, an error with no name", () => {
    expect(explainError("Region is missing", { lang: "en" }).problem).toBe("no-region");
    expect(explainError(undefined, { lang: "en" }).explanation).toBe("Error: the guide does not recognise this case.");
    expect(explainError({ message: "odd" }, { lang: "es" }).explanation).toBe("Error: la guía no reconoce este caso.");
  });

  it("speaks the reader's language when none is given", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "en");
    expect(explainError(awsError("ThrottlingException", "Rate exceeded", 429)).title).toBe("Too many requests");
    vi.stubEnv("BEDROCK_GUIDE_LANG", "es");
    expect(explainError(awsError("ThrottlingException", "Rate exceeded", 429)).title).toBe("Demasiadas peticiones");
  });
});

describe("formatAdvice and adviseOn", () => {
  const advice: Advice = { problem: "throttling", title: "Too many requests", explanation: "Slow down.", fix: "Wait." };

  it("formats the advice as one line of title and explanation and one of fix", () => {
    expect(formatAdvice(advice)).toBe("💡 Too many requests. Slow down.\n   → Wait.");
  });

  it("appends the advice after AWS's message, separated by a blank line", () => {
    const error = awsError("ThrottlingException", "Rate exceeded", 429);
    const given = adviseOn(error, { lang: "en" });
    expect(given?.problem).toBe("throttling");
    expect((error as unknown as { advice: Advice }).advice).toBe(given);
    expect(error.message).toBe(`Rate exceeded\n\n${formatAdvice(given!)}`);
  });

  it("keeps advice already attached, and gives nothing for a non-object", () => {
    const error = Object.assign(awsError("ThrottlingException", "Rate exceeded", 429), { advice });
    expect(adviseOn(error, { lang: "en" })).toBe(advice);
    expect(error.message).toBe("Rate exceeded");
    expect(adviseOn("Rate exceeded", { lang: "en" })).toBeUndefined();
    expect(adviseOn(undefined)).toBeUndefined();
    expect(adviseOn(null)).toBeUndefined();
  });

  it("attaches advice to an object with no message without inventing one", () => {
    const thrown: { name: string; message?: string; advice?: Advice } = { name: "ThrottlingException" };
    expect(adviseOn(thrown, { lang: "en" })?.problem).toBe("throttling");
    expect(thrown.advice?.problem).toBe("throttling");
    expect(thrown.message).toBeUndefined();
  });

  it("passes the failing operation on: Prompt Management errors name their IAM action", () => {
    const denied = awsError("AccessDeniedException", "User is not authorized to perform: bedrock:GetPrompt", 403);
    expect(explainError(denied, { operation: "GetPromptCommand", lang: "en" }).title).toBe("Missing permission bedrock:GetPrompt");
    // Without the operation, the model-access advice.
    expect(explainError(denied, { lang: "en" }).title).toBe("No access to the model");
  });

  it("passes the region on to Prompt Management advice", () => {
    const target = awsError("ValidationException", "Prompt optimization doesn't support the model anthropic.claude-haiku-4-5-20251001-v1:0.", 400);
    expect(explainError(target, { operation: "OptimizePrompt", region: "ap-northeast-1", lang: "en" }).explanation).toContain("AWS does not offer optimisation in ap-northeast-1");
  });
});
