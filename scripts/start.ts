// `npm start`: the guide's site (astro dev) and, where Jupyter is installed, a notebook server rooted at
// notebooks/ with the project's kernel in offline mode. Prints both URLs; Ctrl-C stops both.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { installKernel } from "../generator/install-kernel.mjs";
import { HOW_TO_GET_JUPYTER, pythonWithNotebookServer } from "../generator/jupyter";
import { projectRoot } from "../generator/snippets";

const SITE_PORT = Number(process.env.PORT ?? 4321);
const children: ChildProcess[] = [];

function freePort(from: number): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(freePort(from + 1)));
    server.listen(from, "127.0.0.1", () => server.close(() => resolve(from)));
  });
}

async function waitForHttp(url: string, child: ChildProcess, seconds = 60): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function start(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? projectRoot,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => `[${name}] ${l}\n`)
      .join("");
  // The notebook server logs every request; its URL is what matters, so only its warnings are shown.
  child.stdout!.on("data", (c: Buffer) => options.quiet || process.stdout.write(prefix(c)));
  let held = "";
  child.stderr!.on("data", (c: Buffer) => {
    const text = prefix(c);
    if (options.quiet) held = (held + text).slice(-4000);
    else process.stderr.write(text);
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      if (held) process.stderr.write(held);
      console.error(`[${name}] stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  // Give servers a moment to shut down cleanly, then make sure nothing is left behind.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function main() {
  const mode = process.env.BEDROCK_GUIDE_MODE ?? "offline";
  const astro = start("site", process.execPath, [join(projectRoot, "node_modules", "astro", "bin", "astro.mjs"), "dev", "--port", String(SITE_PORT)]);

  const jupyter = pythonWithNotebookServer();
  let notebookUrl: string | undefined;
  if (jupyter) {
    installKernel();
    const port = await freePort(8888);
    const token = randomBytes(12).toString("hex");
    const server = start(
      "jupyter",
      jupyter.python,
      [
        "-Xfrozen_modules=off",
        "-m",
        jupyter.module,
        "--no-browser",
        "--ip=127.0.0.1",
        `--port=${port}`,
        // Containers and CI often run as root, which Jupyter refuses without this flag.
        ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
      ],
      {
        cwd: join(projectRoot, "notebooks"),
        // JUPYTER_TOKEN works for notebook 6 and 7 and JupyterLab alike; the server only listens on 127.0.0.1.
        env: { ...process.env, JUPYTER_TOKEN: token, BEDROCK_GUIDE_MODE: mode, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        quiet: true,
      },
    );
    if (await waitForHttp(`http://127.0.0.1:${port}/api/status?token=${token}`, server)) {
      notebookUrl = `http://127.0.0.1:${port}/tree?token=${token}`;
    }
  }
  const siteUp = await waitForHttp(`http://localhost:${SITE_PORT}/`, astro);
  const lines = [
    "",
    "  Amazon Bedrock guide",
    siteUp ? `  Site:      http://localhost:${SITE_PORT}/  (English: http://localhost:${SITE_PORT}/en/)` : "  Site:      did not start (see the [site] lines above)",
  ];
  if (notebookUrl) {
    lines.push(`  Notebooks: ${notebookUrl}`);
    lines.push(`             kernel "TypeScript (Bedrock guide)", mode ${mode}${mode === "live" ? " (real AWS calls, they cost money)" : " (emulator, free)"}`);
  } else if (jupyter) {
    lines.push("  Notebooks: the Jupyter server did not start (see the [jupyter] lines above)");
  } else {
    lines.push("  Notebooks: not served.", ...HOW_TO_GET_JUPYTER.split("\n").map((l) => `  ${l}`));
  }
  lines.push("  Ctrl-C stops everything.", "");
  console.log(lines.join("\n"));
}

main().catch((err) => {
  console.error(err);
  stop(1);
});
