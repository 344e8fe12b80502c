'use client';
/**
 * A decision's actions (issue 9): what will be done, by whom (a role) and by when, and
 * their status. Everyone reads them; facilitators add them and change their status, and
 * dropping one asks why. The server checks and stores every change.
 */
import { type FormEvent, useState } from 'react';
import {
  ACTION_STATUS_LABEL,
  ACTION_STATUSES,
  type ActionStatus,
  type ActionView,
  RECORD_LIMITS,
} from '../../lib/protocol/recordEvents';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import { actionWords } from './fate';
import { SMALL_INPUT, SmallField } from './SmallField';

/** What the panel may ask the server; each resolves with a refusal's words, or null. */
export interface ActionCalls {
  add(what: string, who: string, byWhen: string | null): Promise<string | null>;
  setStatus(actionId: string, status: ActionStatus, reason: string): Promise<string | null>;
}

/** Props of `ActionsPanel`. */
export interface ActionsPanelProps {
  recordId: string;
  actions: readonly ActionView[];
  /** Facilitators only. */
  calls: ActionCalls | null;
}

/** One action's status control. */
function StatusForm({ action, calls }: { action: ActionView; calls: ActionCalls }) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [reason, setReason] = useState(action.reason);
  const [error, setError] = useState<string | null>(null);
  const id = `action-${action.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === 'dropped' && reason.trim() === '') {
      setError('Say why the action was dropped.');
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError(await calls.setStatus(action.id, status, status === 'dropped' ? reason : ''));
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-semibold">
          Status
        </label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as ActionStatus)}
          className={SMALL_INPUT}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {status === 'dropped' && (
        <SmallField
          id={`${id}-reason`}
          label="Why was it dropped?"
          value={reason}
          maxLength={RECORD_LIMITS.noteChars}
          onChange={(event) => setReason(event.currentTarget.value)}
          wrapperClassName="min-w-0 flex-1"
        />
      )}
      <Button small type="submit" variant="secondary" className="min-h-11">
        Change status
      </Button>
      {error && <ErrorLine message={error} />}
    </form>
  );
}

/** The add form. */
function AddAction({ recordId, calls }: { recordId: string; calls: ActionCalls }) {
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [byWhen, setByWhen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `${recordId}-new-action`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!what.trim() || !who.trim()) {
      setError('Say what will be done and who will do it.');
      document.getElementById(`${id}-${what.trim() ? 'who' : 'what'}`)?.focus();
      return;
    }
    const refused = await calls.add(what, who, byWhen || null);
    setError(refused);
    if (refused) return;
    setWhat('');
    setWho('');
    setByWhen('');
  }
  return (
    <form onSubmit={submit} className="space-y-2 rounded-md border-2 border-neutral-500 p-2">
      <p className="font-semibold">Add an action</p>
      <SmallField
        id={`${id}-what`}
        label="What will be done"
        value={what}
        maxLength={RECORD_LIMITS.noteChars}
        onChange={(event) => setWhat(event.currentTarget.value)}
      />
      <div className="flex flex-wrap gap-2">
        <SmallField
          id={`${id}-who`}
          label="Who will do it (a role)"
          value={who}
          maxLength={RECORD_LIMITS.roleChars}
          onChange={(event) => setWho(event.currentTarget.value)}
          wrapperClassName="min-w-0 flex-1"
        />
        <SmallField
          id={`${id}-when`}
          label="By when (optional)"
          type="date"
          value={byWhen}
          onChange={(event) => setByWhen(event.currentTarget.value)}
        />
      </div>
      <Button small type="submit" className="min-h-11">
        Add the action
      </Button>
      {error && <ErrorLine message={error} />}
    </form>
  );
}

/** The actions of one decision. */
export function ActionsPanel({ recordId, actions, calls }: ActionsPanelProps) {
  return (
    <section aria-label="Actions" className="space-y-2 rounded-md border-2 border-ink bg-white p-2">
      <h4 className="font-bold">Actions</h4>
      {actions.length === 0 ? (
        <p className="italic">No actions yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="actions">
          {actions.map((a) => (
            <li key={a.id} className="space-y-1 border-neutral-400 border-b pb-2">
              <p>{actionWords(a)}</p>
              {calls && <StatusForm action={a} calls={calls} />}
            </li>
          ))}
        </ul>
      )}
      {calls && actions.length < RECORD_LIMITS.actionsPerDecision && (
        <AddAction recordId={recordId} calls={calls} />
      )}
    </section>
  );
}
