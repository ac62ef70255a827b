import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { BedrockAgentRuntimeClient } from "@aws-sdk/client-bedrock-agent-runtime";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { CostMeter } from "./cost-meter";
import { adviseOn } from "./error-advice";
import type { EmulatorRoute } from "./host";
import { chooseModelFor, ModelNotCallableHere } from "./model-for-region";
import type { Language } from "./language";
import { priceOf } from "./prices";

// Lessons use plain SDK clients (`new BedrockRuntimeClient({ region })`), exactly as production
// code does. So the guide adds its two helpers to every client the first time it sends:
// error advice (outermost, so it also sees credential and network errors) and the cost meter
// (next to deserialisation, where the response headers with token counts are visible).

interface Session {
  meter: CostMeter;
  lang: Language;
  /** An offline session in a page: the in-page emulator each plain client is given. */
  route?: EmulatorRoute;
}
// The patch below lives on the SDK's shared client prototypes, so the session it reads must be
// shared as widely: a second copy of this module (the kit installed beside its source, a test
// runner that reloads modules) finds the prototypes patched and must reach the same session.
const SESSION = Symbol.for("bedrock-guide.session");
const slot = globalThis as { [SESSION]?: Session };
const currentSession = () => slot[SESSION];

const CLIENT_CLASSES = [
  BedrockRuntimeClient,
  BedrockClient,
  BedrockAgentClient,
  BedrockAgentRuntimeClient,
];

/** Points the helpers at the current session (undefined: none); called by startGuide and stop. */
export function instrumentClients(current: Session | undefined): void {
  slot[SESSION] = current;
  if (!current) return;
  for (const ClientClass of CLIENT_CLASSES) {
    patchSend(ClientClass.prototype as unknown as PatchableClient);
  }
}

type AnyArgs = { input: Record<string, unknown> };
type AnyResult = {
  output: Record<string, unknown>;
  response?: { headers?: Record<string, string> };
};
type Handler = (args: AnyArgs) => Promise<AnyResult>;
type Middleware = (
  next: Handler,
  context: { commandName?: string },
) => Handler;
interface PatchableClient {
  send: (...args: unknown[]) => Promise<unknown>;
  middlewareStack: {
    add(m: Middleware, options: Record<string, unknown>): void;
  };
  config: { region: () => Promise<string> };
  __bedrockGuidePatched?: boolean;
}

// Marks a client instance whose middleware stack has the helpers (shared for the same reason).
const INSTRUMENTED = Symbol.for("bedrock-guide.instrumented");

function patchSend(proto: PatchableClient): void {
  if (Object.prototype.hasOwnProperty.call(proto, "__bedrockGuidePatched"))
    return;
  const originalSend = proto.send;
  proto.__bedrockGuidePatched = true;
  proto.send = function (this: PatchableClient, ...args: unknown[]) {
    const client = this as PatchableClient & { [INSTRUMENTED]?: true };
    if (!client[INSTRUMENTED]) {
      client[INSTRUMENTED] = true;
      this.middlewareStack.add(adviceMiddleware(this), {
        step: "initialize",
        priority: "high",
        name: "bedrockGuideAdvice",
      });
      this.middlewareStack.add(meterMiddleware, {
        step: "deserialize",
        priority: "high",
        name: "bedrockGuideCostMeter",
      });
    }
    const route = currentSession()?.route;
    if (route)
      return routeToEmulator(this as unknown as RoutableClient, route).then(
        () => originalSend.apply(this, args),
      );
    return originalSend.apply(this, args);
  };
}

// In a page, offline, the SDK has no environment to read: a client built with no endpoint, region
// or credentials would fail ("Region is missing", "Credential is missing") or, given a region, call
// AWS. So on its first send the session gives it what Node's offline mode gives through
// AWS_ENDPOINT_URL, AWS_REGION and the dummy keys, with the same precedence: what the reader set on
// the client wins. Concretely (smithy-client's send reads config.requestHandler on every send; the
// region and credentials are providers it calls per request):
// - an explicit `endpoint`, or a request handler of the reader's own (not one of the SDK's default
//   classes), leaves the client untouched: it goes where the reader said;
// - otherwise config.requestHandler becomes the in-page emulator's;
// - region and credentials are set only where the client has none (its provider rejects).

interface RoutableClient {
  config: {
    isCustomEndpoint?: boolean;
    requestHandler?: unknown;
    region: () => Promise<string>;
    useFipsEndpoint: () => Promise<boolean>;
    credentials: (() => Promise<unknown>) | EmulatorRoute["credentials"];
  };
  handlers?: unknown;
  [ROUTED]?: Promise<Routing>;
}

/** What the session did to a client: nothing (the reader's own route), or the emulator's handler. */
type Routing =
  { own: true } | { own: false; handler: unknown; filledRegion: boolean };

// Shared through globalThis symbols for the same reason as the session.
const ROUTED = Symbol.for("bedrock-guide.routed");

// The handlers the SDK builds itself when given none (in a page: FetchHttpHandler, and the runtime
// client's WebSocketFetchHandler around it), known by their classes, taken from clients built with
// no settings: the very copies the lesson's clients use, with nothing imported.
let sdkDefaultHandlers: Set<unknown> | undefined;
function isSdkDefaultHandler(handler: unknown): boolean {
  sdkDefaultHandlers ??= new Set(
    CLIENT_CLASSES.map((ClientClass) => {
      const probe = new ClientClass({});
      const kind = (probe.config.requestHandler as object).constructor;
      probe.destroy();
      return kind;
    }),
  );
  return sdkDefaultHandlers.has(
    (handler as object | undefined)?.constructor,
  );
}

function routeToEmulator(
  client: RoutableClient,
  route: EmulatorRoute,
): Promise<Routing> {
  const earlier = client[ROUTED];
  const routing = earlier
    ? earlier.then((done) => followNewSession(client, done, route))
    : firstRouting(client, route);
  client[ROUTED] = routing;
  return routing;
}

async function firstRouting(
  client: RoutableClient,
  route: EmulatorRoute,
): Promise<Routing> {
  const { config } = client;
  if (
    config.isCustomEndpoint ||
    !isSdkDefaultHandler(config.requestHandler)
  )
    return { own: true };
  config.requestHandler = route.requestHandler;
  const hasRegion = await config.region().then(
    () => true,
    () => false,
  );
  if (!hasRegion) fillRegion(client, route.region);
  const hasCredentials = await (
    config.credentials as () => Promise<unknown>
  )().then(
    () => true,
    () => false,
  );
  // The SDK's setter turns the keys into a provider again.
  if (!hasCredentials) config.credentials = route.credentials;
  return {
    own: false,
    handler: route.requestHandler,
    filledRegion: !hasRegion,
  };
}

/**
 * An SDK client class as a page's cells import it: in Node, a client built with no settings reads
 * AWS_REGION, AWS_ENDPOINT_URL and the dummy keys from the environment when it is built, so a cell
 * may ask `client.config.region()` or `credentials()` before any send. A page has no environment:
 * this subclass completes the settings the same way at construction, from the offline session in
 * the page (what the reader set wins; an explicit endpoint or handler keeps its own route), and
 * leaves them alone when there is no such session.
 */
export function withSessionDefaults<
  C extends new (...args: any[]) => object,
>(ClientClass: C): C {
  const Completed = class extends ClientClass {
    constructor(...args: any[]) {
      const input = (args[0] ?? {}) as Record<string, unknown>;
      const route = currentSession()?.route;
      const own =
        input.endpoint !== undefined || input.requestHandler !== undefined;
      super(
        route
          ? {
              region: route.region,
              credentials: route.credentials,
              ...(own ? {} : { requestHandler: route.requestHandler }),
              ...input,
            }
          : input,
        ...args.slice(1),
      );
      // As if its first send had routed it: a later session (startGuide again) takes it over.
      if (route)
        (this as unknown as RoutableClient)[ROUTED] = Promise.resolve(
          own
            ? { own: true }
            : {
                own: false,
                handler: route.requestHandler,
                filledRegion: input.region === undefined,
              },
        );
    }
  };
  Object.defineProperty(Completed, "name", { value: ClientClass.name });
  return Completed;
}

/** A client routed by an earlier session follows the current one (startGuide run again). */
function followNewSession(
  client: RoutableClient,
  done: Routing,
  route: EmulatorRoute,
): Routing {
  if (done.own || done.handler === route.requestHandler) return done;
  if (client.config.requestHandler === done.handler) {
    client.config.requestHandler = route.requestHandler;
    // smithy-client caches resolved handlers when cacheMiddleware is on; they hold the old one.
    delete client.handlers;
  }
  if (done.filledRegion) fillRegion(client, route.region);
  return { ...done, handler: route.requestHandler };
}

function fillRegion(client: RoutableClient, region: string): void {
  client.config.region = async () => region;
  // The SDK's useFipsEndpoint asks the original (missing) region again; the session's is not FIPS.
  client.config.useFipsEndpoint = async () => false;
}

/**
 * For errors about which ID to call, the profiles the region really lists for the model, asked
 * through ListInferenceProfiles (cached for the session), so live advice never relies on the
 * catalog capture. Undefined when the question does not apply or cannot be answered.
 */
async function liveProfiles(
  error: unknown,
  modelId: string | undefined,
  region: string | undefined,
): Promise<string[] | undefined> {
  const name = (error as { name?: string })?.name;
  if (
    !modelId ||
    !region ||
    modelId.startsWith("arn:") ||
    (name !== "ValidationException" && name !== "ResourceNotFoundException")
  )
    return undefined;
  try {
    return (await chooseModelFor(modelId, region)).profilesHere;
  } catch (lookup) {
    // Neither a profile nor on demand here: the live answer is "no profiles".
    return lookup instanceof ModelNotCallableHere ? [] : undefined;
  }
}

/** Advice names regions and profiles, so it needs the region this client talks to. */
const adviceMiddleware =
  (client: PatchableClient): Middleware =>
  (next, context) =>
  async (args) => {
    try {
      return await next(args);
    } catch (error) {
      const session = currentSession();
      if (session) {
        const region = await client.config.region().catch(() => undefined);
        const modelId = args.input.modelId as string | undefined;
        adviseOn(error, {
          modelId,
          region,
          lang: session.lang,
          operation: context.commandName,
          profilesHere: await liveProfiles(error, modelId, region),
        });
      }
      throw error;
    }
  };

const METERED = new Set([
  "ConverseCommand",
  "ConverseStreamCommand",
  "InvokeModelCommand",
  "InvokeModelWithResponseStreamCommand",
]);

const meterMiddleware: Middleware = (next, context) => async (args) => {
  const meter = currentSession()?.meter;
  const modelId = args.input.modelId;
  if (
    !meter ||
    typeof modelId !== "string" ||
    !METERED.has(context.commandName ?? "")
  )
    return next(args);
  meter.checkBudget(modelId);
  const started = Date.now();
  const result = await next(args);
  const record = (inputTokens: number, outputTokens: number, images = 0) =>
    meter.record({
      operation: (context.commandName ?? "").replace(/Command$/, ""),
      modelId,
      inputTokens,
      outputTokens,
      images,
      elapsedMs: Date.now() - started,
    });

  const output = result.output;
  switch (context.commandName) {
    case "ConverseCommand": {
      const usage = output.usage as
        { inputTokens?: number; outputTokens?: number } | undefined;
      record(usage?.inputTokens ?? 0, usage?.outputTokens ?? 0);
      break;
    }
    case "InvokeModelCommand": {
      const headers = result.response?.headers ?? {};
      const images =
        priceOf(modelId)?.perImage !== undefined
          ? countImages(output.body as Uint8Array)
          : 0;
      record(
        Number(headers["x-amzn-bedrock-input-token-count"] ?? 0),
        Number(headers["x-amzn-bedrock-output-token-count"] ?? 0),
        images,
      );
      break;
    }
    case "ConverseStreamCommand":
      output.stream = observe(
        output.stream as AsyncIterable<{
          metadata?: {
            usage?: { inputTokens?: number; outputTokens?: number };
          };
        }>,
        (event) => {
          if (event.metadata?.usage)
            record(
              event.metadata.usage.inputTokens ?? 0,
              event.metadata.usage.outputTokens ?? 0,
            );
        },
      );
      break;
    case "InvokeModelWithResponseStreamCommand":
      output.body = observe(
        output.body as AsyncIterable<{ chunk?: { bytes?: Uint8Array } }>,
        (event) => {
          const metrics = invocationMetrics(event.chunk?.bytes);
          if (metrics)
            record(
              metrics.inputTokenCount ?? 0,
              metrics.outputTokenCount ?? 0,
            );
        },
      );
      break;
  }
  return result;
};

/** Passes every event through untouched, letting the meter look at each one. */
async function* observe<T>(
  events: AsyncIterable<T>,
  look: (event: T) => void,
): AsyncIterable<T> {
  for await (const event of events) {
    look(event);
    yield event;
  }
}

function countImages(body: Uint8Array | undefined): number {
  if (!body) return 0;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as {
      images?: unknown[];
    };
    return Array.isArray(parsed.images) ? parsed.images.length : 0;
  } catch {
    return 0;
  }
}

function invocationMetrics(
  bytes: Uint8Array | undefined,
): { inputTokenCount?: number; outputTokenCount?: number } | undefined {
  if (!bytes) return undefined;
  const text = new TextDecoder().decode(bytes);
  if (!text.includes("amazon-bedrock-invocationMetrics")) return undefined;
  try {
    return (
      JSON.parse(text) as Record<
        string,
        { inputTokenCount?: number; outputTokenCount?: number }
      >
    )["amazon-bedrock-invocationMetrics"];
  } catch {
    return undefined;
  }
}
