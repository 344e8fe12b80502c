/**
 * The one storage interface (DESIGN §4, §6). SQLite by default, Postgres with a postgres://
 * DATABASE_URL, and an in-memory adapter for tests: all three pass the same contract suite
 * (`store.contract.ts`). Every method is async so every adapter fits; every multi-row write
 * is one transaction.
 */
import type { UpdateRanges } from '../../lib/board/historyRanges';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Capability, Group, InviteKind } from '../../lib/roles';
import type {
  ActionChange,
  ActionRow,
  ClosureRow,
  OutcomeRow,
  ReadingRow,
  RecordsData,
} from './recordRows';
import type { WorkshopFile } from './workshopFile';

export interface WorkshopRow {
  id: string;
  title: string;
  question: string;
  createdAt: string;
  /** When a facilitator closed the workshop; the retention period counts from here. */
  closedAt?: string | null;
}

export interface InviteRow {
  id: string;
  workshopId: string;
  kind: InviteKind;
  /** SHA-256 (hex) of the link's token: tokens are never stored as they are. */
  token: string;
  createdAt: string;
  revokedAt: string | null;
  /** Which derived token is current (`server/services/linkTokens.ts`); 0 = legacy. */
  tokenGen?: number;
  /** At most this many people may join through the link; null or absent: no cap. */
  maxJoins?: number | null;
}

export interface ParticipantRow {
  id: string;
  workshopId: string;
  /** The invite they joined through; null for the facilitator who created the workshop. */
  inviteId: string | null;
  name: string;
  anonymous: boolean;
  accessNeeds: string | null;
  group: Group | null;
  capability: Capability;
  /** SHA-256 (hex) of the personal link's token (for coming back on another device). */
  personalToken: string;
  createdAt: string;
  removedAt: string | null;
  /** Which derived personal token is current (`server/services/linkTokens.ts`); 0 = legacy. */
  tokenGen?: number;
  /** When their name, access needs and personal token were erased. */
  erasedAt?: string | null;
}

/** The fields of a participant that `updateParticipant` may change. */
export type ParticipantChange =
  | 'name'
  | 'anonymous'
  | 'accessNeeds'
  | 'erasedAt'
  | 'personalToken'
  | 'tokenGen';

/** A binding of a Yjs clientID to the participant who first wrote with it. Unique per workshop. */
export interface Binding {
  clientId: number;
  participantId: string;
  /** Whether the author could be named when it was bound (visibility policy, I26). */
  identifiable?: boolean;
}

/** Who changed which card, by how many characters, in one accepted update (DESIGN §3). */
export interface AttributionInput {
  cardId: string;
  /**
   * The record's field (issue 9, I70): a text field's characters, or 0/0 for a plain value
   * (enum, date, links) its writer replaced. Absent means `text`.
   */
  field?: string;
  inserted: number;
  deleted: number;
}

export interface AttributionRow extends AttributionInput {
  field: string;
  seq: number;
  /** null when the server itself made the change. */
  participantId: string | null;
}

/** Everything `appendUpdate` writes, in one transaction. */
export interface AppendInput {
  workshopId: string;
  /** A Yjs update (v1 encoding). */
  data: Uint8Array;
  /** Who sent it; null for the server's own writes. */
  participantId: string | null;
  /** New clientID bindings first used by this update. */
  bindings: Binding[];
  attributions: AttributionInput[];
  /** Cards this update creates; their creator is `participantId`. */
  createdCards: string[];
}

/** A server write (clientID 0) and the card event that caused it; stored together. */
export interface ServerWriteInput {
  workshopId: string;
  /** A Yjs update (v1 encoding) made by the server. */
  data: Uint8Array;
  event: CardEventRow;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/** What a room needs to come back into memory. */
export interface LoadedDocument {
  /** Merged state of every update up to `snapshotSeq`, or null when never compacted. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates after the snapshot, in seq order. */
  updates: StoredUpdate[];
  bindings: Binding[];
  cardCreators: { cardId: string; participantId: string | null }[];
}

/**
 * The part of a board's log an instance has not applied yet (several instances, I62): the
 * snapshot when compaction folded entries after `afterSeq` into it, then the updates.
 */
export interface LogTail {
  /** Present only when the snapshot covers entries after the seq asked about. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: StoredUpdate[];
}

/** Reads of a board's log for catching up; inside `appendOrdered` they see its transaction. */
export interface LogReader {
  /** Entries after `afterSeq`, in seq order. */
  since(afterSeq: number): Promise<LogTail>;
  /** The bindings of these clientIDs (unknown ones are left out). */
  bindingsFor(clientIds: readonly number[]): Promise<Binding[]>;
  /** The creators of these cards (unknown ones are left out). */
  creatorsFor(
    cardIds: readonly string[],
  ): Promise<{ cardId: string; participantId: string | null }[]>;
  /**
   * The workshop's participants and its facilitation state. Inside `appendOrdered` every read
   * goes through its transaction's one connection (I89): a read from the pool there could
   * wait for a connection that only transactions waiting on it would give back.
   */
  participants(): Promise<ParticipantRow[]>;
  facilitation(): Promise<FacilitationState | null>;
  /**
   * Several instances (I94): the version of the workshop's row as the last `since` read it,
   * in the same snapshot as the entries and the facilitation state; absent where there are
   * no versions (one instance).
   */
  version?(): string | null;
}

/** What a room decides to write once it has caught up, inside `appendOrdered`. */
export type OrderedWrite =
  | { kind: 'update'; input: AppendInput }
  | { kind: 'server'; input: ServerWriteInput };

/**
 * Writes ordered by the database across instances (I62): only Postgres has them, since
 * several machines cannot share a SQLite file.
 */
export interface OrderedLog {
  /**
   * In one transaction under the workshop's row lock: let `decide` catch up through `log`
   * and return what to write (or null to write nothing), then write it. Returns the new
   * seq (null when nothing was written) and the versions of the workshop's row (I94).
   * Nothing is written when `decide` throws.
   */
  appendOrdered(
    workshopId: string,
    decide: (log: LogReader) => Promise<OrderedWrite | null>,
  ): Promise<OrderedResult>;
  /**
   * The fast path (I94): in ONE statement, append `input` as entry `afterSeq + 1` only if
   * nobody changed the workshop's log, facilitation state or snapshot since `version`.
   * Returns the new version, or null when someone did (nothing is written: catch up
   * through `appendOrdered`). Only for updates that bind no clientID and create no card.
   */
  appendIfUnchanged(input: AppendInput, afterSeq: number, version: string): Promise<string | null>;
}

/** What an ordered write did (I94). */
export interface OrderedResult {
  /** The new entry's seq; null when nothing was written. */
  seq: number | null;
  /** The version of the workshop's row that `decide`'s catch-up brought the caller to. */
  before: string | null;
  /** The version after the write (`before` when nothing was written). */
  version: string | null;
}

export interface CardEventRow {
  workshopId: string;
  cardId: string;
  participantId: string;
  action: 'delete' | 'restore';
  at: string;
  /** Whether the person could be named when they did it (visibility policy, I26). */
  identifiable?: boolean;
}

export interface EndorsementRow {
  workshopId: string;
  cardId: string;
  participantId: string;
  textHash: string;
  /** The last stored update seq when the endorsement was accepted. */
  seq: number;
  at: string;
}

/** A voting round's stored settings (issue 4). */
export interface RoundRow {
  id: string;
  workshopId: string;
  section: 'priorities' | 'indicators';
  budget: number;
  perCardCap: number;
  deadline: string | null;
  resultsVisibility: 'hidden' | 'live';
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  /** Share gap in percentage points at which a card is flagged as divergent (issue 13). */
  divergencePoints: number;
  /** Who could vote and who did in each group, fixed when the round closed; null while open. */
  frozen: FrozenTurnout | null;
}

/** A closed round's turnout per group, as it stood when it closed (issue 13). */
export type FrozenTurnout = Record<'people' | 'system', { voted: number; eligible: number }>;

/** A candidate card of a round, fixed when it opened. */
export interface CandidateRow {
  roundId: string;
  cardId: string;
  text: string;
  position: number;
  removedAt: string | null;
  /** Set when the facilitator added the card after the round opened (issue 13). */
  addedAt: string | null;
}

/** One participant's dots on one card in one round. */
export interface BallotRow {
  roundId: string;
  participantId: string;
  cardId: string;
  dots: number;
}

/** One request to set a participant's dots on a card. */
export interface CastInput {
  workshopId: string;
  roundId: string;
  participantId: string;
  cardId: string;
  dots: number;
  /** Idempotency key: a second cast with the same key returns the first one's outcome unchanged. */
  key: string;
  /** ISO time of the request; a round whose deadline is not after it is closed. */
  now: string;
}

/** The outcome of a cast, decided inside one transaction. */
export type CastOutcome =
  | { ok: true; dotsOnCard: number; dotsLeft: number; replayed: boolean }
  | {
      ok: false;
      reason: 'unknownRound' | 'roundClosed' | 'notCandidate' | 'overBudget' | 'overCap';
    };

// ── Card history (issue 13) ─────────────────────────────────────────────────────

/** What one stored (or compacted) update did, for card history. */
export interface HistorySource {
  seq: number;
  at: string;
  participantId: string | null;
  ranges: UpdateRanges;
}

/** An update that restored a card to how it was after `toSeq`. */
export interface RevertRow {
  workshopId: string;
  seq: number;
  cardId: string;
  participantId: string;
  toSeq: number;
  at: string;
}

// ── Summary (issue 10) ─────────────────────────────────────────────────────────

/** A facilitator's settings for the summary (migration 9). */
export interface SummarySettingsRow {
  workshopId: string;
  /** Participants may see the summary before it is final. */
  shareDraft: boolean;
  /** When the facilitator marked the summary final; null while it is a draft. */
  finalAt: string | null;
}

/** Activity facts the summary reports. */
export interface SummaryActivity {
  /** Latest stored edit, endorsement, card event or round change (edit times survive only
   * until compaction, which then counts as one edit at the snapshot's time). */
  lastActivity: string | null;
  /** Earliest participant edit still stored; null once compacted away. */
  firstEdit: string | null;
  /** Ids of people who wrote any characters, voted with dots, or endorsed wording. */
  writers: string[];
  voters: string[];
  endorsers: string[];
}

// ── Live facilitation (issue 11; migration 11) ──────────────────────────────────

/** One stretch of time a person was connected (first control socket to last). */
export interface AttendanceRow {
  id: string;
  workshopId: string;
  participantId: string;
  joinedAt: string;
  /** null while they are still here (or the server stopped before they left). */
  leftAt: string | null;
}

/** Characters a participant inserted after some seq (from the attribution log). */
export interface WrittenRow {
  participantId: string | null;
  inserted: number;
}

// ── Private writing (issue 11; migration 14) ────────────────────────────────────

/** One update of a person's private draft, to store before it is acknowledged. */
export interface DraftAppend {
  workshopId: string;
  participantId: string;
  /** A Yjs update (v1) of the person's draft doc, already inspected. */
  data: Uint8Array;
  /** New cards it creates. */
  cards: number;
  at: string;
}

/** A person's waiting draft: how many cards it holds and its last stored seq. */
export interface DraftSummary {
  participantId: string;
  cards: number;
  lastSeq: number;
}

/** The storage interface every adapter implements. */
export interface Store {
  /** Create a workshop with its facilitator and invites in one transaction. */
  createWorkshop(
    workshop: WorkshopRow,
    facilitator: ParticipantRow,
    invites: InviteRow[],
  ): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRow | null>;

  getInviteByToken(token: string): Promise<InviteRow | null>;
  getInvite(workshopId: string, inviteId: string): Promise<InviteRow | null>;
  /** Invites of a workshop, oldest first, with how many people joined through each. */
  listInvites(workshopId: string): Promise<(InviteRow & { joined: number })[]>;
  /** Mark an invite revoked; false when there is no such invite in that workshop. */
  revokeInvite(workshopId: string, inviteId: string, at: string): Promise<boolean>;

  addParticipant(participant: ParticipantRow): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRow | null>;
  getParticipantByPersonalToken(token: string): Promise<ParticipantRow | null>;
  listParticipants(workshopId: string): Promise<ParticipantRow[]>;

  /** Load a board's snapshot, later updates, bindings and card creators. */
  loadDocument(workshopId: string): Promise<LoadedDocument>;
  /** Read a board's log to catch up with writes of other instances (I62). */
  logReader(workshopId: string): LogReader;
  /**
   * Store one accepted update with its bindings, attribution records and created cards, in
   * one transaction, and return its seq (strictly increasing per workshop). Rejects when a
   * clientID is already bound to another participant; then nothing is written.
   */
  appendUpdate(input: AppendInput): Promise<number>;
  /**
   * The single-process SQLite store's fast path for an ordinary edit (I92): make `input`
   * durable in the journal at once and return its seq, or null when it must take
   * `appendUpdate` (new bindings or cards, a transaction open, no journal). After a non-null
   * answer the caller broadcasts and then calls `settleJournal` in the same synchronous step.
   */
  journalUpdate?(input: AppendInput): number | null;
  /** Commit the journalled edit to the database; throws when it cannot (it stays journalled). */
  settleJournal?(): void;
  /** Highest stored seq of a workshop (0 when none). */
  lastSeq(workshopId: string): Promise<number>;
  /**
   * Replace every update with seq ≤ `uptoSeq` by `snapshot` in one transaction. Attribution
   * records, bindings and card creators are kept.
   */
  compact(workshopId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  /** Attribution records of one card with seq > `afterSeq`, in seq order. */
  attributionsForCard(
    workshopId: string,
    cardId: string,
    afterSeq: number,
  ): Promise<AttributionRow[]>;

  recordCardEvent(event: CardEventRow): Promise<void>;
  /** Card delete/restore events of a workshop, oldest first. */
  listCardEvents(workshopId: string): Promise<CardEventRow[]>;

  /** Insert or replace a participant's endorsement of a card. */
  putEndorsement(row: EndorsementRow): Promise<void>;
  listEndorsements(workshopId: string): Promise<EndorsementRow[]>;

  /** Create a round and its candidates in one transaction. */
  createRound(round: RoundRow, candidates: CandidateRow[]): Promise<void>;
  getRound(workshopId: string, roundId: string): Promise<RoundRow | null>;
  /** Rounds of a workshop, newest first. */
  listRounds(workshopId: string): Promise<RoundRow[]>;
  /** Candidates of a round in position order. */
  listCandidates(roundId: string): Promise<CandidateRow[]>;
  /** Close (a time) or reopen (null) a round; false when there is no such round. */
  setRoundClosed(workshopId: string, roundId: string, closedAt: string | null): Promise<boolean>;
  setRoundDeadline(workshopId: string, roundId: string, deadline: string | null): Promise<boolean>;
  /**
   * Mark a candidate removed and delete its ballots in one transaction; returns the ids
   * of the participants whose dots went back to them.
   */
  removeCandidate(roundId: string, cardId: string, at: string): Promise<string[]>;
  /**
   * Set a participant's dots on a card in ONE transaction that enforces: the round exists
   * and is open (not closed, deadline not passed at `now`), the card is a live candidate,
   * dots ≤ the per-card cap, the participant's total ≤ the budget; and records `key` so a
   * retry returns the first outcome without counting twice. Concurrent casts must never
   * exceed a budget, on any adapter.
   */
  castBallot(input: CastInput): Promise<CastOutcome>;
  /** Every ballot row of a round with dots > 0. */
  listBallots(roundId: string): Promise<BallotRow[]>;

  // ── Server writes (issue 8 §3; helper "yjs") ────────────────────────────────
  /**
   * Store one server-made update and its card event in ONE transaction and return the
   * update's seq; on failure nothing is written, so a retry never appends twice.
   */
  appendServerWrite(input: ServerWriteInput): Promise<number>;
  // ── People's data and links (issue 8 §4, §7; migration 5) ─────────────────────
  /** Replace a participant's personal token hash and its generation. */
  setPersonalToken(participantId: string, hash: string, gen: number): Promise<void>;
  /**
   * Change a participant's name, anonymity, access needs, erasure or personal token, in
   * one statement; returns the row after, or null when unknown.
   */
  updateParticipant(
    participantId: string,
    change: Partial<Pick<ParticipantRow, ParticipantChange>>,
  ): Promise<ParticipantRow | null>;
  /** Mark a participant removed; false when there is no such participant in that workshop. */
  removeParticipant(workshopId: string, participantId: string, at: string): Promise<boolean>;
  /**
   * Add a participant through their invite only while the invite is open and under its
   * cap, in one transaction; 'full' or 'revoked' otherwise.
   */
  addParticipantWithinCap(participant: ParticipantRow): Promise<'ok' | 'full' | 'revoked'>;
  addInvite(invite: InviteRow): Promise<void>;
  /** Set (or clear, null) an invite's join cap; false when there is no such invite. */
  setInviteCap(workshopId: string, inviteId: string, maxJoins: number | null): Promise<boolean>;
  /** Change a workshop's title and question; false when there is no such workshop. */
  updateWorkshop(id: string, change: { title: string; question: string }): Promise<boolean>;
  /** Close (a time) or reopen (null) a workshop; false when there is no such workshop. */
  setWorkshopClosed(id: string, closedAt: string | null): Promise<boolean>;
  /** Delete a workshop and every row of every table that belongs to it, in one transaction. */
  deleteWorkshop(id: string): Promise<boolean>;
  /** Ids of workshops closed at or before `before` (ISO time). */
  listClosedBefore(before: string): Promise<string[]>;
  // ── Voting results stay right (issue 13) ──────────────────────────────────────────
  /**
   * Close a round at `closedAt` and fix its turnout in one write; false when there is no
   * such round. `reopenRound` clears both, so a reopened round counts live again. With
   * `onlyIfOpen`, a round someone already closed is left alone and the answer is false: the
   * one instance whose write closed it publishes the closing (several instances, I64).
   */
  closeRound(
    workshopId: string,
    roundId: string,
    closedAt: string,
    frozen: FrozenTurnout,
    onlyIfOpen?: boolean,
  ): Promise<boolean>;
  /** Reopen a round: clear its closing time and its fixed turnout. */
  reopenRound(workshopId: string, roundId: string): Promise<boolean>;
  /** Bring a removed candidate back (it starts with no dots); false when it was not removed. */
  restoreCandidate(roundId: string, cardId: string): Promise<boolean>;
  /** Add a card to a round after it opened, after every other candidate; false if already one. */
  addCandidate(roundId: string, cardId: string, text: string, at: string): Promise<boolean>;
  /** How many idempotency keys a round holds (refused casts must not grow it without bound). */
  countBallotKeys(roundId: string): Promise<number>;
  // ── Card history (issue 13) ──────────────────────────────────────────────────
  /** Ranges, time and author of these seqs, from the stored updates or kept history. */
  historySources(workshopId: string, seqs: number[]): Promise<HistorySource[]>;
  /** Keep the history ranges of updates up to `uptoSeq` before compaction drops them. */
  keepHistory(workshopId: string, uptoSeq: number): Promise<void>;
  recordRevert(row: RevertRow): Promise<void>;
  /** Restores of one card, oldest first. */
  listReverts(workshopId: string, cardId: string): Promise<RevertRow[]>;
  // ── Summary (issue 10) ───────────────────────────────────────────────────────
  /** A workshop's summary settings; defaults (draft, not shared) when none are stored. */
  getSummarySettings(workshopId: string): Promise<SummarySettingsRow>;
  putSummarySettings(row: SummarySettingsRow): Promise<void>;
  /** When the workshop was active and who took an active part. */
  summaryActivity(workshopId: string): Promise<SummaryActivity>;

  // ── Live facilitation (issue 11; migration 11) ──────────────────────────────
  /** The workshop's facilitation state (timer, focus, locks, hands), or null when never set. */
  loadFacilitation(workshopId: string): Promise<FacilitationState | null>;
  /** Replace the workshop's facilitation state in one write. */
  saveFacilitation(workshopId: string, state: FacilitationState, at: string): Promise<void>;
  /**
   * Read the stored state, let `change` make the next one from it and store that, in ONE
   * transaction under the workshop's row lock (I85): a change stored meanwhile, by this
   * instance or another, is always the one `change` starts from, so no change overwrites
   * another. `change` is synchronous (it runs inside the transaction) and returns null to
   * store nothing. Returns the state stored, or null.
   */
  updateFacilitation(
    workshopId: string,
    change: (stored: FacilitationState | null) => FacilitationState | null,
    at: string,
  ): Promise<FacilitationState | null>;
  /** Change a participant's capability (co-facilitator); the row after, or null when unknown. */
  setCapability(
    workshopId: string,
    participantId: string,
    capability: ParticipantRow['capability'],
  ): Promise<ParticipantRow | null>;
  /** Record that a person arrived (their first control socket). */
  openAttendance(row: AttendanceRow): Promise<void>;
  /** Record that a person left (their last control socket closed). */
  closeAttendance(id: string, leftAt: string): Promise<void>;
  /** Close every stretch still open (at start-up, after a crash, or at shutdown); how many. */
  closeOpenAttendance(at: string): Promise<number>;
  /** Every stretch still open, in every workshop (several instances sweep them, I88). */
  listOpenAttendance(): Promise<AttendanceRow[]>;
  /** Every stretch of a workshop, oldest first. */
  listAttendance(workshopId: string): Promise<AttendanceRow[]>;
  /** Characters inserted per participant in updates with seq > `afterSeq`. */
  writtenSince(workshopId: string, afterSeq: number): Promise<WrittenRow[]>;

  // ── Records (issue 9; migration 12) ─────────────────────────────────────────
  /** A workshop's outcomes, actions, readings and closures (deleted records' included). */
  loadRecords(workshopId: string): Promise<RecordsData>;
  /** Replace a decision's current outcome and add it to its history, in one transaction. */
  saveOutcome(row: OutcomeRow): Promise<void>;
  /** Every outcome a decision has had, oldest first. */
  outcomeHistory(workshopId: string, decisionId: string): Promise<OutcomeRow[]>;
  /** Add an action unless its decision already has `max`, checked in the same transaction. */
  addAction(row: ActionRow, max: number): Promise<'ok' | 'full'>;
  /** Change an action's status; the row after, or null when there is no such action. */
  updateAction(
    workshopId: string,
    actionId: string,
    change: ActionChange,
  ): Promise<ActionRow | null>;
  /** Add a reading unless its indicator already has `max`, checked in the same transaction. */
  addReading(row: ReadingRow, max: number): Promise<'ok' | 'full'>;
  /** Remove a reading; false when there is no such reading in that workshop. */
  removeReading(workshopId: string, readingId: string): Promise<boolean>;
  /** Close a priority (a row) or reopen it (null); false when reopening one not closed. */
  setClosure(workshopId: string, cardId: string, row: ClosureRow | null): Promise<boolean>;
  /** Ids of the cards a participant created or wrote characters in (for their impact view). */
  cardsWrittenBy(workshopId: string, participantId: string): Promise<string[]>;
  // ── Operations (issue 12) ────────────────────────────────────────────────────
  /** Answer a trivial query (readiness, `/readyz`); throws when the store cannot. */
  ping(): Promise<void>;
  /**
   * Every row of every table that belongs to a workshop, as one versioned file read at one
   * moment (I61); null when there is no such workshop.
   */
  exportWorkshop(workshopId: string): Promise<WorkshopFile | null>;
  /**
   * Write a validated workshop file in one transaction; 'exists' when the workshop is
   * already in this store, and then nothing is written. Throws (writing nothing) when a
   * row breaks a key, e.g. an invite token another workshop uses.
   */
  importWorkshop(file: WorkshopFile): Promise<'ok' | 'exists'>;
  // ── Private writing (issue 11; migration 14) ────────────────────────────────
  /** Store one draft update; returns its seq (strictly increasing per person). */
  appendDraftUpdate(input: DraftAppend): Promise<number>;
  /** A person's stored draft updates, in seq order. */
  loadDraft(workshopId: string, participantId: string): Promise<StoredUpdate[]>;
  /** Every person with a stored draft in a workshop. */
  listDrafts(workshopId: string): Promise<DraftSummary[]>;
  /** Delete a person's draft updates with seq ≤ `uptoSeq` (after they were revealed). */
  clearDraft(workshopId: string, participantId: string, uptoSeq: number): Promise<void>;

  close(): Promise<void>;
}
