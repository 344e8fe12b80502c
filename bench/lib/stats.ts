/**
 * Statistics for the benchmark: percentiles, medians and seeded bootstrap confidence
 * intervals, so every figure in RESULTS.md is reproducible from results.json.
 */
import { prng } from '../../lib/prng';

/** A small seeded PRNG (mulberry32); the bootstrap must give the same CI on every run. */
export const seededRandom = prng;

/** The q-quantile (0..1) of `values` by linear interpolation; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, q);
}

/** quantile() for an already sorted array. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** A median with its bootstrap confidence interval. */
export interface Estimate {
  median: number;
  lo: number;
  hi: number;
  n: number;
  /** The per-run values the estimate was made from. */
  runs: number[];
}

/** Median of `runs` with a seeded percentile-bootstrap CI (default 95 %, 2,000 resamples). */
export function bootstrapMedian(
  runs: readonly number[],
  opts: { resamples?: number; confidence?: number; seed?: number } = {},
): Estimate {
  const values = runs.filter((v) => Number.isFinite(v));
  const { resamples = 2000, confidence = 0.95, seed = 20261 } = opts;
  if (values.length === 0)
    return { median: Number.NaN, lo: Number.NaN, hi: Number.NaN, n: 0, runs: [] };
  const rand = seededRandom(seed);
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < values.length; i++) {
      sample[i] = values[Math.floor(rand() * values.length)] ?? Number.NaN;
    }
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  const alpha = (1 - confidence) / 2;
  return {
    median: median(values),
    lo: quantileSorted(medians, alpha),
    hi: quantileSorted(medians, 1 - alpha),
    n: values.length,
    runs: [...values],
  };
}

/** Purple ÷ reference, with a bootstrap CI on the ratio of medians (paired by resampling each side). */
export function bootstrapRatio(
  purple: readonly number[],
  reference: readonly number[],
  opts: { resamples?: number; seed?: number } = {},
): { ratio: number; lo: number; hi: number } {
  const a = purple.filter(Number.isFinite);
  const b = reference.filter(Number.isFinite);
  if (a.length === 0 || b.length === 0)
    return { ratio: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const { resamples = 2000, seed = 7919 } = opts;
  const rand = seededRandom(seed);
  const pick = (xs: readonly number[]) => {
    const s = new Array<number>(xs.length);
    for (let i = 0; i < xs.length; i++) s[i] = xs[Math.floor(rand() * xs.length)] ?? Number.NaN;
    return median(s);
  };
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) ratios.push(pick(a) / pick(b));
  ratios.sort((x, y) => x - y);
  return {
    ratio: median(a) / median(b),
    lo: quantileSorted(ratios, 0.025),
    hi: quantileSorted(ratios, 0.975),
  };
}
