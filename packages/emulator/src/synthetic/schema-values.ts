// Values that validate against a JSON schema (a forced tool's inputSchema), guessed from the user's text.
import { fnv1a, type Lang } from "./language";
import { normalise } from "./instructions";

// ---------------------------------------------------------------------------------------------
// Tool input that validates against the tool's JSON schema

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => !!v && typeof v === "object" && !Array.isArray(v);

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = isSchema(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return isSchema(node) ? { ...node, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$ref")) } : schema;
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return (t.find((x) => x !== "null") as string | undefined) ?? "null";
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

const LONG_TEXT = /^(?:reason|reasons|reasoning|explanation|description|summary|comment|comments|justification|rationale|razon|motivo|explicacion|descripcion|resumen|comentario|justificacion|answer|respuesta|text|texto|message|mensaje)$/;

function numberIn(schema: Schema, integer: boolean, text: string): number {
  let min = typeof schema.minimum === "number" ? schema.minimum : -Infinity;
  let max = typeof schema.maximum === "number" ? schema.maximum : Infinity;
  // draft 6+: numeric exclusive bounds; draft 4: boolean flags on minimum/maximum.
  const step = integer ? 1 : 0.5;
  if (typeof schema.exclusiveMinimum === "number") min = Math.max(min, schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON * 4 + 1e-9));
  else if (schema.exclusiveMinimum === true) min += integer ? 1 : 1e-9;
  if (typeof schema.exclusiveMaximum === "number") max = Math.min(max, schema.exclusiveMaximum - (integer ? 1 : 1e-9));
  else if (schema.exclusiveMaximum === true) max -= integer ? 1 : 1e-9;
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  const fits = (v: number) => v >= min && v <= max && (!integer || Number.isInteger(v));
  let value: number | undefined;
  for (const m of text.matchAll(/-?\d+(?:\.\d+)?/g)) {
    const v = Number(m[0]);
    if (fits(v)) {
      value = v;
      break;
    }
  }
  if (value === undefined) {
    if (Number.isFinite(min) && Number.isFinite(max)) value = integer ? Math.floor((min + max) / 2) : (min + max) / 2;
    else if (Number.isFinite(min)) value = fits(min) ? min : min + step;
    else if (Number.isFinite(max)) value = Math.min(max, 1);
    else value = 1;
  }
  const multiple = schema.multipleOf;
  if (typeof multiple === "number" && multiple > 0) {
    let v = Math.round(value / multiple) * multiple;
    if (v < min) v += multiple;
    if (v > max) v -= multiple;
    value = Number(v.toFixed(10));
  }
  return value;
}

function stringFor(schema: Schema, name: string, text: string, lang: Lang, h: number): string {
  let s: string;
  switch (schema.format) {
    case "date":
      s = `2026-${String(1 + (h % 12)).padStart(2, "0")}-${String(1 + (h % 28)).padStart(2, "0")}`;
      break;
    case "date-time":
      s = `2026-${String(1 + (h % 12)).padStart(2, "0")}-${String(1 + (h % 28)).padStart(2, "0")}T10:00:00Z`;
      break;
    case "time":
      s = `${String(h % 24).padStart(2, "0")}:00:00`;
      break;
    case "email":
      s = "reader@example.com";
      break;
    case "uri":
    case "url":
      s = "https://example.com/";
      break;
    case "uuid": {
      const hex = (fnv1a(name, h).toString(16) + h.toString(16)).padEnd(32, "0").slice(0, 32);
      s = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
      break;
    }
    default:
      if (LONG_TEXT.test(normalise(name))) {
        s = lang === "es" ? "Valor sintético elegido por el emulador de Bedrock." : "Synthetic value chosen by the Bedrock emulator.";
      } else {
        // The last capitalised word of the user's text helps weather- and travel-style demos.
        const caps = text.match(/\p{Lu}[\p{L}\p{M}-]+/gu);
        s = caps?.filter((w, i) => i > 0 || caps.length === 1).pop() ?? `example ${name}`;
      }
  }
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  while (s.length < min) s += s.length ? ` ${s}` : "x";
  return s.slice(0, Math.max(min, Math.min(max, s.length)));
}

/**
 * A value that validates against `schema`: required properties, types, enum / const (chosen by
 * hash), nested objects and arrays (minItems, maxItems, uniqueItems), numeric bounds and
 * multipleOf, string lengths and common formats, local $ref, anyOf / oneOf (first option) and
 * allOf (merged). `pattern` is not honoured.
 */
export function valueForSchema(schema: unknown, ctx: { text: string; lang: Lang; seed: number; root?: Schema }, name = "value", path = "", depth = 0): unknown {
  if (!isSchema(schema)) return `example ${name}`;
  const root = ctx.root ?? schema;
  let s = resolveRef(schema, root);
  if (Array.isArray(s.allOf)) {
    const merged: Schema = { ...s };
    const props: Schema = {};
    const required: string[] = [];
    for (const part of [s, ...(s.allOf as unknown[])]) {
      if (!isSchema(part)) continue;
      const p = resolveRef(part, root);
      Object.assign(merged, p);
      if (isSchema(p.properties)) Object.assign(props, p.properties);
      if (Array.isArray(p.required)) required.push(...(p.required as string[]));
    }
    delete merged.allOf;
    if (Object.keys(props).length) merged.properties = props;
    if (required.length) merged.required = [...new Set(required)];
    s = merged;
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length) {
      const pick = options.find((o) => isSchema(o) && o.type !== "null") ?? options[0];
      const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== key));
      return valueForSchema({ ...rest, ...(isSchema(pick) ? pick : {}) }, { ...ctx, root }, name, path, depth + 1);
    }
  }
  const h = fnv1a(path || name, ctx.seed);
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[h % s.enum.length];
  const type = typeOf(s);
  if (depth > 8) return type === "object" ? {} : type === "array" ? [] : null;
  switch (type) {
    case "object": {
      const props = isSchema(s.properties) ? s.properties : {};
      const required = Array.isArray(s.required) ? (s.required as string[]) : Object.keys(props);
      const out: Record<string, unknown> = {};
      for (const key of required) out[key] = valueForSchema(props[key] ?? {}, { ...ctx, root }, key, `${path}/${key}`, depth + 1);
      return out;
    }
    case "array": {
      const min = typeof s.minItems === "number" ? s.minItems : 1;
      const max = typeof s.maxItems === "number" ? s.maxItems : Infinity;
      const tuple = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? (s.items as unknown[]) : undefined;
      const count = Math.min(max, Math.max(min, tuple ? tuple.length : 1));
      const out: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const itemSchema = tuple ? (tuple[i] ?? (isSchema(s.items) ? s.items : {})) : s.items ?? {};
        let v = valueForSchema(itemSchema, { ...ctx, root }, name, `${path}/${i}`, depth + 1);
        if (s.uniqueItems) {
          const seen = (x: unknown) => out.some((y) => JSON.stringify(y) === JSON.stringify(x));
          const is = isSchema(itemSchema) ? resolveRef(itemSchema, root) : {};
          if (seen(v) && Array.isArray(is.enum)) v = (is.enum as unknown[]).find((e) => !seen(e)) ?? v;
          else if (seen(v) && typeof v === "string") v = `${v} ${i + 1}`;
          else if (seen(v) && typeof v === "number") v = v + i;
        }
        out.push(v);
      }
      return out;
    }
    case "integer":
      return numberIn(s, true, ctx.text);
    case "number":
      return numberIn(s, false, ctx.text);
    case "boolean":
      return h % 2 === 0;
    case "null":
      return null;
    default:
      return stringFor(s, name, ctx.text, ctx.lang, h);
  }
}
