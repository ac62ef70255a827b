import { describe, expect, it } from "vitest";
import { explainError, joinBatchResults, parseBatchManifest, parseBatchOutput, recordFailure, type BatchRecord } from "bedrock-guide";
import { failure } from "../shared/failure";

// AWS's example output ("View the results of a batch inference job"), one line per record:
// { "recordId" : "3223593EFGH", "modelInput" : {"inputText": "Roses are red, violets are"},
//   "modelOutput" : {"inputTextTokenCount": 8, "results": [{"tokenCount": 3, "outputText": "blue\n", "completionReason": "FINISH"}]}}
// { "recordId" : "1223213ABCD", "modelInput" : {"inputText": "Hello world"},
//   "error" : {"errorCode" : 400, "errorMessage" : "bad request" }}
// and manifest.json.out: { totalRecordCount, processedRecordCount, successRecordCount, errorRecordCount,
// inputTokenCount, outputTokenCount }. "The order of records in the output JSONL file is not
// guaranteed to match the order of records in the input JSONL file."

const record = (recordId: string, inputText: string): BatchRecord => ({ recordId, modelInput: { inputText } });
const inputs = [record("1223213ABCD", "Hello world"), record("3223593EFGH", "Roses are red, violets are"), record("9999999ZZZZ", "Never answered")];
const items = ["hello", "roses", "never"];
// Output in another order than the input, and without the third record (a job stopped early).
const OUT = [
  '{ "recordId" : "3223593EFGH", "modelInput" : {"inputText": "Roses are red, violets are"}, "modelOutput" : {"inputTextTokenCount": 8, "results": [{"tokenCount": 3, "outputText": "blue\\n", "completionReason": "FINISH"}]}}',
  '{ "recordId" : "1223213ABCD", "modelInput" : {"inputText": "Hello world"}, "error" : {"errorCode" : 400, "errorMessage" : "bad request" }}',
].join("\n");

describe("joining results to inputs", () => {
  it("by recordId, never by position: each input gets its own output, failed and missing records reported", () => {
    const joined = joinBatchResults({ records: inputs, output: OUT, items, lang: "en" });
    expect(joined.rows.map((r) => [r.input, r.recordId, r.status])).toEqual([
      ["hello", "1223213ABCD", "failed"],
      ["roses", "3223593EFGH", "ok"],
      ["never", "9999999ZZZZ", "missing"],
    ]);
    expect((joined.rows[1].modelOutput as { results: { outputText: string }[] }).results[0].outputText).toBe("blue\n");
    expect(joined.failed.map((r) => r.error)).toEqual([{ errorCode: 400, errorMessage: "bad request" }]);
    expect(joined.missing).toEqual(["9999999ZZZZ"]);
    expect(joined.unexpected).toEqual([]);
  });

  it("an output line for a record that was not sent is reported, not joined", () => {
    const stray = OUT + '\n{"recordId": "STRAY000001", "modelInput": {}, "modelOutput": {}}';
    expect(joinBatchResults({ records: inputs, output: stray, lang: "en" }).unexpected).toEqual(["STRAY000001"]);
  });

  it("checks the manifest's counts against the lines read, and says what disagrees", () => {
    const manifest = '{"totalRecordCount": 3, "processedRecordCount": 2, "successRecordCount": 1, "errorRecordCount": 1, "inputTokenCount": 12, "outputTokenCount": 3}';
    expect(parseBatchManifest(manifest)).toMatchObject({ totalRecordCount: 3, successRecordCount: 1 });
    expect(joinBatchResults({ records: inputs, output: OUT, manifest, lang: "en" }).manifestMismatches).toEqual([]);
    const more = manifest.replace('"successRecordCount": 1', '"successRecordCount": 2');
    expect(joinBatchResults({ records: inputs, output: OUT, manifest: more, lang: "en" }).manifestMismatches).toEqual([
      "successRecordCount: the manifest says 2 and the lines read give 1. Is a .jsonl.out file missing?",
    ]);
  });

  it("a line that is not a result names its line number", () => {
    expect(failure(() => parseBatchOutput('{"recordId": "A1", "modelInput": {}, "modelOutput": {}}\nnot json', "en"))).toContain("Line 2 of the output is not a batch result");
    expect(failure(() => parseBatchOutput('{"recordId": "A1", "modelInput": {}}', "es"))).toContain("La línea 1 de la salida no es un resultado de lote");
    expect(failure(() => parseBatchManifest('{"totalRecordCount": 3}', "en"))).toContain("manifest.json.out does not have the shape AWS documents");
  });

  it("a failed record becomes an error the advice explains: a 400 is the record's body, retry the rest", () => {
    const [failed] = joinBatchResults({ records: inputs, output: OUT, lang: "en" }).failed;
    const err = recordFailure(failed);
    expect(err.name).toBe("BatchRecordFailed");
    const en = explainError(err, { lang: "en" });
    expect(en.problem).toBe("batch-record-failed");
    expect(en.explanation).toContain("The model refused that record (400: bad request)");
    expect(en.explanation).toContain("does not check that modelInput matches");
    const es = explainError(err, { lang: "es" });
    expect(es.fix).toContain("validateBatchRecords");
    const throttled = recordFailure({ ...failed, error: { errorCode: 429, errorMessage: "Too many requests" } });
    expect(explainError(throttled, { lang: "en" }).explanation).toContain("a service or quota failure, not your record's");
  });
});
