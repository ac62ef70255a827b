// Public API of the offline Bedrock emulator: start it in-process (notebooks, tests) or from the
// CLI (src/cli.ts). It speaks AWS's wire protocol, so the real AWS SDK clients work against it.
export { createEmulator, type EmulatorCore, type StartEmulatorOptions } from "./create-emulator";
export { startEmulator, type RunningEmulator } from "./start-emulator";
export { BedrockError, errors } from "./errors";
export type { EmulatorContext, EmulatorRequest, Reply, Route, StreamEvent } from "./contract";
export { Catalog, catalogCovers, catalogFor, knownRegions, loadCatalog, messages as awsMessages } from "./catalog";
export type { CatalogData, CatalogModel, CatalogProfile, RetiredEntry } from "./catalog";
export { FaultController, parseFaultRules } from "./faults";
export type { FaultKind, FaultRule } from "./faults";
export { openAICompatibleResponder, replyLanguage, scriptedResponder, syntheticResponder, responderFromEnv } from "./responders";
export type { Responder, ResponderRequest, ResponderResult, ScriptedRule, ScriptedResponder } from "./responders";
export { approximateTokens, converseInputTokens, BINARY_BLOCK_TOKENS } from "./tokens";
export { MAX_BODY_BYTES } from "./core";
export { ACCOUNT_ID, PROFILE_PREFIXES, modelIdOf, parseBedrockArn, withoutProfilePrefix } from "./arn";
export type { BedrockArn } from "./arn";
export type { WireReply, WireRequest } from "./core";
export { emulatorRequestHandler } from "./sdk-handler";
export { startBedrockEmulatorForTests, type TestEmulator } from "./testing";
export { crc32, encodePng, sizeFor, syntheticImage } from "./png";
