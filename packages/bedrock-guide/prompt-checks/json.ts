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

/**
 * Where JSON.parse stopped reading `body`, as an offset. The position comes from the engine's
 * (English) message; an "unexpected token" message names only the character, so it is found as
 * the first one outside a string.
 */
function breakOffset(body: string, message: string): number | undefined {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end/.test(message)) return body.length;
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (token === undefined) return undefined;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === token) return i;
  }
  return undefined;
}

/** Why the text is not JSON, in the reader's language, instead of the engine's English message. */
function notJsonReason(body: string, message: string): string {
  const offset = breakOffset(body, message);
  const from = (i: number) =>
    body.length - i > 24
      ? `${body.slice(i, i + 24).trimEnd()}…`
      : body.slice(i);
  if (offset === undefined)
    return tr({ es: "no es JSON válido", en: "not valid JSON" });
  if (offset === 0)
    return tr({
      es: `no es JSON válido: empieza por «${from(0)}», no por { ni [`,
      en: `not valid JSON: it starts with "${from(0)}", not with { or [`,
    });
  if (offset >= body.length)
    return tr({
      es: "no es JSON válido: se acaba sin cerrar",
      en: "not valid JSON: it ends before it is closed",
    });
  return tr({
    es: `no es JSON válido: falla en el carácter ${offset + 1}, «${from(offset)}»`,
    en: `not valid JSON: it breaks at character ${offset + 1}, "${from(offset)}"`,
  });
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
      return fail(notJsonReason(body, (error as Error).message));
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
