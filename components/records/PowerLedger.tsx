'use client';
/**
 * How a decision is decided and the power ledger (issue 9): the rule, who it was passed on
 * to, who holds the budget or the veto, and what is out of the room's hands. Facilitators
 * write them; everyone else reads them as plain words.
 */
import { setFieldValue } from '../../lib/board/records';
import {
  DECISION_RULE_LABEL,
  DECISION_RULES,
  type DecisionRule,
  RECORD_SCHEMA,
} from '../../lib/board/schema';
import type { Group } from '../../lib/roles';
import { useBoard } from '../board/BoardContext';
import { LOCAL_ORIGIN } from '../board/localOrigin';
import { RecordTextField } from './RecordTextField';

const SPEC = RECORD_SCHEMA.decision;
const LEDGER = ['escalatedTo', 'powerHolder', 'outOfHands'] as const;

/** Props of `PowerLedger`. */
export interface PowerLedgerProps {
  recordId: string;
  rule: string | null;
  /** True for facilitators who may write now. */
  writable: boolean;
  creatorGroup: Group | null | undefined;
}

const isRule = (v: unknown): v is DecisionRule =>
  typeof v === 'string' && (DECISION_RULES as readonly string[]).includes(v);

/** The rule and the power ledger of one decision. */
export function PowerLedger({ recordId, rule, writable, creatorGroup }: PowerLedgerProps) {
  const board = useBoard();
  const selectId = `${recordId}-rule`;
  return (
    <section
      aria-label="Who decides"
      className="space-y-2 rounded-md border-2 border-ink bg-white p-2"
    >
      <h4 className="font-bold">Who decides</h4>
      {writable ? (
        <div className="space-y-1">
          <label htmlFor={selectId} className="block font-bold">
            {SPEC.rule.label}
          </label>
          <select
            id={selectId}
            data-focus="rule"
            value={isRule(rule) ? rule : ''}
            onChange={(event) =>
              setFieldValue(
                board.doc,
                recordId,
                'rule',
                event.currentTarget.value || null,
                LOCAL_ORIGIN,
              )
            }
            className="block min-h-11 w-full max-w-md rounded-md border-2 border-ink bg-white px-2 text-ink"
          >
            <option value="">Not chosen yet</option>
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {DECISION_RULE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>
          <span className="font-bold">{`${SPEC.rule.label}: `}</span>
          {isRule(rule) ? DECISION_RULE_LABEL[rule] : 'Not chosen yet.'}
        </p>
      )}
      {LEDGER.filter((f) => f !== 'escalatedTo' || rule === 'escalated').map((field) => (
        <RecordTextField
          key={field}
          recordId={recordId}
          field={field}
          spec={SPEC[field]}
          creatorGroup={creatorGroup}
          writable={writable}
        />
      ))}
      {!writable && <p className="text-sm">Only a facilitator can change these.</p>}
    </section>
  );
}
