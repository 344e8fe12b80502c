/** Section 7: the balance chart (the same SVG as in DOCX and PDF), its figures, and turnout. */
import { balanceChartSvg } from '../../lib/summary/balanceChart';
import { balanceTable, turnoutTable } from '../../lib/summary/outline';
import type { SummaryModel } from '../../lib/summary/schema';
import { SummaryTable } from './SummaryTable';

/** Chart, table of characters and cards per section, and turnout per round. */
export function SummaryBalance({ m }: { m: SummaryModel }) {
  return (
    <>
      {/* Built by lib/summary/balanceChart.ts from numbers, every text escaped. */}
      {/* Focusable and named, so keyboard users can scroll the chart on a phone. */}
      {/* Drawn with 12-unit text for A4; on screen it grows with the column (to 18 px at
          most) and never shrinks below its own size, so a phone scrolls it instead. */}
      <section
        className="max-w-full overflow-x-auto bg-white [&>svg]:h-auto [&>svg]:w-full [&>svg]:min-w-[480px] [&>svg]:max-w-[720px]"
        aria-label="Balance chart"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable
        tabIndex={0}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: our own escaped SVG, the same as in DOCX and PDF
        dangerouslySetInnerHTML={{ __html: balanceChartSvg(m.balance.sections) }}
      />
      <SummaryTable caption="Characters and cards written by each group" {...balanceTable(m)} />
      {m.balance.rounds.length === 0 ? (
        <p className="italic">No voting rounds.</p>
      ) : (
        <SummaryTable caption="Turnout by round" {...turnoutTable(m)} />
      )}
    </>
  );
}
