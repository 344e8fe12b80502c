'use client';
/**
 * An indicator's readings (issue 9): a small SVG trend line against the target, with a
 * text alternative, and a table of the same numbers (the accessible version). The line
 * is solid and the target dashed and labelled, so colour is never the only cue.
 */
import { useId } from 'react';
import type { ReadingView } from '../../lib/protocol/recordEvents';
import { CHART, chartShape, chartSummary, sortReadings, targetNumber } from './readingsChart';

/** Props of `Readings`. */
export interface ReadingsProps {
  readings: readonly ReadingView[];
  /** The indicator's target, in words; drawn when it holds a number. */
  target: string;
  /** The indicator's name, for the table's caption. */
  name: string;
}

/** The chart and the table of an indicator's readings. */
export function Readings({ readings, target, name }: ReadingsProps) {
  const titleId = useId();
  const aim = targetNumber(target);
  if (readings.length === 0) return <p className="italic">No readings yet.</p>;
  const shape = chartShape(readings, aim);
  const line = shape.points.map((p) => `${p.x},${p.y}`).join(' ');
  return (
    <div className="space-y-2" data-testid="readings">
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full max-w-sm rounded-md border-2 border-ink bg-white"
        data-testid="readings-chart"
      >
        <title id={titleId}>{chartSummary(readings, aim)}</title>
        {shape.targetY !== null && (
          <g>
            <line
              x1={CHART.pad}
              x2={CHART.width - CHART.pad}
              y1={shape.targetY}
              y2={shape.targetY}
              stroke="#0B0C0C"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
            <text x={CHART.pad} y={Math.max(12, shape.targetY - 4)} fontSize="12" fill="#0B0C0C">
              {`Target ${aim}`}
            </text>
          </g>
        )}
        <polyline points={line} fill="none" stroke="#330072" strokeWidth="3" />
        {shape.points.map((p) => (
          <circle key={`${p.date}-${p.x}`} cx={p.x} cy={p.y} r="5" fill="#330072" />
        ))}
      </svg>
      <table className="w-full max-w-sm border-collapse text-left text-sm">
        <caption className="text-left font-semibold">{`Readings of “${name}”`}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-ink py-1 pr-2">
              Date
            </th>
            <th scope="col" className="border-b-2 border-ink py-1 pr-2">
              Value
            </th>
            <th scope="col" className="border-b-2 border-ink py-1">
              Note
            </th>
          </tr>
        </thead>
        <tbody>
          {sortReadings(readings).map((r) => (
            <tr key={r.id}>
              <td className="border-b border-neutral-400 py-1 pr-2">{r.date}</td>
              <td className="border-b border-neutral-400 py-1 pr-2">{r.value}</td>
              <td className="border-b border-neutral-400 py-1">
                {r.note}
                {r.addedBy && <span className="block text-xs">{`Added by ${r.addedBy}`}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
