// Fault rules, parsed and applied directly: the semantics the emulator's README documents under
// "Faults" (rule fields, `prefix*` models, `times`, `operation`, `midStream`, the text format with
// `;` between rules and `,` between fields, and the errors AWS gives for throttling and access).
import { describe, expect, it } from "vitest";
import { FaultController, parseFaultRules, type FaultRule } from "bedrock-emulator";

/** The ValidationException a bad rule gets; its message. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (err) {
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    return (err as Error).message;
  }
  throw new Error("expected the rule to be refused");
}

const MICRO_PROFILE = "us.amazon.nova-micro-v1:0";
const MICRO = "amazon.nova-micro-v1:0";
/** What Converse passes for a call through the profile: the requested ID and the model it resolves to. */
const microIds = [MICRO_PROFILE, MICRO];

describe("the text format", () => {
  it("ignores blanks around rules and fields, and empty rules", () => {
    expect(parseFaultRules(" throttle , times=2 ;; latency,latencyMs=300 ; ; ")).toEqual([
      { fault: "throttle", times: 2 },
      { fault: "latency", latencyMs: 300 },
    ]);
    expect(parseFaultRules("   ")).toEqual([]);
    // The JSON form may be indented too (an env var written over several lines).
    expect(parseFaultRules('\n  [{"fault":"throttle","times":1}]\n')).toEqual([{ fault: "throttle", times: 1 }]);
  });

  it("reads midStream=true and midStream=false as booleans", () => {
    expect(parseFaultRules("throttle,midStream=true;throttle,midStream=false")).toEqual([
      { fault: "throttle", midStream: true },
      { fault: "throttle", midStream: false },
    ]);
  });

  it("needs key=value for each field", () => {
    expect(refusal(() => parseFaultRules("throttle,times"))).toBe('Fault rule "throttle,times": expected key=value, got "times".');
    expect(refusal(() => parseFaultRules("throttle,=2"))).toMatch(/expected key=value, got "=2"/);
    // A one-letter key is a key=value pair, just not a known key.
    expect(refusal(() => parseFaultRules("throttle,x=1"))).toMatch(/^Fault rule: unknown key "x"\./);
  });

  it("refuses JSON that does not parse, and JSON rules that are not objects", () => {
    expect(refusal(() => parseFaultRules("[{oops"))).toBe("Fault rules are not valid JSON.");
    for (const text of ["[1]", "[null]", "[[]]", '["throttle"]']) expect(refusal(() => parseFaultRules(text))).toBe("A fault rule must be an object.");
  });
});

describe("rule checks", () => {
  it("names every unknown key and lists the keys the README documents", () => {
    expect(refusal(() => parseFaultRules('{"fault":"throttle","modle":"x","tiems":1}'))).toBe(
      'Fault rule: unknown keys "modle", "tiems". Keys: fault, model, operation, times, latencyMs, midStream.',
    );
  });

  it("knows three faults, and says which", () => {
    expect(refusal(() => parseFaultRules("explode"))).toBe('Unknown fault "explode". Use one of: throttle, access-denied, latency.');
  });

  it("midStream must be a boolean and works with throttle only", () => {
    expect(refusal(() => parseFaultRules('{"fault":"throttle","midStream":"yes"}'))).toBe("Fault rule: midStream must be true or false.");
    expect(refusal(() => parseFaultRules("latency,midStream=true"))).toBe("Fault rule: midStream works with throttle only.");
    expect(refusal(() => new FaultController().add({ fault: "access-denied", midStream: true }))).toBe("Fault rule: midStream works with throttle only.");
  });

  it("times and latencyMs are numbers >= 0 (0 included)", () => {
    for (const text of ["throttle,times=-1", "throttle,times=abc", "throttle,times=Infinity"]) {
      expect(refusal(() => parseFaultRules(text))).toBe("Fault rule: times must be a number >= 0.");
    }
    expect(refusal(() => parseFaultRules("latency,latencyMs=-5"))).toBe("Fault rule: latencyMs must be a number >= 0.");
    expect(parseFaultRules("throttle,times=0;latency,latencyMs=0")).toEqual([
      { fault: "throttle", times: 0 },
      { fault: "latency", latencyMs: 0 },
    ]);
  });

  it("model and operation must be non-empty strings", () => {
    expect(refusal(() => new FaultController().add({ fault: "throttle", operation: "" }))).toBe("Fault rule: operation must be a non-empty string.");
  });
});

describe("which requests a rule hits", () => {
  it("an exact model ID hits that ID only; `prefix*` hits every ID that starts with the prefix", () => {
    const exact = new FaultController([{ fault: "throttle", model: "amazon.titan-embed-text-v1" }]);
    expect(exact.evaluate("InvokeModel", ["amazon.titan-embed-text-v1"]).error).toBeDefined();
    expect(exact.evaluate("InvokeModel", ["amazon.titan-embed-text-v2:0"]).error).toBeUndefined();

    const prefix = new FaultController([{ fault: "throttle", model: "us.amazon.*" }]);
    expect(prefix.evaluate("Converse", microIds).error).toBeDefined();
    expect(prefix.evaluate("Converse", ["us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"]).error).toBeUndefined();
    expect(prefix.evaluate("Converse", [MICRO]).error).toBeUndefined();
    // Either name of the model counts: the requested profile or the model it resolves to.
    const base = new FaultController([{ fault: "throttle", model: "amazon.*" }]);
    expect(base.evaluate("Converse", microIds).error).toBeDefined();
  });

  it("an operation rule hits that operation only", () => {
    const f = new FaultController([{ fault: "throttle", operation: "InvokeModel" }]);
    expect(f.evaluate("Converse", microIds).error).toBeUndefined();
    expect(f.evaluate("InvokeModel", microIds).error).toBeDefined();
  });

  it("times=N fails N requests, then the rule is gone; times=0 fails none", () => {
    const f = new FaultController([{ fault: "throttle", times: 2 }]);
    expect([1, 2, 3].map(() => f.evaluate("Converse", microIds).error?.name)).toEqual(["ThrottlingException", "ThrottlingException", undefined]);
    expect(f.size).toBe(0);
    const none = new FaultController([{ fault: "throttle", times: 0 }]);
    expect(none.evaluate("Converse", microIds).error).toBeUndefined();
  });

  it("latency adds its latencyMs (250 ms by default) to the matching requests, for its times", () => {
    const f = new FaultController([{ fault: "latency", times: 1 }, { fault: "latency", latencyMs: 40, times: 2 }]);
    expect([1, 2, 3].map(() => f.evaluate("Converse", microIds).latencyMs)).toEqual([290, 40, 0]);
  });

  it("one error per request: the first matching rule fails it, and later rules keep their times", () => {
    const f = new FaultController([
      { fault: "throttle", times: 1 },
      { fault: "access-denied", times: 1 },
    ]);
    const first = f.evaluate("Converse", microIds).error as { name: string; status: number; message: string };
    expect(first).toMatchObject({ name: "ThrottlingException", status: 429, message: "Too many requests, please wait before trying again." });
    const second = f.evaluate("Converse", microIds).error;
    expect(second).toMatchObject({ name: "AccessDeniedException", status: 403, message: "You don't have access to the model with the specified model ID." });
    expect(f.evaluate("Converse", microIds).error).toBeUndefined();
  });

  it("midStream throttles only streams, one frame per stream, and leaves the start alone", () => {
    const f = new FaultController([
      { fault: "throttle", midStream: true, times: 1 },
      { fault: "throttle", midStream: true, times: 1 },
    ]);
    expect(f.evaluate("Converse", microIds)).toEqual({ latencyMs: 0 });
    const first = f.evaluate("ConverseStream", microIds, [], true);
    expect(first.error).toBeUndefined();
    expect(first.midStreamError?.name).toBe("ThrottlingException");
    // The second rule was not used up by the first stream.
    expect(f.evaluate("ConverseStream", microIds, [], true).midStreamError?.name).toBe("ThrottlingException");
    expect(f.evaluate("ConverseStream", microIds, [], true).midStreamError).toBeUndefined();
  });

  it("header rules apply to their request only, before the standing rules", () => {
    const f = new FaultController([{ fault: "throttle", times: 1 }]);
    const header: FaultRule[] = parseFaultRules("access-denied");
    expect(f.evaluate("Converse", microIds, header).error?.name).toBe("AccessDeniedException");
    // The standing throttle was not consumed by that request.
    expect(f.evaluate("Converse", microIds).error?.name).toBe("ThrottlingException");
  });
});

describe("access denied and the rule list", () => {
  it("deniesAccess reads the live access-denied rules for the model", () => {
    const f = new FaultController([{ fault: "throttle", model: MICRO }]);
    expect(f.deniesAccess([MICRO])).toBe(false);
    f.add({ fault: "access-denied", model: MICRO, times: 0 });
    expect(f.deniesAccess([MICRO])).toBe(false);
    f.add({ fault: "access-denied", model: MICRO, times: 1 });
    expect(f.deniesAccess([MICRO])).toBe(true);
    expect(f.deniesAccess(["amazon.nova-lite-v1:0"])).toBe(false);
  });

  it("lists copies of the rules, and clear() removes them", () => {
    const f = new FaultController([{ fault: "latency", latencyMs: 10 }]);
    const listed = f.list();
    expect(listed).toEqual([{ fault: "latency", latencyMs: 10 }]);
    listed[0].latencyMs = 9999;
    expect(f.evaluate("Converse", microIds).latencyMs).toBe(10);
    f.clear();
    expect(f.list()).toEqual([]);
    expect(f.size).toBe(0);
  });
});
