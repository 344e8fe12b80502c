/**
 * Voting rounds and ballots in SQL (issue 4), written against Kysely so the SQLite adapter
 * and the Postgres adapter share them. `castBallot` is read-check-write inside one
 * transaction; the adapter passes `lockRound`, which must serialise casts of one round
 * (Postgres: `select … for update` on the round row; SQLite: its one writer already does).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  BallotRow,
  CandidateRow,
  CastInput,
  CastOutcome,
  FrozenTurnout,
  RoundRow,
} from './Store';
import type { Database } from './schema';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Serialise concurrent casts of one round inside the caller's transaction. */
export type LockRound = (trx: Trx, roundId: string) => Promise<void>;

function toRound(r: Selectable<Database['rounds']>): RoundRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    section: r.section as RoundRow['section'],
    budget: Number(r.budget),
    perCardCap: Number(r.per_card_cap),
    deadline: r.deadline,
    resultsVisibility: r.results_visibility as RoundRow['resultsVisibility'],
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    divergencePoints: Number(r.divergence_points),
    frozen: toFrozen(r),
  };
}

/** The turnout fixed at closing, when all four counts were stored. */
function toFrozen(r: Selectable<Database['rounds']>): FrozenTurnout | null {
  const { eligible_people: ep, eligible_system: es, voted_people: vp, voted_system: vs } = r;
  if (ep === null || es === null || vp === null || vs === null) return null;
  return {
    people: { voted: Number(vp), eligible: Number(ep) },
    system: { voted: Number(vs), eligible: Number(es) },
  };
}

function toCandidate(r: Selectable<Database['round_candidates']>): CandidateRow {
  return {
    roundId: r.round_id,
    cardId: r.card_id,
    text: r.text,
    position: Number(r.position),
    removedAt: r.removed_at,
    addedAt: r.added_at,
  };
}

/** Insert a round and its candidates in one transaction. */
export async function createRound(
  db: Db,
  round: RoundRow,
  candidates: CandidateRow[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rounds')
      .values({
        id: round.id,
        workshop_id: round.workshopId,
        section: round.section,
        budget: round.budget,
        per_card_cap: round.perCardCap,
        deadline: round.deadline,
        results_visibility: round.resultsVisibility,
        opened_at: round.openedAt,
        opened_by: round.openedBy,
        closed_at: round.closedAt,
        divergence_points: round.divergencePoints,
        ...frozenColumns(round.frozen),
      })
      .execute();
    if (candidates.length === 0) return;
    await trx
      .insertInto('round_candidates')
      .values(
        candidates.map((c) => ({
          round_id: round.id,
          card_id: c.cardId,
          text: c.text,
          position: c.position,
          removed_at: c.removedAt,
          added_at: c.addedAt,
        })),
      )
      .execute();
  });
}

export async function getRound(
  db: Db | Trx,
  workshopId: string,
  roundId: string,
): Promise<RoundRow | null> {
  const r = await db
    .selectFrom('rounds')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .where('id', '=', roundId)
    .executeTakeFirst();
  return r ? toRound(r) : null;
}

/** Rounds of a workshop, newest first (ties broken by id so the order is stable). */
export async function listRounds(db: Db, workshopId: string): Promise<RoundRow[]> {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRound);
}

export async function listCandidates(db: Db, roundId: string): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('round_candidates')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('position')
    .orderBy('card_id')
    .execute();
  return rows.map(toCandidate);
}

export async function setRoundClosed(
  db: Db,
  workshopId: string,
  roundId: string,
  closedAt: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('rounds')
    .set({ closed_at: closedAt })
    .where('workshop_id', '=', workshopId)
    .where('id', '=', roundId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function setRoundDeadline(
  db: Db,
  workshopId: string,
  roundId: string,
  deadline: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('rounds')
    .set({ deadline })
    .where('workshop_id', '=', workshopId)
    .where('id', '=', roundId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Mark a live candidate removed and delete its ballots; returns the voters it affected. */
export async function removeCandidate(
  db: Db,
  lockRound: LockRound,
  roundId: string,
  cardId: string,
  at: string,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await lockRound(trx, roundId);
    const marked = await trx
      .updateTable('round_candidates')
      .set({ removed_at: at })
      .where('round_id', '=', roundId)
      .where('card_id', '=', cardId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows === 0n) return [];
    const voters = await trx
      .selectFrom('ballots')
      .select('participant_id')
      .where('round_id', '=', roundId)
      .where('card_id', '=', cardId)
      .where('dots', '>', 0)
      .orderBy('participant_id')
      .execute();
    await trx
      .deleteFrom('ballots')
      .where('round_id', '=', roundId)
      .where('card_id', '=', cardId)
      .execute();
    return voters.map((v) => v.participant_id);
  });
}

export async function listBallots(db: Db, roundId: string): Promise<BallotRow[]> {
  const rows = await db
    .selectFrom('ballots')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('dots', '>', 0)
    .orderBy('participant_id')
    .orderBy('card_id')
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    participantId: r.participant_id,
    cardId: r.card_id,
    dots: Number(r.dots),
  }));
}

type CastFailure = Extract<CastOutcome, { ok: false }>;
type Decision = { ok: true; dotsOnCard: number; dotsLeft: number } | CastFailure;

/** Set a participant's dots on a card, enforcing every rule in the same transaction. */
export async function castBallot(
  db: Db,
  lockRound: LockRound,
  input: CastInput,
): Promise<CastOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockRound(trx, input.roundId);
    const round = await getRound(trx, input.workshopId, input.roundId);
    if (!round) return { ok: false, reason: 'unknownRound' };
    const replay = await storedOutcome(trx, input);
    if (replay) return replay;
    const decision = await decide(trx, round, input);
    if (!decision.ok && !(await keepRefusal(trx, input))) return decision;
    await trx
      .insertInto('ballot_keys')
      .values({
        round_id: input.roundId,
        participant_id: input.participantId,
        key: input.key,
        card_id: input.cardId,
        dots: input.dots,
        ok: decision.ok ? 1 : 0,
        reason: decision.ok ? null : decision.reason,
        dots_on_card: decision.ok ? decision.dotsOnCard : null,
        dots_left: decision.ok ? decision.dotsLeft : null,
        at: input.now,
      })
      .execute();
    return decision.ok ? { ...decision, replayed: false } : decision;
  });
}

/**
 * Refusals are recorded in a bounded way (issue 8 §4: 5,000 refused casts had added 5,000
 * keys): at most one refused key per voter and candidate card, the newest, and none for a
 * card that is not a candidate (its id could be anything). The client sends one change at
 * a time per card, so the only refused key it can still retry is that newest one, and its
 * retry gets the same answer. An older refused key, or one on a non-candidate, is decided
 * afresh; a cast sets an absolute number of dots, so deciding it again never counts twice.
 * Returns false when the refusal is not to be recorded.
 */
async function keepRefusal(trx: Trx, input: CastInput): Promise<boolean> {
  const candidate = await trx
    .selectFrom('round_candidates')
    .select('card_id')
    .where('round_id', '=', input.roundId)
    .where('card_id', '=', input.cardId)
    .executeTakeFirst();
  if (!candidate) return false;
  await trx
    .deleteFrom('ballot_keys')
    .where('round_id', '=', input.roundId)
    .where('participant_id', '=', input.participantId)
    .where('card_id', '=', input.cardId)
    .where('ok', '=', 0)
    .execute();
  return true;
}

/** The outcome recorded for this key, marked as a replay; null when the key is new. */
async function storedOutcome(trx: Trx, input: CastInput): Promise<CastOutcome | null> {
  const row = await trx
    .selectFrom('ballot_keys')
    .selectAll()
    .where('round_id', '=', input.roundId)
    .where('participant_id', '=', input.participantId)
    .where('key', '=', input.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.ok === 0) return { ok: false, reason: row.reason as CastFailure['reason'] };
  return {
    ok: true,
    dotsOnCard: Number(row.dots_on_card ?? 0),
    dotsLeft: Number(row.dots_left ?? 0),
    replayed: true,
  };
}

/** Check the round, the card, the cap and the budget; write the ballot when all pass. */
async function decide(trx: Trx, round: RoundRow, input: CastInput): Promise<Decision> {
  const deadlinePassed =
    round.deadline !== null && Date.parse(round.deadline) <= Date.parse(input.now);
  if (round.closedAt !== null || deadlinePassed) return { ok: false, reason: 'roundClosed' };
  const candidate = await trx
    .selectFrom('round_candidates')
    .select('removed_at')
    .where('round_id', '=', input.roundId)
    .where('card_id', '=', input.cardId)
    .executeTakeFirst();
  if (!candidate || candidate.removed_at !== null) return { ok: false, reason: 'notCandidate' };
  if (input.dots > round.perCardCap) return { ok: false, reason: 'overCap' };
  const mine = await trx
    .selectFrom('ballots')
    .select(['card_id', 'dots'])
    .where('round_id', '=', input.roundId)
    .where('participant_id', '=', input.participantId)
    .execute();
  const elsewhere = mine
    .filter((b) => b.card_id !== input.cardId)
    .reduce((sum, b) => sum + Number(b.dots), 0);
  if (elsewhere + input.dots > round.budget) return { ok: false, reason: 'overBudget' };
  await writeBallot(trx, input);
  return { ok: true, dotsOnCard: input.dots, dotsLeft: round.budget - elsewhere - input.dots };
}

async function writeBallot(trx: Trx, input: CastInput): Promise<void> {
  const where = trx
    .deleteFrom('ballots')
    .where('round_id', '=', input.roundId)
    .where('participant_id', '=', input.participantId)
    .where('card_id', '=', input.cardId);
  if (input.dots === 0) {
    await where.execute();
    return;
  }
  await trx
    .insertInto('ballots')
    .values({
      round_id: input.roundId,
      participant_id: input.participantId,
      card_id: input.cardId,
      dots: input.dots,
    })
    .onConflict((oc) =>
      oc.columns(['round_id', 'participant_id', 'card_id']).doUpdateSet({ dots: input.dots }),
    )
    .execute();
}

// ── Voting results stay right (issue 13) ────────────────────────────────────────────

function frozenColumns(frozen: FrozenTurnout | null) {
  return {
    eligible_people: frozen?.people.eligible ?? null,
    eligible_system: frozen?.system.eligible ?? null,
    voted_people: frozen?.people.voted ?? null,
    voted_system: frozen?.system.voted ?? null,
  };
}

/** Close a round and fix its turnout in one UPDATE. */
export async function closeRound(
  db: Db,
  workshopId: string,
  roundId: string,
  closedAt: string,
  frozen: FrozenTurnout,
  onlyIfOpen = false,
): Promise<boolean> {
  let q = db
    .updateTable('rounds')
    .set({ closed_at: closedAt, ...frozenColumns(frozen) })
    .where('workshop_id', '=', workshopId)
    .where('id', '=', roundId);
  if (onlyIfOpen) q = q.where('closed_at', 'is', null);
  const r = await q.executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Reopen a round: no closing time, no fixed turnout. */
export async function reopenRound(db: Db, workshopId: string, roundId: string): Promise<boolean> {
  const r = await db
    .updateTable('rounds')
    .set({ closed_at: null, ...frozenColumns(null) })
    .where('workshop_id', '=', workshopId)
    .where('id', '=', roundId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Clear a candidate's removal; its ballots were deleted with it, so it starts at zero. */
export async function restoreCandidate(db: Db, roundId: string, cardId: string): Promise<boolean> {
  const r = await db
    .updateTable('round_candidates')
    .set({ removed_at: null })
    .where('round_id', '=', roundId)
    .where('card_id', '=', cardId)
    .where('removed_at', 'is not', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Append a late candidate after every other one; false when the card already is one. */
export async function addCandidate(
  db: Db,
  lockRound: LockRound,
  roundId: string,
  cardId: string,
  text: string,
  at: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockRound(trx, roundId);
    const rows = await trx
      .selectFrom('round_candidates')
      .select(['card_id', 'position'])
      .where('round_id', '=', roundId)
      .execute();
    if (rows.some((r) => r.card_id === cardId)) return false;
    const position = rows.reduce((max, r) => Math.max(max, Number(r.position)), -1) + 1;
    await trx
      .insertInto('round_candidates')
      .values({
        round_id: roundId,
        card_id: cardId,
        text,
        position,
        removed_at: null,
        added_at: at,
      })
      .execute();
    return true;
  });
}

/** How many idempotency keys a round holds. */
export async function countBallotKeys(db: Db, roundId: string): Promise<number> {
  const r = await db
    .selectFrom('ballot_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
