import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../../packages/bedrock-guide/data";

describe("readDataFile", () => {
  it("reads a file of data/ by name", () => {
    for (const name of ["prices.json", "sampling-rules.json", "prompt-management.json", "batch.json"]) {
      const onDisk = JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8"));
      expect(readDataFile(name), name).toEqual(onDisk);
    }
  });

  it("holds one copy of each file: a second read is the same object", () => {
    expect(readDataFile("sampling-rules.json")).toBe(readDataFile("sampling-rules.json"));
  });

  it("names the files it has when asked for one it does not", () => {
    expect(() => readDataFile("no-such-file.json")).toThrow(`The guide has no data file "no-such-file.json": it knows batch.json, prices.json, prompt-management.json, sampling-rules.json (from data/).`);
  });
});
