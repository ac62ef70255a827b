// Where the lib runs: a Node process (a terminal, the notebooks' kernel, tests) or a page. The lib
// imports nothing of Node's; what differs between the two comes from here. Node's entry (node.ts)
// gives show.* tslab's display; a page gives its output element's. Without one, show.* prints text.
// Offline mode's emulator also comes from here: a server on a port in Node, the core in a page.
import type { Language } from "./language-code";

/**
 * A fault the offline emulator answers matching calls with (guide.simulate). Here, with the host's
 * emulator that takes it, so the host needs nothing from guide.ts (which builds on the host).
 */
export interface SimulatedFault {
  fault: "throttle" | "access-denied" | "latency";
  /** Only calls to this model ID (default: every model). */
  model?: string;
  /** How many calls fail before the emulator answers normally again (default: all). */
  times?: number;
  latencyMs?: number;
}

/** Rich output, as tslab's `display` offers it. */
export interface Display {
  html(html: string): void;
  markdown(markdown: string): void;
  svg(svg: string): void;
  png(png: Uint8Array): void;
}

export interface Host {
  kind: "node" | "page";
  /** Where show.* sends rich output now; undefined: print text. */
  display(): Display | undefined;
  /**
   * How offline mode reaches an emulator. Node's entry starts one on a port and points the SDK at
   * it through the environment (node-emulator.ts); undefined: the emulator runs in the page
   * (page-emulator.ts).
   */
  startOffline?(settings: OfflineSettings): Promise<OfflineEmulator>;
  /**
   * An emulator on a port, changing nothing else (the doctor's offline check); Node only.
   * Undefined: the doctor asks an emulator in the page instead.
   */
  emulatorServer?(): Promise<{ url: string; close(): Promise<void> }>;
  /**
   * The SDK's Node credential chain (environment, profile, SSO, role), resolved once: the doctor's
   * live check. Node only, like live mode; undefined in a page.
   */
  credentialChain?(): Promise<unknown>;
}

export interface OfflineSettings {
  region: string;
  lang: Language;
}

/** The emulator an offline session talks to, however the host reaches it. */
export interface OfflineEmulator {
  /** Where the SDK's requests go, as the session's banner names it. */
  endpoint: string;
  faults: { add(rule: SimulatedFault): unknown };
  /**
   * In a page: what plain SDK clients are given on their first send (instrument.ts), since a page
   * has no environment for the SDK to read. Undefined in Node, where the environment does it.
   */
  route?: EmulatorRoute;
  /** Stops the emulator and puts back whatever it changed. */
  stop(): Promise<void>;
}

/** An in-page emulator as an SDK client needs it: a request handler, a region and dummy keys. */
export interface EmulatorRoute {
  requestHandler: unknown;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Environment variables, as Node's process.env holds them. */
export type Environment = Record<string, string | undefined>;

interface ProcessLike {
  env?: Environment;
  versions?: { node?: string };
  cwd?: () => string;
}
const processOf = () => (globalThis as { process?: ProcessLike }).process;

// A page has no environment: the session's settings (endpoint, region) are kept here instead.
const pageEnvironment: Environment = {};

/** Node's process.env (read each time: a session and the tests change it); a page's own set. */
export function environment(): Environment {
  return processOf()?.env ?? pageEnvironment;
}

/** The working directory in Node (Jupyter starts the kernel in the notebook's folder); none in a page. */
export function workingDirectory(): string | undefined {
  const cwd = processOf()?.cwd;
  return typeof cwd === "function" ? cwd() : undefined;
}

let current: Host = {
  kind: processOf()?.versions?.node ? "node" : "page",
  display: () => undefined,
};

export function host(): Host {
  return current;
}

/** Sets what the host provides; returns a function that puts the previous host back. */
export function useHost(next: Partial<Host>): () => void {
  const previous = current;
  current = { ...current, ...next };
  return () => {
    current = previous;
  };
}
