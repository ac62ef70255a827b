// Prompt Management: the store, its identifiers, its shapes, and prompts run through Converse.
export * from "./types";
export * from "./identifiers";
export * from "./store";
export * from "./converse";
export * from "./persistence";
