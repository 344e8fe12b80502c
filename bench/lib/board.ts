/**
 * Load-generator side of a large board: seeding the same Yjs content into any server
 * (a fixed clientID, card ids and texts, so the reference and Purple hold identical
 * documents), and joining it with a real WebsocketProvider, timing connect → synced and
 * checking how many cards the client holds at its 'sync' event.
 */
import * as Y from 'yjs';
import { cardsMap, createCard } from '../../lib/board/doc';
import { SECTIONS } from '../../lib/board/sections';
import { ProviderClient, type Seat, sleep, until } from './clients';
import { command } from './loadgen';
import { withTimeout } from './room';

/** The seeding document's clientID: the same on every server (never 0, the server's). */
const SEED_CLIENT_ID = 424242;
const BATCH = 100;

function cardCount(doc: Y.Doc): number {
  return cardsMap(doc).size;
}

async function seed(a: { seat: Seat; cards: number }): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  const client = new ProviderClient(a.seat, { awareness: false }, doc);
  await withTimeout(client.synced, 30_000, 'the seeding client to sync');
  if (cardCount(doc) >= a.cards) {
    client.destroy();
    return { ms: 0, bytes: 0 };
  }
  for (let i = 0; i < a.cards; i += BATCH) {
    doc.transact(() => {
      for (let j = i; j < Math.min(a.cards, i + BATCH); j++) {
        const section = SECTIONS[j % SECTIONS.length] ?? 'priorities';
        createCard(doc, section, `Card ${j}: what we heard in the room, in a sentence or two.`, {
          id: `k${String(j).padStart(5, '0')}`,
        });
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
  client.provider.on('sync', (s: boolean) => {
    if (s && syncMs === null) {
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
