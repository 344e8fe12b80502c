/**
 * The geometry and words of an indicator's small trend chart (issue 9): readings in date
 * order as points of one line, and the target as a dashed line, scaled to fit both. Pure,
 * so the chart and its text alternative say the same thing and are tested without a browser.
 */
import type { ReadingView } from '../../lib/protocol/recordEvents';

/** The chart's drawing area, in SVG units. */
export const CHART = { width: 320, height: 140, pad: 16 } as const;

/** One reading placed on the chart. */
export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  date: string;
}

/** Everything the SVG draws. */
export interface ChartShape {
  points: ChartPoint[];
  /** The y of the target line, or null when the target is not a number. */
  targetY: number | null;
  min: number;
  max: number;
}

/**
 * The first number in a target written in words ("At least 80%" → 80), or null. A target
 * stays free text (it is co-edited), so the chart draws it only when it holds a number.
 */
export function targetNumber(target: string): number | null {
  const match = /-?\d+(?:[.,]\d+)?/.exec(target.replace(/(\d),(\d{3})/g, '$1$2'));
  if (!match) return null;
  const n = Number(match[0].replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Readings oldest first (by date, then by when they were added). */
export function sortReadings(readings: readonly ReadingView[]): ReadingView[] {
  return [...readings].sort(
    (a, b) => a.date.localeCompare(b.date) || a.addedAt.localeCompare(b.addedAt),
  );
}

/** Place the readings and the target line. */
export function chartShape(readings: readonly ReadingView[], target: number | null): ChartShape {
  const sorted = sortReadings(readings);
  const values = sorted.map((r) => r.value);
  if (target !== null) values.push(target);
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const { width, height, pad } = CHART;
  const y = (v: number) => pad + ((max - v) / (max - min)) * (height - 2 * pad);
  const step = sorted.length > 1 ? (width - 2 * pad) / (sorted.length - 1) : 0;
  const points = sorted.map((r, i) => ({
    x: sorted.length > 1 ? pad + i * step : width / 2,
    y: y(r.value),
    value: r.value,
    date: r.date,
  }));
  return { points, targetY: target === null ? null : y(target), min, max };
}

/** The chart's text alternative: how many readings, first and latest, and the target. */
export function chartSummary(readings: readonly ReadingView[], target: number | null): string {
  const sorted = sortReadings(readings);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return 'No readings yet.';
  const aim = target === null ? '' : ` The target is ${target}.`;
  if (sorted.length === 1) return `One reading: ${first.value} on ${first.date}.${aim}`;
  const way = last.value > first.value ? 'up' : last.value < first.value ? 'down' : 'level';
  return `${sorted.length} readings. It went ${way === 'level' ? 'neither up nor down' : way}, from ${first.value} on ${first.date} to ${last.value} on ${last.date}.${aim}`;
}
