import { describe, expect, it } from "vitest";
import { extractRegion, listRegions, SnippetError } from "../../shared/snippet-regions";
import { failure } from "./failure";

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

// Hand-checked cases for each rule of the region mechanism; whole messages are compared, so the file
// and line they name count too.

describe("region markers, exactly", () => {
  it("names the file and line of each marker error (<snippet> when no file is given)", () => {
    expect(failure(() => listRegions("// #region a\n// #endregion a\n// #region a\n// #endregion a"))).toBe(
      'SnippetError: <snippet>:3: region "a" is defined twice',
    );
    expect(failure(() => listRegions("x\ny\n// #endregion", "f.ts"))).toBe("SnippetError: f.ts:3: #endregion without #region");
    expect(failure(() => listRegions("x\n// #region a\n// #region b\n// #endregion a", "f.ts"))).toBe(
      'SnippetError: f.ts:4: #endregion a closes region "b"',
    );
    expect(failure(() => listRegions("// #region a\n// #region b\n// #region c\nx", "f.ts"))).toBe('SnippetError: f.ts: region "c" is never closed');
    expect(failure(() => extractRegion("// #region a\nx\n// #region a\n// #endregion a\n// #endregion a"))).toBe(
      'SnippetError: <snippet>:3: region "a" is defined twice',
    );
  });

  it("lists exactly the regions there are, none for a file without markers", () => {
    expect(listRegions("const a = 1;\n")).toEqual([]);
    expect(listRegions("  // #region a.b-c_1  \nx\n  //#endregion a.b-c_1\n")).toEqual(["a.b-c_1"]);
  });

  it("says which regions exist when asked for a missing one, or that there are none", () => {
    expect(failure(() => extractRegion("const a = 1;", "x", "f.ts"))).toBe('SnippetError: f.ts: no region "x" (regions: none)');
    expect(failure(() => extractRegion("// #region a\n1\n// #endregion\n// #region b\n2\n// #endregion", "x", "f.ts"))).toBe(
      'SnippetError: f.ts: no region "x" (regions: a, b)',
    );
  });
});

describe("extractRegion, exactly", () => {
  it("returns the whole file line for line, markers and blank edges removed, CRLF read as LF", () => {
    const file = "\n   \n// #region a\nconst a = 1;\n  // #region b\n  const b = 2;\n  // #endregion b\n// #endregion a\nlog(a);\n\n  \n";
    expect(extractRegion(file)).toBe("const a = 1;\n  const b = 2;\nlog(a);");
    expect(extractRegion(file.replace(/\n/g, "\r\n"))).toBe("const a = 1;\n  const b = 2;\nlog(a);");
  });

  it("ends a region at its own #endregion, past nested ones, unnamed or named", () => {
    const file = [
      "// #region outer",
      "a();",
      "// #region one",
      "b();",
      "// #endregion",
      "// #region two",
      "c();",
      "// #endregion two",
      "d();",
      "// #endregion outer",
      "after();",
    ].join("\n");
    expect(extractRegion(file, "outer")).toBe("a();\nb();\nc();\nd();");
    expect(extractRegion(file, "one")).toBe("b();");
    expect(extractRegion(file, "two")).toBe("c();");
  });

  it("de-indents by the least indentation of non-blank lines, and blanks whitespace-only lines", () => {
    const file = ["function f() {", "  // #region body", "    if (x) {", "", "      y();", "        ", "    }", "  // #endregion body", "}"].join("\n");
    expect(extractRegion(file, "body")).toBe("if (x) {\n\n  y();\n\n}");
    // Tabs count as indentation too, and blank lines at the region's edges go.
    expect(extractRegion("// #region t\n\n\t\tz();\n\t\t\tw();\n \n// #endregion t", "t")).toBe("z();\n\tw();");
  });

  it("refuses an empty snippet, naming the file and region", () => {
    expect(failure(() => extractRegion("\n  \n\n", undefined, "f.ts"))).toBe("SnippetError: f.ts: snippet is empty");
    expect(failure(() => extractRegion("// #region e\n \t \n// #endregion e", "e", "f.ts"))).toBe("SnippetError: f.ts#e: snippet is empty");
    expect(failure(() => extractRegion("// #region only\n// #endregion only"))).toBe("SnippetError: <snippet>: snippet is empty");
  });
});
