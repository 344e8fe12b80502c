/**
 * Shared setup for the voting integration tests: a workshop with three priority cards,
 * recording control clients for a facilitator, two people, one staff member and an observer.
 */
import { createCard, sectionCards } from '../../lib/board/doc';
import type { RoundView } from '../../lib/voting/types';
import {
  type Actor,
  ask,
  type ControlClient,
  connectControl,
  connectY,
  createWorkshop,
  join,
  type TestServer,
  waitFor,
} from './harness';

/** A control socket that records every event it receives, in order. */
export interface Client {
  socket: ControlClient;
  events: { event: string; payload: unknown }[];
  actor: Actor;
}

export function client(actor: Actor): Client {
  const events: Client['events'] = [];
  const socket = connectControl(actor, (event, payload) => events.push({ event, payload }));
  return { socket, events, actor };
}

export function last<T>(
  c: Client,
  event: string,
  where: (p: T) => boolean = () => true,
): T | undefined {
  for (let i = c.events.length - 1; i >= 0; i--) {
    const e = c.events[i];
    if (e?.event === event && where(e.payload as T)) return e.payload as T;
  }
  return undefined;
}

/** Wait until the latest `event` this client received satisfies `where`; return it. */
export async function settle<T>(c: Client, event: string, where: (p: T) => boolean = () => true) {
  await waitFor(event, () => {
    const p = last<T>(c, event);
    return p !== undefined && where(p);
  });
  return last<T>(c, event) as T;
}

export const roundOf = (c: Client, id: string) =>
  last<RoundView[]>(c, 'round:update', (rs) => rs.some((r) => r.id === id))?.find(
    (r) => r.id === id,
  );

let keyN = 0;
export const newKey = () => `key-${Date.now()}-${++keyN}`;
export const cast = (c: Client, roundId: string, cardId: string, dots: number, key = newKey()) =>
  ask(c.socket, 'ballot:cast', { roundId, cardId, dots, key });

/** A workshop with cards A, B, C in Joint priorities and connected pink, blue, observer, facilitator. */
export async function setupVoting(
  server: TestServer,
  cardTexts = ['Letters in plain English', 'Shorter waits', 'A named contact'],
) {
  const w = await createWorkshop(server);
  const pinkActor = await join(server, w.tokens.people, { name: 'Pat' });
  const pink2Actor = await join(server, w.tokens.people, { name: 'Pip' });
  const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
  const observerActor = await join(server, w.tokens.observer, { name: 'Olu' });
  const y = connectY(server, w.facilitator);
  await y.synced;
  const cards = cardTexts.map((t) => createCard(y.doc, 'priorities', t));
  const room = server.purple.rooms.get(w.workshopId);
  await waitFor(
    'cards on the server',
    () => sectionCards(room.doc, 'priorities').length === cards.length,
  );
  const fac = client(w.facilitator);
  const pink = client(pinkActor);
  const pink2 = client(pink2Actor);
  const blue = client(blueActor);
  const observer = client(observerActor);
  const all = [fac, pink, pink2, blue, observer];
  await waitFor('welcomes', () =>
    all.every((c) => c.events.some((e) => e.event === 'round:update')),
  );
  const done = () => {
    for (const c of all) c.socket.disconnect();
    y.destroy();
  };
  return { w, y, room, cards, fac, pink, pink2, blue, observer, all, done };
}

export type Setup = Awaited<ReturnType<typeof setupVoting>>;

export async function openRound(s: Setup, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await ask(s.fac.socket, 'round:open', { section: 'priorities', ...extra });
  if (!r.ok) throw new Error(r.message);
  await waitFor('round:update everywhere', () => s.all.every((c) => roundOf(c, r.roundId)));
  return r.roundId;
}

export const ballotRows = async (server: TestServer, roundId: string) =>
  (await server.purple.store.listBallots(roundId)).map((b) => [b.participantId, b.cardId, b.dots]);
