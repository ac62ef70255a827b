// The doctor against this machine's real Jupyter, in the full lane (npm run test:full): the
// faked ones in test/bedrock-guide/doctor.test.ts cover each case in npm test; this one checks that a real
// `jupyter --version` and `kernelspec list --json` read as the doctor expects.
import { describe, expect, it } from "vitest";
import { runDoctor, type DoctorReport } from "bedrock-guide";
import { terminalChecks } from "../../packages/bedrock-guide/doctor-terminal";

const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

describe("doctor, the kernel check", { timeout: 120_000 }, () => {
  // npm install registered "bedrock-guide" (the project's install test checks that).
  it("finds the registered kernel, named as given", async () => {
    const found = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "en", machineChecks: terminalChecks({ kernel: { name: "bedrock-guide", displayName: "Kernel bedrock-guide" } }) });
    if (check(found, "jupyter")?.status !== "ok") {
      // Without Jupyter there is no kernel to look for: the report says how to install Jupyter.
      expect(check(found, "jupyter")?.fix).toContain("pip install notebook nbclient");
      return expect(check(found, "kernel")).toBeUndefined();
    }
    expect(check(found, "jupyter")?.summary).toMatch(/^Jupyter: notebook \d+\.\d+/);
    expect(check(found, "kernel")).toMatchObject({ status: "ok", summary: "Kernel “Kernel bedrock-guide” registered" });
  });
});

