/**
 * The agenda's control events (issue 11, I51–I53), registered by the facilitation module:
 * facilitators edit the steps and move the room through them. Each action changes the one
 * stored facilitation state through `change` (checked, one at a time, stored, then
 * broadcast, I47), and the room reads the new step for its update inspection (I52).
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
import type { Action } from '../../lib/roles';
import type { ParticipantRow } from '../store/Store';
import type { Register } from './controlModule';

/** Facilitation's `change`: check `action`, run `fn` on a copy of the state, store, broadcast. */
export type Change = (
  p: ParticipantRow,
  action: Action,
  fn: (s: FacilitationState) => Ack | null,
) => Promise<Ack>;

/** Register `agenda:edit` and `agenda:go`. */
export function attachAgenda(on: Register, change: Change): void {
  /** Replace the agenda with `next(agenda)`, or refuse with its failure. */
  const update = (p: ParticipantRow, next: (a: Agenda) => ReturnType<typeof goTo>) =>
    change(p, 'session:facilitate', (s) => {
      const r = next(s.agenda);
      if (!r.ok) return r;
      s.agenda = r.agenda;
      return null;
    });
  on('agenda:edit', agendaEditSchema, (p, d: AgendaEdit) => update(p, (a) => editAgenda(a, d)));
  on('agenda:go', agendaGoSchema, (p, d: AgendaGo) => update(p, (a) => goTo(a, d)));
}
