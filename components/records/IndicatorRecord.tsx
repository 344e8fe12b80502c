'use client';
/**
 * A quality indicator record (issue 9): its statement and the fields that make it
 * measurable, each co-edited and coloured like card text; the priorities it serves;
 * adoption ("Adopt" is an endorsement of every field at once, one from each group); the
 * drift message when one group changed it since; and its readings as a chart and a table.
 */
import { memo, useState } from 'react';
import { fieldText, recordHash, setFieldValue } from '../../lib/board/records';
import { RECORD_SCHEMA } from '../../lib/board/schema';
import { useBoard } from '../board/BoardContext';
import { CardBadge, CardColourInfo } from '../board/CardColourInfo';
import { WarningIcon } from '../board/CardStatus';
import { driftSentence, recordFacts } from '../board/cardFacts';
import { ErrorLine } from '../board/ErrorLine';
import { LOCAL_ORIGIN } from '../board/localOrigin';
import { useAgreement } from '../board/useAgreement';
import { Button } from '../ui/Button';
import { adoptionWords } from './adoption';
import { quote } from './fate';
import { LinkChooser } from './LinkChooser';
import { ReadingForm } from './ReadingForm';
import { Readings } from './Readings';
import { RecordShell } from './RecordShell';
import { useRecordsContext } from './RecordsContext';
import { RecordTextField } from './RecordTextField';
import { useRecordBasics } from './useRecordBasics';

const SPEC = RECORD_SCHEMA.indicator;
const SHORT = ['measure', 'target', 'baseline', 'dataSource', 'owner'] as const;

/** Props of `IndicatorRecord`: its id and place in the Quality indicators section. */
export interface IndicatorRecordProps {
  id: string;
  index: number;
  isLast: boolean;
}

/** One indicator, as a full-width list item. */
export const IndicatorRecord = memo(function IndicatorRecord({
  id,
  index,
  isLast,
}: IndicatorRecordProps) {
  const board = useBoard();
  const records = useRecordsContext();
  const agreement = useAgreement(board.agreements, id);
  const basics = useRecordBasics(id, 'indicators');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { view, creatorGroup, writable } = basics;
  const main = fieldText(board.doc, id, 'text');
  const facts = recordFacts(board.doc, id, board.groupOf, creatorGroup, agreement);
  if (!view || !main || !facts) return null;
  const hash = recordHash(view);
  const fieldProps = { recordId: id, creatorGroup, writable, agreement, hash };
  const adopted = facts.agreedBy.has('people') && facts.agreedBy.has('system');
  const label = `Quality indicator ${index + 1}`;
  const readings = records.view.readings.filter((r) => r.indicatorId === id);
  const target = typeof view.fields.target === 'string' ? view.fields.target : '';
  const reviewDate = typeof view.fields.reviewDate === 'string' ? view.fields.reviewDate : '';
  const serves = Array.isArray(view.fields.serves) ? view.fields.serves : [];
  const call = records.call;

  async function adopt() {
    if (!call || busy) return;
    setBusy(true);
    setError(null);
    board.focus.request(id, 'status');
    const ack = await call('card:endorse', { cardId: id, textHash: hash });
    setBusy(false);
    if (!ack.ok) {
      board.focus.take(id);
      setError(ack.message);
    }
  }

  const status = (
    <span className="inline-flex flex-wrap items-center gap-2">
      <CardBadge facts={facts} />
      <span
        data-testid="adoption"
        className={
          adopted
            ? 'rounded-md border-4 border-joint-edge border-double px-1.5 font-bold'
            : 'font-semibold'
        }
      >
        {adoptionWords(facts.agreedBy)}
        {facts.youAgreed && !adopted ? ' · you adopted it' : ''}
      </span>
      {facts.driftedBy && (
        <span
          data-testid="drift"
          className="inline-flex items-center gap-1 rounded-md border-2 border-ink bg-white px-1.5 font-bold text-sm"
        >
          <WarningIcon />
          {driftSentence(facts.driftedBy)}
        </span>
      )}
    </span>
  );

  return (
    <RecordShell
      id={id}
      kind="indicator"
      section="indicators"
      index={index}
      isLast={isLast}
      label={label}
      basics={basics}
      status={status}
      details={<CardColourInfo facts={facts} />}
    >
      <RecordTextField {...fieldProps} field="text" spec={SPEC.text} />
      <div className="grid gap-2 sm:grid-cols-2">
        {SHORT.map((field) => (
          <RecordTextField key={field} {...fieldProps} field={field} spec={SPEC[field]} />
        ))}
        <div className="space-y-1 p-1.5">
          {writable ? (
            <>
              <label htmlFor={`${id}-reviewDate`} className="block font-bold">
                {SPEC.reviewDate.label}
              </label>
              <input
                id={`${id}-reviewDate`}
                type="date"
                value={reviewDate}
                onChange={(event) =>
                  setFieldValue(
                    board.doc,
                    id,
                    'reviewDate',
                    event.currentTarget.value || null,
                    LOCAL_ORIGIN,
                  )
                }
                className="block min-h-11 rounded-md border-2 border-ink bg-white px-2 text-ink"
              />
            </>
          ) : (
            <p>
              <span className="font-bold">{`${SPEC.reviewDate.label}: `}</span>
              {reviewDate || 'Not set yet.'}
            </p>
          )}
        </div>
      </div>
      <LinkChooser
        recordId={id}
        field="serves"
        spec={SPEC.serves}
        value={serves}
        writable={writable}
      />
      <section
        aria-label="Adoption"
        className="space-y-1 rounded-md border-2 border-ink bg-white p-2"
      >
        <h4 className="font-bold">Adoption</h4>
        <p className="text-sm">
          An indicator is adopted when someone from each group adopts it as it is now. Any change
          ends it until both adopt it again.
        </p>
        {board.canWrite && !facts.youAgreed && main.toString().trim() !== '' && (
          <Button
            small
            aria-label="Adopt this indicator as it is now"
            aria-disabled={busy || undefined}
            onClick={adopt}
            className="min-h-11"
          >
            Adopt
          </Button>
        )}
        {error && <ErrorLine message={error} />}
      </section>
      <section
        aria-label="Readings"
        className="space-y-2 rounded-md border-2 border-ink bg-white p-2"
      >
        <h4 className="font-bold">Readings</h4>
        <Readings readings={readings} target={target} name={quote(main.toString(), 60)} />
        {board.canWrite && call && (
          <ReadingForm
            recordId={id}
            add={async (value, date, note) => {
              const ack = await call('reading:add', { indicatorId: id, value, date, note });
              return ack.ok ? null : ack.message;
            }}
          />
        )}
      </section>
    </RecordShell>
  );
});
