// The emulator in Node: everything the core exports, plus what needs Node — the server on a port of
// 127.0.0.1 (startEmulator), prompts saved in files, BEDROCK_EMULATOR_* read from the environment,
// and the test-suite helper. The CLI (cli.ts) is built on it.
export * from "./index";
export { startEmulator, type RunningEmulator } from "./start-emulator";
export { loadCatalogFile, nodeEmulatorOptions, type StartEmulatorOptions } from "./node-options";
export { filePromptPersistence } from "./file-persistence";
export { createEmulatorServer, type EmulatorServer } from "./server";
export { emulatorRequestHandler } from "./sdk-handler";
export { startBedrockEmulatorForTests, type TestEmulator } from "./testing";
