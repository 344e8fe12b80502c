import { describe, expect, it } from 'vitest';
import type { ReadingView } from '../../lib/protocol/recordEvents';
import { CHART, chartShape, chartSummary, targetNumber } from './readingsChart';

const reading = (value: number, date: string, addedAt = '2026-01-01T00:00:00Z'): ReadingView => ({
  id: `r${date}${value}`,
  indicatorId: 'i1',
  value,
  date,
  note: '',
  addedBy: 'Fran',
  addedByGroup: 'system',
  addedAt,
});

describe('targetNumber', () => {
  it('reads the first number in words, and nothing when there is none', () => {
    expect(targetNumber('At least 80%')).toBe(80);
    expect(targetNumber('Under 2.5 days')).toBe(2.5);
    expect(targetNumber('1,200 calls')).toBe(1200);
    expect(targetNumber('-3')).toBe(-3);
    expect(targetNumber('More than now')).toBeNull();
  });
});

describe('chartShape', () => {
  it('puts readings in date order left to right, higher values higher up', () => {
    const shape = chartShape([reading(70, '2026-03-01'), reading(50, '2026-01-01')], 80);
    expect(shape.points.map((p) => p.date)).toEqual(['2026-01-01', '2026-03-01']);
    const [a, b] = shape.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.y).toBeLessThan(a!.y);
    // The target is the highest value, so its line is at the top of the drawing area.
    expect(shape.targetY).toBe(CHART.pad);
    expect(a!.y).toBe(CHART.height - CHART.pad);
  });

  it('centres a single reading, and keeps a flat line inside the area', () => {
    const shape = chartShape([reading(5, '2026-01-01')], null);
    expect(shape.points[0]!.x).toBe(CHART.width / 2);
    expect(shape.points[0]!.y).toBeGreaterThan(0);
    expect(shape.points[0]!.y).toBeLessThan(CHART.height);
    expect(shape.targetY).toBeNull();
  });
});

describe('chartSummary', () => {
  it('says the trend, the ends and the target in words', () => {
    expect(chartSummary([], 80)).toBe('No readings yet.');
    expect(chartSummary([reading(50, '2026-01-01'), reading(70, '2026-03-01')], 80)).toBe(
      '2 readings. It went up, from 50 on 2026-01-01 to 70 on 2026-03-01. The target is 80.',
    );
    expect(chartSummary([reading(5, '2026-01-01')], null)).toBe('One reading: 5 on 2026-01-01.');
  });
});
