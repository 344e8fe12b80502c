/**
 * Load-generator side of a large board: seeding the same Yjs content into any server
 * (a fixed clientID, card ids and texts, so the reference and Purple hold identical
 * documents), and joining it with a real provider (y-websocket's; Hocuspocus's own for
 * Hocuspocus), timing connect → synced and checking how many cards the client holds at its
 * 'sync' event.
 */
import * as Y from 'yjs';
import { cardsMap, createCard } from '../../lib/board/doc';
import { fieldText, setFieldValue } from '../../lib/board/records';
import { SECTIONS, type Section } from '../../lib/board/sections';
import { ProviderClient, type Seat, sleep, until } from './clients';
import { command } from './loadgen';
import { withTimeout } from './room';

/** The seeding document's clientID: the same on every server (never 0, the server's). */
const SEED_CLIENT_ID = 424242;
const BATCH = 100;

function cardCount(doc: Y.Doc): number {
  return cardsMap(doc).size;
}

const cardId = (j: number) => `k${String(j).padStart(5, '0')}`;

/**
 * Fill in a seeded decision's or indicator's fields as a workshop would: some co-edited
 * text, an enum or a date, and links to a Joint priorities card of an earlier batch (so the
 * link's target is on the server before it). `batchStart` is the first card of this batch.
 */
function fillRecord(doc: Y.Doc, section: Section, j: number, batchStart: number): void {
  const id = cardId(j);
  const put = (field: string, text: string) => fieldText(doc, id, field)?.insert(0, text);
  // The last priorities card (index ≡ 1 mod 4) before this batch, spread over the board.
  const target =
    batchStart >= 2 ? cardId(Math.floor(((j * 7) % (batchStart - 1)) / 4) * 4 + 1) : null;
  if (section === 'decisions') {
    put('options', 'Keep the drop-in as it is, or move it to the library on Saturdays.');
    put('powerHolder', 'Head of Adult Social Care');
    setFieldValue(doc, id, 'rule', 'consent');
    if (target) setFieldValue(doc, id, 'answers', [target]);
  } else if (section === 'indicators') {
    put('measure', 'People who say they were listened to, out of everyone asked each month.');
    put('target', '8 in 10');
    put('owner', 'Service manager');
    setFieldValue(doc, id, 'reviewDate', '2027-03-01');
    if (target) setFieldValue(doc, id, 'serves', [target]);
  }
}

/**
 * How many records the server's board holds, read by a client with a fresh clientID: one
 * with the seeding clientID would meet its own content there, and Yjs would change its
 * clientID under the provider (which then fails on destroy).
 */
async function cardsOnServer(seat: Seat): Promise<number> {
  const client = new ProviderClient(seat, { awareness: false });
  try {
    await withTimeout(client.synced, 30_000, 'a client to sync');
    return cardCount(client.doc);
  } finally {
    client.destroy();
  }
}

/**
 * Seed `cards` records, a quarter in each section (decisions and indicators with some fields
 * filled and linked when `filled`), unless the board already holds them. The seeding client
 * should be the facilitator's seat on Purple: deciding rules are the facilitator's to write.
 */
async function seed(a: {
  seat: Seat;
  cards: number;
  filled?: boolean;
}): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  if ((await cardsOnServer(a.seat)) >= a.cards) return { ms: 0, bytes: 0 };
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  const client = new ProviderClient(a.seat, { awareness: false }, doc);
  await withTimeout(client.synced, 30_000, 'the seeding client to sync');
  for (let i = 0; i < a.cards; i += BATCH) {
    doc.transact(() => {
      for (let j = i; j < Math.min(a.cards, i + BATCH); j++) {
        const section = SECTIONS[j % SECTIONS.length] ?? 'priorities';
        createCard(doc, section, `Card ${j}: what we heard in the room, in a sentence or two.`, {
          id: cardId(j),
        });
        if (a.filled) fillRecord(doc, section, j, i);
      }
    });
    // Stay well under Purple's 200 messages/s per connection.
    await sleep(10);
  }
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  // Confirm with a second, fresh client that the server holds every card.
  await sleep(200);
  const check = await join({ seat: a.seat, cards: a.cards, timeoutMs: 60_000 });
  client.destroy();
  if (check.contentMs === null)
    throw new Error(`seeding ${a.cards} cards did not reach the server`);
  return { ms: performance.now() - start, bytes };
}

export interface JoinResult {
  /** Connect (provider created) → 'sync' event, in ms. */
  syncMs: number | null;
  /** Connect → every expected card in the client's doc, in ms. */
  contentMs: number | null;
  /** Cards in the doc when 'sync' fired. */
  cardsAtSync: number;
}

const holders = new Map<number, ProviderClient>();
let nextHolder = 1;

async function join(a: {
  seat: Seat;
  cards: number;
  timeoutMs: number;
  hold?: boolean;
}): Promise<JoinResult & { holder?: number }> {
  const t0 = performance.now();
  const client = new ProviderClient(a.seat, { awareness: false });
  let syncMs: number | null = null;
  let cardsAtSync = -1;
  client.onSync(() => {
    if (syncMs === null) {
      syncMs = performance.now() - t0;
      cardsAtSync = cardCount(client.doc);
    }
  });
  let contentMs: number | null = null;
  try {
    await until(
      'every card',
      () => cardCount(client.doc) >= a.cards && syncMs !== null,
      a.timeoutMs,
      1,
    );
    contentMs = performance.now() - t0;
  } catch {
    // contentMs stays null
  }
  const result: JoinResult & { holder?: number } = { syncMs, contentMs, cardsAtSync };
  if (a.hold) {
    const id = nextHolder++;
    holders.set(id, client);
    result.holder = id;
  } else {
    client.destroy();
  }
  return result;
}

export const boardHandlers = {
  'board.seed': command(seed),
  'board.join': command(join),
  'board.release': command(async (a: { holder: number }) => {
    holders.get(a.holder)?.destroy();
    holders.delete(a.holder);
    return null;
  }),
};
