// bedrock-runtime ApplyGuardrail.
import type { Route } from "../http";

export const guardrailRoutes: Route[] = [];
