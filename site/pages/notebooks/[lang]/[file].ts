// Serves the committed notebooks from the site itself, so pages can offer them as downloads
// even before the repository URL is configured.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";

const root = join(process.cwd(), "notebooks");

export const getStaticPaths = (() =>
  ["es", "en"].flatMap((lang) =>
    readdirSync(join(root, lang))
      .filter((f) => f.endsWith(".ipynb"))
      .map((file) => ({ params: { lang, file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(root, params.lang!, params.file!)), {
    headers: { "Content-Type": "application/x-ipynb+json" },
  });
