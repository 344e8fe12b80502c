/**
 * The SQLite adapter of `Store` (DESIGN §4, §6): one file in WAL mode, reached through
 * Kysely over better-sqlite3. One process owns the file; queries run one at a time.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  type Insertable,
  Kysely,
  type Selectable,
  SqliteDialect,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Capability, Group, InviteKind } from '../../lib/roles';
import * as facilitation from './facilitationQueries';
import * as history from './historyQueries';
import { deleteWorkshopEverywhere } from './peopleQueries';
import type {
  AppendInput,
  AttendanceRow,
  AttributionRow,
  Binding,
  CandidateRow,
  CardEventRow,
  CastInput,
  EndorsementRow,
  FrozenTurnout,
  InviteRow,
  LoadedDocument,
  ParticipantChange,
  ParticipantRow,
  RevertRow,
  RoundRow,
  ServerWriteInput,
  Store,
  SummarySettingsRow,
  WorkshopRow,
} from './Store';
import { type Database, migrate } from './schema';
import { SqliteAppend } from './sqliteAppend';
import * as summary from './summaryQueries';
import * as voting from './votingQueries';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Thrown by `appendUpdate` when a clientID is already bound to another participant. */
export { BindingConflictError } from './sqliteAppend';

/**
 * SQLite has one writer and Kysely's driver runs one query at a time on our one
 * connection, so transactions never interleave and a round needs no row lock.
 */
const noLock: voting.LockRound = async () => undefined;

/** A SQLite-backed store; `pragma` reads a connection setting back (for tests and health). */
export interface SqliteStore extends Store {
  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys' | 'busy_timeout'): unknown;
}

/** Open (creating if needed) the SQLite file, apply PRAGMAs and migrations, return a Store. */
export async function openSqliteStore(opts: {
  file: string;
  synchronous?: 'NORMAL' | 'FULL';
}): Promise<SqliteStore> {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true, mode: 0o700 });
  const raw = new BetterSqlite3(opts.file);
  try {
    raw.pragma('journal_mode = WAL');
    ownerOnly(opts.file);
    raw.pragma(`synchronous = ${opts.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, 'sqlite');
    return new SqliteStoreImpl(db, raw);
  } catch (error) {
    raw.close();
    throw error;
  }
}

/** better-sqlite3 returns Buffer; hand out plain Uint8Array views of the same bytes. */
/**
 * The database and its WAL files are readable by the server's user only (0600; I29).
 * SQLite gives the -wal and -shm files the main file's mode when it creates them.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

function bytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** Optional columns added by migration 5 appear on rows only when they differ from 0. */
function optionalNumber<K extends string>(key: K, value: number): Partial<Record<K, number>> {
  const n = Number(value);
  return n === 0 ? {} : ({ [key]: n } as Record<K, number>);
}

function toWorkshop(r: Selectable<Database['workshops']>): WorkshopRow {
  return {
    id: r.id,
    title: r.title,
    question: r.question,
    createdAt: r.created_at,
    ...(r.closed_at ? { closedAt: r.closed_at } : {}),
  };
}

function toInvite(r: Selectable<Database['invites']>): InviteRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    kind: r.kind as InviteKind,
    token: r.token,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    ...optionalNumber('tokenGen', r.token_gen),
    ...(r.max_joins === null ? {} : { maxJoins: Number(r.max_joins) }),
  };
}

function toParticipant(r: Selectable<Database['participants']>): ParticipantRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    inviteId: r.invite_id,
    name: r.name,
    anonymous: r.anonymous !== 0,
    accessNeeds: r.access_needs,
    group: r.group_name as Group | null,
    capability: r.capability as Capability,
    personalToken: r.personal_token,
    createdAt: r.created_at,
    removedAt: r.removed_at,
    ...optionalNumber('tokenGen', r.token_gen),
    ...(r.erased_at ? { erasedAt: r.erased_at } : {}),
  };
}

function participantValues(p: ParticipantRow): Insertable<Database['participants']> {
  return {
    id: p.id,
    workshop_id: p.workshopId,
    invite_id: p.inviteId,
    name: p.name,
    anonymous: p.anonymous ? 1 : 0,
    access_needs: p.accessNeeds,
    group_name: p.group,
    capability: p.capability,
    personal_token: p.personalToken,
    created_at: p.createdAt,
    removed_at: p.removedAt,
    token_gen: p.tokenGen ?? 0,
    erased_at: p.erasedAt ?? null,
  };
}

function toEndorsement(r: Selectable<Database['endorsements']>): EndorsementRow {
  return {
    workshopId: r.workshop_id,
    cardId: r.card_id,
    participantId: r.participant_id,
    textHash: r.text_hash,
    seq: r.seq,
    at: r.at,
  };
}

/** Highest seq of a workshop, counting updates already folded into its snapshot. */
async function readLastSeq(db: Db | Trx, workshopId: string): Promise<number> {
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

class SqliteStoreImpl implements SqliteStore {
  /** Last committed seq per workshop; only ever read or written while holding the connection. */
  readonly #lastSeq = new Map<string, number>();
  readonly #append: SqliteAppend;

  constructor(
    private readonly db: Db,
    private readonly raw: BetterSqlite3.Database,
  ) {
    this.#append = new SqliteAppend(raw);
  }

  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys' | 'busy_timeout'): unknown {
    return this.raw.pragma(name, { simple: true });
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

  private async insertInvite(trx: Trx, i: InviteRow): Promise<void> {
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

  async getInvite(workshopId: string, inviteId: string) {
    const r = await this.db
      .selectFrom('invites')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('id', '=', inviteId)
      .executeTakeFirst();
    return r ? toInvite(r) : null;
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

  async getParticipant(id: string) {
    const r = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toParticipant(r) : null;
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
    const rows = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toParticipant);
  }

  async loadDocument(workshopId: string): Promise<LoadedDocument> {
    // One read transaction, so a compaction cannot slip between snapshot and updates.
    return this.db.transaction().execute(async (trx) => {
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

  private async bindings(trx: Trx, workshopId: string): Promise<Binding[]> {
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

  private async cardCreators(trx: Trx, workshopId: string) {
    const rows = await trx
      .selectFrom('card_creators')
      .select(['card_id', 'participant_id'])
      .where('workshop_id', '=', workshopId)
      .orderBy('card_id')
      .execute();
    return rows.map((r) => ({ cardId: r.card_id, participantId: r.participant_id }));
  }

  async appendUpdate(input: AppendInput): Promise<number> {
    // better-sqlite3 is synchronous, so when no Kysely transaction is open the append runs
    // at once, as one synchronous transaction over prepared statements (sqliteAppend).
    // Waiting for Kysely's connection cost every edit about 50 µs before its broadcast
    // (measured in the fan-out bench); it is only needed while a Kysely transaction is
    // open, so that the append never lands inside it.
    if (!this.raw.inTransaction) return this.appendNow(input);
    return this.db.connection().execute(async () => this.appendNow(input));
  }

  private appendNow(input: AppendInput): number {
    return this.nextSeq(input.workshopId, (seq) => this.#append.write(input, seq));
  }

  /** Run `write` with the workshop's next seq, as one synchronous transaction. */
  private nextSeq(w: string, write: (seq: number) => void): number {
    try {
      const seq = (this.#lastSeq.get(w) ?? this.#append.lastSeq(w)) + 1;
      write(seq);
      this.#lastSeq.set(w, seq);
      return seq;
    } catch (error) {
      this.#lastSeq.delete(w); // reload from the file next time
      throw error;
    }
  }

  // ── Server writes (issue 8 §3; helper "yjs") ──────────────────────────────────

  async appendServerWrite(input: ServerWriteInput): Promise<number> {
    const now = () => this.nextSeq(input.workshopId, (seq) => this.#append.writeServer(input, seq));
    if (!this.raw.inTransaction) return now();
    return this.db.connection().execute(async () => now());
  }

  // ───────────────────────────────────────────────────────────────────────────────

  async lastSeq(workshopId: string) {
    return this.db.connection().execute(async (conn) => {
      const seq = this.#lastSeq.get(workshopId) ?? (await readLastSeq(conn, workshopId));
      this.#lastSeq.set(workshopId, seq);
      return seq;
    });
  }

  async compact(workshopId: string, snapshot: Uint8Array, uptoSeq: number) {
    await this.db.transaction().execute(async (trx) => {
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
    return voting.removeCandidate(this.db, noLock, roundId, cardId, at);
  }

  castBallot(input: CastInput) {
    return voting.castBallot(this.db, noLock, input);
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

  async deleteWorkshop(id: string) {
    return this.db.connection().execute(async () => deleteWorkshopEverywhere(this.raw, id));
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
  closeRound(workshopId: string, roundId: string, closedAt: string, frozen: FrozenTurnout) {
    return voting.closeRound(this.db, workshopId, roundId, closedAt, frozen);
  }

  reopenRound(workshopId: string, roundId: string) {
    return voting.reopenRound(this.db, workshopId, roundId);
  }

  restoreCandidate(roundId: string, cardId: string) {
    return voting.restoreCandidate(this.db, roundId, cardId);
  }

  addCandidate(roundId: string, cardId: string, text: string, at: string) {
    return voting.addCandidate(this.db, noLock, roundId, cardId, text, at);
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
    return facilitation.saveFacilitation(this.db, workshopId, state, at);
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
    return facilitation.openAttendance(this.db, row);
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

  writtenSince(workshopId: string, afterSeq: number) {
    return facilitation.writtenSince(this.db, workshopId, afterSeq);
  }

  async close() {
    await this.db.destroy();
  }
}
