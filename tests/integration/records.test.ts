/**
 * Records in the Y.Doc over real sockets (issue 9, I67–I71): an indicator adopted by both
 * groups drifts when staff alone change a field (text or plain value); a contributor cannot
 * write a facilitator's field; a version 1 board is migrated when its room loads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, createCard, metaMap, readCard } from '../../lib/board/doc';
import {
  applyFieldEdit,
  createRecord,
  readRecord,
  recordHash,
  setFieldValue,
} from '../../lib/board/records';
import type { CardAgreement } from '../../lib/protocol/events';
import { openStore } from '../../server/store/openStore';
import {
  ask,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  type TestServer,
  waitFor,
  type YClient,
} from './harness';

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serverIn(dir?: string): Promise<TestServer> {
  const server = await startTestServer(dir);
  servers.push(server);
  return server;
}

const saved = (c: YClient) => c.acked() >= Y.getState(c.doc.store, c.doc.clientID);

describe('records over real sockets', () => {
  it('[I70] an indicator adopted by both groups drifts when staff alone change a field', async () => {
    const server = await serverIn();
    const w = await createWorkshop(server);
    const pinkActor = await join(server, w.tokens.people, { name: 'Pat' });
    const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pink = connectY(server, pinkActor);
    const blue = connectY(server, blueActor);
    await Promise.all([pink.synced, blue.synced]);
    const priority = createCard(pink.doc, 'priorities', 'Fewer missed visits');
    const id = createRecord(pink.doc, 'indicator', 'indicators', {
      text: 'Visits happen when promised',
      links: [],
    });
    await waitFor('blue to see both', () => readRecord(blue.doc, id) !== null);
    expect(setFieldValue(pink.doc, id, 'serves', [priority])).toBe(true);
    applyFieldEdit(blue.doc, id, 'target', 'Nine in ten visits');
    await waitFor(
      'both to agree on the fields',
      () =>
        readRecord(pink.doc, id)?.fields.target === 'Nine in ten visits' &&
        String(readRecord(blue.doc, id)?.fields.serves) === priority,
    );
    await waitFor('saved', () => saved(pink) && saved(blue));

    const pinkCtl = connectControl(pinkActor);
    const blueCtl = connectControl(blueActor);
    const latest = new Map<string, CardAgreement>();
    pinkCtl.on('agreement:update', (cards) => {
      for (const c of cards) latest.set(c.cardId, c);
    });
    await waitFor('control sockets', () => pinkCtl.connected && blueCtl.connected);
    const endorse = async (hash: string) => {
      expect(await ask(pinkCtl, 'card:endorse', { cardId: id, textHash: hash })).toEqual({
        ok: true,
      });
      expect(await ask(blueCtl, 'card:endorse', { cardId: id, textHash: hash })).toEqual({
        ok: true,
      });
    };
    // The statement's text alone is not what was agreed: the hash covers every field.
    const textOnly = recordHash({ ...readRecord(pink.doc, id)!, fields: {} });
    expect(await ask(pinkCtl, 'card:endorse', { cardId: id, textHash: textOnly })).toMatchObject({
      ok: false,
      reason: 'staleText',
    });
    await endorse(recordHash(readRecord(pink.doc, id)!));
    await waitFor('adopted', () =>
      (latest.get(id)?.endorsements ?? []).every((e) => e.count === 1),
    );

    // Staff change the target (a text field): drift by staff.
    applyFieldEdit(blue.doc, id, 'target', 'All visits');
    await waitFor('drift after a text field', () => latest.get(id)?.driftedBy === 'system');

    // Adopted again, then staff change the review date (a plain value): drift by staff.
    await waitFor(
      'pink sees the new target',
      () => readRecord(pink.doc, id)?.fields.target === 'All visits',
    );
    await endorse(recordHash(readRecord(pink.doc, id)!));
    await waitFor('adopted again', () => latest.get(id)?.driftedBy === null);
    expect(setFieldValue(blue.doc, id, 'reviewDate', '2027-04-01')).toBe(true);
    await waitFor('drift after a plain value', () => latest.get(id)?.driftedBy === 'system');

    pinkCtl.close();
    blueCtl.close();
    pink.destroy();
    blue.destroy();
  });

  it('[I68] refuses a contributor writing a facilitator’s field, and accepts the facilitator', async () => {
    const server = await serverIn();
    const w = await createWorkshop(server);
    const fay = connectY(server, w.facilitator);
    const pink = connectY(server, await join(server, w.tokens.people));
    await Promise.all([fay.synced, pink.synced]);
    const id = createRecord(fay.doc, 'decision', 'decisions', { text: 'Close the ward?' });
    await waitFor('pink sees the decision', () => readRecord(pink.doc, id) !== null);
    expect(setFieldValue(fay.doc, id, 'rule', 'consent')).toBe(true);
    await waitFor('pink sees the rule', () => readRecord(pink.doc, id)?.fields.rule === 'consent');
    expect(setFieldValue(pink.doc, id, 'rule', 'vote')).toBe(true);
    expect((await pink.closed).code).toBe(4403);
    await waitFor('fay saved', () => saved(fay));
    expect(readRecord(fay.doc, id)?.fields.rule).toBe('consent');
    fay.destroy();
    pink.destroy();
  });

  it('[I71] migrates a version 1 board with cards in every section when its room loads, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'purple-records-'));
    dirs.push(dir);
    let server = await serverIn(dir);
    const w = await createWorkshop(server);
    const blue = connectY(server, await join(server, w.tokens.system));
    await blue.synced;
    const context = createCard(blue.doc, 'context', 'What money is there?');
    const priority = createCard(blue.doc, 'priorities', 'Letters in plain English');
    await waitFor('saved', () => saved(blue));
    blue.destroy();
    await server.close();
    servers.pop();

    // Turn the stored board back into version 1: meta 1, plain cards in Decisions and
    // Quality indicators, as boards made before records hold them.
    const store = await openStore({ dataDir: dir });
    const before = await store.loadDocument(w.workshopId);
    const old = new Y.Doc();
    old.clientID = 0;
    if (before.snapshot) Y.applyUpdate(old, before.snapshot);
    for (const u of before.updates) Y.applyUpdate(old, u.data);
    const written: Uint8Array[] = [];
    old.on('update', (u: Uint8Array) => written.push(u));
    old.transact(() => {
      metaMap(old).set('schemaVersion', 1);
      for (const section of ['decisions', 'indicators'] as const) {
        const card = new Y.Map<unknown>();
        card.set(CARD_KEYS.section, section);
        card.set(CARD_KEYS.order, 'a0');
        card.set(CARD_KEYS.text, new Y.Text(`old ${section} words`));
        cardsMap(old).set(`old-${section}`, card);
      }
    });
    await store.appendUpdate({
      workshopId: w.workshopId,
      data: Y.mergeUpdates(written),
      participantId: null,
      bindings: [],
      attributions: [],
      createdCards: [],
    });
    const v1Clock = Y.getState(old.store, 0);
    await store.close();

    server = await serverIn(dir);
    const reader = connectY(server, await join(server, w.tokens.people));
    await reader.synced;
    expect(metaMap(reader.doc).get('schemaVersion')).toBe(2);
    expect(readRecord(reader.doc, 'old-decisions')).toMatchObject({
      kind: 'decision',
      text: 'old decisions words',
      fields: { options: '', rationale: '', rule: null, answers: [] },
    });
    expect(readRecord(reader.doc, 'old-indicators')).toMatchObject({
      kind: 'indicator',
      text: 'old indicators words',
      fields: { measure: '', target: '' },
    });
    expect(readCard(reader.doc, context)?.kind).toBe('card');
    expect(readCard(reader.doc, priority)?.text).toBe('Letters in plain English');
    // The migrated records take writes like new ones.
    applyFieldEdit(reader.doc, 'old-decisions', 'options', 'Keep it or change it');
    expect(setFieldValue(reader.doc, 'old-decisions', 'answers', [priority])).toBe(true);
    await waitFor('saved', () => saved(reader));
    reader.destroy();
    await server.close();
    servers.pop();

    const serverClock = async () => {
      const st = await openStore({ dataDir: dir });
      const loaded = await st.loadDocument(w.workshopId);
      await st.close();
      const doc = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
      return Y.getState(doc.store, 0);
    };
    const migrated = await serverClock();
    expect(migrated).toBeGreaterThan(v1Clock);
    server = await serverIn(dir);
    const again = connectY(server, await join(server, w.tokens.system));
    await again.synced;
    expect(readRecord(again.doc, 'old-decisions')?.fields).toMatchObject({
      options: 'Keep it or change it',
      answers: [priority],
    });
    again.destroy();
    await server.close();
    servers.pop();
    // Loading again migrates nothing more: the server wrote nothing new.
    expect(await serverClock()).toBe(migrated);
  });
});
