/**
 * Gather what `buildSummary` reads from the live room and the store (issue 10): the board
 * (read in place for the page, or as a snapshot the render worker reads for a download;
 * lib/summary/snapshot.ts), agreement and drift from the server's records, rounds with
 * results, activity, and issue 9's record facts as the viewer may see them. Access needs are dropped here and never travel on.
 */
import * as Y from 'yjs';
import type { SummaryInput, SummaryPerson } from '../../lib/summary/input';
import {
  type BoardFacts,
  type CardAgreementFacts,
  cardsOfDoc,
  type SummarySource,
} from '../../lib/summary/snapshot';
import { roundStatus } from '../../lib/voting/round';
// Without turns the whole gathering (reads, the card pass, each round's tally) ran as one
// block and held the room's edits for 60+ ms (issue 10's 50 ms target).
import { nextTurn } from '../nextTurn';
import { agreementOf } from '../realtime/agreement';
import { recordSources, recordsViewFor } from '../realtime/recordsView';
import { roundResults } from '../realtime/roundResults';
import type { ParticipantRow, Store, WorkshopRow } from '../store/Store';
import type { Room } from '../yjs/room';

export { nextTurn };

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

/** Who wrote under each clientID and who created each card, from the room's records. */
function writers(room: Room): Pick<BoardFacts, 'groups' | 'creators'> {
  const groupOfPerson = (pid: string | null | undefined) =>
    pid ? room.participants.get(pid)?.group : undefined;
  const groups: BoardFacts['groups'] = [];
  for (const [clientId, pid] of room.bindings) {
    const group = groupOfPerson(pid);
    if (group !== undefined) groups.push([clientId, group]);
  }
  const creators: BoardFacts['creators'] = [];
  for (const [cardId, pid] of room.creators)
    if (pid) creators.push([cardId, groupOfPerson(pid) ?? null]);
  return { groups, creators };
}

/** Agreement and drift of every endorsed card, from the room's records and the store. */
async function agreements(room: Room, store: Store): Promise<CardAgreementFacts[]> {
  const out: CardAgreementFacts[] = [];
  for (const cardId of [...room.endorsements.keys()]) {
    const state = await agreementOf(room, store, cardId);
    out.push({
      cardId,
      endorsements: state.rows.map(({ row, group }) => ({ group, textHash: row.textHash })),
      driftedBy: state.driftedBy,
    });
  }
  return out;
}

/** Everything but the cards, and the endorsed cards' agreement, with a turn between reads. */
async function gather(
  store: Store,
  room: Room,
  workshop: WorkshopRow,
  viewer: ParticipantRow,
  status: 'draft' | 'final',
): Promise<{ rest: Omit<SummaryInput, 'cards'>; agreements: CardAgreementFacts[] }> {
  const now = Date.now();
  const [people, activity, rounds] = await Promise.all([
    store.listParticipants(workshop.id),
    store.summaryActivity(workshop.id),
    store.listRounds(workshop.id),
  ]);
  await nextTurn();
  const agreed = await agreements(room, store);
  // The same view the control channel sends this viewer: readings' "added by" through the
  // visibility policy, facts of deleted records left out (I76).
  const records = recordsViewFor(await recordSources(store, room), viewer);
  const oldestFirst = [...rounds].sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1));
  const roundInputs: SummaryInput['rounds'] = [];
  for (const r of oldestFirst) {
    await nextTurn();
    const status = roundStatus(r, now);
    roundInputs.push({
      id: r.id,
      section: r.section,
      openedAt: r.openedAt,
      status,
      resultsVisible: r.resultsVisibility === 'live' || status === 'closed',
      results: await roundResults(store, r),
    });
  }
  const rest = {
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
    rounds: roundInputs,
    records,
  };
  return { rest, agreements: agreed };
}

type Gather = Parameters<typeof gather>;

/**
 * What a download is built from: the board as a snapshot for the render worker, taken
 * with its writers in one synchronous step after the reads.
 */
export async function summarySource(...args: Gather): Promise<SummarySource> {
  const { rest, agreements } = await gather(...args);
  const room = args[1];
  await nextTurn();
  const update = Y.encodeStateAsUpdate(room.doc);
  return { ...rest, board: { update, ...writers(room), agreements } };
}

/** What the summary page is built from: the room's own doc read in place. */
export async function summaryInput(...args: Gather): Promise<SummaryInput> {
  const { rest, agreements } = await gather(...args);
  const room = args[1];
  return { ...rest, cards: cardsOfDoc(room.doc, { ...writers(room), agreements }) };
}
