// Chapter 4's prompt as code, checked against the AWS CDK's CfnPrompt, which is generated from
// CloudFormation's own resource schema: an independent spelling of AWS::Bedrock::Prompt.
// test/slow/cdk-prompt.test.ts synthesises it with aws-cdk-lib (seconds of CPU, so in the full lane)
// and compares with the committed synthesis, which the quick test in managing-prompts.test.ts uses.
import { chapterTags } from "../../snippets/04-managing-prompts/naming";

export const SUMMARY = "Resume el siguiente texto en {{palabras}} palabras como máximo:\n{{texto}}";

export const PROMPT_AS_CODE = {
  name: "docs-summary-es",
  description: "Resumen",
  modelId: "us.amazon.nova-2-lite-v1:0",
  text: SUMMARY,
  temperature: 0.2,
  maxTokens: 300,
  tags: chapterTags("ana", "docs"),
};

/** What `cdk synth` made of PROMPT_AS_CODE, with the aws-cdk-lib version that made it. */
export const CDK_SYNTHESIS = new URL("./cdk-prompt.synth.json", import.meta.url);
