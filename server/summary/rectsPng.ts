/**
 * A PNG of rectangles (`pngjs`), the fallback image Word needs beside an embedded SVG:
 * the chart's bars from the same `chartRects` as the SVG, or an icon's swatch.
 */
import { PNG } from 'pngjs';
import type { ChartRect } from '../../lib/summary/balanceChart';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Draw `rects` (filled, with a dark edge) on a white canvas of `width` × `height`. */
export function rectsPng(width: number, height: number, rects: readonly ChartRect[]): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const r of rects) {
    const [cr, cg, cb] = rgb(r.fill);
    const x0 = Math.max(0, Math.round(r.x));
    const y0 = Math.max(0, Math.round(r.y));
    const x1 = Math.min(width, Math.round(r.x + r.w));
    const y1 = Math.min(height, Math.round(r.y + r.h));
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const edge = x === x0 || y === y0 || x === x1 - 1 || y === y1 - 1;
        const i = (y * width + x) * 4;
        png.data[i] = edge ? 11 : cr;
        png.data[i + 1] = edge ? 12 : cg;
        png.data[i + 2] = edge ? 12 : cb;
        png.data[i + 3] = 255;
      }
  }
  return PNG.sync.write(png);
}
