// Every route the emulator serves. The four Bedrock clients sign as service "bedrock" and their paths
// don't collide, so one table routed by method + path serves them all on one port; S3 (signed "s3",
// path-style, where any first path segment is a bucket) has its own table in the core.
import type { Route } from "./contract";
import { converseRoutes } from "./services/converse";
import { invokeRoutes } from "./services/invoke";
import { bedrockRoutes } from "./services/bedrock";
import { guardrailRoutes } from "./services/guardrail";
import { agentRoutes } from "./services/agent";
import { agentRuntimeRoutes } from "./services/agent-runtime";
import { batchRoutes } from "./services/batch";
import { evaluationRoutes } from "./services/evaluation";
import { s3Routes } from "./services/s3";

export function allRoutes(): Route[] {
  return [...converseRoutes, ...invokeRoutes, ...guardrailRoutes, ...bedrockRoutes, ...batchRoutes, ...evaluationRoutes, ...agentRoutes, ...agentRuntimeRoutes, ...s3Routes];
}
