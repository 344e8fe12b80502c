'use client';
/**
 * The facilitator's live-facilitation tools (issue 11): the agenda, timer, where everyone
 * looks and locks, the hands queue, balance and attendance. Each action's answer is announced.
 */
import { useState } from 'react';
import { ErrorLine } from '../board/ErrorLine';
import type { CallEvent } from '../workshop/useWorkshop';
import { AgendaControls } from './AgendaControls';
import { AttendancePanel } from './AttendancePanel';
import { BalanceNudge } from './BalanceNudge';
import { HandsQueue } from './HandsQueue';
import { PrivateWritingControls } from './PrivateWritingControls';
import { RoomControls } from './RoomControls';
import { TimerControls, type TimerControlsProps } from './TimerControls';
import type { FacilitationClient } from './useFacilitation';

/** Props of `FacilitationTools`. */
export interface FacilitationToolsProps {
  facilitation: FacilitationClient;
  call: CallEvent;
  announce(message: string): void;
}

/** Live facilitation for facilitators. */
export function FacilitationTools({ facilitation, call, announce }: FacilitationToolsProps) {
  const [error, setError] = useState<string | null>(null);
  const act: TimerControlsProps['act'] = (run, done) => {
    void run(call).then((r) => {
      setError(r.ok ? null : (r.message ?? 'That did not work.'));
      if (r.ok) announce(done);
    });
  };
  const { view } = facilitation;
  return (
    <section aria-labelledby="live-facilitation" className="space-y-4">
      <h3 id="live-facilitation" className="sr-only">
        Live facilitation
      </h3>
      {error && <ErrorLine message={error} />}
      <AgendaControls
        agenda={view?.agenda ?? null}
        privateOn={Boolean(view?.privateWriting)}
        act={act}
      />
      <TimerControls view={view} act={act} />
      <PrivateWritingControls
        state={view?.privateWriting}
        waiting={facilitation.waiting}
        act={act}
      />
      <HandsQueue hands={facilitation.hands} act={act} />
      <RoomControls view={view} act={act} />
      <BalanceNudge balance={facilitation.balance} act={act} />
      <AttendancePanel call={call} />
    </section>
  );
}
