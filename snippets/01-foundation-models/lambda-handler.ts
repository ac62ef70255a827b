import {
  BedrockClient,
  GetInferenceProfileCommand,
} from "@aws-sdk/client-bedrock";
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";

export interface QuestionEvent {
  question: string;
}

// Lambda sets AWS_REGION and hands the function its execution role's
// credentials, so the client needs no options and the code holds no keys.
// Made once and kept: warm invocations reuse it and its connections.
let bedrockInLambda: BedrockRuntimeClient | undefined;

/**
 * A Lambda function that answers a question. MODEL_ID is set when the
 * function is deployed: the profile (or model ID) its region can call.
 */
export const handler = async (event: QuestionEvent) => {
  const modelId = process.env.MODEL_ID;
  if (!modelId)
    throw new Error("Set MODEL_ID in the function's environment.");
  bedrockInLambda ??= new BedrockRuntimeClient({});
  const reply = await bedrockInLambda.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: "user", content: [{ text: event.question }] }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  const answer = (reply.output?.message?.content ?? [])
    .map((block) => block.text ?? "")
    .join("");
  return {
    statusCode: 200,
    body: JSON.stringify({ answer, usage: reply.usage }),
  };
};

/**
 * The IAM statement the execution role needs to call `modelId` through
 * Converse. For a profile, bedrock:InvokeModel must cover the profile and
 * every model ARN it routes to, which GetInferenceProfile lists; a global.
 * profile also lists the model's region-less ARN (arn:aws:bedrock:::…).
 */
export async function invokeStatementFor(modelId: string, region: string) {
  const isProfile = /^(global|us|eu|apac|jp|au|ca|in|us-gov)\./.test(
    modelId,
  );
  if (!isProfile) {
    return {
      Effect: "Allow",
      Action: ["bedrock:InvokeModel"],
      Resource: [`arn:aws:bedrock:${region}::foundation-model/${modelId}`],
    };
  }
  const bedrock = new BedrockClient({ region });
  const profile = await bedrock.send(
    new GetInferenceProfileCommand({ inferenceProfileIdentifier: modelId }),
  );
  return {
    Effect: "Allow",
    Action: ["bedrock:InvokeModel"],
    Resource: [
      profile.inferenceProfileArn!,
      ...(profile.models ?? []).map((m) => m.modelArn!),
    ],
  };
}
