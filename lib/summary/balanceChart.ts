/**
 * The Balance chart (issue 10 §7), drawn once as SVG so the page, the DOCX and the PDF show
 * the same figures from the same code: one stacked bar per section of the share of
 * characters each group wrote, with the percentages written on the bar and a key in words.
 */
import type { SectionBalance } from './schema';
import { percent } from './words';

/** Group fills from ACCESSIBILITY.md, with the dark text colour that reads on both. */
export const CHART_COLOURS = { people: '#DD8EB2', system: '#A2D8FD', text: '#0B0C0C' } as const;

/** One rectangle of the chart, also used to rasterise it. */
export interface ChartRect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

const LABEL_W = 150;
const BAR_W = 320;
const ROW_H = 34;
const BAR_H = 22;
const TOP = 28;

/** Width and height of the chart in user units (pixels on the page, points in PDF). */
export function chartSize(rows: number): { width: number; height: number } {
  return { width: LABEL_W + BAR_W + 10, height: TOP + rows * ROW_H + 6 };
}

/** The bars' rectangles, in row order. */
export function chartRects(sections: SectionBalance[]): ChartRect[] {
  const out: ChartRect[] = [];
  sections.forEach((s, i) => {
    const total = s.chars.people + s.chars.system;
    const y = TOP + i * ROW_H;
    const pw = total === 0 ? 0 : (s.chars.people / total) * BAR_W;
    out.push({ x: LABEL_W, y, w: BAR_W, h: BAR_H, fill: '#FFFFFF' });
    if (pw > 0) out.push({ x: LABEL_W, y, w: pw, h: BAR_H, fill: CHART_COLOURS.people });
    if (total > 0 && pw < BAR_W)
      out.push({ x: LABEL_W + pw, y, w: BAR_W - pw, h: BAR_H, fill: CHART_COLOURS.system });
  });
  return out;
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function rowLabel(s: SectionBalance): string {
  const total = s.chars.people + s.chars.system;
  if (total === 0) return 'nothing written';
  const p = s.chars.people / total;
  return `lived experience ${percent(p)}, staff ${percent(1 - p)}`;
}

/** The chart as a standalone SVG document (title and description for screen readers). */
export function balanceChartSvg(sections: SectionBalance[]): string {
  const { width, height } = chartSize(sections.length);
  const font = `font-family="Noto Sans, Arial, sans-serif" font-size="12" fill="${CHART_COLOURS.text}"`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="bc-t bc-d">`,
    '<title id="bc-t">Share of writing by group, per section</title>',
    `<desc id="bc-d">${esc(sections.map((s) => `${s.title}: ${rowLabel(s)}`).join('. '))}.</desc>`,
    `<text x="0" y="14" ${font}>Pink: lived experience. Blue: staff. Share of characters written.</text>`,
  ];
  for (const r of chartRects(sections))
    parts.push(
      `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${r.fill}" stroke="${CHART_COLOURS.text}" stroke-width="1"/>`,
    );
  sections.forEach((s, i) => {
    const y = TOP + i * ROW_H + 15;
    parts.push(`<text x="0" y="${y}" ${font}>${esc(s.title)}</text>`);
    parts.push(`<text x="${LABEL_W + 6}" y="${y}" ${font}>${esc(rowLabel(s))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
