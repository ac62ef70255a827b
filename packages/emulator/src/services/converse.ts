// bedrock-runtime Converse and ConverseStream: the routes and the shape of their answers. The request
// runs through the shared pipeline (../runtime/pipeline.ts).
import type { Reply, Route, StreamEvent } from "../contract";
import { defineRoutes } from "../define-routes";
import { runConverse } from "../runtime/pipeline";
import { breakMidStream, splitDeltas, type FinishedTurn } from "../runtime/turn";

/** usage, metrics and trace: the tail of a Converse answer and of ConverseStream's metadata event. */
function usageAndMetrics(turn: FinishedTurn): Record<string, unknown> {
  return { usage: turn.usage, metrics: { latencyMs: turn.latencyMs }, ...(turn.trace ? { trace: turn.trace } : {}) };
}

function contentOf(turn: FinishedTurn): Record<string, unknown>[] {
  const content: Record<string, unknown>[] = [];
  if (turn.text || turn.toolUses.length === 0) content.push({ text: turn.text });
  for (const t of turn.toolUses) content.push({ toolUse: { toolUseId: t.toolUseId, name: t.name, input: t.input } });
  return content;
}

/** The ConverseStream events for a finished turn: same text, same usage as Converse. */
export function converseStreamEvents(turn: FinishedTurn): StreamEvent[] {
  const ev = (eventType: string, payload: unknown): StreamEvent => ({ kind: "event", eventType, payload });
  const events: StreamEvent[] = [ev("messageStart", { role: "assistant" })];
  let index = 0;
  if (turn.text || turn.toolUses.length === 0) {
    for (const piece of splitDeltas(turn.text)) events.push(ev("contentBlockDelta", { delta: { text: piece }, contentBlockIndex: index }));
    events.push(ev("contentBlockStop", { contentBlockIndex: index }));
    index++;
  }
  for (const t of turn.toolUses) {
    events.push(ev("contentBlockStart", { start: { toolUse: { toolUseId: t.toolUseId, name: t.name } }, contentBlockIndex: index }));
    events.push(ev("contentBlockDelta", { delta: { toolUse: { input: JSON.stringify(t.input) } }, contentBlockIndex: index }));
    events.push(ev("contentBlockStop", { contentBlockIndex: index }));
    index++;
  }
  events.push(ev("messageStop", { stopReason: turn.stopReason }));
  events.push(ev("metadata", usageAndMetrics(turn)));
  return events;
}

export const converseRoutes: Route[] = defineRoutes([
  {
    operation: "Converse",
    faultsNameModel: true,
    async handle(req, ctx): Promise<Reply> {
      const turn = await runConverse(req, ctx, "Converse");
      return {
        status: 200,
        json: {
          output: { message: { role: "assistant", content: contentOf(turn) } },
          stopReason: turn.stopReason,
          ...usageAndMetrics(turn),
        },
      };
    },
  },
  {
    operation: "ConverseStream",
    faultsNameModel: true,
    async handle(req, ctx): Promise<Reply> {
      const turn = await runConverse(req, ctx, "ConverseStream");
      return { status: 200, events: breakMidStream(converseStreamEvents(turn), turn.midStreamError) };
    },
  },
]);
