// How the generator finds snippet files: only under snippets/, only files that exist.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, readSnippet, snippetPath, snippetsDir } from "../../generator/snippets";
import { failure } from "../shared/failure";


describe("snippet files", () => {
  it("resolve under snippets/", () => {
    expect(snippetsDir).toBe(join(projectRoot, "snippets"));
    expect(snippetPath("setup.ts")).toBe(join(projectRoot, "snippets", "setup.ts"));
    expect(snippetPath("./01-foundation-models/../setup.ts")).toBe(join(projectRoot, "snippets", "setup.ts"));
  });

  it("refuse paths that leave snippets/, even to files that exist, and files that do not exist", () => {
    expect(failure(() => snippetPath("../package.json"))).toBe("SnippetError: snippet path leaves snippets/: ../package.json");
    expect(failure(() => snippetPath("nope.ts"))).toBe("SnippetError: no such snippet file: snippets/nope.ts");
  });

  it("name the file in region errors", () => {
    expect(failure(() => readSnippet("setup.ts", "nope"))).toMatch(/^SnippetError: snippets\/setup\.ts: no region "nope" \(regions: /);
  });
});
