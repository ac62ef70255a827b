// @ts-check
import { readdirSync } from "node:fs";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import starlightLinksValidator from "starlight-links-validator";
import { basePath, devToolbar, repoUrl, siteUrl } from "./shared/project.mjs";

// The sidebar lists the chapters that exist (one MDX per chapter in the Spanish root); Starlight
// shows each entry with the page's own title in the reader's language.
const chapters = readdirSync(new URL("./site/content/docs/", import.meta.url))
  .filter((f) => /^\d\d-[\w-]+\.mdx$/.test(f))
  .sort()
  .map((f) => f.replace(/\.mdx$/, ""));

// Chapter 3 was Prompt Management until chapter 2 split in two, and its URLs were published: they
// lead to chapter 4 now. Astro puts the base in front of a redirect's source but not of its
// destination (withastro/astro#7774), so the destination carries it here.
const withBase = (path) => `${basePath.replace(/\/$/, "")}${path}`;
export const redirects = {
  "/03-managing-prompts": withBase("/04-managing-prompts/"),
  "/en/03-managing-prompts": withBase("/en/04-managing-prompts/"),
};

export default defineConfig({
  site: siteUrl,
  base: basePath,
  redirects,
  srcDir: "./site",
  publicDir: "./site/public",
  // The test build goes elsewhere (ASTRO_OUT_DIR) so `npm test` never leaves a sub-path build in dist/.
  outDir: process.env.ASTRO_OUT_DIR || "./dist",
  trailingSlash: "ignore",
  devToolbar: { enabled: devToolbar },
  integrations: [
    starlight({
      title: { es: "Guía de Amazon Bedrock", en: "Amazon Bedrock guide" },
      description: "Guía interactiva de Amazon Bedrock en TypeScript: léela, ejecútala sin conexión o contra tu cuenta.",
      defaultLocale: "root",
      locales: {
        root: { label: "Español", lang: "es" },
        en: { label: "English", lang: "en" },
      },
      sidebar: [
        {
          label: "Capítulos",
          translations: { en: "Chapters" },
          items: chapters.map((slug) => ({ slug })),
        },
        { slug: "run-it-yourself" },
        { slug: "test-offline" },
      ],
      social: repoUrl ? [{ icon: "github", label: "GitHub", href: repoUrl }] : [],
      favicon: "/favicon.svg",
      customCss: ["./site/styles/guide.css"],
      // Fails the build on a broken internal link or anchor. Pages link relatively (../00-…/) so they
      // work under any base path. External links are listed by `npm run links:external` for hand checks.
      plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
