// The default responder: the synthetic model. Deterministic, visibly synthetic, a mirror of the
// request unless the prompt gives explicit, checkable instructions (./instructions.ts).
import type { Responder, ResponderRequest, ToolSpecLite } from "../responders/types";
import { detectLanguage, fnv1a, type Lang } from "./language";
import { asksForFormat, readInstructions } from "./instructions";
import { followInstructions } from "./follow";
import { valueForSchema } from "./schema-values";

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

/**
 * The text without the JSON keys it names: keys are identifiers, not words of the prompt's
 * language, and "model, useCase and reason" would otherwise make a Spanish prompt read as English.
 */
function withoutKeyNames(text: string, keys: string[]): string {
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return escaped.length ? text.replace(new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join("|")})(?![\\p{L}\\p{N}_])`, "gu"), " ") : text;
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
      const lang = instructions.language ?? replyLanguage(withoutKeyNames(user + " " + systemText, instructions.json?.keys ?? []));
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
