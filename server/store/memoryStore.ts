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
import { MemoryVoting } from './memoryVoting';
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
  StoredUpdate,
  SummaryActivity,
  SummarySettingsRow,
  WorkshopRow,
} from './Store';
import { distinctIds, latest } from './summaryQueries';

/** A stored update with who sent it and when (the SQL `updates` row). */
interface LoggedUpdate extends StoredUpdate {
  participantId: string | null;
  at: string;
}

/** One workshop's board: its update log, snapshot and what compaction keeps. */
interface Board {
  updates: LoggedUpdate[];
  snapshot: { seq: number; data: Uint8Array; at: string } | null;
  bindings: Map<number, Binding>;
  creators: Map<string, string | null>;
  attributions: AttributionRow[];
  /** Card history kept for compacted updates (`card_history`), by seq. */
  kept: Map<number, HistorySource>;
  /** Restores of earlier card versions (`card_reverts`). */
  reverts: RevertRow[];
}

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
  readonly #attendance = new Map<string, AttendanceRow>();

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
      b = {
        updates: [],
        snapshot: null,
        bindings: new Map(),
        creators: new Map(),
        attributions: [],
        kept: new Map(),
        reverts: [],
      };
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
    for (const a of input.attributions) b.attributions.push({ ...a, seq, participantId: who });
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
    this.#facilitation.delete(id);
    drop(this.#attendance, (a) => a.workshopId);
    const kept = this.#events.filter((e) => e.workshopId !== id);
    this.#events.splice(0, this.#events.length, ...kept);
    this.#voting.deleteWorkshop(id);
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

  async saveFacilitation(workshopId: string, state: FacilitationState, _at: string) {
    this.needWorkshop(workshopId);
    this.#facilitation.set(workshopId, structuredClone(state));
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

  async close() {}
}

/** What one logged update did, for card history. */
function historyOf(u: LoggedUpdate): HistorySource {
  return { seq: u.seq, at: u.at, participantId: u.participantId, ranges: historyRanges(u.data) };
}
