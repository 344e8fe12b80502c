/**
 * Integration-test harness: a real Purple server on a random port (Next pages off), real
 * participants created through the same facade the pages use, and (from ./clients) real
 * WebsocketProvider and socket.io clients carrying the participant's cookie and Origin.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Colour, cardColour } from '../../lib/attribution/colour';
import { countChars } from '../../lib/attribution/countChars';
import { cardText, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import type { CardAgreement } from '../../lib/protocol/events';
import type { Group } from '../../lib/roles';
import { loadConfig } from '../../server/config';
import { outcomeValue, type SessionGrant } from '../../server/facade';
import { type RunningServer, type StartOptions, startServer } from '../../server/index';
import type { Actor, YClient } from './clients';

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

export type { Actor, ControlClient, YClient } from './clients';
export {
  ask,
  authedWebSocket,
  connectControl,
  connectY,
  waitFor,
  watchFacilitation,
} from './clients';

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
