// `npm start`: the guide's site (astro dev) and, where Jupyter is installed, a notebook server rooted at
// notebooks/ with the project's kernel in offline mode. Prints both URLs; Ctrl-C stops both.
// Each server picks its own port, starting from the one asked for (PORT, default 4321; JUPYTER_PORT, default
// 8888), and the URL printed is the one it says it bound: no port is chosen here and bound later by someone else.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { installKernel, KERNEL_DISPLAY_NAME } from "../generator/install-kernel.mjs";
import { HOW_TO_GET_JUPYTER, pythonWithNotebookServer } from "../generator/jupyter";
import { projectRoot } from "../generator/snippets";

const SITE_PORT = Number(process.env.PORT ?? 4321);
const NOTEBOOK_PORT = Number(process.env.JUPYTER_PORT ?? 8888);
const children: ChildProcess[] = [];
const outputs = new Map<ChildProcess, { text: string; waiters: (() => unknown)[] }>();
const stripColors = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** The first match of `pattern` in what a server printed (stdout and stderr), or undefined if it exits or `seconds` pass. */
function waitForOutput(child: ChildProcess, pattern: RegExp, seconds = 60): Promise<RegExpExecArray | undefined> {
  const seen = outputs.get(child)!;
  return new Promise((resolve) => {
    const check = () => {
      const m = pattern.exec(seen.text);
      if (m || child.exitCode !== null || child.signalCode !== null) {
        clearTimeout(timer);
        seen.waiters.splice(seen.waiters.indexOf(check), 1);
        resolve(m ?? undefined);
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      seen.waiters.splice(seen.waiters.indexOf(check), 1);
      resolve(undefined);
    }, seconds * 1000);
    seen.waiters.push(check);
    check();
  });
}

async function waitForHttp(url: string, child: ChildProcess, seconds = 60): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url, { redirect: "manual" });
      // Up means serving: a 404 (Astro with no routes, say) is not the guide.
      if (res.status >= 200 && res.status < 400) return true;
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
  const seen = { text: "", waiters: [] as (() => unknown)[] };
  outputs.set(child, seen);
  const record = (c: Buffer) => {
    // Enough to hold the start-up banner; servers print their URL once, early.
    if (seen.text.length < 200_000) seen.text += stripColors(c.toString());
    for (const w of [...seen.waiters]) w();
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  child.on("exit", () => {
    for (const w of [...seen.waiters]) w();
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
  // A reader's site: no developer toolbar over the page (npm run dev keeps it).
  const astro = start("site", process.execPath, [join(projectRoot, "node_modules", "astro", "bin", "astro.mjs"), "dev", "--port", String(SITE_PORT)], {
    env: { ...process.env, GUIDE_DEV_TOOLBAR: "off" },
  });

  const jupyter = pythonWithNotebookServer();
  let notebookUrl: string | undefined;
  if (jupyter) {
    installKernel();
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
        // Jupyter tries the next ports itself when this one is taken (port_retries) and logs the one it bound.
        `--port=${NOTEBOOK_PORT}`,
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
    const bound = await waitForOutput(server, /https?:\/\/127\.0\.0\.1:(\d+)\//);
    if (bound && (await waitForHttp(`http://127.0.0.1:${bound[1]}/api/status?token=${token}`, server))) {
      notebookUrl = `http://127.0.0.1:${bound[1]}/tree?token=${token}`;
    }
  }
  // Astro (Vite) moves to the next free port when SITE_PORT is taken, and prints the one it bound.
  const local = await waitForOutput(astro, /Local\s+(http:\/\/\S+?)\/?\s/);
  const site = local?.[1];
  const siteUp = site !== undefined && (await waitForHttp(`${site}/`, astro));
  const lines = [
    "",
    "  Amazon Bedrock guide",
    siteUp ? `  Site:      ${site}/  (English: ${site}/en/)` : "  Site:      did not start (see the [site] lines above)",
  ];
  if (siteUp && !site.endsWith(`:${SITE_PORT}`)) lines.push(`             (port ${SITE_PORT} was taken; PORT=… picks another)`);
  if (notebookUrl) {
    lines.push(`  Notebooks: ${notebookUrl}`);
    lines.push(`             kernel "${KERNEL_DISPLAY_NAME}", mode ${mode}${mode === "live" ? " (real AWS calls, they cost money)" : " (emulator, free)"}`);
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
