// Builds packages/emulator/src/generated/constraints.json: the emulator's contract, taken from AWS's own
// models instead of hand copies.
//   - routes (method, path, status) from the operation schemas the four installed SDK clients
//     export (`Converse$` → ["POST", "/model/{modelId}/converse", 200]);
//   - input shapes and their constraints (required, length, range, pattern, enum, union, sensitive,
//     where each member travels: label, query, header, payload) from AWS's Smithy models.
// Run once when the models change, and commit the output (never the models):
//   npm run build:constraints -- --smithy /work/.mirror/aws+api-models-aws/repo [--botocore DIR]
// --smithy is a git directory of github.com/aws/api-models-aws (AWS's Smithy JSON models; the same
// files aws-sdk-js-v3 vendors under codegen/sdk-codegen/aws-models, which is too large to fetch
// here). --botocore (default: the local Python botocore's data/ folder, if any) fills in operations
// the Smithy snapshot predates; every operation records which source it came from.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseArgs } from "node:util";

const SERVICES = [
  {
    service: "bedrock-runtime",
    client: "@aws-sdk/client-bedrock-runtime",
    smithy: "bedrock-runtime/service/2023-09-30/bedrock-runtime-2023-09-30.json",
    botocore: "bedrock-runtime/2023-09-30/service-2.json",
    operations: ["Converse", "ConverseStream", "InvokeModel", "InvokeModelWithResponseStream", "CountTokens", "ApplyGuardrail"],
  },
  {
    service: "bedrock",
    client: "@aws-sdk/client-bedrock",
    smithy: "bedrock/service/2023-04-20/bedrock-2023-04-20.json",
    botocore: "bedrock/2023-04-20/service-2.json",
    operations: ["ListFoundationModels", "GetFoundationModel", "GetFoundationModelAvailability", "ListInferenceProfiles", "GetInferenceProfile", "CreateModelInvocationJob", "GetModelInvocationJob", "ListModelInvocationJobs", "StopModelInvocationJob", "CreateEvaluationJob", "GetEvaluationJob", "ListEvaluationJobs", "StopEvaluationJob", "BatchDeleteEvaluationJob"],
  },
  {
    service: "bedrock-agent",
    client: "@aws-sdk/client-bedrock-agent",
    smithy: "bedrock-agent/service/2023-06-05/bedrock-agent-2023-06-05.json",
    botocore: "bedrock-agent/2023-06-05/service-2.json",
    operations: ["CreatePrompt", "GetPrompt", "ListPrompts", "UpdatePrompt", "DeletePrompt", "CreatePromptVersion", "TagResource", "UntagResource", "ListTagsForResource"],
  },
  {
    service: "bedrock-agent-runtime",
    client: "@aws-sdk/client-bedrock-agent-runtime",
    smithy: "bedrock-agent-runtime/service/2023-07-26/bedrock-agent-runtime-2023-07-26.json",
    botocore: "bedrock-agent-runtime/2023-07-26/service-2.json",
    operations: ["OptimizePrompt"],
  },
  {
    // S3, the subset the guide's chapters use. The SDK's schemas leave the bucket out of the path
    // (the endpoint rules put it in the host or, path-style, in front of the path); the emulator is
    // addressed path-style, so its route is the model's own http trait, "/{Bucket}/{Key+}…", which
    // must equal "/{Bucket}" + the SDK's path.
    service: "s3",
    client: "@aws-sdk/client-s3",
    smithy: "s3/service/2006-03-01/s3-2006-03-01.json",
    botocore: "s3/2006-03-01/service-2.json",
    pathStyleBucket: true,
    operations: ["CreateBucket", "HeadBucket", "DeleteBucket", "PutObject", "GetObject", "HeadObject", "ListObjectsV2", "DeleteObject", "DeleteObjects"],
  },
] as { service: string; client: string; smithy: string; botocore: string; pathStyleBucket?: boolean; operations: string[] }[];

/** A normalised shape: what the validation engine needs, nothing else. */
interface Constraint {
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
}
interface MemberOut extends Constraint {
  shape: string;
  required?: true;
  /** Where the member travels; absent = JSON body. */
  in?: "label" | "query" | "header" | "payload";
  /** The query/header name when it differs from the member name. */
  name?: string;
}
interface ShapeOut extends Constraint {
  type: "structure" | "union" | "list" | "map" | "string" | "number" | "integer" | "boolean" | "blob" | "timestamp" | "document";
  members?: Record<string, MemberOut>;
  member?: MemberOut;
  key?: MemberOut;
  value?: MemberOut;
  sensitive?: true;
}

const args = parseArgs({
  options: {
    smithy: { type: "string" },
    botocore: { type: "string" },
    out: { type: "string", default: "packages/emulator/src/generated/constraints.json" },
  },
}).values;
if (!args.smithy || !existsSync(args.smithy)) {
  console.error("Give --smithy <git dir of github.com/aws/api-models-aws> (the fetch tool brings it to /work/.mirror/aws+api-models-aws/repo).");
  process.exit(2);
}
const git = (...a: string[]) => execFileSync("git", ["--git-dir", args.smithy!, ...a], { encoding: "utf8", maxBuffer: 64 << 20, timeout: 120_000 });
const smithyCommit = git("rev-parse", "HEAD").trim();
const smithyDate = git("log", "-1", "--format=%cI", "HEAD").trim();

function findBotocore(): string | undefined {
  if (args.botocore) return args.botocore;
  try {
    const dir = execFileSync("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"], { encoding: "utf8", timeout: 20_000 }).trim();
    return join(dir, "data");
  } catch {
    return undefined;
  }
}
const botocoreDir = findBotocore();
const botocoreVersion = botocoreDir && existsSync(join(botocoreDir, "..", "__init__.py"))
  ? /__version__ = '([^']+)'/.exec(readFileSync(join(botocoreDir, "..", "__init__.py"), "utf8"))?.[1]
  : undefined;

// ---- Smithy 2.0 JSON → normalised shapes ------------------------------------------------------
type Traits = Record<string, unknown>;
interface SmithyShape {
  type: string;
  members?: Record<string, { target: string; traits?: Traits }>;
  member?: { target: string; traits?: Traits };
  key?: { target: string; traits?: Traits };
  value?: { target: string; traits?: Traits };
  traits?: Traits;
  input?: { target: string };
}

const PRELUDE: Record<string, ShapeOut["type"]> = {
  String: "string", Blob: "blob", Boolean: "boolean", PrimitiveBoolean: "boolean", Document: "document", Timestamp: "timestamp",
  Integer: "integer", PrimitiveInteger: "integer", Long: "integer", PrimitiveLong: "integer", Short: "integer", Byte: "integer",
  Float: "number", PrimitiveFloat: "number", Double: "number", PrimitiveDouble: "number", BigDecimal: "number", BigInteger: "integer",
};

function constraintsFromTraits(t: Traits | undefined, enumValues?: string[]): Constraint {
  const c: Constraint = {};
  const len = t?.["smithy.api#length"] as { min?: number; max?: number } | undefined;
  const range = t?.["smithy.api#range"] as { min?: number; max?: number } | undefined;
  const lim = len ?? range;
  if (lim?.min !== undefined) c.min = Number(lim.min);
  if (lim?.max !== undefined) c.max = Number(lim.max);
  if (typeof t?.["smithy.api#pattern"] === "string") c.pattern = t["smithy.api#pattern"] as string;
  if (enumValues) c.enum = enumValues;
  return c;
}

function smithyShapes(model: Record<string, SmithyShape>, roots: string[]): Record<string, ShapeOut> {
  const out: Record<string, ShapeOut> = {};
  const short = (id: string) => id.replace(/^com\.amazonaws\./, "");
  const ref = (m: { target: string; traits?: Traits }): MemberOut => {
    visit(m.target);
    const member: MemberOut = { shape: short(m.target), ...constraintsFromTraits(m.traits) };
    const t = m.traits ?? {};
    if ("smithy.api#required" in t) member.required = true;
    return member;
  };
  function visit(id: string): void {
    const name = short(id);
    if (out[name]) return;
    if (id.startsWith("smithy.api#")) {
      const type = PRELUDE[id.slice("smithy.api#".length)];
      if (type) out[name] = { type };
      else if (id !== "smithy.api#Unit") throw new Error(`Unmapped prelude shape ${id}`);
      return;
    }
    const s = model[id];
    if (!s) throw new Error(`Shape ${id} missing from the Smithy model`);
    const traits = s.traits ?? {};
    const base: Partial<ShapeOut> = "smithy.api#sensitive" in traits ? { sensitive: true } : {};
    switch (s.type) {
      case "structure":
      case "union": {
        const shape: ShapeOut = { type: s.type, ...base, members: {} };
        out[name] = shape;
        for (const [k, m] of Object.entries(s.members ?? {})) {
          const member = ref(m);
          const t = m.traits ?? {};
          if ("smithy.api#httpLabel" in t) member.in = "label";
          else if ("smithy.api#httpQuery" in t) {
            member.in = "query";
            if (t["smithy.api#httpQuery"] !== k) member.name = t["smithy.api#httpQuery"] as string;
          } else if ("smithy.api#httpHeader" in t) {
            member.in = "header";
            member.name = String(t["smithy.api#httpHeader"]).toLowerCase();
          } else if ("smithy.api#httpPayload" in t) member.in = "payload";
          shape.members![k] = member;
        }
        return;
      }
      case "list":
      case "set":
        out[name] = { type: "list", ...base, ...constraintsFromTraits(traits) };
        out[name].member = ref(s.member!);
        return;
      case "map":
        out[name] = { type: "map", ...base, ...constraintsFromTraits(traits) };
        out[name].key = ref(s.key!);
        out[name].value = ref(s.value!);
        return;
      case "enum": {
        const values = Object.values(s.members ?? {}).map((m) => String(m.traits?.["smithy.api#enumValue"]));
        out[name] = { type: "string", ...base, ...constraintsFromTraits(traits, values) };
        return;
      }
      case "intEnum":
        out[name] = { type: "integer", ...base };
        return;
      default: {
        const type = PRELUDE[s.type.charAt(0).toUpperCase() + s.type.slice(1)];
        if (!type) throw new Error(`Unmapped Smithy type ${s.type} (${id})`);
        // Smithy 1.0-style enum trait on a string.
        const legacyEnum = (traits["smithy.api#enum"] as { value: string }[] | undefined)?.map((e) => e.value);
        out[name] = { type, ...base, ...constraintsFromTraits(traits, legacyEnum) };
      }
    }
  }
  for (const r of roots) visit(r);
  return out;
}

// ---- botocore JSON → the same normalised shapes (for operations the Smithy snapshot lacks) ----
interface BotoShape {
  type: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  union?: boolean;
  document?: boolean;
}
const BOTO_TYPES: Record<string, ShapeOut["type"]> = {
  string: "string", blob: "blob", boolean: "boolean", timestamp: "timestamp", integer: "integer", long: "integer",
  float: "number", double: "number", structure: "structure", list: "list", map: "map",
};
function botoShapes(prefix: string, model: Record<string, BotoShape>, roots: string[]): Record<string, ShapeOut> {
  const out: Record<string, ShapeOut> = {};
  const key = (n: string) => `${prefix}#${n}`;
  const ref = (n: string): MemberOut => {
    visit(n);
    return { shape: key(n) };
  };
  function visit(n: string): void {
    if (out[key(n)]) return;
    const s = model[n];
    if (!s) throw new Error(`Shape ${n} missing from the botocore model`);
    const type = s.document ? "document" : s.union ? "union" : BOTO_TYPES[s.type];
    if (!type) throw new Error(`Unmapped botocore type ${s.type} (${n})`);
    const c: Constraint = {};
    if (s.min !== undefined) c.min = s.min;
    if (s.max !== undefined) c.max = s.max;
    if (s.pattern !== undefined) c.pattern = s.pattern;
    if (s.enum) c.enum = s.enum;
    const shape: ShapeOut = { type, ...(s.sensitive ? { sensitive: true } : {}), ...c };
    out[key(n)] = shape;
    if (type === "structure" || type === "union") {
      shape.members = {};
      for (const [k, m] of Object.entries(s.members ?? {})) {
        const member = ref(m.shape);
        if (s.required?.includes(k)) member.required = true;
        if (m.location === "uri") member.in = "label";
        else if (m.location === "querystring") member.in = "query";
        else if (m.location === "header") member.in = "header";
        if ((member.in === "query" || member.in === "header") && m.locationName && m.locationName !== k) member.name = member.in === "header" ? m.locationName.toLowerCase() : m.locationName;
        shape.members[k] = member;
      }
    } else if (type === "list") shape.member = ref(s.member!.shape);
    else if (type === "map") {
      shape.key = ref(s.key!.shape);
      shape.value = ref(s.value!.shape);
    }
  }
  for (const r of roots) visit(r);
  return out;
}

// ---- routes from the installed SDK clients ------------------------------------------------------
const requireFromRoot = createRequire(join(resolve("."), "package.json"));
function sdkRoute(client: string, op: string): { method: string; uri: string; code: number } {
  const mod = requireFromRoot(client) as Record<string, unknown>;
  const schema = mod[`${op}$`] as [number, string, string, { http?: [string, string, number] }] | undefined;
  const http = schema?.[3]?.http;
  if (!http) throw new Error(`${client} exports no ${op}$ schema with an http trait`);
  return { method: http[0], uri: http[1], code: http[2] };
}
function sdkVersion(client: string): string {
  return (requireFromRoot(`${client}/package.json`) as { version: string }).version;
}

type BotoModel = { shapes: Record<string, BotoShape>; operations: Record<string, { input?: { shape: string } }> };
function loadBoto(rel: string): BotoModel {
  const p = join(botocoreDir!, rel);
  const text = existsSync(p) ? readFileSync(p, "utf8") : gunzipSync(readFileSync(p + ".gz")).toString("utf8");
  return JSON.parse(text);
}

/** "Shape.member" for every member the SDK's schema of a structure or union has and the model lacks. */
function missingMembers(closure: Record<string, ShapeOut>, sdk: Record<string, unknown>): string[] {
  const gaps: string[] = [];
  for (const [name, shape] of Object.entries(closure)) {
    if (shape.type !== "structure" && shape.type !== "union") continue;
    const local = name.slice(name.indexOf("#") + 1);
    const schema = sdk[`${local}$`] as [number, string, string, unknown, string[]] | undefined;
    if (!Array.isArray(schema) || !Array.isArray(schema[4])) continue;
    for (const m of schema[4]) if (!(m in shape.members!)) gaps.push(`${local}.${m}`);
  }
  return gaps;
}

const staleInSmithy: Record<string, string[]> = {};
const shapes: Record<string, ShapeOut> = {};
const operations: Record<string, { service: string; method: string; uri: string; code: number; input: string; from: "smithy" | "botocore" }> = {};
const clients: Record<string, string> = {};
const usedBotocore: string[] = [];

for (const svc of SERVICES) {
  clients[svc.client] = sdkVersion(svc.client);
  const smithy = JSON.parse(git("show", `HEAD:${svc.smithy}`)).shapes as Record<string, SmithyShape>;
  const ns = Object.keys(smithy)[0].split("#")[0];
  let boto: BotoModel | undefined;
  for (const op of svc.operations) {
    const route = sdkRoute(svc.client, op);
    if (svc.pathStyleBucket) {
      const http = smithy[`${ns}#${op}`]?.traits?.["smithy.api#http"] as { uri: string } | undefined;
      const pathStyle = "/{Bucket}" + (route.uri.startsWith("/?") ? route.uri.slice(1) : route.uri === "/" ? "" : route.uri);
      if (http && http.uri !== pathStyle) throw new Error(`${op}: the Smithy model's path-style route ${http.uri} is not "/{Bucket}" + the SDK's ${route.uri}`);
      route.uri = pathStyle;
    }
    const s = smithy[`${ns}#${op}`];
    const sdk = requireFromRoot(svc.client) as Record<string, unknown>;
    // The Smithy snapshot is older than the SDK: an operation whose input shapes lack members the
    // SDK sends is taken from botocore instead (when botocore has them), and says so.
    const smithyClosure = s ? smithyShapes(smithy, [s.input!.target]) : undefined;
    const smithyGaps = smithyClosure ? missingMembers(smithyClosure, sdk) : ["(operation missing)"];
    if (s && smithyGaps.length && botocoreDir) {
      boto ??= loadBoto(svc.botocore);
      const bop = boto.operations[op];
      const prefix = "botocore:" + ns.replace(/^com\.amazonaws\./, "");
      if (bop && missingMembers(botoShapes(prefix, boto.shapes, [bop.input!.shape]), sdk).length < smithyGaps.length) {
        staleInSmithy[op] = smithyGaps;
      }
    }
    if (s && !staleInSmithy[op]) {
      const http = s.traits?.["smithy.api#http"] as { method: string; uri: string; code?: number };
      if (http.method !== route.method || http.uri !== route.uri) {
        // (S3's path-style routes were checked against the model above.)
        console.warn(`note: ${op}: the SDK sends ${route.method} ${route.uri}, the Smithy snapshot says ${http.method} ${http.uri}; the route follows the SDK`);
      }
      // S3 reports bad input with its own error codes (InvalidArgument, MalformedXML…), not the
      // AWS JSON "validation errors detected" the engine writes: its routes only, no shapes.
      if (!svc.pathStyleBucket) Object.assign(shapes, smithyShapes(smithy, [s.input!.target]));
      operations[op] = { service: svc.service, ...route, input: s.input!.target.replace(/^com\.amazonaws\./, ""), from: "smithy" };
      continue;
    }
    if (!botocoreDir) throw new Error(`${op} is not in the Smithy snapshot and no botocore data was found (give --botocore)`);
    boto ??= loadBoto(svc.botocore);
    const bop = boto!.operations[op];
    if (!bop) throw new Error(`${op} is in neither model`);
    const prefix = "botocore:" + ns.replace(/^com\.amazonaws\./, "");
    if (!svc.pathStyleBucket) Object.assign(shapes, botoShapes(prefix, boto!.shapes, [bop.input!.shape]));
    operations[op] = { service: svc.service, ...route, input: `${prefix}#${bop.input!.shape}`, from: "botocore" };
    usedBotocore.push(op);
  }
}

// Known slips in the models, corrected here and recorded in the output. Each one would make the
// emulator refuse requests that AWS's service accepts.
const FIXES: { shape: string; why: string; fix(s: ShapeOut): void }[] = [
  {
    shape: "bedrockagent#TaggableResourcesArn",
    why: "the pattern writes '/d{12}' for '\\d{12}', so no real ARN matches it; the service accepts real prompt ARNs",
    fix: (s) => void (s.pattern = s.pattern!.replaceAll(":/d", ":\\d")),
  },
];
const applied: { shape: string; why: string }[] = [];
for (const f of FIXES) {
  const s = shapes[f.shape];
  if (!s) continue;
  const before = JSON.stringify(s);
  f.fix(s);
  if (JSON.stringify(s) !== before) applied.push({ shape: f.shape, why: f.why });
}

const out = {
  source: {
    smithy: {
      repository: "https://github.com/aws/api-models-aws",
      commit: smithyCommit,
      date: smithyDate,
      files: SERVICES.map((s) => s.smithy),
    },
    ...(usedBotocore.length
      ? {
          botocore: {
            package: `botocore ${botocoreVersion ?? "(version unknown)"} (pip), data/<service>/<version>/service-2.json`,
            operations: usedBotocore,
            why: "operations newer than the Smithy snapshot, or whose input there lacks members the SDK sends",
            ...(Object.keys(staleInSmithy).length ? { smithyGaps: staleInSmithy } : {}),
          },
        }
      : {}),
    ...(applied.length ? { fixes: applied } : {}),
    routes: { from: "the operation schemas (`<Operation>$`, http trait) the installed SDK clients export", clients },
    generatedAt: new Date().toISOString().slice(0, 10),
    by: "scripts/build-constraints.ts",
  },
  operations,
  shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1))),
};

const outPath = resolve(args.out!);
mkdirSync(dirname(outPath), { recursive: true });
// One shape per line: compact, with readable diffs.
const text =
  "{\n" +
  `  "source": ${JSON.stringify(out.source)},\n` +
  `  "operations": {\n${Object.entries(out.operations).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n  },\n` +
  `  "shapes": {\n${Object.entries(out.shapes).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n  }\n}\n`;
JSON.parse(text);
writeFileSync(outPath, text);
console.log(`Wrote ${outPath}: ${Object.keys(operations).length} operations (${usedBotocore.length} from botocore: ${usedBotocore.join(", ") || "none"}), ${Object.keys(shapes).length} shapes, ${(text.length / 1024).toFixed(0)} KiB`);
