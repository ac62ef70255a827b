import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelFacts, parseModelReference } from "bedrock-guide";

// Every model a lesson calls by default must be current. When data/catalog.json is refreshed and
// a model turns LEGACY (or its legacy date passes), this test names the snippet to update.
const snippetsDir = join(__dirname, "..", "..", "snippets");
// This lesson calls retired and misspelt models on purpose, to show the errors they cause.
const ON_PURPOSE = new Set(["01-foundation-models/common-errors.ts"]);

function snippetFiles(): string[] {
  return readdirSync(snippetsDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.startsWith("bedrock-guide/"));
}

function modelReferences(source: string): string[] {
  const literals = [...source.matchAll(/"([a-z0-9-]+\.[a-z0-9.:-]+)"/g)].map((m) => m[1]);
  return literals.filter((s) => modelFacts(s) !== undefined);
}

describe("model defaults", () => {
  const files = snippetFiles().filter((f) => !ON_PURPOSE.has(f));
  const uses = files.flatMap((file) => modelReferences(readFileSync(join(snippetsDir, file), "utf8")).map((ref) => ({ file, ref })));

  it("finds the models the lessons call", () => {
    expect(uses.length).toBeGreaterThanOrEqual(8);
    expect(uses.map((u) => u.ref)).toContain("anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  // "Never hard-code a geographic profile prefix": lessons name foundation models and resolve the
  // reader's profile with modelIdFor. A literal such as "us.anthropic…" or `eu.${id}` fails here.
  it("never hard-codes a geographic profile prefix", () => {
    const geographic = /["'`](us|eu|apac|jp|au|ca|in|us-gov)\.(?=[a-z$])/;
    const offenders = snippetFiles().flatMap((file) =>
      readFileSync(join(snippetsDir, file), "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => geographic.test(line) && !line.trim().startsWith("//")),
    );
    expect(offenders.map((o) => `${o.where}: ${o.line.trim()}`)).toEqual([]);
    // The literals found above are all foundation models, never profiles.
    expect(uses.filter(({ ref }) => parseModelReference(ref).profilePrefix !== undefined && !ref.startsWith("global."))).toEqual([]);
  });

  it("uses only ACTIVE models whose legacy date has not come", () => {
    const now = new Date();
    const stale = uses.filter(({ ref }) => {
      const lifecycle = modelFacts(ref)!.modelLifecycle;
      return lifecycle.status !== "ACTIVE" || (lifecycle.legacyTime !== undefined && new Date(lifecycle.legacyTime) <= now);
    });
    expect(stale.map((s) => `${s.file}: ${s.ref}`)).toEqual([]);
  });
});
