import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TEMPLATE_VARIABLES, TemplateVariableError, templateVariables } from "bedrock-guide";

// AWS's rule for `{{name}}` prompt variables (bedrock-agent service model, PromptInputVariableName:
// `([0-9a-zA-Z][_-]?){1,100}`, and PromptInputVariablesList: at most 20). Every case below is
// worked out by hand from that rule, not from the code.

const thrown = (run: () => unknown): TemplateVariableError => {
  try {
    run();
  } catch (e) {
    return e as TemplateVariableError;
  }
  throw new Error("expected a TemplateVariableError");
};

const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `{{v${from + i}}}`).join(" ");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("templateVariables", () => {
  it("lists each variable once, in order of first appearance", () => {
    expect(templateVariables("{{b}} then {{a}} then {{b}} and {{c}}", "en")).toEqual(["b", "a", "c"]);
    expect(templateVariables("no variables here, only {single} braces", "en")).toEqual([]);
  });

  it("reads each {{…}} on its own, not from the first {{ to the last }}", () => {
    expect(templateVariables("{{topic}} in {{words}} words", "en")).toEqual(["topic", "words"]);
  });

  it("accepts names at the edges of AWS's rule: 100 characters, one digit, a separator at the end", () => {
    // 100 single letters is the pattern's {1,100} at its maximum; "x-" ends with one separator.
    const longest = "a".repeat(100);
    expect(templateVariables(`{{${longest}}} {{7}} {{x-}} {{y_}}`, "en")).toEqual([longest, "7", "x-", "y_"]);
  });

  it("refuses a name that spans a line break: the braces hold any character, so it is seen and refused", () => {
    const error = thrown(() => templateVariables("Summarise {{the\ntext}} please", "en"));
    expect(error.problems).toEqual(["{{the\ntext}} is not a valid variable name"]);
  });

  it("refuses 101 characters (one over the pattern's 100 repetitions)", () => {
    const tooLong = `{{${"a".repeat(101)}}}`;
    expect(thrown(() => templateVariables(tooLong, "en")).problems).toEqual([`${tooLong} is not a valid variable name`]);
  });

  it("lists every problem, in order, and keeps the valid names out of the error", () => {
    const error = thrown(() => templateVariables("{{ok}} {{año}} {{ok}} {{a b}}", "es"));
    expect(error).toBeInstanceOf(TemplateVariableError);
    expect(error.name).toBe("TemplateVariableError");
    expect(error.problems).toEqual(["{{año}} no es un nombre de variable válido", "{{a b}} no es un nombre de variable válido"]);
    // The message starts with the rule and lists each problem on its own "- " line.
    expect(error.message).toBe(
      "La plantilla no cumple las reglas de AWS para las variables {{nombre}} (letras ASCII y cifras, con un solo _ o - entre ellas, hasta 20 variables):\n- {{año}} no es un nombre de variable válido\n- {{a b}} no es un nombre de variable válido",
    );
  });

  it("says the rule in English too", () => {
    const error = thrown(() => templateVariables("{{é}}", "en"));
    expect(error.message).toBe(
      "The template breaks AWS's rules for {{name}} variables (ASCII letters and digits, a single _ or - between them, at most 20 variables):\n- {{é}} is not a valid variable name",
    );
  });

  it("allows 20 different variables, however often repeated, and refuses 21", () => {
    expect(MAX_TEMPLATE_VARIABLES).toBe(20);
    expect(templateVariables(`${numbered(1, 20)} ${numbered(1, 20)}`, "en")).toHaveLength(20);
    const error = thrown(() => templateVariables(numbered(1, 21), "en"));
    expect(error.problems).toEqual(["it uses 21 different variables and AWS accepts at most 20"]);
    expect(thrown(() => templateVariables(numbered(1, 22), "es")).problems).toEqual(["usa 22 variables distintas y AWS admite 20 como máximo"]);
  });

  it("reports a bad name and too many variables together", () => {
    const error = thrown(() => templateVariables(`${numbered(1, 21)} {{mal nombre}}`, "en"));
    expect(error.problems).toEqual(["{{mal nombre}} is not a valid variable name", "it uses 21 different variables and AWS accepts at most 20"]);
  });

  it("speaks the reader's language when none is given (BEDROCK_GUIDE_LANG)", () => {
    vi.stubEnv("BEDROCK_GUIDE_LANG", "en");
    expect(thrown(() => templateVariables("{{ñ}}")).problems).toEqual(["{{ñ}} is not a valid variable name"]);
    vi.stubEnv("BEDROCK_GUIDE_LANG", "es");
    expect(thrown(() => templateVariables("{{ñ}}")).problems).toEqual(["{{ñ}} no es un nombre de variable válido"]);
  });
});
