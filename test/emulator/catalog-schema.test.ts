// data/catalog.json against its schema (packages/emulator/src/catalog-schema.ts): the committed file passes;
// hand-broken copies are refused with one message naming the file and the path of the first
// problem; loadCatalogFile(path) refuses a broken file with that message. The expected messages are
// written out by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { loadCatalog, type CatalogData, type CatalogModel } from "bedrock-emulator";
import { loadCatalogFile } from "bedrock-emulator/node";
import { catalogSchema, checkCatalog } from "../../packages/emulator/src/catalog-schema";

const FILE = "data/catalog.json";
const committedText = readFileSync(resolve(__dirname, "..", "..", FILE), "utf8");
/** A fresh, mutable copy of the committed catalog. */
const copy = (): any => JSON.parse(committedText);

const work = mkdtempSync(join(tmpdir(), "bedrock-catalog-schema-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The message checkCatalog throws for `data`. */
function refusal(data: unknown): string {
  try {
    checkCatalog(data, FILE);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("checkCatalog accepted the data");
}

describe("the committed catalog", () => {
  it("passes the schema, and checkCatalog hands back the file's own object (key order kept)", () => {
    const data = copy();
    expect(catalogSchema.safeParse(data).success).toBe(true);
    expect(checkCatalog(data, FILE)).toBe(data);
  });

  it("loads through loadCatalogFile(path) with every model, profile variant and retired row", () => {
    const path = join(work, "catalog.json");
    writeFileSync(path, committedText);
    const { data } = loadCatalogFile(path);
    // Counted in the file: 152 models, 652 profile variants, 16 rows of the facts sheet's table.
    expect([data.models.length, data.profiles.length, data.retired.length]).toEqual([152, 652, 16]);
  });

  it("types come from the schema: a lifecycle status is one of AWS's two", () => {
    expectTypeOf<CatalogModel["modelLifecycle"]["status"]>().toEqualTypeOf<"ACTIVE" | "LEGACY">();
    expectTypeOf<CatalogData["capturedAt"]>().toEqualTypeOf<string>();
  });
});

describe("a broken copy is refused with the path of the problem", () => {
  const first = copy();
  const id = (i: number) => first.models[i].modelId as string;

  it("a model without regions", () => {
    const data = copy();
    delete data.models[3].regions;
    expect(refusal(data)).toBe(`${FILE}: models[3].regions: expected array, received undefined — ${id(3)}`);
  });

  it("a model with an empty region list", () => {
    const data = copy();
    data.models[3].regions = [];
    expect(refusal(data)).toBe(`${FILE}: models[3].regions: Too small: expected array to have >=1 items — ${id(3)}`);
  });

  it("a lifecycle status that is not one of AWS's (ACTIVE, LEGACY)", () => {
    const data = copy();
    data.models[7].modelLifecycle.status = "RETIRED";
    expect(refusal(data)).toBe(`${FILE}: models[7].modelLifecycle.status: Invalid option: expected one of "ACTIVE"|"LEGACY" (got "RETIRED") — ${id(7)}`);
  });

  it("an unknown key, in a model and at the top level (the old builtAt)", () => {
    const data = copy();
    data.models[5].contextWindowTokens = 128000;
    expect(refusal(data)).toBe(`${FILE}: models[5]: Unrecognized key: "contextWindowTokens" — ${id(5)}`);
    const stamped = copy();
    stamped.builtAt = "2026-12-01T10:00:00Z";
    expect(refusal(stamped)).toBe(`${FILE}: (top level): Unrecognized key: "builtAt"`);
  });

  it("bad dates: an impossible day, a timestamp that is not ISO, a free-text date", () => {
    const day = copy();
    day.capturedAt = "2026-02-30";
    expect(refusal(day)).toBe(`${FILE}: capturedAt: Invalid ISO date (got "2026-02-30")`);
    const stamp = copy();
    stamp.models[0].modelLifecycle.startOfLifeTime = "2024-12-03 00:00:00";
    expect(refusal(stamp)).toBe(`${FILE}: models[0].modelLifecycle.startOfLifeTime: Invalid ISO datetime (got "2024-12-03 00:00:00") — ${id(0)}`);
    const words = copy();
    words.retired[2].endOfLife = "soon";
    expect(refusal(words)).toBe(`${FILE}: retired[2].endOfLife: Invalid ISO datetime (got "soon") — ${first.retired[2].modelIds[0]}`);
  });

  it("a region that is not a region code, and one the catalog does not cover", () => {
    const name = copy();
    name.profiles[10].regions[0] = "US East (N. Virginia)";
    expect(refusal(name)).toBe(
      `${FILE}: profiles[10].regions[0]: expected a region code such as us-east-1 (got "US East (N. Virginia)") — ${first.profiles[10].inferenceProfileId}`,
    );
    const uncovered = copy();
    uncovered.models[2].regions.push("eu-south-2");
    const at = uncovered.models[2].regions.length - 1;
    expect(refusal(uncovered)).toBe(`${FILE}: models[2].regions[${at}]: region eu-south-2 is not in the catalog's regions — ${id(2)}`);
  });

  it("a duplicate model ID, and per-region inference types for a region the model is not in", () => {
    const twice = copy();
    twice.models.push(twice.models[0]);
    expect(refusal(twice)).toBe(`${FILE}: models[152].modelId: duplicate model ID ${id(0)} — ${id(0)}`);
    const types = copy();
    const i = types.models.findIndex((m: CatalogModel) => !m.regions.includes("sa-east-1") && m.inferenceTypesByRegion);
    types.models[i].inferenceTypesByRegion["sa-east-1"] = ["ON_DEMAND"];
    expect(refusal(types)).toBe(`${FILE}: models[${i}].inferenceTypesByRegion["sa-east-1"]: region sa-east-1 is not one of this model's regions — ${id(i)}`);
  });

  it("a context window written as text", () => {
    const data = copy();
    const i = data.models.findIndex((m: CatalogModel) => m.contextWindow);
    data.models[i].contextWindow = "128K tokens";
    expect(refusal(data)).toBe(`${FILE}: models[${i}].contextWindow: expected number, received string (got "128K tokens") — ${id(i)}`);
  });

  it("many problems: the first names the file, the next four follow, the rest are counted", () => {
    const data = copy();
    for (let i = 0; i < 8; i++) delete data.models[i].regions;
    const lines = refusal(data).split("\n");
    expect(lines).toEqual([
      `${FILE}: models[0].regions: expected array, received undefined — ${id(0)}`,
      `  models[1].regions: expected array, received undefined — ${id(1)}`,
      `  models[2].regions: expected array, received undefined — ${id(2)}`,
      `  models[3].regions: expected array, received undefined — ${id(3)}`,
      `  models[4].regions: expected array, received undefined — ${id(4)}`,
      `  … and 3 more`,
    ]);
  });
});

describe("loadCatalogFile(path) on a broken file", () => {
  it("throws the schema's message naming that file, and the shared catalog is untouched", () => {
    const path = join(work, "broken.json");
    const data = copy();
    delete data.models[3].regions;
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadCatalogFile(path)).toThrow(new Error(`${path}: models[3].regions: expected array, received undefined — ${data.models[3].modelId}`));
    expect(loadCatalog().data.models.length).toBe(152);
  });

  it("throws naming the file when it is not JSON at all", () => {
    const path = join(work, "truncated.json");
    writeFileSync(path, committedText.slice(0, 1000));
    expect(() => loadCatalogFile(path)).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON \\(`));
  });
});
