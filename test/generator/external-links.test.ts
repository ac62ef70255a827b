import { describe, expect, it } from "vitest";
import { externalLinks, report } from "../../scripts/external-links";

// `npm run links:external` prints the external links of every page for checking by hand.
describe("external links report", () => {
  it("finds the pages' external links, each with the pages that use it", () => {
    const links = externalLinks();
    expect(links.size).toBeGreaterThan(5);
    for (const [url, pages] of links) {
      expect(url).toMatch(/^https?:\/\/[^/]+/);
      expect(url).not.toMatch(/[.,;:)]$/);
      expect(pages.every((p) => p.startsWith("site/content/docs/"))).toBe(true);
    }
    // Both languages of a chapter usually cite the same source.
    expect([...links.values()].some((pages) => pages.some((p) => p.includes("/en/")) && pages.some((p) => !p.includes("/en/")))).toBe(true);
  });

  it("prints one line per link", () => {
    expect(report().split("\n").filter((l) => l.startsWith("- <")).length).toBe(externalLinks().size);
  });
});
