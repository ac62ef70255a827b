import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installKernel, kernelSpec } from "../../generator/install-kernel.mjs";
import { projectRoot } from "../../generator/snippets";

const dataDir = mkdtempSync(join(tmpdir(), "bedrock-guide-kernel-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("kernel spec", () => {
  it("runs tslab on the project's own Node with tsx's require hook, by absolute paths that exist", () => {
    const spec = kernelSpec();
    const [node, tslab, ...rest] = spec.argv;
    expect(node).toBe(join(projectRoot, "node_modules", "node", "bin", "node"));
    accessSync(node!, constants.X_OK);
    expect(existsSync(tslab!)).toBe(true);
    expect(rest).toEqual(["kernel", "--config-path", "{connection_file}"]);
    const hooks = [...spec.env.NODE_OPTIONS!.matchAll(/--require (\S+)/g)].map((m) => m[1]!);
    expect(hooks.map((h) => h.slice(projectRoot.length))).toEqual([
      "/node_modules/tsx/dist/cjs/index.cjs",
      "/generator/kernel-parent-watch.cjs",
      "/generator/kernel-bind-guard.cjs",
    ]);
    for (const hook of hooks) expect(existsSync(hook), hook).toBe(true);
    expect(spec.display_name).toBe("TypeScript (Bedrock guide)");
  });

  it("registers under kernels/bedrock-guide and is idempotent", () => {
    const first = installKernel({ dataDir, buildTypes: false });
    expect(first.file).toBe(join(dataDir, "kernels", "bedrock-guide", "kernel.json"));
    expect(first.changed).toBe(true);
    expect(JSON.parse(readFileSync(first.file, "utf8"))).toEqual(kernelSpec());
    expect(installKernel({ dataDir, buildTypes: false }).changed).toBe(false);
  });

  it("rewrites the spec when the checkout moves", () => {
    const moved = installKernel({ dataDir, projectRoot: "/somewhere/else", buildTypes: false });
    expect(moved.changed).toBe(true);
    expect(JSON.parse(readFileSync(moved.file, "utf8")).argv[0]).toBe("/somewhere/else/node_modules/node/bin/node");
  });

  it("points tslab's TypeScript at the emitted declarations of both workspace packages", async () => {
    // The mapping is for TypeScript < 5.1 only: tslab's 5.0 reads .cache/types (no source
    // type-checking on each kernel start); the project's own tsc keeps checking the sources.
    const ts = (await import("@tslab/typescript-for-tslab")).default;
    const fromNotebook = join(projectRoot, "notebooks", "en", "cell.ts");
    const options = { moduleResolution: ts.ModuleResolutionKind.NodeJs };
    const host = ts.createCompilerHost(options);
    const resolved = (name: string) => ts.resolveModuleName(name, fromNotebook, options, host).resolvedModule?.resolvedFileName;
    expect(resolved("bedrock-guide")).toBe(join(projectRoot, ".cache", "types", "packages", "bedrock-guide", "index.d.ts"));
    expect(resolved("bedrock-emulator")).toBe(join(projectRoot, ".cache", "types", "packages", "emulator", "src", "index.d.ts"));
    expect(ts.version.startsWith("5.0.")).toBe(true);
  });
});
