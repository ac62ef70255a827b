// The one validation engine: checks an operation's input against the constraint tables generated
// from AWS's service models (src/generated/constraints.json, built by scripts/build-constraints.ts)
// and reports every violation in AWS's wording:
//   "2 validation errors detected: Value 'x' at 'a.b' failed to satisfy constraint: Member must …; …"
// Paths follow AWS: structure members by name, list members as `list.N.member` (1-based), map
// values as `map.KEY` and keys as `map.key`. Values of sensitive shapes are never echoed.
// A JSON value of the wrong type is reported in the same list ("Member must be a string").
// Behaviour (which model, which variant name) stays in the handlers.
import { BedrockError } from "./errors";
import { utf8Text } from "./bytes";
import generated from "./generated/constraints.json";

interface Constraint {
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
}
interface Member extends Constraint {
  shape: string;
  required?: true;
  in?: "label" | "query" | "header" | "payload";
  name?: string;
}
interface Shape extends Constraint {
  type: string;
  members?: Record<string, Member>;
  member?: Member;
  key?: Member;
  value?: Member;
  sensitive?: true;
}
export interface OperationContract {
  service: string;
  method: string;
  uri: string;
  code: number;
  input: string;
  from: string;
}

/** The parts of a request the engine reads (an EmulatorRequest has them); it needs nothing else of the contract. */
export interface RequestInput {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Uint8Array;
}

const shapes = generated.shapes as unknown as Record<string, Shape>;
/** Every operation the emulator serves, with its route (from the SDK) and input shape (from the models). */
export const contracts = generated.operations as unknown as Record<string, OperationContract>;
export const contractSource = generated.source;

const patterns = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    // The whole value must match, as the service checks it (botocore's copies drop Smithy's ^…$).
    try {
      re = new RegExp(`^(?:${pattern})$`, "u");
    } catch {
      re = new RegExp(`^(?:${pattern})$`);
    }
    patterns.set(pattern, re);
  }
  return re;
}

function shown(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

class Violations {
  readonly list: string[] = [];
  add(value: unknown, path: string, hidden: boolean, rule: string): void {
    this.list.push(`${hidden ? "Value" : `Value '${shown(value)}'`} at '${path}' failed to satisfy constraint: ${rule}`);
  }
  addNull(path: string): void {
    this.list.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  }
}

function checkLimits(v: unknown, size: number, c: Constraint, path: string, hidden: boolean, out: Violations, unit: "length" | "value"): void {
  if (c.min !== undefined && size < c.min) out.add(v, path, hidden, `Member must have ${unit} greater than or equal to ${c.min}`);
  if (c.max !== undefined && size > c.max) out.add(v, path, hidden, `Member must have ${unit} less than or equal to ${c.max}`);
}

function walk(value: unknown, ref: Member, path: string, hidden: boolean, out: Violations): void {
  const shape = shapes[ref.shape];
  if (!shape) return;
  const hide = hidden || !!shape.sensitive;
  // Member-level constraints refine the target's (Smithy allows both).
  const c: Constraint = {
    min: ref.min ?? shape.min,
    max: ref.max ?? shape.max,
    pattern: ref.pattern ?? shape.pattern,
    enum: ref.enum ?? shape.enum,
  };
  const wrong = (what: string) => out.add(value, path, hide, "Member must be " + what);
  switch (shape.type) {
    case "string":
      if (typeof value !== "string") return wrong("a string");
      checkLimits(value, [...value].length, c, path, hide, out, "length");
      if (c.pattern !== undefined && !regex(c.pattern).test(value)) out.add(value, path, hide, `Member must satisfy regular expression pattern: ${c.pattern}`);
      if (c.enum && !c.enum.includes(value)) out.add(value, path, hide, `Member must satisfy enum value set: [${c.enum.join(", ")}]`);
      return;
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return wrong(shape.type === "integer" ? "an integer" : "a number");
      if (shape.type === "integer" && !Number.isInteger(value)) return wrong("an integer");
      checkLimits(value, value, c, path, hide, out, "value");
      return;
    case "boolean":
      if (typeof value !== "boolean") return wrong("a boolean");
      return;
    case "list":
      if (!Array.isArray(value)) return wrong("a list");
      checkLimits(value, value.length, c, path, hide, out, "length");
      value.forEach((item, i) => {
        const p = `${path}.${i + 1}.member`;
        // AWS lists are dense: a null member is a violation of its own.
        if (item === null || item === undefined) out.addNull(p);
        else walk(item, shape.member!, p, hide, out);
      });
      return;
    case "map":
      if (!value || typeof value !== "object" || Array.isArray(value)) return wrong("a map");
      checkLimits(value, Object.keys(value).length, c, path, hide, out, "length");
      for (const [k, v] of Object.entries(value)) {
        walk(k, shape.key!, `${path}.key`, hide, out);
        if (v === null || v === undefined) out.addNull(`${path}.${k}`);
        else walk(v, shape.value!, `${path}.${k}`, hide, out);
      }
      return;
    case "union": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return wrong("a structure");
      const set = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined && (value as Record<string, unknown>)[k] !== null);
      const known = set.filter((k) => k in shape.members!);
      // Members newer than the model are let through: the emulator can't judge them.
      if (set.length > 1 || (set.length === 0 && Object.keys(value).length === 0)) {
        out.list.push(`Value at '${path}' failed to satisfy constraint: Member must have exactly one of these members set: [${Object.keys(shape.members!).join(", ")}]`);
        return;
      }
      for (const k of known) walk((value as Record<string, unknown>)[k], shape.members![k], `${path}.${k}`, hide, out);
      return;
    }
    case "structure":
      if (!value || typeof value !== "object" || Array.isArray(value)) return wrong("a structure");
      structure(value as Record<string, unknown>, shape, path ? `${path}.` : "", hide, out);
      return;
    default:
      return;
  }
}

function structure(value: Record<string, unknown>, shape: Shape, prefix: string, hidden: boolean, out: Violations): void {
  for (const [name, m] of Object.entries(shape.members ?? {})) {
    const v = value[name];
    if (v === undefined || v === null) {
      if (m.required) out.addNull(prefix + name);
      continue;
    }
    walk(v, m, prefix + name, hidden, out);
  }
}

const parsedBodies = new WeakMap<RequestInput, Record<string, unknown> | null>();

/** The request's JSON object body, parsed once and shared with the handlers; null if it isn't one. */
export function jsonBodyOf(req: RequestInput): Record<string, unknown> | null {
  if (parsedBodies.has(req)) return parsedBodies.get(req)!;
  let out: Record<string, unknown> | null = null;
  if (!req.body || req.body.length === 0) out = {};
  else {
    try {
      const v = JSON.parse(utf8Text(req.body));
      if (v && typeof v === "object" && !Array.isArray(v)) out = v;
    } catch {
      out = null;
    }
  }
  parsedBodies.set(req, out);
  return out;
}

/** The operation's input as AWS's model sees it: labels, query, headers and JSON body members. */
function inputOf(req: RequestInput, shape: Shape): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  let body: Record<string, unknown> | null | undefined;
  for (const [name, m] of Object.entries(shape.members ?? {})) {
    if (m.in === "label") input[name] = req.params[name];
    else if (m.in === "query") {
      const q = m.name ?? name;
      const target = shapes[m.shape];
      if (target?.type === "list") {
        const all = req.query.getAll(q);
        if (all.length) input[name] = all;
      } else {
        const raw = req.query.get(q);
        if (raw === null) continue;
        const n = Number(raw);
        input[name] = (target?.type === "integer" || target?.type === "number") && raw.trim() !== "" && Number.isFinite(n) ? n : raw;
      }
    } else if (m.in === "header") input[name] = req.headers[m.name ?? name.toLowerCase()];
    else if (m.in === "payload") continue;
    else {
      if (body === undefined) body = jsonBodyOf(req);
      if (body) input[name] = body[name];
    }
  }
  return input;
}

/** Throws ValidationException 400 listing every constraint the request breaks, as AWS does. */
export function validateRequest(operation: string, req: RequestInput): void {
  const contract = contracts[operation];
  if (!contract) throw new Error(`No contract for operation ${operation}: rebuild src/generated/constraints.json`);
  const shape = shapes[contract.input];
  const out = new Violations();
  structure(inputOf(req, shape), shape, "", false, out);
  if (out.list.length === 0) return;
  const n = out.list.length;
  throw new BedrockError("ValidationException", 400, `${n} validation error${n === 1 ? "" : "s"} detected: ${out.list.join("; ")}`);
}

/** Checks one value against a named shape of the tables (for bodies inside bodies, e.g. CountTokens' converse input). */
export function validateValue(shapeName: string, value: unknown, path: string): void {
  const out = new Violations();
  walk(value, { shape: shapeName }, path, false, out);
  if (out.list.length === 0) return;
  const n = out.list.length;
  throw new BedrockError("ValidationException", 400, `${n} validation error${n === 1 ? "" : "s"} detected: ${out.list.join("; ")}`);
}
