import {
  batchRecords,
  validateBatchRecords,
  type BatchInvocationType,
  type BatchRecord,
} from "bedrock-guide";
import type { ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";

/** A variant as chapter 3 wrote it: a name, and the Converse request for one input. */
interface Variant<I> {
  id: string;
  request: (input: I) => Omit<ConverseCommandInput, "modelId">;
}

/**
 * One job's records: every variant on every input. Record IDs start with the variant's letter
 * ("A0000000001"), so a result says which variant it answers without relying on line order,
 * which AWS does not keep. batchRecords writes Converse's body or the model's native InvokeModel
 * body and checks each record; the whole file is checked again because two variants share it.
 */
export function recordsForJob<I>(options: {
  variants: readonly Variant<I>[];
  inputs: readonly I[];
  modelId: string;
  invocationType: BatchInvocationType;
}): BatchRecord[] {
  const records = options.variants.flatMap((variant) =>
    batchRecords({
      inputs: options.inputs,
      request: variant.request,
      invocationType: options.invocationType,
      modelId: options.modelId,
      idPrefix: variant.id,
    }),
  );
  validateBatchRecords(records, {
    invocationType: options.invocationType,
    modelId: options.modelId,
  });
  return records;
}

/** Which variant and which input a record ID stands for: the inverse of recordsForJob's IDs. */
export function recordOrigin(recordId: string): {
  variantId: string;
  index: number;
} {
  return {
    variantId: recordId.slice(0, 1),
    index: Number(recordId.slice(1)) - 1,
  };
}
