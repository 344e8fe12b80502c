/**
 * Seeded multi-peer convergence (STYLE rule 9): three peers edit one board through
 * lib/board/doc.ts while updates travel through shuffled queues and peers drop off and
 * come back. In the end every peer must show the same board in the same colours.
 * A failure names its seed: add it to REGRESSION_SEEDS to keep it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardColour } from '../attribution/colour';
import { countChars } from '../attribution/countChars';
import { prng } from '../prng';
import type { Group } from '../roles';
import { applyTextEdit, type CardView, createCard, moveCard, readBoard } from './doc';
import { SECTIONS } from './sections';

/** Seeds that once failed; kept so they stay fixed. */
const REGRESSION_SEEDS: number[] = [];
const RANDOM_SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i * 7919);
const STEPS = 200;

/** clientIDs and their groups: people, system, people (the shared roster). */
const PEERS: { clientID: number; group: Group }[] = [
  { clientID: 1001, group: 'people' },
  { clientID: 2002, group: 'system' },
  { clientID: 3003, group: 'people' },
];
const ROSTER = new Map<number, Group>(PEERS.map((p) => [p.clientID, p.group]));
const groupOf = (id: number) => ROSTER.get(id);

interface Peer {
  doc: Y.Doc;
  online: boolean;
  /** Updates waiting to reach this peer, in no particular order. */
  inbox: Uint8Array[];
}

/** What a peer shows for one card: its view and its colour. */
function shown(doc: Y.Doc): { card: CardView; colour: unknown }[] {
  return readBoard(doc).map((card) => {
    const text = (doc.getMap('cards').get(card.id) as Y.Map<unknown>).get('text') as Y.Text;
    const counts = countChars(text, groupOf);
    const colour = cardColour({
      counts,
      creatorGroup: groupOf(card.creatorClientId) ?? null,
      endorsedBy: new Set(),
    });
    return { card, colour: { ...colour, counts } };
  });
}

function run(seed: number): void {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const peers: Peer[] = PEERS.map(({ clientID }) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return { doc, online: true, inbox: [] };
  });
  // Every update goes to every other peer's inbox; an offline peer's inbox waits.
  // Updates made while offline are held in its outbox until it comes back.
  const outbox = new Map<Peer, Uint8Array[]>(peers.map((p) => [p, []]));
  for (const peer of peers) {
    peer.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      if (!peer.online) {
        outbox.get(peer)?.push(u);
        return;
      }
      for (const q of peers) if (q !== peer) q.inbox.push(u);
    });
  }
  const release = (peer: Peer) => {
    const held = outbox.get(peer) ?? [];
    for (const u of held) for (const q of peers) if (q !== peer) q.inbox.push(u);
    held.length = 0;
  };
  const deliverOne = (peer: Peer) => {
    if (peer.inbox.length === 0) return;
    const i = Math.floor(rand() * peer.inbox.length);
    const [u] = peer.inbox.splice(i, 1);
    if (u) Y.applyUpdate(peer.doc, u, 'remote');
  };

  let nextCard = 0;
  const randomEdit = (text: string): string => {
    const at = Math.floor(rand() * (text.length + 1));
    if (text.length > 0 && rand() < 0.35) {
      const n = 1 + Math.floor(rand() * Math.min(6, text.length - Math.min(at, text.length - 1)));
      const from = Math.min(at, text.length - 1);
      return text.slice(0, from) + text.slice(from + n);
    }
    const words = ['a', 'bc', 'def', ' ', 'ghij', 'é', 'xyz '];
    return text.slice(0, at) + pick(words) + text.slice(at);
  };

  for (let step = 0; step < STEPS; step++) {
    const peer = pick(peers);
    const r = rand();
    const cards = readBoard(peer.doc);
    if (r < 0.12 || cards.length === 0) {
      createCard(peer.doc, pick(SECTIONS), rand() < 0.5 ? '' : 'new card', {
        id: `card-${seed}-${nextCard++}`,
        index: rand() < 0.3 ? Math.floor(rand() * 4) : undefined,
      });
    } else if (r < 0.55) {
      const card = pick(cards);
      applyTextEdit(peer.doc, card.id, randomEdit(card.text));
    } else if (r < 0.65) {
      const card = pick(cards);
      moveCard(peer.doc, card.id, pick(SECTIONS), Math.floor(rand() * 6));
    } else if (r < 0.72) {
      // Drop off or come back.
      peer.online = !peer.online;
      if (peer.online) release(peer);
    } else {
      // Deliver a few updates to online peers, in random order.
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        const target = pick(peers);
        if (target.online) deliverOne(target);
      }
    }
  }

  // Everyone comes back; deliver everything in random order.
  for (const peer of peers) {
    peer.online = true;
    release(peer);
  }
  while (peers.some((p) => p.inbox.length > 0)) deliverOne(pick(peers));

  const msg = `convergence failed for seed ${seed} (add it to REGRESSION_SEEDS)`;
  const [first, ...rest] = peers.map((p) => p.doc);
  const reference = shown(first as Y.Doc);
  expect(reference.length, msg).toBeGreaterThan(0);
  for (const doc of rest) {
    expect(doc.store.pendingStructs, msg).toBeNull();
    expect(Y.encodeStateVector(doc), msg).toEqual(Y.encodeStateVector(first as Y.Doc));
    expect(shown(doc), msg).toEqual(reference);
  }
  // Every peer knows every author, so nothing is unknown and the counts add up.
  for (const { card, colour } of reference) {
    const c = colour as { counts: { people: number; system: number; unknown: number } };
    expect(c.counts.unknown, msg).toBe(0);
    expect(c.counts.people + c.counts.system, msg).toBe(card.text.length);
  }
  // Guard that the run exercised co-writing, so the colour comparison means something.
  const cowritten = reference.filter(({ colour }) => {
    const { counts } = colour as { counts: { people: number; system: number } };
    return counts.people > 0 && counts.system > 0;
  });
  expect(cowritten.length, msg).toBeGreaterThan(0);
}

describe('board convergence (3 peers, shuffled delivery, disconnects)', () => {
  it.each([...REGRESSION_SEEDS, ...RANDOM_SEEDS])('seed %i converges', (seed) => {
    try {
      run(seed);
    } catch (e) {
      console.error(`board convergence: failing seed ${seed}`);
      throw e;
    }
  });
});
