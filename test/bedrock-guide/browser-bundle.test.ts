import { builtinModules } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The lib's main entry must run in a page (the site's code blocks will run in the reader's
// browser): bundled for the browser, it may import nothing of Node's. The emulator and the AWS SDK
// are bundled by the page on their own terms, so they stay outside; the node: names are kept
// outside too, so that each one reached is listed here instead of failing the build on the first.
const entry = join(__dirname, "..", "..", "packages", "bedrock-guide", "index.ts");
const nodeBuiltins = new Set(builtinModules);
const isNodeOnly = (path: string) => path.startsWith("node:") || nodeBuiltins.has(path) || nodeBuiltins.has(path.split("/")[0]!);

describe("the lib in a browser bundle", () => {
  it("bundles index.ts for platform browser with no node: import reachable", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      minify: true,
      logLevel: "silent",
      external: ["bedrock-emulator", "bedrock-emulator/*", "@aws-sdk/*", "@smithy/*", "node:*", ...builtinModules],
    });
    const reached = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => isNodeOnly(i.path)).map((i) => `${file} imports ${i.path}`),
    );
    expect(reached).toEqual([]);
    const bundle = result.outputFiles[0]!.contents;
    // Printed for the record (README figures): the lib with zod, tinyld and the data files.
    console.log(`bedrock-guide browser bundle: ${(bundle.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bundle).length / 1024).toFixed(1)} KB gzip`);
    expect(bundle.length).toBeGreaterThan(0);
  });
});
