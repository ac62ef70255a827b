// Deployment settings of the guide, in one place. Each can be overridden from the environment at build time.

/** Public URL of the published site (used for the sitemap and for absolute links in notebooks). */
export const siteUrl = (process.env.SITE_URL || "https://bedrock-guide.example.org").replace(/\/+$/, "");

/** Sub-path the site is served under, e.g. "/guide" (Starlight wants it without a trailing slash). */
export const basePath = normalizeBase(process.env.BASE_PATH || "/");

/**
 * GitHub repository that hosts the notebooks, e.g. "https://github.com/owner/bedrock-guide".
 * Empty until the project is published: pages then offer the notebook as a download from the site itself.
 */
export const repoUrl = (process.env.REPO_URL || "").replace(/\/+$/, "");

/** Branch the notebook links point to. */
export const repoBranch = process.env.REPO_BRANCH || "main";

/** Base of the guide's pages as notebooks should link to them: the published site with its base path. */
export const publishedBase = `${siteUrl}${basePath.replace(/\/$/, "")}/`;

/**
 * Astro's developer toolbar, on for `npm run dev`. `npm start` serves the guide to a reader, not to
 * someone developing the site, and turns it off (GUIDE_DEV_TOOLBAR=off).
 */
export const devToolbar = process.env.GUIDE_DEV_TOOLBAR !== "off";

function normalizeBase(base) {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "/";
}
