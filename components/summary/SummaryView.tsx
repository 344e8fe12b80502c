/**
 * The summary page (issue 10): every section of the model in order, downloads and (for
 * facilitators) the settings. Prints on A4: no controls, each section from a new page,
 * colour always also in words.
 */
import type { SummaryPageData } from '../../lib/summary/pageData';
import { decisionLines, indicatorLines } from '../../lib/summary/recordLines';
import { AGAINST_LIVED_PREFIX } from '../../lib/summary/records';
import { SUMMARY_HEADINGS as H, statusWords } from '../../lib/summary/words';
import { SummaryAbout } from './SummaryAbout';
import { SummaryBalance } from './SummaryBalance';
import { SummaryCards } from './SummaryCards';
import { SummaryDownloads } from './SummaryDownloads';
import { SummarySection } from './SummarySection';
import { SummarySettingsForm } from './SummarySettingsForm';

/** The whole summary page for one viewer. */
export function SummaryView({ data }: { data: SummaryPageData }) {
  const m = data.model;
  return (
    <article className="mx-auto max-w-3xl px-4 py-8 text-lg print:max-w-none print:p-0 print:text-[11pt]">
      <p className="mb-2 print:hidden">
        <a
          href={`/w/${m.workshop.id}`}
          className="font-semibold text-joint-edge dark:text-joint-fill"
        >
          Back to the board
        </a>
      </p>
      <h1 className="font-extrabold text-3xl">{m.workshop.title}: workshop summary</h1>
      <p className="mt-2 mb-6 italic">{statusWords(m)}</p>
      <SummaryDownloads workshopId={m.workshop.id} />
      {data.canManage && (
        <SummarySettingsForm workshopId={m.workshop.id} settings={data.settings} />
      )}
      <SummarySection id="about" n={1} title={H.about}>
        <SummaryAbout m={m} />
      </SummarySection>
      <SummarySection id="context" n={2} title={H.context}>
        <SummaryCards cards={m.context} empty="Nothing was added to the context." />
      </SummarySection>
      <SummarySection id="priorities" n={3} title={H.priorities}>
        <SummaryCards cards={m.priorities} empty="No joint priorities yet." />
      </SummarySection>
      <SummarySection id="decisions" n={4} title={H.decisions}>
        <SummaryCards
          cards={m.decisions}
          empty="No decisions yet."
          details={decisionLines}
          standsOut={(line) => line.startsWith(AGAINST_LIVED_PREFIX)}
        />
      </SummarySection>
      <SummarySection id="indicators" n={5} title={H.indicators}>
        <SummaryCards
          cards={m.indicators}
          empty="No quality indicators yet."
          details={indicatorLines}
        />
      </SummarySection>
      <SummarySection id="you-said" n={6} title={H.youSaid}>
        {m.youSaidWeDid.length === 0 ? (
          <p className="italic">No priorities yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {m.youSaidWeDid.map((y) => (
              <li key={y.cardId}>
                {y.text}: <strong>{y.outcome}</strong>
              </li>
            ))}
          </ul>
        )}
      </SummarySection>
      <SummarySection id="balance" n={7} title={H.balance}>
        <SummaryBalance m={m} />
      </SummarySection>
      <SummarySection id="limits" n={8} title={H.limits}>
        <ul className="list-disc pl-6">
          {m.limits.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </SummarySection>
    </article>
  );
}
