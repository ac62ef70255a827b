// Responders produce the model's turn for Converse and the text InvokeModel bodies.
// - syntheticResponder (default): deterministic, clearly synthetic text that reflects what the model
//   received (model, system prompt, messages, parameters, tools, prompt variables);
// - scriptedResponder: canned answers registered by tests, matched by model and/or prompt text;
// - openAICompatibleResponder: forwards to a local OpenAI-compatible server (Ollama, llama.cpp,
//   vLLM) for real text offline; selected with BEDROCK_EMULATOR_OPENAI_URL.
// The runtime applies stopSequences and maxTokens to whatever a responder returns.
import { BedrockError } from "./errors";
import { asksForFormat, detectLanguage, fnv1a, followInstructions, readInstructions, valueForSchema, type Lang } from "./instructions";

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

export { fnv1a };

/** Text of a message's text blocks, joined. */
export function textOf(content: Record<string, unknown>[] | undefined): string {
  if (!content) return "";
  let out = "";
  for (const c of content) if (typeof c.text === "string") out += (out ? "\n" : "") + c.text;
  return out;
}

export function lastUserText(req: ResponderRequest): string {
  for (let i = req.messages.length - 1; i >= 0; i--) {
    const m = req.messages[i];
    if (m.role === "user") {
      const t = textOf(m.content);
      if (t) return t;
    }
  }
  return "";
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + "…";
}

/** The synthetic reply's wording in the two languages of the guide. */
const PHRASES = {
  en: {
    header: "[Synthetic reply from the Bedrock emulator: no model ran.]",
    model: "Model",
    servedBy: "served by",
    system: (n: number, text: string) => `System prompt (${n} chars): "${text}"`,
    noSystem: "System prompt: none",
    messages: (n: number, u: number, a: number) => `Messages received: ${n} (${u} user, ${a} assistant)`,
    lastUser: "Last user message",
    params: "Inference parameters",
    byDefault: "default",
    none: "none",
    attachments: "Attachments received",
    kinds: { image: "image", document: "document", video: "video", audio: "audio" },
    tools: "Tools offered",
    variables: "Prompt variables",
    toolResult: "Tool result",
    keywords: "Key words noticed",
    callingTool: (name: string, text: string) => `Calling tool ${name} for: "${text}"`,
    filler: [
      "A real model would answer the last user message here; this emulator only shows what it received.",
      "Change the system prompt, the messages or the parameters and run the cell again: this reply changes with them.",
      "Usage figures are an approximation of about one token per four characters, so costs can be estimated offline.",
      "The same request always gets the same reply, which keeps notebooks and tests reproducible.",
      "To get real text offline, point BEDROCK_EMULATOR_OPENAI_URL at a local OpenAI-compatible server.",
      "Run the guide in live mode to call Amazon Bedrock itself; that uses your AWS account and costs money.",
      "Each model ID gives a slightly different length of reply, so comparisons between models show a difference.",
      "Streaming calls return exactly this text, split into several pieces, with the same usage.",
    ],
  },
  es: {
    header: "[Respuesta sintética del emulador de Bedrock: no se ha ejecutado ningún modelo.]",
    model: "Modelo",
    servedBy: "servido por",
    system: (n: number, text: string) => `Prompt de sistema (${n} caracteres): "${text}"`,
    noSystem: "Prompt de sistema: ninguno",
    messages: (n: number, u: number, a: number) => `Mensajes recibidos: ${n} (${u} del usuario, ${a} del asistente)`,
    lastUser: "Último mensaje del usuario",
    params: "Parámetros de inferencia",
    byDefault: "por defecto",
    none: "ninguna",
    attachments: "Adjuntos recibidos",
    kinds: { image: "imagen", document: "documento", video: "vídeo", audio: "audio" },
    tools: "Herramientas ofrecidas",
    variables: "Variables del prompt",
    toolResult: "Resultado de la herramienta",
    keywords: "Palabras clave detectadas",
    callingTool: (name: string, text: string) => `Llamo a la herramienta ${name} para: "${text}"`,
    filler: [
      "Un modelo real respondería aquí al último mensaje del usuario; este emulador solo muestra lo que ha recibido.",
      "Cambia el prompt de sistema, los mensajes o los parámetros y vuelve a ejecutar la celda: esta respuesta cambia con ellos.",
      "Las cifras de uso son una aproximación de un token por cada cuatro caracteres, así que los costes se pueden estimar sin conexión.",
      "La misma petición recibe siempre la misma respuesta, y así los cuadernos y las pruebas son reproducibles.",
      "Para obtener texto real sin conexión, apunta BEDROCK_EMULATOR_OPENAI_URL a un servidor local compatible con OpenAI.",
      "Ejecuta la guía en modo real para llamar a Amazon Bedrock; eso usa tu cuenta de AWS y cuesta dinero.",
      "Cada ID de modelo da una respuesta de longitud algo distinta, así que las comparaciones entre modelos muestran diferencias.",
      "Las llamadas en streaming devuelven exactamente este texto, en varios trozos, con el mismo uso.",
    ],
  },
};

/**
 * Spanish or English, the language of the user's and the system's words (tinyld, see
 * instructions.ts): anything not Spanish is English; one-word texts answer in Spanish.
 */
export function replyLanguage(text: string): "es" | "en" {
  return detectLanguage(text);
}

/** An input for the tool that validates against its JSON schema (values guessed from the user text). */
function toolInputFor(tool: ToolSpecLite, userText: string, lang: Lang, seed: number): Record<string, unknown> {
  const schema = ((tool.inputSchema as { json?: unknown })?.json ?? tool.inputSchema) as Record<string, unknown> | undefined;
  const value = valueForSchema({ type: "object", ...(schema ?? {}) }, { text: userText, lang, seed, root: schema ?? {} });
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Every text of the conversation: the seed for choices that should change with it. */
function conversationText(req: ResponderRequest): string {
  return [textOf(req.system), ...req.messages.map((m) => textOf(m.content))].join("\n");
}

function describeParams(cfg: ResponderRequest["inferenceConfig"], t: (typeof PHRASES)["en"]): string {
  const show = (v: unknown) => (v === undefined ? t.byDefault : JSON.stringify(v));
  return `maxTokens=${show(cfg.maxTokens)}, temperature=${show(cfg.temperature)}, topP=${show(cfg.topP)}, stopSequences=${
    cfg.stopSequences?.length ? JSON.stringify(cfg.stopSequences) : t.none
  }`;
}

// Reading a prompt's instructions is a pure function of its texts and the costliest step of a
// synthetic reply; conversations and tests repeat prompts, so the last few hundred are kept.
const instructionCache = new Map<string, ReturnType<typeof readInstructions>>();
function instructionsOf(systemText: string, user: string): ReturnType<typeof readInstructions> {
  const key = systemText + "\u0000" + user;
  let found = instructionCache.get(key);
  if (!found) {
    found = readInstructions(systemText, user);
    if (instructionCache.size >= 500) instructionCache.clear();
    instructionCache.set(key, found);
  }
  return found;
}

/** The default responder: deterministic, visibly synthetic, and a mirror of the request. */
export function syntheticResponder(): Responder {
  return {
    name: "synthetic",
    respond(req) {
      const user = lastUserText(req);
      const systemText = textOf(req.system);
      const counts = { user: 0, assistant: 0 };
      for (const m of req.messages) if (m.role === "user" || m.role === "assistant") counts[m.role]++;
      const lastMessage = req.messages[req.messages.length - 1];
      const toolResults = (lastMessage?.content ?? []).filter((c) => c.toolResult) as { toolResult: Record<string, unknown> }[];

      // Real models answer in the language the prompt asks for, else in the prompt's own language.
      const instructions = instructionsOf(systemText, user);
      const lang = instructions.language ?? replyLanguage(user + " " + systemText);
      const t = PHRASES[lang];
      const lines = [
        t.header,
        `${t.model}: ${req.requestedModelId}${req.requestedModelId !== req.modelId ? ` (${t.servedBy} ${req.modelId})` : ""}`,
        systemText ? t.system(systemText.length, shorten(systemText, 100)) : t.noSystem,
        t.messages(req.messages.length, counts.user, counts.assistant),
        `${t.lastUser}: "${shorten(user, 160)}"`,
        `${t.params}: ${describeParams(req.inferenceConfig, t)}`,
      ];
      const attachments: string[] = [];
      for (const m of req.messages) {
        if (m.role !== "user") continue;
        for (const c of m.content) {
          const kind = (["image", "document", "video", "audio"] as const).find((k) => c[k]);
          if (!kind) continue;
          const block = c[kind] as { format?: string; name?: string };
          attachments.push(`${t.kinds[kind]} (${block.format ?? "?"}${block.name ? `, "${block.name}"` : ""})`);
        }
      }
      if (attachments.length) lines.push(`${t.attachments}: ${attachments.join(", ")}`);
      if (req.tools.length) lines.push(`${t.tools}: ${req.tools.map((tool) => tool.name).join(", ")}`);
      if (req.promptVariables && Object.keys(req.promptVariables).length) {
        lines.push(
          `${t.variables}: ${Object.entries(req.promptVariables)
            .map(([k, v]) => `${k}="${shorten(v, 40)}"`)
            .join(", ")}`,
        );
      }
      for (const tr of toolResults) {
        const content = (tr.toolResult.content as Record<string, unknown>[]) ?? [];
        const shown = content.map((c) => (typeof c.text === "string" ? c.text : JSON.stringify(c.json ?? c))).join(" ");
        lines.push(`${t.toolResult} ${tr.toolResult.toolUseId} (${tr.toolResult.status ?? "success"}): ${shorten(shown, 160)}`);
      }
      const keywords = [...new Set(user.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? [])]
        .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
        .slice(0, 3);
      if (keywords.length) lines.push(`${t.keywords}: ${keywords.join(", ")}.`);

      // Length depends on the input and, a little, on the model, so model comparisons differ.
      const modelHash = fnv1a(req.modelId);
      const sentences = 1 + (modelHash % 3) + Math.min(3, Math.floor(user.length / 120));
      const start = fnv1a(user, modelHash) % t.filler.length;
      for (let i = 0; i < sentences; i++) lines.push(t.filler[(start + i) % t.filler.length]);
      let text = lines.join("\n");
      // Explicit, checkable instructions (bullets, steps, limits, JSON) are followed; vague
      // prompts keep the echo above, which such checks fail.
      if (asksForFormat(instructions)) {
        const seed = fnv1a(systemText + "\n" + user, modelHash);
        text = followInstructions({ instructions, lang, topicText: user || systemText, seed });
      }

      // Offered tools are always used once (the point of a tool-use lesson); after the tool
      // results come back, the reply reports them instead.
      const wantsTool = req.tools.length > 0 && toolResults.length === 0;
      if (wantsTool) {
        const chosen = req.toolChoice?.tool?.name
          ? req.tools.find((t) => t.name === req.toolChoice!.tool!.name) ?? req.tools[0]
          : req.tools.find((t) => user.toLowerCase().includes(t.name.toLowerCase().replace(/_/g, " "))) ?? req.tools[0];
        const toolUseId = `tooluse_${fnv1a(req.modelId + user + chosen.name).toString(36)}${fnv1a(user).toString(36)}`.slice(0, 32);
        return {
          text: `${t.header} ${t.callingTool(chosen.name, shorten(user, 120))}`,
          toolUses: [{ toolUseId, name: chosen.name, input: toolInputFor(chosen, user, lang, fnv1a(conversationText(req), fnv1a(chosen.name))) }],
          stopReason: "tool_use",
        };
      }
      return { text, stopReason: "end_turn" };
    },
  };
}

export interface ScriptedRule {
  /** Model or profile ID (exact), or a RegExp tested against both. */
  model?: string | RegExp;
  /** Substring of (or RegExp tested against) the last user text. */
  prompt?: string | RegExp;
  /** The canned answer: text, a full result, or a function of the request. */
  reply: string | ResponderResult | ((req: ResponderRequest) => ResponderResult | string);
  /** How many times the rule answers (unlimited when absent). */
  times?: number;
}

export interface ScriptedResponder extends Responder {
  add(rule: ScriptedRule): void;
  /** Every request the responder saw, in order (for assertions in tests). */
  readonly calls: ResponderRequest[];
}

/** Canned answers for tests. Unmatched requests fall back to `fallback` (default: synthetic). */
export function scriptedResponder(rules: ScriptedRule[] = [], fallback: Responder = syntheticResponder()): ScriptedResponder {
  const active = rules.map((r) => ({ ...r, left: r.times ?? Infinity }));
  const calls: ResponderRequest[] = [];
  const matches = (pattern: string | RegExp | undefined, values: string[]) =>
    pattern === undefined || values.some((v) => (typeof pattern === "string" ? v === pattern : pattern.test(v)));
  return {
    name: "scripted",
    calls,
    add(rule) {
      active.push({ ...rule, left: rule.times ?? Infinity });
    },
    respond(req) {
      calls.push(req);
      const user = lastUserText(req);
      const rule = active.find(
        (r) =>
          r.left > 0 &&
          matches(r.model, [req.requestedModelId, req.modelId]) &&
          (r.prompt === undefined || (typeof r.prompt === "string" ? user.includes(r.prompt) : r.prompt.test(user))),
      );
      if (!rule) return fallback.respond(req);
      rule.left--;
      const out = typeof rule.reply === "function" ? rule.reply(req) : rule.reply;
      return typeof out === "string" ? { text: out } : out;
    },
  };
}

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

/** The responder the env selects: the OpenAI proxy when BEDROCK_EMULATOR_OPENAI_URL is set, else synthetic. */
export function responderFromEnv(env: NodeJS.ProcessEnv): Responder {
  const url = env.BEDROCK_EMULATOR_OPENAI_URL;
  if (url) return openAICompatibleResponder({ baseUrl: url, model: env.BEDROCK_EMULATOR_OPENAI_MODEL || undefined, apiKey: env.BEDROCK_EMULATOR_OPENAI_KEY || undefined });
  return syntheticResponder();
}
