// What a responder takes and gives: a Converse-shaped view of the request, whatever API it came
// through, and the model's turn.

export interface ToolSpecLite {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

/** A Converse-shaped view of a request, whatever API it came through. */
export interface ResponderRequest {
  /** The API operation (Converse, ConverseStream, InvokeModel…). */
  operation: string;
  /** The identifier the caller used (model ID, profile ID or ARN). */
  requestedModelId: string;
  /** The foundation model that answers. */
  modelId: string;
  providerName: string;
  messages: { role: string; content: Record<string, unknown>[] }[];
  system: Record<string, unknown>[];
  inferenceConfig: { maxTokens?: number; temperature?: number; topP?: number; topK?: number; stopSequences?: string[] };
  tools: ToolSpecLite[];
  toolChoice?: { auto?: object; any?: object; tool?: { name: string } };
  /** Prompt variables filled in by Prompt Management, when the modelId was a prompt ARN. */
  promptVariables?: Record<string, string>;
}

export interface ResponderToolUse {
  toolUseId?: string;
  name: string;
  input: unknown;
}

export interface ResponderResult {
  text: string;
  toolUses?: ResponderToolUse[];
  /** Defaults: tool_use when toolUses are present, else end_turn (the runtime may override). */
  stopReason?: string;
  /** Override the approximated usage (the OpenAI proxy reports real counts). */
  usage?: { inputTokens?: number; outputTokens?: number };
}

export interface Responder {
  readonly name: string;
  respond(req: ResponderRequest): ResponderResult | Promise<ResponderResult>;
}
