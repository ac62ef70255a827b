import { describe, expect, it } from "vitest";
import { extractRegion, listRegions, SnippetError } from "../../shared/snippet-regions";

const source = [
  'import { show } from "bedrock-guide";',
  "",
  "// #region outer",
  "function greet(name: string) {",
  "  // #region inner",
  "  const text = `hola ${name}`;",
  "  if (text) {",
  "    console.log(text);",
  "  }",
  "  // #endregion inner",
  "  return text;",
  "}",
  "// #endregion outer",
  "",
  "export { greet };",
  "",
].join("\n");

describe("extractRegion", () => {
  it("returns the whole file without marker lines when no region is given", () => {
    const whole = extractRegion(source);
    expect(whole).not.toMatch(/#region|#endregion/);
    expect(whole.split("\n")).toHaveLength(source.trimEnd().split("\n").length - 4);
    expect(whole.startsWith('import { show } from "bedrock-guide";')).toBe(true);
    expect(whole.endsWith("export { greet };")).toBe(true);
  });

  it("returns an outer region with nested markers removed", () => {
    expect(extractRegion(source, "outer")).toBe(
      [
        "function greet(name: string) {",
        "  const text = `hola ${name}`;",
        "  if (text) {",
        "    console.log(text);",
        "  }",
        "  return text;",
        "}",
      ].join("\n"),
    );
  });

  it("de-indents a nested region to its least indentation, keeping relative indents", () => {
    expect(extractRegion(source, "inner")).toBe(["const text = `hola ${name}`;", "if (text) {", "  console.log(text);", "}"].join("\n"));
  });

  it("fails loudly on an unknown region and names the known ones", () => {
    expect(() => extractRegion(source, "missing", "snippets/x.ts")).toThrow(/snippets\/x.ts: no region "missing" \(regions: outer, inner\)/);
  });

  it("rejects unbalanced, mismatched and duplicated markers", () => {
    expect(() => listRegions("// #region a\nx")).toThrow(SnippetError);
    expect(() => listRegions("x\n// #endregion")).toThrow(/without #region/);
    expect(() => listRegions("// #region a\n// #region b\n// #endregion a\n// #endregion b")).toThrow(/closes region "b"/);
    expect(() => listRegions("// #region a\n// #endregion a\n// #region a\n// #endregion a")).toThrow(/defined twice/);
  });

  it("accepts an unnamed #endregion and lists regions in order", () => {
    expect(listRegions("// #region one\n// #region two\n//#endregion\n// #endregion")).toEqual(["one", "two"]);
  });

  it("refuses a region with no code", () => {
    expect(() => extractRegion("// #region empty\n\n// #endregion empty", "empty")).toThrow(/empty/);
  });
});
