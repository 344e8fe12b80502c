/**
 * Gather what `buildSummary` reads from the live room and the store (issue 10): live cards
 * with their character counts per group, agreement and drift from the server's records,
 * rounds with results, and activity. Access needs are dropped here and never travel on.
 */
import { countChars } from '../../lib/attribution/countChars';
import { cardText, readBoard } from '../../lib/board/doc';
import { readRecord, recordHash } from '../../lib/board/records';
import { textHash } from '../../lib/board/textHash';
import type { Group } from '../../lib/roles';
import type { SummaryCardInput, SummaryInput, SummaryPerson } from '../../lib/summary/input';
import { roundStatus } from '../../lib/voting/round';
import { agreementOf } from '../realtime/agreement';
import { roundResults } from '../realtime/roundResults';
import type { ParticipantRow, Store, WorkshopRow } from '../store/Store';
import type { Room } from '../yjs/room';

/** A participant without their access needs or tokens: what the policy needs. */
function personOf(p: ParticipantRow): SummaryPerson {
  return {
    id: p.id,
    group: p.group,
    anonymous: p.anonymous,
    name: p.name,
    capability: p.capability,
    createdAt: p.createdAt,
    removedAt: p.removedAt,
  };
}

/** Live cards with counts (read in one synchronous pass), then agreement and drift. */
async function cardInputs(room: Room, store: Store): Promise<SummaryCardInput[]> {
  const groupOf = (clientId: number): Group | null | undefined => {
    const pid = room.bindings.get(clientId);
    return pid ? room.participants.get(pid)?.group : undefined;
  };
  const out: SummaryCardInput[] = [];
  for (const card of readBoard(room.doc)) {
    if (card.deleted) continue;
    // Counting stays one synchronous pass so every card is read at the same moment.
    const text = cardText(room.doc, card.id);
    const counts = text ? countChars(text, groupOf) : { people: 0, system: 0 };
    const creator = room.creators.get(card.id);
    out.push({
      id: card.id,
      section: card.section,
      text: card.text,
      counts: { people: counts.people, system: counts.system },
      creatorGroup:
        (creator ? room.participants.get(creator)?.group : groupOf(card.creatorClientId)) ?? null,
      endorsedBy: [],
      driftedBy: null,
    });
  }
  for (const card of out) {
    if (!room.endorsements.has(card.id)) continue;
    const record = readRecord(room.doc, card.id);
    const hash = record ? recordHash(record) : textHash(card.text);
    const state = await agreementOf(room, store, card.id);
    const endorsedBy = new Set<Group>();
    for (const { row, group } of state.rows) if (row.textHash === hash) endorsedBy.add(group);
    card.endorsedBy = [...endorsedBy];
    card.driftedBy = state.driftedBy;
  }
  return out;
}

/** Everything the summary of `workshop` reads, for `viewer`. */
export async function summaryInput(
  store: Store,
  room: Room,
  workshop: WorkshopRow,
  viewer: ParticipantRow,
  status: 'draft' | 'final',
): Promise<SummaryInput> {
  const now = Date.now();
  const [people, activity, rounds] = await Promise.all([
    store.listParticipants(workshop.id),
    store.summaryActivity(workshop.id),
    store.listRounds(workshop.id),
  ]);
  const cards = await cardInputs(room, store);
  const oldestFirst = [...rounds].sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1));
  const roundInputs = await Promise.all(
    oldestFirst.map(async (r) => {
      const status = roundStatus(r, now);
      return {
        id: r.id,
        section: r.section,
        openedAt: r.openedAt,
        status,
        resultsVisible: r.resultsVisibility === 'live' || status === 'closed',
        results: await roundResults(store, r),
      };
    }),
  );
  return {
    viewer: { id: viewer.id, capability: viewer.capability },
    status,
    generatedAt: new Date(now).toISOString(),
    workshop: {
      id: workshop.id,
      title: workshop.title,
      question: workshop.question,
      createdAt: workshop.createdAt,
    },
    people: people.map(personOf),
    activity: {
      firstEdit: activity.firstEdit,
      lastActivity: activity.lastActivity,
      contributors: [...new Set([...activity.writers, ...activity.voters, ...activity.endorsers])],
    },
    cards,
    rounds: roundInputs,
  };
}
