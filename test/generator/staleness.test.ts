import { describe, expect, it } from "vitest";
import { committedOutputs, generateAll, generateNotebooks } from "../../generator/generate";

// The notebooks and the site's offline samples are generated from the pages and snippets and committed.
// If this fails, run `npm run notebooks:generate` and commit the result.
describe("generated files are up to date", () => {
  it("notebooks/ and site/assets/samples/ match what the generator produces now", async () => {
    const wanted = await generateAll();
    const committed = committedOutputs();
    expect(wanted.size).toBeGreaterThan(0);
    const stale = [...wanted].filter(([path, data]) => !committed.get(path)?.equals(data)).map(([path]) => path);
    const orphans = [...committed.keys()].filter((path) => !wanted.has(path));
    expect({ stale, orphans }, "run `npm run notebooks:generate`").toEqual({ stale: [], orphans: [] });
  });

  it("every chapter page has a notebook in both languages", () => {
    const wanted = generateNotebooks();
    const notebooks = [...wanted.keys()].filter((p) => p.endsWith(".ipynb"));
    const es = notebooks.filter((p) => p.startsWith("notebooks/es/")).map((p) => p.slice(13));
    const en = notebooks.filter((p) => p.startsWith("notebooks/en/")).map((p) => p.slice(13));
    expect(es.length).toBeGreaterThan(0);
    expect(en).toEqual(es);
  });
});
