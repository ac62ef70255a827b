// bedrock (control plane): ListFoundationModels (filters), GetFoundationModel,
// GetFoundationModelAvailability, ListInferenceProfiles (pagination, type filter), GetInferenceProfile.
// Shapes and paths from botocore bedrock 2023-04-20. The SDK's region selects the catalog.
import { errors } from "../errors";
import type { Reply, Route } from "../contract";
import { defineRoutes } from "../define-routes";
import { modelIdOf, parseBedrockArn } from "../arn";
import { messages } from "../errors";
import { listPage, listWindow } from "./list-page";


export const bedrockRoutes: Route[] = defineRoutes([
  {
    operation: "ListFoundationModels",
    async handle(req, ctx): Promise<Reply> {
      const byProvider = req.query.get("byProvider");
      const byOutputModality = req.query.get("byOutputModality");
      const byInferenceType = req.query.get("byInferenceType");
      const byCustomizationType = req.query.get("byCustomizationType");
      ctx.catalog.assertCovers(req.region);
      const now = ctx.now();
      const c = ctx.catalog;
      const provider = byProvider?.toLowerCase();
      const summaries = c
        .listModels(req.region, now)
        .filter(
          (m) =>
            // AWS matches the provider case-insensitively, by name or by the model ID prefix.
            (!provider || m.providerName.toLowerCase() === provider || m.modelId.split(".")[0] === provider) &&
            (!byOutputModality || m.outputModalities.includes(byOutputModality)) &&
            (!byInferenceType || c.inferenceTypes(m, req.region).includes(byInferenceType)) &&
            (!byCustomizationType || m.customizationsSupported.includes(byCustomizationType)),
        )
        .map((m) => c.summary(m, req.region, now));
      return { status: 200, json: { modelSummaries: summaries } };
    },
  },
  {
    operation: "GetFoundationModel",
    async handle(req, ctx): Promise<Reply> {
      const id = modelIdOf(req.params.modelIdentifier);
      ctx.catalog.assertCovers(req.region);
      const now = ctx.now();
      const m = ctx.catalog.model(id);
      if (ctx.catalog.isEndOfLife(id, now)) throw errors.notFound(messages.endOfLife);
      if (!m || m.mantleOnly || !m.regions.includes(req.region)) throw errors.validation(messages.invalidModel);
      return { status: 200, json: { modelDetails: ctx.catalog.summary(m, req.region, now) } };
    },
  },
  {
    operation: "GetFoundationModelAvailability",
    async handle(req, ctx): Promise<Reply> {
      const id = req.params.modelId;
      ctx.catalog.assertCovers(req.region);
      const now = ctx.now();
      const m = ctx.catalog.model(id);
      if (ctx.catalog.isEndOfLife(id, now)) throw errors.notFound(messages.endOfLife);
      // The API reference's error for a model that doesn't exist is ResourceNotFoundException; a
      // model Bedrock offers elsewhere but not here answers 200 with regionAvailability
      // NOT_AVAILABLE, the response field the model defines for exactly that case.
      if (!m || m.mantleOnly) throw errors.notFound(messages.modelNotFound(id));
      const denied = ctx.faults.deniesAccess([id]);
      const inRegion = m.regions.includes(req.region);
      return {
        status: 200,
        json: {
          modelId: id,
          agreementAvailability: { status: denied ? "NOT_AVAILABLE" : "AVAILABLE" },
          authorizationStatus: denied ? "NOT_AUTHORIZED" : "AUTHORIZED",
          entitlementAvailability: denied ? "NOT_AVAILABLE" : "AVAILABLE",
          regionAvailability: inRegion ? "AVAILABLE" : "NOT_AVAILABLE",
        },
      };
    },
  },
  {
    operation: "ListInferenceProfiles",
    async handle(req, ctx): Promise<Reply> {
      const type = req.query.get("type");
      ctx.catalog.assertCovers(req.region);
      const window = listWindow(req.query);
      const all = ctx.catalog.listProfiles(req.region, ctx.now()).filter((p) => !type || p.type === type);
      const { page, more } = listPage(window, all);
      return { status: 200, json: { inferenceProfileSummaries: page.map((p) => ctx.catalog.profileSummary(p, req.region)), ...more } };
    },
  },
  {
    operation: "GetInferenceProfile",
    async handle(req, ctx): Promise<Reply> {
      const raw = req.params.inferenceProfileIdentifier;
      const arn = parseBedrockArn(raw);
      const id = arn && /^(application-)?inference-profile$/.test(arn.resourceType) ? arn.resource : raw;
      ctx.catalog.assertCovers(req.region);
      const p = ctx.catalog.profile(req.region, id);
      if (!p || !ctx.catalog.listProfiles(req.region, ctx.now()).includes(p)) {
        throw errors.notFound(`Inference profile ${id} not found.`);
      }
      return { status: 200, json: ctx.catalog.profileSummary(p, req.region) };
    },
  },
]);
