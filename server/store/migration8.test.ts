/**
 * Migration 8 (issue 13) on a database made before it: rounds get the default divergence
 * threshold and no fixed turnout (fixed later, when first read closed), candidates are not
 * late, and the refused idempotency keys that piled up (issue 8 §4) are dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openSqliteStore } from './sqliteStore';

const T0 = '2026-11-01T10:00:00.000Z';
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Undo version 8 by hand, leaving the database as version 2 made it. */
function backToVersion2(file: string): void {
  const raw = new BetterSqlite3(file);
  for (const column of [
    'divergence_points',
    'eligible_people',
    'eligible_system',
    'voted_people',
    'voted_system',
  ])
    raw.exec(`alter table rounds drop column ${column}`);
  raw.exec('alter table round_candidates drop column added_at');
  raw.exec('delete from migrations where version = 8');
  const key = raw.prepare(
    `insert into ballot_keys (round_id, participant_id, key, card_id, dots, ok, reason, at)
     values ('r1', 'a', ?, ?, 9, 0, 'overCap', ?)`,
  );
  for (let i = 0; i < 50; i++) key.run(`refused-${i}`, `card-${i}`, T0);
  raw.close();
}

it('migration 8 upgrades a version-2 database and drops its refused keys', async () => {
  dir = mkdtempSync(join(tmpdir(), 'purple-m8-'));
  const file = join(dir, 'purple.sqlite');
  const store = await openSqliteStore({ file });
  await store.createWorkshop(
    { id: 'w1', title: 'T', question: 'Q', createdAt: T0 },
    {
      id: 'a',
      workshopId: 'w1',
      inviteId: null,
      name: 'A',
      anonymous: false,
      accessNeeds: null,
      group: 'people',
      capability: 'facilitator',
      personalToken: 'personal-a',
      createdAt: T0,
      removedAt: null,
    },
    [],
  );
  const round = {
    id: 'r1',
    workshopId: 'w1',
    section: 'priorities' as const,
    budget: 5,
    perCardCap: 3,
    deadline: null,
    resultsVisibility: 'hidden' as const,
    openedAt: T0,
    openedBy: 'a',
    closedAt: null,
    divergencePoints: 30,
    frozen: null,
  };
  const candidate = { roundId: 'r1', cardId: 'c1', text: 'One', position: 0, removedAt: null };
  await store.createRound(round, [{ ...candidate, addedAt: null }]);
  const cast = { workshopId: 'w1', roundId: 'r1', participantId: 'a', cardId: 'c1', now: T0 };
  expect(await store.castBallot({ ...cast, dots: 2, key: 'kept-1' })).toMatchObject({ ok: true });
  await store.close();

  backToVersion2(file);
  const upgraded = await openSqliteStore({ file });
  expect(await upgraded.getRound('w1', 'r1')).toMatchObject({
    divergencePoints: 15,
    frozen: null,
    closedAt: null,
  });
  expect(await upgraded.listCandidates('r1')).toEqual([{ ...candidate, addedAt: null }]);
  expect(await upgraded.countBallotKeys('r1')).toBe(1); // the accepted key stays
  expect(await upgraded.castBallot({ ...cast, dots: 1, key: 'kept-1' })).toMatchObject({
    ok: true,
    dotsOnCard: 2,
    replayed: true,
  });
  await upgraded.close();
});
