// Where the lib runs: a Node process (a terminal, the notebooks' kernel, tests) or a page. The lib
// imports nothing of Node's; what differs between the two comes from here. Node's entry (node.ts)
// gives show.* tslab's display; a page gives its output element's. Without one, show.* prints text.

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
