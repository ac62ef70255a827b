import { builtinModules } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The lib's main entry must run in a page (the site's code blocks will run in the reader's
// browser): bundled for the browser, it may import nothing of Node's. Offline mode runs the
// emulator's core in the page, so the emulator is bundled in (its Node entry, with the server, must
// not be reached); the AWS SDK is bundled by the page on its own terms, so it stays outside. The
// node: names are kept outside too, so that each one reached is listed here instead of failing the
// build on the first.
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
      external: ["@aws-sdk/*", "@smithy/*", "node:*", ...builtinModules],
    });
    const reached = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => isNodeOnly(i.path)).map((i) => `${file} imports ${i.path}`),
    );
    expect(reached).toEqual([]);
    // The emulator's core is in, its Node entry and the server it starts are not.
    const bundled = Object.keys(result.metafile.inputs);
    expect(bundled).toContain("packages/emulator/src/create-emulator.ts");
    expect(bundled.filter((f) => /packages\/emulator\/src\/(node|server|start-emulator)\.ts$/.test(f))).toEqual([]);
    const bundle = result.outputFiles[0]!.contents;
    // Printed for the record (README figures): the lib with the emulator's core, zod, tinyld and the data files.
    console.log(`bedrock-guide browser bundle: ${(bundle.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bundle).length / 1024).toFixed(1)} KB gzip`);
    expect(bundle.length).toBeGreaterThan(0);
  });
});
