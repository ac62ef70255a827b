// The kernel install script's decisions, in-process, in temp folders: the spec it writes, when it rewrites
// it, when it rebuilds the declarations (with a fake tsc that records its calls), where Jupyter's data
// dir is, and what postinstall prints.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { buildKernelTypes, cli, DATA_DIR_COMMANDS, installKernel, jupyterDataDir, kernelSpec } from "../../generator/install-kernel.mjs";

const tmp = mkdtempSync(join(tmpdir(), "bedrock-guide-install-kernel-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const write = (file: string, data: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
};
/** Sets a file's modification time, in seconds since the epoch. */
const touch = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

const T0 = 1_700_000_000;

/**
 * A checkout with the declaration sources (all at T0), a stamp at T0 + 10 and a fake tsc that logs its
 * arguments and working folder, then does what `behaviour` says.
 */
function checkout(behaviour: "emit" | "emit-with-errors" | "emit-with-errors-silently" | "fail" | "fail-elsewhere" = "emit"): string {
  const root = mkdtempSync(join(tmp, "root-"));
  const sources = [
    "packages/bedrock-guide/index.ts",
    "packages/bedrock-guide/package.json",
    "packages/bedrock-guide/README.md",
    "packages/bedrock-guide/node_modules/dep/index.ts",
    "packages/bedrock-guide/dist/index.ts",
    "packages/bedrock-guide/.hidden.ts",
    "packages/bedrock-guide/index.ts.orig",
    "scripts/build.ts",
    "packages/emulator/src/server/handler.ts",
    "tsconfig.types.json",
  ];
  for (const f of sources) {
    write(join(root, f), "x");
    touch(join(root, f), T0);
  }
  const emit = 'fs.mkdirSync(path.join(process.cwd(), ".cache/types/packages/bedrock-guide"), { recursive: true }); fs.writeFileSync(path.join(process.cwd(), ".cache/types/packages/bedrock-guide/index.d.ts"), "");';
  const ending = {
    emit: `${emit} process.exit(0);`,
    "emit-with-errors": `${emit} process.stdout.write("\\nsrc/a.ts(1,1): error TS2322: bad\\nsrc/b.ts(2,2): error TS2322: worse\\n"); process.exit(2);`,
    "emit-with-errors-silently": `${emit} process.exit(2);`,
    fail: 'process.stdout.write("error TS5058: no tsconfig\\n"); process.exit(1);',
    "fail-elsewhere": 'fs.mkdirSync(path.join(process.cwd(), ".cache/types/packages/bedrock-guide"), { recursive: true }); process.exit(1);',
  }[behaviour];
  write(
    join(root, "node_modules/typescript/bin/tsc"),
    `const fs = require("node:fs"); const path = require("node:path");\nfs.appendFileSync(path.join(__dirname, "calls.log"), JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }) + "\\n");\n${ending}\n`,
  );
  write(join(root, "node_modules/typescript/bin/package.json"), '{ "type": "commonjs" }');
  write(join(root, ".cache/types/.built"), "stamp\n");
  touch(join(root, ".cache/types/.built"), T0 + 10);
  return root;
}
const tscCalls = (root: string) => {
  const log = join(root, "node_modules/typescript/bin/calls.log");
  return existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l)) : [];
};
const stamp = (root: string) => readFileSync(join(root, ".cache/types/.built"), "utf8");

describe("kernelSpec", () => {
  it("runs tslab on the checkout's Node with tsx's require hook, quiet, watching its parent", () => {
    expect(kernelSpec("/r")).toEqual({
      argv: ["/r/node_modules/node/bin/node", "/r/node_modules/tslab/bin/tslab", "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript (Bedrock guide)",
      language: "typescript",
      env: {
        NODE_OPTIONS: "--require /r/node_modules/tsx/dist/cjs/index.cjs --require /r/generator/kernel-parent-watch.cjs --require /r/generator/kernel-bind-guard.cjs",
        NODE_NO_WARNINGS: "1",
      },
      metadata: { bedrock_guide_root: "/r" },
    });
  });
});

describe("buildKernelTypes", () => {
  it("does nothing while the stamp is as new as the newest source", () => {
    const root = checkout();
    touch(join(root, ".cache/types/.built"), T0);
    buildKernelTypes(root);
    expect(tscCalls(root)).toEqual([]);
    expect(stamp(root)).toBe("stamp\n");
  });

  it("ignores files that are no declaration sources: node_modules, dist, dotfiles, other extensions", () => {
    const root = checkout();
    for (const f of ["README.md", "node_modules/dep/index.ts", "dist/index.ts", ".hidden.ts", "index.ts.orig"]) touch(join(root, "packages/bedrock-guide", f), T0 + 20);
    // Only the two packages' sources count, not the rest of the checkout.
    touch(join(root, "scripts/build.ts"), T0 + 20);
    buildKernelTypes(root);
    expect(tscCalls(root)).toEqual([]);
  });

  it.each(["packages/bedrock-guide/index.ts", "packages/bedrock-guide/package.json", "packages/emulator/src/server/handler.ts", "tsconfig.types.json"])(
    "rebuilds with tsc -p tsconfig.types.json from the checkout when %s is newer than the stamp, then stamps",
    (source) => {
      const root = checkout();
      touch(join(root, source), T0 + 20);
      const before = Date.now();
      buildKernelTypes(root);
      expect(tscCalls(root)).toEqual([{ args: ["-p", join(root, "tsconfig.types.json")], cwd: root }]);
      const written = stamp(root);
      expect(written).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n$/);
      expect(Date.parse(written.trim())).toBeGreaterThanOrEqual(before - 1000);
      expect(statSync(join(root, ".cache/types/.built")).mtimeMs).toBeGreaterThan((T0 + 20) * 1000);
    },
  );

  it("builds when there is no stamp yet", () => {
    const root = checkout();
    rmSync(join(root, ".cache/types/.built"));
    buildKernelTypes(root);
    expect(tscCalls(root)).toHaveLength(1);
    expect(existsSync(join(root, ".cache/types/.built"))).toBe(true);
  });

  it("accepts declarations emitted with type errors, warning with the first error", () => {
    const root = checkout("emit-with-errors");
    rmSync(join(root, ".cache/types/.built"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    buildKernelTypes(root);
    expect(warn.mock.calls).toEqual([["bedrock-guide: declarations emitted with type errors (src/a.ts(1,1): error TS2322: bad); see npm run typecheck."]]);
    expect(stamp(root)).toMatch(/^\d{4}-/);

    const quiet = checkout("emit-with-errors-silently");
    rmSync(join(quiet, ".cache/types/.built"));
    warn.mockClear();
    buildKernelTypes(quiet);
    expect(warn.mock.calls).toEqual([["bedrock-guide: declarations emitted with type errors; see npm run typecheck."]]);
  });

  it("fails when tsc emitted no index.d.ts, and leaves the stamp alone", () => {
    for (const behaviour of ["fail", "fail-elsewhere"] as const) {
      const root = checkout(behaviour);
      touch(join(root, "tsconfig.types.json"), T0 + 20);
      expect(() => buildKernelTypes(root)).toThrow(/Command failed/);
      expect(stamp(root)).toBe("stamp\n");
    }
  });
});

describe("installKernel", () => {
  const specText = (root: string) => `${JSON.stringify(kernelSpec(root), null, 2)}\n`;

  it("writes kernels/bedrock-guide/kernel.json as two-space JSON, then only when it changes", () => {
    const root = checkout();
    const dataDir = join(tmp, "data-1");
    const file = join(dataDir, "kernels/bedrock-guide/kernel.json");
    expect(installKernel({ dataDir, projectRoot: root })).toEqual({ file, changed: true });
    expect(readFileSync(file, "utf8")).toBe(specText(root));
    expect(readFileSync(file, "utf8")).toContain(`\n  "display_name": "TypeScript (Bedrock guide)",\n`);
    touch(file, T0);
    expect(installKernel({ dataDir, projectRoot: root })).toEqual({ file, changed: false });
    expect(statSync(file).mtimeMs).toBe(T0 * 1000);
    writeFileSync(file, specText(root).replace("typescript", "javascript"));
    expect(installKernel({ dataDir, projectRoot: root })).toEqual({ file, changed: true });
    expect(readFileSync(file, "utf8")).toBe(specText(root));
  });

  it("refreshes the declarations first, unless told not to", () => {
    const root = checkout();
    touch(join(root, "tsconfig.types.json"), T0 + 20);
    installKernel({ dataDir: join(tmp, "data-2"), projectRoot: root, buildTypes: false });
    expect(tscCalls(root)).toEqual([]);
    installKernel({ dataDir: join(tmp, "data-2"), projectRoot: root });
    expect(tscCalls(root)).toHaveLength(1);
  });
});

describe("jupyterDataDir", () => {
  /** A command that prints `out` and exits with `code`. */
  const command = (name: string, out: string, code = 0): [string, string[]] => {
    const file = join(tmp, name);
    writeFileSync(file, `#!/bin/sh\nprintf '%s' '${out}'\nexit ${code}\n`);
    chmodSync(file, 0o755);
    return [file, []];
  };

  it("asks jupyter, then the Debian python's jupyter", () => {
    expect(DATA_DIR_COMMANDS).toEqual([
      ["jupyter", ["--data-dir"]],
      ["/usr/bin/python3", ["-m", "jupyter", "--data-dir"]],
    ]);
  });

  it("prefers JUPYTER_DATA_DIR without asking anything", () => {
    vi.stubEnv("JUPYTER_DATA_DIR", "/from/env");
    expect(jupyterDataDir([command("never", "/not/this")])).toBe("/from/env");
  });

  it("takes the last line of the first command that prints an absolute path and succeeds", () => {
    vi.stubEnv("JUPYTER_DATA_DIR", "");
    const echoArgs = join(tmp, "echo-args");
    writeFileSync(echoArgs, '#!/bin/sh\necho "/data/$1/$2"\n');
    chmodSync(echoArgs, 0o755);
    expect(
      jupyterDataDir([
        ["/nonexistent/jupyter", ["--data-dir"]],
        command("relative", "relative/dir\n"),
        command("silent", ""),
        command("failing", "/failed/dir\n", 1),
        command("noisy", "a warning\n/data/dir\n\n"),
        command("later", "/later/dir\n"),
      ]),
    ).toBe("/data/dir");
    expect(jupyterDataDir([[echoArgs, ["-m", "jupyter"]]])).toBe("/data/-m/jupyter");
  });

  it("falls back to $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter", () => {
    vi.stubEnv("JUPYTER_DATA_DIR", "");
    vi.stubEnv("XDG_DATA_HOME", "/xdg");
    expect(jupyterDataDir([["/nonexistent/jupyter", []]])).toBe("/xdg/jupyter");
    vi.stubEnv("XDG_DATA_HOME", "");
    expect(jupyterDataDir([])).toBe(join(homedir(), ".local/share/jupyter"));
  });
});

describe("the install script's command line", () => {
  it("says whether it registered the kernel, and never throws", () => {
    const root = checkout();
    const dataDir = join(tmp, "data-cli");
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    cli({ dataDir, projectRoot: root, buildTypes: false });
    cli({ dataDir, projectRoot: root, buildTypes: false });
    const file = join(dataDir, "kernels/bedrock-guide/kernel.json");
    expect(logs.mock.calls).toEqual([
      [`bedrock-guide: Jupyter kernel "TypeScript (Bedrock guide)" registered at ${file}`],
      [`bedrock-guide: Jupyter kernel "TypeScript (Bedrock guide)" already registered at ${file}`],
    ]);
    logs.mockClear();
    const notADir = join(tmp, "a-file");
    writeFileSync(notADir, "");
    expect(() => cli({ dataDir: notADir, projectRoot: root, buildTypes: false })).not.toThrow();
    expect(logs.mock.calls).toHaveLength(1);
    expect(logs.mock.calls[0]![0]).toMatch(/^bedrock-guide: could not register the Jupyter kernel \(ENOTDIR: .+\); run `npm run kernel:install` later\.$/);
  });
});
