/**
 * The contract every Store adapter must pass (DESIGN §4, §6). An adapter's test file calls
 * `storeContract(name, open, cleanup)`; `open` must return a fresh, empty store each time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteContract } from './deleteContract';
import { draftContract } from './draftContract';
import { facilitationContract } from './facilitationContract';
import { peopleContract } from './peopleContract';
import { recordsContract } from './recordsContract';
import type { AppendInput, InviteRow, ParticipantRow, Store, WorkshopRow } from './Store';
import { summaryContract } from './summaryContract';
import { transferContract } from './transferContract';
import { votingContract } from './votingContract';

const T0 = '2026-11-01T10:00:00.000Z';

/** A workshop row with predictable fields. */
function workshop(id: string): WorkshopRow {
  return { id, title: `Title ${id}`, question: `What matters in ${id}?`, createdAt: T0 };
}

/** An invite of `kind` for workshop `w`. */
function invite(w: string, id: string, kind: InviteRow['kind'], createdAt = T0): InviteRow {
  return { id, workshopId: w, kind, token: `tok-${id}`, createdAt, revokedAt: null };
}

/** A participant; the facilitator has no invite. */
function person(w: string, id: string, over: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id,
    workshopId: w,
    inviteId: null,
    name: `Name ${id}`,
    anonymous: false,
    accessNeeds: null,
    group: null,
    capability: 'facilitator',
    personalToken: `personal-${id}`,
    createdAt: T0,
    removedAt: null,
    ...over,
  };
}

/** An update with no bindings, attributions or cards unless given. */
function append(w: string, data: number[], over: Partial<AppendInput> = {}): AppendInput {
  return {
    workshopId: w,
    data: new Uint8Array(data),
    participantId: null,
    bindings: [],
    attributions: [],
    createdCards: [],
    ...over,
  };
}

/** Create workshop `w` with facilitator `${w}-f`, a people invite and a system invite. */
async function seedWorkshop(store: Store, w: string): Promise<void> {
  await store.createWorkshop(workshop(w), person(w, `${w}-f`), [
    invite(w, `${w}-ip`, 'people', '2026-11-01T10:00:01.000Z'),
    invite(w, `${w}-is`, 'system', '2026-11-01T10:00:02.000Z'),
  ]);
}

/** Add a contributor `id` to `w` through invite `${w}-ip`. */
async function addContributor(store: Store, w: string, id: string): Promise<void> {
  await store.addParticipant(
    person(w, id, { inviteId: `${w}-ip`, capability: 'contributor', group: 'people' }),
  );
}

/** Define the contract suite for one adapter. */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    workshopsAndInvites(() => store);
    participants(() => store);
    appendAndLoad(() => store);
    compaction(() => store);
    cardsAndEndorsements(() => store);
    votingContract(() => store);
    serverWrites(() => store);
    peopleContract(() => store);
    facilitationContract(() => store);
    draftContract(() => store);
    cardHistory(() => store);
    summaryContract(() => store);
    deleteContract(() => store);
    recordsContract(() => store);
    transferContract(() => store, open);
  });
}

// ── Card history (issue 13) ──────────────────────────────────────────────────────

function cardHistory(get: () => Store): void {
  describe('card history', () => {
    it('[I32] history sources survive compaction: keepHistory then compact gives the same ranges', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const doc = new Y.Doc();
      doc.clientID = 11;
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const text = doc.getText('t');
      text.insert(0, 'hello');
      text.delete(0, 2);
      doc.getMap('m').set('x', 1);
      for (const [i, u] of updates.entries()) {
        const touches = i < 2 ? [{ cardId: 'c1', inserted: 1, deleted: 0 }] : [];
        await store.appendUpdate(
          append('w1', [], { data: u, participantId: 'a', attributions: touches }),
        );
      }
      const before = await store.historySources('w1', [1, 2, 3]);
      expect(before.map((h) => h.ranges)).toEqual([
        { inserted: [[11, 0, 5]], deleted: [] },
        { inserted: [], deleted: [[11, 0, 2]] },
        { inserted: [], deleted: [] },
      ]);
      expect(before[0]?.participantId).toBe('a');
      await store.keepHistory('w1', 3);
      await store.keepHistory('w1', 3);
      await store.compact('w1', Y.encodeStateAsUpdate(doc), 3);
      const after = await store.historySources('w1', [1, 2, 3]);
      expect(after).toEqual(before.slice(0, 2));
    });

    it('[I32] keeps the history of every update up to the seq, however many (kept in steps)', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const doc = new Y.Doc();
      doc.clientID = 12;
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      // 131 one-letter inserts, more than two of keepHistory's steps and a part; every
      // third one touches no card and so has no history to keep.
      for (let i = 0; i < 131; i++) doc.getText('t').insert(i, 'x');
      for (const [i, u] of updates.entries()) {
        const touches = i % 3 === 2 ? [] : [{ cardId: 'c1', inserted: 1, deleted: 0 }];
        await store.appendUpdate(
          append('w1', [], { data: u, participantId: 'a', attributions: touches }),
        );
      }
      const seqs = updates.map((_, i) => i + 1);
      const before = await store.historySources('w1', seqs);
      // Up to 130: the last update stays in the log, uncompacted.
      await store.keepHistory('w1', 130);
      await store.compact('w1', Y.encodeStateAsUpdate(doc), 130);
      const after = await store.historySources('w1', seqs);
      const touched = (h: { seq: number }) => (h.seq - 1) % 3 !== 2 || h.seq === 131;
      expect(after).toEqual(before.filter(touched));
      expect(after.map((h) => h.ranges.inserted)).toEqual(after.map((h) => [[12, h.seq - 1, 1]]));
    });

    it('records restores and lists them per card, oldest first', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      const row = { workshopId: 'w1', cardId: 'c1', participantId: 'w1-f', at: T0 };
      await store.recordRevert({ ...row, seq: 5, toSeq: 2 });
      await store.recordRevert({ ...row, seq: 3, toSeq: 1 });
      await store.recordRevert({ ...row, cardId: 'c2', seq: 4, toSeq: 1 });
      expect((await store.listReverts('w1', 'c1')).map((r) => [r.seq, r.toSeq])).toEqual([
        [3, 1],
        [5, 2],
      ]);
    });
  });
}

function workshopsAndInvites(get: () => Store): void {
  describe('workshops and invites', () => {
    it('createWorkshop stores the workshop, facilitator and invites', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      expect(await store.getWorkshop('w1')).toEqual(workshop('w1'));
      expect(await store.getWorkshop('nope')).toBeNull();
      expect(await store.getParticipant('w1-f')).toEqual(person('w1', 'w1-f'));
      expect(await store.getInviteByToken('tok-w1-ip')).toEqual(
        invite('w1', 'w1-ip', 'people', '2026-11-01T10:00:01.000Z'),
      );
      expect(await store.getInviteByToken('tok-unknown')).toBeNull();
    });

    it('createWorkshop is atomic: a duplicate invite token leaves no workshop behind', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      const clash = { ...invite('w2', 'w2-ip', 'people'), token: 'tok-w1-ip' };
      await expect(
        store.createWorkshop(workshop('w2'), person('w2', 'w2-f'), [clash]),
      ).rejects.toThrow();
      expect(await store.getWorkshop('w2')).toBeNull();
      expect(await store.getParticipant('w2-f')).toBeNull();
      expect(await store.getInvite('w2', 'w2-ip')).toBeNull();
      expect(await store.listParticipants('w2')).toEqual([]);
    });

    it('getInvite finds an invite only within its own workshop', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      expect((await store.getInvite('w1', 'w1-is'))?.kind).toBe('system');
      expect(await store.getInvite('w2', 'w1-is')).toBeNull();
    });

    it('listInvites lists oldest first and counts participants who joined', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      await addContributor(store, 'w1', 'a');
      await addContributor(store, 'w1', 'b');
      const list = await store.listInvites('w1');
      expect(list.map((i) => [i.id, i.joined])).toEqual([
        ['w1-ip', 2],
        ['w1-is', 0],
      ]);
      expect(list[0]?.token).toBe('tok-w1-ip');
      expect((await store.listInvites('w2')).map((i) => i.joined)).toEqual([0, 0]);
    });

    it('revokeInvite marks the invite and is false for unknown or foreign invites', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      const at = '2026-11-01T11:00:00.000Z';
      expect(await store.revokeInvite('w1', 'w1-ip', at)).toBe(true);
      expect((await store.getInvite('w1', 'w1-ip'))?.revokedAt).toBe(at);
      expect((await store.getInvite('w1', 'w1-is'))?.revokedAt).toBeNull();
      expect(await store.revokeInvite('w1', 'missing', at)).toBe(false);
      expect(await store.revokeInvite('w1', 'w2-ip', at)).toBe(false);
      expect((await store.getInvite('w2', 'w2-ip'))?.revokedAt).toBeNull();
    });
  });
}

function participants(get: () => Store): void {
  describe('participants', () => {
    it('round-trips every field, including booleans and nulls', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      const p = person('w1', 'anon', {
        inviteId: 'w1-is',
        name: 'Sam',
        anonymous: true,
        accessNeeds: 'large text',
        group: 'system',
        capability: 'contributor',
        createdAt: '2026-11-01T10:05:00.000Z',
        removedAt: '2026-11-01T12:00:00.000Z',
      });
      await store.addParticipant(p);
      expect(await store.getParticipant('anon')).toEqual(p);
      expect(await store.getParticipantByPersonalToken('personal-anon')).toEqual(p);
      expect(await store.getParticipantByPersonalToken('personal-nobody')).toBeNull();
      expect(await store.getParticipant('nobody')).toBeNull();
    });

    it('rejects a duplicate personal token', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const dup = person('w1', 'b', { personalToken: 'personal-a', capability: 'contributor' });
      await expect(store.addParticipant(dup)).rejects.toThrow();
      expect(await store.getParticipant('b')).toBeNull();
    });

    it('listParticipants returns only that workshop, oldest first', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      await store.addParticipant(person('w1', 'late', { createdAt: '2026-11-01T11:00:00.000Z' }));
      await addContributor(store, 'w2', 'other');
      const ids = (await store.listParticipants('w1')).map((p) => p.id);
      expect(ids).toEqual(['w1-f', 'late']);
    });
  });
}

function appendAndLoad(get: () => Store): void {
  describe('appendUpdate, lastSeq and loadDocument', () => {
    it('returns strictly increasing seqs per workshop, independent across workshops', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      expect(await store.lastSeq('w1')).toBe(0);
      expect(await store.appendUpdate(append('w1', [1]))).toBe(1);
      expect(await store.appendUpdate(append('w1', [2]))).toBe(2);
      expect(await store.appendUpdate(append('w2', [9]))).toBe(1);
      expect(await store.appendUpdate(append('w1', [3]))).toBe(3);
      expect(await store.lastSeq('w1')).toBe(3);
      expect(await store.lastSeq('w2')).toBe(1);
    });

    it('loadDocument returns updates in seq order with bindings and card creators', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const big = new Uint8Array([0, 7, 8, 9, 0]).subarray(1, 4);
      await store.appendUpdate(
        append('w1', [1, 2], {
          participantId: 'a',
          bindings: [{ clientId: 4_000_000_000, participantId: 'a' }],
          createdCards: ['c1'],
        }),
      );
      await store.appendUpdate({ ...append('w1', []), data: big, createdCards: ['c2'] });
      const doc = await store.loadDocument('w1');
      expect(doc.snapshot).toBeNull();
      expect(doc.snapshotSeq).toBe(0);
      expect(doc.updates.map((u) => [u.seq, Array.from(u.data)])).toEqual([
        [1, [1, 2]],
        [2, [7, 8, 9]],
      ]);
      expect(doc.updates[0]?.data).toBeInstanceOf(Uint8Array);
      expect(doc.bindings).toEqual([{ clientId: 4_000_000_000, participantId: 'a' }]);
      expect(doc.cardCreators).toEqual([
        { cardId: 'c1', participantId: 'a' },
        { cardId: 'c2', participantId: null },
      ]);
    });

    it('loadDocument of an empty workshop is empty', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      expect(await store.loadDocument('w1')).toEqual({
        snapshot: null,
        snapshotSeq: 0,
        updates: [],
        bindings: [],
        cardCreators: [],
      });
    });

    it('re-binding a clientID to the same participant is a no-op', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const bind = { participantId: 'a', bindings: [{ clientId: 5, participantId: 'a' }] };
      expect(await store.appendUpdate(append('w1', [1], bind))).toBe(1);
      expect(await store.appendUpdate(append('w1', [2], bind))).toBe(2);
      expect((await store.loadDocument('w1')).bindings).toEqual([
        { clientId: 5, participantId: 'a' },
      ]);
    });

    conflictingBinding(get);

    it('the first creator of a card id is kept', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      await store.appendUpdate(append('w1', [1], { participantId: 'a', createdCards: ['c1'] }));
      await store.appendUpdate(append('w1', [2], { participantId: 'w1-f', createdCards: ['c1'] }));
      expect((await store.loadDocument('w1')).cardCreators).toEqual([
        { cardId: 'c1', participantId: 'a' },
      ]);
    });

    it('200 concurrent appends get 200 distinct consecutive seqs', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await store.appendUpdate(append('w1', [0]));
      const seqs = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.appendUpdate(append('w1', [i % 256]))),
      );
      const sorted = [...seqs].sort((a, b) => a - b);
      expect(new Set(seqs).size).toBe(200);
      expect(sorted).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
      expect(await store.lastSeq('w1')).toBe(201);
      expect((await store.loadDocument('w1')).updates).toHaveLength(201);
      // On Postgres the 200 appends take turns on the workshop's row lock: seconds on a busy
      // shared machine, so more room than the default 5 s (this checks order, not speed).
    }, 30_000);
  });
}

function conflictingBinding(get: () => Store): void {
  it('a clientID bound to another participant fails the whole append and writes nothing', async () => {
    const store = get();
    await seedWorkshop(store, 'w1');
    await addContributor(store, 'w1', 'a');
    await addContributor(store, 'w1', 'b');
    await store.appendUpdate(
      append('w1', [1], { participantId: 'a', bindings: [{ clientId: 7, participantId: 'a' }] }),
    );
    const stolen = append('w1', [2], {
      participantId: 'b',
      bindings: [
        { clientId: 8, participantId: 'b' },
        { clientId: 7, participantId: 'b' },
      ],
      attributions: [{ cardId: 'c9', inserted: 3, deleted: 0 }],
      createdCards: ['c9'],
    });
    await expect(store.appendUpdate(stolen)).rejects.toThrow();
    const doc = await store.loadDocument('w1');
    expect(doc.updates.map((u) => u.seq)).toEqual([1]);
    expect(doc.bindings).toEqual([{ clientId: 7, participantId: 'a' }]);
    expect(doc.cardCreators).toEqual([]);
    expect(await store.attributionsForCard('w1', 'c9', 0)).toEqual([]);
    expect(await store.lastSeq('w1')).toBe(1);
    // The failed append did not consume a seq.
    expect(await store.appendUpdate(append('w1', [3]))).toBe(2);
  });
}

function compaction(get: () => Store): void {
  describe('compact and attributions', () => {
    it('attributionsForCard filters by card and afterSeq, in seq order', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const edit = (cardId: string, inserted: number, deleted = 0) => ({
        cardId,
        inserted,
        deleted,
      });
      await store.appendUpdate(
        append('w1', [1], { participantId: 'a', attributions: [edit('c1', 5)] }),
      );
      await store.appendUpdate(
        append('w1', [2], { attributions: [edit('c1', 0, 2), edit('c2', 4)] }),
      );
      await store.appendUpdate(
        append('w1', [3], { participantId: 'w1-f', attributions: [edit('c1', 1)] }),
      );
      expect(await store.attributionsForCard('w1', 'c1', 0)).toEqual([
        { seq: 1, participantId: 'a', cardId: 'c1', field: 'text', inserted: 5, deleted: 0 },
        { seq: 2, participantId: null, cardId: 'c1', field: 'text', inserted: 0, deleted: 2 },
        { seq: 3, participantId: 'w1-f', cardId: 'c1', field: 'text', inserted: 1, deleted: 0 },
      ]);
      expect((await store.attributionsForCard('w1', 'c1', 2)).map((a) => a.seq)).toEqual([3]);
      expect((await store.attributionsForCard('w1', 'c2', 0)).map((a) => a.seq)).toEqual([2]);
      expect(await store.attributionsForCard('w1', 'c1', 3)).toEqual([]);
    });

    it('[I70] keeps attribution per record field; a plain value written counts 0/0', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      await store.appendUpdate(
        append('w1', [1], {
          participantId: 'a',
          attributions: [
            { cardId: 'd1', field: 'text', inserted: 3, deleted: 0 },
            { cardId: 'd1', field: 'options', inserted: 7, deleted: 1 },
            { cardId: 'd1', field: 'answers', inserted: 0, deleted: 0 },
          ],
        }),
      );
      const rows = await store.attributionsForCard('w1', 'd1', 0);
      expect(rows.map((r) => [r.field, r.inserted, r.deleted]).sort()).toEqual([
        ['answers', 0, 0],
        ['options', 7, 1],
        ['text', 3, 0],
      ]);
      // Balance counts characters of every co-edited field.
      expect(await store.writtenSince('w1', 0)).toEqual([{ participantId: 'a', inserted: 10 }]);
    });

    it('compaction keeps attributions, bindings and creators; load gives snapshot + later updates', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      for (let i = 1; i <= 5; i++) {
        await store.appendUpdate(
          append('w1', [i], {
            participantId: 'a',
            bindings: i === 1 ? [{ clientId: 11, participantId: 'a' }] : [],
            attributions: [{ cardId: 'c1', inserted: i, deleted: 0 }],
            createdCards: i === 1 ? ['c1'] : [],
          }),
        );
      }
      await store.compact('w1', new Uint8Array([42, 43]), 3);
      const doc = await store.loadDocument('w1');
      expect(Array.from(doc.snapshot ?? [])).toEqual([42, 43]);
      expect(doc.snapshotSeq).toBe(3);
      expect(doc.updates.map((u) => [u.seq, Array.from(u.data)])).toEqual([
        [4, [4]],
        [5, [5]],
      ]);
      expect(doc.bindings).toEqual([{ clientId: 11, participantId: 'a' }]);
      expect(doc.cardCreators).toEqual([{ cardId: 'c1', participantId: 'a' }]);
      expect((await store.attributionsForCard('w1', 'c1', 0)).map((a) => a.seq)).toEqual([
        1, 2, 3, 4, 5,
      ]);
      expect(await store.lastSeq('w1')).toBe(5);
      expect(await store.appendUpdate(append('w1', [6]))).toBe(6);
    });

    it('[I62] logReader reads the entries after a seq, the snapshot only when it covers unseen ones', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      for (let i = 1; i <= 5; i++)
        await store.appendUpdate(
          append('w1', [i], {
            participantId: 'a',
            bindings: i === 2 ? [{ clientId: 22, participantId: 'a', identifiable: true }] : [],
            createdCards: i === 2 ? ['c2'] : [],
          }),
        );
      const log = store.logReader('w1');
      const tail = await log.since(3);
      expect([tail.snapshot, tail.updates.map((u) => [u.seq, Array.from(u.data)])]).toEqual([
        null,
        [
          [4, [4]],
          [5, [5]],
        ],
      ]);
      expect(await log.bindingsFor([22, 99])).toEqual([
        { clientId: 22, participantId: 'a', identifiable: true },
      ]);
      expect(await log.bindingsFor([])).toEqual([]);
      expect(await log.creatorsFor(['c2', 'nope'])).toEqual([{ cardId: 'c2', participantId: 'a' }]);
      await store.compact('w1', new Uint8Array([42]), 4);
      const behind = await store.logReader('w1').since(2);
      expect([Array.from(behind.snapshot ?? []), behind.snapshotSeq]).toEqual([[42], 4]);
      expect(behind.updates.map((u) => u.seq)).toEqual([5]);
      const ahead = await store.logReader('w1').since(4);
      expect([ahead.snapshot, ahead.updates.map((u) => u.seq)]).toEqual([null, [5]]);
      expect((await store.logReader('w1').since(5)).updates).toEqual([]);
    });

    it('compacting everything keeps the seq counter and a second compaction replaces the snapshot', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await store.appendUpdate(append('w1', [1]));
      await store.appendUpdate(append('w1', [2]));
      await store.compact('w1', new Uint8Array([1]), 2);
      expect(await store.lastSeq('w1')).toBe(2);
      expect(await store.appendUpdate(append('w1', [3]))).toBe(3);
      await store.compact('w1', new Uint8Array([2]), 3);
      const doc = await store.loadDocument('w1');
      expect([Array.from(doc.snapshot ?? []), doc.snapshotSeq, doc.updates]).toEqual([[2], 3, []]);
    });

    it('compact refuses to go past the last seq or behind the current snapshot', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await store.appendUpdate(append('w1', [1]));
      await store.appendUpdate(append('w1', [2]));
      await expect(store.compact('w1', new Uint8Array([9]), 3)).rejects.toThrow();
      await store.compact('w1', new Uint8Array([1]), 2);
      await expect(store.compact('w1', new Uint8Array([9]), 1)).rejects.toThrow();
      expect(Array.from((await store.loadDocument('w1')).snapshot ?? [])).toEqual([1]);
    });

    yjsRoundTrip(get);
  });
}

function yjsRoundTrip(get: () => Store): void {
  it('a real Yjs document survives append, compaction and load', async () => {
    const store = get();
    await seedWorkshop(store, 'w1');
    const original = new Y.Doc();
    const updates: Uint8Array[] = [];
    original.on('update', (u: Uint8Array) => updates.push(u));
    const cards = original.getMap<Y.Map<unknown>>('cards');
    for (let i = 0; i < 6; i++) {
      original.transact(() => {
        const card = new Y.Map<unknown>();
        const text = new Y.Text();
        card.set('text', text);
        card.set('section', i % 2 === 0 ? 'priorities' : 'ideas');
        cards.set(`card-${i}`, card);
        text.insert(0, `Card number ${i}`);
      });
    }
    const edited = cards.get('card-2')?.get('text');
    if (!(edited instanceof Y.Text)) throw new Error('card-2 has no text');
    original.transact(() => edited.insert(0, 'Edited: '));
    original.transact(() => cards.delete('card-4'));
    for (const u of updates) await store.appendUpdate(append('w1', [], { data: u }));

    const K = 4;
    const partial = new Y.Doc();
    for (const u of updates.slice(0, K)) Y.applyUpdate(partial, u);
    await store.compact('w1', Y.encodeStateAsUpdate(partial), K);

    const loaded = await store.loadDocument('w1');
    expect(loaded.snapshotSeq).toBe(K);
    expect(loaded.updates).toHaveLength(updates.length - K);
    const rebuilt = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(rebuilt, loaded.snapshot);
    for (const u of loaded.updates) Y.applyUpdate(rebuilt, u.data);
    expect(rebuilt.getMap('cards').toJSON()).toEqual(cards.toJSON());
    expect(Object.keys(rebuilt.getMap('cards').toJSON())).toHaveLength(5);
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(original));
  });
}

function cardsAndEndorsements(get: () => Store): void {
  describe('card events and endorsements', () => {
    it('records card events and lists them oldest first, per workshop', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await seedWorkshop(store, 'w2');
      const ev = (w: string, cardId: string, action: 'delete' | 'restore', at: string) => ({
        workshopId: w,
        cardId,
        participantId: `${w}-f`,
        action,
        at,
      });
      await store.recordCardEvent(ev('w1', 'c1', 'restore', '2026-11-01T10:02:00.000Z'));
      await store.recordCardEvent(ev('w1', 'c1', 'delete', '2026-11-01T10:01:00.000Z'));
      await store.recordCardEvent(ev('w2', 'c1', 'delete', '2026-11-01T10:01:00.000Z'));
      expect(await store.listCardEvents('w1')).toEqual([
        ev('w1', 'c1', 'delete', '2026-11-01T10:01:00.000Z'),
        ev('w1', 'c1', 'restore', '2026-11-01T10:02:00.000Z'),
      ]);
      expect(await store.listCardEvents('w2')).toHaveLength(1);
    });

    it('putEndorsement upserts one row per participant and card', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await addContributor(store, 'w1', 'a');
      const row = (participantId: string, textHash: string, seq: number, at: string) => ({
        workshopId: 'w1',
        cardId: 'c1',
        participantId,
        textHash,
        seq,
        at,
      });
      await store.putEndorsement(row('a', 'h1', 3, '2026-11-01T10:01:00.000Z'));
      await store.putEndorsement(row('w1-f', 'h1', 3, '2026-11-01T10:02:00.000Z'));
      await store.putEndorsement(row('a', 'h2', 7, '2026-11-01T10:03:00.000Z'));
      const list = await store.listEndorsements('w1');
      expect(list).toHaveLength(2);
      expect(list).toContainEqual(row('a', 'h2', 7, '2026-11-01T10:03:00.000Z'));
      expect(list).toContainEqual(row('w1-f', 'h1', 3, '2026-11-01T10:02:00.000Z'));
      expect(await store.listEndorsements('other')).toEqual([]);
    });
  });
}

// ── Server writes (issue 8 §3; helper "yjs") ──────────────────────────────────────
function serverWrites(get: () => Store): void {
  describe('server writes', () => {
    const event = (participantId: string) => ({
      workshopId: 'w1',
      cardId: 'c1',
      participantId,
      action: 'delete' as const,
      at: '2026-11-01T10:01:00.000Z',
    });

    it('appendServerWrite stores the update and its card event together', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      const seq = await store.appendServerWrite({
        workshopId: 'w1',
        data: new Uint8Array([7]),
        event: event('w1-f'),
      });
      expect(seq).toBe(1);
      expect((await store.loadDocument('w1')).updates).toEqual([
        { seq: 1, data: new Uint8Array([7]) },
      ]);
      expect(await store.listCardEvents('w1')).toEqual([event('w1-f')]);
    });

    it('appendServerWrite writes nothing when the event cannot be stored', async () => {
      const store = get();
      await seedWorkshop(store, 'w1');
      await expect(
        store.appendServerWrite({
          workshopId: 'w1',
          data: new Uint8Array([7]),
          event: event('nobody'),
        }),
      ).rejects.toThrow();
      expect((await store.loadDocument('w1')).updates).toEqual([]);
      expect(await store.listCardEvents('w1')).toEqual([]);
      expect(await store.appendUpdate(append('w1', [8]))).toBe(1);
    });
  });
}
