// What a fresh `npm install` ends with: npm's own engine warnings are off (.npmrc: they judge the
// packages by the Node that runs npm, not the Node 22 that runs them), so the postinstall checks
// every package's engines against the project's Node and prints what does not fit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/snippets";
// @ts-expect-error: a plain .mjs script without declarations
import { engineMismatches } from "../../scripts/postinstall.mjs";

const tmp = mkdtempSync(join(tmpdir(), "guide-engines-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function nodeModules(packages: Record<string, object>): string {
  const dir = mkdtempSync(join(tmp, "nm-"));
  for (const [path, pkg] of Object.entries(packages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, "package.json"), JSON.stringify(pkg));
  }
  return dir;
}

describe("the install's engine check", () => {
  const installed = nodeModules({
    astro: { name: "astro", version: "7.3.5", engines: { node: ">=22.12.0" } },
    "@babel/core": { name: "@babel/core", version: "8.0.10", engines: { node: "^22.18.0 || >=24.11.0" } },
    "astro/node_modules/undici": { name: "undici", version: "8.13.1", engines: { node: ">=22.19.0" } },
    "no-engines": { name: "no-engines", version: "1.0.0" },
  });

  it("names each package, scoped and nested ones too, whose engines the given Node does not meet", () => {
    expect(engineMismatches(installed, "v20.20.2")).toEqual([
      "@babel/core@8.0.10 wants Node ^22.18.0 || >=24.11.0",
      "astro@7.3.5 wants Node >=22.12.0",
      "undici@8.13.1 wants Node >=22.19.0",
    ]);
    expect(engineMismatches(installed, "v22.18.5")).toEqual(["undici@8.13.1 wants Node >=22.19.0"]);
    expect(engineMismatches(installed, "v22.23.3")).toEqual([]);
  });

  it("finds nothing to warn about in this checkout: every package accepts the Node the project brings", () => {
    const projectNode = JSON.parse(readFileSync(join(projectRoot, "node_modules/node/package.json"), "utf8")).version;
    expect(engineMismatches(join(projectRoot, "node_modules"), projectNode)).toEqual([]);
  });
});
