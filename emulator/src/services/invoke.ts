// bedrock-runtime InvokeModel / InvokeModelWithResponseStream / CountTokens (provider-native bodies).
import type { Route } from "../http";

export const invokeRoutes: Route[] = [];
