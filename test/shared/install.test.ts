// What a fresh `npm install` relies on: npm checks the packages' engines against the Node that will
// run them (.npmrc's node-version), which must be the Node the project brings (the `node` package).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/snippets";

const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");
const npmrcNode = /^node-version=(\S+)$/m.exec(read(".npmrc"))?.[1];
const numbers = (v: string) => v.split(".").map(Number);

describe("npm install on any system Node", () => {
  it("checks engines against the installed `node` package's version, the one package-lock.json pins", () => {
    const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { version?: string }> };
    expect(npmrcNode).toBe(JSON.parse(read("node_modules/node/package.json")).version);
    expect(npmrcNode).toBe(lock.packages["node_modules/node"]?.version);
  });

  it("and that Node meets the project's own engines field", () => {
    const wanted = /^>=(\S+)$/.exec(JSON.parse(read("package.json")).engines.node)![1]!;
    const [a, b, c] = numbers(npmrcNode!);
    const [x, y, z] = numbers(wanted);
    expect(a! * 1e6 + b! * 1e3 + c!).toBeGreaterThanOrEqual(x! * 1e6 + y! * 1e3 + z!);
  });

  it("ends with the install summary: the kernel, then which Node runs what", () => {
    expect(JSON.parse(read("package.json")).scripts.postinstall).toBe("node scripts/postinstall.mjs");
  });
});
