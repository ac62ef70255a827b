// Prompts through Converse / ConverseStream: a prompt ARN as modelId runs the prompt version's
// default variant, its variables filled.
import { errors } from "../errors";
import { FIELDS_FIXED_BY_PROMPT } from "../facts";
import generated from "../generated/constraints.json";
import type { PromptModelInferenceConfiguration } from "./types";
import { clone, type PromptStore } from "./store";

/**
 * A `{{name}}` variable, named by AWS's rule: the bedrock-agent model's PromptInputVariableName
 * pattern (src/generated/constraints.json), one source with the validation engine.
 */
const VARIABLE_RE = new RegExp(`\\{\\{(${(generated.shapes as Record<string, { pattern?: string }>)["botocore:bedrockagent#PromptInputVariableName"].pattern})\\}\\}`, "g");

/** Names of the `{{variables}}` in a text, in order of first appearance. */
export function templateVariables(text: string): string[] {
  const seen: string[] = [];
  VARIABLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VARIABLE_RE.exec(text)) !== null) if (!seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE_RE, (whole, name: string) => (name in values ? values[name] : whole));
}

export interface ResolvedConverse {
  /** The model (or inference profile) the prompt variant names. */
  modelId: string;
  messages: { role: string; content: unknown[] }[];
  system?: { text?: string; cachePoint?: unknown }[];
  inferenceConfig?: PromptModelInferenceConfiguration;
  toolConfig?: { tools: unknown[]; toolChoice?: unknown };
  additionalModelRequestFields?: unknown;
  /** Which prompt ran: useful for the synthetic answer and for logs. */
  prompt: { arn: string; id: string; version: string; variant: string; variables: Record<string, string> };
}

/**
 * Turns a Converse / ConverseStream request whose modelId is a prompt ARN into the request the
 * model actually receives: the prompt version's default variant with its `{{variables}}` filled from
 * `body.promptVariables`, its model and inference configuration, and any `body.messages` appended
 * after the template's messages (as AWS documents). Throws BedrockError like AWS on misuse.
 */
export function resolvePromptForConverse(store: PromptStore, modelId: string, body: unknown): ResolvedConverse {
  const req = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const forbidden = FIELDS_FIXED_BY_PROMPT.filter((f) => req[f] !== undefined && req[f] !== null);
  if (forbidden.length > 0) {
    throw errors.validation(
      `You can't set ${forbidden.join(", ")} in a request whose modelId is a prompt from Prompt management. ` +
        `Define ${FIELDS_FIXED_BY_PROMPT.slice(0, -1).join(", ")} and ${FIELDS_FIXED_BY_PROMPT[FIELDS_FIXED_BY_PROMPT.length - 1]} in the prompt instead.`,
    );
  }
  const { view } = store.resolveArn(modelId);
  const variants = view.variants ?? [];
  const variant = variants.find((v) => v.name === view.defaultVariant) ?? variants[0];
  if (!variant) throw errors.validation(`Prompt ${view.arn} has no variant to run. Add a variant with UpdatePrompt and create a new version.`);
  if (variant.genAiResource?.agent) {
    throw errors.validation(`Prompt ${view.arn} is configured for an agent, not a model, so Converse can't run it.`);
  }
  if (!variant.modelId) {
    throw errors.validation(`Prompt ${view.arn} (variant ${variant.name}) has no modelId. Set the model in the prompt variant.`);
  }

  const textCfg = variant.templateConfiguration?.text;
  const chatCfg = variant.templateConfiguration?.chat;
  const declared = ((textCfg ?? chatCfg)?.inputVariables ?? []).map((v) => v.name).filter((n): n is string => !!n);
  const used: string[] = [];
  const note = (text: string | undefined) => {
    if (text) for (const n of templateVariables(text)) if (!used.includes(n)) used.push(n);
  };
  if (variant.templateType === "TEXT") note(textCfg?.text);
  else {
    for (const m of chatCfg?.messages ?? []) for (const b of m.content ?? []) note(b.text);
    for (const b of chatCfg?.system ?? []) note(b.text);
  }
  const required = [...declared.filter((n) => used.includes(n)), ...used.filter((n) => !declared.includes(n))];

  const supplied = req.promptVariables;
  if (supplied !== undefined && (typeof supplied !== "object" || supplied === null || Array.isArray(supplied))) {
    throw errors.validation("promptVariables must be a map of variable name to { text: string }.");
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((supplied ?? {}) as Record<string, unknown>)) {
    const text = value && typeof value === "object" ? (value as { text?: unknown }).text : undefined;
    if (typeof text !== "string") {
      throw errors.validation(`The value of prompt variable ${name} must be an object with a text member, for example { "text": "..." }.`);
    }
    values[name] = text;
  }
  const missing = required.filter((n) => !(n in values));
  if (missing.length > 0) {
    throw errors.validation(
      `Missing values for prompt variables: ${missing.join(", ")}. ` +
        `Pass each one in promptVariables, for example { "${missing[0]}": { "text": "..." } }.`,
    );
  }

  const messages: ResolvedConverse["messages"] = [];
  let system: ResolvedConverse["system"];
  if (variant.templateType === "TEXT") {
    messages.push({ role: "user", content: [{ text: fill(textCfg?.text ?? "", values) }] });
  } else {
    for (const m of chatCfg?.messages ?? []) {
      messages.push({
        role: m.role,
        content: (m.content ?? []).map((b) => (typeof b.text === "string" ? { ...clone(b), text: fill(b.text, values) } : clone(b))),
      });
    }
    if (chatCfg?.system && chatCfg.system.length > 0) {
      system = chatCfg.system.map((b) => (typeof b.text === "string" ? { ...clone(b), text: fill(b.text, values) } : clone(b)));
    }
  }
  if (Array.isArray(req.messages)) messages.push(...(clone(req.messages) as ResolvedConverse["messages"]));

  const out: ResolvedConverse = {
    modelId: variant.modelId,
    messages,
    prompt: {
      arn: view.arn,
      id: view.id,
      version: view.version,
      variant: variant.name,
      variables: Object.fromEntries(required.map((n) => [n, values[n]])),
    },
  };
  if (system) out.system = system;
  const inf = variant.inferenceConfiguration?.text;
  if (inf && Object.keys(inf).length > 0) out.inferenceConfig = clone(inf);
  if (chatCfg?.toolConfiguration) out.toolConfig = clone(chatCfg.toolConfiguration);
  if (variant.additionalModelRequestFields !== undefined) out.additionalModelRequestFields = clone(variant.additionalModelRequestFields);
  return out;
}
