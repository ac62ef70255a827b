// bedrock-agent, Prompt Management operations: CreatePrompt, GetPrompt, ListPrompts, UpdatePrompt,
// CreatePromptVersion, DeletePrompt. Paths, methods, status codes and constraints follow the
// botocore model bedrock-agent 2023-06-05 (note the trailing slashes in the paths).

import { BedrockError, type EmulatorContext, type EmulatorRequest, type Reply, type Route } from "../http";
import type { PromptDraftInput, PromptStore, PromptVariant } from "../prompt-store";
import { parseJson } from "./validation";

// ---------------------------------------------------------------------------------------------
// Where the instance's store lives
// ---------------------------------------------------------------------------------------------

/** The PromptStore of this emulator instance (one per startEmulator() call). */
export function promptStoreOf(ctx: EmulatorContext): PromptStore {
  return ctx.prompts;
}

// ---------------------------------------------------------------------------------------------
// Validation in the style of AWS's "N validation errors detected: Value '…' at '…' failed to
// satisfy constraint: …" messages. Values of sensitive members (variants) are not echoed, as AWS
// leaves them out.
// ---------------------------------------------------------------------------------------------

const NAME_PATTERN = "([0-9a-zA-Z][_-]?){1,100}";
const MODEL_ID_PATTERN =
  "(arn:aws(-[^:]{1,12})?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+/)?)?([a-zA-Z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(/[a-z0-9]{1,12})?";
const KMS_PATTERN = "arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}";
const CLIENT_TOKEN_PATTERN = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}";
const TAG_PATTERN = "[a-zA-Z0-9\\s._:/=+@-]*";
const AGENT_ALIAS_PATTERN = "arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias/[0-9a-zA-Z]{10}/[0-9a-zA-Z]{10}";
const TOOL_NAME_PATTERN = "[a-zA-Z][a-zA-Z0-9_]*";

const regexCache = new Map<string, RegExp>();
function fullMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    regexCache.set(pattern, re);
  }
  return re.test(value);
}

class Checker {
  readonly errors: string[] = [];

  private value(v: unknown, path: string): string {
    if (path.startsWith("variants")) return "Value";
    const shown = typeof v === "string" ? v : JSON.stringify(v);
    return `Value '${shown}'`;
  }

  fail(v: unknown, path: string, constraint: string): void {
    this.errors.push(`${this.value(v, path)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  required(v: unknown, path: string): boolean {
    if (v === undefined || v === null) {
      this.errors.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      return false;
    }
    return true;
  }

  object(v: unknown, path: string): v is Record<string, unknown> {
    if (v === undefined || v === null) return false;
    if (typeof v !== "object" || Array.isArray(v)) {
      this.fail(v, path, "Member must be a structure");
      return false;
    }
    return true;
  }

  string(v: unknown, path: string, c: { min?: number; max?: number; pattern?: string; enum?: string[] } = {}): v is string {
    if (v === undefined || v === null) return false;
    if (typeof v !== "string") {
      this.fail(v, path, "Member must be a string");
      return false;
    }
    let ok = true;
    if (c.min !== undefined && v.length < c.min) {
      this.fail(v, path, `Member must have length greater than or equal to ${c.min}`);
      ok = false;
    }
    if (c.max !== undefined && v.length > c.max) {
      this.fail(v, path, `Member must have length less than or equal to ${c.max}`);
      ok = false;
    }
    if (c.pattern !== undefined && !fullMatch(c.pattern, v)) {
      this.fail(v, path, `Member must satisfy regular expression pattern: ${c.pattern}`);
      ok = false;
    }
    if (c.enum !== undefined && !c.enum.includes(v)) {
      this.fail(v, path, `Member must satisfy enum value set: [${c.enum.join(", ")}]`);
      ok = false;
    }
    return ok;
  }

  number(v: unknown, path: string, c: { min?: number; max?: number; integer?: boolean } = {}): boolean {
    if (v === undefined || v === null) return false;
    if (typeof v !== "number" || !Number.isFinite(v) || (c.integer && !Number.isInteger(v))) {
      this.fail(v, path, c.integer ? "Member must be an integer" : "Member must be a number");
      return false;
    }
    if (c.min !== undefined && v < c.min) {
      this.fail(v, path, `Member must have value greater than or equal to ${c.min}`);
      return false;
    }
    if (c.max !== undefined && v > c.max) {
      this.fail(v, path, `Member must have value less than or equal to ${c.max}`);
      return false;
    }
    return true;
  }

  list(v: unknown, path: string, c: { min?: number; max?: number } = {}): v is unknown[] {
    if (v === undefined || v === null) return false;
    if (!Array.isArray(v)) {
      this.fail(v, path, "Member must be a list");
      return false;
    }
    if (c.min !== undefined && v.length < c.min) {
      this.fail(v, path, `Member must have length greater than or equal to ${c.min}`);
      return false;
    }
    if (c.max !== undefined && v.length > c.max) {
      this.fail(v, path, `Member must have length less than or equal to ${c.max}`);
      return false;
    }
    return true;
  }

  /** Unions: exactly one member set. */
  union(v: Record<string, unknown>, path: string, members: string[]): string | undefined {
    const set = Object.keys(v).filter((k) => v[k] !== undefined && v[k] !== null);
    const unknown = set.filter((k) => !members.includes(k));
    if (unknown.length > 0 || set.length !== 1) {
      this.errors.push(
        `Value at '${path}' failed to satisfy constraint: Member must have exactly one of these members set: [${members.join(", ")}]`,
      );
      return undefined;
    }
    return set[0];
  }

  tags(v: unknown, path: string): void {
    if (!this.object(v, path)) return;
    for (const [k, val] of Object.entries(v)) {
      this.string(k, `${path}.key`, { min: 1, max: 128, pattern: TAG_PATTERN });
      if (this.required(val, `${path}.${k}`)) this.string(val, `${path}.${k}`, { min: 0, max: 256, pattern: TAG_PATTERN });
    }
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw new BedrockError(
      "ValidationException",
      400,
      `${n} validation error${n === 1 ? "" : "s"} detected: ${this.errors.join("; ")}`,
    );
  }
}

function checkContentBlocks(c: Checker, blocks: unknown, path: string, system: boolean): void {
  if (!c.list(blocks, path)) return;
  blocks.forEach((b, i) => {
    const p = `${path}.${i + 1}.member`;
    if (!c.required(b, p) || !c.object(b, p)) return;
    const kind = c.union(b, p, ["text", "cachePoint"]);
    if (kind === "text") c.string(b.text, `${p}.text`, system ? { min: 1 } : {});
    if (kind === "cachePoint" && c.object(b.cachePoint, `${p}.cachePoint`) && c.required(b.cachePoint.type, `${p}.cachePoint.type`)) {
      c.string(b.cachePoint.type, `${p}.cachePoint.type`, { enum: ["default"] });
    }
  });
}

function checkInputVariables(c: Checker, vars: unknown, path: string): void {
  if (!c.list(vars, path, { min: 0, max: 20 })) return;
  const names = new Set<string>();
  vars.forEach((v, i) => {
    const p = `${path}.${i + 1}.member`;
    if (!c.required(v, p) || !c.object(v, p)) return;
    if (c.string(v.name, `${p}.name`, { pattern: NAME_PATTERN })) {
      if (names.has(v.name)) c.errors.push(`Value at '${p}.name' failed to satisfy constraint: input variable names must be unique`);
      names.add(v.name);
    }
  });
}

function checkToolConfiguration(c: Checker, tc: unknown, path: string): void {
  if (!c.object(tc, path)) return;
  if (c.required(tc.tools, `${path}.tools`) && c.list(tc.tools, `${path}.tools`, { min: 1 })) {
    tc.tools.forEach((t, i) => {
      const p = `${path}.tools.${i + 1}.member`;
      if (!c.required(t, p) || !c.object(t, p)) return;
      const kind = c.union(t, p, ["toolSpec", "cachePoint"]);
      if (kind === "toolSpec" && c.object(t.toolSpec, `${p}.toolSpec`)) {
        const spec = t.toolSpec;
        if (c.required(spec.name, `${p}.toolSpec.name`)) c.string(spec.name, `${p}.toolSpec.name`, { min: 1, max: 64, pattern: TOOL_NAME_PATTERN });
        c.string(spec.description, `${p}.toolSpec.description`, { min: 1 });
        if (c.required(spec.inputSchema, `${p}.toolSpec.inputSchema`) && c.object(spec.inputSchema, `${p}.toolSpec.inputSchema`)) {
          c.union(spec.inputSchema, `${p}.toolSpec.inputSchema`, ["json"]);
        }
      }
    });
  }
  if (c.object(tc.toolChoice, `${path}.toolChoice`)) {
    const kind = c.union(tc.toolChoice, `${path}.toolChoice`, ["auto", "any", "tool"]);
    if (kind) c.object(tc.toolChoice[kind], `${path}.toolChoice.${kind}`);
    if (kind === "tool" && c.object(tc.toolChoice.tool, `${path}.toolChoice.tool`)) {
      const name = (tc.toolChoice.tool as Record<string, unknown>).name;
      if (c.required(name, `${path}.toolChoice.tool.name`)) c.string(name, `${path}.toolChoice.tool.name`, { min: 1, max: 64, pattern: TOOL_NAME_PATTERN });
    }
  }
}

function checkVariant(c: Checker, v: unknown, p: string): void {
  if (!c.required(v, p) || !c.object(v, p)) return;
  if (c.required(v.name, `${p}.name`)) c.string(v.name, `${p}.name`, { pattern: NAME_PATTERN });
  const typeOk = c.required(v.templateType, `${p}.templateType`) && c.string(v.templateType, `${p}.templateType`, { enum: ["TEXT", "CHAT"] });
  if (c.required(v.templateConfiguration, `${p}.templateConfiguration`) && c.object(v.templateConfiguration, `${p}.templateConfiguration`)) {
    const cfg = v.templateConfiguration;
    const kind = c.union(cfg, `${p}.templateConfiguration`, ["text", "chat"]);
    if (kind === "text" && c.object(cfg.text, `${p}.templateConfiguration.text`)) {
      const t = cfg.text;
      const tp = `${p}.templateConfiguration.text`;
      if (c.required(t.text, `${tp}.text`)) c.string(t.text, `${tp}.text`, { min: 1 });
      checkInputVariables(c, t.inputVariables, `${tp}.inputVariables`);
    }
    if (kind === "chat" && c.object(cfg.chat, `${p}.templateConfiguration.chat`)) {
      const ch = cfg.chat;
      const cp = `${p}.templateConfiguration.chat`;
      if (c.required(ch.messages, `${cp}.messages`) && c.list(ch.messages, `${cp}.messages`)) {
        ch.messages.forEach((m, i) => {
          const mp = `${cp}.messages.${i + 1}.member`;
          if (!c.required(m, mp) || !c.object(m, mp)) return;
          if (c.required(m.role, `${mp}.role`)) c.string(m.role, `${mp}.role`, { enum: ["user", "assistant"] });
          if (c.required(m.content, `${mp}.content`)) checkContentBlocks(c, m.content, `${mp}.content`, false);
        });
      }
      if (ch.system !== undefined) checkContentBlocks(c, ch.system, `${cp}.system`, true);
      checkInputVariables(c, ch.inputVariables, `${cp}.inputVariables`);
      if (ch.toolConfiguration !== undefined) checkToolConfiguration(c, ch.toolConfiguration, `${cp}.toolConfiguration`);
    }
    // The template type names which template member must be present.
    if (typeOk && kind && kind !== String(v.templateType).toLowerCase()) {
      c.errors.push(
        `Value at '${p}.templateConfiguration' failed to satisfy constraint: templateType ${String(v.templateType)} needs templateConfiguration.${String(v.templateType).toLowerCase()}, not templateConfiguration.${kind}`,
      );
    }
  }
  c.string(v.modelId, `${p}.modelId`, { min: 1, max: 2048, pattern: MODEL_ID_PATTERN });
  if (c.object(v.inferenceConfiguration, `${p}.inferenceConfiguration`)) {
    const kind = c.union(v.inferenceConfiguration, `${p}.inferenceConfiguration`, ["text"]);
    const t = v.inferenceConfiguration.text;
    const ip = `${p}.inferenceConfiguration.text`;
    if (kind === "text" && c.object(t, ip)) {
      c.number(t.temperature, `${ip}.temperature`, { min: 0, max: 1 });
      c.number(t.topP, `${ip}.topP`, { min: 0, max: 1 });
      c.number(t.maxTokens, `${ip}.maxTokens`, { min: 0, integer: true });
      if (c.list(t.stopSequences, `${ip}.stopSequences`, { min: 0, max: 4 })) {
        t.stopSequences.forEach((s, i) => {
          if (c.required(s, `${ip}.stopSequences.${i + 1}.member`)) c.string(s, `${ip}.stopSequences.${i + 1}.member`);
        });
      }
    }
  }
  if (c.list(v.metadata, `${p}.metadata`, { min: 0, max: 50 })) {
    v.metadata.forEach((e, i) => {
      const ep = `${p}.metadata.${i + 1}.member`;
      if (!c.required(e, ep) || !c.object(e, ep)) return;
      if (c.required(e.key, `${ep}.key`)) c.string(e.key, `${ep}.key`, { min: 1, max: 128, pattern: TAG_PATTERN });
      if (c.required(e.value, `${ep}.value`)) c.string(e.value, `${ep}.value`, { min: 0, max: 1024, pattern: TAG_PATTERN });
    });
  }
  if (v.additionalModelRequestFields !== undefined && v.additionalModelRequestFields !== null) {
    c.object(v.additionalModelRequestFields, `${p}.additionalModelRequestFields`);
  }
  if (c.object(v.genAiResource, `${p}.genAiResource`)) {
    const kind = c.union(v.genAiResource, `${p}.genAiResource`, ["agent"]);
    const a = v.genAiResource.agent;
    if (kind === "agent" && c.object(a, `${p}.genAiResource.agent`) && c.required(a.agentIdentifier, `${p}.genAiResource.agent.agentIdentifier`)) {
      c.string(a.agentIdentifier, `${p}.genAiResource.agent.agentIdentifier`, { min: 0, max: 2048, pattern: AGENT_ALIAS_PATTERN });
    }
  }
}

/** Validates the body of CreatePrompt / UpdatePrompt and returns the draft fields. */
function checkDraftBody(body: Record<string, unknown>, withCreateFields: boolean): PromptDraftInput & { tags?: Record<string, string>; clientToken?: string } {
  const c = new Checker();
  if (c.required(body.name, "name")) c.string(body.name, "name", { pattern: NAME_PATTERN });
  c.string(body.description, "description", { min: 1, max: 200 });
  c.string(body.customerEncryptionKeyArn, "customerEncryptionKeyArn", { min: 1, max: 2048, pattern: KMS_PATTERN });
  c.string(body.defaultVariant, "defaultVariant", { pattern: NAME_PATTERN });
  // The model allows at most one variant per prompt (PromptVariantList max 1).
  if (c.list(body.variants, "variants", { min: 0, max: 1 })) {
    body.variants.forEach((v, i) => checkVariant(c, v, `variants.${i + 1}.member`));
  }
  if (withCreateFields) {
    c.string(body.clientToken, "clientToken", { min: 33, max: 256, pattern: CLIENT_TOKEN_PATTERN });
    c.tags(body.tags, "tags");
  }
  c.throwIfAny();

  // Checks across fields, once every field is well formed.
  const variants = (body.variants as PromptVariant[] | undefined) ?? [];
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

function identifierOf(req: EmulatorRequest): string {
  const id = req.params.promptIdentifier;
  if (!id) throw new BedrockError("ValidationException", 400, "1 validation error detected: Value null at 'promptIdentifier' failed to satisfy constraint: Member must not be null");
  return id;
}

function resourceArnOf(req: EmulatorRequest): string {
  const arn = req.params.resourceArn;
  if (!arn) throw new BedrockError("ValidationException", 400, "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null");
  return arn;
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export const agentRoutes: Route[] = [
  {
    operation: "CreatePrompt",
    method: "POST",
    pattern: "/prompts/",
    async handle(req, ctx): Promise<Reply> {
      const input = checkDraftBody(jsonBody(req), true);
      const view = await promptStoreOf(ctx).create(req.region, input);
      return { status: 201, json: view };
    },
  },
  {
    operation: "ListPrompts",
    method: "GET",
    pattern: "/prompts/",
    async handle(req, ctx): Promise<Reply> {
      const c = new Checker();
      const rawMax = queryParam(req, "maxResults");
      let maxResults: number | undefined;
      if (rawMax !== undefined) {
        maxResults = /^-?\d+$/.test(rawMax) ? Number(rawMax) : NaN;
        c.number(maxResults, "maxResults", { min: 1, max: 1000, integer: true });
      }
      const nextToken = queryParam(req, "nextToken");
      c.string(nextToken, "nextToken", { min: 1, max: 2048, pattern: "\\S*" });
      c.throwIfAny();
      const promptIdentifier = queryParam(req, "promptIdentifier");
      const page = promptStoreOf(ctx).list(req.region, { promptIdentifier, maxResults, nextToken });
      return { status: 200, json: page };
    },
  },
  {
    operation: "GetPrompt",
    method: "GET",
    pattern: "/prompts/{promptIdentifier}/",
    async handle(req, ctx): Promise<Reply> {
      const c = new Checker();
      const promptVersion = queryParam(req, "promptVersion");
      c.string(promptVersion, "promptVersion", { min: 1, max: 5, pattern: "(DRAFT|[0-9]{0,4}[1-9][0-9]{0,4})" });
      const includedData = queryParam(req, "includedData");
      c.string(includedData, "includedData", { enum: ["ALL_DATA", "METADATA_ONLY"] });
      c.throwIfAny();
      const view = promptStoreOf(ctx).get(req.region, identifierOf(req), promptVersion, includedData === "METADATA_ONLY");
      return { status: 200, json: view };
    },
  },
  {
    operation: "UpdatePrompt",
    method: "PUT",
    pattern: "/prompts/{promptIdentifier}/",
    async handle(req, ctx): Promise<Reply> {
      const input = checkDraftBody(jsonBody(req), false);
      const view = await promptStoreOf(ctx).update(req.region, identifierOf(req), input);
      return { status: 200, json: view };
    },
  },
  {
    operation: "CreatePromptVersion",
    method: "POST",
    pattern: "/prompts/{promptIdentifier}/versions",
    async handle(req, ctx): Promise<Reply> {
      const body = jsonBody(req);
      const c = new Checker();
      c.string(body.description, "description", { min: 1, max: 200 });
      c.string(body.clientToken, "clientToken", { min: 33, max: 256, pattern: CLIENT_TOKEN_PATTERN });
      c.tags(body.tags, "tags");
      c.throwIfAny();
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
    method: "GET",
    pattern: "/tags/{resourceArn}",
    async handle(req, ctx): Promise<Reply> {
      return { status: 200, json: { tags: promptStoreOf(ctx).tagsOf(resourceArnOf(req)) } };
    },
  },
  {
    operation: "TagResource",
    method: "POST",
    pattern: "/tags/{resourceArn}",
    async handle(req, ctx): Promise<Reply> {
      const body = jsonBody(req);
      const c = new Checker();
      c.required(body.tags, "tags");
      c.tags(body.tags, "tags");
      c.throwIfAny();
      await promptStoreOf(ctx).tag(resourceArnOf(req), body.tags as Record<string, string>);
      return { status: 200, json: {} };
    },
  },
  {
    operation: "UntagResource",
    method: "DELETE",
    pattern: "/tags/{resourceArn}",
    async handle(req, ctx): Promise<Reply> {
      const keys = req.query.getAll("tagKeys");
      const c = new Checker();
      c.list(keys.length ? keys : undefined, "tagKeys", { min: 0, max: 200 });
      if (!keys.length) c.required(undefined, "tagKeys");
      c.throwIfAny();
      await promptStoreOf(ctx).untag(resourceArnOf(req), keys);
      return { status: 200, json: {} };
    },
  },
  {
    operation: "DeletePrompt",
    method: "DELETE",
    pattern: "/prompts/{promptIdentifier}/",
    async handle(req, ctx): Promise<Reply> {
      const c = new Checker();
      const promptVersion = queryParam(req, "promptVersion");
      c.string(promptVersion, "promptVersion", { pattern: "[0-9]{1,5}" });
      c.throwIfAny();
      const out = await promptStoreOf(ctx).delete(req.region, identifierOf(req), promptVersion);
      return { status: 200, json: out };
    },
  },
];
