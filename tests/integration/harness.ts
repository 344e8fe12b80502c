/**
 * Integration-test harness: a real Purple server on a random port (Next pages off), real
 * participants created through the same facade the pages use, real WebsocketProvider and
 * socket.io clients carrying the participant's session cookie and an allowed Origin.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Colour, cardColour } from '../../lib/attribution/colour';
import { countChars } from '../../lib/attribution/countChars';
import { Roster } from '../../lib/attribution/roster';
import { cardText, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import type {
  CardAgreement,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../lib/protocol/events';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import type { PersonView } from '../../lib/protocol/peopleEvents';
import { attachPurpleHandlers } from '../../lib/protocol/purpleHandlers';
import { PROTOCOL_VERSION } from '../../lib/protocol/reasons';
import type { Group } from '../../lib/roles';
import { loadConfig } from '../../server/config';
import { outcomeValue, type SessionGrant } from '../../server/facade';
import { type RunningServer, type StartOptions, startServer } from '../../server/index';

export interface TestServer extends RunningServer {
  dataDir: string;
}

/** Start a server on a random port with a fresh data directory. */
export async function startTestServer(
  dataDir = mkdtempSync(path.join(tmpdir(), 'purple-it-')),
  options: StartOptions = {},
): Promise<TestServer> {
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    withNext: false,
    dataDir,
    logLevel: 'silent',
    // Tests create many cards and cast many ballots in a moment; the card rate limit (I21)
    // and the per-person request limit (I23) have their own tests.
    cardsPerMinute: 1_000_000,
    limits: { ...loadConfig({} as NodeJS.ProcessEnv).limits, requestsPerPersonPer10s: 1_000_000 },
    ...options,
  });
  return { ...running, dataDir };
}

/** Stop a server and remove its data directory. */
export async function stopTestServer(server: TestServer): Promise<void> {
  await server.close();
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** A participant as the tests drive them. */
export interface Actor {
  workshopId: string;
  participantId: string;
  cookie: string;
  baseUrl: string;
}

export interface TestWorkshop {
  workshopId: string;
  facilitator: Actor;
  tokens: { people: string; system: string; observer: string };
  inviteIds: { people: string; system: string; observer: string };
}

function actorFrom(grant: SessionGrant, participantId: string, baseUrl: string): Actor {
  return {
    workshopId: grant.workshopId,
    participantId,
    cookie: `${grant.cookie.name}=${grant.cookie.value}`,
    baseUrl,
  };
}

/** Create a workshop through the facade, as the home page does. */
export async function createWorkshop(
  server: RunningServer,
  opts: { group?: Group; name?: string; anonymous?: boolean } = {},
): Promise<TestWorkshop> {
  const w = server.purple.workshops;
  const grant = await outcomeValue(
    w.createWorkshop(
      {
        title: 'Better discharge from hospital',
        question: 'What should change first?',
        facilitatorName: opts.name ?? 'Fay',
        facilitatorGroup: opts.group ?? 'system',
        anonymous: opts.anonymous ?? false,
      },
      server.url,
    ),
  );
  const cookieValue = grant.cookie.value;
  const page = await outcomeValue(w.boardPage(grant.workshopId, cookieValue, server.url));
  const invites = page.invites ?? [];
  const token = (kind: string) =>
    invites.find((i) => i.kind === kind)?.url?.split('/join/')[1] ?? '';
  const inviteId = (kind: string) => invites.find((i) => i.kind === kind)?.id ?? '';
  return {
    workshopId: grant.workshopId,
    facilitator: actorFrom(grant, page.me.participantId, server.url),
    tokens: { people: token('people'), system: token('system'), observer: token('observer') },
    inviteIds: {
      people: inviteId('people'),
      system: inviteId('system'),
      observer: inviteId('observer'),
    },
  };
}

/** Join through an invite token, as the join page does. */
export async function join(
  server: RunningServer,
  token: string,
  opts: { name?: string; anonymous?: boolean } = {},
): Promise<Actor> {
  const w = server.purple.workshops;
  const grant = await outcomeValue(
    w.join(token, { name: opts.name ?? 'Sam', anonymous: opts.anonymous ?? false }, server.url),
  );
  const page = await outcomeValue(w.boardPage(grant.workshopId, grant.cookie.value, server.url));
  return actorFrom(grant, page.me.participantId, server.url);
}

/** A WebSocket class that sends the actor's cookie and Origin, as a browser would. */
export function authedWebSocket(actor: Actor, record?: (data: string) => void): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: actor.cookie, origin: actor.baseUrl } });
      if (record) this.on('message', (d) => record(Buffer.from(d as Buffer).toString('latin1')));
    }
  } as unknown as typeof WebSocket;
}

/** A real y-websocket client for one actor. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  roster: Roster;
  synced: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  acked: () => number;
  received: string[];
  destroy(): void;
}

/**
 * Connect a WebsocketProvider (BroadcastChannel off) as `actor`, to the board or to another
 * path under `/yjs/` (a private draft: `<workshopId>/draft/<participantId>`).
 */
export function connectY(
  server: { url: string },
  actor: Actor,
  doc = new Y.Doc(),
  room = actor.workshopId,
): YClient {
  const received: string[] = [];
  const url = `${server.url.replace('http', 'ws')}/yjs`;
  const provider = new WebsocketProvider(url, room, doc, {
    disableBc: true,
    WebSocketPolyfill: authedWebSocket(actor, (d) =>
      received.push(d),
    ) as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalState(null);
  const roster = new Roster();
  let acked = 0;
  attachPurpleHandlers(
    provider,
    roster,
    () => undefined,
    (clocks) => {
      for (const [c, clock] of clocks) if (c === doc.clientID) acked = Math.max(acked, clock);
    },
  );
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event && event.code !== 1000) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    roster,
    synced,
    closed,
    acked: () => acked,
    received,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connect a real socket.io client as `actor`. */
export function connectControl(
  actor: Actor,
  record?: (event: string, payload: unknown) => void,
): ControlClient {
  const socket: ControlClient = io(actor.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { workshopId: actor.workshopId, protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie: actor.cookie, origin: actor.baseUrl },
    reconnection: false,
    forceNew: true,
  });
  if (record) socket.onAny((event, payload) => record(event, payload));
  return socket;
}

/** Emit with an acknowledgement and resolve with it. */
export function ask<E extends keyof ClientToServerEvents>(
  socket: ControlClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve) => {
    // biome-ignore lint/suspicious/noExplicitAny: generic emit over the typed event map
    (socket as any).emit(event, payload, resolve);
  });
}

/** A connected control socket that keeps the latest facilitation view and people list. */
export async function watchFacilitation(actor: Actor) {
  const seen = {
    socket: connectControl(actor),
    view: null as FacilitationView | null,
    people: [] as PersonView[],
  };
  seen.socket.on('facilitation:update', (v) => {
    seen.view = v;
  });
  seen.socket.on('people:update', (p) => {
    seen.people = p;
  });
  await waitFor('control connected', () => seen.socket.connected && seen.view !== null);
  return seen;
}

/** Poll until `check` returns true (or throws with `what` after `ms`). */
export async function waitFor(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The colour a client would paint a card, from its own doc and roster. */
export function colourSeenBy(
  client: YClient,
  cardId: string,
  agreement?: CardAgreement,
): Colour | null {
  const card = readCard(client.doc, cardId);
  const text = cardText(client.doc, cardId);
  if (!card || !text) return null;
  const hash = textHash(card.text);
  const endorsedBy = new Set(
    (agreement?.endorsements ?? []).filter((e) => e.textHash === hash).map((e) => e.group),
  );
  return cardColour({
    counts: countChars(text, client.roster.groupOf),
    creatorGroup: client.roster.groupOf(card.creatorClientId) ?? null,
    endorsedBy,
  }).colour;
}
