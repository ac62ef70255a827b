// The mutation groups (groups.mjs) must cover the source they claim: a lesson or lib file outside
// every group would never be mutated, and a test pattern that matches nothing would quietly lower
// a group's score. Both go unseen in Stryker's own output.
import { globSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groups } from "./groups.mjs";

const expand = (patterns: string[]) => {
  const take = patterns.filter((p) => !p.startsWith("!")).flatMap((p) => globSync(p));
  const drop = new Set(patterns.filter((p) => p.startsWith("!")).flatMap((p) => globSync(p.slice(1))));
  return new Set(take.filter((f) => !drop.has(f)));
};

describe("mutation groups", () => {
  it("mutate every lesson, lib, generator and shared file and the three emulator modules, each in one group; only the notebooks' own cells are left out", () => {
    const wanted = [
      ...globSync("snippets/**/*.ts").filter(
        (f) => !f.endsWith(".test.ts") && !f.endsWith("walkthrough.ts") && f !== "snippets/setup.ts",
      ),
      ...globSync("generator/**/*.{ts,mjs}").filter((f) => !f.endsWith(".d.mts")),
      ...globSync("shared/**/*.{ts,mjs}").filter((f) => !f.endsWith(".d.mts")),
      "emulator/src/catalog.ts",
      "emulator/src/faults.ts",
      "emulator/src/prompt-store.ts",
    ].sort();
    const owners = new Map<string, string[]>();
    for (const [name, g] of Object.entries(groups)) {
      for (const f of expand(g.mutate)) owners.set(f, [...(owners.get(f) ?? []), name]);
    }
    expect([...owners.keys()].sort()).toEqual(wanted);
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
    // The notebooks' own cells (run by test/notebooks) are left out by name, not forgotten.
    expect([...globSync("snippets/*/walkthrough.ts"), "snippets/setup.ts"].filter((f) => owners.has(f))).toEqual([]);
  });

  it("name tests that exist: every test pattern of every group matches at least one file", () => {
    const empty = Object.entries(groups).flatMap(([name, g]) =>
      g.tests.filter((t) => !t.startsWith("!") && globSync(t).length === 0).map((t) => `${name}: ${t}`),
    );
    expect(empty).toEqual([]);
  });
});
