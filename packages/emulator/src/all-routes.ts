// Every route the emulator serves. All four clients sign as service "bedrock" and their paths
// don't collide, so one table routed by method + path serves them all on one port.
import type { Route } from "./contract";
import { converseRoutes } from "./services/converse";
import { invokeRoutes } from "./services/invoke";
import { bedrockRoutes } from "./services/bedrock";
import { guardrailRoutes } from "./services/guardrail";
import { agentRoutes } from "./services/agent";
import { agentRuntimeRoutes } from "./services/agent-runtime";
import { batchRoutes } from "./services/batch";

export function allRoutes(): Route[] {
  return [...converseRoutes, ...invokeRoutes, ...guardrailRoutes, ...bedrockRoutes, ...batchRoutes, ...agentRoutes, ...agentRuntimeRoutes];
}
