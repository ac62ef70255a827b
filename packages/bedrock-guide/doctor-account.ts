import {
  GetFoundationModelAvailabilityCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelsCommand,
  type BedrockClient,
  type GetFoundationModelAvailabilityCommandOutput,
} from "@aws-sdk/client-bedrock";
import { knownRegions } from "bedrock-emulator";
import { errorName, type Add, type CheckStatus } from "./doctor-report";
import { explainError } from "./error-advice";
import type { Bilingual, Language } from "./language";
import {
  chooseModelFor,
  forgetRegionListings,
  ModelNotCallableHere,
} from "./model-for-region";

// The doctor's live checks of the account: Bedrock answers in the region, the guide's default
// models can be called from it (route, access, agreement, entitlement), and Anthropic's use case.

export async function checkBedrockAnswers(
  client: BedrockClient,
  region: string,
  add: Add,
  lang: Language,
): Promise<boolean> {
  try {
    const { modelSummaries = [] } = await client.send(
      new ListFoundationModelsCommand({ byOutputModality: "TEXT" }),
    );
    add("region", "ok", {
      es: `Región ${region}: Bedrock responde (${modelSummaries.length} modelos de texto)`,
      en: `Region ${region}: Bedrock answers (${modelSummaries.length} text models)`,
    });
    return true;
  } catch (error) {
    const advice = explainError(error, { lang, region });
    const wrongRegion = advice.problem === "region-without-bedrock";
    if (wrongRegion) {
      const known = knownRegions();
      add(
        "region",
        "fail",
        {
          es: `Región ${region}: Bedrock no responde aquí`,
          en: `Region ${region}: Bedrock does not answer here`,
        },
        {
          es: `Usa una región donde Bedrock ofrece modelos, por ejemplo ${
            known
              .filter((r) => r.startsWith("eu-"))
              .slice(0, 3)
              .join(", ") || known[0]
          }: exporta AWS_REGION. Lista completa: https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html`,
          en: `Use a region where Bedrock offers models, for example ${
            known
              .filter((r) => r.startsWith("eu-"))
              .slice(0, 3)
              .join(", ") || known[0]
          }: export AWS_REGION. Full list: https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html`,
        },
      );
    } else {
      add(
        "region",
        "fail",
        {
          es: `Región ${region}: ${advice.title}`,
          en: `Region ${region}: ${advice.title}`,
        },
        { es: advice.fix, en: advice.fix },
      );
    }
    return false;
  }
}

export async function checkModels(
  client: BedrockClient,
  region: string,
  models: string[],
  add: Add,
  lang: Language,
): Promise<void> {
  forgetRegionListings();
  for (const model of models) {
    let route: string;
    try {
      const choice = await chooseModelFor(model, region, lang);
      route = choice.modelId;
    } catch (error) {
      if (error instanceof ModelNotCallableHere) {
        add(
          `model:${model}`,
          "warn",
          {
            es: `${model}: no se puede invocar desde ${region}`,
            en: `${model}: cannot be called from ${region}`,
          },
          {
            es: `Los capítulos lo explican y usan otro modelo; si lo quieres, elige una región de: ${error.offeredIn.join(", ") || "(ninguna en el catálogo)"}.`,
            en: `The chapters explain it and use another model; to use it, pick a region from: ${error.offeredIn.join(", ") || "(none in the catalog)"}.`,
          },
        );
        continue;
      }
      throw error;
    }
    let availability: GetFoundationModelAvailabilityCommandOutput;
    try {
      availability = await client.send(
        new GetFoundationModelAvailabilityCommand({ modelId: model }),
      );
    } catch (error) {
      const advice = explainError(error, { lang, region, modelId: model });
      const status: CheckStatus =
        advice.problem === "no-access" ? "warn" : "fail";
      add(
        `model:${model}`,
        status,
        {
          es: `${model}: no se pudo comprobar (${errorName(error)}): ${advice.title}`,
          en: `${model}: could not check (${errorName(error)}): ${advice.title}`,
        },
        { es: advice.fix, en: advice.fix },
      );
      continue;
    }
    const problems = availabilityProblems(availability);
    if (!problems.length) {
      add(`model:${model}`, "ok", {
        es: `${model}: acceso, acuerdo y derecho de uso en orden; se invoca como ${route}`,
        en: `${model}: access, agreement and entitlement in order; called as ${route}`,
      });
    } else {
      add(
        `model:${model}`,
        "fail",
        {
          es: `${model}: ${problems.map((p) => p.es).join("; ")}`,
          en: `${model}: ${problems.map((p) => p.en).join("; ")}`,
        },
        {
          es: "El acceso a los modelos sin servidor se activa solo en la primera llamada si tu identidad IAM tiene aws-marketplace:Subscribe, aws-marketplace:Unsubscribe y aws-marketplace:ViewSubscriptions, además de bedrock:InvokeModel. Pide esos permisos, abre el modelo en el catálogo de modelos de la consola de Bedrock y pruébalo en el área de pruebas (Playground); la suscripción tarda hasta 15 minutos.",
          en: "Access to serverless models turns on by itself at the first call if your IAM identity has aws-marketplace:Subscribe, aws-marketplace:Unsubscribe and aws-marketplace:ViewSubscriptions, besides bedrock:InvokeModel. Ask for those permissions, open the model in the Bedrock console's model catalog and try it in the Playground; the subscription takes up to 15 minutes.",
        },
      );
    }
  }
}

/** What GetFoundationModelAvailability says is missing, in words. */
export function availabilityProblems(
  a: Partial<GetFoundationModelAvailabilityCommandOutput>,
): Bilingual[] {
  const problems: Bilingual[] = [];
  if (a.regionAvailability === "NOT_AVAILABLE")
    problems.push({
      es: "no se ofrece en esta región",
      en: "not offered in this region",
    });
  if (a.authorizationStatus === "NOT_AUTHORIZED")
    problems.push({
      es: "tu identidad no tiene autorización (IAM o una política de la organización)",
      en: "your identity is not authorised (IAM or an organisation policy)",
    });
  if (
    a.agreementAvailability?.status &&
    a.agreementAvailability.status !== "AVAILABLE"
  )
    problems.push({
      es: `acuerdo del proveedor ${a.agreementAvailability.status}`,
      en: `provider agreement ${a.agreementAvailability.status}`,
    });
  if (a.entitlementAvailability === "NOT_AVAILABLE")
    problems.push({
      es: "la cuenta no tiene derecho de uso (suscripción)",
      en: "the account has no entitlement (subscription)",
    });
  return problems;
}

/** Anthropic models need the account's use-case details once (GetUseCaseForModelAccess). */
export async function checkUseCase(
  client: BedrockClient,
  models: string[],
  add: Add,
  lang: Language,
): Promise<void> {
  if (!models.some((m) => m.startsWith("anthropic."))) return;
  try {
    await client.send(new GetUseCaseForModelAccessCommand({}));
    add("anthropic-use-case", "ok", {
      es: "Modelos de Anthropic: los datos del caso de uso de la cuenta ya se enviaron",
      en: "Anthropic models: the account's use-case details were submitted",
    });
  } catch (error) {
    if ((error as Error).name === "ResourceNotFoundException") {
      const advice = explainError(
        Object.assign(new Error(USE_CASE_MISSING_MESSAGE), {
          name: "ResourceNotFoundException",
        }),
        { lang },
      );
      add(
        "anthropic-use-case",
        "fail",
        {
          es: `Modelos de Anthropic: ${advice.title.toLowerCase()}`,
          en: `Anthropic models: ${advice.title.toLowerCase()}`,
        },
        { es: advice.fix, en: advice.fix },
      );
    } else {
      add(
        "anthropic-use-case",
        "warn",
        {
          es: `Modelos de Anthropic: no se pudo consultar el caso de uso (${errorName(error)})`,
          en: `Anthropic models: could not read the use case (${errorName(error)})`,
        },
        {
          es: "Permite bedrock:GetUseCaseForModelAccess a tu identidad para comprobarlo, o prueba un modelo de Anthropic en el Playground de la consola.",
          en: "Allow bedrock:GetUseCaseForModelAccess for your identity to check it, or try an Anthropic model in the console's Playground.",
        },
      );
    }
  }
}

/** What Bedrock answers a new account's first Claude call (reported verbatim in public issues). */
export const USE_CASE_MISSING_MESSAGE =
  "Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model.";
