import { describe, expect, it } from "vitest";
import { PROMPT_MANAGEMENT_ACTIONS, promptManagementAdvice } from "../../packages/bedrock-guide/advice/prompt-management";
import facts from "../../data/prompt-management.json";

// Errors shaped as the SDK throws them: `name` is AWS's error code. The messages follow AWS's
// formats ("1 validation error detected: Value … at '…' failed to satisfy constraint: …").
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });
const denied = awsError("AccessDeniedException", "User: arn:aws:iam::123456789012:user/ana is not authorized to perform: bedrock:CreatePrompt");
const badName = awsError("ValidationException", "1 validation error detected: Value 'mi prompt' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([0-9a-zA-Z][_-]?){1,100}$");
const notFound = awsError("ResourceNotFoundException", "Prompt ABCDEFGHIJ not found.");
const badTarget = awsError("ValidationException", "Prompt optimization doesn't support the model anthropic.claude-haiku-4-5-20251001-v1:0.");

describe("which errors get Prompt Management advice", () => {
  it("each Prompt Management operation names its own IAM action (Service Authorization Reference)", () => {
    // The actions AWS's prerequisites page grants for Prompt Management, as the data file lists them.
    for (const [operation, action] of Object.entries(PROMPT_MANAGEMENT_ACTIONS)) {
      expect(action).toBe(`bedrock:${operation}`);
      expect(facts.iamActions.actions).toContain(action);
      // The SDK command's name works with or without its "Command" suffix.
      expect(promptManagementAdvice(denied, `${operation}Command`, "en")?.title).toBe(`Missing permission ${action}`);
      expect(promptManagementAdvice(denied, operation, "es")?.title).toBe(`Falta el permiso ${action}`);
    }
  });

  it("leaves other operations, and calls with no operation, to the general advice", () => {
    for (const operation of [undefined, "", "ConverseCommand", "InvokeModel", "ListFoundationModelsCommand", "Command", "CreatePromptCommandCommand", "CommandCreatePrompt"]) {
      expect(promptManagementAdvice(denied, operation, "en"), String(operation)).toBeUndefined();
    }
  });

  it("leaves errors no rule knows to the general advice", () => {
    expect(promptManagementAdvice(awsError("ThrottlingException", "Rate exceeded"), "GetPromptCommand", "en")).toBeUndefined();
    expect(promptManagementAdvice(awsError("ValidationException", "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"), "ListPrompts", "en")).toBeUndefined();
    // A ValidationException about a model is an optimisation-target problem only for OptimizePrompt.
    expect(promptManagementAdvice(badTarget, "CreatePrompt", "en")).toBeUndefined();
  });

  it("reads the error's name even when it is not an Error, and anything without one is no AWS error", () => {
    expect(promptManagementAdvice({ name: "AccessDeniedException" }, "DeletePrompt", "en")?.problem).toBe("no-access");
    expect(promptManagementAdvice("AccessDeniedException", "DeletePrompt", "en")).toBeUndefined();
    expect(promptManagementAdvice(undefined, "DeletePrompt", "en")).toBeUndefined();
    expect(promptManagementAdvice(null, "DeletePrompt", "en")).toBeUndefined();
  });
});

describe("access denied", () => {
  it("names the operation, the tag-scoped policies and the prompt ARN to allow, in both languages", () => {
    const en = promptManagementAdvice(denied, "UpdatePromptCommand", "en")!;
    expect(en.problem).toBe("no-access");
    expect(en.explanation).toContain("may not call UpdatePrompt");
    expect(en.explanation).toContain("aws:ResourceTag/team");
    expect(en.fix).toContain("allows bedrock:UpdatePrompt on arn:aws:bedrock:<region>:<account>:prompt/*");
    const es = promptManagementAdvice(denied, "UpdatePromptCommand", "es")!;
    expect(es.explanation).toContain("no tiene permiso para UpdatePrompt");
    expect(es.explanation).toContain("aws:ResourceTag/team");
    expect(es.fix).toContain("permita bedrock:UpdatePrompt sobre arn:aws:bedrock:<región>:<cuenta>:prompt/*");
  });
});

describe("an invalid prompt name", () => {
  it("quotes AWS's pattern for prompt names, in both languages", () => {
    // The bedrock-agent model's PromptName pattern, as data/prompt-management.json records it.
    const pattern = "^([0-9a-zA-Z][_-]?){1,100}$";
    const en = promptManagementAdvice(badName, "CreatePromptCommand", "en")!;
    expect(en).toMatchObject({ problem: "invalid-request", title: "Invalid prompt name" });
    expect(en.explanation).toContain("up to 100");
    expect(en.fix).toContain(pattern);
    const es = promptManagementAdvice(badName, "CreatePromptCommand", "es")!;
    expect(es.title).toBe("Nombre de prompt no válido");
    expect(es.explanation).toContain("hasta 100");
    expect(es.fix).toContain(pattern);
  });

  it("is about the name only: a constraint on another field is not", () => {
    const other = awsError("ValidationException", "1 validation error detected: Value 'x' at 'description' failed to satisfy constraint: Member must have length less than or equal to 200");
    expect(promptManagementAdvice(other, "CreatePrompt", "en")).toBeUndefined();
    // Another error type that mentions the name constraint is not a validation problem.
    expect(promptManagementAdvice(awsError("ConflictException", badName.message), "CreatePrompt", "en")).toBeUndefined();
  });
});

describe("a prompt that does not exist", () => {
  it("points at ListPrompts and the ARN's region, in both languages", () => {
    const en = promptManagementAdvice(notFound, "GetPromptCommand", "en")!;
    expect(en).toMatchObject({ problem: "prompt-not-found", title: "That prompt does not exist here" });
    expect(en.explanation).toContain("in this account and region");
    expect(en.fix).toContain("ListPrompts");
    expect(en.fix).toContain("arn:aws:bedrock:<region>:");
    const es = promptManagementAdvice(notFound, "CreatePromptVersion", "es")!;
    expect(es.title).toBe("Ese prompt no existe aquí");
    expect(es.explanation).toContain("en esta cuenta y región");
    expect(es.fix).toContain("ListPrompts");
    expect(es.fix).toContain("arn:aws:bedrock:<región>:");
  });
});

describe("a model OptimizePrompt cannot target", () => {
  const page = facts.optimizationTargets.source;

  it("names the targets the region lists and links AWS's page (Frankfurt: the three Nova models)", () => {
    // Hand-checked in data/catalog.json: of the page's targets, only Nova Lite, Micro and Pro are
    // listed in eu-central-1, active and not retiring.
    const en = promptManagementAdvice(badTarget, "OptimizePromptCommand", "en", "eu-central-1")!;
    expect(en).toMatchObject({ problem: "invalid-request", title: "That model cannot be an optimisation target" });
    expect(en.explanation).toContain("takes their base ID (not an inference profile)");
    expect(en.explanation).toContain("The ones still active and offered in eu-central-1: amazon.nova-lite-v1:0, amazon.nova-micro-v1:0, amazon.nova-pro-v1:0.");
    // Frankfurt offers optimisation: nothing follows the list.
    expect(en.explanation.endsWith("amazon.nova-micro-v1:0, amazon.nova-pro-v1:0.")).toBe(true);
    expect(en.fix).toContain("as targetModelId");
    expect(en.fix).toContain(`Full list: ${page}`);
    const es = promptManagementAdvice(badTarget, "OptimizePrompt", "es", "eu-central-1")!;
    expect(es.title).toBe("Ese modelo no puede ser destino de la optimización");
    expect(es.explanation).toContain("pide su ID base (no un perfil de inferencia)");
    expect(es.explanation).toContain("Los que siguen activos y ofrecidos en eu-central-1: amazon.nova-lite-v1:0, amazon.nova-micro-v1:0, amazon.nova-pro-v1:0.");
    expect(es.explanation.endsWith("amazon.nova-micro-v1:0, amazon.nova-pro-v1:0.")).toBe(true);
    expect(es.fix).toContain("como targetModelId");
    expect(es.fix).toContain(`Lista completa: ${page}`);
  });

  it("without a region, names every active target and claims nothing about a region", () => {
    const en = promptManagementAdvice(badTarget, "OptimizePrompt", "en")!;
    expect(en.explanation).toContain("The ones still active: amazon.nova-lite-v1:0, ");
    // DeepSeek-R1 is a target listed only in US regions: named when no region narrows the list.
    expect(en.explanation).toContain("deepseek.r1-v1:0");
    expect(en.explanation).not.toContain("offered in");
    expect(en.explanation).not.toContain("does not offer");
    expect(promptManagementAdvice(badTarget, "OptimizePrompt", "es")!.explanation).toContain("Los que siguen activos: amazon.nova-lite-v1:0, ");
  });

  it("where AWS does not offer optimisation, says so and lists the page's regions (Tokyo, Osaka)", () => {
    const regions = facts.optimizationTargets.regions.join(", ");
    const tokyo = promptManagementAdvice(badTarget, "OptimizePrompt", "en", "ap-northeast-1")!;
    expect(tokyo.explanation).toContain(` Also, AWS does not offer optimisation in ap-northeast-1: only in ${regions}.`);
    // Osaka lists none of the targets (Claude Sonnet 4 is LEGACY there): a dash, not an empty list.
    expect(promptManagementAdvice(badTarget, "OptimizePrompt", "en", "ap-northeast-3")!.explanation).toContain("offered in ap-northeast-3: —.");
    expect(promptManagementAdvice(badTarget, "OptimizePrompt", "es", "ap-northeast-1")!.explanation).toContain(` Además, AWS no ofrece la optimización en ap-northeast-1: solo en ${regions}.`);
  });

  it("matches any ValidationException about the model, whatever its case", () => {
    const lower = awsError("ValidationException", "1 validation error detected: Value 'x' at 'targetModelId' failed to satisfy constraint: the MODEL is not supported");
    expect(promptManagementAdvice(lower, "OptimizePrompt", "en")?.title).toBe("That model cannot be an optimisation target");
    expect(promptManagementAdvice(awsError("ValidationException", "The input text is too long."), "OptimizePrompt", "en")).toBeUndefined();
    // Throttling that mentions the model is not about the target.
    expect(promptManagementAdvice(awsError("ThrottlingException", "Too many requests for this model, please wait before trying again."), "OptimizePrompt", "en")).toBeUndefined();
  });
});
