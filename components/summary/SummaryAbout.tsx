/** Section 1: the question, dates, facilitators and who took part. */
import { namesSentence, takingPartTable } from '../../lib/summary/outline';
import type { SummaryModel } from '../../lib/summary/schema';
import { dateWords } from '../../lib/summary/words';
import { SummaryTable } from './SummaryTable';

/** The "About this workshop" facts. */
export function SummaryAbout({ m }: { m: SummaryModel }) {
  return (
    <>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">Question</dt>
        <dd>{m.workshop.question}</dd>
        <dt className="font-semibold">First activity</dt>
        <dd>{dateWords(m.workshop.firstActivity)}</dd>
        <dt className="font-semibold">Last activity</dt>
        <dd>{dateWords(m.workshop.lastActivity)}</dd>
        <dt className="font-semibold">Facilitated by</dt>
        <dd>{m.facilitators.map((f) => f.label).join(', ') || 'not known'}</dd>
      </dl>
      <SummaryTable caption="Who took part" {...takingPartTable(m)} />
      <p>{namesSentence(m)}</p>
    </>
  );
}
