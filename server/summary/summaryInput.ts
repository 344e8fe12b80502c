/**
 * Gather what `buildSummary` reads from the live room and the store (issue 10): the board
 * as a snapshot the render worker reads (lib/summary/snapshot.ts), agreement and drift
 * from the server's records, rounds with results, and activity. Access needs are dropped
 * here and never travel on.
 */
import * as Y from 'yjs';
import type { SummaryPerson } from '../../lib/summary/input';
import type { BoardSnapshot, CardAgreementFacts, SummarySource } from '../../lib/summary/snapshot';
import { roundStatus } from '../../lib/voting/round';
import { agreementOf } from '../realtime/agreement';
import { roundResults } from '../realtime/roundResults';
import type { ParticipantRow, Store, WorkshopRow } from '../store/Store';
import type { Room } from '../yjs/room';

/**
 * Let the event loop run before the next stage: with SQLite every store read resolves at
 * once, so without a turn the whole gathering (reads, the card pass, each round's tally)
 * ran as one block and held the room's edits for 60+ ms (issue 10's 50 ms target).
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

/**
 * The board at one moment: the doc's bytes and the server's facts, taken in one
 * synchronous pass so they agree; the worker reads the cards from them.
 */
function boardSnapshot(room: Room): Omit<BoardSnapshot, 'agreements'> {
  const groupOfPerson = (pid: string | null | undefined) =>
    pid ? room.participants.get(pid)?.group : undefined;
  const groups: BoardSnapshot['groups'] = [];
  for (const [clientId, pid] of room.bindings) {
    const group = groupOfPerson(pid);
    if (group !== undefined) groups.push([clientId, group]);
  }
  const creators: BoardSnapshot['creators'] = [];
  for (const [cardId, pid] of room.creators)
    if (pid) creators.push([cardId, groupOfPerson(pid) ?? null]);
  return { update: Y.encodeStateAsUpdate(room.doc), groups, creators };
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

/** Everything the summary of `workshop` reads, for `viewer`, with the board still to read. */
export async function summarySource(
  store: Store,
  room: Room,
  workshop: WorkshopRow,
  viewer: ParticipantRow,
  status: 'draft' | 'final',
): Promise<SummarySource> {
  const now = Date.now();
  const [people, activity, rounds] = await Promise.all([
    store.listParticipants(workshop.id),
    store.summaryActivity(workshop.id),
    store.listRounds(workshop.id),
  ]);
  await nextTurn();
  const board = { ...boardSnapshot(room), agreements: await agreements(room, store) };
  const oldestFirst = [...rounds].sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1));
  const roundInputs: SummarySource['rounds'] = [];
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
    board,
    rounds: roundInputs,
  };
}
