/**
 * "You said, we did" behind the facade (issue 9): a participant's own cards and what
 * became of each (the impact page), and the Joint priorities nothing answers yet (the
 * facilitator's "Still open" list). Both read the live board, the stored records and the
 * endorsements, through the same view the control channel sends (I76).
 */
import { readBoard } from '../../lib/board/doc';
import { fail } from '../../lib/protocol/reasons';
import { type ImpactPageData, impactOf, stillOpen } from '../../lib/records/impact';
import type { Sessions } from '../auth/sessions';
import type { ImpactFacade, Outcome } from '../facade';
import { agreedPoint } from '../realtime/agreement';
import { type RecordFacts, readAllRecordFacts } from '../realtime/recordFacts';
import { recordSources, recordsViewFor } from '../realtime/recordsView';
import type { ParticipantRow, Store, WorkshopRow } from '../store/Store';
import type { Room } from '../yjs/room';
import type { Rooms } from '../yjs/rooms';

/** Indicators both groups endorsed as they are now (adoption, issue 9). */
export function adoptedIndicators(room: Room, records: readonly RecordFacts[]): Set<string> {
  const adopted = new Set<string>();
  for (const r of records) {
    if (r.kind !== 'indicator' || r.deleted) continue;
    const rows = [];
    for (const row of room.endorsements.get(r.id) ?? []) {
      const group = room.participants.get(row.participantId)?.group;
      if (group) rows.push({ row, group });
    }
    if (agreedPoint(rows)?.hash === r.hash) adopted.add(r.id);
  }
  return adopted;
}

export class Impacts implements ImpactFacade {
  constructor(private readonly deps: { store: Store; sessions: Sessions; rooms: Rooms }) {}

  async impactFor(
    workshopId: string,
    cookie: string | undefined,
  ): Promise<Outcome<ImpactPageData>> {
    const a = await this.access(workshopId, cookie);
    if (!a.ok) return a;
    const { workshop, viewer } = a.value;
    const written = new Set(await this.deps.store.cardsWrittenBy(workshopId, viewer.id));
    return this.page(workshop, viewer, (input, order) =>
      impactOf(
        input,
        order.filter((id) => written.has(id)),
      ),
    );
  }

  async stillOpen(
    workshopId: string,
    cookie: string | undefined,
  ): Promise<Outcome<ImpactPageData>> {
    const a = await this.access(workshopId, cookie);
    if (!a.ok) return a;
    if (a.value.viewer.capability !== 'facilitator') return fail('forbidden');
    return this.page(a.value.workshop, a.value.viewer, (input) => stillOpen(input));
  }

  private async access(workshopId: string, cookie: string | undefined) {
    const workshop = await this.deps.store.getWorkshop(workshopId);
    if (!workshop) return fail('unknownWorkshop');
    const auth = await this.deps.sessions.authenticate(workshopId, cookie);
    if (!auth.ok) return auth;
    return { ok: true as const, value: { workshop, viewer: auth.value } };
  }

  /** Read the board and the records once, then let `pick` choose the cards. */
  private async page(
    workshop: WorkshopRow,
    viewer: ParticipantRow,
    pick: (input: Parameters<typeof impactOf>[0], boardOrder: string[]) => ImpactPageData['cards'],
  ): Promise<Outcome<ImpactPageData>> {
    const room = await this.deps.rooms.loaded(workshop.id);
    const records = readAllRecordFacts(room.doc);
    const view = recordsViewFor(await recordSources(this.deps.store, room), viewer);
    const input = { records, view, adopted: adoptedIndicators(room, records) };
    const order = readBoard(room.doc).map((c) => c.id);
    return {
      ok: true,
      value: { workshop: { id: workshop.id, title: workshop.title }, cards: pick(input, order) },
    };
  }
}

/** The service's facade methods, bound, to join the others in one facade. */
export function impactMethods(i: Impacts): ImpactFacade {
  return { impactFor: i.impactFor.bind(i), stillOpen: i.stillOpen.bind(i) };
}
