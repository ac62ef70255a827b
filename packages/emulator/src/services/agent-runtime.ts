// bedrock-agent-runtime: OptimizePrompt (POST /optimize-prompt), an event stream that sends one
// analyzePromptEvent and then one optimizedPromptEvent, as in the botocore model
// bedrock-agent-runtime 2023-07-26.
//
// The emulator's "optimiser" is a deterministic rewrite, not a model: it restructures the prompt
// into visible sections (role, task, instructions, output format) in the style that suits the
// target model's family, and keeps every {{variable}} exactly as written and as often as written.

import { BedrockError } from "../errors";
import type { EmulatorContext, Reply, Route, StreamEvent } from "../contract";
import { defineRoutes } from "../define-routes";
import { modelIdOf } from "../arn";
import { detectLanguage } from "../synthetic/language";
import { templateVariables } from "../prompts/converse";
import { jsonBody } from "./agent";
import { OPTIMIZABLE_MODELS } from "../facts";

function validation(message: string): BedrockError {
  return new BedrockError("ValidationException", 400, message);
}

const baseModelId = modelIdOf;

// ---------------------------------------------------------------------------------------------
// The deterministic rewrite
// ---------------------------------------------------------------------------------------------

export interface PromptAnalysis {
  language: "es" | "en";
  sentences: number;
  variables: string[];
  hasRole: boolean;
  hasOutputFormat: boolean;
  hasExamples: boolean;
  style: "xml" | "markdown";
}


export function analyzePrompt(text: string, targetModelId: string): PromptAnalysis {
  const sentences = text
    .replace(/\{\{[^}]*\}\}/g, "x")
    .split(/(?<=[.!?¿¡])\s+|\n+/)
    .filter((s) => s.trim().length > 0).length;
  return {
    // The same detector the responder answers with (tinyld, ../instructions.ts).
    language: detectLanguage(text.replace(/\{\{[^}]*\}\}/g, " ")),
    sentences,
    variables: templateVariables(text),
    hasRole: /^\s*(you are|act as|as an? |eres |actúa como|actua como|como (un|una) )/i.test(text),
    hasOutputFormat: /\b(json|bullet|bullets|list|table|format|markdown|csv|yaml|lista|viñetas|vinetas|tabla|formato|párrafos?|paragraphs?)\b/i.test(text),
    hasExamples: /\b(example|examples|e\.g\.|for instance|ejemplo|ejemplos|por ejemplo)\b/i.test(text),
    // Anthropic models are trained to follow XML-tagged sections; the rest get Markdown headings.
    style: baseModelId(targetModelId).startsWith("anthropic.") ? "xml" : "markdown",
  };
}

const WORDING = {
  en: {
    role: "You are a careful, expert assistant. Complete the task below exactly as asked.",
    task: "Task",
    inputs: "Inputs",
    inputsLine: (names: string[]) => `The task uses these inputs, filled in at run time: ${names.join(", ")}.`,
    instructions: "Instructions",
    steps: [
      "Read the whole task before answering.",
      "Use only the information given in the task and its inputs; if something you need is missing, say so instead of guessing.",
      "Keep the answer focused on what the task asks.",
    ],
    output: "Output format",
    outputKeep: "Follow the format the task asks for, and return only the answer, with no preamble.",
    outputNew: "Answer in short, clear paragraphs. Return only the answer, with no preamble.",
    analysis: (a: PromptAnalysis, model: string) =>
      `Analyzed the prompt for ${model}: ${a.sentences} sentence${a.sentences === 1 ? "" : "s"}, ` +
      `${a.variables.length} variable${a.variables.length === 1 ? "" : "s"}${a.variables.length ? ` (${a.variables.join(", ")})` : ""}; ` +
      `role ${a.hasRole ? "present" : "missing"}, output format ${a.hasOutputFormat ? "present" : "missing"}, ` +
      `examples ${a.hasExamples ? "present" : "missing"}. Rewriting it with ${a.style === "xml" ? "XML-tagged" : "Markdown"} sections.`,
  },
  es: {
    role: "Eres un asistente experto y cuidadoso. Realiza la tarea de abajo exactamente como se pide.",
    task: "Tarea",
    inputs: "Entradas",
    inputsLine: (names: string[]) => `La tarea usa estas entradas, que se rellenan al ejecutarla: ${names.join(", ")}.`,
    instructions: "Instrucciones",
    steps: [
      "Lee la tarea completa antes de responder.",
      "Usa solo la información de la tarea y sus entradas; si falta algo que necesitas, dilo en lugar de suponerlo.",
      "Céntrate en lo que pide la tarea.",
    ],
    output: "Formato de salida",
    outputKeep: "Sigue el formato que pide la tarea y devuelve solo la respuesta, sin preámbulo.",
    outputNew: "Responde en párrafos breves y claros. Devuelve solo la respuesta, sin preámbulo.",
    analysis: (a: PromptAnalysis, model: string) =>
      `Prompt analizado para ${model}: ${a.sentences} frase${a.sentences === 1 ? "" : "s"}, ` +
      `${a.variables.length} variable${a.variables.length === 1 ? "" : "s"}${a.variables.length ? ` (${a.variables.join(", ")})` : ""}; ` +
      `rol ${a.hasRole ? "presente" : "ausente"}, formato de salida ${a.hasOutputFormat ? "presente" : "ausente"}, ` +
      `ejemplos ${a.hasExamples ? "presentes" : "ausentes"}. Se reescribe con secciones ${a.style === "xml" ? "en etiquetas XML" : "en Markdown"}.`,
  },
};

/**
 * Rewrites a prompt for a target model. Deterministic; the original text appears verbatim in the
 * task section, so each {{variable}} survives exactly, the same number of times.
 */
export function optimizePromptText(text: string, targetModelId: string): { analysis: string; optimized: string; details: PromptAnalysis } {
  const a = analyzePrompt(text, targetModelId);
  const w = WORDING[a.language];
  const task = text.trim();
  const sections: { title: string; tag: string; body: string }[] = [];
  sections.push({ title: w.task, tag: "task", body: task });
  if (a.variables.length > 0) sections.push({ title: w.inputs, tag: "inputs", body: w.inputsLine(a.variables) });
  sections.push({ title: w.instructions, tag: "instructions", body: w.steps.map((s, i) => `${i + 1}. ${s}`).join("\n") });
  sections.push({ title: w.output, tag: "output_format", body: a.hasOutputFormat ? w.outputKeep : w.outputNew });

  const parts: string[] = [];
  if (!a.hasRole) parts.push(w.role);
  for (const s of sections) {
    parts.push(a.style === "xml" ? `<${s.tag}>\n${s.body}\n</${s.tag}>` : `## ${s.title}\n${s.body}`);
  }
  return { analysis: w.analysis(a, baseModelId(targetModelId)), optimized: parts.join("\n\n"), details: a };
}

// ---------------------------------------------------------------------------------------------
// Route
// ---------------------------------------------------------------------------------------------

/** The end-of-life date (YYYY-MM-DD) when the model has reached it, from the one lifecycle source: the catalog. */
function endOfLifeReached(ctx: EmulatorContext, modelId: string): string | undefined {
  if (!ctx.catalog.isEndOfLife(modelId, ctx.now())) return undefined;
  const date = ctx.catalog.model(modelId)?.modelLifecycle.endOfLifeTime ?? ctx.catalog.retirement(modelId)?.endOfLife;
  return date ? date.slice(0, 10) : "";
}

async function* optimizeEvents(analysis: string, optimized: string): AsyncGenerator<StreamEvent> {
  yield { kind: "event", eventType: "analyzePromptEvent", payload: { message: analysis } };
  yield { kind: "event", eventType: "optimizedPromptEvent", payload: { optimizedPrompt: { textPrompt: { text: optimized } } } };
}

export const agentRuntimeRoutes: Route[] = defineRoutes([
  {
    operation: "OptimizePrompt",
    async handle(req, ctx): Promise<Reply> {
      // Field constraints (targetModelId pattern, the input union, 1–200,000 characters) were checked
      // from AWS's model before this runs (../validate.ts).
      const body = jsonBody(req);
      const target = body.targetModelId as string;
      const text = ((body.input as Record<string, Record<string, unknown>>).textPrompt ?? {}).text;
      // The engine lets union members newer than its model through; this operation knows only textPrompt.
      if (typeof text !== "string") {
        throw validation("1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have exactly one of these members set: [textPrompt]");
      }
      const modelId = baseModelId(target as string);
      if (!OPTIMIZABLE_MODELS.includes(modelId)) {
        throw validation(
          `Prompt optimization doesn't support the model ${String(target)}. ` +
            `Use one of the supported base model IDs, for example amazon.nova-lite-v1:0 or amazon.nova-pro-v1:0 (inference profile IDs aren't accepted here).`,
        );
      }
      const eol = endOfLifeReached(ctx, modelId);
      if (eol !== undefined) {
        throw validation(
          `The model ${modelId} has reached the end of its life${eol ? ` (${eol})` : ""}, so prompts can no longer be optimized for it. Choose a current model, such as amazon.nova-lite-v1:0.`,
        );
      }
      const result = optimizePromptText(text as string, modelId);
      return { status: 200, events: optimizeEvents(result.analysis, result.optimized) };
    },
  },
]);
