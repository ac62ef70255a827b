// Request-body helpers shared by the services, the runtime pipeline and the codecs, with AWS's error wording.
import { BedrockError, errors } from "./errors";
import type { EmulatorRequest } from "./contract";
import { jsonBodyOf } from "./input-validation";
import { utf8Text } from "./bytes";

/**
 * Parses a JSON object body (empty = {}). The runtime answers unparseable JSON with
 * SerializationException 400; Prompt Management's routes pass ValidationException instead.
 */
export function parseJson(req: EmulatorRequest, errorType: "SerializationException" | "ValidationException" = "SerializationException"): Record<string, unknown> {
  if (!req.body || req.body.length === 0) return {};
  // Parsed once per request (the validation engine already read it); errors are re-derived here.
  const cached = jsonBodyOf(req);
  if (cached) return cached;
  let value: unknown;
  try {
    value = JSON.parse(utf8Text(req.body));
  } catch {
    throw new BedrockError(errorType, 400, errorType === "SerializationException" ? "The request body could not be parsed as JSON." : "The request body is not valid JSON. Check the request and try again.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new BedrockError(errorType, 400, "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

export function typeError(path: string, expected: string): BedrockError {
  return errors.validation(`The value at ${path} has the wrong type. Expected ${expected}.`);
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

