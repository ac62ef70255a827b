// Fault rules are strict: a key the emulator doesn't know is an error, never a silent widening
// (before, `modle=` was ignored and the rule throttled every model).
import { describe, expect, it } from "vitest";
import { FaultController, parseFaultRules } from "bedrock-emulator";

describe("strict fault rules", () => {
  it("rejects a misspelt key in the text format, the JSON format and the API", () => {
    expect(() => parseFaultRules("throttle,modle=us.amazon.nova-micro-v1:0")).toThrow(/unknown key "modle"/);
    expect(() => parseFaultRules('[{"fault":"throttle","times":1,"modelId":"x"}]')).toThrow(/unknown key "modelId"/);
    expect(() => new FaultController().add({ fault: "throttle", modle: "x" } as never)).toThrow(/unknown key "modle"/);
  });

  it("rejects values of the wrong kind", () => {
    expect(() => parseFaultRules("throttle,midStream=yes")).toThrow(/midStream must be true or false/);
    expect(() => parseFaultRules('{"fault":"throttle","model":5}')).toThrow(/model must be a non-empty string/);
  });

  it("still accepts every documented key", () => {
    expect(parseFaultRules("throttle,model=us.amazon.nova-micro-v1:0,operation=Converse,times=2,midStream=true;latency,latencyMs=300")).toEqual([
      { fault: "throttle", model: "us.amazon.nova-micro-v1:0", operation: "Converse", times: 2, midStream: true },
      { fault: "latency", latencyMs: 300 },
    ]);
  });
});
