/**
 * The in-memory adapter of `Store` (issue 12): plain maps, no SQL, nothing kept after the
 * process ends. It exists so the contract suite runs against something that is not a
 * database, and so cannot silently fit one engine's behaviour. Every method checks first
 * and writes after, in one synchronous step, so a failure writes nothing and no other call
 * interleaves (its transactions). It enforces the uniqueness and foreign keys the SQL
 * schema does. A new Store method gets one small block here, beside the SQL adapters'.
 */

import { historyRanges } from '../../lib/board/historyRanges';
import type { FacilitationState } from '../../lib/facilitation/state';
import type { Capability } from '../../lib/roles';
import { BindingConflictError } from './bindingConflict';
import { MemoryRecords } from './memoryRecords';
import {
  type Board,
  emptyBoard,
  fromFileTables,
  type LoggedUpdate,
  type MemoryWorkshop,
  type StoredDraft,
  toFileTables,
} from './memoryTransfer';
import { MemoryVoting } from './memoryVoting';
import type { ActionChange, ActionRow, ClosureRow, OutcomeRow, ReadingRow } from './recordRows';
import type {
  AppendInput,
  AttendanceRow,
  Binding,
  CandidateRow,
  CardEventRow,
  CastInput,
  DraftAppend,
  DraftSummary,
  EndorsementRow,
  FrozenTurnout,
  HistorySource,
  InviteRow,
  LoadedDocument,
  LogReader,
  ParticipantChange,
  ParticipantRow,
  RevertRow,
  RoundRow,
  ServerWriteInput,
  Store,
  SummaryActivity,
  SummarySettingsRow,
  WorkshopRow,
} from './Store';
import { distinctIds, latest } from './summaryQueries';
import type { WorkshopFile } from './workshopFile';
import { workshopFile } from './workshopFile';
import { importProblem, SCHEMA_VERSION } from './workshopTransfer';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const copy = (data: Uint8Array) => new Uint8Array(data);

/** Open an empty in-memory store. */
export async function openMemoryStore(): Promise<Store> {
  return new MemoryStore();
}

/** A row as the SQL adapters hand it out: optional fields only when they are set. */
function cleanInvite(i: InviteRow): InviteRow {
  const { tokenGen, maxJoins, ...rest } = i;
  return {
    ...rest,
    ...(tokenGen ? { tokenGen } : {}),
    ...(maxJoins === null || maxJoins === undefined ? {} : { maxJoins }),
  };
}

function cleanParticipant(p: ParticipantRow): ParticipantRow {
  const { tokenGen, erasedAt, ...rest } = p;
  return { ...rest, ...(tokenGen ? { tokenGen } : {}), ...(erasedAt ? { erasedAt } : {}) };
}

function cleanEvent(e: CardEventRow): CardEventRow {
  const { identifiable, ...rest } = e;
  return { ...rest, ...(identifiable ? { identifiable: true } : {}) };
}

class MemoryStore implements Store {
  readonly #workshops = new Map<string, WorkshopRow>();
  readonly #invites = new Map<string, InviteRow>();
  readonly #participants = new Map<string, ParticipantRow>();
  readonly #boards = new Map<string, Board>();
  readonly #events: CardEventRow[] = [];
  readonly #endorsements = new Map<string, EndorsementRow>();
  readonly #voting = new MemoryVoting((id) => this.#participants.has(id));
  readonly #summarySettings = new Map<string, SummarySettingsRow>();
  readonly #facilitation = new Map<string, FacilitationState>();
  /** When summary settings and facilitation were last written (the SQL `updated_at`). */
  readonly #summaryUpdated = new Map<string, string>();
  readonly #facilitationUpdated = new Map<string, string>();
  readonly #attendance = new Map<string, AttendanceRow>();
  readonly #records = new MemoryRecords();
  /** `workshop/participant` → that person's draft updates, in seq order (issue 11). */
  readonly #drafts = new Map<string, Omit<StoredDraft, 'participantId'>[]>();

  // ── Checks the SQL schema makes (primary keys, unique tokens, foreign keys) ───────

  private needWorkshop(id: string): void {
    if (!this.#workshops.has(id)) throw new Error(`workshop ${id}: no such workshop`);
  }

  private needParticipant(id: string | null): void {
    if (id !== null && !this.#participants.has(id))
      throw new Error(`participant ${id}: no such participant`);
  }

  private checkInvite(i: InviteRow, pending: InviteRow[] = []): void {
    const all = [...this.#invites.values(), ...pending];
    if (all.some((o) => o.id === i.id)) throw new Error(`invite ${i.id} already exists`);
    if (all.some((o) => o.token === i.token)) throw new Error('invite token already used');
  }

  private checkParticipant(p: ParticipantRow, invites: InviteRow[] = []): void {
    if (this.#participants.has(p.id)) throw new Error(`participant ${p.id} already exists`);
    this.checkPersonalToken(p.personalToken, p.id);
    if (p.inviteId !== null && !this.#invites.has(p.inviteId))
      if (!invites.some((i) => i.id === p.inviteId)) throw new Error('invite_id: no such invite');
  }

  private checkPersonalToken(token: string, owner: string): void {
    for (const o of this.#participants.values())
      if (o.personalToken === token && o.id !== owner)
        throw new Error('personal token already used');
  }

  private board(workshopId: string): Board {
    let b = this.#boards.get(workshopId);
    if (!b) {
      b = emptyBoard();
      this.#boards.set(workshopId, b);
    }
    return b;
  }

  // ── Workshops and invites ───────────────────────────────────────────────────────────

  async createWorkshop(workshop: WorkshopRow, facilitator: ParticipantRow, invites: InviteRow[]) {
    if (this.#workshops.has(workshop.id)) throw new Error(`workshop ${workshop.id} exists`);
    for (const [n, i] of invites.entries()) this.checkInvite(i, invites.slice(0, n));
    this.checkParticipant(facilitator, invites);
    this.#workshops.set(workshop.id, { ...workshop, closedAt: null });
    for (const i of invites) this.#invites.set(i.id, { ...i });
    this.#participants.set(facilitator.id, { ...facilitator });
  }

  async getWorkshop(id: string) {
    const w = this.#workshops.get(id);
    if (!w) return null;
    const { closedAt, ...rest } = w;
    return { ...rest, ...(closedAt ? { closedAt } : {}) };
  }

  async getInviteByToken(token: string) {
    const i = [...this.#invites.values()].find((o) => o.token === token);
    return i ? cleanInvite(i) : null;
  }

  async getInvite(workshopId: string, inviteId: string) {
    const i = this.#invites.get(inviteId);
    return i && i.workshopId === workshopId ? cleanInvite(i) : null;
  }

  async listInvites(workshopId: string) {
    const joined = (id: string) =>
      [...this.#participants.values()].filter((p) => p.inviteId === id).length;
    return [...this.#invites.values()]
      .filter((i) => i.workshopId === workshopId)
      .sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id))
      .map((i) => ({ ...cleanInvite(i), joined: joined(i.id) }));
  }

  async revokeInvite(workshopId: string, inviteId: string, at: string) {
    const i = this.#invites.get(inviteId);
    if (!i || i.workshopId !== workshopId) return false;
    i.revokedAt ??= at;
    return true;
  }

  // ── Participants ────────────────────────────────────────────────────────────────────

  async addParticipant(participant: ParticipantRow) {
    this.needWorkshop(participant.workshopId);
    this.checkParticipant(participant);
    this.#participants.set(participant.id, { ...participant });
  }

  async getParticipant(id: string) {
    const p = this.#participants.get(id);
    return p ? cleanParticipant(p) : null;
  }

  async getParticipantByPersonalToken(token: string) {
    const p = [...this.#participants.values()].find((o) => o.personalToken === token);
    return p ? cleanParticipant(p) : null;
  }

  async listParticipants(workshopId: string) {
    return [...this.#participants.values()]
      .filter((p) => p.workshopId === workshopId)
      .sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id))
      .map(cleanParticipant);
  }

  // ── The document: update log, bindings, attributions, compaction ──────────────────

  async loadDocument(workshopId: string): Promise<LoadedDocument> {
    const b = this.#boards.get(workshopId);
    const snapshotSeq = b?.snapshot?.seq ?? 0;
    return {
      snapshot: b?.snapshot ? copy(b.snapshot.data) : null,
      snapshotSeq,
      updates: (b?.updates ?? [])
        .filter((u) => u.seq > snapshotSeq)
        .map((u) => ({ seq: u.seq, data: copy(u.data) })),
      bindings: [...(b?.bindings.values() ?? [])]
        .sort((x, y) => x.clientId - y.clientId)
        .map((x) => ({ ...x })),
      cardCreators: [...(b?.creators ?? new Map<string, string | null>())]
        .sort(([x], [y]) => byText(x, y))
        .map(([cardId, participantId]) => ({ cardId, participantId })),
    };
  }

  logReader(workshopId: string): LogReader {
    const board = () => this.#boards.get(workshopId);
    return {
      participants: () => this.listParticipants(workshopId),
      facilitation: () => this.loadFacilitation(workshopId),
      since: async (afterSeq) => {
        const b = board();
        const snapshotSeq = b?.snapshot?.seq ?? 0;
        return {
          snapshot: b?.snapshot && snapshotSeq > afterSeq ? copy(b.snapshot.data) : null,
          snapshotSeq,
          updates: (b?.updates ?? [])
            .filter((u) => u.seq > Math.max(afterSeq, snapshotSeq))
            .map((u) => ({ seq: u.seq, data: copy(u.data) })),
        };
      },
      bindingsFor: async (ids) =>
        ids.flatMap((id) => {
          const x = board()?.bindings.get(id);
          return x ? [{ ...x }] : [];
        }),
      creatorsFor: async (ids) =>
        ids.flatMap((cardId) => {
          const c = board()?.creators;
          return c?.has(cardId) ? [{ cardId, participantId: c.get(cardId) ?? null }] : [];
        }),
    };
  }

  async appendUpdate(input: AppendInput): Promise<number> {
    const w = input.workshopId;
    this.needWorkshop(w);
    this.needParticipant(input.participantId);
    const b = this.board(w);
    const fresh = new Map<number, Binding>();
    for (const x of input.bindings) {
      const owner = (b.bindings.get(x.clientId) ?? fresh.get(x.clientId))?.participantId;
      if (owner !== undefined && owner !== x.participantId)
        throw new BindingConflictError(w, x.clientId);
      this.needParticipant(x.participantId);
      if (owner === undefined)
        fresh.set(x.clientId, {
          clientId: x.clientId,
          participantId: x.participantId,
          ...(x.identifiable ? { identifiable: true } : {}),
        });
    }
    const seq = this.seqOf(w) + 1;
    for (const [id, x] of fresh) b.bindings.set(id, x);
    const at = new Date().toISOString();
    b.updates.push({ seq, data: copy(input.data), participantId: input.participantId, at });
    const who = input.participantId;
    for (const a of input.attributions)
      b.attributions.push({ ...a, field: a.field ?? 'text', seq, participantId: who });
    for (const c of input.createdCards) if (!b.creators.has(c)) b.creators.set(c, who);
    return seq;
  }

  private seqOf(workshopId: string): number {
    const b = this.#boards.get(workshopId);
    return Math.max(b?.updates.at(-1)?.seq ?? 0, b?.snapshot?.seq ?? 0);
  }

  async lastSeq(workshopId: string) {
    return this.seqOf(workshopId);
  }

  async compact(workshopId: string, snapshot: Uint8Array, uptoSeq: number) {
    const last = this.seqOf(workshopId);
    const prev = this.#boards.get(workshopId)?.snapshot?.seq ?? 0;
    if (uptoSeq > last || uptoSeq < prev)
      throw new Error(
        `compact(${workshopId}, upto ${uptoSeq}): must lie between the current snapshot (${prev}) and the last seq (${last})`,
      );
    this.needWorkshop(workshopId);
    const b = this.board(workshopId);
    b.snapshot = { seq: uptoSeq, data: copy(snapshot), at: new Date().toISOString() };
    b.updates = b.updates.filter((u) => u.seq > uptoSeq);
  }

  async attributionsForCard(workshopId: string, cardId: string, afterSeq: number) {
    return (this.#boards.get(workshopId)?.attributions ?? [])
      .filter((a) => a.cardId === cardId && a.seq > afterSeq)
      .map((a) => ({ ...a }));
  }

  // ── Card events and endorsements ─────────────────────────────────────────────────

  private checkEvent(e: CardEventRow): void {
    this.needWorkshop(e.workshopId);
    this.needParticipant(e.participantId);
  }

  async recordCardEvent(event: CardEventRow) {
    this.checkEvent(event);
    this.#events.push({ ...event });
  }

  async listCardEvents(workshopId: string) {
    return this.#events
      .map((e, order) => ({ e, order }))
      .filter(({ e }) => e.workshopId === workshopId)
      .sort((x, y) => byText(x.e.at, y.e.at) || x.order - y.order)
      .map(({ e }) => cleanEvent(e));
  }

  async putEndorsement(row: EndorsementRow) {
    this.needWorkshop(row.workshopId);
    this.needParticipant(row.participantId);
    this.#endorsements.set(`${row.workshopId}|${row.cardId}|${row.participantId}`, { ...row });
  }

  async listEndorsements(workshopId: string) {
    return [...this.#endorsements.values()]
      .filter((e) => e.workshopId === workshopId)
      .sort(
        (a, b) =>
          byText(a.at, b.at) ||
          byText(a.cardId, b.cardId) ||
          byText(a.participantId, b.participantId),
      )
      .map((e) => ({ ...e }));
  }

  // ── Voting (issue 4, issue 13): memoryVoting.ts ─────────────────────────────────

  async createRound(round: RoundRow, candidates: CandidateRow[]) {
    this.needWorkshop(round.workshopId);
    this.#voting.createRound(round, candidates);
  }

  async getRound(workshopId: string, roundId: string) {
    return this.#voting.getRound(workshopId, roundId);
  }

  async listRounds(workshopId: string) {
    return this.#voting.listRounds(workshopId);
  }

  async listCandidates(roundId: string) {
    return this.#voting.listCandidates(roundId);
  }

  async setRoundClosed(workshopId: string, roundId: string, closedAt: string | null) {
    return this.#voting.updateRound(workshopId, roundId, { closedAt });
  }

  async setRoundDeadline(workshopId: string, roundId: string, deadline: string | null) {
    return this.#voting.updateRound(workshopId, roundId, { deadline });
  }

  async removeCandidate(roundId: string, cardId: string, at: string) {
    return this.#voting.removeCandidate(roundId, cardId, at);
  }

  async castBallot(input: CastInput) {
    return this.#voting.castBallot(input);
  }

  async listBallots(roundId: string) {
    return this.#voting.listBallots(roundId);
  }

  // ── Server writes (issue 8 §3; helper "yjs") ────────────────────────────────

  async appendServerWrite(input: ServerWriteInput): Promise<number> {
    this.checkEvent(input.event);
    const seq = await this.appendUpdate({
      workshopId: input.workshopId,
      data: input.data,
      participantId: null,
      bindings: [],
      attributions: [],
      createdCards: [],
    });
    this.#events.push({ ...input.event });
    return seq;
  }

  // ── People's data and links (issue 8 §4, §7; migration 5) ─────────────────────

  async setPersonalToken(participantId: string, hash: string, gen: number) {
    const p = this.#participants.get(participantId);
    if (!p) return;
    this.checkPersonalToken(hash, participantId);
    p.personalToken = hash;
    p.tokenGen = gen;
  }

  async updateParticipant(
    participantId: string,
    change: Partial<Pick<ParticipantRow, ParticipantChange>>,
  ) {
    const p = this.#participants.get(participantId);
    if (!p) return null;
    if (change.personalToken !== undefined) this.checkPersonalToken(change.personalToken, p.id);
    for (const [k, v] of Object.entries(change)) if (v !== undefined) Object.assign(p, { [k]: v });
    return cleanParticipant(p);
  }

  async removeParticipant(workshopId: string, participantId: string, at: string) {
    const p = this.#participants.get(participantId);
    if (!p || p.workshopId !== workshopId) return false;
    p.removedAt ??= at;
    return true;
  }

  async addParticipantWithinCap(participant: ParticipantRow) {
    if (participant.inviteId) {
      const invite = this.#invites.get(participant.inviteId);
      if (!invite || invite.revokedAt) return 'revoked' as const;
      const max = invite.maxJoins ?? null;
      const joined = [...this.#participants.values()].filter(
        (p) => p.inviteId === invite.id,
      ).length;
      if (max !== null && joined >= max) return 'full' as const;
    }
    await this.addParticipant(participant);
    return 'ok' as const;
  }

  async addInvite(invite: InviteRow) {
    this.needWorkshop(invite.workshopId);
    this.checkInvite(invite);
    this.#invites.set(invite.id, { ...invite });
  }

  async setInviteCap(workshopId: string, inviteId: string, maxJoins: number | null) {
    const i = this.#invites.get(inviteId);
    if (!i || i.workshopId !== workshopId) return false;
    i.maxJoins = maxJoins;
    return true;
  }

  async updateWorkshop(id: string, change: { title: string; question: string }) {
    const w = this.#workshops.get(id);
    if (!w) return false;
    Object.assign(w, { title: change.title, question: change.question });
    return true;
  }

  async setWorkshopClosed(id: string, closedAt: string | null) {
    const w = this.#workshops.get(id);
    if (!w) return false;
    w.closedAt = closedAt;
    return true;
  }

  async deleteWorkshop(id: string) {
    if (!this.#workshops.delete(id)) return false;
    const drop = <T>(map: Map<string, T>, of: (row: T) => string) => {
      for (const [k, row] of [...map]) if (of(row) === id) map.delete(k);
    };
    drop(this.#invites, (i) => i.workshopId);
    drop(this.#participants, (p) => p.workshopId);
    drop(this.#endorsements, (e) => e.workshopId);
    this.#boards.delete(id);
    this.#summarySettings.delete(id);
    this.#summaryUpdated.delete(id);
    this.#facilitation.delete(id);
    this.#facilitationUpdated.delete(id);
    drop(this.#attendance, (a) => a.workshopId);
    for (const key of [...this.#drafts.keys()])
      if (key.startsWith(`${id}/`)) this.#drafts.delete(key);
    const kept = this.#events.filter((e) => e.workshopId !== id);
    this.#events.splice(0, this.#events.length, ...kept);
    this.#voting.deleteWorkshop(id);
    this.#records.deleteWorkshop(id);
    return true;
  }

  async listClosedBefore(before: string) {
    return [...this.#workshops.values()]
      .filter((w) => w.closedAt && w.closedAt <= before)
      .map((w) => w.id);
  }

  // ── Voting results stay right (issue 13) ──────────────────────────────────────────

  async closeRound(
    workshopId: string,
    roundId: string,
    closedAt: string,
    frozen: FrozenTurnout,
    onlyIfOpen = false,
  ) {
    return this.#voting.closeRound(workshopId, roundId, closedAt, frozen, onlyIfOpen);
  }

  async reopenRound(workshopId: string, roundId: string) {
    return this.#voting.updateRound(workshopId, roundId, { closedAt: null, frozen: null });
  }

  async restoreCandidate(roundId: string, cardId: string) {
    return this.#voting.restoreCandidate(roundId, cardId);
  }

  async addCandidate(roundId: string, cardId: string, text: string, at: string) {
    return this.#voting.addCandidate(roundId, cardId, text, at);
  }

  async countBallotKeys(roundId: string) {
    return this.#voting.countBallotKeys(roundId);
  }

  // ── Card history (issue 13) ──────────────────────────────────────────────────

  async historySources(workshopId: string, seqs: number[]) {
    const b = this.#boards.get(workshopId);
    const want = new Set(seqs);
    const out = new Map<number, HistorySource>();
    for (const [seq, h] of b?.kept ?? []) if (want.has(seq)) out.set(seq, h);
    for (const u of b?.updates ?? [])
      if (want.has(u.seq) && !out.has(u.seq)) out.set(u.seq, historyOf(u));
    return structuredClone([...out.values()].sort((x, y) => x.seq - y.seq));
  }

  async keepHistory(workshopId: string, uptoSeq: number) {
    const b = this.#boards.get(workshopId);
    if (!b) return;
    const touched = new Set(b.attributions.map((a) => a.seq));
    for (const u of b.updates)
      if (u.seq <= uptoSeq && touched.has(u.seq) && !b.kept.has(u.seq))
        b.kept.set(u.seq, historyOf(u));
  }

  async recordRevert(row: RevertRow) {
    this.needWorkshop(row.workshopId);
    const b = this.board(row.workshopId);
    if (b.reverts.some((r) => r.seq === row.seq))
      throw new Error(`revert at seq ${row.seq} already recorded`);
    b.reverts.push({ ...row });
  }

  async listReverts(workshopId: string, cardId: string) {
    return (this.#boards.get(workshopId)?.reverts ?? [])
      .filter((r) => r.cardId === cardId)
      .sort((x, y) => x.seq - y.seq)
      .map((r) => ({ ...r }));
  }

  // ── Summary (issue 10) ───────────────────────────────────────────────────────

  async getSummarySettings(workshopId: string) {
    const s = this.#summarySettings.get(workshopId);
    return s ? { ...s } : { workshopId, shareDraft: false, finalAt: null };
  }

  async putSummarySettings(row: SummarySettingsRow) {
    this.needWorkshop(row.workshopId);
    this.#summarySettings.set(row.workshopId, { ...row });
    this.#summaryUpdated.set(row.workshopId, new Date().toISOString());
  }

  async summaryActivity(workshopId: string): Promise<SummaryActivity> {
    const b = this.#boards.get(workshopId);
    const rounds = this.#voting.listRounds(workshopId);
    const ballots = rounds.flatMap((r) => this.#voting.listBallots(r.id));
    const endorsements = await this.listEndorsements(workshopId);
    const edits = (b?.updates ?? []).filter((u) => u.participantId !== null).map((u) => u.at);
    const events = this.#events.filter((e) => e.workshopId === workshopId);
    const first = edits.reduce<string | null>((m, at) => (m === null || at < m ? at : m), null);
    return {
      lastActivity: latest([
        ...edits,
        b?.snapshot?.at,
        ...endorsements.map((e) => e.at),
        ...events.map((e) => e.at),
        ...rounds.flatMap((r) => [r.openedAt, r.closedAt]),
      ]),
      firstEdit: first,
      writers: distinctIds(
        (b?.attributions ?? []).filter((a) => a.inserted > 0).map((a) => ({ id: a.participantId })),
      ),
      voters: distinctIds(ballots.filter((x) => x.dots > 0).map((x) => ({ id: x.participantId }))),
      endorsers: distinctIds(endorsements.map((e) => ({ id: e.participantId }))),
    };
  }

  // ── Live facilitation (issue 11; migration 11) ───────────────────────────────

  async loadFacilitation(workshopId: string) {
    const state = this.#facilitation.get(workshopId);
    return state ? structuredClone(state) : null;
  }

  async saveFacilitation(workshopId: string, state: FacilitationState, at: string) {
    this.needWorkshop(workshopId);
    this.#facilitation.set(workshopId, structuredClone(state));
    this.#facilitationUpdated.set(workshopId, at);
  }

  /** Read, change and store with no await in between: this adapter's transaction (I85). */
  async updateFacilitation(
    workshopId: string,
    change: (stored: FacilitationState | null) => FacilitationState | null,
    at: string,
  ) {
    this.needWorkshop(workshopId);
    const stored = this.#facilitation.get(workshopId);
    const next = change(stored ? structuredClone(stored) : null);
    if (!next) return null;
    this.#facilitation.set(workshopId, structuredClone(next));
    this.#facilitationUpdated.set(workshopId, at);
    return structuredClone(next);
  }

  async setCapability(workshopId: string, participantId: string, capability: Capability) {
    const p = this.#participants.get(participantId);
    if (!p || p.workshopId !== workshopId) return null;
    const next = { ...p, capability };
    this.#participants.set(participantId, next);
    return { ...next };
  }

  async openAttendance(row: AttendanceRow) {
    this.needWorkshop(row.workshopId);
    this.needParticipant(row.participantId);
    if (this.#attendance.has(row.id)) throw new Error(`attendance ${row.id} already exists`);
    this.#attendance.set(row.id, { ...row });
  }

  async closeAttendance(id: string, leftAt: string) {
    const row = this.#attendance.get(id);
    if (row && row.leftAt === null) row.leftAt = leftAt;
  }

  async closeOpenAttendance(at: string) {
    let closed = 0;
    for (const row of this.#attendance.values()) {
      if (row.leftAt !== null) continue;
      row.leftAt = at;
      closed++;
    }
    return closed;
  }

  async listOpenAttendance() {
    return [...this.#attendance.values()].filter((r) => r.leftAt === null).map((r) => ({ ...r }));
  }

  async listAttendance(workshopId: string) {
    const byTime = (a: AttendanceRow, b: AttendanceRow) =>
      a.joinedAt.localeCompare(b.joinedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return [...this.#attendance.values()]
      .filter((r) => r.workshopId === workshopId)
      .sort(byTime)
      .map((r) => ({ ...r }));
  }

  async writtenSince(workshopId: string, afterSeq: number) {
    const sums = new Map<string | null, number>();
    for (const a of this.#boards.get(workshopId)?.attributions ?? []) {
      if (a.seq > afterSeq)
        sums.set(a.participantId, (sums.get(a.participantId) ?? 0) + a.inserted);
    }
    return [...sums].map(([participantId, inserted]) => ({ participantId, inserted }));
  }

  // ── Records (issue 9; migration 12) ─────────────────────────────────────────

  async loadRecords(workshopId: string) {
    return this.#records.load(workshopId);
  }

  async saveOutcome(row: OutcomeRow) {
    this.needWorkshop(row.workshopId);
    this.#records.saveOutcome(row);
  }

  async outcomeHistory(workshopId: string, decisionId: string) {
    return this.#records.outcomeHistory(workshopId, decisionId);
  }

  async addAction(row: ActionRow, max: number) {
    this.needWorkshop(row.workshopId);
    return this.#records.addAction(row, max);
  }

  async updateAction(workshopId: string, actionId: string, change: ActionChange) {
    return this.#records.updateAction(workshopId, actionId, change);
  }

  async addReading(row: ReadingRow, max: number) {
    this.needWorkshop(row.workshopId);
    return this.#records.addReading(row, max);
  }

  async removeReading(workshopId: string, readingId: string) {
    return this.#records.removeReading(workshopId, readingId);
  }

  async setClosure(workshopId: string, cardId: string, row: ClosureRow | null) {
    if (row) this.needWorkshop(workshopId);
    return this.#records.setClosure(workshopId, cardId, row);
  }

  async cardsWrittenBy(workshopId: string, participantId: string) {
    const b = this.#boards.get(workshopId);
    if (!b) return [];
    const ids = new Set<string>();
    for (const [card, who] of b.creators) if (who === participantId) ids.add(card);
    for (const a of b.attributions)
      if (a.participantId === participantId && a.inserted > 0) ids.add(a.cardId);
    return [...ids].sort();
  }

  // ── Operations (issue 12) ────────────────────────────────────────────────────

  async ping() {}

  async exportWorkshop(workshopId: string): Promise<WorkshopFile | null> {
    const workshop = this.#workshops.get(workshopId);
    if (!workshop) return null;
    const of = <T extends { workshopId: string }>(rows: Iterable<T>) =>
      [...rows].filter((r) => r.workshopId === workshopId);
    const summary = this.#summarySettings.get(workshopId);
    const state = this.#facilitation.get(workshopId);
    const m: MemoryWorkshop = {
      workshop,
      invites: of(this.#invites.values()),
      participants: of(this.#participants.values()),
      board: this.#boards.get(workshopId) ?? emptyBoard(),
      events: of(this.#events),
      endorsements: of(this.#endorsements.values()),
      rounds: this.#voting.dump(workshopId),
      summary: summary
        ? { row: summary, updatedAt: this.#summaryUpdated.get(workshopId) ?? '' }
        : null,
      facilitation: state
        ? { state, updatedAt: this.#facilitationUpdated.get(workshopId) ?? '' }
        : null,
      attendance: of(this.#attendance.values()),
      drafts: [...this.#drafts].flatMap(([key, rows]) => {
        const [w, participantId] = key.split('/') as [string, string];
        return w === workshopId ? rows.map((r) => ({ participantId, ...r })) : [];
      }),
      records: this.#records.dump(workshopId),
    };
    return structuredClone(workshopFile(workshopId, SCHEMA_VERSION, toFileTables(m)));
  }

  async importWorkshop(file: WorkshopFile): Promise<'ok' | 'exists'> {
    const problem = importProblem(file);
    if (problem) throw new Error(problem);
    if (this.#workshops.has(file.workshopId)) return 'exists';
    const m = fromFileTables(file.tables);
    // Check every key first, as the SQL schema would, then write: nothing half-done.
    for (const [n, i] of m.invites.entries()) this.checkInvite(i, m.invites.slice(0, n));
    for (const [n, p] of m.participants.entries()) {
      this.checkParticipant(p, m.invites);
      if (m.participants.slice(0, n).some((o) => o.personalToken === p.personalToken))
        throw new Error('personal token already used');
    }
    if (this.#voting.anyExists(m.rounds.map((r) => r.round.id)))
      throw new Error('a round of this workshop already exists');
    if (m.attendance.some((a) => this.#attendance.has(a.id)))
      throw new Error('an attendance row of this workshop already exists');
    const clash = this.#records.clash(m.records);
    if (clash) throw new Error(clash);
    const people = new Set(m.participants.map((p) => p.id));
    if (
      m.drafts.some((d) => !people.has(d.participantId) && !this.#participants.has(d.participantId))
    )
      throw new Error('draft_updates.participant_id: no such participant');
    const w = m.workshop.id;
    this.#workshops.set(w, m.workshop);
    for (const i of m.invites) this.#invites.set(i.id, i);
    for (const p of m.participants) this.#participants.set(p.id, p);
    this.#boards.set(w, m.board);
    this.#events.push(...m.events);
    for (const e of m.endorsements)
      this.#endorsements.set(`${w}|${e.cardId}|${e.participantId}`, e);
    this.#voting.restore(m.rounds);
    if (m.summary) {
      this.#summarySettings.set(w, m.summary.row);
      this.#summaryUpdated.set(w, m.summary.updatedAt);
    }
    if (m.facilitation) {
      this.#facilitation.set(w, m.facilitation.state);
      this.#facilitationUpdated.set(w, m.facilitation.updatedAt);
    }
    for (const a of m.attendance) this.#attendance.set(a.id, a);
    for (const { participantId, ...d } of m.drafts) {
      const key = `${w}/${participantId}`;
      this.#drafts.set(key, [...(this.#drafts.get(key) ?? []), d]);
    }
    this.#records.restore(m.records);
    return 'ok';
  }

  // ── Private writing (issue 11; migration 14) ─────────────────────────────────

  async appendDraftUpdate(input: DraftAppend) {
    this.needWorkshop(input.workshopId);
    this.needParticipant(input.participantId);
    const key = `${input.workshopId}/${input.participantId}`;
    const rows = this.#drafts.get(key) ?? [];
    const seq = (rows.at(-1)?.seq ?? 0) + 1;
    rows.push({ seq, data: input.data.slice(), cards: input.cards, at: input.at });
    this.#drafts.set(key, rows);
    return seq;
  }

  async loadDraft(workshopId: string, participantId: string) {
    const rows = this.#drafts.get(`${workshopId}/${participantId}`) ?? [];
    return rows.map((r) => ({ seq: r.seq, data: r.data.slice() }));
  }

  async listDrafts(workshopId: string) {
    const out: DraftSummary[] = [];
    for (const [key, rows] of this.#drafts) {
      const [w, participantId] = key.split('/') as [string, string];
      const last = rows.at(-1);
      if (w !== workshopId || !last) continue;
      out.push({ participantId, cards: rows.reduce((n, r) => n + r.cards, 0), lastSeq: last.seq });
    }
    return out.sort((a, b) => (a.participantId < b.participantId ? -1 : 1));
  }

  async clearDraft(workshopId: string, participantId: string, uptoSeq: number) {
    const key = `${workshopId}/${participantId}`;
    const rest = (this.#drafts.get(key) ?? []).filter((r) => r.seq > uptoSeq);
    if (rest.length > 0) this.#drafts.set(key, rest);
    else this.#drafts.delete(key);
  }

  async close() {}
}

/** What one logged update did, for card history. */
function historyOf(u: LoggedUpdate): HistorySource {
  return { seq: u.seq, at: u.at, participantId: u.participantId, ranges: historyRanges(u.data) };
}
