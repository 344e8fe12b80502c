/**
 * The Store methods whose Kysely queries are the same on SQLite and Postgres (DESIGN §4, §6).
 * Each SQL adapter extends `KyselyStore` and adds what differs: the append hot path (seq
 * numbers from the database inside the append transaction), `lastSeq`, `deleteWorkshop`,
 * and how a round is locked. A new Store method whose queries are portable goes here, in
 * its own commented block; one that is not gets a block in each adapter.
 */
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Capability } from '../../lib/roles';
import { CompiledOnce } from './compiledOnce';
import * as drafts from './draftQueries';
import * as facilitation from './facilitationQueries';
import * as history from './historyQueries';
import {
  bytes,
  participantValues,
  toEndorsement,
  toInvite,
  toParticipant,
  toWorkshop,
} from './kyselyRows';
import { kyselyLogReader, listParticipants } from './logQueries';
import type { ActionChange, ActionRow, ClosureRow, OutcomeRow, ReadingRow } from './recordRows';
import * as records from './recordsQueries';
import type {
  AppendInput,
  AttendanceRow,
  AttributionRow,
  Binding,
  CandidateRow,
  CardEventRow,
  CastInput,
  DraftAppend,
  EndorsementRow,
  FrozenTurnout,
  InviteRow,
  LoadedDocument,
  LogReader,
  ParticipantChange,
  ParticipantRow,
  RevertRow,
  RoundRow,
  ServerWriteInput,
  Store,
  SummarySettingsRow,
  WorkshopRow,
} from './Store';
import type { Database } from './schema';
import type { SharedReads } from './sharedReads';
import * as summary from './summaryQueries';
import * as voting from './votingQueries';
import { WindowQueue } from './windowQueue';
import type { WorkshopFile } from './workshopFile';
import { exportWorkshopRows, importWorkshopRows } from './workshopTransfer';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Highest seq of a workshop, counting updates already folded into its snapshot. */
export async function readLastSeq(db: Db | Trx, workshopId: string): Promise<number> {
  const row = await db
    .selectFrom('workshops as w')
    .where('w.id', '=', workshopId)
    .select([
      (eb) =>
        eb
          .selectFrom('updates')
          .where('workshop_id', '=', workshopId)
          .select((e) => e.fn.max('seq').as('m'))
          .as('maxUpdate'),
      (eb) =>
        eb
          .selectFrom('snapshots')
          .where('workshop_id', '=', workshopId)
          .select('upto_seq')
          .as('snapshotSeq'),
    ])
    .executeTakeFirst();
  return Math.max(Number(row?.maxUpdate ?? 0), Number(row?.snapshotSeq ?? 0));
}

/**
 * Lock a workshop's row until the transaction ends, on engines with row locks, and return
 * the row's version (`xmin`) as the lock found it. NO KEY UPDATE serialises appends,
 * compactions and facilitation changes of one workshop without blocking inserts that
 * merely refer to it (their foreign-key checks take KEY SHARE). A locking read that waited
 * returns the row's latest version, not its snapshot's.
 */
export async function lockWorkshopRow(trx: Trx, workshopId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('workshops')
    .select(sql<string>`xmin::text`.as('version'))
    .where('id', '=', workshopId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Lock a workshop's row and write a new version of it (an update that changes no key takes
 * the same NO KEY UPDATE lock): a change a room's fast path must not miss (I94). Returns
 * the new version.
 */
export async function bumpWorkshopRow(trx: Trx, workshopId: string): Promise<string | null> {
  const row = await trx
    .updateTable('workshops')
    .set((eb) => ({ title: eb.ref('title') }))
    .where('id', '=', workshopId)
    .returning(sql<string>`xmin::text`.as('version'))
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * How long attendance stretches opened together wait to be written as one statement (ms).
 * Short beside anything a person sees; a process killed within it loses only those rows,
 * and the restarted server closes the stretches it finds open (I44).
 */
export const ATTENDANCE_WINDOW_MS = 50;

/** The portable part of a SQL Store adapter. */
export abstract class KyselyStore implements Store {
  protected readonly db: Db;
  /** Concurrent identical participant and invite reads share one query (I91); SQLite only. */
  private readonly reads: SharedReads | null;

  /**
   * Attendance opened within `ATTENDANCE_WINDOW_MS`, written in one statement; SQLite only,
   * where every insert is its own commit on the one connection (I44).
   */
  private readonly arrivals: WindowQueue<AttendanceRow> | null;

  constructor(db: Db, reads: SharedReads | null = null) {
    this.reads = reads;
    this.db = reads ? db.withPlugin(reads.plugin) : db;
    this.arrivals = reads
      ? new WindowQueue((rows) => facilitation.openAttendances(this.db, rows), ATTENDANCE_WINDOW_MS)
      : null;
  }

  /** `read()`, shared with concurrent callers of `key` when this store shares reads. */
  private shared<T>(key: string, read: () => Promise<T>, keep = false): Promise<T> {
    return this.reads ? this.reads.run(key, read, keep) : read();
  }

  /** Serialise casts and candidate changes of one round inside a transaction. */
  protected abstract readonly lockRound: voting.LockRound;
  /** Whether the engine takes row locks (`select … for update`); SQLite has one writer. */
  protected abstract readonly rowLocks: boolean;

  abstract appendUpdate(input: AppendInput): Promise<number>;
  abstract appendServerWrite(input: ServerWriteInput): Promise<number>;
  abstract lastSeq(workshopId: string): Promise<number>;
  abstract deleteWorkshop(id: string): Promise<boolean>;

  /** Lock a workshop's row until the transaction ends (no-op without row locks). */
  protected async lockWorkshop(trx: Trx, workshopId: string): Promise<void> {
    // Whatever takes this lock changes something an ordered write reads: a new version (I94).
    if (this.rowLocks) await bumpWorkshopRow(trx, workshopId);
  }

  async createWorkshop(workshop: WorkshopRow, facilitator: ParticipantRow, invites: InviteRow[]) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('workshops')
        .values({
          id: workshop.id,
          title: workshop.title,
          question: workshop.question,
          created_at: workshop.createdAt,
        })
        .execute();
      for (const i of invites) await this.insertInvite(trx, i);
      await trx.insertInto('participants').values(participantValues(facilitator)).execute();
    });
  }

  protected async insertInvite(trx: Trx, i: InviteRow): Promise<void> {
    await trx
      .insertInto('invites')
      .values({
        id: i.id,
        workshop_id: i.workshopId,
        kind: i.kind,
        token: i.token,
        created_at: i.createdAt,
        revoked_at: i.revokedAt,
        token_gen: i.tokenGen ?? 0,
        max_joins: i.maxJoins ?? null,
      })
      .execute();
  }

  async getWorkshop(id: string) {
    const r = await this.db
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toWorkshop(r) : null;
  }

  async getInviteByToken(token: string) {
    const r = await this.db
      .selectFrom('invites')
      .selectAll()
      .where('token', '=', token)
      .executeTakeFirst();
    return r ? toInvite(r) : null;
  }

  getInvite(workshopId: string, inviteId: string) {
    return this.shared(`invite\0${workshopId}\0${inviteId}`, async () => {
      const r = await this.db
        .selectFrom('invites')
        .selectAll()
        .where('workshop_id', '=', workshopId)
        .where('id', '=', inviteId)
        .executeTakeFirst();
      return r ? toInvite(r) : null;
    });
  }

  async listInvites(workshopId: string) {
    const rows = await this.db
      .selectFrom('invites as i')
      .selectAll('i')
      .select((eb) =>
        eb
          .selectFrom('participants as p')
          .whereRef('p.invite_id', '=', 'i.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('joined'),
      )
      .where('i.workshop_id', '=', workshopId)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .execute();
    return rows.map((r) => ({ ...toInvite(r), joined: Number(r.joined ?? 0) }));
  }

  async revokeInvite(workshopId: string, inviteId: string, at: string) {
    // Revoking twice keeps the first time.
    const result = await this.db
      .updateTable('invites')
      .set({ revoked_at: sql<string>`coalesce(revoked_at, ${at})` })
      .where('workshop_id', '=', workshopId)
      .where('id', '=', inviteId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async addParticipant(participant: ParticipantRow) {
    await this.db.insertInto('participants').values(participantValues(participant)).execute();
  }

  /** One person's row by id: read by every connection, so compiled once. */
  private readonly participantById = new CompiledOnce(
    () => this.db.selectFrom('participants').selectAll().where('id', '=', '').compile(),
    1,
  );

  getParticipant(id: string) {
    return this.shared(`participant\0${id}`, async () => {
      const { rows } = await this.db.executeQuery(this.participantById.with([id]));
      const r = rows[0];
      return r ? toParticipant(r) : null;
    });
  }

  async getParticipantByPersonalToken(token: string) {
    const r = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('personal_token', '=', token)
      .executeTakeFirst();
    return r ? toParticipant(r) : null;
  }

  async listParticipants(workshopId: string) {
    const list = await this.shared(
      `participants\0${workshopId}`,
      () => listParticipants(this.db, workshopId),
      true,
    );
    // Each caller its own array (some filter or sort); the rows are shared and never changed.
    return this.reads ? list.slice() : list;
  }

  async loadDocument(workshopId: string): Promise<LoadedDocument> {
    // One repeatable-read transaction, so a compaction cannot slip between snapshot and
    // updates (SQLite's transactions always are; Postgres needs the level).
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snap = await trx
          .selectFrom('snapshots')
          .select(['upto_seq', 'data'])
          .where('workshop_id', '=', workshopId)
          .executeTakeFirst();
        const snapshotSeq = snap?.upto_seq ?? 0;
        const updates = await trx
          .selectFrom('updates')
          .select(['seq', 'data'])
          .where('workshop_id', '=', workshopId)
          .where('seq', '>', snapshotSeq)
          .orderBy('seq')
          .execute();
        return {
          snapshot: snap ? bytes(snap.data) : null,
          snapshotSeq,
          updates: updates.map((u) => ({ seq: u.seq, data: bytes(u.data) })),
          bindings: await this.bindings(trx, workshopId),
          cardCreators: await this.cardCreators(trx, workshopId),
        };
      });
  }

  logReader(workshopId: string): LogReader {
    return kyselyLogReader(this.db, workshopId);
  }

  protected async bindings(trx: Trx, workshopId: string): Promise<Binding[]> {
    const rows = await trx
      .selectFrom('client_bindings')
      .select(['client_id', 'participant_id', 'identifiable'])
      .where('workshop_id', '=', workshopId)
      .orderBy('client_id')
      .execute();
    return rows.map((r) => ({
      clientId: Number(r.client_id),
      participantId: r.participant_id,
      ...(Number(r.identifiable) === 1 ? { identifiable: true } : {}),
    }));
  }

  protected async cardCreators(trx: Trx, workshopId: string) {
    const rows = await trx
      .selectFrom('card_creators')
      .select(['card_id', 'participant_id'])
      .where('workshop_id', '=', workshopId)
      .orderBy('card_id')
      .execute();
    return rows.map((r) => ({ cardId: r.card_id, participantId: r.participant_id }));
  }

  async compact(workshopId: string, snapshot: Uint8Array, uptoSeq: number) {
    await this.db.transaction().execute(async (trx) => {
      await this.lockWorkshop(trx, workshopId);
      const last = await readLastSeq(trx, workshopId);
      const prev = await trx
        .selectFrom('snapshots')
        .select('upto_seq')
        .where('workshop_id', '=', workshopId)
        .executeTakeFirst();
      if (uptoSeq > last || uptoSeq < (prev?.upto_seq ?? 0)) {
        throw new Error(
          `compact(${workshopId}, upto ${uptoSeq}): must lie between the current snapshot (${prev?.upto_seq ?? 0}) and the last seq (${last})`,
        );
      }
      const row = {
        workshop_id: workshopId,
        upto_seq: uptoSeq,
        data: snapshot,
        created_at: new Date().toISOString(),
      };
      await trx
        .insertInto('snapshots')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('workshop_id')
            .doUpdateSet({ upto_seq: uptoSeq, data: snapshot, created_at: row.created_at }),
        )
        .execute();
      await trx
        .deleteFrom('updates')
        .where('workshop_id', '=', workshopId)
        .where('seq', '<=', uptoSeq)
        .execute();
    });
  }

  async attributionsForCard(
    workshopId: string,
    cardId: string,
    afterSeq: number,
  ): Promise<AttributionRow[]> {
    return this.db
      .selectFrom('attributions')
      .select([
        'seq',
        'participant_id as participantId',
        'card_id as cardId',
        'field',
        'inserted',
        'deleted',
      ])
      .where('workshop_id', '=', workshopId)
      .where('card_id', '=', cardId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
  }

  async recordCardEvent(e: CardEventRow) {
    await this.db
      .insertInto('card_events')
      .values({
        workshop_id: e.workshopId,
        card_id: e.cardId,
        participant_id: e.participantId,
        action: e.action,
        at: e.at,
        identifiable: e.identifiable ? 1 : 0,
      })
      .execute();
  }

  async listCardEvents(workshopId: string): Promise<CardEventRow[]> {
    const rows = await this.db
      .selectFrom('card_events')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      workshopId: r.workshop_id,
      cardId: r.card_id,
      participantId: r.participant_id,
      action: r.action as CardEventRow['action'],
      at: r.at,
      ...(Number(r.identifiable) === 1 ? { identifiable: true } : {}),
    }));
  }

  async putEndorsement(e: EndorsementRow) {
    const values = { text_hash: e.textHash, seq: e.seq, at: e.at };
    await this.db
      .insertInto('endorsements')
      .values({
        workshop_id: e.workshopId,
        card_id: e.cardId,
        participant_id: e.participantId,
        ...values,
      })
      .onConflict((oc) =>
        oc.columns(['workshop_id', 'card_id', 'participant_id']).doUpdateSet(values),
      )
      .execute();
  }

  async listEndorsements(workshopId: string) {
    const rows = await this.db
      .selectFrom('endorsements')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('at')
      .orderBy('card_id')
      .orderBy('participant_id')
      .execute();
    return rows.map(toEndorsement);
  }

  createRound(round: RoundRow, candidates: CandidateRow[]) {
    return voting.createRound(this.db, round, candidates);
  }

  getRound(workshopId: string, roundId: string) {
    return voting.getRound(this.db, workshopId, roundId);
  }

  listRounds(workshopId: string) {
    return voting.listRounds(this.db, workshopId);
  }

  listCandidates(roundId: string) {
    return voting.listCandidates(this.db, roundId);
  }

  setRoundClosed(workshopId: string, roundId: string, closedAt: string | null) {
    return voting.setRoundClosed(this.db, workshopId, roundId, closedAt);
  }

  setRoundDeadline(workshopId: string, roundId: string, deadline: string | null) {
    return voting.setRoundDeadline(this.db, workshopId, roundId, deadline);
  }

  removeCandidate(roundId: string, cardId: string, at: string) {
    return voting.removeCandidate(this.db, this.lockRound, roundId, cardId, at);
  }

  castBallot(input: CastInput) {
    return voting.castBallot(this.db, this.lockRound, input);
  }

  listBallots(roundId: string) {
    return voting.listBallots(this.db, roundId);
  }

  // ── People's data and links (issue 8 §4, §7; migration 5) ─────────────────────

  async setPersonalToken(participantId: string, hash: string, gen: number) {
    await this.db
      .updateTable('participants')
      .set({ personal_token: hash, token_gen: gen })
      .where('id', '=', participantId)
      .execute();
  }

  async updateParticipant(
    participantId: string,
    change: Partial<Pick<ParticipantRow, ParticipantChange>>,
  ) {
    const set: Updateable<Database['participants']> = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.anonymous !== undefined) set.anonymous = change.anonymous ? 1 : 0;
    if (change.accessNeeds !== undefined) set.access_needs = change.accessNeeds;
    if (change.erasedAt !== undefined) set.erased_at = change.erasedAt;
    if (change.personalToken !== undefined) set.personal_token = change.personalToken;
    if (change.tokenGen !== undefined) set.token_gen = change.tokenGen;
    if (Object.keys(set).length > 0)
      await this.db.updateTable('participants').set(set).where('id', '=', participantId).execute();
    return this.getParticipant(participantId);
  }

  async removeParticipant(workshopId: string, participantId: string, at: string) {
    const r = await this.db
      .updateTable('participants')
      .set((eb) => ({ removed_at: eb.fn.coalesce('removed_at', eb.val(at)) }))
      .where('workshop_id', '=', workshopId)
      .where('id', '=', participantId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async addParticipantWithinCap(participant: ParticipantRow) {
    return this.db.transaction().execute(async (trx) => {
      if (participant.inviteId) {
        const invite = await trx
          .selectFrom('invites')
          .select(['revoked_at', 'max_joins'])
          .where('id', '=', participant.inviteId)
          .$if(this.rowLocks, (q) => q.forNoKeyUpdate())
          .executeTakeFirst();
        if (!invite || invite.revoked_at) return 'revoked' as const;
        if (invite.max_joins !== null) {
          const joined = await trx
            .selectFrom('participants')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('invite_id', '=', participant.inviteId)
            .executeTakeFirstOrThrow();
          if (Number(joined.n) >= Number(invite.max_joins)) return 'full' as const;
        }
      }
      await trx.insertInto('participants').values(participantValues(participant)).execute();
      return 'ok' as const;
    });
  }

  async addInvite(invite: InviteRow) {
    await this.db.transaction().execute((trx) => this.insertInvite(trx, invite));
  }

  async setInviteCap(workshopId: string, inviteId: string, maxJoins: number | null) {
    const r = await this.db
      .updateTable('invites')
      .set({ max_joins: maxJoins })
      .where('workshop_id', '=', workshopId)
      .where('id', '=', inviteId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async updateWorkshop(id: string, change: { title: string; question: string }) {
    const r = await this.db
      .updateTable('workshops')
      .set({ title: change.title, question: change.question })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async setWorkshopClosed(id: string, closedAt: string | null) {
    const r = await this.db
      .updateTable('workshops')
      .set({ closed_at: closedAt })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async listClosedBefore(before: string) {
    const rows = await this.db
      .selectFrom('workshops')
      .select('id')
      .where('closed_at', 'is not', null)
      .where('closed_at', '<=', before)
      .execute();
    return rows.map((r) => r.id);
  }

  // ── Voting results stay right (issue 13) ──────────────────────────────────────────
  closeRound(
    workshopId: string,
    roundId: string,
    closedAt: string,
    frozen: FrozenTurnout,
    onlyIfOpen = false,
  ) {
    return voting.closeRound(this.db, workshopId, roundId, closedAt, frozen, onlyIfOpen);
  }

  reopenRound(workshopId: string, roundId: string) {
    return voting.reopenRound(this.db, workshopId, roundId);
  }

  restoreCandidate(roundId: string, cardId: string) {
    return voting.restoreCandidate(this.db, roundId, cardId);
  }

  addCandidate(roundId: string, cardId: string, text: string, at: string) {
    return voting.addCandidate(this.db, this.lockRound, roundId, cardId, text, at);
  }

  countBallotKeys(roundId: string) {
    return voting.countBallotKeys(this.db, roundId);
  }

  // ── Card history (issue 13) ──────────────────────────────────────────────────

  historySources(workshopId: string, seqs: number[]) {
    return history.historySources(this.db, workshopId, seqs);
  }

  keepHistory(workshopId: string, uptoSeq: number) {
    return history.keepHistory(this.db, workshopId, uptoSeq);
  }

  recordRevert(row: RevertRow) {
    return history.recordRevert(this.db, row);
  }

  listReverts(workshopId: string, cardId: string) {
    return history.listReverts(this.db, workshopId, cardId);
  }

  // ── Summary (issue 10) ───────────────────────────────────────────────────────

  getSummarySettings(workshopId: string) {
    return summary.getSummarySettings(this.db, workshopId);
  }

  putSummarySettings(row: SummarySettingsRow) {
    return summary.putSummarySettings(this.db, row);
  }

  summaryActivity(workshopId: string) {
    return summary.summaryActivity(this.db, workshopId);
  }

  // ── Live facilitation (issue 11; migration 11) ───────────────────────────────

  loadFacilitation(workshopId: string) {
    return facilitation.loadFacilitation(this.db, workshopId);
  }

  saveFacilitation(workshopId: string, state: FacilitationState, at: string) {
    if (!this.rowLocks) return facilitation.saveFacilitation(this.db, workshopId, state, at);
    // Under the workshop's row lock, as every change an ordered write reads (I94).
    return this.db.transaction().execute(async (trx) => {
      await this.lockWorkshop(trx, workshopId);
      await facilitation.saveFacilitation(trx, workshopId, state, at);
    });
  }

  updateFacilitation(
    workshopId: string,
    change: (stored: FacilitationState | null) => FacilitationState | null,
    at: string,
  ) {
    // The workshop's row, not the facilitation row: there may be no facilitation row yet,
    // and the ordered write path takes the same lock first, so no two locks cross (I85).
    return this.db.transaction().execute(async (trx) => {
      await this.lockWorkshop(trx, workshopId);
      const next = change(await facilitation.loadFacilitation(trx, workshopId));
      if (next) await facilitation.saveFacilitation(trx, workshopId, next, at);
      return next;
    });
  }

  async setCapability(workshopId: string, participantId: string, capability: Capability) {
    await this.db
      .updateTable('participants')
      .set({ capability })
      .where('id', '=', participantId)
      .where('workshop_id', '=', workshopId)
      .execute();
    const p = await this.getParticipant(participantId);
    return p && p.workshopId === workshopId ? p : null;
  }

  openAttendance(row: AttendanceRow) {
    return this.arrivals ? this.arrivals.add(row) : facilitation.openAttendance(this.db, row);
  }

  closeAttendance(id: string, leftAt: string) {
    return facilitation.closeAttendance(this.db, id, leftAt);
  }

  closeOpenAttendance(at: string) {
    return facilitation.closeOpenAttendance(this.db, at);
  }

  listAttendance(workshopId: string) {
    return facilitation.listAttendance(this.db, workshopId);
  }

  listOpenAttendance() {
    return facilitation.listOpenAttendance(this.db);
  }

  writtenSince(workshopId: string, afterSeq: number) {
    return facilitation.writtenSince(this.db, workshopId, afterSeq);
  }

  // ── Records (issue 9; migration 12) ─────────────────────────────────────────

  /** The workshop lock the capped and multi-row record writes take. */
  private readonly recordLock: records.LockWorkshop = (trx, id) => this.lockWorkshop(trx, id);

  loadRecords(workshopId: string) {
    return records.loadRecords(this.db, workshopId);
  }

  saveOutcome(row: OutcomeRow) {
    return records.saveOutcome(this.db, this.recordLock, row);
  }

  outcomeHistory(workshopId: string, decisionId: string) {
    return records.outcomeHistory(this.db, workshopId, decisionId);
  }

  addAction(row: ActionRow, max: number) {
    return records.addAction(this.db, this.recordLock, row, max);
  }

  updateAction(workshopId: string, actionId: string, change: ActionChange) {
    return records.updateAction(this.db, workshopId, actionId, change);
  }

  addReading(row: ReadingRow, max: number) {
    return records.addReading(this.db, this.recordLock, row, max);
  }

  removeReading(workshopId: string, readingId: string) {
    return records.removeReading(this.db, workshopId, readingId);
  }

  setClosure(workshopId: string, cardId: string, row: ClosureRow | null) {
    return records.setClosure(this.db, workshopId, cardId, row);
  }

  cardsWrittenBy(workshopId: string, participantId: string) {
    return records.cardsWrittenBy(this.db, workshopId, participantId);
  }

  // ── Operations (issue 12) ────────────────────────────────────────────────────

  async ping() {
    await sql`select 1`.execute(this.db);
  }

  exportWorkshop(workshopId: string) {
    return exportWorkshopRows(this.db, workshopId);
  }

  importWorkshop(file: WorkshopFile) {
    return importWorkshopRows(this.db, file);
  }

  // ── Private writing (issue 11; migration 14) ─────────────────────────────────

  appendDraftUpdate(input: DraftAppend) {
    return drafts.appendDraftUpdate(this.db, input);
  }

  loadDraft(workshopId: string, participantId: string) {
    return drafts.loadDraft(this.db, workshopId, participantId);
  }

  listDrafts(workshopId: string) {
    return drafts.listDrafts(this.db, workshopId);
  }

  clearDraft(workshopId: string, participantId: string, uptoSeq: number) {
    return drafts.clearDraft(this.db, workshopId, participantId, uptoSeq);
  }

  async close() {
    await this.arrivals?.flush();
    await this.db.destroy();
  }
}
