// bedrock-agent, Prompt Management operations: CreatePrompt, GetPrompt, ListPrompts, UpdatePrompt,
// CreatePromptVersion, DeletePrompt, and tags. Routes come from the SDK's operation schemas and
// field constraints from AWS's model (src/generated/constraints.json); this file holds behaviour.

import { BedrockError } from "../errors";
import type { EmulatorContext, EmulatorRequest, Reply, Route, RouteSpec } from "../contract";
import { defineRoutes } from "../define-routes";
import type { PromptDraftInput, PromptVariant } from "../prompts/types";
import type { PromptStore } from "../prompts/store";
import { parseJson } from "../request-body";

// ---------------------------------------------------------------------------------------------
// Where the instance's store lives
// ---------------------------------------------------------------------------------------------

/** The PromptStore of this emulator instance (one per startEmulator() call). */
export function promptStoreOf(ctx: EmulatorContext): PromptStore {
  return ctx.prompts;
}

// ---------------------------------------------------------------------------------------------
// Field constraints (required, length, pattern, enum, unions, sensitive values) are checked before
// the handler runs, by the engine in ../validate.ts from AWS's model. What is left here is what the
// model can't say: rules across fields.
// ---------------------------------------------------------------------------------------------

function crossFieldErrors(variants: PromptVariant[]): string[] {
  const errors: string[] = [];
  variants.forEach((v, i) => {
    const p = `variants.${i + 1}.member`;
    const cfg = v.templateConfiguration as Record<string, { inputVariables?: { name?: string }[] } | undefined> | undefined;
    const kind = cfg ? Object.keys(cfg).find((k) => cfg[k] !== undefined && cfg[k] !== null) : undefined;
    // The template type names which template member must be present.
    if (kind && v.templateType && kind !== String(v.templateType).toLowerCase()) {
      errors.push(
        `Value at '${p}.templateConfiguration' failed to satisfy constraint: templateType ${String(v.templateType)} needs templateConfiguration.${String(v.templateType).toLowerCase()}, not templateConfiguration.${kind}`,
      );
    }
    const vars = kind ? cfg![kind]?.inputVariables : undefined;
    const seen = new Set<string>();
    vars?.forEach((iv, j) => {
      if (typeof iv?.name !== "string") return;
      if (seen.has(iv.name)) errors.push(`Value at '${p}.templateConfiguration.${kind}.inputVariables.${j + 1}.member.name' failed to satisfy constraint: input variable names must be unique`);
      seen.add(iv.name);
    });
  });
  return errors;
}

/** Validates the body of CreatePrompt / UpdatePrompt and returns the draft fields. */
function checkDraftBody(body: Record<string, unknown>, withCreateFields: boolean): PromptDraftInput & { tags?: Record<string, string>; clientToken?: string } {
  // Checks across fields; every field is already well formed (../validate.ts).
  const variants = (body.variants as PromptVariant[] | undefined) ?? [];
  const errors = crossFieldErrors(variants);
  if (errors.length) {
    throw new BedrockError("ValidationException", 400, `${errors.length} validation error${errors.length === 1 ? "" : "s"} detected: ${errors.join("; ")}`);
  }
  const names = variants.map((v) => v.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) {
    throw new BedrockError("ValidationException", 400, `Variant names must be unique in a prompt; ${dup} appears more than once.`);
  }
  if (body.defaultVariant !== undefined && !names.includes(body.defaultVariant as string)) {
    throw new BedrockError(
      "ValidationException",
      400,
      `The defaultVariant ${String(body.defaultVariant)} doesn't match the name of any variant in the prompt` +
        (names.length ? ` (variants: ${names.join(", ")}).` : " (the prompt has no variants)."),
    );
  }
  const out: PromptDraftInput & { tags?: Record<string, string>; clientToken?: string } = { name: body.name as string };
  if (body.description !== undefined) out.description = body.description as string;
  if (body.customerEncryptionKeyArn !== undefined) out.customerEncryptionKeyArn = body.customerEncryptionKeyArn as string;
  if (body.defaultVariant !== undefined) out.defaultVariant = body.defaultVariant as string;
  if (body.variants !== undefined) out.variants = variants;
  if (withCreateFields) {
    if (body.tags !== undefined) out.tags = body.tags as Record<string, string>;
    if (body.clientToken !== undefined) out.clientToken = body.clientToken as string;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Request helpers
// ---------------------------------------------------------------------------------------------

/** Prompt Management answers a body that is not a JSON object with ValidationException. */
export function jsonBody(req: EmulatorRequest): Record<string, unknown> {
  return parseJson(req, "ValidationException");
}

function queryParam(req: EmulatorRequest, name: string): string | undefined {
  const v = req.query.get(name);
  return v === null ? undefined : v;
}

// Path labels are never empty (the route pattern needs a character) and AWS's model requires them:
// the engine checked both before the handler runs.
function identifierOf(req: EmulatorRequest): string {
  return req.params.promptIdentifier;
}

function resourceArnOf(req: EmulatorRequest): string {
  return req.params.resourceArn;
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

const specs: RouteSpec[] = [
  {
    operation: "CreatePrompt",
    async handle(req, ctx): Promise<Reply> {
      const input = checkDraftBody(jsonBody(req), true);
      const view = await promptStoreOf(ctx).create(req.region, input);
      return { status: 201, json: view };
    },
  },
  {
    operation: "ListPrompts",
    async handle(req, ctx): Promise<Reply> {
      const rawMax = queryParam(req, "maxResults");
      const maxResults = rawMax === undefined ? undefined : Number(rawMax);
      const nextToken = queryParam(req, "nextToken");
      const promptIdentifier = queryParam(req, "promptIdentifier");
      const page = promptStoreOf(ctx).list(req.region, { promptIdentifier, maxResults, nextToken });
      return { status: 200, json: page };
    },
  },
  {
    operation: "GetPrompt",
    async handle(req, ctx): Promise<Reply> {
      const promptVersion = queryParam(req, "promptVersion");
      const includedData = queryParam(req, "includedData");
      // includedData is newer than both models the tables come from (the SDK's IncludedData enum).
      if (includedData !== undefined && !["ALL_DATA", "METADATA_ONLY"].includes(includedData)) {
        throw new BedrockError("ValidationException", 400, `1 validation error detected: Value '${includedData}' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]`);
      }
      const view = promptStoreOf(ctx).get(req.region, identifierOf(req), promptVersion, includedData === "METADATA_ONLY");
      return { status: 200, json: view };
    },
  },
  {
    operation: "UpdatePrompt",
    async handle(req, ctx): Promise<Reply> {
      const input = checkDraftBody(jsonBody(req), false);
      const view = await promptStoreOf(ctx).update(req.region, identifierOf(req), input);
      return { status: 200, json: view };
    },
  },
  {
    operation: "CreatePromptVersion",
    async handle(req, ctx): Promise<Reply> {
      const body = jsonBody(req);
      const view = await promptStoreOf(ctx).createVersion(req.region, identifierOf(req), {
        description: body.description as string | undefined,
        tags: body.tags as Record<string, string> | undefined,
        clientToken: body.clientToken as string | undefined,
      });
      return { status: 201, json: view };
    },
  },
  {
    operation: "ListTagsForResource",
    async handle(req, ctx): Promise<Reply> {
      return { status: 200, json: { tags: promptStoreOf(ctx).tagsOf(resourceArnOf(req)) } };
    },
  },
  {
    operation: "TagResource",
    async handle(req, ctx): Promise<Reply> {
      const body = jsonBody(req);
      await promptStoreOf(ctx).tag(resourceArnOf(req), body.tags as Record<string, string>);
      return { status: 200, json: {} };
    },
  },
  {
    operation: "UntagResource",
    async handle(req, ctx): Promise<Reply> {
      const keys = req.query.getAll("tagKeys");
      await promptStoreOf(ctx).untag(resourceArnOf(req), keys);
      return { status: 200, json: {} };
    },
  },
  {
    operation: "DeletePrompt",
    async handle(req, ctx): Promise<Reply> {
      const promptVersion = queryParam(req, "promptVersion");
      const out = await promptStoreOf(ctx).delete(req.region, identifierOf(req), promptVersion);
      return { status: 200, json: out };
    },
  },
];

// A store saved in IndexedDB loads asynchronously: every Prompt Management call waits for it.
export const agentRoutes: Route[] = defineRoutes(
  specs.map((spec) => ({
    ...spec,
    async handle(req, ctx) {
      await ctx.prompts.ready();
      return spec.handle(req, ctx);
    },
  })),
);
