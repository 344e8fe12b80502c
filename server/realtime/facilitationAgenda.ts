/**
 * The agenda's control events (issue 11, I51–I53, I83), registered by the facilitation
 * module: facilitators edit the steps and move the room through them. Each action changes
 * the one stored facilitation state through `change` (checked, one at a time, stored, then
 * broadcast, I47), and the room reads the new step for its update inspection (I52).
 *
 * Moving the room also drives private writing (I83): every card written privately is
 * revealed BEFORE the room leaves a step (nothing stays hidden by accident), and entering a
 * step marked "write privately first" turns private writing on in the same stored change.
 */
import {
  type Agenda,
  type AgendaEdit,
  type AgendaGo,
  agendaEditSchema,
  agendaGoSchema,
  editAgenda,
  goTo,
} from '../../lib/facilitation/agenda';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Ack } from '../../lib/protocol/events';
import { fail } from '../../lib/protocol/reasons';
import { type Action, can } from '../../lib/roles';
import type { ParticipantRow } from '../store/Store';
import type { Register } from './controlModule';

/** Facilitation's `change`: check `action`, run `fn` on a copy of the state, store, broadcast. */
export type Change = (
  p: ParticipantRow,
  action: Action,
  fn: (s: FacilitationState, now: number) => Ack | null,
) => Promise<Ack>;

/** What moving the room needs besides `change`. */
export interface AgendaHooks {
  /** The workshop's stored state now. */
  current(workshopId: string): Promise<FacilitationState>;
  /** Reveal every draft (private writing's `revealNow`); set once private writing exists. */
  reveal?(workshopId: string): Promise<Ack>;
}

/** Register `agenda:edit` and `agenda:go`. */
export function attachAgenda(on: Register, change: Change, hooks: AgendaHooks): void {
  /** Workshop → the move running now: moves run one after another, reveal included (I83). */
  const moves = new Map<string, Promise<unknown>>();
  /** Replace the agenda with `next(agenda)`, or refuse with its failure. */
  const update = (p: ParticipantRow, next: (a: Agenda) => ReturnType<typeof goTo>) =>
    change(p, 'session:facilitate', (s, now) => {
      const was = s.agenda.current;
      const r = next(s.agenda);
      if (!r.ok) return r;
      s.agenda = r.agenda;
      const entered = r.agenda.steps.find((x) => x.id === r.agenda.current);
      if (r.agenda.current !== was && entered?.writePrivately)
        s.privateWriting ??= { since: new Date(now).toISOString(), revealing: false };
      return null;
    });

  /** Reveal first when the room really leaves its step with private writing on, then move. */
  const go = async (p: ParticipantRow, d: AgendaGo): Promise<Ack> => {
    const s = await hooks.current(p.workshopId);
    const leaving = s.agenda.current === d.from && d.from !== d.to;
    if (leaving && s.privateWriting && hooks.reveal) {
      const shown = await hooks.reveal(p.workshopId);
      // A reveal that failed keeps the room where it is, so no card is left behind; one
      // refused because another reveal already ended private writing is no failure.
      if (!shown.ok && (await hooks.current(p.workshopId)).privateWriting) return shown;
    }
    return update(p, (a) => goTo(a, d));
  };

  on('agenda:edit', agendaEditSchema, (p, d: AgendaEdit) => update(p, (a) => editAgenda(a, d)));
  on('agenda:go', agendaGoSchema, (p, d: AgendaGo) => {
    if (!can(p.capability, 'session:facilitate')) return Promise.resolve(fail('forbidden'));
    const run = (moves.get(p.workshopId) ?? Promise.resolve()).then(() => go(p, d));
    const tail = run.catch(() => undefined);
    moves.set(p.workshopId, tail);
    void tail.then(() => {
      if (moves.get(p.workshopId) === tail) moves.delete(p.workshopId);
    });
    return run;
  });
}
