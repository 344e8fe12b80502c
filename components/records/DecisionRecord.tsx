'use client';
/**
 * A decision record (issue 9): its question or proposal, the options considered and why,
 * each co-edited and coloured like card text; the cards it answers; the rule and power
 * ledger (facilitators write them); the outcome; and the actions.
 */
import { memo, useState } from 'react';
import { RECORD_SCHEMA } from '../../lib/board/schema';
import type { Outcome } from '../../lib/protocol/recordEvents';
import { useBoard } from '../board/BoardContext';
import { CardBadge, CardColourInfo } from '../board/CardColourInfo';
import { recordFacts } from '../board/cardFacts';
import { type ActionCalls, ActionsPanel } from './ActionsPanel';
import { LinkChooser } from './LinkChooser';
import { OutcomePanel } from './OutcomePanel';
import { PowerLedger } from './PowerLedger';
import { RecordShell } from './RecordShell';
import { useRecordsContext } from './RecordsContext';
import { RecordTextField, recordFieldId } from './RecordTextField';
import { isRationaleRefusal } from './refusals';
import { useRecordBasics } from './useRecordBasics';

const SPEC = RECORD_SCHEMA.decision;

/** Props of `DecisionRecord`: its id and place in the Decisions section. */
export interface DecisionRecordProps {
  id: string;
  index: number;
  isLast: boolean;
}

const links = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One decision, as a full-width list item. */
export const DecisionRecord = memo(function DecisionRecord({
  id,
  index,
  isLast,
}: DecisionRecordProps) {
  const board = useBoard();
  const records = useRecordsContext();
  const basics = useRecordBasics(id, 'decisions');
  const [whyError, setWhyError] = useState<string | null>(null);
  const { view, creatorGroup, writable, facilitates } = basics;
  if (!view) return null;
  const label = `Decision ${index + 1}`;
  const saved = records.view.outcomes.find((o) => o.decisionId === id) ?? null;
  const actions = records.view.actions.filter((a) => a.decisionId === id);
  const call = facilitates ? records.call : null;
  // The whole record's colour, from every text field's characters (lib/attribution/recordColour).
  const fieldProps = { recordId: id, creatorGroup, writable };
  const facts = recordFacts(board.doc, id, board.groupOf, creatorGroup, undefined);

  const save =
    call &&
    (async (outcome: Outcome, livedDisagreed: boolean) => {
      const ack = await call('outcome:save', { decisionId: id, outcome, livedDisagreed });
      if (ack.ok) {
        setWhyError(null);
        return null;
      }
      if (isRationaleRefusal(ack)) {
        setWhyError(ack.message);
        document.getElementById(recordFieldId(id, 'rationale'))?.focus();
        return 'The outcome was not saved. Write why in the Why box first.';
      }
      return ack.message;
    });

  const actionCalls: ActionCalls | null = call && {
    add: async (what, who, byWhen) => {
      const ack = await call('action:add', { decisionId: id, what, who, byWhen });
      return ack.ok ? null : ack.message;
    },
    setStatus: async (actionId, status, reason) => {
      const ack = await call('action:status', { actionId, status, reason });
      return ack.ok ? null : ack.message;
    },
  };

  return (
    <RecordShell
      id={id}
      kind="decision"
      section="decisions"
      index={index}
      isLast={isLast}
      label={label}
      basics={basics}
      status={facts && <CardBadge facts={facts} />}
      details={facts && <CardColourInfo facts={facts} />}
    >
      <RecordTextField {...fieldProps} field="text" spec={SPEC.text} />
      <RecordTextField {...fieldProps} field="options" spec={SPEC.options} />
      <LinkChooser
        recordId={id}
        field="answers"
        spec={SPEC.answers}
        value={links(view.fields.answers)}
        writable={writable}
      />
      <PowerLedger
        recordId={id}
        rule={typeof view.fields.rule === 'string' ? view.fields.rule : null}
        writable={facilitates}
        creatorGroup={creatorGroup}
      />
      <RecordTextField
        {...fieldProps}
        field="rationale"
        spec={SPEC.rationale}
        error={whyError}
        hint="Why this outcome? Needed when it goes against what people with lived experience asked for."
      />
      <OutcomePanel recordId={id} saved={saved} save={save} />
      <ActionsPanel recordId={id} actions={actions} calls={actionCalls} />
    </RecordShell>
  );
});
