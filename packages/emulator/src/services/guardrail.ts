// bedrock-runtime ApplyGuardrail, answered with the emulator's one policy (../runtime/guardrail-policy.ts).
import { errors } from "../errors";
import type { Reply, Route } from "../contract";
import { defineRoutes } from "../define-routes";
import { parseJson } from "../request-body";
import { BLOCKED_MESSAGE, evaluateGuardrail } from "../runtime/guardrail-policy";

export const guardrailRoutes: Route[] = defineRoutes([
  {
    operation: "ApplyGuardrail",
    async handle(req): Promise<Reply> {
      // Identifier and version patterns, source and content were checked from AWS's model (../input-validation.ts).
      const body = parseJson(req);
      const texts: string[] = [];
      // content is a required list in AWS's model: the engine refused anything else before this runs.
      (body.content as unknown[]).forEach((c, i) => {
        const t = c && typeof c === "object" ? (c as { text?: { text?: unknown } }).text : undefined;
        if (t && typeof t.text === "string") texts.push(t.text);
        else if (!(c && typeof c === "object" && "image" in c)) throw errors.validation(`The content block at content.${i} must contain text or an image.`);
      });
      const { action, blocked, masked, assessment, usage, coverage } = evaluateGuardrail(texts);
      const intervened = action === "GUARDRAIL_INTERVENED";
      return {
        status: 200,
        json: {
          usage,
          action: intervened ? "GUARDRAIL_INTERVENED" : "NONE",
          ...(intervened ? { actionReason: blocked ? "Guardrail blocked." : "Guardrail masked." } : {}),
          outputs: !intervened ? [] : blocked ? [{ text: BLOCKED_MESSAGE }] : masked.map((text) => ({ text })),
          assessments: [assessment],
          guardrailCoverage: coverage,
        },
      };
    },
  },
]);
