/**
 * The records as one viewer may see them (issue 9). Facts of a deleted (or missing)
 * decision, indicator or priority are kept in the store but left out here, so restoring
 * the record brings them back (I76). Who added a reading is named only as the visibility
 * policy allows.
 */
import type {
  ActionView,
  ClosureView,
  OutcomeView,
  ReadingView,
  RecordsView,
} from '../../lib/protocol/recordEvents';
import { addedByLabel, type GroupSizes, groupSizes } from '../../lib/visibility/policy';
import type { ActionRow, OutcomeRow, ReadingRow, RecordsData } from '../store/recordRows';
import type { ParticipantRow, Store } from '../store/Store';
import type { Room } from '../yjs/room';
import { readRecordFacts } from './recordFacts';

/** What every viewer's records view is built from, read once per publish. */
export interface RecordSources {
  data: RecordsData;
  people: ParticipantRow[];
  /** Whether a board record exists and is not deleted, now. */
  live: (id: string) => boolean;
}

/** Read the stored records and the people; `room` must be loaded. */
export async function recordSources(store: Store, room: Room): Promise<RecordSources> {
  const [data, people] = await Promise.all([
    store.loadRecords(room.workshopId),
    store.listParticipants(room.workshopId),
  ]);
  const live = (id: string) => {
    const f = readRecordFacts(room.doc, id);
    return f !== null && !f.deleted;
  };
  return { data, people, live };
}

/**
 * The people by id and their group counts, built once per list: every viewer of a publish
 * or of a gathered welcome (I93) shares one `RecordSources`, and building them per viewer
 * was O(N²) for a room of N reconnecting at once.
 */
const indexes = new WeakMap<
  readonly ParticipantRow[],
  { byId: Map<string, ParticipantRow>; sizes: GroupSizes }
>();

function indexOf(people: readonly ParticipantRow[]) {
  let index = indexes.get(people);
  if (!index) {
    index = { byId: new Map(people.map((p) => [p.id, p])), sizes: groupSizes(people) };
    indexes.set(people, index);
  }
  return index;
}

/** Build the view for `viewer`; `live(id)` says whether a board record exists and is not deleted. */
export function recordsViewFor(
  { data, live, people }: RecordSources,
  viewer: { id: string },
): RecordsView {
  const { byId, sizes } = indexOf(people);
  return {
    outcomes: data.outcomes.filter((o) => live(o.decisionId)).map(outcomeView),
    actions: data.actions.filter((a) => live(a.decisionId)).map(actionView),
    readings: data.readings
      .filter((r) => live(r.indicatorId))
      .map((r) => readingView(r, viewer, byId, sizes)),
    closures: data.closures
      .filter((c) => live(c.cardId))
      .map((c): ClosureView => ({ cardId: c.cardId, reason: c.reason, closedAt: c.closedAt })),
  };
}

export function outcomeView(o: OutcomeRow): OutcomeView {
  return {
    decisionId: o.decisionId,
    outcome: o.outcome,
    rationale: o.rationale,
    againstLived: o.againstLived,
    againstBecause: o.againstBecause,
    savedAt: o.savedAt,
  };
}

export function actionView(a: ActionRow): ActionView {
  return {
    id: a.id,
    decisionId: a.decisionId,
    what: a.what,
    who: a.who,
    byWhen: a.byWhen,
    status: a.status,
    reason: a.reason,
    updatedAt: a.updatedAt,
  };
}

export function readingView(
  r: ReadingRow,
  viewer: { id: string },
  people: ReadonlyMap<string, ParticipantRow>,
  sizes: GroupSizes,
): ReadingView {
  const adder = people.get(r.addedBy);
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    value: r.value,
    date: r.date,
    note: r.note,
    addedBy: addedByLabel(viewer, adder, r.identifiable, sizes),
    addedByGroup: adder?.group ?? null,
    addedAt: r.addedAt,
  };
}
