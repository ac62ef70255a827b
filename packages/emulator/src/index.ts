// The offline Bedrock emulator's core, with no Node in it: it runs in Node, a browser page, a worker
// or an SDK request handler. createEmulator() builds one; its `handle(request)` answers a web
// Request as Bedrock would, so the real AWS SDK clients work against it.
// Other entries: "bedrock-emulator/node" (the server on a port, the CLI, prompts in files, the
// environment), "bedrock-emulator/sdk-handler" (a requestHandler for any SDK v3 client) and
// "bedrock-emulator/testing" (a test-suite helper, Node).
export { createEmulator, type EmulatorCore, type EmulatorOptions } from "./create-emulator";
export { BedrockError, errors } from "./errors";
export type { EmulatorContext, EmulatorRequest, Reply, Route, StreamEvent } from "./contract";
export { Catalog, catalogCovers, catalogFor, catalogFromData, knownRegions, loadCatalog, messages as awsMessages } from "./catalog";
export type { CatalogData, CatalogModel, CatalogProfile, RetiredEntry } from "./catalog";
export { FaultController, parseFaultRules } from "./faults";
export type { FaultKind, FaultRule } from "./faults";
export { openAICompatibleResponder, replyLanguage, scriptedResponder, syntheticResponder, responderFromEnv } from "./responders";
export type { Responder, ResponderRequest, ResponderResult, ScriptedRule, ScriptedResponder } from "./responders";
export { browserPromptPersistence, type BrowserPersistenceOptions, type PromptPersistence } from "./prompts/persistence";
export type { SamplingRules } from "./facts";
export { approximateTokens, converseInputTokens, BINARY_BLOCK_TOKENS } from "./tokens";
export { MAX_BODY_BYTES } from "./core";
export { ACCOUNT_ID, PROFILE_PREFIXES, modelIdOf, parseBedrockArn, withoutProfilePrefix } from "./arn";
export type { BedrockArn } from "./arn";
export type { WireReply, WireRequest } from "./core";
export { crc32, encodePng, sizeFor, syntheticImage } from "./png";
export { memoryObjectStore, parseS3Uri, type ObjectStore } from "./batch/object-store";
export { BatchJobStore, DEFAULT_STATE_SECONDS, type BatchClock, type BatchJob, type JobStatus } from "./batch/jobs";
