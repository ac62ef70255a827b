// The AWS CDK synthesises chapter 4's prompt (CfnPrompt, generated from CloudFormation's resource
// schema) exactly as committed in test/snippets/cdk-prompt.synth.json, which npm test compares
// toCloudFormation() with. Loading aws-cdk-lib costs seconds of CPU, so this runs in the full lane.
// After a CDK upgrade that changes the synthesis: UPDATE_CDK_SYNTH=1 npm run test:slow -- cdk-prompt,
// then check toCloudFormation() against the new file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it, onTestFinished } from "vitest";
import { toCreatePromptRequest } from "../../snippets/04-managing-prompts/prompt-as-code";
import { CDK_SYNTHESIS, PROMPT_AS_CODE as def } from "../snippets/prompt-as-code-case";

it("the CDK's CfnPrompt synthesises chapter 4's prompt as committed", async () => {
  const { App, BootstraplessSynthesizer, Stack } = await import("aws-cdk-lib");
  const { CfnPrompt } = await import("aws-cdk-lib/aws-bedrock");
  const cdkVersion = (createRequire(import.meta.url)("aws-cdk-lib/package.json") as { version: string }).version;
  // Its own output folder, removed after: App() would otherwise leave a cdk.out* in the temp dir.
  const outdir = mkdtempSync(join(tmpdir(), "guide-cdk-"));
  onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ analyticsReporting: false, outdir });
  const stack = new Stack(app, "S", { synthesizer: new BootstraplessSynthesizer() });
  const v = toCreatePromptRequest(def).variants![0];
  new CfnPrompt(stack, "ChapterPrompt", {
    name: def.name,
    description: def.description,
    defaultVariant: "main",
    tags: def.tags,
    variants: [
      {
        name: v.name!,
        templateType: v.templateType!,
        modelId: v.modelId,
        inferenceConfiguration: { text: { temperature: def.temperature, maxTokens: def.maxTokens } },
        templateConfiguration: { text: { text: def.text, inputVariables: [{ name: "palabras" }, { name: "texto" }] } },
      },
    ],
  });
  const { Resources } = app.synth().getStackByName("S").template as { Resources: unknown };
  const path = fileURLToPath(CDK_SYNTHESIS);
  if (process.env.UPDATE_CDK_SYNTH === "1") {
    writeFileSync(path, `${JSON.stringify({ source: `aws-cdk-lib ${cdkVersion}, CfnPrompt synthesised by test/slow/cdk-prompt.test.ts`, Resources }, null, 2)}\n`);
  }
  const committed = JSON.parse(readFileSync(path, "utf8")) as { Resources: unknown };
  expect(Resources, `aws-cdk-lib ${cdkVersion} synthesises differently: see this file's header`).toEqual(committed.Resources);
}, 120_000);
