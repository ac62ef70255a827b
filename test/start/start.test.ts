// `npm start` (scripts/start.ts), run once for all checks: it starts while something already holds the
// ports it is asked for (PORT and JUPYTER_PORT), so each server must move on and the URLs it prints must be
// the ports really bound; both URLs must answer as the guide and as Jupyter; Ctrl-C (SIGINT to the process
// group, as a terminal sends it) must stop everything and free the ports.
// Every spawn and wait here is asynchronous and bounded; the start runs in its own process group, which
// afterAll kills with SIGKILL whatever happened, so no server outlives the test.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../../generator/install-kernel.mjs";
import { HOW_TO_GET_JUPYTER } from "../../generator/jupyter";
import { projectRoot } from "../../generator/snippets";

const START_TIMEOUT_MS = 90_000;
const BANNER_END = "Ctrl-C stops everything.";

/** Resolves when `ready()` is true, rejects after `ms` with `what` and the start's output so far. */
async function waitFor(what: string, ready: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}; npm start printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** fetch with a time limit, redirects not followed (Jupyter's answer is what is checked). */
const get = (url: string) => fetch(url, { redirect: "manual", signal: AbortSignal.timeout(20_000) });

/** Whether something accepts a TCP connection on host:port (false on refusal, error or 3 s without answer). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Whether any process of process group `pgid` remains (signal 0 checks without sending anything). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw err;
  }
}

/**
 * The decision start.ts makes (generator/jupyter.ts's pythonWithNotebookServer), taken in a child process:
 * it runs python with spawnSync, which would block this worker.
 */
function jupyterOnThisMachine(env: NodeJS.ProcessEnv): Promise<{ python: string; module: string } | null> {
  const code = `import { pythonWithNotebookServer } from "./generator/jupyter.ts"; console.log(JSON.stringify(pythonWithNotebookServer() ?? null));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "--eval", code], { cwd: projectRoot, env, timeout: 60_000 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout.trim().split("\n").pop()!)),
    );
  });
}

/** The title in a page's front matter: what its <title> must name. */
const titleOf = (page: string) => /^title:\s*(.+)$/m.exec(readFileSync(join(projectRoot, "site", "content", "docs", page), "utf8"))![1]!.trim();

/** An HTTP server holding a port the start is asked for; answers 418 so a URL pointing at it cannot pass. */
async function holdPort(): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(418).end("port holder, not the guide");
  });
  // Port 0: the system picks a free port, which stays held (all addresses, IPv4 and IPv6) until closed.
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, hits };
}

let output = "";
let start: ChildProcess | undefined;
let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
let sitePortHolder: Awaited<ReturnType<typeof holdPort>>;
let notebookPortHolder: Awaited<ReturnType<typeof holdPort>>;
let jupyter: { python: string; module: string } | null;
let dataDir: string;

/** SIGKILL to the start's whole process group, if any of it remains. */
function killGroup() {
  if (start?.pid && groupAlive(start.pid)) process.kill(-start.pid, "SIGKILL");
}

beforeAll(async () => {
  sitePortHolder = await holdPort();
  notebookPortHolder = await holdPort();
  // The kernel spec and Jupyter's runtime files go to a directory of this run, not the user's.
  dataDir = mkdtempSync(join(tmpdir(), "bedrock-guide-start-"));
  // As from a shell: without what vitest adds to its workers' environment. Astro's dev server serves no
  // page at all when VITEST is set (every URL answers 404 "Cannot GET").
  const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST/.test(k) && k !== "NODE_ENV" && k !== "TEST"));
  const env = {
    ...shellEnv,
    PORT: String(sitePortHolder.port),
    JUPYTER_PORT: String(notebookPortHolder.port),
    BEDROCK_GUIDE_MODE: "offline",
    JUPYTER_DATA_DIR: dataDir,
  };
  // What `npm start` runs, in its own process group (pgid = its pid) so that SIGINT reaches the start
  // and the servers it spawned together, as Ctrl-C in a terminal does.
  start = spawn(process.execPath, [join("node_modules", "tsx", "dist", "cli.mjs"), join("scripts", "start.ts")], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const record = (chunk: Buffer) => {
    output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, "");
  };
  start.stdout!.on("data", record);
  start.stderr!.on("data", record);
  start.on("exit", (code, signal) => (exited = { code, signal }));
  // Should the worker exit without running afterAll, the servers still go with it.
  process.once("exit", killGroup);
  jupyter = await jupyterOnThisMachine(env);
  await waitFor("the start's banner", () => output.includes(BANNER_END) || exited !== undefined, START_TIMEOUT_MS);
  expect(exited, `npm start exited before printing its URLs:\n${output}`).toBeUndefined();
}, START_TIMEOUT_MS + 30_000);

afterAll(async () => {
  // The safety net: whatever failed above, nothing of the start's group survives the test.
  killGroup();
  process.off("exit", killGroup);
  for (const holder of [sitePortHolder, notebookPortHolder]) holder?.server.closeAllConnections();
  await Promise.all([sitePortHolder, notebookPortHolder].map((h) => h && new Promise((r) => h.server.close(r))));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

/** The site URL the banner printed ("Site:      http://localhost:4322/  (English: …/en/)"). */
const printedSite = () => {
  const m = /^ {2}Site: +(http:\/\/\S+\/) +\(English: (http:\/\/\S+\/)\)$/m.exec(output);
  expect(m, `no site URL in:\n${output}`).not.toBeNull();
  return { es: new URL(m![1]!), en: new URL(m![2]!) };
};
/** The notebook URL the banner printed, if any. */
const printedNotebooks = () => /^ {2}Notebooks: (http:\/\/\S+)$/m.exec(output)?.[1];

describe("npm start", () => {
  it("prints a site URL on another port than the taken PORT, and that URL serves the guide in both languages", async () => {
    const { es, en } = printedSite();
    expect(Number(es.port)).not.toBe(sitePortHolder.port);
    expect(output).toContain(`(port ${sitePortHolder.port} was taken; PORT=… picks another)`);
    expect(en.href).toBe(new URL("en/", es).href);
    for (const [url, page] of [
      [es, "index.mdx"],
      [en, "en/index.mdx"],
    ] as const) {
      const res = await get(url.href);
      expect(res.status, `${url.href}; npm start printed:\n${output}`).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(/<title>([^<]*)<\/title>/.exec(html)?.[1], url.href).toContain(titleOf(page));
      // Astro's developer toolbar is for `npm run dev`; a reader's page does not load it.
      expect(html).not.toContain("dev-toolbar/entrypoint");
    }
    expect(sitePortHolder.hits).toEqual([]);
  });

  it("serves the notebooks with the project's kernel where Jupyter is installed, and says how to get it where not", async () => {
    const url = printedNotebooks();
    if (!jupyter) {
      // No notebook server may be claimed, and the reader is told how to get one.
      expect(url, output).toBeUndefined();
      expect(output).toContain("  Notebooks: not served.\n" + HOW_TO_GET_JUPYTER.split("\n").map((l) => `  ${l}`).join("\n"));
      return;
    }
    expect(url, `Jupyter is installed (${jupyter.python} -m ${jupyter.module}) but no notebook URL was printed:\n${output}`).toBeDefined();
    const notebooks = new URL(url!);
    expect(notebooks.hostname).toBe("127.0.0.1");
    expect(Number(notebooks.port)).not.toBe(notebookPortHolder.port);
    expect(output).toContain(`kernel "${KERNEL_DISPLAY_NAME}", mode offline (emulator, free)`);
    // The URL as printed, token included: the classic notebook answers 200 with its file tree;
    // JupyterLab and notebook 7 may redirect to their own tree page.
    const page = await get(notebooks.href);
    // A redirect to the login page would mean the printed token does not open it.
    if (page.status === 200) expect(await page.text()).toMatch(/<title>[^<]*(Home|Select or create a notebook|Jupyter)/);
    else {
      expect(page.status, notebooks.href).toBeGreaterThanOrEqual(300);
      expect(page.status, notebooks.href).toBeLessThan(400);
      expect(page.headers.get("location")).toMatch(/\/(tree|lab)\b/);
    }
    // The server is rooted where the token works and lists the project's kernel, registered by npm start.
    const token = notebooks.searchParams.get("token");
    expect(token).toBeTruthy();
    const specs = await get(`${notebooks.origin}/api/kernelspecs?token=${token}`);
    expect(specs.status).toBe(200);
    const spec = ((await specs.json()) as { kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }> }).kernelspecs[KERNEL_NAME]?.spec;
    expect(spec?.display_name).toBe(KERNEL_DISPLAY_NAME);
    expect(spec?.argv[1]).toBe(join(projectRoot, "node_modules", "tslab", "bin", "tslab"));
    // Without the token the API refuses: the printed token is the one that opens it.
    expect((await get(`${notebooks.origin}/api/kernelspecs`)).status).toBe(403);
    expect(notebookPortHolder.hits).toEqual([]);
  });

  it("stops the start and every server it started on Ctrl-C (SIGINT to its process group), freeing the ports", async () => {
    const { es } = printedSite();
    const url = printedNotebooks();
    const notebooks = url ? new URL(url) : undefined;
    // Before: the ports accept connections, so "refused" afterwards means something.
    expect(await accepts(es.hostname, Number(es.port))).toBe(true);
    if (notebooks) expect(await accepts(notebooks.hostname, Number(notebooks.port))).toBe(true);

    const pgid = start!.pid!;
    process.kill(-pgid, "SIGINT");
    // start.ts waits for its servers, and SIGKILLs them after 3 s.
    await waitFor("the start to exit after SIGINT", () => exited !== undefined, 15_000);
    expect(exited).toEqual({ code: 0, signal: null });
    await waitFor("the start's process group to be empty", () => !groupAlive(pgid), 10_000);

    expect(await accepts(es.hostname, Number(es.port))).toBe(false);
    if (notebooks) expect(await accepts(notebooks.hostname, Number(notebooks.port))).toBe(false);
  });
});
