/**
 * The voting part of the in-memory Store (issue 12): rounds, candidates, ballots and
 * idempotency keys in plain maps, with the same rules as `votingQueries.ts`. Each method
 * decides and writes within one synchronous step, so no other call interleaves: that is
 * this adapter's transaction.
 */
import type {
  BallotRow,
  CandidateRow,
  CastInput,
  CastOutcome,
  FrozenTurnout,
  RoundRow,
} from './Store';

type CastFailure = Extract<CastOutcome, { ok: false }>;

/** A stored idempotency key and the outcome a replay returns. */
interface KeyRow {
  participantId: string;
  cardId: string;
  /** The dots asked for and when (kept for a workshop's export, issue 12). */
  dots: number;
  at: string;
  outcome: { ok: true; dotsOnCard: number; dotsLeft: number } | CastFailure;
}

/** An idempotency key as exported and imported (issue 12). */
export type StoredKey = KeyRow & { key: string };

/** One round with everything stored under it, as exported and imported (issue 12). */
export interface StoredRound {
  round: RoundRow;
  candidates: CandidateRow[];
  ballots: BallotRow[];
  keys: StoredKey[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rounds and ballots of every workshop, in memory. */
export class MemoryVoting {
  readonly #rounds = new Map<string, RoundRow>();
  /** Candidates per round, by card id. */
  readonly #candidates = new Map<string, Map<string, CandidateRow>>();
  /** Ballots per round, keyed `participant|card`. */
  readonly #ballots = new Map<string, Map<string, BallotRow>>();
  /** Keys per round, keyed `participant|key`. */
  readonly #keys = new Map<string, Map<string, KeyRow>>();

  /** `exists(participantId)` checks the foreign key to participants. */
  constructor(private readonly participantExists: (id: string) => boolean) {}

  createRound(round: RoundRow, candidates: CandidateRow[]): void {
    if (this.#rounds.has(round.id)) throw new Error(`round ${round.id} already exists`);
    if (!this.participantExists(round.openedBy)) throw new Error('opened_by: unknown participant');
    const cards = new Map<string, CandidateRow>();
    for (const c of candidates) {
      if (cards.has(c.cardId)) throw new Error(`card ${c.cardId} is a candidate twice`);
      cards.set(c.cardId, { ...c, roundId: round.id });
    }
    this.#rounds.set(round.id, { ...round, frozen: copyFrozen(round.frozen) });
    this.#candidates.set(round.id, cards);
    this.#ballots.set(round.id, new Map());
    this.#keys.set(round.id, new Map());
  }

  getRound(workshopId: string, roundId: string): RoundRow | null {
    const r = this.#rounds.get(roundId);
    return r && r.workshopId === workshopId ? { ...r, frozen: copyFrozen(r.frozen) } : null;
  }

  listRounds(workshopId: string): RoundRow[] {
    return [...this.#rounds.values()]
      .filter((r) => r.workshopId === workshopId)
      .sort((a, b) => byText(b.openedAt, a.openedAt) || byText(b.id, a.id))
      .map((r) => ({ ...r, frozen: copyFrozen(r.frozen) }));
  }

  listCandidates(roundId: string): CandidateRow[] {
    return [...(this.#candidates.get(roundId)?.values() ?? [])]
      .sort((a, b) => a.position - b.position || byText(a.cardId, b.cardId))
      .map((c) => ({ ...c }));
  }

  /** Change a round's fields when it belongs to the workshop; false otherwise. */
  updateRound(workshopId: string, roundId: string, change: Partial<RoundRow>): boolean {
    const r = this.#rounds.get(roundId);
    if (!r || r.workshopId !== workshopId) return false;
    Object.assign(r, change);
    return true;
  }

  closeRound(
    w: string,
    roundId: string,
    closedAt: string,
    frozen: FrozenTurnout,
    onlyIfOpen = false,
  ): boolean {
    if (onlyIfOpen && this.#rounds.get(roundId)?.closedAt != null) return false;
    return this.updateRound(w, roundId, { closedAt, frozen: copyFrozen(frozen) });
  }

  removeCandidate(roundId: string, cardId: string, at: string): string[] {
    const c = this.#candidates.get(roundId)?.get(cardId);
    if (!c || c.removedAt !== null) return [];
    c.removedAt = at;
    const ballots = this.#ballots.get(roundId) ?? new Map<string, BallotRow>();
    const voters: string[] = [];
    for (const [k, b] of ballots) {
      if (b.cardId !== cardId) continue;
      if (b.dots > 0) voters.push(b.participantId);
      ballots.delete(k);
    }
    return voters.sort(byText);
  }

  restoreCandidate(roundId: string, cardId: string): boolean {
    const c = this.#candidates.get(roundId)?.get(cardId);
    if (!c || c.removedAt === null) return false;
    c.removedAt = null;
    return true;
  }

  addCandidate(roundId: string, cardId: string, text: string, at: string): boolean {
    const cards = this.#candidates.get(roundId);
    if (!cards) throw new Error(`round ${roundId}: unknown round`);
    if (cards.has(cardId)) return false;
    const position = Math.max(-1, ...[...cards.values()].map((c) => c.position)) + 1;
    cards.set(cardId, { roundId, cardId, text, position, removedAt: null, addedAt: at });
    return true;
  }

  castBallot(input: CastInput): CastOutcome {
    const round = this.getRound(input.workshopId, input.roundId);
    if (!round) return { ok: false, reason: 'unknownRound' };
    const keys = this.#keys.get(round.id) ?? new Map<string, KeyRow>();
    const stored = keys.get(`${input.participantId}|${input.key}`);
    if (stored) return stored.outcome.ok ? { ...stored.outcome, replayed: true } : stored.outcome;
    if (!this.participantExists(input.participantId))
      throw new Error('participant_id: unknown participant');
    const decision = this.decide(round, input);
    if (!decision.ok) {
      // Refusals are kept bounded, as in votingQueries.keepRefusal.
      if (!this.#candidates.get(round.id)?.has(input.cardId)) return decision;
      for (const [k, row] of keys)
        if (row.participantId === input.participantId && row.cardId === input.cardId)
          if (!row.outcome.ok) keys.delete(k);
    }
    keys.set(`${input.participantId}|${input.key}`, {
      participantId: input.participantId,
      cardId: input.cardId,
      dots: input.dots,
      at: input.now,
      outcome: decision,
    });
    return decision.ok ? { ...decision, replayed: false } : decision;
  }

  private decide(
    round: RoundRow,
    input: CastInput,
  ): { ok: true; dotsOnCard: number; dotsLeft: number } | CastFailure {
    const deadlinePassed =
      round.deadline !== null && Date.parse(round.deadline) <= Date.parse(input.now);
    if (round.closedAt !== null || deadlinePassed) return { ok: false, reason: 'roundClosed' };
    const candidate = this.#candidates.get(round.id)?.get(input.cardId);
    if (!candidate || candidate.removedAt !== null) return { ok: false, reason: 'notCandidate' };
    if (input.dots > round.perCardCap) return { ok: false, reason: 'overCap' };
    const ballots = this.#ballots.get(round.id) ?? new Map<string, BallotRow>();
    let elsewhere = 0;
    for (const b of ballots.values())
      if (b.participantId === input.participantId && b.cardId !== input.cardId) elsewhere += b.dots;
    if (elsewhere + input.dots > round.budget) return { ok: false, reason: 'overBudget' };
    const k = `${input.participantId}|${input.cardId}`;
    if (input.dots === 0) ballots.delete(k);
    else
      ballots.set(k, {
        roundId: round.id,
        participantId: input.participantId,
        cardId: input.cardId,
        dots: input.dots,
      });
    return { ok: true, dotsOnCard: input.dots, dotsLeft: round.budget - elsewhere - input.dots };
  }

  listBallots(roundId: string): BallotRow[] {
    return [...(this.#ballots.get(roundId)?.values() ?? [])]
      .filter((b) => b.dots > 0)
      .sort((a, b) => byText(a.participantId, b.participantId) || byText(a.cardId, b.cardId))
      .map((b) => ({ ...b }));
  }

  countBallotKeys(roundId: string): number {
    return this.#keys.get(roundId)?.size ?? 0;
  }

  /** Every round of a workshop with its candidates, ballots and keys, as stored. */
  dump(workshopId: string): StoredRound[] {
    return this.listRounds(workshopId).map((round) => ({
      round,
      candidates: this.listCandidates(round.id),
      ballots: this.listBallots(round.id),
      keys: [...(this.#keys.get(round.id) ?? [])].map(([k, row]) => ({
        ...structuredClone(row),
        key: k.slice(row.participantId.length + 1),
      })),
    }));
  }

  /** Whether any of these rounds exists already (an import must not overwrite it). */
  anyExists(roundIds: string[]): boolean {
    return roundIds.some((id) => this.#rounds.has(id));
  }

  /** Put rounds back exactly as dumped; the caller checked that none exists. */
  restore(rounds: StoredRound[]): void {
    for (const { round, candidates, ballots, keys } of rounds) {
      this.#rounds.set(round.id, { ...round, frozen: copyFrozen(round.frozen) });
      this.#candidates.set(round.id, new Map(candidates.map((c) => [c.cardId, { ...c }])));
      this.#ballots.set(
        round.id,
        new Map(ballots.map((b) => [`${b.participantId}|${b.cardId}`, { ...b }])),
      );
      this.#keys.set(
        round.id,
        new Map(
          keys.map(({ key, ...row }) => [`${row.participantId}|${key}`, structuredClone(row)]),
        ),
      );
    }
  }

  /** Forget every round of a workshop with its candidates, ballots and keys. */
  deleteWorkshop(workshopId: string): void {
    for (const r of [...this.#rounds.values()]) {
      if (r.workshopId !== workshopId) continue;
      this.#rounds.delete(r.id);
      this.#candidates.delete(r.id);
      this.#ballots.delete(r.id);
      this.#keys.delete(r.id);
    }
  }
}

function copyFrozen(f: FrozenTurnout | null): FrozenTurnout | null {
  return f ? { people: { ...f.people }, system: { ...f.system } } : null;
}
