// Turns a cell's Jupyter outputs into what the site shows, and makes them the same from run to run:
// the emulator's port, timestamps, generated IDs and measured times differ on every run, so they are
// replaced with labelled placeholders (a regenerated file then only changes when the guide does).
import type { CellOutput } from "../shared/cell-outputs";
import type { Lang } from "../shared/i18n";

export type { CellOutput };

interface RawCell {
  snippet: string;
  hash: string;
  outputs: Record<string, unknown>[];
}

const joined = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

const PLACEHOLDER = {
  es: { port: "<puerto>", time: "<fecha y hora>", varies: "(varía)", id: "<id>" },
  en: { port: "<port>", time: "<timestamp>", varies: "(varies)", id: "<id>" },
} as const;

const IMAGE_ALT = { es: "Imagen generada sin conexión por el emulador", en: "Image produced offline by the emulator" } as const;

/** Header words of a table column that holds a time measured on the machine that ran the notebook. */
const MEASURED = /\b(?:measured|medid[oa]s?|medios?|mean|average|avg|promedio|latency|latencia|elapsed|wall)\b/i;

export function normaliseOutputs(cells: RawCell[], opts: { lang: Lang; assetPrefix: string }) {
  const p = PLACEHOLDER[opts.lang];
  const files = new Map<string, Buffer>();

  // Generated resource IDs (Prompt Management's 10-character IDs) get stable names in order of appearance.
  const everything = cells.flatMap((c) => c.outputs).map((o) => JSON.stringify(o)).join("\n");
  // They show in ARNs, in table cells of their own and as `id` fields.
  const ID = /:prompt\/([A-Z0-9]{10})\b|<td>([A-Z0-9]{10})<\/td>|\b(?:id|promptId|promptIdentifier)\\?["']?:\s*\\?["']([A-Z0-9]{10})\b/g;
  const ids = [...new Set([...everything.matchAll(ID)].map((m) => m[1] ?? m[2] ?? m[3]!))];
  const idName = new Map(ids.map((id, i) => [id, `${p.id.slice(0, -1)}-${i + 1}>`]));

  // In HTML a placeholder is text, so its angle brackets are escaped: raw, "<id-1>" reads as an
  // unknown tag, which the site's sanitiser drops, leaving an empty cell or an ARN ending in "/:1".
  const clean = (s: string, asText: (placeholder: string) => string = (x) => x) => {
    let out = s
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, "")
      .replace(/\b(https?:\/\/)(?:127\.0\.0\.1|localhost|\[::1\]):\d+/g, `$1127.0.0.1:${asText(p.port)}`)
      .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)\b/g, asText(p.time));
    for (const [id, name] of idName) out = out.split(id).join(asText(name));
    return out;
  };

  const out = cells.map((cell, index) => {
    const outputs: CellOutput[] = [];
    for (const o of cell.outputs) {
      if (o.output_type === "stream") {
        const stream = o.name === "stderr" ? "stderr" : "stdout";
        const last = outputs.at(-1);
        const t = clean(joined(o.text));
        // Streamed text arrives in fragments; the page shows it as the reader would see it in the end.
        if (last?.type === "text" && last.stream === stream) last.text += t;
        else outputs.push({ type: "text", stream, text: t });
        continue;
      }
      if (o.output_type === "error") {
        outputs.push({ type: "text", stream: "stderr", text: clean(`${o.ename}: ${o.evalue}`) });
        continue;
      }
      const data = (o.data ?? {}) as Record<string, unknown>;
      const n = outputs.length + 1;
      if (data["image/svg+xml"]) {
        const svg = clean(joined(data["image/svg+xml"]));
        const file = `${opts.assetPrefix}/${index}-${n}.svg`;
        files.set(file, Buffer.from(svg.endsWith("\n") ? svg : `${svg}\n`));
        const label = /<svg\b[^>]*\baria-label="([^"]*)"/.exec(svg)?.[1] ?? /<title>([^<]*)<\/title>/.exec(svg)?.[1];
        outputs.push({ type: "svg", file, alt: decodeEntities(label ?? IMAGE_ALT[opts.lang]) });
      } else if (data["image/png"]) {
        const file = `${opts.assetPrefix}/${index}-${n}.png`;
        files.set(file, Buffer.from(joined(data["image/png"]).replace(/\s+/g, ""), "base64"));
        outputs.push({ type: "png", file, alt: IMAGE_ALT[opts.lang] });
      } else if (data["text/html"]) {
        outputs.push({ type: "html", html: measuredColumns(clean(joined(data["text/html"]), escapeHtml), p.varies) });
      } else if (data["text/markdown"]) {
        outputs.push({ type: "markdown", text: clean(joined(data["text/markdown"])) });
      } else if (data["text/plain"]) {
        const t = clean(joined(data["text/plain"]));
        if (t.trim() && t.trim() !== "undefined") outputs.push({ type: "text", stream: "stdout", text: t.endsWith("\n") ? t : `${t}\n` });
      }
    }
    for (const o of outputs) if (o.type === "text") o.text = measuredTimes(o.text, p.varies);
    return { snippet: cell.snippet, hash: cell.hash, outputs };
  });
  return { cells: out, files };
}

/** Cells of table columns whose header names a measured time are replaced (they change on every run). */
export function measuredColumns(html: string, varies: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? "";
    const headers = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    const measured = new Set(headers.flatMap((h, i) => (MEASURED.test(h) && /\bms\b|\(ms\)|seconds|segundos|\bs\b/.test(h) ? [i] : [])));
    if (!measured.size) return table;
    return table.replace(/<tr>([\s\S]*?)<\/tr>/g, (row, inner: string) => {
      if (!/<td\b/.test(inner)) return row;
      let i = -1;
      return `<tr>${inner.replace(/<td\b([^>]*)>([\s\S]*?)<\/td>/g, (cell, attrs: string) => (++i, measured.has(i) ? `<td${attrs}>${varies}</td>` : cell))}</tr>`;
    });
  });
}

/** "… in 123 ms" / "123.4 ms" measured in text: the number is replaced, the unit kept. */
export function measuredTimes(text: string, varies: string): string {
  return text.replace(/\b\d+(?:[.,]\d+)?\s?ms\b/g, `${varies} ms`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
