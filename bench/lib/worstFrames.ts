/**
 * The worst Yjs frames we know for the server's inspection (issue 8 §1), built against a
 * small board where the sender already owns one card with some text. Used by the worst-frame
 * bench (bench/worstFrame.ts) and the room fuzz test (tests/integration/roomFuzz.test.ts).
 */
import * as Y from 'yjs';
import { cardText, createCard, initBoard } from '../../lib/board/doc';
import { encodeRawUpdate, type RawId, type RawItem, type RawUpdate } from './rawUpdate';

/** The base board: the server's doc (clientID 0) and the sender's synced doc. */
export interface Base {
  server: Y.Doc;
  sender: Y.Doc;
  cardId: string;
  /** Ids of the sender's characters in the card's text, in order. */
  chars: RawId[];
}

/** A board where `client` made one card holding `textLength` characters typed one by one. */
export function makeBase(client: number, textLength = 200): Base {
  const server = new Y.Doc();
  server.clientID = 0;
  initBoard(server, 'server');
  const sender = new Y.Doc();
  sender.clientID = client;
  Y.applyUpdate(sender, Y.encodeStateAsUpdate(server));
  const cardId = createCard(sender, 'context', 'a');
  const text = cardText(sender, cardId);
  if (!text) throw new Error('no card text');
  const start = Y.getState(sender.store, client);
  text.insert(0, 'a'.repeat(textLength));
  Y.applyUpdate(server, Y.encodeStateAsUpdate(sender, Y.encodeStateVector(server)));
  const chars = Array.from({ length: textLength }, (_, i) => ({ client, clock: start + i }));
  return { server, sender, cardId, chars };
}

/** A frame shape: a name and a builder for `n` structs (or ranges) against `base`. */
export interface Shape {
  name: string;
  /** What it does, for the report. */
  what: string;
  /** Which per-frame cap (FRAME_LIMITS) bounds its size. */
  cap: 'structs' | 'clients' | 'deleteRanges';
  build(base: Base, n: number): Uint8Array;
}

function own(base: Base, items: RawItem[], deletes?: RawUpdate['deletes']): Uint8Array {
  const client = base.sender.clientID;
  const clock = Y.getState(base.server.store, client);
  return encodeRawUpdate({ clients: [{ client, clock, items }], deletes });
}

function first(base: Base): RawId {
  const id = base.chars[0];
  if (!id) throw new Error('base has no text');
  return id;
}

const x: RawItem['content'] = { kind: 'string', text: 'x' };

/** Every shape the bench and the fuzz test send. */
export const SHAPES: Shape[] = [
  {
    name: 'same-origin',
    cap: 'structs',
    what: 'N one-char items all after the same existing character (issue 8 §1)',
    build: (b, n) =>
      own(
        b,
        Array.from({ length: n }, () => ({ origin: first(b), content: x })),
      ),
  },
  {
    name: 'same-origin-and-right',
    cap: 'structs',
    what: 'N one-char items between the same two existing characters',
    build: (b, n) => {
      const right = b.chars[1] ?? first(b);
      return own(
        b,
        Array.from({ length: n }, () => ({ origin: first(b), rightOrigin: right, content: x })),
      );
    },
  },
  {
    name: 'typing-chain',
    cap: 'structs',
    what: 'N one-char items, each after the previous one (a long origin chain)',
    build: (b, n) => {
      const clock = Y.getState(b.server.store, b.sender.clientID);
      const items = Array.from({ length: n }, (_, i) => ({
        origin: i === 0 ? first(b) : { client: b.sender.clientID, clock: clock + i - 1 },
        content: x,
      }));
      return own(b, items);
    },
  },
  {
    name: 'backwards-chain',
    cap: 'structs',
    what: 'N one-char items, each after the NEXT one (origins the update has not reached yet)',
    build: (b, n) => {
      const clock = Y.getState(b.server.store, b.sender.clientID);
      const items = Array.from({ length: n }, (_, i) => ({
        origin: i === n - 1 ? first(b) : { client: b.sender.clientID, clock: clock + i + 1 },
        content: x,
      }));
      return own(b, items);
    },
  },
  {
    name: 'deep-nesting',
    cap: 'structs',
    what: 'N maps, each inside the previous one, under a new card',
    build: (b, n) => {
      const clock = Y.getState(b.server.store, b.sender.clientID);
      const items: RawItem[] = Array.from({ length: n }, (_, i) => ({
        parent: i === 0 ? 'cards' : { client: b.sender.clientID, clock: clock + i - 1 },
        parentSub: i === 0 ? 'deep' : 'x',
        content: { kind: 'type', type: 'map' },
      }));
      return own(b, items);
    },
  },
  {
    name: 'many-cards',
    cap: 'structs',
    what: 'N new empty cards in one frame',
    build: (b, n) =>
      own(
        b,
        Array.from({ length: n }, (_, i) => ({
          parent: 'cards',
          parentSub: `k${i}`,
          content: { kind: 'type', type: 'map' },
        })),
      ),
  },
  {
    name: 'many-clients',
    cap: 'clients',
    what: 'N one-char items, each under a new clientID',
    build: (b, n) =>
      encodeRawUpdate({
        clients: Array.from({ length: n }, (_, i) => ({
          client: 5_000_000 + i,
          clock: 0,
          items: [{ origin: first(b), content: x }],
        })),
      }),
  },
  {
    name: 'delete-ranges',
    cap: 'deleteRanges',
    what: 'N one-character delete ranges over existing text (repeating)',
    build: (b, n) =>
      own(
        b,
        [],
        [
          {
            client: b.sender.clientID,
            ranges: Array.from({ length: n }, (_, i): [number, number] => {
              const id = b.chars[i % b.chars.length] ?? first(b);
              return [id.clock, 1];
            }),
          },
        ],
      ),
  },
  {
    name: 'overlapping-deletes',
    cap: 'deleteRanges',
    what: 'N delete ranges, each over the whole existing text',
    build: (b, n) =>
      own(
        b,
        [],
        [
          {
            client: b.sender.clientID,
            ranges: Array.from({ length: n }, (): [number, number] => [
              first(b).clock,
              b.chars.length,
            ]),
          },
        ],
      ),
  },
  {
    name: 'future-deletes',
    cap: 'structs',
    what: 'one big delete range over N one-char items the same frame inserts',
    build: (b, n) => {
      const clock = Y.getState(b.server.store, b.sender.clientID);
      const items = Array.from({ length: n }, (_, i) => ({
        origin: i === 0 ? first(b) : { client: b.sender.clientID, clock: clock + i - 1 },
        content: x,
      }));
      return own(b, items, [{ client: b.sender.clientID, ranges: [[clock, n]] }]);
    },
  },
];
