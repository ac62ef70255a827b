// Prompt Management shapes: the JSON members of the bedrock-agent 2023-06-05 model that the store keeps,
// and the store's own records.

export interface PromptInputVariable {
  name?: string;
}

export interface TextTemplateConfiguration {
  text: string;
  cachePoint?: { type: string };
  inputVariables?: PromptInputVariable[];
}

export interface ChatContentBlock {
  text?: string;
  cachePoint?: { type: string };
}

export interface ChatTemplateConfiguration {
  messages: { role: "user" | "assistant"; content: ChatContentBlock[] }[];
  system?: ChatContentBlock[];
  inputVariables?: PromptInputVariable[];
  toolConfiguration?: { tools: unknown[]; toolChoice?: unknown };
}

export interface PromptModelInferenceConfiguration {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stopSequences?: string[];
}

export interface PromptVariant {
  name: string;
  templateType: "TEXT" | "CHAT";
  templateConfiguration: { text?: TextTemplateConfiguration; chat?: ChatTemplateConfiguration };
  modelId?: string;
  inferenceConfiguration?: { text?: PromptModelInferenceConfiguration };
  metadata?: { key: string; value: string }[];
  additionalModelRequestFields?: unknown;
  genAiResource?: { agent?: { agentIdentifier: string } };
}

/** What CreatePrompt / UpdatePrompt may set on the working draft. */
export interface PromptDraftInput {
  name: string;
  description?: string;
  customerEncryptionKeyArn?: string;
  defaultVariant?: string;
  variants?: PromptVariant[];
}

/** GetPrompt / CreatePrompt / UpdatePrompt / CreatePromptVersion response body. */
export interface PromptView {
  name: string;
  description?: string;
  customerEncryptionKeyArn?: string;
  defaultVariant?: string;
  variants?: PromptVariant[];
  id: string;
  arn: string;
  version: string;
  createdAt: string;
  updatedAt: string;
}

export interface PromptSummary {
  name: string;
  description?: string;
  id: string;
  arn: string;
  version: string;
  createdAt: string;
  updatedAt: string;
}

export interface Snapshot extends PromptDraftInput {
  variants: PromptVariant[];
  createdAt: string;
  updatedAt: string;
  tags?: Record<string, string>;
}

export interface PromptRecord {
  id: string;
  region: string;
  /** Creation order, used for stable pagination. */
  seq: number;
  tags: Record<string, string>;
  draft: Snapshot;
  /** Numbered versions, "1", "2", … Never modified after creation. */
  versions: Record<string, Snapshot>;
  /** Next version number. Never reused, even after a version is deleted. */
  nextVersion: number;
}

export interface StoreFile {
  format: "bedrock-emulator-prompts";
  formatVersion: 1;
  savedAt: string;
  nextSeq: number;
  prompts: PromptRecord[];
  /** clientToken → prompt id / version, so an SDK retry doesn't create twice. */
  clientTokens: Record<string, { id: string; version: string }>;
}

/** A deep copy of JSON data (what goes in or out of the store is never shared). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
