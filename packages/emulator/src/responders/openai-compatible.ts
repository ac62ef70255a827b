// Forwards to a local OpenAI-compatible server (Ollama, llama.cpp, vLLM) for real text offline.
import { BedrockError } from "../errors";
import type { Responder, ResponderToolUse } from "./types";
import { textOf } from "../synthetic/responder";

export interface OpenAICompatibleOptions {
  /** Base URL including /v1, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: string;
  /** Model name on that server; default: the Bedrock model ID. */
  model?: string;
  apiKey?: string;
  timeoutMs?: number;
}

/** Forwards Converse-shaped requests to an OpenAI-compatible chat-completions server. */
export function openAICompatibleResponder(opts: OpenAICompatibleOptions): Responder {
  const url = opts.baseUrl.replace(/\/+$/, "") + "/chat/completions";
  return {
    name: "openai-compatible",
    async respond(req) {
      const messages: Record<string, unknown>[] = [];
      const system = textOf(req.system);
      if (system) messages.push({ role: "system", content: system });
      for (const m of req.messages) {
        const text = textOf(m.content);
        const toolUses = m.content.filter((c) => c.toolUse).map((c) => c.toolUse as ResponderToolUse);
        const toolResults = m.content.filter((c) => c.toolResult).map((c) => c.toolResult as Record<string, unknown>);
        for (const tr of toolResults) {
          const content = (tr.content as Record<string, unknown>[]) ?? [];
          messages.push({
            role: "tool",
            tool_call_id: tr.toolUseId,
            content: content.map((c) => (typeof c.text === "string" ? c.text : JSON.stringify(c.json))).join("\n"),
          });
        }
        if (toolUses.length) {
          messages.push({
            role: "assistant",
            content: text || null,
            tool_calls: toolUses.map((t) => ({ id: t.toolUseId, type: "function", function: { name: t.name, arguments: JSON.stringify(t.input) } })),
          });
        } else if (text) messages.push({ role: m.role, content: text });
      }
      const body: Record<string, unknown> = { model: opts.model ?? req.modelId, messages, stream: false };
      const cfg = req.inferenceConfig;
      if (cfg.maxTokens !== undefined) body.max_tokens = cfg.maxTokens;
      if (cfg.temperature !== undefined) body.temperature = cfg.temperature;
      if (cfg.topP !== undefined) body.top_p = cfg.topP;
      if (cfg.stopSequences?.length) body.stop = cfg.stopSequences;
      if (req.tools.length) {
        body.tools = req.tools.map((t) => ({
          type: "function",
          function: { name: t.name, description: t.description, parameters: (t.inputSchema as { json?: unknown })?.json ?? t.inputSchema },
        }));
      }
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
        });
      } catch (e) {
        throw new BedrockError("ModelErrorException", 424, `The OpenAI-compatible server at ${url} could not be reached: ${(e as Error).message}`);
      }
      const raw = await res.text();
      if (!res.ok) throw new BedrockError("ModelErrorException", 424, `The OpenAI-compatible server answered ${res.status}: ${raw.slice(0, 300)}`);
      let data: {
        choices?: { message?: { content?: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[] }; finish_reason?: string }[];
        usage?: { prompt_tokens?: number; completion_tokens?: number };
      };
      try {
        data = JSON.parse(raw);
      } catch {
        throw new BedrockError("ModelErrorException", 424, "The OpenAI-compatible server returned a body that is not JSON.");
      }
      const choice = data.choices?.[0];
      const toolUses = (choice?.message?.tool_calls ?? []).map((c) => {
        let input: unknown = {};
        try {
          input = JSON.parse(c.function.arguments || "{}");
        } catch {
          input = { raw: c.function.arguments };
        }
        return { toolUseId: c.id, name: c.function.name, input };
      });
      const finish = choice?.finish_reason;
      return {
        text: choice?.message?.content ?? "",
        toolUses,
        stopReason: toolUses.length ? "tool_use" : finish === "length" ? "max_tokens" : "end_turn",
        usage: { inputTokens: data.usage?.prompt_tokens, outputTokens: data.usage?.completion_tokens },
      };
    },
  };
}
