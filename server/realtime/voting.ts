/**
 * Voting rounds over the control channel (issue 4). Ballots are decided by the store in
 * one transaction each; this module checks who may do what, fixes a round's candidates
 * from the board, and publishes to each person only what they may see:
 *   - `round:update` (settings and status, never counts) to everyone, newest round first;
 *   - `ballot:mine` to the voter's own sockets only;
 *   - `results:update` to everyone once a round is closed, or throttled while it is live;
 *   - `turnout:update` to facilitators while a hidden round is open.
 */

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { readCard, sectionCards } from '../../lib/board/doc';
import {
  type Ack,
  ballotCastSchema,
  type ClientToServerEvents,
  roundAddCardSchema,
  roundExtendSchema,
  roundOpenSchema,
  roundRefSchema,
  roundReopenSchema,
} from '../../lib/protocol/events';
import { fail } from '../../lib/protocol/reasons';
import { can } from '../../lib/roles';
import { dotsLeft, isFuture, roundStatus } from '../../lib/voting/round';
import type { RoundResults, RoundView } from '../../lib/voting/types';
import type { Logger } from '../log';
import type { FrozenTurnout, ParticipantRow, RoundRow, Store } from '../store/Store';
import type { Rooms } from '../yjs/rooms';
import { Coalescer } from './coalesce';
import type { ControlServer, ControlSocket } from './control';
import { eligibleCounts, roundResults, toCandidate } from './roundResults';
import { WelcomeBatches } from './welcomeBatches';
import { greet } from './welcomeLetter';

/** Live results go out at most this often per round (about four a second). */
export const RESULTS_INTERVAL_MS = 250;
/** Timers longer than this are re-armed, since setTimeout cannot wait for weeks. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/** Registers one validated, session-checked handler (Control.handle). */
export type Handle = <S extends z.ZodType>(
  event: keyof ClientToServerEvents,
  schema: S,
  run: (p: ParticipantRow, data: z.infer<S>) => Promise<Ack>,
) => void;

/** The voter is the session's participant; any extra field (e.g. participantId) is refused. */
const castSchema = ballotCastSchema.strict();

const noRound = () => fail('invalidInput', 'That voting round does not exist.');
const pastDeadline = () => fail('invalidInput', 'The deadline must be in the future.');
const w = (workshopId: string) => `w:${workshopId}`;

export class Voting {
  /** Per-workshop queue for round management and candidate removal, so they never interleave. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #results: Coalescer;
  readonly #mine: Coalescer;
  /** Sockets arriving together share one read of the rounds and their counts (I93). */
  readonly #welcomes: WelcomeBatches<ControlSocket>;
  /** Set by `stop`: no new timer, publication or queued task starts after it. */
  #stopped = false;

  constructor(
    private readonly deps: { io: ControlServer; rooms: Rooms; store: Store; log: Logger },
  ) {
    const onError = (err: unknown) => deps.log.error('voting publish failed', { err });
    this.#results = new Coalescer(RESULTS_INTERVAL_MS, onError);
    this.#mine = new Coalescer(0, onError);
    this.#welcomes = new WelcomeBatches(
      (workshopId, sockets) => this.welcomeAll(workshopId, sockets),
      (err) => deps.log.error('voting welcome failed', { err }),
    );
  }

  /** Register the voting events with the control channel (once, for every socket). */
  attach(handle: Handle): void {
    handle('round:open', roundOpenSchema, (p, d) => this.open(p, d));
    handle('round:close', roundRefSchema, (p, d) => this.close(p, d.roundId));
    handle('round:reopen', roundReopenSchema, (p, d) => this.reopen(p, d.roundId, d.deadline));
    handle('round:extend', roundExtendSchema, (p, d) => this.extend(p, d.roundId, d.deadline));
    handle('ballot:cast', castSchema, (p, d) => this.cast(p, d));
    handle('round:add-card', roundAddCardSchema, (p, d) => this.addCard(p, d.roundId, d.cardId));
    handle('round:wording', roundRefSchema, (p, d) => this.wording(p, d.roundId));
  }

  // ── Round management (facilitators) ─────────────────────────────────────────────

  private async open(p: ParticipantRow, d: z.infer<typeof roundOpenSchema>): Promise<Ack> {
    if (!can(p.capability, 'round:manage')) return fail('forbidden');
    if (d.deadline !== null && !isFuture(d.deadline, Date.now())) return pastDeadline();
    return this.serial(p.workshopId, async () => {
      const room = await this.deps.rooms.loaded(p.workshopId);
      const cards = sectionCards(room.doc, d.section);
      if (cards.length === 0)
        return fail('invalidInput', 'There are no cards in this section to vote on yet.');
      const round: RoundRow = {
        id: randomUUID(),
        workshopId: p.workshopId,
        section: d.section,
        budget: d.budget,
        perCardCap: d.perCardCap,
        deadline: d.deadline === null ? null : new Date(d.deadline).toISOString(),
        resultsVisibility: d.resultsVisibility,
        openedAt: new Date().toISOString(),
        openedBy: p.id,
        closedAt: null,
        divergencePoints: d.divergencePoints,
        frozen: null,
      };
      const candidates = cards.map((c, position) => ({
        roundId: round.id,
        cardId: c.id,
        text: c.text,
        position,
        removedAt: null,
        addedAt: null,
      }));
      await this.deps.store.createRound(round, candidates);
      await this.roundChanged(round);
      return { ok: true, roundId: round.id };
    });
  }

  private async close(p: ParticipantRow, roundId: string): Promise<Ack> {
    if (!can(p.capability, 'round:manage')) return fail('forbidden');
    return this.serial(p.workshopId, async () => {
      const round = await this.deps.store.getRound(p.workshopId, roundId);
      if (!round) return noRound();
      if (roundStatus(round, Date.now()) === 'closed') return { ok: true };
      await this.roundChanged(await this.freeze(round, new Date().toISOString()));
      return { ok: true };
    });
  }

  /** Reopen a closed round; a passed deadline must be replaced (a future one, or null for none). */
  private async reopen(
    p: ParticipantRow,
    roundId: string,
    deadline: string | null | undefined,
  ): Promise<Ack> {
    if (!can(p.capability, 'round:manage')) return fail('forbidden');
    return this.serial(p.workshopId, async () => {
      const { store } = this.deps;
      const round = await store.getRound(p.workshopId, roundId);
      if (!round) return noRound();
      const next = deadline === undefined ? round.deadline : deadline;
      if (next !== null && !isFuture(next, Date.now())) {
        return deadline === undefined
          ? fail(
              'invalidInput',
              'This round’s deadline has passed. Give it a new deadline, or none, to reopen it.',
            )
          : pastDeadline();
      }
      const iso = next === null ? null : new Date(next).toISOString();
      if (iso !== round.deadline) await store.setRoundDeadline(p.workshopId, roundId, iso);
      if (round.closedAt !== null || round.frozen !== null)
        await store.reopenRound(p.workshopId, roundId);
      const reopened = { ...round, deadline: iso, closedAt: null, frozen: null };
      await this.syncCandidatesWithBoard(reopened);
      await this.roundChanged(reopened);
      return { ok: true };
    });
  }

  private async extend(p: ParticipantRow, roundId: string, deadline: string): Promise<Ack> {
    if (!can(p.capability, 'round:manage')) return fail('forbidden');
    if (!isFuture(deadline, Date.now())) return pastDeadline();
    return this.serial(p.workshopId, async () => {
      const round = await this.deps.store.getRound(p.workshopId, roundId);
      if (!round) return noRound();
      if (roundStatus(round, Date.now()) === 'closed')
        return fail('roundClosed', 'This round has closed. Reopen it to give it a new deadline.');
      const iso = new Date(deadline).toISOString();
      await this.deps.store.setRoundDeadline(p.workshopId, roundId, iso);
      await this.roundChanged({ ...round, deadline: iso });
      return { ok: true };
    });
  }

  /** A round's settings or status changed: tell everyone, and publish what is now visible. */
  private async roundChanged(round: RoundRow): Promise<void> {
    this.arm(round);
    await this.publishRounds(round.workshopId);
    await this.publishCounts(round, true);
  }

  // ── Ballots ─────────────────────────────────────────────────────────────────────

  private async cast(p: ParticipantRow, d: z.infer<typeof castSchema>): Promise<Ack> {
    if (!can(p.capability, 'ballot:cast'))
      return fail('forbidden', 'Observers can follow the vote but cannot vote.');
    if (!p.group) return fail('forbidden', 'Only participants in a group can vote.');
    // The agenda's step may keep voting closed (issue 11, I54); the room holds the step.
    const room = this.deps.rooms.get(p.workshopId);
    await room.ready;
    if (room.votingClosed) return fail('stepClosed', room.votingClosed);
    const outcome = await this.deps.store.castBallot({
      workshopId: p.workshopId,
      roundId: d.roundId,
      participantId: p.id,
      cardId: d.cardId,
      dots: d.dots,
      key: d.key,
      now: new Date().toISOString(),
    });
    if (!outcome.ok) return outcome.reason === 'unknownRound' ? noRound() : fail(outcome.reason);
    this.scheduleMine(p.workshopId, d.roundId, p.id);
    const round = await this.deps.store.getRound(p.workshopId, d.roundId);
    if (round) await this.publishCounts(round, false);
    const ack: Ack<{ dotsOnCard: number; dotsLeft: number }> = {
      ok: true,
      dotsOnCard: outcome.dotsOnCard,
      dotsLeft: outcome.dotsLeft,
    };
    return ack;
  }

  /** Send a voter's own dots in a round to all their sockets; coalesced so the last is newest. */
  private scheduleMine(workshopId: string, roundId: string, participantId: string): void {
    this.#mine.schedule(`${roundId}|${participantId}`, async () => {
      const round = await this.deps.store.getRound(workshopId, roundId);
      if (!round) return;
      const ballots = (await this.deps.store.listBallots(roundId))
        .filter((b) => b.participantId === participantId)
        .map((b) => ({ cardId: b.cardId, dots: b.dots }));
      this.deps.io
        .to(`p:${participantId}`)
        .emit('ballot:mine', { roundId, ballots, dotsLeft: dotsLeft(round.budget, ballots) });
    });
  }

  /**
   * Publish the counts of a round to those who may see them: results to everyone when it
   * is closed or live, otherwise turnout to facilitators. `now` skips the throttle (a close).
   */
  private async publishCounts(round: RoundRow, now: boolean): Promise<void> {
    const key = round.id;
    const task = async () => {
      const fresh = await this.deps.store.getRound(round.workshopId, round.id);
      if (!fresh) return;
      const results = await this.results(fresh);
      const { io } = this.deps;
      if (this.visible(fresh)) io.to(w(fresh.workshopId)).emit('results:update', results);
      else if (roundStatus(fresh, Date.now()) === 'open')
        io.to(`f:${fresh.workshopId}`).emit('turnout:update', {
          roundId: fresh.id,
          turnout: results.turnout,
        });
    };
    if (now) await task();
    else this.#results.schedule(key, task);
  }

  /** Results may be seen by everyone once the round is closed, or all along when live. */
  private visible(round: RoundRow): boolean {
    return round.resultsVisibility === 'live' || roundStatus(round, Date.now()) === 'closed';
  }

  /** Tally a round from the store (`roundResults`). */
  private results(round: RoundRow): Promise<RoundResults> {
    return roundResults(this.deps.store, round);
  }

  /**
   * Close a round at `closedAt` and fix its turnout as it stands now [I36], so people who
   * join later do not change "2 of 2 people voted" into "2 of 4". Returns the closed round.
   */
  private async freeze(round: RoundRow, closedAt: string): Promise<RoundRow> {
    const { turnout } = await this.results({ ...round, frozen: null });
    const frozen: FrozenTurnout = turnout;
    await this.deps.store.closeRound(round.workshopId, round.id, closedAt, frozen);
    return { ...round, closedAt, frozen };
  }

  // ── Candidates leaving the vote ────────────────────────────────────────────────

  /** A card was deleted: in every open round it was a candidate of, give its dots back. */
  cardDeleted(workshopId: string, cardId: string): void {
    if (this.#stopped) return;
    void this.serial(workshopId, async () => {
      for (const round of await this.deps.store.listRounds(workshopId)) {
        if (roundStatus(round, Date.now()) !== 'open') continue;
        if (await this.removeCandidate(round, cardId)) await this.roundChanged(round);
      }
    }).catch((err) => this.deps.log.error('removing a deleted candidate failed', { err }));
  }

  /**
   * On reopening, cards deleted while the round was closed leave it, and cards restored
   * while it was closed come back into it [I37].
   */
  private async syncCandidatesWithBoard(round: RoundRow): Promise<void> {
    const room = await this.deps.rooms.loaded(round.workshopId);
    for (const c of await this.deps.store.listCandidates(round.id)) {
      const card = readCard(room.doc, c.cardId);
      const live = card !== null && !card.deleted;
      if (c.removedAt === null && !live) await this.removeCandidate(round, c.cardId);
      if (c.removedAt !== null && live) await this.restoreCandidate(round, c.cardId, c.text);
    }
  }

  /**
   * A deleted card was restored: it comes back into every open round it had left [I37],
   * with no dots (they went back to the voters) and an announcement to everyone. A closed
   * round takes it back only when it is reopened (`syncCandidatesWithBoard`).
   */
  cardRestored(workshopId: string, cardId: string): void {
    if (this.#stopped) return;
    void this.serial(workshopId, async () => {
      for (const round of await this.deps.store.listRounds(workshopId)) {
        if (roundStatus(round, Date.now()) !== 'open') continue;
        const candidate = (await this.deps.store.listCandidates(round.id)).find(
          (c) => c.cardId === cardId && c.removedAt !== null,
        );
        if (!candidate) continue;
        if (await this.restoreCandidate(round, cardId, candidate.text))
          await this.roundChanged(round);
      }
    }).catch((err) => this.deps.log.error('restoring a candidate failed', { err }));
  }

  private async restoreCandidate(round: RoundRow, cardId: string, text: string): Promise<boolean> {
    if (!(await this.deps.store.restoreCandidate(round.id, cardId))) return false;
    this.tellEveryone(
      round,
      `The card “${clip(text)}” was restored, so it is part of the vote again. It starts with no dots.`,
    );
    return true;
  }

  /** Add a card made after the round opened to the open round, and tell everyone [I38]. */
  private async addCard(p: ParticipantRow, roundId: string, cardId: string): Promise<Ack> {
    if (!can(p.capability, 'round:manage')) return fail('forbidden');
    return this.serial(p.workshopId, async () => {
      const { store, rooms } = this.deps;
      const round = await store.getRound(p.workshopId, roundId);
      if (!round) return noRound();
      if (roundStatus(round, Date.now()) !== 'open')
        return fail('roundClosed', 'This round has closed. Cards can only join an open vote.');
      const room = await rooms.loaded(p.workshopId);
      const card = readCard(room.doc, cardId);
      if (!card || card.deleted) return fail('unknownCard');
      if (card.section !== round.section)
        return fail('invalidInput', 'That card is not in the section being voted on.');
      if (!(await store.addCandidate(round.id, cardId, card.text, nowIso())))
        return fail('invalidInput', 'That card is already part of the vote.');
      this.tellEveryone(
        round,
        `The facilitator added the card “${clip(card.text)}” to the vote. You can give it dots now.`,
      );
      await this.roundChanged(round);
      return { ok: true };
    });
  }

  /** The candidates' wording as it is now on the board, for "See the current wording". */
  private async wording(p: ParticipantRow, roundId: string): Promise<Ack> {
    const { store, rooms } = this.deps;
    const round = await store.getRound(p.workshopId, roundId);
    if (!round) return noRound();
    const room = await rooms.loaded(p.workshopId);
    const cards = (await store.listCandidates(roundId)).map((c) => {
      const card = readCard(room.doc, c.cardId);
      return { cardId: c.cardId, text: card && !card.deleted ? card.text : null };
    });
    const ack: Ack<{ cards: typeof cards }> = { ok: true, cards };
    return ack;
  }

  /** A notice about a round for everyone in the workshop. */
  private tellEveryone(round: RoundRow, message: string): void {
    this.deps.io.to(w(round.workshopId)).emit('round:notice', { roundId: round.id, message });
  }

  /** Remove one candidate; tell each voter their dots came back. True when it was live. */
  private async removeCandidate(round: RoundRow, cardId: string): Promise<boolean> {
    const { store, io } = this.deps;
    const candidate = (await store.listCandidates(round.id)).find((c) => c.cardId === cardId);
    if (!candidate || candidate.removedAt !== null) return false;
    const voters = await store.removeCandidate(round.id, cardId, new Date().toISOString());
    for (const id of voters) {
      io.to(`p:${id}`).emit('round:notice', {
        roundId: round.id,
        message: `The card “${clip(candidate.text)}” was deleted, so the dots you gave it are back with you to use again.`,
      });
      this.scheduleMine(round.workshopId, round.id, id);
    }
    return true;
  }

  // ── Connecting, deadlines, shutdown ─────────────────────────────────────────────

  /** Send a new socket every round, its own dots in each of them [I35], and the counts it may see. */
  welcome(socket: ControlSocket): Promise<void> {
    return this.#welcomes.add(socket.data.workshopId, socket);
  }

  /** `welcome` for the sockets that arrived together: the rounds and each round's counts read once. */
  private welcomeAll(workshopId: string, sockets: ControlSocket[]): Promise<void> {
    return this.serial(workshopId, async () => {
      const rounds = await this.settle(await this.deps.store.listRounds(workshopId));
      const views = await this.views(rounds);
      for (const socket of sockets) greet(socket, 'round:update', views);
      const now = Date.now();
      for (const round of rounds) {
        this.arm(round);
        const open = roundStatus(round, now) === 'open';
        let counted: Promise<RoundResults> | undefined;
        const results = () => {
          counted ??= this.results(round);
          return counted;
        };
        for (const socket of sockets) {
          const p = socket.data.participant;
          if (can(p.capability, 'ballot:cast') && p.group)
            this.scheduleMine(workshopId, round.id, p.id);
          if (this.visible(round)) greet(socket, 'results:update', await results());
          else if (open && p.capability === 'facilitator') {
            const { turnout } = await results();
            greet(socket, 'turnout:update', { roundId: round.id, turnout });
          }
        }
      }
    });
  }

  /**
   * Fix the turnout of rounds that closed by their deadline while nobody was connected
   * (or before version 8 stored it), so it stops following who joins later.
   */
  private async settle(rounds: RoundRow[]): Promise<RoundRow[]> {
    const now = Date.now();
    return Promise.all(
      rounds.map((r) =>
        r.frozen === null && roundStatus(r, now) === 'closed'
          ? this.freeze(r, r.closedAt ?? r.deadline ?? nowIso())
          : r,
      ),
    );
  }

  private async publishRounds(workshopId: string): Promise<void> {
    const views = await this.views(await this.deps.store.listRounds(workshopId));
    this.deps.io.to(w(workshopId)).emit('round:update', views);
  }

  /** Rounds as everyone may see them: settings, candidates and status, never counts. */
  private async views(rounds: RoundRow[]): Promise<RoundView[]> {
    const now = Date.now();
    const first = rounds[0];
    const live = eligibleCounts(
      first ? await this.deps.store.listParticipants(first.workshopId) : [],
    );
    return Promise.all(
      rounds.map(async (r) => ({
        id: r.id,
        workshopId: r.workshopId,
        section: r.section,
        budget: r.budget,
        perCardCap: r.perCardCap,
        deadline: r.deadline,
        resultsVisibility: r.resultsVisibility,
        candidates: (await this.deps.store.listCandidates(r.id)).map(toCandidate),
        openedAt: r.openedAt,
        closedAt: r.closedAt,
        status: roundStatus(r, now),
        eligible: r.frozen
          ? { people: r.frozen.people.eligible, system: r.frozen.system.eligible }
          : live,
        divergencePoints: r.divergencePoints,
      })),
    );
  }

  /** Publish a round's closing when its deadline passes (re-armed for far deadlines). */
  private arm(round: RoundRow): void {
    const old = this.#timers.get(round.id);
    if (old) clearTimeout(old);
    this.#timers.delete(round.id);
    if (this.#stopped || round.deadline === null || roundStatus(round, Date.now()) === 'closed')
      return;
    const wait = Date.parse(round.deadline) - Date.now();
    const timer = setTimeout(
      () => {
        this.#timers.delete(round.id);
        void this.serial(round.workshopId, async () => {
          const fresh = await this.deps.store.getRound(round.workshopId, round.id);
          if (!fresh) return;
          if (roundStatus(fresh, Date.now()) === 'open') return this.arm(fresh);
          // Closed by its deadline: fix its turnout as of then, and tell everyone. Every
          // instance may have armed this timer; the one whose write closes it tells (I64).
          if (fresh.closedAt !== null) return;
          const closedAt = fresh.deadline ?? nowIso();
          const { turnout } = await this.results({ ...fresh, frozen: null });
          const store = this.deps.store;
          if (await store.closeRound(fresh.workshopId, fresh.id, closedAt, turnout, true))
            await this.roundChanged({ ...fresh, closedAt, frozen: turnout });
        }).catch((err) => this.deps.log.error('deadline publish failed', { err }));
      },
      Math.min(wait + 5, MAX_TIMER_MS),
    );
    timer.unref();
    this.#timers.set(round.id, timer);
  }

  /** Run `task` after every earlier voting task of this workshop. */
  private serial<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#queues.get(workshopId) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    this.#queues.set(workshopId, tail);
    void tail.then(() => {
      if (this.#queues.get(workshopId) === tail) this.#queues.delete(workshopId);
    });
    return run;
  }

  /**
   * The server is stopping: stop deadline timers and throttled publications, start nothing
   * new, and resolve once the publications and queued tasks already running have finished,
   * so none of them reaches the store after it is closed.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#welcomes.stop();
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    await Promise.all([this.#results.stop(), this.#mine.stop(), ...this.#queues.values()]);
  }
}

/** A card's text cut for a sentence. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const nowIso = () => new Date().toISOString();
