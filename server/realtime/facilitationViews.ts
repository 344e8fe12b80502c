/**
 * What each person is sent of live facilitation (issue 11): everyone's view with their own
 * hand, the facilitators' hands queue (labelled by the visibility policy) and the balance.
 */
import { type BalanceView, balanceOf } from '../../lib/facilitation/balance';
import { type FacilitationState, timerRemaining } from '../../lib/facilitation/state';
import type { FacilitationView, HandView } from '../../lib/protocol/facilitationEvents';
import type { Group } from '../../lib/roles';
import { personViews } from '../services/personViews';
import type { ParticipantRow, WrittenRow } from '../store/Store';

/** Everyone's view of `s` at server time `now`, with `participantId`'s own hand. */
export function facilitationView(
  s: FacilitationState,
  participantId: string,
  now: number,
): FacilitationView {
  const mine = s.hands.find((h) => h.participantId === participantId);
  return {
    timer: s.timer && {
      durationMs: s.timer.durationMs,
      startedAt: s.timer.startedAt,
      deadline: s.timer.deadline,
      remainingMs: timerRemaining(s.timer, now),
      serverNow: now,
    },
    focus: s.focus,
    locks: s.locks,
    handsUp: s.hands.filter((h) => !h.private).length,
    myHand: mine ? { kind: mine.kind, private: mine.private, at: mine.at } : null,
    privateWriting: s.privateWriting,
    agenda: s.agenda,
  };
}

/** The hands queue as facilitators see it, oldest first; names only as the policy allows. */
export function handsQueue(s: FacilitationState, rows: readonly ParticipantRow[]): HandView[] {
  const views = personViews(rows);
  return s.hands.flatMap((h) => {
    const v = views.get(h.participantId);
    if (!v) return [];
    return [
      { key: v.key, label: v.label, group: v.group, kind: h.kind, private: h.private, at: h.at },
    ];
  });
}

/** Each group's share of what was written since counting began, and of the hands raised. */
export function balanceView(
  s: FacilitationState,
  rows: readonly ParticipantRow[],
  written: readonly WrittenRow[],
): BalanceView {
  const groupOf = new Map(rows.map((p) => [p.id, p.group]));
  const chars: Record<Group, number> = { people: 0, system: 0 };
  for (const w of written) {
    const g = w.participantId ? groupOf.get(w.participantId) : null;
    if (g) chars[g] += w.inserted;
  }
  const since = s.counting.since;
  const label = since ? `since ${since.slice(11, 16)} UTC` : 'since the workshop began';
  return balanceOf(chars, s.counting.raised, since, label);
}
