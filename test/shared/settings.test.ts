// The page language from a locale, and the deployment settings read from the environment.
import { afterEach, describe, expect, it, vi } from "vitest";
import { langOf } from "../../shared/i18n";

describe("langOf", () => {
  it("is English for en and its regional variants, Spanish otherwise", () => {
    expect([langOf("en"), langOf("en-GB"), langOf("es"), langOf("es-ES"), langOf("fr"), langOf("ten"), langOf(undefined)]).toEqual([
      "en",
      "en",
      "es",
      "es",
      "es",
      "es",
      "es",
    ]);
  });
});

describe("shared/project.mjs", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  const load = async (env: Record<string, string>) => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    vi.resetModules();
    return import("../../shared/project.mjs");
  };

  it("takes BASE_PATH without its extra slashes, and builds the notebooks' link base from it", async () => {
    const p = await load({ SITE_URL: "https://guide.example//", BASE_PATH: "//guide/es//" });
    expect([p.siteUrl, p.basePath, p.publishedBase]).toEqual(["https://guide.example", "/guide/es", "https://guide.example/guide/es/"]);
  });

  it("takes the repository without trailing slashes, the main branch by default, and the example site when unset", async () => {
    const p = await load({ SITE_URL: "", BASE_PATH: "", REPO_URL: "https://github.com/o/r//", REPO_BRANCH: "" });
    expect([p.siteUrl, p.basePath, p.repoUrl, p.repoBranch]).toEqual(["https://bedrock-guide.example.org", "/", "https://github.com/o/r", "main"]);
    const q = await load({ REPO_URL: "", REPO_BRANCH: "dev" });
    expect([q.repoUrl, q.repoBranch]).toEqual(["", "dev"]);
  });

  it("serves from the root when BASE_PATH is only slashes", async () => {
    const p = await load({ SITE_URL: "https://guide.example", BASE_PATH: "///" });
    expect([p.basePath, p.publishedBase]).toEqual(["/", "https://guide.example/"]);
  });
});
