import { z } from "zod";
import { textCheck } from "./format";
import { CheckConfigError, tr, type Check } from "./types";

export interface JsonOptions {
  /** Accept JSON wrapped in a ```json code fence (default false: the answer must be only JSON). */
  allowCodeFence?: boolean;
}

const FENCE = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/;

/** Anything zod can validate with: z.object(...), z.array(...), and so on. */
function isZodSchema(value: unknown): value is z.ZodType {
  return (
    value instanceof z.ZodType ||
    (typeof value === "object" &&
      value !== null &&
      "_zod" in value &&
      typeof (value as z.ZodType).safeParse === "function")
  );
}

/** The answer is one JSON value that the zod schema accepts. */
export function json(schema: z.ZodType, options: JsonOptions = {}): Check {
  if (!isZodSchema(schema)) {
    throw new CheckConfigError("json.schema", {
      es: `debe ser un esquema de zod (por ejemplo z.object({...})), no ${typeof schema}`,
      en: `must be a zod schema (for example z.object({...})), not ${typeof schema}`,
    });
  }
  return textCheck("json", "format", (text, self) => {
    const fail = (reason: string) => ({
      check: self.name,
      criterion: self.criterion,
      passed: false,
      reason,
    });
    let body = text.trim();
    const fenced = FENCE.exec(body);
    if (fenced) {
      if (!options.allowCodeFence)
        return fail(
          tr({
            es: "el JSON viene dentro de un bloque ``` (pide «solo el JSON, sin bloque de código»)",
            en: 'the JSON comes inside a ``` block (ask for "only the JSON, no code block")',
          }),
        );
      body = fenced[1];
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      return fail(
        tr({
          es: `no es JSON válido: ${(error as Error).message}`,
          en: `not valid JSON: ${(error as Error).message}`,
        }),
      );
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      return fail(
        tr({
          es: "JSON válido que no cumple el esquema:\n",
          en: "valid JSON that does not match the schema:\n",
        }) + z.prettifyError(parsed.error),
      );
    return {
      check: self.name,
      criterion: self.criterion,
      passed: true,
      reason: tr({
        es: "JSON válido que cumple el esquema",
        en: "valid JSON that matches the schema",
      }),
    };
  });
}
