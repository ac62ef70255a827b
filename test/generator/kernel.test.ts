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
    const hook = /^--require (\S+)$/.exec(spec.env.NODE_OPTIONS!)?.[1];
    expect(hook && existsSync(hook)).toBe(true);
    expect(spec.display_name).toBe("TypeScript (Bedrock guide)");
  });

  it("registers under kernels/bedrock-guide and is idempotent", () => {
    const first = installKernel({ dataDir });
    expect(first.file).toBe(join(dataDir, "kernels", "bedrock-guide", "kernel.json"));
    expect(first.changed).toBe(true);
    expect(JSON.parse(readFileSync(first.file, "utf8"))).toEqual(kernelSpec());
    expect(installKernel({ dataDir }).changed).toBe(false);
  });

  it("rewrites the spec when the checkout moves", () => {
    const moved = installKernel({ dataDir, projectRoot: "/somewhere/else" });
    expect(moved.changed).toBe(true);
    expect(JSON.parse(readFileSync(moved.file, "utf8")).argv[0]).toBe("/somewhere/else/node_modules/node/bin/node");
  });
});
