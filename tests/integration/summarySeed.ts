/**
 * A seeded workshop for the summary tests (issue 10), built through the real server: cards
 * in every section by both groups, an anonymous participant and someone with access needs,
 * a small staff group, an agreed card that drifted, and a closed voting round.
 */
import { applyTextEdit, createCard, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import { outcomeValue, purple } from '../../server/facade';
import {
  type Actor,
  ask,
  connectControl,
  connectY,
  createWorkshop,
  join,
  type TestServer,
  waitFor,
} from './harness';

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
  await join(server, w.tokens.people, { name: SECRETS.anonymousName, anonymous: true });
  const g = await outcomeValue(
    purple().join(
      w.tokens.people,
      { name: 'Gwen Ŵyn', anonymous: false, accessNeeds: SECRETS.accessNeeds },
      server.url,
    ),
  );
  const bo = await join(server, w.tokens.system, { name: 'Bo Staff' });
  const observer = await join(server, w.tokens.observer, { name: 'Olly Observer' });
  const pink = connectY(server, ann);
  const blue = connectY(server, bo);
  await Promise.all([pink.synced, blue.synced]);
  const ids = {
    context: createCard(blue.doc, 'context', 'Budget is £40k; beds are short.'),
    agreed: createCard(pink.doc, 'priorities', 'Phone people the day after they go home'),
    drift: createCard(pink.doc, 'priorities', 'One named contact for every family'),
    staffOnly: createCard(blue.doc, 'priorities', '=HYPERLINK("http://evil") staff rota first'),
    decision: createCard(blue.doc, 'decisions', 'Pilot the phone call in Ward 7 from March'),
    indicator: createCard(pink.doc, 'indicators', 'Share of people called within 48 hours'),
  };
  await waitFor('cards reach staff', () =>
    Object.values(ids).every((id) => readCard(blue.doc, id)),
  );
  const pinkCtl = connectControl(ann);
  const blueCtl = connectControl(bo);
  const facCtl = connectControl(w.facilitator);
  for (const id of [ids.agreed, ids.drift]) {
    const hash = textHash(readCard(blue.doc, id)?.text ?? '');
    await ask(pinkCtl, 'card:endorse', { cardId: id, textHash: hash });
    await ask(blueCtl, 'card:endorse', { cardId: id, textHash: hash });
  }
  applyTextEdit(blue.doc, ids.drift, 'One named contact for every family, from staff', 'test');
  await waitFor(
    'drift edit stored',
    () => readCard(pink.doc, ids.drift)?.text.endsWith('staff') === true,
  );
  const opened = await ask(facCtl, 'round:open', {
    section: 'priorities',
    budget: 5,
    perCardCap: 3,
  });
  if (!opened.ok) throw new Error(opened.message);
  const roundId = opened.roundId;
  const cast = (ctl: typeof pinkCtl, cardId: string, dots: number) =>
    ask(ctl, 'ballot:cast', { roundId, cardId, dots, key: `k-${cardId}-${dots}-${Math.random()}` });
  await cast(pinkCtl, ids.agreed, 3);
  await cast(pinkCtl, ids.drift, 2);
  await cast(blueCtl, ids.staffOnly, 3);
  await cast(blueCtl, ids.agreed, 2);
  await ask(facCtl, 'round:close', { roundId });
  for (const c of [pinkCtl, blueCtl, facCtl]) c.disconnect();
  pink.destroy();
  blue.destroy();
  return { w, ann, gwenId: g.workshopId, bo, observer, ids, roundId };
}
