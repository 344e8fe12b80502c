/**
 * A seeded workshop for the summary tests (issue 10), built through the real server: an
 * anonymous participant and someone with access needs, a small staff group, and the board
 * ./seedBoard writes (cards, a closed round and issue 9's records).
 */
import { outcomeValue, purple } from '../../server/facade';
import { type Actor, createWorkshop, join, type TestServer } from './harness';
import { seedBoard } from './seedBoard';

/** Words that must never appear in any summary: an anonymous name and access needs. */
export const SECRETS = { anonymousName: 'HiddenHana', accessNeeds: 'NeedsBSLInterpreter' };

/** The cookie value an actor carries. */
export function cookieOf(a: Actor): string {
  return a.cookie.slice(a.cookie.indexOf('=') + 1);
}

/** Build the seeded workshop; returns its actors and card ids. */
export async function seedSummaryWorkshop(server: TestServer) {
  const w = await createWorkshop(server, { name: 'Fay Facilitator', group: 'system' });
  const ann = await join(server, w.tokens.people, { name: 'Ann Visible' });
  const hana = await join(server, w.tokens.people, {
    name: SECRETS.anonymousName,
    anonymous: true,
  });
  const g = await outcomeValue(
    purple().join(
      w.tokens.people,
      { name: 'Gwen Ŵyn', anonymous: false, accessNeeds: SECRETS.accessNeeds },
      server.url,
    ),
  );
  const bo = await join(server, w.tokens.system, { name: 'Bo Staff' });
  const observer = await join(server, w.tokens.observer, { name: 'Olly Observer' });
  const { ids, roundId } = await seedBoard(server, {
    facilitator: w.facilitator,
    lived: ann,
    staff: bo,
    anonymous: hana,
  });
  return { w, ann, gwenId: g.workshopId, bo, observer, ids, roundId };
}
