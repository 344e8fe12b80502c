/**
 * Creates Purple workshops and participants through the same facade the pages use, with
 * an in-process server on the bench's data folder (as tests/integration/durability.test.ts
 * does), before the measured server process is started on that folder. Each participant
 * joins through an invite link and gets the session cookie the join page would set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { outcomeValue } from '../../server/facade';
import { type RunningServer, type StartOptions, startServer } from '../../server/index';
import { BENCH_LIMITS_ENV } from './servers';

export interface PurpleParticipant {
  /** `purple_<workshopId>=<value>` */
  cookie: string;
}

export interface PurpleWorkshop {
  workshopId: string;
  /** participants[0] is the facilitator; the rest joined through invite links. */
  participants: PurpleParticipant[];
}

export function freshDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

async function createOne(server: RunningServer, people: number): Promise<PurpleWorkshop> {
  const w = server.purple.workshops;
  const grant = await outcomeValue(
    w.createWorkshop(
      {
        title: 'Benchmark workshop',
        question: 'What should change first?',
        facilitatorName: 'Fay',
        facilitatorGroup: 'system',
        anonymous: false,
      },
      server.url,
    ),
  );
  const page = await outcomeValue(w.boardPage(grant.workshopId, grant.cookie.value, server.url));
  const tokens = (page.invites ?? [])
    .filter((i) => i.kind === 'people' || i.kind === 'system')
    .map((i) => (i.url ?? '').split('/join/')[1] ?? '');
  const participants: PurpleParticipant[] = [
    { cookie: `${grant.cookie.name}=${grant.cookie.value}` },
  ];
  for (let i = 1; i < people; i++) {
    // Alternate lived-experience and staff links, as a real room mixes both.
    const token = tokens[i % tokens.length] ?? '';
    const g = await outcomeValue(w.join(token, { name: `P${i}`, anonymous: false }, server.url));
    participants.push({ cookie: `${g.cookie.name}=${g.cookie.value}` });
  }
  return { workshopId: grant.workshopId, participants };
}

/**
 * Create one workshop per entry of `sizes` (each with that many participants) in `dataDir`,
 * or, with `options.databaseUrl` (the scale-out section), in that Postgres database.
 */
export async function setupPurple(
  dataDir: string,
  sizes: number[],
  options: Pick<StartOptions, 'databaseUrl' | 'secret'> = {},
): Promise<PurpleWorkshop[]> {
  const server = await startServer({
    ...options,
    port: 0,
    host: '127.0.0.1',
    withNext: false,
    dataDir,
    logLevel: 'silent',
    limits: loadConfig({ ...process.env, ...BENCH_LIMITS_ENV }).limits,
  });
  try {
    const out: PurpleWorkshop[] = [];
    for (const n of sizes) out.push(await createOne(server, n));
    return out;
  } finally {
    await server.close();
  }
}
