import { escapeHtml } from "./display";

export interface ChartSeries {
  /** What the bars measure, with its unit, e.g. "Latency (ms)". */
  name: string;
  values: number[];
  /** How to print a value next to its bar. */
  format?: (value: number) => string;
}

export interface BarChartInput {
  title: string;
  /** One label per bar, e.g. model IDs. */
  categories: string[];
  /** One panel per series: metrics with different units never share an axis. */
  series: ChartSeries[];
}

const PALETTE = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626"];

/**
 * Horizontal bar charts, one panel per metric, as a standalone SVG string.
 * Plain SVG keeps it light on the page and renders in any notebook front end.
 */
export function barChart({
  title,
  categories,
  series,
}: BarChartInput): string {
  // About 7 px per character at 12 px: long model IDs must fit to the left of their bars.
  const labelWidth =
    16 + Math.ceil(7 * Math.max(...categories.map((c) => c.length), 4));
  const barArea = 300;
  const valueWidth = 90;
  const barHeight = 18;
  const gap = 6;
  const panelHeader = 26;
  const width = labelWidth + barArea + valueWidth;
  const panelHeight =
    panelHeader + categories.length * (barHeight + gap) + 10;
  const height = 36 + series.length * panelHeight;

  const panels = series.map((s, p) => {
    const top = 36 + p * panelHeight;
    const max = Math.max(
      ...s.values.map((v) => (Number.isFinite(v) ? v : 0)),
      0,
    );
    const format =
      s.format ?? ((v: number) => String(Math.round(v * 100) / 100));
    const bars = categories.map((category, i) => {
      const value = s.values[i] ?? 0;
      const y = top + panelHeader + i * (barHeight + gap);
      const w =
        max > 0 && Number.isFinite(value)
          ? Math.max(1, (value / max) * barArea)
          : 0;
      return [
        `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(category)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${PALETTE[p % PALETTE.length]}"><title>${escapeHtml(`${category}: ${format(value)}`)}</title></rect>`,
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}">${escapeHtml(format(value))}</text>`,
      ].join("");
    });
    return `<g><text x="8" y="${top + 16}" font-weight="bold">${escapeHtml(s.name)}</text>${bars.join("")}</g>`;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="15" font-weight="bold">${escapeHtml(title)}</text>`,
    ...panels,
    `</svg>`,
  ].join("\n");
}
