import { execFile } from "node:child_process";
import type { Add } from "./doctor-report";

// The doctor's checks of this machine's tools (Node, Jupyter, the kernel): they only make sense
// in a terminal, so only `npm run doctor` runs them.

const MIN_NODE = [22, 12] as const;

export interface TerminalCheckOptions {
  /**
   * The Jupyter kernel to look for. `npm run doctor` passes this checkout's (shared/kernel.mjs);
   * without it only Jupyter itself is checked.
   */
  kernel?: { name: string; displayName: string };
}

/** The machine checks `npm run doctor` runs first: Node, then Jupyter and the kernel. */
export function terminalChecks(
  options: TerminalCheckOptions = {},
): (add: Add) => Promise<void> {
  return async (add) => {
    checkNode(add);
    await checkJupyter(add, options.kernel);
  };
}

function checkNode(add: Add): void {
  const [major = 0, minor = 0] = process.versions.node
    .split(".")
    .map(Number);
  const ok =
    major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  if (ok)
    add("node", "ok", {
      es: `Node ${process.versions.node}`,
      en: `Node ${process.versions.node}`,
    });
  else
    add(
      "node",
      "fail",
      {
        es: `Node ${process.versions.node}: la guía necesita ${MIN_NODE.join(".")} o posterior`,
        en: `Node ${process.versions.node}: the guide needs ${MIN_NODE.join(".")} or later`,
      },
      {
        es: "Ejecuta la guía con `npm run …`: usa el Node 22 que instala el propio proyecto.",
        en: "Run the guide through `npm run …`: it uses the Node 22 the project installs.",
      },
    );
}

/** Runs a command with a timeout; resolves with its stdout, or undefined if it failed. */
function run(
  command: string,
  args: string[],
  timeoutMs = 15_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, encoding: "utf8" },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

async function checkJupyter(
  add: Add,
  kernel: { name: string; displayName: string } | undefined,
): Promise<void> {
  const version = await run("jupyter", ["--version"]);
  if (version === undefined) {
    add(
      "jupyter",
      "warn",
      {
        es: "Jupyter: no encontrado (el sitio funciona; los cuadernos no)",
        en: "Jupyter: not found (the site works; the notebooks do not)",
      },
      {
        es: "Instálalo con `pip install notebook nbclient` (o `sudo apt install jupyter-notebook python3-nbclient`).",
        en: "Install it with `pip install notebook nbclient` (or `sudo apt install jupyter-notebook python3-nbclient`).",
      },
    );
    return;
  }
  const line =
    /notebook\s*:\s*(\S+)/.exec(version)?.[1] ??
    version.split("\n")[0]?.trim();
  add("jupyter", "ok", {
    es: `Jupyter: notebook ${line}`,
    en: `Jupyter: notebook ${line}`,
  });
  if (!kernel) return;
  const specs = await run("jupyter", ["kernelspec", "list", "--json"]);
  const hasKernel =
    specs !== undefined &&
    kernel.name in
      ((JSON.parse(specs) as { kernelspecs?: Record<string, unknown> })
        .kernelspecs ?? {});
  if (hasKernel)
    add("kernel", "ok", {
      es: `Kernel «${kernel.displayName}» registrado`,
      en: `Kernel “${kernel.displayName}” registered`,
    });
  else
    add(
      "kernel",
      "warn",
      {
        es: `Kernel «${kernel.displayName}» no registrado`,
        en: `Kernel “${kernel.displayName}” not registered`,
      },
      {
        es: "Ejecuta `npm run kernel:install`.",
        en: "Run `npm run kernel:install`.",
      },
    );
}
