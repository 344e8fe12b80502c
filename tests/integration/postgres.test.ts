/**
 * One real Purple server on Postgres (issue 12) with real clients: co-editing converges, a
 * vote is counted, and a restart of the server on the same database loses no edit and no
 * ballot; a retried cast after the restart does not count twice.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, readBoard, sectionCards } from '../../lib/board/doc';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { connectY, startTestServer, stopTestServer, waitFor } from './harness';
import { ballotRows, cast, client, openRound, setupVoting } from './votingSetup';

const postgres = await ensurePostgres();
let databaseUrl = '';
let dropSchema: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const { schema, drop } = await freshSchema(postgres.url);
  dropSchema = drop;
  const url = new URL(postgres.url);
  url.searchParams.set('options', `-c search_path=${schema}`);
  databaseUrl = url.toString();
});
afterAll(async () => {
  await dropSchema();
  await postgres.stop();
});

describe('one server on Postgres', () => {
  it('co-edits, counts a vote, and loses nothing across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-pg-it-'));
    let server = await startTestServer(dataDir, { databaseUrl });
    expect(existsSync(path.join(dataDir, 'purple.sqlite'))).toBe(false);
    const s = await setupVoting(server);
    const pinkY = connectY(server, s.pink.actor);
    await pinkY.synced;
    const fromPat = createCard(pinkY.doc, 'priorities', 'From Pat');
    await waitFor('Pat’s card reaches the facilitator', () =>
      sectionCards(s.y.doc, 'priorities').some((c) => c.id === fromPat),
    );
    createCard(s.y.doc, 'decisions', 'From Fay');
    await waitFor('Fay’s card reaches Pat', () => readBoard(pinkY.doc).length === 5);
    expect(readBoard(pinkY.doc)).toEqual(readBoard(s.y.doc));

    const roundId = await openRound(s);
    const [a, b] = s.cards;
    expect(await cast(s.pink, roundId, a ?? '', 2, 'pat-key-1')).toMatchObject({ ok: true });
    expect(await cast(s.blue, roundId, b ?? '', 1, 'bo-key-1')).toMatchObject({ ok: true });
    const board = readBoard(s.y.doc);
    const ballots = await ballotRows(server, roundId);
    expect(ballots).toHaveLength(2);
    s.done();
    pinkY.destroy();
    await server.close();

    server = await startTestServer(dataDir, { databaseUrl });
    const fay = connectY(server, { ...s.w.facilitator, baseUrl: server.url });
    await fay.synced;
    expect(readBoard(fay.doc)).toEqual(board);
    expect(await ballotRows(server, roundId)).toEqual(ballots);
    // The idempotency key survived the restart: a retry with it returns the first answer and
    // changes nothing, even though this copy asks for 3 dots.
    const pat = client({ ...s.pink.actor, baseUrl: server.url });
    await waitFor('Pat reconnected', () => pat.events.some((e) => e.event === 'round:update'));
    expect(await cast(pat, roundId, a ?? '', 3, 'pat-key-1')).toMatchObject({
      ok: true,
      dotsOnCard: 2,
    });
    expect(await ballotRows(server, roundId)).toEqual(ballots);
    pat.socket.disconnect();
    fay.destroy();
    await stopTestServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
