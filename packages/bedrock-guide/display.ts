import { host } from "./host";

// Rich output goes to the host's display (tslab's inside a notebook, the page's output element in
// a browser); everywhere else (tests, a terminal) the same calls print plain text, so a snippet
// never has to ask where it runs.

// Any plain object is a row; interfaces have no index signature, so rows are read through `field`.
type Row = object;

function field(row: Row, column: string): unknown {
  return (row as Record<string, unknown>)[column];
}

const richDisplay = () => host().display();

/** True where show.* displays rich output: a notebook run by tslab, or a page that provides a display. */
export function inNotebook(): boolean {
  return richDisplay() !== undefined;
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function columnsOf(rows: Row[], columns?: string[]): string[] {
  if (columns) return columns;
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export interface TableOptions {
  columns?: string[];
  caption?: string;
}

export function htmlTable(rows: Row[], options: TableOptions = {}): string {
  const columns = columnsOf(rows, options.columns);
  const numeric = columns.map(
    (c) =>
      rows.length > 0 &&
      rows.every(
        (r) => field(r, c) === undefined || typeof field(r, c) === "number",
      ),
  );
  const align = (i: number) =>
    numeric[i] ? ' style="text-align:right"' : "";
  const head = columns
    .map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`)
    .join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${columns.map((c, i) => `<td${align(i)}>${escapeHtml(cellText(field(r, c)))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const caption = options.caption
    ? `<caption>${escapeHtml(options.caption)}</caption>`
    : "";
  return `<table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

export function textTable(rows: Row[], options: TableOptions = {}): string {
  const columns = columnsOf(rows, options.columns);
  const cells = rows.map((r) => columns.map((c) => cellText(field(r, c))));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => row[i].length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const out = [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...cells.map(line),
  ];
  if (options.caption) out.unshift(options.caption);
  return out.join("\n");
}

/** Show results the way the place you run them can: rich in a notebook, text elsewhere. */
export const show = {
  table(rows: Row[], options: TableOptions = {}): void {
    const display = richDisplay();
    if (display) display.html(htmlTable(rows, options));
    else console.log(textTable(rows, options));
  },
  markdown(markdown: string): void {
    const display = richDisplay();
    if (display) display.markdown(markdown);
    else console.log(markdown);
  },
  svg(svg: string, description = "SVG"): void {
    const display = richDisplay();
    if (display) display.svg(svg);
    else
      console.log(
        `[${description}: ${svg.length} bytes of SVG; run this in a notebook to see it]`,
      );
  },
  png(png: Uint8Array, description = "PNG"): void {
    const display = richDisplay();
    if (display) display.png(png);
    else
      console.log(
        `[${description}: ${png.length} bytes of PNG; run this in a notebook to see it]`,
      );
  },
};
