/**
 * The board the summary tests read (issue 10), written through the real server by real
 * clients: cards in every section by both groups, an agreed card that drifted, and a closed
 * voting round. Issue 9's records too: a decision agreed with two actions, one refused
 * against what people with lived experience voted for (with its rationale), an adopted
 * indicator with two readings (one added by the anonymous person), a drifted indicator, and
 * a priority closed as not possible. Imports no server code, so browser tests use it too.
 */
import { applyTextEdit, createCard, readCard } from '../../lib/board/doc';
import { applyFieldEdit, readRecord, recordHash, setFieldValue } from '../../lib/board/records';
import { textHash } from '../../lib/board/textHash';
import { ask, connectControl, connectY, type Session, waitFor } from './clients';

/** Who writes the board: a facilitator, one person of each group, and an anonymous one. */
export interface BoardWriters {
  facilitator: Session;
  lived: Session;
  staff: Session;
  /** Adds the first reading; anyone may add readings (issue 9). */
  anonymous: Session;
}

/** The cards the seed writes, with the words each starts with. */
export const SEED_TEXTS = {
  context: 'Budget is £40k; beds are short.',
  agreed: 'Phone people the day after they go home',
  drift: 'One named contact for every family',
  staffOnly: '=HYPERLINK("http://evil") staff rota first',
  decision: 'Pilot the phone call in Ward 7 from March',
  indicator: 'Share of people called within 48 hours',
  refused: 'Drop the named contact for now',
  drifted: 'Families know who to call',
};

/**
 * Cards in every section by both groups, an agreed card that drifted, a closed voting round
 * and issue 9's records, all through real clients (y-websocket and socket.io) as people make
 * them. `texts` replaces some cards' words (a browser test shows a friendlier staff card).
 */
export async function seedBoard(
  server: { url: string },
  who: BoardWriters,
  texts: Partial<typeof SEED_TEXTS> = {},
) {
  const t = { ...SEED_TEXTS, ...texts };
  const pink = connectY(server, who.lived);
  const blue = connectY(server, who.staff);
  await Promise.all([pink.synced, blue.synced]);
  const ids = {
    context: createCard(blue.doc, 'context', t.context),
    agreed: createCard(pink.doc, 'priorities', t.agreed),
    drift: createCard(pink.doc, 'priorities', t.drift),
    staffOnly: createCard(blue.doc, 'priorities', t.staffOnly),
    decision: createCard(blue.doc, 'decisions', t.decision),
    indicator: createCard(pink.doc, 'indicators', t.indicator),
    refused: createCard(blue.doc, 'decisions', t.refused),
    drifted: createCard(pink.doc, 'indicators', t.drifted),
  };
  await waitFor('cards reach staff', () =>
    Object.values(ids).every((id) => readCard(blue.doc, id)),
  );
  const pinkCtl = connectControl(who.lived);
  const blueCtl = connectControl(who.staff);
  const facCtl = connectControl(who.facilitator);
  for (const id of [ids.agreed, ids.drift]) {
    const hash = textHash(readCard(blue.doc, id)?.text ?? '');
    await ask(pinkCtl, 'card:endorse', { cardId: id, textHash: hash });
    await ask(blueCtl, 'card:endorse', { cardId: id, textHash: hash });
  }
  applyTextEdit(blue.doc, ids.drift, `${t.drift}, from staff`, 'test');
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
  const hanaCtl = connectControl(who.anonymous);
  await seedRecords(
    server,
    who.facilitator,
    { pink, blue, pinkCtl, blueCtl, facCtl, hanaCtl },
    ids,
  );
  for (const c of [pinkCtl, blueCtl, facCtl, hanaCtl]) c.disconnect();
  pink.destroy();
  blue.destroy();
  return { ids, roundId };
}

type Ids = Record<
  'agreed' | 'drift' | 'staffOnly' | 'decision' | 'indicator' | 'refused' | 'drifted',
  string
>;
type Ctl = ReturnType<typeof connectControl>;
interface Clients {
  pink: ReturnType<typeof connectY>;
  blue: ReturnType<typeof connectY>;
  pinkCtl: Ctl;
  blueCtl: Ctl;
  facCtl: Ctl;
  hanaCtl: Ctl;
}

/** Fields of each record, written as the facilitator (facilitator fields included). */
const FIELDS = (ids: Ids): [string, string, string | string[] | null][] => [
  [ids.decision, 'options', 'Phone calls, or a text message'],
  [ids.decision, 'rule', 'consent'],
  [ids.decision, 'powerHolder', 'Ward manager holds the budget'],
  [ids.decision, 'outOfHands', 'Staffing levels are set by the trust board'],
  [ids.decision, 'rationale', 'People said a voice matters more than a text.'],
  [ids.decision, 'answers', [ids.agreed]],
  [ids.refused, 'rule', 'budgetHolder'],
  [ids.refused, 'powerHolder', 'Director of nursing'],
  [ids.refused, 'escalatedTo', 'Trust board'],
  [ids.refused, 'rationale', 'There is no money for a new post this year.'],
  [ids.refused, 'answers', [ids.drift]],
  [ids.indicator, 'measure', 'Calls made within 48 hours of going home'],
  [ids.indicator, 'target', '90%'],
  [ids.indicator, 'baseline', '40%'],
  [ids.indicator, 'dataSource', 'Ward call log'],
  [ids.indicator, 'owner', 'Ward manager'],
  [ids.indicator, 'reviewDate', '2027-03-01'],
  [ids.indicator, 'serves', [ids.agreed]],
  [ids.drifted, 'owner', 'Family liaison'],
  [ids.drifted, 'serves', [ids.drift]],
];

/** Issue 9's records for the seeded workshop, through the real server. */
async function seedRecords(server: { url: string }, facilitator: Session, c: Clients, ids: Ids) {
  const fac = connectY(server, facilitator);
  await fac.synced;
  await waitFor('records reach the facilitator', () => readRecord(fac.doc, ids.drifted) !== null);
  for (const [id, field, value] of FIELDS(ids)) {
    if (typeof value === 'string' && field !== 'rule' && field !== 'reviewDate')
      applyFieldEdit(fac.doc, id, field, value, 'test');
    else setFieldValue(fac.doc, id, field, value, 'test');
  }
  await waitFor('fields reach staff', () =>
    FIELDS(ids).every(
      ([id, f, v]) => JSON.stringify(readRecord(c.blue.doc, id)?.fields[f]) === JSON.stringify(v),
    ),
  );
  for (const id of [ids.indicator, ids.drifted]) {
    const record = readRecord(c.blue.doc, id);
    if (!record) throw new Error('indicator missing');
    const hash = recordHash(record);
    for (const ctl of [c.pinkCtl, c.blueCtl])
      must(await ask(ctl, 'card:endorse', { cardId: id, textHash: hash }));
  }
  // Lived experience alone changes the second indicator after both adopted it: drifted.
  applyFieldEdit(c.pink.doc, ids.drifted, 'target', 'Half of families', 'test');
  await waitFor(
    'drift reaches staff',
    () => readRecord(c.blue.doc, ids.drifted)?.fields.target === 'Half of families',
  );
  must(await ask(c.facCtl, 'outcome:save', { decisionId: ids.decision, outcome: 'agreed' }));
  must(await ask(c.facCtl, 'outcome:save', { decisionId: ids.refused, outcome: 'notAgreed' }));
  const a1 = must(
    await ask(c.facCtl, 'action:add', {
      decisionId: ids.decision,
      what: 'Write the call script',
      who: 'Ward sister',
      byWhen: '2027-02-01',
    }),
  );
  must(
    await ask(c.facCtl, 'action:add', {
      decisionId: ids.decision,
      what: 'Train the morning team',
      who: 'Practice educator',
      byWhen: null,
    }),
  );
  must(await ask(c.facCtl, 'action:status', { actionId: a1.action.id, status: 'done' }));
  must(
    await ask(c.hanaCtl, 'reading:add', {
      indicatorId: ids.indicator,
      value: 42,
      date: '2026-12-01',
      note: 'First week',
    }),
  );
  must(
    await ask(c.pinkCtl, 'reading:add', {
      indicatorId: ids.indicator,
      value: 57.5,
      date: '2026-12-08',
    }),
  );
  must(
    await ask(c.facCtl, 'priority:close', {
      cardId: ids.staffOnly,
      closed: true,
      reason: 'The rota is set by the trust, not this ward.',
    }),
  );
  fac.destroy();
}

/** The acknowledgement's value, or a thrown error that says why the seed failed. */
function must<T extends { ok: boolean }>(ack: T): Extract<T, { ok: true }> {
  if (!ack.ok) throw new Error(`seed: ${JSON.stringify(ack)}`);
  return ack as Extract<T, { ok: true }>;
}
